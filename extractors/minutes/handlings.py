"""Item pages that print a case's whole handling history: one item of the body that published it.

Some systems (Turku's ah pages among them) publish an item as one page that opens with a table of
every handling of the case ('Kaupunkisuunnittelu- ja ympäristölautakunta 84 21.03.2017',
..., 'Kaupunginhallitus 195 02.05.2017') and then prints each handling as a block under a short
marker ('Ksylk § 84', ..., 'Kh § 195': an abbreviation of the body). The handlings end in the
publisher's own: the last table row is the item, the earlier blocks are its history, each with
body, date, § and outcome.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from extractors import records as R
from extractors.minutes.decisions import classify_outcome
from extractors.minutes.meeting import MeetingInfo
from extractors.minutes.sections import ParsedItem, ParsedSection, split_sections
from extractors.minutes.segment import DIARY_RE
from extractors.records import Line
from extractors.vocab import HANDLING_CARRIED_CUES

_TABLE_ROW = re.compile(r"^(?P<body>[A-ZÅÄÖ][^\d§]*?[a-zåäö])\s+(?:§\s*)?(?P<num>\d{1,4})\s*§?\s+"
                        r"(?P<date>\d{1,2}\.\d{1,2}\.\d{4})(?:\s+\d{1,3})?$")
_MARKER = re.compile(r"^(?P<abbr>[A-ZÅÄÖ][\wÅÄÖåäö.-]{0,24})\s*§\s*(?P<num>\d{1,4})$")
_TABLE_WITHIN = 15  # the table opens the page: look no further for its rows


@dataclass
class Handling:
    """One handling of the case: its row in the table and the block printed under its marker."""

    body: str
    number: int
    date: dt.date
    abbr: str = ""
    start: int = 0  # index of the marker line
    end: int = 0  # index after the block's last line

    @property
    def ref(self) -> str:
        return f"{self.abbr or self.body} {self.date.strftime('%d.%m.%Y')} § {self.number}"


@dataclass
class HandlingPage:
    item: ParsedItem
    handlings: list[Handling]  # in printed order; the last is the publisher's own (the item)

    @property
    def publisher(self) -> Handling:
        return self.handlings[-1]


def _text(line: Line) -> str:
    return " ".join(line.text.replace("\u200b", "").split())


def _table(lines: list[Line]) -> tuple[list[Handling], int]:
    """The handling rows that open the page (one after another) and the index after them."""
    for i in range(min(len(lines), _TABLE_WITHIN)):
        rows: list[Handling] = []
        k = i
        while k < len(lines) and (m := _TABLE_ROW.match(_text(lines[k]))):
            day, month, year = (int(x) for x in m["date"].split("."))
            try:
                rows.append(Handling(body=m["body"].strip(), number=int(m["num"]), date=dt.date(year, month, day)))
            except ValueError:
                break
            k += 1
        if rows:
            return rows, k
    return [], 0


def find_handlings(lines: list[Line]) -> tuple[list[Handling], int] | None:
    """The page's handlings with their blocks, and the index of the first block; None for other pages."""
    rows, after = _table(lines)
    if not rows:
        return None
    k = after
    for row in rows:  # each table row's marker, in order
        while k < len(lines):
            m = _MARKER.match(_text(lines[k]))
            if m and int(m["num"]) == row.number and m["abbr"][0].lower() == row.body[0].lower():
                row.abbr, row.start = m["abbr"], k
                break
            k += 1
        else:
            return None
        k += 1
    for row, following in zip(rows, [*rows[1:], None], strict=True):
        row.end = following.start if following else len(lines)
    return rows, after


