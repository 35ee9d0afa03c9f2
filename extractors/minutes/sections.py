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

from extractors.minutes.appeals import is_instructions
from extractors.minutes.decisions import states_outcome
from extractors.minutes.headings import heading_kind, match_line_heading
from extractors.minutes.roles import is_title_word
from extractors.minutes.segment import (
    BODY_WORD_END,
    DATE_ONLY,
    DATE_RE,
    DIARY_RE,
    RawItem,
    day_key,
    parse_header,
    same_body,
    same_day,
)
from extractors.records import Line, Segment
from extractors.text.fold import fold
from extractors.vocab import (
    ATTACHMENT_EXTENSIONS,
    ATTACHMENT_LIST_KINDS,
    DECISION_END_LINES,
    DIARY_LABELS,
    HISTORY_LABELS,
    REASONS_SUBHEADINGS,
    TITLE_LABELS,
    TRAILER_ANY_CASE,
    TRAILER_CAPS,
    TRAILER_SIGNATURES,
)

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
    if "," not in text and sum(1 for w in words if w[:1].islower()) > 2:
        return False  # 'Kaupunginhallitus saattaa kaupunginvaltuuston tietoon Lapuan': a sentence
    capitals = sum(1 for w in words if w[:1].isupper())
    return capitals >= 2 and (words[-1][:1].isupper() or "," in text)


def _is_title_line(text: str) -> bool:
    """A job title printed on a line of its own under a person ('Hallintosihteeri',
    'vt.opetuspäällikkö', 'Sivistys- ja hyvinvointijohtaja, Hallintosihteeri' for two people)."""
    parts = [p.split() for p in text.split(",")]
    if len(parts) > 4 or text.rstrip().endswith((".", ":")) or any(c.isdigit() for c in text):
        return False
    return all(0 < len(words) <= 5 and is_title_word(words[-1]) for words in parts)


_LIST_MARK = re.compile(r"^(?:\(?\d{1,3}[.)]?|[a-zA-Z][.)]|[-–•*·▪])\s+\S|^(?:liite|bilaga)\s*\d", re.IGNORECASE)
_FILE_NAME = re.compile(r"\.(?:" + "|".join(ATTACHMENT_EXTENSIONS) + r")\)?$", re.IGNORECASE)
DEFAULT_PARAGRAPH_GAP = 1.45  # a line step this many times the item's usual leading is a paragraph gap


_LABELLED_ATTACHMENT = re.compile(r"^([A-ZÅÄÖ][^\W\d_]{3,20})\s+\d{1,3}\s*[:.]?\s*[A-ZÅÄÖ0-9]")


def labelled_attachment(text: str) -> str | None:
    """The list kind of a line that names one attachment after its own label ('Liite 1
    Osayleiskaavan luonnoskartta', 'Oheismateriaali 1 Arvioidut kustannukset', 'Bilaga 2: Karta'):
    Turku prints them so inside the description, with no heading above."""
    m = _LABELLED_ATTACHMENT.match(text)
    if m is None or len(text.split()) > 25:
        return None
    found = heading_kind(m.group(1))
    return found[0] if found and found[0] in ATTACHMENT_LIST_KINDS else None


def _is_attachment_name(text: str) -> bool:
    """A numbered or bulleted entry ('1 Aiesopimus ...', '- Kartta'), or a file name ('Kartta.pdf')."""
    return bool(_LIST_MARK.match(text) or _FILE_NAME.search(text))


