"""The extraction chain for one document (see `extractors.document` for the entry point).

Each stage after reading the text is guarded: an exception in one stage becomes an `IngestError`
row and the document is 'partial', so one odd item never costs the rest of the document.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import traceback
from dataclasses import dataclass, field, replace

from extractors import records as R
from extractors.document import doc_id_of, failed
from extractors.goals.budget import extract_budget_lines
from extractors.goals.followup import (
    extract_followups,
    extract_followups_html,
    extract_followups_text,
    find_year,
    is_followup,
    is_goal_table,
    running_lines,
)
from extractors.goals.plans import (
    expand_body,
    extract_goals,
    extract_strategy_columns,
    extract_strategy_goals,
    is_goals_text,
)
from extractors.minutes.appeals import AppealText, appeal_parts, appeals_start
from extractors.minutes.casemhtml import read_casem
from extractors.minutes.decisions import (
    classify_outcome,
    extract_recusals,
    extract_votes,
    is_withheld,
    reported_decision,
)
from extractors.minutes.handlings import history_rows, parse_handling_page, publisher_meeting
from extractors.minutes.meeting import MeetingInfo, extract_meeting
from extractors.minutes.provenance import with_pages
from extractors.minutes.roles import parse_person_lines
from extractors.minutes.sections import ParsedItem, parse_item
from extractors.minutes.segment import split_items
from extractors.municipality import classify_kind, detect_language, recognise_municipality
from extractors.records import Extraction, Line, PageText
from extractors.text.fold import fold
from extractors.text.htmltext import HtmlDocument, decode_html, html_title, html_to_pages, listing_reason, parse_html
from extractors.text.layout import strip_furniture
from extractors.text.ocrfix import needs_ocr
from extractors.text.pdftext import CASEM_HTML_KEY, PdfError, page_texts, read_pdf
from extractors.text.repair import repair_pages
from extractors.text.terms import section_terms
from extractors.vocab import AGENDA_TYPE_WORDS, MINUTES_TYPE_WORDS

CASEM_HTML_MARK = ("/" + CASEM_HTML_KEY).encode()


@dataclass
class TextLayer:
    pages: list[PageText]
    source_format: str
    page_count: int | None
    ocr: bool = False
    pdf_bytes: bytes | None = None
    repairs: list = field(default_factory=list)
    listing: str | None = None  # why an HTML page is a list or search form, not minutes
    html: str | None = None  # the decoded HTML, for readers that need its cells (follow-up tables)
    casem: HtmlDocument | None = None  # CaseM's source HTML embedded in the PDF: items are read from its elements
    text: str | None = None  # plain text as given: its tabs keep empty table cells
    outline: list[tuple[str, int | None]] = field(default_factory=list)  # PDF bookmarks (title, page)


def _decode_text(data: bytes) -> str:
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def text_to_pages(text: str) -> list[PageText]:
    """Plain text (seeds, exports) as one page per form feed, one Line per text line."""
    pages = []
    for number, chunk in enumerate(text.split("\f"), start=1):
        lines = []
        for k, raw in enumerate(chunk.splitlines()):
            if not raw.strip():
                continue
            parts = [p for p in re.split(r"\t+|\s{3,}", raw.strip()) if p.strip()]
            segs = tuple(R.Segment(x0=100.0 * j, x1=100.0 * j + 90, text=p.strip()) for j, p in enumerate(parts))
            indent = len(raw) - len(raw.lstrip())
            lines.append(Line(page=number, y=12.0 * k, x0=float(indent), text=" ".join(raw.split()),
                              segments=segs if len(segs) > 1 else (), height=10.0))
        pages.append(PageText(number=number, lines=tuple(lines)))
    return pages


def read_text_layer(data: bytes, fmt: str, ocr=None, prefer_embedded_html: bool = True) -> TextLayer:
    """The document's lines: CaseM HTML when embedded, else PDF text (OCR where pages are scans)."""
    if fmt == "html":
        html = decode_html(data)
        return TextLayer(pages=html_to_pages(html), source_format="html", page_count=None,
                         listing=listing_reason(html), html=html)
    if fmt == "text":
        text = _decode_text(data)
        return TextLayer(pages=text_to_pages(text), source_format="text", page_count=None, text=text)
    content = read_pdf(data, with_text=not (prefer_embedded_html and CASEM_HTML_MARK in data))
    casem = parse_html(content.embedded_html) if prefer_embedded_html and content.embedded_html else None
    if casem is not None:
        return TextLayer(pages=casem.pages(), source_format="pdf+casem-html", page_count=content.page_count,
                         pdf_bytes=data, casem=casem)
    if not content.pages and content.page_count:
        content = read_pdf(data)  # the embedded HTML was unusable: read the page text after all
    pages = content.pages
    scans = [p.number for p in pages if needs_ocr(p)]
    used_ocr = False
    if scans and ocr is not None:
        ocred = {p.number: p for p in ocr(data, scans, "auto")}
        pages = [ocred.get(p.number, p) for p in pages]
        used_ocr = True
    elif scans and len(scans) == len(pages):
        raise PdfError("no text layer and OCR is not available")
    return TextLayer(pages=pages, source_format="pdf+ocr" if used_ocr else "pdf",
                     page_count=content.page_count, ocr=mostly_ocr(pages), pdf_bytes=data,
                     outline=content.outline)


