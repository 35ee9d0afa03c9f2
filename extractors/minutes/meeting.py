"""Meeting header: body, date, number, place, start/end time and attendees from a document's pages.

Page 1 of Finnish minutes is a form: a left column of headings ('Kokousaika', 'Kokouspaikka',
'Saapuvilla olleet jäsenet', 'Muut saapuvilla olleet', 'Poissa', 'Allekirjoitukset') and a value
column. CloudNC/CaseM put the heading on its own line and the values below it; KTweb puts the first
value on the heading's line and prints names surname first in a second column with the role in a
third; HTML exports make each cell a segment. The chain below works on columns, not on layouts:

    running headers -> value column x -> headings and their values -> attendee entries -> name order

A pöytäkirjanote (extract of one item) has no form: body and date then come from the running header
or the item header line ('Hyvinvointilautakunta 10.10.2023 § 119').
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from extractors.records import Attendee, Line, PageText, Segment
from extractors.text.fold import ascii_lower, squash_spaces
from extractors.text.lexicon import is_first_name
from extractors.text.pdftext import merge_runs
from extractors.vocab import (
    ATTENDEE_ABSENT_HEADINGS,
    ATTENDEE_MEMBER_HEADINGS,
    ATTENDEE_NOTE_WORDS,
    ATTENDEE_OTHER_HEADINGS,
    ATTENDEE_ROLE_TAILS,
    ATTENDEE_ROLES,
    ATTENDEE_STOP_HEADINGS,
    BODY_SUFFIXES,
    DEFAULT_MEETING_HEADING_CUTOFF,
    DOCUMENT_TYPE_WORDS,
    MEETING_PLACE_HEADINGS,
    MEETING_TIME_HEADINGS,
)

DEFAULT_HEADER_PAGES = 4  # the meeting form never starts later than this
DEFAULT_HEADER_BAND_LINES = 3  # lines at the top of a page that may be a running header
DEFAULT_HEADER_BAND = 0.1  # ... and only within this fraction of the page height
DEFAULT_ROLE_CUTOFF = 86.0  # rapidfuzz ratio for OCR-damaged role words ('péytakirjanpitaja')
DEFAULT_COLUMN_SLACK = 12.0  # points: values of one column start this much left of the column x

_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?![\d])")
_TIME = re.compile(r"(?<![\d.:])([01]?\d|2[0-4])[.:]([0-5]\d)(?![\d])")
_TIME_RANGE = re.compile(r"(?<![\d.:])([01]?\d|2[0-4])(?:[.:]([0-5]\d))?\s*[-–—]\s*([01]?\d|2[0-4])"
                         r"(?:[.:]([0-5]\d))?(?![\d.:])")
_KLO_HOUR = re.compile(r"\bkl(?:o|\.)?\s*([01]?\d|2[0-4])(?![\d.:])", re.I)
_NUMBER = re.compile(r"(?<![\d/.])(\d{1,3})\s*/\s*((?:19|20)\d{2})(?![\d/.])")
_SECTION = re.compile(r"(?:§\s*\d+|\b\d+\s*§)")
_ORDINAL = re.compile(r"^((?:\d\.|[IV]+)\s*)")
_NAME_TOKEN = re.compile(r"^[A-ZÅÄÖÜÉ][A-Za-zÅÄÖåäöÜüÉé'’-]*$")


@dataclass(frozen=True)
class MeetingInfo:
    body: str | None
    date: dt.date | None
    number: str | None
    place: str | None
    start: str | None
    end: str | None
    attendees: tuple[Attendee, ...] = ()  # meeting_id and doc_id are the extraction chain's to fill


# --- small text helpers -------------------------------------------------------------------------


def _folded_key(text: str) -> str:
    return " ".join(ascii_lower(text).replace(":", " ").split())


def phrases(line: Line) -> list[Segment]:
    """Segments merged into phrases (runs), as `pdftext.merge_runs` makes them; lines without a
    height (HTML cells) keep their segments as they are."""
    segs = list(line.segments) or [Segment(line.x0, line.x0, line.text)]
    if line.height <= 0:
        return segs
    return list(merge_runs(segs, line.height))


def parse_date(text: str) -> dt.date | None:
    """The first d.m.yyyy (or d.m.yy, as in running headers '8.4.25') date in the text."""
    for m in _DATE.finditer(text):
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if year < 100:
            year += 2000
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return None


def parse_times(text: str) -> tuple[str | None, str | None]:
    """Start and end 'HH:MM' from 'klo 17:00 - 18:40', '17.00 - 19.05', 'kl. 18.00–20.15'."""
    rest = _DATE.sub(" ", text)
    span = _TIME_RANGE.search(rest)
    if span:
        return (f"{int(span.group(1)):02d}:{span.group(2) or '00'}",
                f"{int(span.group(3)):02d}:{span.group(4) or '00'}")
    times = [f"{int(h):02d}:{m}" for h, m in _TIME.findall(rest)]
    if not times:
        hour = _KLO_HOUR.search(rest)
        if hour:
            times = [f"{int(hour.group(1)):02d}:00"]
    start = times[0] if times else None
    end = times[1] if len(times) > 1 else None
    return start, end


# --- headings -----------------------------------------------------------------------------------

_HEADINGS: tuple[tuple[str, str], ...] = tuple(
    [(h, "time") for h in MEETING_TIME_HEADINGS] + [(h, "place") for h in MEETING_PLACE_HEADINGS]
    + [(h, "member") for h in ATTENDEE_MEMBER_HEADINGS] + [(h, "other") for h in ATTENDEE_OTHER_HEADINGS]
    + [(h, "absent") for h in ATTENDEE_ABSENT_HEADINGS] + [(h, "stop") for h in ATTENDEE_STOP_HEADINGS]
)
_HEADING_KEYS = {_folded_key(h): kind for h, kind in _HEADINGS}


def match_heading(text: str) -> str | None:
    """The kind of a meeting-form heading (time, place, member, other, absent, stop) or None.

    Exact after folding; long headings also fuzzily, for OCR damage ('Poytakirjan tarkastus').
    """
    key = _folded_key(text)
    if not key:
        return None
    if key in _HEADING_KEYS:
        return _HEADING_KEYS[key]
    # A heading wrapped in a narrow column ('Muut saapuvilla' / 'olleet'): its unambiguous start.
    kinds = {kind for heading, kind in _HEADING_KEYS.items() if heading.startswith(key + " ")}
    if len(key) >= 6 and len(kinds) == 1:
        return kinds.pop()
    if len(key) < 8:
        return None
    best, kind = 0.0, None
    for heading, heading_kind in _HEADING_KEYS.items():
        if len(heading) < 8:
            continue
        score = fuzz.ratio(key, heading)
        if score > best:
            best, kind = score, heading_kind
    return kind if best >= DEFAULT_MEETING_HEADING_CUTOFF else None


def _split_inline_heading(text: str) -> tuple[str | None, str]:
    """'Kokousaika: 18.11.2025 klo 17' (one segment) -> ('time', '18.11.2025 klo 17')."""
    if ":" in text:
        head, _, rest = text.partition(":")
        kind = match_heading(head)
        if kind and not _TIME.fullmatch(text.strip()[: len(head) + 3].strip()):
            return kind, rest.strip()
    for heading, kind in _HEADINGS:
        if kind in ("time", "place") and ascii_lower(text).startswith(ascii_lower(heading) + " "):
            rest = text[len(heading):].strip()
            if kind == "place" or rest[:1].isdigit() or parse_date(rest):
                return kind, rest
    return None, text


# --- page structure -----------------------------------------------------------------------------


def _band(page: PageText) -> list[Line]:
    """The top lines of a page where running headers live."""
    lines = list(page.lines[:DEFAULT_HEADER_BAND_LINES])
    if page.height > 0:
        lines = [ln for ln in lines if ln.y <= page.height * DEFAULT_HEADER_BAND]
    return lines


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", ascii_lower(text))


def running_header_lines(pages: list[PageText]) -> set[tuple[int, float]]:
    """(page, y) of lines that are running headers: top-band lines repeated on several pages,
    and on page 1 every top-band line that is not a form heading (page 1 carries the same header)."""
    shapes = Counter(_shape(ln.text) for p in pages for ln in set(_band(p)))
    out = set()
    for p in pages:
        for ln in _band(p):
            repeated = shapes[_shape(ln.text)] >= 2
            first_page_top = p is pages[0] and p.height > 0 and not match_heading(phrases(ln)[0].text)
            if repeated or first_page_top:
                out.add((ln.page, ln.y))
    return out


def _is_item_start(line: Line, first_content: bool) -> bool:
    """An agenda item begins: '§ 62' alone at the top of a page, or a '§ n' line with a date."""
    text = squash_spaces(line.text)
    if re.fullmatch(r"§\s*\d+|\d+\s*§", text):
        return first_content
    if not (_SECTION.search(text) and _DATE.search(text)):
        return False
    rest = squash_spaces(_DATE.sub(" ", _SECTION.sub(" ", text)))
    return not rest or body_name(rest) is not None  # not a listed title that happens to hold a date


_FOLDED_BODY_SUFFIXES = tuple(ascii_lower(s) for s in BODY_SUFFIXES)


def body_name(text: str) -> str | None:
    """A body's name if the text is one ('Tekninen lautakunta', 'KAUPUNGINHALLITUS'), else None."""
    text = squash_spaces(text).strip(" :")
    words = text.split()
    if not words or len(words) > 6 or any(c.isdigit() for c in text) or not words[0][:1].isupper():
        return None
    if not ascii_lower(words[-1]).endswith(_FOLDED_BODY_SUFFIXES):
        return None
    if text.isupper():
        text = text[0] + text[1:].lower()
    return text


