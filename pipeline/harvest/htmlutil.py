"""Reading the HTML the publishing systems send: decoding, links, table rows, Finnish dates.

The older systems send windows-1252 or ISO-8859-1 without always saying so (Espoo's Dynasty
declares windows-1252 only in a meta tag, Oulu's Tweb says windows-1252 while the server says
ISO-8859-1). Decoding follows the browsers' rule: an ISO-8859-1 label means windows-1252, and
a page that names no charset is sniffed with charset-normalizer.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from charset_normalizer import from_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
_LATIN1_LABELS = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii"}
_FI_DATE = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def _codec(label: str) -> str:
    label = label.strip().lower()
    return "cp1252" if label in _LATIN1_LABELS or label == "windows-1252" else label


def decode_html(data: bytes, content_type: str | None = None) -> str:
    """Bytes of a page -> text, by HTTP header charset, then meta charset, then sniffing."""
    labels: list[str] = []
    if content_type and (m := _HEADER_CHARSET.search(content_type)):
        labels.append(m.group(1))
    if m := _META_CHARSET.search(data[:4096]):
        labels.append(m.group(1).decode("ascii", "replace"))
    for label in labels:
        try:
            return data.decode(_codec(label))
        except (LookupError, UnicodeDecodeError):
            continue
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        return str(best) if best is not None else data.decode("cp1252", "replace")


def parse_fi_date(text: str) -> dt.date | None:
    """First date written as d.m.yyyy (or yyyy-mm-dd) in the text."""
    for pattern, order in ((_FI_DATE, (3, 2, 1)), (_ISO_DATE, (1, 2, 3))):
        for m in pattern.finditer(text or ""):
            try:
                return dt.date(int(m.group(order[0])), int(m.group(order[1])), int(m.group(order[2])))
            except ValueError:
                continue
    return None


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


@dataclass
class Link:
    href: str
    text: str


@dataclass
class Cell:
    text: str = ""
    links: list[Link] = field(default_factory=list)
    classes: str = ""


@dataclass
class Row:
    cells: list[Cell] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)  # HTML comments just before/inside the row

    @property
    def links(self) -> list[Link]:
        return [link for cell in self.cells for link in cell.links]

    @property
    def text(self) -> str:
        return " ".join(c.text for c in self.cells if c.text)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[Link] = []
        self.rows: list[Row] = []
        self.comments: list[str] = []
        self.options: list[tuple[str, str, str]] = []  # (select name, value, text)
        self.forms: list[dict[str, str]] = []
        self._anchor: Link | None = None
        self._row: Row | None = None
        self._cell: Cell | None = None
        self._pending_comments: list[str] = []
        self._select: str | None = None
        self._option: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and a.get("href"):
            self._anchor = Link(a["href"], "")
        elif tag == "br" and self._anchor is not None:
            self._anchor.text += " "
        elif tag == "tr":
            self._close_row()
            self._row = Row(comments=self._pending_comments)
            self._pending_comments = []
        elif tag in ("td", "th"):
            if self._row is None:
                self._row = Row()
            self._cell = Cell(classes=a.get("class", ""))
            self._row.cells.append(self._cell)
        elif tag == "select":
            self._select = a.get("name", "")
        elif tag == "option" and self._select is not None:
            self._option = [a.get("value", ""), ""]
        elif tag == "form":
            self.forms.append({"action": a.get("action", ""), "method": a.get("method", "GET").upper(),
                               "name": a.get("name", "")})
        elif tag == "br" and self._cell is not None:
            self._cell.text += " "

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._anchor is not None:
            self._anchor.text = squash(self._anchor.text)
            self.links.append(self._anchor)
            if self._cell is not None:
                self._cell.links.append(self._anchor)
            self._anchor = None
        elif tag in ("td", "th") and self._cell is not None:
            self._cell.text = squash(self._cell.text)
            self._cell = None
        elif tag == "tr":
            self._close_row()
        elif tag == "option" and self._option is not None and self._select is not None:
            self.options.append((self._select, self._option[0], squash(self._option[1])))
            self._option = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data: str) -> None:
        if self._anchor is not None:
            self._anchor.text += data
        if self._cell is not None:
            self._cell.text += data
        if self._option is not None:
            self._option[1] += data

    def handle_comment(self, data: str) -> None:
        self.comments.append(data.strip())
        if self._row is not None and self._cell is not None:
            self._row.comments.append(data.strip())
        else:
            self._pending_comments.append(data.strip())

    def _close_row(self) -> None:
        if self._cell is not None:
            self._cell.text = squash(self._cell.text)
            self._cell = None
        if self._row is not None:
            self.rows.append(self._row)
            self._row = None

    def close(self) -> None:
        super().close()
        self._close_row()


@dataclass
class Page:
    """A parsed page: all links, table rows (with the comments before them), select options."""

    links: list[Link]
    rows: list[Row]
    comments: list[str]
    options: list[tuple[str, str, str]]
    forms: list[dict[str, str]]


def parse_page(text: str) -> Page:
    parser = _PageParser()
    parser.feed(text)
    parser.close()
    return Page(parser.links, parser.rows, parser.comments, parser.options, parser.forms)