def parse_handling_page(lines: list[Line], has_positions: bool) -> HandlingPage | None:
    """The page as one item of its publisher, earlier handlings' sections marked with their ref."""
    found = find_handlings(lines)
    if found is None:
        return None
    handlings, after = found
    head = lines[after:handlings[0].start]
    diary = next((m.group(1) for ln in head if (m := DIARY_RE.match(_text(ln)))), None)
    texts = [ln for ln in head if _text(ln) and not DIARY_RE.match(_text(ln))]
    title = _text(texts[0]) if texts else None
    publisher = handlings[-1]
    sections: list[ParsedSection] = split_sections(texts[1:], publisher.body, [], publisher.number, has_positions)
    for h in handlings:
        block = split_sections(lines[h.start + 1:h.end], h.body, [], h.number, has_positions)
        for sec in block:
            sec.handling = None if h is publisher else h.ref
        sections += block
    item = ParsedItem(number=publisher.number, title=title, diary_number=diary,
                      history=[h.ref for h in handlings[:-1]], page_start=lines[0].page if lines else None,
                      page_end=lines[-1].page if lines else None, sections=sections)
    return HandlingPage(item=item, handlings=handlings)


_REF = re.compile(r"^(?P<body>.*?)[\s,]*(?P<date>\d{1,2}\.\d{1,2}\.\d{4})[\s,]*"
                  r"(?:§\s*(?P<num>\d{1,4})|(?P<num2>\d{1,4})\s*§)")


def _ref_parts(ref: str) -> tuple[str | None, dt.date | None, int | None]:
    """Body (or its abbreviation), date and § of a printed history line ('Sivla 10.03.2026 § 19')."""
    m = _REF.match(ref)
    if not m:
        return None, None, None
    day, month, year = (int(x) for x in m["date"].split("."))
    try:
        date = dt.date(year, month, day)
    except ValueError:
        date = None
    return m["body"].strip(" ,") or None, date, int(m["num"] or m["num2"])


def _carried_outcomes(item: ParsedItem) -> dict[tuple[int | None, dt.date | None], str]:
    """(§, date) of earlier handlings -> outcome, from the opening line of the handling after each
    ('Pöydältä 21.3.2017 § 84.')."""
    out = {}
    opening: dict[str | None, str] = {}
    for sec in item.sections:
        if sec.lines and sec.handling not in opening:
            opening[sec.handling] = sec.lines[0]
    for line in opening.values():
        low = line.strip().lower()
        for cue, outcome in HANDLING_CARRIED_CUES.items():
            if re.search(cue, low):
                _body, date, number = _ref_parts(" " + line.split(None, 1)[-1])
                out[(number, date)] = outcome
    return out


def history_rows(item: ParsedItem, item_id: str, doc_id: str, page: HandlingPage | None) -> list[R.ItemHistory]:
    """One row per earlier handling: body, date, § and what that handling decided."""
    full = {h.ref: h for h in page.handlings[:-1]} if page else {}
    carried = _carried_outcomes(item)
    rows = []
    for ordinal, ref in enumerate(item.history):
        if ref in full:
            body, date, number = full[ref].body, full[ref].date, full[ref].number
        else:
            body, date, number = _ref_parts(ref)
        own = [s for s in item.sections if s.handling == ref]
        paatos = [s.lines[0] for s in own if s.kind == "paatos" and s.lines]  # its decision sentence
        proposal = [s.text for s in own if s.kind == "paatosehdotus"]
        outcome = classify_outcome(paatos[0], proposal[-1] if proposal else None) if paatos else None
        outcome = carried.get((number, date), outcome)
        rows.append(R.ItemHistory(item_id=item_id, doc_id=doc_id, ordinal=ordinal, ref=ref, body=body,
                                  meeting_date=date, section_number=number, outcome=outcome))
    return rows


def publisher_meeting(info: MeetingInfo | None, publisher: Handling) -> MeetingInfo:
    """The meeting of the page's own handling (the header may name the first handling's)."""
    if info is None:
        return MeetingInfo(body=publisher.body, date=publisher.date, number=None, place=None, start=None, end=None)
    return replace(info, body=publisher.body, date=publisher.date)