def _body_prefix(text: str) -> str | None:
    """The body named before a date or § on an item header line ('Tekninen lautakunta 12.06.2024 § 45')."""
    cut = re.split(r"\s(?=§|\d)", squash_spaces(text), maxsplit=1)[0]
    return body_name(cut)


def find_body(pages: list[PageText]) -> str | None:
    """Most frequent body name in running headers (weight 3) and item header lines (weight 1)."""
    votes: Counter = Counter()
    first_seen: dict[str, int] = {}
    order = 0
    for page in pages:
        for ln in _band(page) or page.lines[:DEFAULT_HEADER_BAND_LINES]:
            for ph in phrases(ln):
                name = body_name(ph.text) or _body_prefix(ph.text)  # 'Tekninen lautakunta 12.10.2025'
                if name:
                    votes[name] += 3
                    first_seen.setdefault(name, order)
                    order += 1
        for ln in page.lines:
            if _SECTION.search(ln.text):
                name = _body_prefix(ln.text)
                if name:
                    votes[name] += 1
                    first_seen.setdefault(name, order)
                    order += 1
    if not votes and pages:
        for ln in pages[0].lines[:15]:
            for ph in phrases(ln):
                name = body_name(ph.text)
                if name:
                    return name
    if not votes:
        return None
    return max(votes, key=lambda n: (votes[n], -first_seen[n]))