def _chars(page: PageText) -> int:
    return sum(len(ln.text) for ln in page.lines)


def mostly_ocr(pages: list[PageText]) -> bool:
    """True when most of the text (by characters) came from OCR: a born-digital PDF whose few
    near-blank or damaged pages went to Tesseract is not an OCR document."""
    ocr = sum(_chars(p) for p in pages if p.ocr)
    return ocr > 0 and ocr * 2 > sum(_chars(p) for p in pages)


def page_rows(layer: TextLayer, doc_id: str) -> list[R.DocumentPage]:
    """One row per page of a PDF read from its pages (not from embedded HTML): text layer or OCR."""
    if layer.source_format not in ("pdf", "pdf+ocr"):
        return []
    return [R.DocumentPage(doc_id=doc_id, page=p.number, text_source="ocr" if p.ocr else "text", chars=_chars(p))
            for p in layer.pages]


def _slug(text: str | None) -> str:
    return fold(text or "").replace(" ", "-") or "x"


def extract_minutes(data: bytes, fmt: str, src, ocr=None, prefer_embedded_html: bool = True) -> Extraction:
    doc_id = doc_id_of(data)
    try:
        layer = read_text_layer(data, fmt, ocr=ocr, prefer_embedded_html=prefer_embedded_html)
    except PdfError as exc:
        return failed(data, src, str(exc))
    errors: list[R.IngestError] = []
    rows: list = page_rows(layer, doc_id)

    def guard(stage: str, fn, *args, default=None):
        try:
            return fn(*args)
        except Exception as exc:  # noqa: BLE001 - recorded, the rest of the document goes on
            detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
            errors.append(R.IngestError(doc_id=doc_id, stage=stage, message=detail))
            return default

    raw_pages = layer.pages
    pages, repair_rows = guard("repair", repair_stage, raw_pages, doc_id, default=(raw_pages, []))
    rows.extend(repair_rows)
    repaired = bool(repair_rows)
    full_text = "\n".join(ln.text for p in pages for ln in p.lines)
    language = guard("language", detect_language, full_text, default="fi") or "fi"
    municipality, code = guard("municipality", recognise_municipality, full_text, src.file_name,
                               src.municipality_hint, default=(None, None)) or (None, None)
    kind = guard("kind", classify_kind, full_text, default="minutes") or "minutes"

    meeting_info = guard("meeting", extract_meeting, pages, language)
    has_positions = layer.source_format != "text"
    if layer.listing:
        kind, meeting_info = "other", None
    handled = guard("handlings", parse_handling_page, [ln for p in pages for ln in p.lines], has_positions)
    if handled is not None:  # an item page carrying its case's history: one item of its publisher
        meeting_info = publisher_meeting(meeting_info, handled.publisher)
    meeting_body = meeting_info.body if meeting_info else None
    index = item_index(layer.outline)
    casem = guard("casem html", read_casem, layer.casem) if layer.casem and not handled else None
    if handled is not None:
        items, main_body, appeals = [handled.item], handled.publisher.body, []
    elif casem is not None:
        items, main_body, appeals = casem.items, meeting_body or casem.body, casem.appeals
    else:
        items, main_body, appeals = guard("segment", segment_items, pages, layer.source_format, kind, has_positions,
                                          meeting_body, index, default=([], None, []))
    raw_texts = {}
    if repaired:  # the text as printed, before repair, for item_sections.text_raw
        before, _, _ = guard("segment before repair", segment_items, raw_pages, layer.source_format, kind,
                             has_positions, meeting_body, index, default=([], None, []))
        raw_texts = {(it.number, n, sec.kind): sec.text for it in before for n, sec in enumerate(it.sections)}

    if layer.source_format == "pdf+casem-html" and layer.pdf_bytes is not None:
        guard("pages", locate_pages, items, appeals, layer.pdf_bytes)
    body = (meeting_info.body if meeting_info and meeting_info.body else main_body)
    # a body known only by its abbreviation in a handling line ('Ehk 10.03.2026 § 19'): the document's
    # own title names it in full, for the meeting, its items and goals alike
    if body and " " not in body.strip():
        body = expand_body(body, full_text) or body
    goal_body = body
    date = meeting_info.date if meeting_info else None
    meeting_id = None
    if meeting_info is not None or items:
        meeting_id = f"{code or 'x'}/{_slug(body)}/{date.isoformat() if date else 'x'}/{doc_id[:8]}"
        rows.extend(meeting_rows(meeting_info, meeting_id, doc_id, municipality, code, body, date))
    rows.extend(R.AppealInstruction(meeting_id=meeting_id, doc_id=doc_id, ordinal=n, heading_raw=a.heading_raw,
                                    section_numbers=a.section_numbers, text=a.text,
                                    page=a.page if layer.page_count else None)
                for n, a in enumerate(appeals))
    attendee_roles = {a.name: a.role for a in (meeting_info.attendees if meeting_info else ())}
    for ordinal, item in enumerate(items):
        item_id = f"{meeting_id or doc_id[:16]}/{item.number if item.number is not None else f'n{ordinal}'}"
        rows.append(R.AgendaItem(
            item_id=item_id, doc_id=doc_id, meeting_id=meeting_id, municipality=municipality, body=body,
            meeting_date=date, section_number=item.number, title=item.title, diary_number=item.diary_number,
            page_start=item.page_start if layer.page_count else None,
            page_end=item.page_end if layer.page_count else None, ordinal=ordinal))
        rows.extend(history_rows(item, item_id, doc_id, handled))
        rows.extend(item_text_rows(item, item_id, doc_id, raw_texts, paged=bool(layer.page_count)))
        analysed = guard(f"analyse {item.number}", _analyse_item, item, item_id, doc_id, language,
                         attendee_roles, default=[])
        rows.extend(analysed or [])
        goals = guard(f"goals {item.number}", _goals, item, item_id, doc_id, municipality, code, goal_body,
                      1 + sum(1 for r in rows if isinstance(r, R.Goal)), default=[])
        rows.extend(goals or [])
    tables = guard("followups", _followups, layer, pages, full_text, kind, doc_id, municipality, code, default=[])
    tables = _in_items(tables or [], [r for r in rows if isinstance(r, R.AgendaItem)])
    rows = _without_goals_read_again(rows, tables) + tables
    rows.extend(guard("budget", _budget_lines, pages, full_text, doc_id, municipality, code, default=[]) or [])
    if not any(isinstance(r, (R.Goal, R.FollowUp)) for r in rows) and "strateginen paamaara" in fold(full_text):
        rows.extend(guard("strategy table", _strategy_goals, layer, pages, full_text, doc_id, municipality, code,
                          default=[]) or [])
    rows.extend(guard("search terms", section_terms, [r for r in rows if isinstance(r, R.ItemSection)],
                      default=[]) or [])

    if kind == "minutes" and is_agenda(pages):
        # an agenda decides nothing: a decision, vote or recusal printed in it is an earlier
        # handling's, which the minutes of that handling record
        kind = "agenda"
        rows = [r for r in rows if not isinstance(r, (R.Decision, R.Vote, R.Recusal))]
    if kind == "other" and any(isinstance(r, R.FollowUp) for r in rows):
        kind = "followup"  # its tables report outcomes, though its words did not say so
    if kind == "other" and any(isinstance(r, R.Goal) for r in rows):
        kind = "goals"
    if kind == "followup" and any(isinstance(r, R.Goal) for r in rows) and not any(isinstance(r, R.FollowUp)
                                                                                  for r in rows):
        kind = "goals"  # goal tables that report no outcome (a budget's 'Tavoitetaso' columns) set goals
    if kind == "other" and any(isinstance(r, R.BudgetLine) for r in rows):
        kind = "budget"
    item_count = len(items)
    has_content = item_count > 0 or any(isinstance(r, (R.FollowUp, R.Goal)) for r in rows)
    if not has_content and not errors and kind == "other":
        # nothing of minutes, goals or follow-ups in words or structure: no meeting, no partial record
        return replace_document(failed(data, src, f"not minutes: {_not_minutes_reason(layer)}", stage="classify"),
                                municipality=municipality, municipality_code=code, language=language,
                                pages=layer.page_count, source_format=layer.source_format)
    status = "ok" if has_content and not errors else ("partial" if has_content or errors else "partial")
    error = None
    if errors:
        error = "; ".join(f"{e.stage}: {e.message}" for e in errors)[:2000]
    elif not has_content:
        error = layer.listing or "no agenda items, goals or follow-up rows found"
        errors.append(R.IngestError(doc_id=doc_id, stage="segment", message=error))
    doc = R.Document(
        doc_id=doc_id, source=src.source, file_name=src.file_name, municipality=municipality,
        municipality_code=code, kind=kind, language=language, pages=layer.page_count, ocr=layer.ocr,
        ocr_repaired=repaired, status=status, error=error, source_format=layer.source_format,
        meeting_count=1 if meeting_id else 0, item_count=item_count)
    return Extraction(document=doc, rows=with_pages(rows) + errors)


