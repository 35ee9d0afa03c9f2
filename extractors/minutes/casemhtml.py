"""CaseM source HTML -> items, their parts and the parts' kinds, read from the markup's elements.

CaseM (CloudNC) renders its minutes PDF from an HTML page that the PDF carries in its metadata.
That page marks the structure the PDF only shows: one ``<div id="article-N">`` per item holding
the '§ n' and title elements, the case id (``topic-caption``), a table of the case's handlings,
one block per earlier handling (its own header row 'Kaupunginhallitus, 31.03.2025, § 102'), and a
table of the current handling whose rows hold one part each: a bold heading element ('Ehdotus',
'Päätös', 'Esteellisyys'), a label ('Valmistelija / lisätiedot:', 'Esittelijä: Name, Title') or
no heading (the description), then the part's content. The appeal instructions follow the last
article as tables of their own. Reading those elements, instead of a flattening of them into
lines, keeps a list of attachment names, a person's job title or a quoted '119 §' from opening
parts or items of their own. Returns None for HTML without article elements: the line path reads it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import lxml.html

from extractors.minutes.appeals import AppealText, appeal_parts
from extractors.minutes.headings import heading_kind
from extractors.minutes.sections import ParsedItem, ParsedSection
from extractors.minutes.segment import DIARY_RE, HeaderCandidate, parse_header
from extractors.records import Line
from extractors.text.htmltext import HtmlDocument, clean_text, parse_html

_ARTICLE_ID = re.compile(r"^article-\d+$")
_NUMBER = re.compile(r"^§\s*(\d{1,4})\b|^(\d{1,4})\s*§")
MAX_HANDLING_CHARS = 100  # a handling line: body, date and § ('Tekninen lautakunta, 20.05.2025, § 84')
_LABEL = re.compile(r"^([^:]{2,45}):\s*(.*)$")  # 'Valmistelija / lisätiedot:', 'Esittelijä: Name, Title'


@dataclass
class CasemMinutes:
    items: list[ParsedItem]
    appeals: list[AppealText]
    body: str | None = None  # the body of the current handlings ('Kaupunginvaltuusto, § 35, 19.05.2025')


def read_casem(html: str | HtmlDocument) -> CasemMinutes | None:
    """Items and appeal instructions of CaseM minutes HTML (or of the document already parsed and
    rendered for its pages); None when it has no article elements."""
    reader = parse_html(html) if isinstance(html, str) else html
    if reader is None:
        return None
    articles = [el for el in reader.root.iter("div") if _ARTICLE_ID.match(el.get("id") or "")]
    if not articles:
        return None
    read = [_article(a, reader) for a in articles]
    bodies = Counter(body for _, body in read if body)
    return CasemMinutes(items=[item for item, _ in read], appeals=_appeals(articles[-1], reader),
                        body=bodies.most_common(1)[0][0] if bodies else None)


def _classes(el: lxml.html.HtmlElement) -> set[str]:
    return set((el.get("class") or "").split())


def _elements(el: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    return [c for c in el if isinstance(c.tag, str)]


def _text(el: lxml.html.HtmlElement) -> str:
    return clean_text(el.text_content())


def _handling_line(text: str) -> HeaderCandidate | None:
    """'Kaupunginhallitus, § 102, 31.03.2025' / 'Kaupunginhallitus, 31.03.2025, § 102'."""
    cand = parse_header(Line(page=0, y=0, x0=0, text=text), 0)
    return cand if cand is not None and cand.body and cand.date else None


def _day(date: str | None) -> str:
    return re.sub(r"\D", "", date or "")[-6:]


def _kind(heading: str) -> str:
    """The section kind of a heading element's text ('Valmistelija / lisätiedot' -> valmistelija)."""
    for candidate in (heading, heading.split("/")[0]):
        found = heading_kind(candidate.strip().rstrip(":").strip())
        if found:
            return found[0]
    return "muu"


def _article(article: lxml.html.HtmlElement, reader: HtmlDocument) -> tuple[ParsedItem, str | None]:
    """The item of one article element, and the body its own handling line names."""
    inner = next((c for c in _elements(article) if "max-width" in _classes(c)), article)
    number: int | None = None
    title: str | None = None
    diary: str | None = None
    handlings: list[str] = []  # the table of the case's handlings, the current one included
    sections: list[ParsedSection] = []
    for child in _elements(inner):
        text = _text(child)
        classes = _classes(child)
        if child.tag == "table" and number is None:
            handlings.extend(t for td in child.iter("td") if (t := _text(td)))
        elif child.tag == "div" and "bold" in classes and number is None and _NUMBER.match(text):
            m = _NUMBER.match(text)
            number = int(m.group(1) or m.group(2))
        elif child.tag == "div" and "bold" in classes and title is None and number is not None:
            title = text or None
        elif child.tag == "div" and "topic-caption" in classes:
            m = DIARY_RE.match(text)
            if text and diary is None:
                diary = m.group(1) if m else text
        elif child.tag == "div" and "max-width" in classes:
            sections.extend(_earlier_handling(child, handlings, number, reader))
        elif child.tag == "table":
            sections.extend(_rows(child, None, number, reader))
    own = [c for h in handlings if (c := _handling_line(h)) is not None and c.number == number]
    history = [h for h in handlings if (c := _handling_line(h)) is None or c.number != number]
    item = ParsedItem(number=number, title=title, diary_number=diary, history=history, page_start=None,
                      page_end=None, sections=sections)
    return item, own[-1].body if own else None