def _leading(lines: list[Line]) -> float:
    """The step between the wrapped lines of one paragraph (the lower quartile of the item's line
    steps: items of short list lines have more paragraph gaps than wrapped lines), for telling gaps."""
    steps = sorted(b.y - a.y for a, b in zip(lines, lines[1:], strict=False) if a.page == b.page and 0 < b.y - a.y < 60)
    return steps[len(steps) // 4] if steps else 0.0


def _continues_list(text: str, line: Line, prev: Line | None, section: ParsedSection, leading: float,
                    gaps: bool) -> bool:
    """Whether a line still belongs to a list of attachment names. The list ends at a paragraph gap
    (where line positions tell one) or at the first line that is not an attachment name; a name
    may wrap onto the next line without a gap. Unnumbered lists hold short lines that are no sentence."""
    if _is_attachment_name(text):
        return True
    if section.heading_raw is None and labelled_attachment(section.lines[0]) and not text[:1].islower():
        return False  # each entry starts with its label (no heading): a capitalised line is text again
    same_page = prev is not None and prev.page == line.page
    if gaps and leading and same_page:
        if line.y - prev.y > DEFAULT_PARAGRAPH_GAP * leading:
            return False
        return not _FILE_NAME.search(prev.text.strip())  # a wrapped name, unless the last one ended
    numbered = _is_attachment_name(section.lines[0])
    return not numbered and len(text.split()) <= 12 and not text.rstrip().endswith((".", ":"))


_DOC_HEADER = re.compile(r"\b(poytakirja|poytakirjanote|esityslista|ote poytakirjasta|protokoll|protokollsutdrag|"
                        r"foredragningslista|kokouskutsu)\b|\b\d{1,3} \d{1,3} $|^sivu \d+")  # '1 (3)', not '2025-2029'


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
    if (folded if head == text else fold(head)) in TRAILER_SIGNATURES and (":" in text or len(text.split()) <= 3):
        return True
    return folded.startswith(TRAILER_CAPS) and text.upper() == text


def _is_trailer_heading(text: str) -> bool:
    """'Valitusosoitus' / 'Oikaisuvaatimusohje' as the first line of a page after the last item."""
    return len(text.split()) <= 3 and is_instructions(text)


def _matches_history(ref: str, history: list[str]) -> bool:
    """Whether a header-shaped line names the same § and date as a history line already read."""
    cand = parse_header(Line(page=0, y=0, x0=0, text=ref), 0)
    for h in history:
        other = parse_header(Line(page=0, y=0, x0=0, text=h), 0)
        if cand and other and cand.number == other.number and same_day(cand.date, other.date):
            return True
    return False


def _is_reference(sec: ParsedSection) -> bool:
    """An untitled first part that is one short code or address line ('14-26-20-HAL', 'Hankenumero
    5264_203', 'Tenholantie 12')."""
    if sec.heading_raw is not None or len(sec.lines) != 1:
        return False
    text = sec.lines[0]
    return (len(text.split()) <= 4 and bool(re.search(r"\d", text)) and not text.rstrip().endswith((".", ":"))
            and not _LIST_MARK.match(text))  # '1. Edustukset' opens a list: text


def _is_presenter(text: str) -> bool:
    """'Kaupunginjohtaja Jukka Mäkelä' printed on the proposal's heading line: a title and a
    capitalised name, nothing else (the first line of a proposal has lower-case words), or a
    title alone ('Elinvoimajohtaja')."""
    words = text.split()
    if len(words) == 1:
        return is_title_word(words[0]) and not text.endswith((".", ":"))
    if any(c.isdigit() for c in text) or text.endswith((".", ":")) or len(words) > 6:
        return False
    if len(words) <= 4 and all(w[:1].isupper() for w in words[1:]):
        return True
    # 'tekninen johtaja Paula Kauppinen': a title of up to three words (lower case too), then a name
    ends = [k for k, w in enumerate(words[:3]) if is_title_word(w)]
    return bool(ends) and 2 <= len(words) - ends[-1] - 1 <= 3 and all(w[:1].isupper() for w in words[ends[-1] + 1:])


def _history_ref(line: Line, main_body: str | None, number: int | None = None) -> str | None:
    """An earlier handling line ('Tela 18.3.2025 § 21'): a body, a date and another § number (or
    another body)."""
    cand = parse_header(line, 0)
    if cand and cand.date and cand.body and (
            cand.number != number or not (main_body and same_body(cand.body, main_body))):
        return " ".join(line.text.split())
    return None


def _label_value(line: Line, labels: tuple[str, ...]) -> str | None:
    """The value after a margin label ('Dno | OUKA/899/02.06.01.04/2017', 'Päätöshistoria: -'),
    or None when the line does not start with one of ``labels``."""
    segments = _segments(line)
    first = fold(segments[0])
    for label in labels:
        key = fold(label)
        if first == key:
            return " ".join(s.strip() for s in segments[1:]).strip(" :")
        if first.startswith(key + " "):
            return " ".join(" ".join(line.text.split()).split()[len(label.split()):]).strip(" :")
    return None


def _item_lines(raw: RawItem) -> list[Line]:
    """The item's non-empty lines, up to the appeal instructions or the signature lines that follow
    the last item."""
    lines = [ln for ln in raw.lines if ln.text.strip()]
    own_appeal = False  # the item printed its own 'Muutoksenhaku' heading above
    for k, ln in enumerate(lines):
        if k > 0 and (_is_trailer(ln.text) or ln.page != lines[k - 1].page and _is_trailer_heading(ln.text)):
            if own_appeal and is_instructions(ln.text):
                continue  # 'VALITUSOSOITUS (MARKKINAOIKEUDELLE)' inside the item's own instructions (Ahjo)
            return lines[:k]  # instructions after the last item, or an extract's signature: no item's
        heading = match_line_heading(_segments(ln), True) if k > 0 else None
        if heading is not None and heading.kind == "muutoksenhaku" and not heading.rest \
                and ln.text.strip().rstrip(":") == heading.heading_raw:
            own_appeal = True
    return lines


@dataclass
class _TitleBlock:
    """What precedes the sections: title lines, diary number, history refs, and where sections start."""

    title_parts: list[str]
    diary: str | None
    history: list[str]
    start: int = 0


def _opens_current_later(lines: list[Line], number: int | None) -> bool:
    """Whether the item later prints its own handling line ('Kaupunginhallitus, 07.04.2025, § 125'):
    then an earlier handling's line under the title opens that handling's sections."""
    for ln in lines:
        cand = parse_header(ln, 0) if "§" in ln.text else None
        if cand is not None and cand.number == number and cand.date:
            return True
    return False


def _read_title_block(raw: RawItem, lines: list[Line], main_body: str | None, has_positions: bool,
                      geometry: bool) -> _TitleBlock:
    """Diary number, history lines and the (possibly wrapped) title, in whatever order they come."""
    diary = next((m.group(1) for ln in raw.above if (m := DIARY_RE.match(" ".join(ln.text.split())))),
                 raw.header.diary if raw.header else None)
    block = _TitleBlock([raw.header.title] if raw.header and raw.header.title else [], diary,
                        [" ".join(ln.text.replace("\u200b", "").split()) for ln in raw.history])
    title_done = bool(block.title_parts)
    # a title printed on the header line ('§ 93 Koulukuljetusten hankinta ...') may wrap below it
    last_title_line: Line | None = raw.header_line if title_done else None
    waiting: tuple[str, ...] | None = None  # a label printed with no value: its value is the next line
    i = 0
    while i < len(lines):
        line = lines[i]
        text = " ".join(line.text.replace("\u200b", "").split())
        m = DIARY_RE.match(text)
        labelled_diary = _label_value(line, DIARY_LABELS)
        labelled_history = _label_value(line, HISTORY_LABELS)
        if waiting is not None and labelled_diary is None and labelled_history is None \
                and match_line_heading(_segments(line), has_positions) is None:
            # 'Päätöshistoria' and its lone '-' sit on two baselines (a hyphen's box is lower)
            labelled_diary, labelled_history = (text, None) if waiting is DIARY_LABELS else (None, text)
        waiting = None
        if labelled_diary == "" or labelled_history == "":
            waiting = DIARY_LABELS if labelled_diary == "" else HISTORY_LABELS
        if labelled_diary is not None and title_done:
            block.diary = block.diary or labelled_diary or None
        elif labelled_history is not None and title_done:
            if re.search(r"\w", labelled_history):  # '-': no earlier handling
                block.history.append(labelled_history)
        elif m and block.diary is None:
            block.diary = m.group(1)
        elif DATE_ONLY.match(text):
            pass
        elif (ref := _history_ref(line, main_body, raw.number)) and not title_done:
            block.history.append(ref)
        elif title_done:
            # a title may wrap onto a line starting in lower case, close below it
            if (last_title_line is not None and line.page == last_title_line.page and geometry
                    and (text[:1].islower()
                         or _same_style(line, last_title_line) and _wraps(last_title_line, raw.lines))
                    and 0 < line.y - last_title_line.y <= 2.2 * max(last_title_line.height, 8.0)
                    and not DIARY_RE.match(text) and parse_header(line, 0) is None
                    and match_line_heading(_segments(line), has_positions) is None):
                block.title_parts.append(text)
                last_title_line = line
            elif ref and not _matches_history(ref, block.history):  # history printed after the title (CaseM)
                block.history.append(ref)
                if _opens_current_later(lines[i + 1:], raw.number):
                    break  # its sections follow, then the current handling's
            else:
                break
        elif match_line_heading(_segments(line), has_positions) is not None \
                and not _heading_shaped_title(text, lines[i + 1:i + 6], has_positions):
            break
        elif not title_done and (labelled_title := _labelled_title(text)):
            block.title_parts.append(labelled_title)
            last_title_line = line
            title_done = True
        elif re.search(r"[^\W\d_]", text) and not (raw.header is None and (
                _is_document_header(text) or _is_body_name(text, main_body))):
            block.title_parts.append(text)
            last_title_line = line
            title_done = True
        i += 1
    block.start = i
    return block


_TITLE_LABEL = re.compile(r"^(?:" + "|".join(TITLE_LABELS) + r")\s*:\s*(\S.*)$", re.IGNORECASE)


def _labelled_title(text: str) -> str | None:
    """The title after its run-in label ('Asia: Koulukuljetusten hankinta', 'Ärende: ...')."""
    m = _TITLE_LABEL.match(text)
    return m.group(1).strip() if m else None


def _heading_shaped_title(text: str, following: list[Line], has_positions: bool) -> bool:
    """'Päätös Lauttasaaren ala-asteen irtokalustehankinnasta' as the first line: a title that begins
    with a heading word, when the same heading follows alone a few lines below (Ahjo)."""
    match = heading_kind(text.split()[0]) if text.split() else None
    if match is None or ":" in text or len(text.split()) < 2:
        return False
    for line in following:
        found = match_line_heading(_segments(line), has_positions)
        if found is not None and found.kind == match[0] and not found.rest:
            return True
    return False


def parse_item(raw: RawItem, main_body: str | None, lead: list[Line] | None = None,
               has_positions: bool = True, geometry: bool = True) -> ParsedItem:
    """Title block and sections of one raw item. ``geometry`` says that line positions are real
    page coordinates (PDF, OCR), not the slots of HTML table cells."""
    lines = _item_lines(raw)
    block = _read_title_block(raw, lines, main_body, has_positions, geometry)
    lead_title = _lead_title(lead, raw)
    if lead_title and (not block.title_parts or raw.header is not None and raw.header.body):
        if block.title_parts:  # what followed the header was body text, not a title
            block.start = _rewind(lines, block.title_parts)
        block.title_parts = [lead_title]
    body = lines[block.start:]
    sections = split_sections(body, main_body, block.history, raw.number, has_positions,
                              gaps=geometry or not has_positions,
                              handling=_header_handling(raw, body, block.history))
    pages = [ln.page for ln in lines]
    header_page = lines[0].page if lines and raw.header_index is not None and raw.header is not None else None
    return ParsedItem(
        number=raw.number,
        title=" ".join(" ".join(block.title_parts).split()) or None,
        diary_number=block.diary,
        history=block.history,
        page_start=header_page if header_page is not None else (min(pages) if pages else None),
        page_end=max(pages) if pages else None,
        sections=sections,
    )


def _handling_for(line: Line, number: int | None, main_body: str | None, history: list[str],
                  own_date: str | None = None) -> str | None | bool:
    """For a header-shaped line inside an item: the handling it opens, None for the current one,
    False when the line is not a handling marker. ``own_date`` is the date of the item's last
    own-number line: the current handling is the last one, so the same § on another date (the same
    body's § 7 a year earlier) is an earlier handling, kept in ``history``."""
    cand = parse_header(line, 0)
    if cand is None or not cand.date:
        return False
    for ref in history:
        ref_cand = parse_header(Line(page=0, y=0, x0=0, text=ref), 0)
        if ref_cand and ref_cand.number == cand.number and same_day(ref_cand.date, cand.date):
            return ref
    if cand.number == number and own_date and day_key(cand.date) != day_key(own_date):
        ref = " ".join(line.text.split())
        if ref not in history:
            history.append(ref)
        return ref
    if cand.number == number:
        return None  # the item's own number: back to the current handling
    if cand.body and (not main_body or not same_body(cand.body, main_body)):
        return " ".join(line.text.split())
    return False


def _wrapped_onto(line: Line, before: Line | None, lines: list[Line], leading: float) -> bool:
    """Whether ``line`` is the tail of a person paragraph that ran to the column's edge on the line
    above it ('... puh. 044 678' over '1578, talouspäällikkö ...', '... ja talouspäällikkö Armi' over
    'Tauriainen'): it starts with a digit or is a few words that end no sentence, with no paragraph
    gap above. A description that starts right under a long person line is neither. Only where
    positions are page coordinates (``leading`` is known)."""
    text = " ".join(line.text.split())
    fragment = text[:1].isdigit() or (len(text.split()) <= 3 and not text.endswith((".", ":")))
    return bool(leading) and bool(fragment) and before is not None and before.page == line.page \
        and 0 < line.y - before.y <= DEFAULT_PARAGRAPH_GAP * leading and _wraps(before, lines)


_GLUED = re.compile(r"^([A-ZÅÄÖ][a-zåäö]+[a-zåäö])([A-ZÅÄÖ][a-zåäö]*)$")


def _join_wrapped_margin_headings(lines: list[Line]) -> list[Line]:
    """Join a margin heading that wraps in its narrow column ('Valmistelija /' over 'lisätiedot',
    'Esittelijän' over 'ehdotus') back into one heading on its first line."""
    out = list(lines)
    k = 0
    while k + 1 < len(out):
        line, nxt = out[k], out[k + 1]
        if k + 2 < len(out) and _join_three_line_heading(out, k):
            continue
        if len(line.segments) >= 2 and nxt.segments and nxt.page == line.page \
                and abs(nxt.segments[0].x0 - line.segments[0].x0) <= 3.0 \
                and nxt.segments[0].x1 < line.segments[1].x0 and len(nxt.segments[0].text.split()) <= 2:
            head, tail = line.segments[0].text.strip(), nxt.segments[0].text.strip()
            single = heading_kind(head.rstrip(":"))
            whole = f"{head} {tail}"
            joined = heading_kind(whole.rstrip(":"))
            if joined is None and tail[:1].islower() and head[-1:].isalpha():
                # a word too long for a table cell breaks inside it ('Elinvoimalautakunna' over 'n päätös')
                whole = f"{head}{tail}"
                joined = heading_kind(whole.rstrip(":"))
            if joined and (tail[:1].islower() or head.endswith(("/", "-"))) and \
                    (single is None or joined[1] >= single[1]):
                first = Segment(line.segments[0].x0, line.segments[0].x1, whole)
                segs = (first, *line.segments[1:])
                out[k] = Line(page=line.page, y=line.y, x0=line.x0, text=" ".join(s.text for s in segs),
                              segments=segs, height=line.height)
                rest = nxt.segments[1:]
                if rest:
                    out[k + 1] = Line(page=nxt.page, y=nxt.y, x0=rest[0].x0, text=" ".join(s.text for s in rest),
                                      segments=tuple(rest), height=nxt.height)
                else:
                    del out[k + 1]
        elif len(line.segments) == 1 and nxt.segments and nxt.page == line.page \
                and abs(nxt.segments[0].x0 - line.segments[0].x0) <= 3.0 and nxt.segments[0].text[:1].islower() \
                and len(nxt.segments[0].text.split()) <= 2 \
                and nxt.segments[0].x1 - nxt.segments[0].x0 < 0.4 * (line.segments[0].x1 - line.segments[0].x0):
            # the heading ran into the text column and merged with it: 'Sivistyslautakunnan Hyväksyttiin.'
            # over a lone 'päätös' in the margin
            words, tail = line.segments[0].text.split(), nxt.segments[0].text.strip()
            glued = _GLUED.match(words[0]) if words else None
            if glued:  # no space at all between them: 'KaupunginhallituksenAsia palautettiin ...'
                words = [glued.group(1), glued.group(2), *words[1:]]
            for n in (1, 2, 3):
                joined = heading_kind(" ".join(words[:n] + [tail]))
                if joined and len(words) > n and words[n][:1].isupper():
                    seg = line.segments[0]
                    head = Segment(seg.x0, seg.x0, " ".join(words[:n] + [tail]))
                    body = Segment(seg.x0 + 1, seg.x1, " ".join(words[n:]))
                    out[k] = Line(page=line.page, y=line.y, x0=line.x0, text=f"{head.text} {body.text}",
                                  segments=(head, body), height=line.height)
                    rest = nxt.segments[1:]  # the text column's next line beside the heading's tail
                    if rest:
                        out[k + 1] = Line(page=nxt.page, y=nxt.y, x0=rest[0].x0, height=nxt.height,
                                          text=" ".join(s.text for s in rest), segments=tuple(rest))
                    else:
                        del out[k + 1]
                    break
        k += 1
    return out


def _join_three_line_heading(out: list[Line], k: int) -> bool:
    """A margin heading wrapped over three lines ('Byggnads- och' / 'miljönämndens' / 'beslut' beside
    the text): joined into line ``k`` when only all three make a heading; True when joined."""
    line, tails = out[k], out[k + 1:k + 3]
    if len(line.segments) < 2 or any(t.page != line.page or not t.segments for t in tails):
        return False
    firsts = [t.segments[0] for t in tails]
    if any(abs(f.x0 - line.segments[0].x0) > 3.0 or f.x1 >= line.segments[1].x0 or len(f.text.split()) > 2
           or not f.text[:1].islower() and not f.text[:1].isalpha() for f in firsts):
        return False
    head = line.segments[0].text.strip()
    two = f"{head} {firsts[0].text.strip()}"
    whole = f"{two} {firsts[1].text.strip()}"
    if heading_kind(two.rstrip(":")) or heading_kind(head.rstrip(":")) or not heading_kind(whole.rstrip(":")):
        return False
    segs = (Segment(line.segments[0].x0, line.segments[0].x1, whole), *line.segments[1:])
    out[k] = Line(page=line.page, y=line.y, x0=line.x0, text=" ".join(s.text for s in segs), segments=segs,
                  height=line.height)
    for n in (2, 1):
        rest = tails[n - 1].segments[1:]
        if rest:
            out[k + n] = Line(page=tails[n - 1].page, y=tails[n - 1].y, x0=rest[0].x0, height=tails[n - 1].height,
                              text=" ".join(s.text for s in rest), segments=tuple(rest))
        else:
            del out[k + n]
    return True


def _header_handling(raw: RawItem, body: list[Line], history: list[str]) -> str | None:
    """The earlier handling the item's header line belongs to, when the item prints its current
    handling later with the same § and another date ('Ympäristölautakunta, 06.02.2024, § 7' above
    '..., 12.02.2025, § 7'): the sections before that line are the earlier handling's."""
    header = raw.header
    if header is None or not header.date:
        return None
    for ln in body:
        cand = parse_header(ln, 0) if "§" in ln.text else None
        if cand is not None and cand.number == raw.number and cand.date and day_key(cand.date) != day_key(header.date):
            for ref in history:
                other = parse_header(Line(page=0, y=0, x0=0, text=ref), 0)
                if other and other.number == header.number and day_key(other.date) == day_key(header.date):
                    return ref
            return None
    return None


def _new_paragraph(line: Line, before: Line | None, leading: float) -> bool:
    """Whether a line opens a paragraph: always in markup (a line is a block), after a paragraph gap
    or a page break where positions are page coordinates."""
    if not leading or before is None:
        return True
    return before.page != line.page or line.y - before.y > DEFAULT_PARAGRAPH_GAP * leading


def _decided_by_label(lines: list[str], main_body: str | None) -> bool:
    """A decision that opens with its maker's label ('Stadsstyrelsen:', Dynasty) and whose text so far
    says what was decided, ending a sentence."""
    if len(lines) < 2 or not lines[0].endswith(":") or not _is_body_name(lines[0][:-1], main_body):
        return False
    text = " ".join(lines[1:])
    return text.rstrip().endswith((".", "!")) and states_outcome(text)


def _description_after_decision(sections: list[ParsedSection], decided: dict[int, tuple[int, int]]) -> None:
    """Dynasty prints an item's description last, after the decision; in Swedish without a heading
    ('Beslut  Stadsstyrelsen:' / 'Ärendet bordlades.' / the description). When the item printed no
    description of its own, the paragraphs after a labelled decision's deciding paragraph are it,
    unless they decide something themselves."""
    for sec in list(sections):
        cut = decided.get(id(sec))
        if cut is None or any(s.kind == "selostus" and s.handling == sec.handling for s in sections):
            continue
        rest = sec.lines[cut[0]:]
        if not rest or states_outcome(" ".join(rest)):
            continue
        del sec.lines[cut[0]:]
        at = sections.index(sec)
        sections.insert(at + 1, ParsedSection(kind="selostus", heading_raw=None, lines=rest, page=cut[1],
                                              handling=sec.handling))


def split_sections(lines: list[Line], main_body: str | None, history: list[str], number: int | None,
                   has_positions: bool = True, gaps: bool = False,
                   handling: str | None = None) -> list[ParsedSection]:
    """Sections of an item body, in printed order. ``gaps`` says that a larger step between lines
    is a paragraph gap (PDF and OCR pages, plain text with blank lines), not a table-cell slot."""
    sections: list[ParsedSection] = []
    current: ParsedSection | None = None
    person_mode = False
    resume: ParsedSection | None = None  # a heading whose text follows an inline person line
    leading = _leading(lines) if gaps else 0.0
    own = [c.date for ln in lines if "§" in ln.text and (c := parse_header(ln, 0)) and c.number == number and c.date]
    own_date = own[-1] if own else None
    prev: Line | None = None
    ended = False  # the decision said 'Ei muita asioita.'
    interrupted: ParsedSection | None = None  # a description that labelled attachment lines cut in two
    decided: dict[int, tuple[int, int]] = {}  # a labelled decision's end: (its line count, the next page)

    def start(kind: str, heading: str | None, page: int) -> ParsedSection:
        sec = ParsedSection(kind=kind, heading_raw=heading, page=page, handling=handling)
        sections.append(sec)
        return sec

    for line in (_join_wrapped_margin_headings(lines) if has_positions else lines):
        text = " ".join(line.text.replace("\u200b", "").split())
        if not text:
            continue
        line_before, prev = prev, line
        if "§" in text:
            h = _handling_for(line, number, main_body, history, own_date)
            if h is not False:
                handling = h  # type: ignore[assignment]
                current, person_mode, resume = None, False, None
                continue
        match = match_line_heading(_segments(line), has_positions)
        if (match is not None and current is not None and match.kind == current.kind and not current.lines
                and not match.rest and not text.endswith(":")):
            match = None  # 'Muutoksenhaku' / 'Oikaisuvaatimus': the second line is the section's text
        if match is not None and current is not None and current.lines and match.kind == "muutoksenhaku" \
                and current.kind == "muutoksenhaku":
            match = None  # 'Oikaisuvaatimusoikeus', 'Valitusaika': sub-headings of one set of instructions
        if match is not None and current is not None and current.lines and current.kind in ("selostus", "paatos") \
                and fold(match.heading_raw or "") in REASONS_SUBHEADINGS:
            match = None  # the provisions applied, under the reasons (or the decision) they belong to
        if match is not None and match.kind == "selostus" and current is not None and current.lines \
                and current.kind in ("paatosehdotus", "paatos") and len(match.heading_raw.split()) == 1 \
                and (text.startswith(f"{match.heading_raw}:") or fold(text) == "perustelut"):
            match = None  # 'Perustelut(:)' inside a proposal or decision gives its reasons: still that part
            # ('Päätöksen perustelut:' names whose reasons: a part of its own, as Ahjo prints it)
        if match is not None and (match.rest or text.endswith(":")) and current is not None \
                and current.kind == "kasittely" and (not current.lines and match.kind not in PERSON_KINDS
                                                     or match.kind in ("muu", "paatosehdotus")):
            match = None  # 'Käsittely' / 'Esteelliset: X', 'Palautusehdotus: X': labelled parts of the handling
        if match is not None and match.kind in PERSON_KINDS and not match.rest and current is not None \
                and current.kind == "tiedoksi" and current.lines:
            match = None  # Ahjo's 'Otteet' table: 'Valmistelija' is who gets an extract, not a preparer
        if match is None and ended and current is not None and current.kind == "paatos":
            current, ended = start("muu", None, line.page), False  # the meeting's closing words
        listed = labelled_attachment(text) if match is None else None
        if listed is not None and not (current is not None and current.kind == listed):
            if current is not None and current.kind == "selostus" and current.lines:
                interrupted = current  # the description goes on after the list
            current, person_mode, resume = start(listed, None, line.page), False, None
        if match is not None:
            interrupted = None
            if current is not None and current.kind not in PERSON_KINDS and not current.lines \
                    and match.kind in PERSON_KINDS and match.rest:
                resume = current  # 'Ehdotus' / 'Esittelijä: X' / proposal text
            else:
                resume = None
            current = start(match.kind, match.heading_raw, line.page)
            if match.rest:
                current.lines.append(match.rest)
            ended = match.kind == "paatos" and fold(match.rest) in DECISION_END_LINES
            if match.kind == "paatosehdotus" and _is_presenter(match.rest):
                current.presenter = match.rest  # the proposal itself follows on the next lines
            person_mode = match.kind in PERSON_KINDS
            continue
        if person_mode and current is not None:
            if current.lines and _wrapped_onto(line, line_before, lines, leading):
                current.lines[-1] += " " + text  # one person's line, for reading the roles
                continue
            if not current.lines or _is_person_line(text) or _is_title_line(text):
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
        if current is not None and current.kind in ATTACHMENT_LIST_KINDS and current.lines and \
                not _continues_list(text, line, line_before, current, leading, gaps):
            # the untitled description after the list (CaseM), or the rest of the one it cut (Turku)
            current = interrupted if interrupted is not None and interrupted.handling == handling else None
            interrupted = None
        if current is None:
            current = start("selostus", None, line.page)
        if current.kind == "paatos" and id(current) not in decided and _new_paragraph(line, line_before, leading) \
                and _decided_by_label(current.lines, main_body):
            decided[id(current)] = (len(current.lines), line.page)
        current.lines.append(text)
        ended = current.kind == "paatos" and fold(text) in DECISION_END_LINES
    _description_after_decision(sections, decided)
    if len(sections) > 1 and _is_reference(sections[0]):
        del sections[0]  # 'HE 230/2021 vp', 'Att 2825004042': a case reference under the title (Ahjo)
    for sec in sections:
        if sec.presenter and len(sec.lines) == 1:  # nothing followed: it was the proposal after all
            sec.presenter = None
        elif sec.presenter:
            del sec.lines[0]  # the presenter is a role, not words of the proposal
    # A heading with nothing under it ('Ehdotus' followed by 'Puheenjohtajan ehdotus:', a closing
    # 'Tiedoksi') carries no section.
    return [sec for sec in sections if sec.lines]