_BOOKMARK_ITEM = re.compile(r"^§\s*(\d{1,4})(?!\d)|^(\d{1,4})\s*§")


def item_index(outline: list[tuple[str, int | None]]) -> dict[int, int | None] | None:
    """§ number -> first page from the PDF's bookmarks, when they list items ('§ 35 Title');
    None when the outline lists no items or repeats a number (then it is not a list of items)."""
    index: dict[int, int | None] = {}
    for title, page in outline:
        m = _BOOKMARK_ITEM.match(title)
        if m:
            number = int(m.group(1) or m.group(2))
            if number in index:
                return None
            index[number] = page
    return index or None


AGENDA_HEAD_LINES = 6  # the document type is printed in the first lines of page 1 (its page header)


def is_agenda(pages: list[PageText]) -> bool:
    """An agenda (esityslista, kokouskutsu, föredragningslista): its page header names an agenda
    and not minutes. Items of an agenda are proposals; the minutes of the meeting decide them."""
    head = " ".join(fold(ln.text) for ln in (pages[0].lines[:AGENDA_HEAD_LINES] if pages else ()))

    def named(words: tuple[str, ...]) -> bool:
        return any(re.search(rf"\b{fold(w)}\b", head) for w in words)

    return named(AGENDA_TYPE_WORDS) and not named(MINUTES_TYPE_WORDS)