def find_number(pages: list[PageText]) -> str | None:
    """'9/2025' from the page header ('PÖYTÄKIRJA 9/2025'), the most frequent over the pages."""
    votes: Counter = Counter()
    for page in pages:
        for ln in page.lines[: DEFAULT_HEADER_BAND_LINES + 1]:
            for m in _NUMBER.finditer(ln.text):
                votes[f"{int(m.group(1))}/{m.group(2)}"] += 1
    if not votes and pages:
        for ln in pages[0].lines[:20]:
            low = ascii_lower(ln.text)
            if any(ascii_lower(w) in low for w in DOCUMENT_TYPE_WORDS) or "nro" in low.split():
                m = _NUMBER.search(ln.text)
                if m:
                    return f"{int(m.group(1))}/{m.group(2)}"
    return votes.most_common(1)[0][0] if votes else None


def _fallback_date(pages: list[PageText], body: str | None) -> dt.date | None:
    """Date of the running header, else of this body's item header lines, else the first one.

    The running header prints the meeting date on every page; item header lines may also be earlier
    handlings of the same body, so they come second.
    """
    votes: Counter = Counter()
    for page in pages:
        for ln in _band(page) or page.lines[:DEFAULT_HEADER_BAND_LINES]:
            date = parse_date(ln.text)
            if date:
                votes[date] += 1
    if votes:
        return votes.most_common(1)[0][0]
    for page in pages:
        for ln in page.lines:
            if _SECTION.search(ln.text) and _DATE.search(ln.text):
                if body is None or _body_prefix(ln.text) == body:
                    date = parse_date(ln.text)
                    if date:
                        votes[date] += 1
    if votes:
        return votes.most_common(1)[0][0]
    for page in pages[:1]:
        for ln in page.lines[:20]:
            date = parse_date(ln.text)
            if date:
                return date
    return None


# --- the form on the first pages ----------------------------------------------------------------


def _value_x(lines: list[Line]) -> float | None:
    """x where the value column starts: the second phrase of lines headed 'Kokousaika', 'Paikka'..."""
    xs = []
    for ln in lines:
        ph = phrases(ln)
        if len(ph) >= 2 and match_heading(ph[0].text) in ("time", "place", "member", "other", "absent"):
            xs.append(ph[1].x0)
    return min(xs) if xs else None


