"""Split one agenda item into its title block and its sections in the controlled vocabulary.

After the header come, in some order, the diary number, history lines ('Tela 18.3.2025 § 21')
and the title; then sections. A line is a heading when `headings.match_line_heading` says so;
text before the first heading, and text after a person line of Valmistelija/Esittelijä, is the
untitled explanatory text ('selostus'). A header line of another body inside the item opens an
earlier handling, whose sections carry the matching history reference in ``handling``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.headings import heading_kind, match_line_heading
from extractors.records import Line, Segment
from extractors.segment import BODY_WORD_END, DATE_ONLY, DATE_RE, DIARY_RE, RawItem, parse_header, same_body
from extractors.text import fold
from extractors.vocab import TRAILER_ANY_CASE, TRAILER_CAPS, TRAILER_SIGNATURES

PERSON_KINDS = ("valmistelija", "esittelija")
_EMAIL_OR_PHONE = re.compile(r"@|\bpuh\.?\b|\btel\.?\b|\+358|\b0\d{1,2}[ -]?\d{3}")


@dataclass
class ParsedSection:
    kind: str
    heading_raw: str | None
    lines: list[str] = field(default_factory=list)
    page: int | None = None
    handling: str | None = None
    presenter: str | None = None  # 'Päätösehdotus  Kaupunginjohtaja Jukka Mäkelä' (Dynasty): a role too

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.lines).split())


@dataclass
class ParsedItem:
    number: int | None
    title: str | None
    diary_number: str | None
    history: list[str]
    page_start: int | None
    page_end: int | None
    sections: list[ParsedSection]


def _segments(line: Line) -> list[str]:
    if line.segments:
        return [s.text for s in line.segments]
    return [line.text]


def _is_person_line(text: str) -> bool:
    """A Valmistelija/Esittelijä line: contact details, or a short 'Title Firstname Surname'."""
    if _EMAIL_OR_PHONE.search(text):
        return True
    words = text.split()
    if not 0 < len(words) <= 6 or text.rstrip().endswith((".", ":")) or any(c.isdigit() for c in text):
        return False
    capitals = sum(1 for w in words if w[:1].isupper())
    return capitals >= 2 and (words[-1][:1].isupper() or "," in text)


_DOC_HEADER = re.compile(r"\b(poytakirja|poytakirjanote|esityslista|ote poytakirjasta|protokoll|protokollsutdrag|"
                        r"foredragningslista|kokouskutsu)\b|\b\d+ \d+ $|^sivu \d+")


def _is_document_header(text: str) -> bool:
    """A page header of a single-item file ('Oulun kaupunki  Pöytäkirja 5/2024  1 (3)', 'Body 3.3.2025')."""
    folded = fold(text) + " "
    if _DOC_HEADER.search(folded):
        return True
    dates = re.findall(DATE_RE, text)
    rest = re.sub(DATE_RE, " ", text).split()
    return bool(dates) and len(rest) <= 4


DEFAULT_WRAP_SHARE = 0.8  # a line reaching this share of the text column's width was wrapped


DEFAULT_TITLE_LEADING = 1.6  # a wrapped title's next line is at most this many title heights below


def _same_style(line: Line, title: Line) -> bool:
    """Same left edge and line spacing (not a paragraph gap): the next line of a wrapped title."""
    return abs(line.x0 - title.x0) <= 4.0 and line.y - title.y <= DEFAULT_TITLE_LEADING * max(title.height, 8.0)


def _wraps(line: Line, lines: list[Line]) -> bool:
    """Whether a title line runs to the right edge of the text column (so it continues below),
    or ends in a word that cannot end a title ('/', 'ja', a comma)."""
    if line.text.rstrip().endswith(("/", ",", "-", "–")) or line.text.split()[-1] in ("ja", "sekä", "tai", "och"):
        return True
    if not line.segments:
        return False
    right = max((ln.segments[-1].x1 for ln in lines if ln.page == line.page and ln.segments), default=0.0)
    left = min((ln.x0 for ln in lines if ln.page == line.page), default=0.0)
    return right > left and line.segments[-1].x1 - left >= DEFAULT_WRAP_SHARE * (right - left)


def _is_body_name(text: str, main_body: str | None) -> bool:
    """'Kaupunginhallitus' alone at the top of a one-item page: the body, not the title."""
    words = text.split()
    if not 0 < len(words) <= 3:
        return False
    return bool(main_body and fold(text) == fold(main_body)) or bool(BODY_WORD_END.search(fold(words[-1])))


def _lead_title(lead: list[Line] | None, raw: RawItem) -> str | None:
    """The title printed above the item's own header line, in single-item extracts
    ('Toiminnalliset tavoitteet 2024 / ...' over 'Hyvinvointilautakunta 10.10.2023 § 119')."""
    if not lead or raw.header is None:
        return None
    cand = [ln for ln in lead if ln.text.strip() and not DIARY_RE.match(ln.text) and not DATE_ONLY.match(ln.text)
            and not _is_document_header(ln.text)]
    if not cand or len(cand) > 3:
        return None  # a page-1 meeting header, not a title
    text = " ".join(cand[-1].text.split())
    if text.endswith(".") or len(text.split()) > 25:
        return None
    return text


def _rewind(lines: list[Line], title_parts: list[str]) -> int:
    """Index of the line that was taken as the title, so that it is read as body text again."""
    first = title_parts[0]
    for k, ln in enumerate(lines):
        if " ".join(ln.text.replace("\u200b", "").split()) == first:
            return k
    return 0


def _is_trailer(text: str) -> bool:
    folded = fold(text)
    if folded.startswith(TRAILER_ANY_CASE):
        return True
    head = text.split(":", 1)[0]
    if fold(head) in TRAILER_SIGNATURES and (":" in text or len(text.split()) <= 3):
        return True
    return folded.startswith(TRAILER_CAPS) and text.upper() == text


def _is_trailer_heading(text: str) -> bool:
    """'Valitusosoitus' / 'Oikaisuvaatimusohje' as the first line of a page after the last item."""
    return len(text.split()) <= 3 and fold(text).startswith(TRAILER_CAPS)


def _matches_history(ref: str, history: list[str]) -> bool:
    """Whether a header-shaped line names the same § and date as a history line already read."""
    cand = parse_header(Line(page=0, y=0, x0=0, text=ref), 0)
    for h in history:
        other = parse_header(Line(page=0, y=0, x0=0, text=h), 0)
        if cand and other and cand.number == other.number and cand.date and other.date and \
                re.sub(r"\D", "", cand.date)[-4:] == re.sub(r"\D", "", other.date)[-4:]:
            return True
    return False


def _is_presenter(text: str) -> bool:
    """'Kaupunginjohtaja Jukka Mäkelä' printed on the proposal's heading line: a title and a
    capitalised name, nothing else (the first line of a proposal has lower-case words)."""
    words = text.split()
    return 2 <= len(words) <= 4 and not any(c.isdigit() for c in text) and not text.endswith((".", ":")) \
        and all(w[:1].isupper() for w in words[1:])


def _history_ref(line: Line, main_body: str | None, number: int | None = None) -> str | None:
    """An earlier handling line ('Tela 18.3.2025 § 21'): a body, a date and another § number (or
    another body)."""
    cand = parse_header(line, 0)
    if cand and cand.date and cand.body and (
            cand.number != number or not (main_body and same_body(cand.body, main_body))):
        return " ".join(line.text.split())
    return None


def parse_item(raw: RawItem, main_body: str | None, lead: list[Line] | None = None,
               has_positions: bool = True, geometry: bool = True) -> ParsedItem:
    """Title block and sections of one raw item. ``geometry`` says that line positions are real
    page coordinates (PDF, OCR), not the slots of HTML table cells."""
    lines = [ln for ln in raw.lines if ln.text.strip()]
    for k, ln in enumerate(lines):
        if k > 0 and (_is_trailer(ln.text) or ln.page != lines[k - 1].page and _is_trailer_heading(ln.text)):
            lines = lines[:k]  # appeal instructions after the last item belong to no item
            break
    header_page = None
    if raw.header_index is not None and raw.header is not None:
        header_page = (lines[0].page if lines else None)
    diary = next((m.group(1) for ln in raw.above if (m := DIARY_RE.match(" ".join(ln.text.split())))), None)
    history: list[str] = [" ".join(ln.text.replace("\u200b", "").split()) for ln in raw.history]
    title_parts: list[str] = []
    if raw.header and raw.header.title:
        title_parts.append(raw.header.title)
    i = 0
    title_done = bool(title_parts)
    last_title_line: Line | None = None
    while i < len(lines):
        line = lines[i]
        text = " ".join(line.text.replace("\u200b", "").split())
        m = DIARY_RE.match(text)
        if m and diary is None:
            diary = m.group(1)
            i += 1
            continue
        if DATE_ONLY.match(text):
            i += 1
            continue
        ref = _history_ref(line, main_body, raw.number)
        if ref and not title_done:
            history.append(ref)
            i += 1
            continue
        if title_done:
            # a title may wrap onto a line starting in lower case, close below it
            if (last_title_line is not None and line.page == last_title_line.page and geometry
                    and (text[:1].islower()
                         or _same_style(line, last_title_line) and _wraps(last_title_line, raw.lines))
                    and 0 < line.y - last_title_line.y <= 2.2 * max(last_title_line.height, 8.0)
                    and not DIARY_RE.match(text) and parse_header(line, 0) is None
                    and match_line_heading(_segments(line), has_positions) is None):
                title_parts.append(text)
                last_title_line = line
                i += 1
                continue
            # diary/history printed after the title (CaseM)
            if m and diary is None:
                diary = m.group(1)
                i += 1
                continue
            if ref and not _matches_history(ref, history):
                history.append(ref)
                i += 1
                continue
            break
        if match_line_heading(_segments(line), has_positions) is not None:
            break
        if not re.search(r"[^\W\d_]", text) or raw.header is None and (
                _is_document_header(text) or _is_body_name(text, main_body)):
            i += 1
            continue
        title_parts.append(text)
        last_title_line = line
        title_done = True
        i += 1
    lead_title = _lead_title(lead, raw)
    if lead_title and (not title_parts or raw.header is not None and raw.header.body):
        if title_parts:  # what followed the header was body text, not a title
            i = _rewind(lines, title_parts)
        title_parts = [lead_title]
    sections = split_sections(lines[i:], main_body, history, raw.number, has_positions)
    pages = [ln.page for ln in lines]
    return ParsedItem(
        number=raw.number,
        title=" ".join(" ".join(title_parts).split()) or None,
        diary_number=diary,
        history=history,
        page_start=header_page if header_page is not None else (min(pages) if pages else None),
        page_end=max(pages) if pages else None,
        sections=sections,
    )


def _handling_for(line: Line, number: int | None, main_body: str | None, history: list[str]) -> str | None | bool:
    """For a header-shaped line inside an item: the handling it opens, None for the current one,
    False when the line is not a handling marker."""
    cand = parse_header(line, 0)
    if cand is None or not cand.date:
        return False
    digits = re.sub(r"\D", "", cand.date)
    for ref in history:
        ref_cand = parse_header(Line(page=0, y=0, x0=0, text=ref), 0)
        if ref_cand and ref_cand.number == cand.number and ref_cand.date and \
                re.sub(r"\D", "", ref_cand.date)[-4:] == digits[-4:]:
            return ref
    if cand.number == number:
        return None  # the item's own number: back to the current handling
    if cand.body and (not main_body or not same_body(cand.body, main_body)):
        return " ".join(line.text.split())
    return False


def _join_wrapped_margin_headings(lines: list[Line]) -> list[Line]:
    """Join a margin heading that wraps in its narrow column ('Valmistelija /' over 'lisätiedot',
    'Esittelijän' over 'ehdotus') back into one heading on its first line."""
    out = list(lines)
    k = 0
    while k + 1 < len(out):
        line, nxt = out[k], out[k + 1]
        if len(line.segments) >= 2 and nxt.segments and nxt.page == line.page \
                and abs(nxt.segments[0].x0 - line.segments[0].x0) <= 3.0 \
                and nxt.segments[0].x1 < line.segments[1].x0 and len(nxt.segments[0].text.split()) <= 2:
            head, tail = line.segments[0].text.strip(), nxt.segments[0].text.strip()
            single = heading_kind(head.rstrip(":"))
            joined = heading_kind(f"{head} {tail}".rstrip(":"))
            if joined and (tail[:1].islower() or head.endswith(("/", "-"))) and \
                    (single is None or joined[1] >= single[1]):
                first = Segment(line.segments[0].x0, line.segments[0].x1, f"{head} {tail}")
                segs = (first, *line.segments[1:])
                out[k] = Line(page=line.page, y=line.y, x0=line.x0, text=" ".join(s.text for s in segs),
                              segments=segs, height=line.height)
                rest = nxt.segments[1:]
                if rest:
                    out[k + 1] = Line(page=nxt.page, y=nxt.y, x0=rest[0].x0, text=" ".join(s.text for s in rest),
                                      segments=tuple(rest), height=nxt.height)
                else:
                    del out[k + 1]
        elif len(line.segments) == 1 and len(nxt.segments) == 1 and nxt.page == line.page \
                and abs(nxt.segments[0].x0 - line.segments[0].x0) <= 3.0 and nxt.segments[0].text[:1].islower() \
                and len(nxt.segments[0].text.split()) <= 2 \
                and nxt.segments[0].x1 - nxt.segments[0].x0 < 0.4 * (line.segments[0].x1 - line.segments[0].x0):
            # the heading ran into the text column and merged with it: 'Sivistyslautakunnan Hyväksyttiin.'
            # over a lone 'päätös' in the margin
            words, tail = line.segments[0].text.split(), nxt.segments[0].text.strip()
            for n in (1, 2, 3):
                joined = heading_kind(" ".join(words[:n] + [tail]))
                if joined and len(words) > n and words[n][:1].isupper():
                    seg = line.segments[0]
                    head = Segment(seg.x0, seg.x0, " ".join(words[:n] + [tail]))
                    body = Segment(seg.x0 + 1, seg.x1, " ".join(words[n:]))
                    out[k] = Line(page=line.page, y=line.y, x0=line.x0, text=f"{head.text} {body.text}",
                                  segments=(head, body), height=line.height)
                    del out[k + 1]
                    break
        k += 1
    return out


def split_sections(lines: list[Line], main_body: str | None, history: list[str], number: int | None,
                   has_positions: bool = True) -> list[ParsedSection]:
    """Sections of an item body, in printed order."""
    sections: list[ParsedSection] = []
    handling: str | None = None
    current: ParsedSection | None = None
    person_mode = False
    resume: ParsedSection | None = None  # a heading whose text follows an inline person line

    def start(kind: str, heading: str | None, page: int) -> ParsedSection:
        sec = ParsedSection(kind=kind, heading_raw=heading, page=page, handling=handling)
        sections.append(sec)
        return sec

    for line in (_join_wrapped_margin_headings(lines) if has_positions else lines):
        text = " ".join(line.text.replace("\u200b", "").split())
        if not text:
            continue
        if "§" in text:
            h = _handling_for(line, number, main_body, history)
            if h is not False:
                handling = h  # type: ignore[assignment]
                current, person_mode, resume = None, False, None
                continue
        match = match_line_heading(_segments(line), has_positions)
        if (match is not None and current is not None and match.kind == current.kind and not current.lines
                and not match.rest and not text.endswith(":")):
            match = None  # 'Muutoksenhaku' / 'Oikaisuvaatimus': the second line is the section's text
        if match is not None:
            if current is not None and current.kind not in PERSON_KINDS and not current.lines \
                    and match.kind in PERSON_KINDS and match.rest:
                resume = current  # 'Ehdotus' / 'Esittelijä: X' / proposal text
            else:
                resume = None
            current = start(match.kind, match.heading_raw, line.page)
            if match.rest:
                current.lines.append(match.rest)
            if match.kind == "paatosehdotus" and _is_presenter(match.rest):
                current.presenter = match.rest  # the proposal itself follows on the next lines
            person_mode = match.kind in PERSON_KINDS
            continue
        if person_mode and current is not None:
            if not current.lines or _is_person_line(text):
                current.lines.append(text)
                continue
            person_mode = False
            if resume is not None:
                current = start(resume.kind, resume.heading_raw, line.page)
                sections.remove(resume) if not resume.lines and resume in sections else None
                resume = None
            else:
                current = start("selostus", None, line.page)
            current.lines.append(text)
            continue
        if current is None:
            current = start("selostus", None, line.page)
        current.lines.append(text)
    for sec in sections:
        if sec.presenter and len(sec.lines) == 1:  # nothing followed: it was the proposal after all
            sec.presenter = None
    # A heading with nothing under it ('Ehdotus' followed by 'Puheenjohtajan ehdotus:', a closing
    # 'Tiedoksi') carries no section.
    return [sec for sec in sections if sec.lines]