def _not_minutes_reason(layer: TextLayer) -> str:
    """Why a readable document holds nothing to extract, in words a user can check."""
    if layer.listing:
        return layer.listing
    if layer.source_format == "html":
        title = html_title(layer.html or "")
        return f"HTML page{f' {title!r}' if title else ''} with no § items, decisions, goals or follow-up rows"
    what = "text" if layer.source_format == "text" else "PDF"
    return f"{what} with no § items, decisions, goals or follow-up rows"


def replace_document(extraction: Extraction, **changes) -> Extraction:
    return Extraction(document=dataclasses.replace(extraction.document, **changes), rows=extraction.rows)


def meeting_rows(info: MeetingInfo | None, meeting_id: str, doc_id: str, municipality: str | None,
                 code: str | None, body: str | None, date: dt.date | None) -> list:
    """The meeting and its attendees; body and date may come from the items when the header had none."""
    meeting = R.Meeting(meeting_id=meeting_id, doc_id=doc_id, municipality=municipality, municipality_code=code,
                        body=body, meeting_date=date, number=info.number if info else None,
                        place=info.place if info else None, start_time=info.start if info else None,
                        end_time=info.end if info else None)
    return [meeting, *(replace(a, meeting_id=meeting_id, doc_id=doc_id) for a in (info.attendees if info else ()))]