def _split_at_column(seg: Segment, vx: float) -> list[Segment]:
    """Split a run that PDFium merged across the column gap ('Muut saapuvilla olleet Hakala Janne').

    A heading at the start of the text gives the split; otherwise the word nearest the column x,
    by the run's average character width.
    """
    if not (seg.x0 < vx - DEFAULT_COLUMN_SLACK and seg.x1 > vx + 5) or match_heading(seg.text):
        return [seg]
    words = seg.text.split()
    cut = None
    for k in range(len(words) - 1, 0, -1):
        if match_heading(" ".join(words[:k])):
            cut = k
            break
    if cut is None:
        width = (seg.x1 - seg.x0) / max(len(seg.text), 1)
        chars = (vx - seg.x0) / width
        ends = [len(" ".join(words[:k])) for k in range(1, len(words))]
        if not ends:
            return [seg]
        cut = 1 + min(range(len(ends)), key=lambda i: abs(ends[i] - chars))
    return [Segment(seg.x0, vx - DEFAULT_COLUMN_SLACK - 1, " ".join(words[:cut])),
            Segment(vx, seg.x1, " ".join(words[cut:]))]


@dataclass
class _Form:
    time: list[str]
    place: list[str]
    entries: list[tuple[str, str]]  # (block kind, entry text)


def read_form(pages: list[PageText]) -> _Form:
    """Walk the first pages as a state machine over headings; collect field values and entries."""
    skip = running_header_lines(pages)
    lines = [ln for p in pages[:DEFAULT_HEADER_PAGES] for ln in p.lines if (ln.page, ln.y) not in skip]
    vx = _value_x(lines)
    form = _Form([], [], [])
    mode: str | None = None
    field: str | None = None
    prev_label = ""
    prev_page = None
    for ln in lines:
        first_content = ln.page != prev_page
        prev_page = ln.page
        if _is_item_start(ln, first_content):
            break
        ph = phrases(ln)
        if vx is not None:
            ph = [part for p in ph for part in _split_at_column(p, vx)]
            label_ph = [p for p in ph if p.x0 < vx - DEFAULT_COLUMN_SLACK]
            value_ph = [p for p in ph if p.x0 >= vx - DEFAULT_COLUMN_SLACK]
        elif match_heading(ph[0].text):
            label_ph, value_ph = ph[:1], ph[1:]
        else:
            label_ph, value_ph = [], ph
        label = squash_spaces(" ".join(p.text for p in label_ph))
        values = [squash_spaces(p.text) for p in value_ph]
        kind = None
        if not label and len(values) == 1:
            kind, rest = _split_inline_heading(values[0])
            if kind is None and match_heading(values[0]):
                kind, rest = match_heading(values[0]), ""
            if kind:
                label, values = values[0], [rest] if rest else []
        if label:
            kind = kind or match_heading(label)
            if kind is None and prev_label:
                kind = match_heading(f"{prev_label} {label}")
                if kind is not None and kind == mode:
                    kind = "continue"
            prev_label = label
            field = None
            if kind is None:
                mode = None
                continue
            if kind in ("time", "place"):
                mode, field = None, kind
            elif kind != "continue":
                mode = kind
        if not values:
            continue
        if field and mode is None:
            getattr(form, field).append(" ".join(values))
            if not label and field == "place":
                field = None
            continue
        if mode in ("member", "other"):
            text = ", ".join(values)
            for part in text.split("\n"):
                if part.strip():
                    if _entry_name(part) is None:  # a signature line or prose: the list has ended
                        mode = None
                        break
                    form.entries.append((mode, part.strip()))
    return form


# --- attendee entries ---------------------------------------------------------------------------


def _entry_name(text: str) -> tuple[str, list[str]] | None:
    """Split 'Name, part, part' into the name and the remaining parts; None when no name leads."""
    text = re.sub(r"\s*(\([^)]*\))", r", \1", text)  # 'Tuula Hannula (varajäsen)' -> own part
    parts = [p.strip() for p in re.split(r",\s*(?![^(]*\))", text) if p.strip()]
    if not parts:
        return None
    words = parts[0].split()
    # 'Markku Lehtinen puheenjohtaja' (no comma): trailing lower-case words are the role/title.
    trailing: list[str] = []
    while len(words) > 2 and words[-1][:1].islower():
        trailing.insert(0, words.pop())
    if trailing:
        parts.insert(1, " ".join(trailing))
    if not 2 <= len(words) <= 4 or not all(_NAME_TOKEN.match(w) for w in words):
        return None
    if _role_of(" ".join(words)) is not None:
        return None
    return " ".join(words), parts[1:]