def _earlier_handling(block: lxml.html.HtmlElement, handlings: list[str], number: int | None,
                      reader: HtmlDocument) -> list[ParsedSection]:
    """An earlier handling's block: its header row names the body, date and §; its parts carry
    the matching line of the item's handling table as ``handling``."""
    out: list[ParsedSection] = []
    for table in (c for c in _elements(block) if c.tag == "table"):
        ref = None
        for bold in table.iter("div"):
            cand = _handling_line(_text(bold)) if "bold" in _classes(bold) else None
            if cand is not None:
                ref = next((h for h in handlings if (c := _handling_line(h)) is not None
                            and c.number == cand.number and _day(c.date) == _day(cand.date)), _text(bold))
                break
        out.extend(_rows(table, ref, number, reader))
    return out


def _table_rows(table: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    rows = []
    for child in _elements(table):
        if child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(r for r in _elements(child) if r.tag == "tr")
        elif child.tag == "tr":
            rows.append(child)
    return rows


class _Parts:
    """Parts of one handling as its rows are read: a heading opens a part, content fills it."""

    def __init__(self, handling: str | None):
        self.handling = handling
        self.sections: list[ParsedSection] = []
        self.open: ParsedSection | None = None  # the part that content goes to

    def heading(self, heading: str) -> None:
        heading = heading.rstrip(":").strip()
        self.open = ParsedSection(kind=_kind(heading), heading_raw=heading, handling=self.handling)
        self.sections.append(self.open)

    def person(self, kind: str, label: str, value: str) -> None:
        """'Esittelijä: Satu Kankare, Kaupunginjohtaja' inside the proposal: a part of its own,
        printed before the proposal as the page-text path reads it."""
        part = ParsedSection(kind=kind, heading_raw=label, lines=[value], handling=self.handling)
        if self.open is not None and not self.open.lines and self.sections and self.sections[-1] is self.open:
            self.sections.insert(len(self.sections) - 1, part)
        else:
            self.sections.append(part)

    def content(self, lines: list[tuple[str, bool]], new_row: bool) -> None:
        if not lines:
            return
        if self.open is None or (new_row and self.open.lines):
            self.open = ParsedSection(kind="selostus", heading_raw=None, handling=self.handling)
            self.sections.append(self.open)
        first, bold = lines[0]
        found = heading_kind(first.rstrip(":").strip()) if bold and not self.open.lines else None
        if found and found[0] == self.open.kind:
            self.open.heading_raw = first.rstrip(":").strip()  # 'Kaupunginjohtajan ehdotus:' under 'Ehdotus'
            lines = lines[1:]
        self.open.lines.extend(t for t, _ in lines)


def _is_heading_cell(cell: lxml.html.HtmlElement, text: str) -> bool:
    """A cell that is a part's heading: bold, or spanning both columns, short and without a period."""
    short = len(text.split()) <= 6 and not text.endswith(".")
    return short and ("bold" in _classes(cell) or cell.get("colspan") is not None)


def _rows(table: lxml.html.HtmlElement, handling: str | None, number: int | None,
          reader: HtmlDocument) -> list[ParsedSection]:
    parts = _Parts(handling)
    for row in _table_rows(table):
        cells = [c for c in _elements(row) if c.tag in ("td", "th") and _text(c)]
        if not cells:
            continue
        row_text = _text(row)
        if len(row_text) <= MAX_HANDLING_CHARS and _handling_line(row_text) is not None:
            continue  # the handling's own header or subtitle ('Tekninen lautakunta, 20.05.2025, § 84')
        new_row = True
        for cell in cells:
            _cell(cell, parts, new_row, reader)
            new_row = False
    return [s for s in parts.sections if s.lines or s.kind != "selostus"]


def _cell(cell: lxml.html.HtmlElement, parts: _Parts, new_row: bool, reader: HtmlDocument) -> None:
    text = _text(cell)
    children = [c for c in _elements(cell) if c.tag != "br"]
    if not any(_text(c) for c in children):  # text straight in the cell: 'Liitteet', '§35, §39'
        if _is_heading_cell(cell, text):
            parts.heading(text)
        else:
            parts.content([(text, False)], new_row)
        return
    for child in children:
        child_text = _text(child)
        if not child_text:
            continue
        if child.tag == "div" and "bold" in _classes(child):
            parts.heading(child_text)
            new_row = False
            continue
        label = _LABEL.match(child_text) if child.tag == "div" and not _elements(child) else None
        kind = _kind(label.group(1)) if label else "muu"
        if label and kind in ("valmistelija", "esittelija"):
            if label.group(2):
                parts.person(kind, label.group(1).strip(), label.group(2).strip())
            else:
                parts.heading(label.group(1))
            new_row = False
            continue
        parts.content(reader.lines(child), new_row)
        new_row = False


def _appeals(last_article: lxml.html.HtmlElement, reader: HtmlDocument) -> list[AppealText]:
    """The tables after the last article: one block of appeal instructions each."""
    out: list[AppealText] = []
    node = last_article
    while node is not None:
        for sibling in node.itersiblings():
            if isinstance(sibling.tag, str) and sibling.tag == "table" and _text(sibling):
                lines = [(t, None) for row in _table_rows(sibling) for t, _ in reader.lines(row)]
                out.extend(appeal_parts(lines))
        node = node.getparent()
        if node is not None and node.tag == "body":
            break
    return out