def repair_stage(pages: list[PageText], doc_id: str) -> tuple[list[PageText], list[R.TextRepair]]:
    """Pages with their OCR damage repaired, and one TextRepair row per changed word."""
    repaired, repairs = repair_pages(pages)
    return repaired, [R.TextRepair(doc_id=doc_id, page=r.page, original=r.original, repaired=r.repaired,
                                   method=r.method, score=r.score) for r in repairs]


def item_text_rows(item: ParsedItem, item_id: str, doc_id: str, raw_texts: dict, paged: bool) -> list:
    """An item's sections; `raw_texts` holds the section texts before repair, kept where repair
    changed them. Pages only for documents that have pages (earlier handlings: handlings.history_rows)."""
    rows: list = []
    for s, sec in enumerate(item.sections):
        text_raw = raw_texts.get((item.number, s, sec.kind))
        rows.append(R.ItemSection(item_id=item_id, doc_id=doc_id, ordinal=s, kind=sec.kind,
                                  heading_raw=sec.heading_raw, text=sec.text, page=sec.page if paged else None,
                                  handling=sec.handling, text_raw=text_raw if text_raw != sec.text else None))
    return rows


def segment_items(pages: list[PageText], source_format: str, kind: str, has_positions: bool,
                  meeting_body: str | None = None, index: dict[int, int | None] | None = None
                  ) -> tuple[list[ParsedItem], str | None, list[AppealText]]:
    """Items of a document's pages: strip furniture, split at item headers, split sections; and
    the appeal instructions after the last item, which belong to the meeting.
    ``index``: the items the PDF's own bookmarks list (see `item_index`)."""
    # HTML and plain text have no page geometry and print their header once: nothing to strip
    clean = strip_furniture(pages) if source_format in ("pdf", "pdf+ocr") else pages
    lines = [ln for p in clean for ln in p.lines]
    front, raw_items, main_body = split_items(lines, meeting_body, index)
    if kind == "other" and source_format == "html" and all(r.number is None for r in raw_items):
        raw_items = []  # a listing page (body list, meeting list, search form) holds no item
    if kind == "followup" and all(r.number is None for r in raw_items):
        raw_items = []  # a follow-up table is not an agenda item unless printed inside one
    appeals: list[AppealText] = []
    # after the last of several items they are the meeting's; a one-item page (a decision, an
    # extract) keeps them as its own sections
    if len(raw_items) >= 2 and raw_items[-1].number is not None:
        last = raw_items[-1]
        start = appeals_start(last.lines)
        if start is not None:
            appeals = appeal_parts([(ln.text, ln.page) for ln in last.lines[start:]])
            last.lines = last.lines[:start]
    geometry = source_format in ("pdf", "pdf+ocr")
    items = [parse_item(raw, main_body, front if k == 0 else None, has_positions, geometry)
             for k, raw in enumerate(raw_items)]
    if kind != "minutes" and len(items) == 1 and items[0].number is None and \
            all(sec.kind == "selostus" for sec in items[0].sections):
        items = []  # a goals or strategy table with no item structure is not an agenda item
    return items, main_body, appeals


def _snippet(text: str, n: int = 30) -> str:
    return " ".join(text.replace("\u200b", "").split())[:n]