def _role_of(part: str) -> tuple[str, str] | None:
    """(printed role lower-case, role_norm) if the part is a meeting role, else None."""
    text = squash_spaces(part.strip("() ").rstrip("."))
    low = text.lower()
    m = _ORDINAL.match(text)
    prefix = m.group(1) if m else ""
    core = low[len(prefix):].strip()
    if core in ATTENDEE_ROLES:
        return prefix + core, ATTENDEE_ROLES[core]
    folded = ascii_lower(core)
    if len(folded) >= 6:
        best, best_role = 0.0, None
        for role in ATTENDEE_ROLES:
            score = fuzz.ratio(folded, ascii_lower(role))
            if score > best:
                best, best_role = score, role
        if best_role and best >= DEFAULT_ROLE_CUTOFF:
            return prefix + best_role, ATTENDEE_ROLES[best_role]
    words = core.split()
    if len(words) >= 2 and any(ascii_lower(words[-1]) == ascii_lower(t) for t in ATTENDEE_ROLE_TAILS):
        return prefix + core, "muu"
    return None


def _is_note(part: str) -> bool:
    low = ascii_lower(part.strip("() "))
    if re.match(r"^§|^\d{1,2}[.:]\d{2}", low):
        return True
    return any(low == ascii_lower(w) or low.startswith(ascii_lower(w) + " ") or low.startswith(ascii_lower(w) + ".")
               for w in ATTENDEE_NOTE_WORDS)


def parse_entry(kind: str, text: str, language: str = "fi") -> Attendee | None:
    """'Riikka Mäenpää, jäsen, poistui klo 18:25, § 91' -> Attendee (name order untouched; no ids yet)."""
    split = _entry_name(text)
    if split is None:
        return None
    name, parts = split
    role = role_norm = None
    titles: list[str] = []
    notes: list[str] = []
    for part in parts:
        found = _role_of(part)
        if notes or (not found and (_is_note(part) or part.startswith("("))):
            notes.append(part)
            continue
        if found and role is None:
            role, role_norm = found
        else:
            titles.append(part)
    if role is None and kind == "member":
        role, role_norm = ("ledamot" if language == "sv" else "jäsen"), "jasen"
    return Attendee(meeting_id="", doc_id="", ordinal=0, name=name, role=role, role_norm=role_norm or "muu",
                    title=", ".join(titles) or None, note=", ".join(notes) or None)


def _order_vote(name: str) -> int:
    """+1 when the name reads 'Surname Firstname', -1 when 'Firstname Surname', 0 when unknown."""
    words = name.split()
    first, last = is_first_name(words[0]), is_first_name(words[-1])
    if last and not first:
        return 1
    if first and not last:
        return -1
    return 0


def normalise_names(attendees: list[Attendee]) -> list[Attendee]:
    """Print every name 'Firstname Surname'. libvoikko tells first names ('etunimi'); names it does
    not know follow the document's majority order (a layout prints all names the same way)."""
    votes = [_order_vote(a.name) for a in attendees]
    majority = sum(votes)
    out = []
    for a, vote in zip(attendees, votes, strict=True):
        surname_first = vote > 0 or (vote == 0 and majority > 0)
        if surname_first:
            words = a.name.split()
            a = replace(a, name=" ".join(words[1:] + words[:1]))
        out.append(a)
    return out


# --- entry point --------------------------------------------------------------------------------


def extract_meeting(pages: list[PageText], language: str = "fi") -> MeetingInfo:
    """The meeting header of a document (all its pages). Fields not printed are None / empty."""
    if not pages:
        return MeetingInfo(None, None, None, None, None, None, ())
    form = read_form(pages)
    body = find_body(pages)
    time_text = " ".join(form.time)
    date = parse_date(time_text) or _fallback_date(pages, body)
    start, end = parse_times(time_text) if time_text else (None, None)
    place = squash_spaces(" ".join(form.place)).strip(" ,") or None
    attendees = normalise_names([a for kind, text in form.entries if (a := parse_entry(kind, text, language))])
    return MeetingInfo(body=body, date=date, number=find_number(pages), place=place, start=start,
                       end=end, attendees=tuple(replace(a, ordinal=n) for n, a in enumerate(attendees)))