def locate_pages(items: list[ParsedItem], appeals: list[AppealText], pdf: bytes) -> None:
    """Give items, sections and appeal instructions read from embedded HTML the page numbers of
    the PDF itself.

    An item starts on the page that prints '§ N' with its title (the page-1 list prints them too,
    so the page that also holds the item's first section wins); a section, or a block of appeal
    instructions, is on the first page from there on that holds its opening words.
    """
    texts = page_texts(pdf)
    floor = 0
    for item in items:
        if item.number is None:
            continue
        head = re.compile(rf"§\s*{item.number}(?!\d)\s*" + re.escape(_snippet(item.title or "", 20)))
        candidates = [p for p in range(floor, len(texts)) if head.search(texts[p])]
        first = _snippet(item.sections[0].text) if item.sections else ""
        start = next((p for p in candidates if first and (first in texts[p] or
                      (p + 1 < len(texts) and first in texts[p + 1]))), candidates[-1] if candidates else None)
        if start is None:
            continue
        page = start
        for sec in item.sections:
            snip = _snippet(sec.text)
            found = next((p for p in range(page, min(len(texts), page + 30)) if snip and snip in texts[p]), None)
            if found is not None:
                page = found
            sec.page = page + 1
        item.page_start, item.page_end = start + 1, page + 1
        floor = start
    for appeal in appeals:
        snip = _snippet(appeal.heading_raw or " ".join(appeal.lines[:1]))
        found = next((p for p in range(floor, len(texts)) if snip and snip in texts[p]), None)
        if found is not None:
            appeal.page, floor = found + 1, found
    # items follow each other: an item runs at least to the page before the next one starts (its
    # last part may go on past the page that holds the part's opening words)
    starts = [it.page_start for it in items if it.page_start] + [a.page for a in appeals[:1] if a.page]
    for item in items:
        after = [p for p in starts if item.page_start and p > item.page_start]
        if item.page_end and after:
            item.page_end = max(item.page_end, min(after) - 1)


def _analyse_item(item: ParsedItem, item_id: str, doc_id: str, language: str, attendees: dict[str, str | None]) -> list:
    """Roles, decision, votes and recusals of the current handling of one item."""
    current = [s for s in item.sections if not s.handling]
    out: list = []
    for sec in current:
        person_text = "\n".join(sec.lines) if sec.kind in ("valmistelija", "esittelija") else sec.presenter
        if person_text:
            out += parse_person_lines(person_text, "esittelija" if sec.presenter else sec.kind, item_id, doc_id)

    def last(kind: str) -> str | None:
        texts = [s.text for s in current if s.kind == kind]
        return texts[-1] if texts else None

    paatos, proposal = last("paatos"), last("paatosehdotus")
    if paatos is not None:
        outcome = classify_outcome(paatos, proposal, last("kasittely"), language)
        out.append(R.Decision(item_id=item_id, doc_id=doc_id, outcome=outcome, text=paatos))
    else:
        out += _decision_without_heading(current, proposal, last("kasittely"), language, item_id, doc_id)
        if not out and is_withheld(item.title or ""):
            # 'Salassa pidettävä (JulkL 24.1 § 25 k)': decided, but the text is not published
            out.append(R.Decision(item_id=item_id, doc_id=doc_id, outcome="muu", text=item.title))
    vote_text = " ".join(s.text for s in current if s.kind in ("kasittely", "paatos"))
    if vote_text:
        out += extract_votes(vote_text, attendees, item_id, doc_id)
    recusal_text = " ".join(s.text for s in current if s.kind in ("kasittely", "paatos", "muu"))
    if recusal_text:
        out += extract_recusals(recusal_text, attendees, item_id, doc_id)
    return out


# Parts that may report the decision, or record what happened, when no part is headed 'Päätös'.
_REPORTING_KINDS = ("muu", "selostus", "paatosehdotus")


def _decision_without_heading(current: list, proposal: str | None, kasittely: str | None, language: str,
                              item_id: str, doc_id: str) -> list:
    """The decision of an item that prints none under a decision heading: a part that reports
    what the body did (Ahjo's 'Lausunto' / 'Esitys': 'Lautakunta antoi puoltavan lausunnon'), or,
    when nothing was proposed either ('Muut asiat': 'Keskusteltiin ajankohtaisista asioista', a
    withheld decision), a record of what happened with outcome `muu`. Agendas drop it later."""
    for sec in current:
        first = reported_decision(sec.text) if sec.kind in _REPORTING_KINDS else None
        if first:
            outcome = classify_outcome(first, None if sec.kind == "paatosehdotus" else proposal, kasittely, language)
            return [R.Decision(item_id=item_id, doc_id=doc_id, outcome=outcome, text=sec.text)]
    said = "\n\n".join(sec.text for sec in current if sec.kind in ("muu", "selostus") and sec.text.strip())
    if proposal is None and said:
        return [R.Decision(item_id=item_id, doc_id=doc_id, outcome="muu", text=said)]
    return []


def _goals(item: ParsedItem, item_id: str, doc_id: str, municipality, code, body, first_number: int) -> list:
    """Goals listed in an item's explanatory text (a goals extract, or one item of whole minutes)."""
    text = "\n".join("\n".join(s.lines) for s in item.sections if s.kind == "selostus" and not s.handling)
    if not is_goals_text(text):
        return []
    return extract_goals(text, doc_id, item_id, municipality, code, body, title=item.title,
                         first_number=first_number)


def _cell_text(pages: list[PageText]) -> str:
    """Page lines with their segments (table cells) separated by tabs."""
    return "\n".join("\t".join(s.text for s in ln.segments) if ln.segments else ln.text
                     for p in pages for ln in p.lines)


def _followups(layer: TextLayer, pages: list[PageText], full_text: str, kind: str, doc_id: str,
               municipality, code) -> list:
    """Rows of goal follow-up tables, and goals of goal tables that report no outcome: cell colours
    from the PDF, else words in tab-separated cells."""
    cells = _cell_text(pages)
    if kind != "followup":
        # a header row names at least three columns: only rows of three or more cells can be one
        rows = "\n".join("\t".join(sg.text for sg in ln.segments) for p in pages for ln in p.lines
                         if len(ln.segments) >= 3)
        if not (is_followup(rows) or is_goal_table(rows)):
            return []
    if layer.pdf_bytes is not None and layer.source_format != "pdf+casem-html":
        # born-digital page text is what extract_followups would read again; OCR'd pages are not
        rows = extract_followups(layer.pdf_bytes, doc_id, municipality, code,
                                 pages=layer.pages if layer.source_format == "pdf" else None)
        if rows:
            return rows
    if layer.html is not None:  # cell colours and line breaks inside cells survive only in the HTML
        rows = extract_followups_html(layer.html, doc_id, municipality, code)
        if rows:
            return rows
    return extract_followups_text(layer.text if layer.text is not None else cells, doc_id, municipality, code)


def _in_items(rows: list, items: list[R.AgendaItem]) -> list:
    """Goals read from a table inside minutes belong to the item printed on their page (the one
    that starts last, where two share it)."""
    def item_of(page: int) -> str | None:
        on_page = [i for i in items if i.page_start and i.page_end and i.page_start <= page <= i.page_end]
        return max(on_page, key=lambda i: i.page_start or 0).item_id if on_page else None

    return [replace(r, item_id=item_of(r.page)) if isinstance(r, R.Goal) and r.item_id is None and r.page else r
            for r in rows]


def _without_goals_read_again(rows: list, tables: list) -> list:
    """An item that prints its goals as a table: the goals read from the item's text are the same
    table read as prose (cells run together), so they go, with their actions and metrics."""
    items = {g.item_id for g in tables if isinstance(g, R.Goal) and g.item_id}
    if not items:
        return rows
    dropped = {r.goal_id for r in rows if isinstance(r, R.Goal) and r.item_id in items}
    return [r for r in rows if not (isinstance(r, (R.Goal, R.GoalAction, R.GoalMetric)) and r.goal_id in dropped)]


def _budget_lines(pages: list[PageText], full_text: str, doc_id: str, municipality, code) -> list:
    """Budget and outturn tables (their own table, never follow-up rows)."""
    return extract_budget_lines(pages, doc_id, municipality, code, year=find_year(full_text[:5000]),
                                skip=running_lines(pages))


def _strategy_goals(layer: TextLayer, pages: list[PageText], full_text: str, doc_id: str, municipality,
                    code) -> list:
    """Strategy tables whose columns plain text interleaves (read column by column from positions)."""
    if layer.source_format in ("pdf", "pdf+ocr"):
        lines = [ln for p in pages for ln in p.lines]
        return extract_strategy_columns(lines, doc_id, municipality=municipality, municipality_code=code)
    # plain text keeps its blank lines, which part one goal from the next
    return extract_strategy_goals(layer.text if layer.text is not None else full_text, doc_id,
                                  municipality=municipality, municipality_code=code)
