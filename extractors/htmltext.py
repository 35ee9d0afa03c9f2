"""HTML minutes -> the common line layout (`PageText` / `Line` / `Segment`), and HTML bytes -> text.

Why a layout and not plain text: the segmenter reads PDF text lines whose segments carry an x
position, and recognises a margin heading ('Päätösehdotus' at the left, its text in a column to the
right) by that position. KTweb and CaseM HTML print the same structure as table cells, so cells are
mapped to column slots: cell *i* of a row becomes a `Segment` at ``x0 = 100 * i``. A heading cell
with a multi-paragraph content cell gives a first line ``[heading @0, paragraph 1 @100]`` and one
line per further paragraph ``[paragraph @100]``, which is what the PDF page shows.

Conventions (the segmenter relies on them):

- one `Line` per paragraph / block / ``<br>``-separated run / table row; inline text joined with
  single spaces; list items keep their marker (``'- '`` for ``ul``, ``'1. '`` for ``ol`` unless the
  text already starts with a printed marker);
- `Line.height` is `HEADING_HEIGHT` for headings (``h1``-``h6``, paragraphs whose text is all bold,
  by tag or by the document's own CSS) and `BODY_HEIGHT` otherwise;
- a paragraph that starts with a short bold run followed by a wide gap (several ``&nbsp;`` or a
  tab: Word's margin headings) is split into ``[bold run @x, rest @x+100]``;
- everything is on page 1 except that CSS page breaks (``page-break-before/after: always``,
  ``break-before/after: page``) start a new page; `Line.y` grows by `LINE_STEP` through the whole
  document; `PageText.width/height` are 0 (HTML has no page geometry);
- dropped: head, scripts, styles, forms, hidden elements (``display:none``, ``visibility:hidden``,
  ``hidden``), page-level ``<header>``/``<footer>``/``<nav>`` and CSS running elements (CaseM's
  page header and footer templates), template placeholders such as ``{$page}``.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import lxml.etree
import lxml.html

from extractors.records import Line, PageText, Segment

COLUMN_WIDTH = 100.0  # x0 of table column i is i * COLUMN_WIDTH
SEGMENT_WIDTH = 90.0  # Segment.x1 = x0 + SEGMENT_WIDTH
LINE_STEP = 12.0  # Line.y advances this much per line, through the whole document
HEADING_HEIGHT = 14.0
BODY_HEIGHT = 10.0
MAX_HEADING_CHARS = 150  # an all-bold paragraph longer than this is emphasis, not a heading
MAX_MARGIN_HEADING_CHARS = 60  # a bold run split off as a margin heading is at most this long

# --- decoding ------------------------------------------------------------------------------------

_SNIFF_LIMIT = 65536
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml\b[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
# Single-byte Western charsets whose 0x80-0x9F are C1 controls that nobody means: in real pages
# those bytes are windows-1252 punctuation (KTweb/Dynasty: '€', '–', curly quotes).
_C1_AS_CP1252 = {"cp1252", "latin_1", "iso8859_1", "ascii", "iso8859_15"}
# Finnish pages are Unicode or windows-1252; asked about more, charset-normalizer reads windows-1252
# Finnish as mac_roman ('ä' -> '‰'), so it only chooses between these, and any Western
# single-byte answer is then read as windows-1252 (with C1 fallback).
_UNDECLARED_CANDIDATES = ["utf_16", "utf_32", "cp1252", "iso8859_15"]


def decode_html(data: bytes) -> str:
    """Decode HTML bytes: BOM, then the declared charset (meta tag or XML prolog), then a guess.

    A declared ISO-8859-1 / ASCII / windows-1252 is read as windows-1252 (as browsers do), and if
    such a page is in fact valid UTF-8 with non-ASCII bytes, UTF-8 wins: a random windows-1252
    text is practically never valid multi-byte UTF-8. A declared UTF-8 that does not decode falls
    through to the guess. Undeclared: strict UTF-8, then charset-normalizer, then windows-1252.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace")
    declared = declared_charset(data)
    if declared in _C1_AS_CP1252:
        if _is_utf8_text(data):
            return data.decode("utf-8")
        return _decode_western(data, declared)
    if declared and declared not in ("utf_8", "utf_16", "utf_16_le", "utf_16_be", "utf_32"):
        return data.decode(declared, "replace")
    # declared UTF-8 (or a UTF-16 label on ASCII-readable bytes, which cannot be true) or nothing
    return _guess(data)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares (Python codec name), or None if none or unknown."""
    head = data[:_SNIFF_LIMIT]
    m = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name.replace("-", "_")
    except LookupError:
        return None


def _is_utf8_text(data: bytes) -> bool:
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _guess(data: bytes) -> str:
    head = data[:512]
    if head.count(0) > len(head) // 4:  # UTF-16 without BOM: ASCII markup leaves every other byte 0
        odd_zeros = head[1::2].count(0)
        return data.decode("utf-16-le" if odd_zeros > head[::2].count(0) else "utf-16-be", "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_UNDECLARED_CANDIDATES).best()
    if best is not None:
        name = codecs.lookup(best.encoding).name.replace("-", "_")
        if not name.startswith("utf"):
            return _decode_western(data, "cp1252")
        return str(best)
    return _decode_western(data, "cp1252")


@lru_cache(maxsize=8)
def _western_table(codec: str) -> str:
    """256-char decoding table: the codec, with 0x80-0x9F (and its holes) filled from windows-1252."""
    base = "cp1252" if codec in ("latin_1", "iso8859_1", "ascii") else codec
    chars = []
    for b in range(256):
        byte = bytes([b])
        ch = byte.decode(base, "ignore")
        if 0x80 <= b <= 0x9F:
            ch = byte.decode("cp1252", "ignore") or ch
        chars.append(ch or chr(b))
    return "".join(chars)


def _decode_western(data: bytes, codec: str) -> str:
    return codecs.charmap_decode(data, "strict", _western_table(codec))[0]


# --- text clean-up -------------------------------------------------------------------------------

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# CaseM/openhtmltopdf template fields: '{$page} ({$topage})', '{$margin_top}'
_PLACEHOLDER = re.compile(r"\(?\{\$[\w.]+\}\)?")


def clean_text(text: str) -> str:
    """Drop zero-width characters, soft hyphens and template placeholders; collapse whitespace."""
    return " ".join(_PLACEHOLDER.sub(" ", text.translate(_INVISIBLE)).split())


# --- CSS: only the few properties that decide what is shown and how ---------------------------

_STYLE_PROPS = {"display", "visibility", "position", "font-weight", "page-break-before",
                "page-break-after", "break-before", "break-after"}
_COMPOUND = re.compile(r"^([a-zA-Z][\w-]*)?((?:[.#][\w-]+)*)$")


@dataclass(frozen=True)
class _Rule:
    compounds: tuple[tuple[str | None, frozenset[str], str | None], ...]  # (tag, classes, id)
    props: tuple[tuple[str, str], ...]


def _declarations(text: str) -> dict[str, str]:
    out = {}
    for decl in text.split(";"):
        name, sep, value = decl.partition(":")
        name = name.strip().lower()
        if sep and name in _STYLE_PROPS:
            out[name] = value.replace("!important", "").strip().lower()
    return out


def _strip_at_blocks(css: str) -> str:
    """Remove @page/@media/@font-face blocks (with nested braces) and @import lines."""
    out, i = [], 0
    while i < len(css):
        at = css.find("@", i)
        if at < 0:
            out.append(css[i:])
            break
        out.append(css[i:at])
        brace, semi = css.find("{", at), css.find(";", at)
        if brace < 0 or (0 <= semi < brace):
            i = (semi + 1) if semi >= 0 else len(css)
            continue
        depth, j = 0, brace
        while j < len(css):
            depth += {"{": 1, "}": -1}.get(css[j], 0)
            j += 1
            if depth == 0:
                break
        i = j
    return "".join(out)


def _parse_css(css: str) -> list[_Rule]:
    css = re.sub(r"/\*.*?\*/", " ", css, flags=re.S).replace("<!--", " ").replace("-->", " ")
    rules = []
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", _strip_at_blocks(css)):
        props = _declarations(body)
        if not props:
            continue
        for selector in selectors.split(","):
            compounds = []
            for part in selector.split():
                m = _COMPOUND.match(part)
                if not m:  # pseudo-classes, attributes, child/sibling combinators: not needed here
                    compounds = []
                    break
                classes = frozenset(re.findall(r"\.([\w-]+)", m.group(2)))
                ids = re.findall(r"#([\w-]+)", m.group(2))
                compounds.append(((m.group(1) or "").lower() or None, classes, ids[0] if ids else None))
            if compounds:
                rules.append(_Rule(tuple(compounds), tuple(props.items())))
    return rules


def _matches(compound: tuple[str | None, frozenset[str], str | None], el: lxml.html.HtmlElement) -> bool:
    tag, classes, ident = compound
    if tag and el.tag != tag:
        return False
    if ident and el.get("id") != ident:
        return False
    return not classes or classes <= set((el.get("class") or "").split())


class _StyleSheet:
    """The document's simple CSS rules, indexed by the last compound's tag, class or id."""

    def __init__(self, rules: list[_Rule]):
        self.by_key: dict[str, list[tuple[int, _Rule]]] = {}
        for order, rule in enumerate(rules):
            tag, classes, ident = rule.compounds[-1]
            key = f"#{ident}" if ident else f".{min(classes)}" if classes else (tag or "*")
            self.by_key.setdefault(key, []).append((order, rule))

    def style_of(self, el: lxml.html.HtmlElement) -> dict[str, str]:
        keys = [el.tag, "*"] + [f".{c}" for c in (el.get("class") or "").split()]
        if el.get("id"):
            keys.append(f"#{el.get('id')}")
        found = sorted({id(r): (o, r) for k in keys for o, r in self.by_key.get(k, ())}.values(),
                       key=lambda item: item[0])
        style: dict[str, str] = {}
        for _order, rule in found:
            if _matches(rule.compounds[-1], el) and _ancestors_match(rule.compounds[:-1], el):
                style.update(rule.props)
        if el.get("style"):
            style.update(_declarations(el.get("style")))
        return style


def _ancestors_match(compounds: tuple, el: lxml.html.HtmlElement) -> bool:
    remaining = list(compounds)
    node = el.getparent()
    while remaining and node is not None:
        if _matches(remaining[-1], node):
            remaining.pop()
        node = node.getparent()
    return not remaining


# --- layout --------------------------------------------------------------------------------------

_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
          "blockquote", "pre", "section", "article", "main", "aside", "address", "center", "form",
          "fieldset", "figure", "figcaption", "body", "html", "caption", "details", "summary",
          "legend", "hr", "table", "tr", "header", "footer", "nav"}
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BOLD_TAGS = {"b", "strong", "th"} | _HEADING_TAGS
_DROP_TAGS = {"head", "script", "style", "noscript", "template", "title", "meta", "link", "select",
              "option", "button", "input", "textarea", "iframe", "svg", "object", "embed", "map",
              "img", "bookmarks", "nav", "frameset", "frame"}
_DROP_ROLES = {"navigation", "search"}
_SECTIONING = {"article", "section", "main", "aside"}
_VOID = "area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr"
_SELF_CLOSING = re.compile(rf"<(?!(?:{_VOID})\b)([a-zA-Z][\w:-]*)(\s[^<>]*?)?/>")
_XML_PROLOG = re.compile(r"^\s*<\?xml[^>]*\?>")
_PRINTED_MARKER = re.compile(r"^\s*(?:\d+[.)]|[a-zA-Z][.)]|[-–—•*·])\s")
_WIDE_GAP = re.compile(r"[ \r\n]*(?:\t|\u00a0[ \r\n]*\u00a0)")
_CONTENT_BEGIN = re.compile(r"^\s*DATA_BEGIN\s*$")  # Dynasty wraps the document in these comments
_CONTENT_END = re.compile(r"^\s*DATA_END\s*$")


@dataclass
class _Row:
    """A line being built: (x0, text) segments, heading flag; or a page-break marker."""

    segments: list[tuple[float, str]] = field(default_factory=list)
    heading: bool = False
    page_break: bool = False


_BREAK = _Row(page_break=True)


class _Flow:
    """Collects inline text runs (text, bold) and turns them into rows at block boundaries."""

    def __init__(self) -> None:
        self.rows: list[_Row] = []
        self.runs: list[tuple[str, bool]] = []
        self.prefix = ""  # a list marker waiting for the first text of its item
        self.force_heading = False

    def text(self, text: str | None, bold: bool) -> None:
        if text:
            self.runs.append((text, bold))

    def end_line(self) -> None:
        runs, self.runs = self.runs, []
        if not clean_text("".join(t for t, _ in runs)):
            return
        if self.prefix:
            runs.insert(0, (self.prefix, False))
            self.prefix = ""
        self.rows.append(_row_from_runs(runs, self.force_heading))

    def extend(self, rows: Iterable[_Row]) -> None:
        self.end_line()
        self.rows.extend(rows)

    def page_break(self) -> None:
        self.end_line()
        self.rows.append(_BREAK)


def _join(runs: list[tuple[str, bool]]) -> str:
    """Concatenate runs; where an element boundary glues a word to a capitalised one
    ('<span class="label">Ehdotus</span>Kaupunginhallitus', 'Liite 1</span>Sopimus') the
    page's own CSS set them apart (a float or a column), so a space is put in."""
    return _joined(runs)[0]


def _joined(runs: list[tuple[str, bool]]) -> tuple[str, list[int]]:
    """The joined text and where each run starts in it."""
    out, starts = "", []
    for text, _bold in runs:
        if out and text and out[-1].isalnum() and text[0].isupper():
            out += " "
        starts.append(len(out))
        out += text
    return out, starts


def _row_from_runs(runs: list[tuple[str, bool]], forced_heading: bool) -> _Row:
    text = clean_text(_join(runs))
    split = None if forced_heading else _split_margin_heading(runs)
    if split:
        return _Row([(0.0, split[0]), (COLUMN_WIDTH, split[1])])
    all_bold = all(b for t, b in runs if clean_text(t))
    if forced_heading or (all_bold and len(text) <= MAX_HEADING_CHARS and not text.endswith(".")):
        return _Row([(0.0, text)], heading=True)
    return _Row([(0.0, text)])


def _split_margin_heading(runs: list[tuple[str, bool]]) -> tuple[str, str] | None:
    """Word's margin heading: a short bold lead, a wide gap (tab or several &nbsp;), then text:
    '<b>Päätösehdotus</b>&nbsp;&nbsp;&nbsp; Kaupunginjohtaja...' -> ('Päätösehdotus', 'Kaupunginjohtaja...')."""
    raw, starts = _joined(runs)
    for m in _WIDE_GAP.finditer(raw):
        head = clean_text(raw[: m.start()])
        if not head:
            continue
        lead_bold = all(bold or not clean_text(text[: max(0, m.start() - start)])
                        for (text, bold), start in zip(runs, starts, strict=True) if start < m.start())
        rest = clean_text(raw[m.end():])
        if lead_bold and rest and len(head) <= MAX_MARGIN_HEADING_CHARS:
            return head, rest
        return None
    return None


class _Renderer:
    def __init__(self, root: lxml.html.HtmlElement, sheet: _StyleSheet):
        self.sheet = sheet
        self.gated = any(isinstance(c, lxml.etree._Comment) and _CONTENT_BEGIN.match(c.text or "")
                         for c in root.iter(lxml.etree.Comment))
        self.inside = not self.gated
        self.header_rows: list[_Row] = []  # the first page-level header, emitted once on page 1

    def render(self, el: lxml.html.HtmlElement, bold: bool = False) -> list[_Row]:
        flow = _Flow()
        self._children(el, flow, bold)
        flow.end_line()
        return flow.rows

    def _children(self, el: lxml.html.HtmlElement, flow: _Flow, bold: bool) -> None:
        if self.inside:
            flow.text(el.text, bold)
        for child in el:
            self._node(child, flow, bold)
            if self.inside:
                flow.text(child.tail, bold)

    def _node(self, el, flow: _Flow, bold: bool) -> None:
        if isinstance(el, lxml.etree._Comment):
            if self.gated and _CONTENT_BEGIN.match(el.text or ""):
                self.inside = True
            elif self.gated and _CONTENT_END.match(el.text or ""):
                self.inside = False
            return
        if not isinstance(el.tag, str):  # processing instructions, entities
            return
        tag = el.tag.lower()
        if tag in _DROP_TAGS or _is_navigation(el):
            return
        style = self.sheet.style_of(el)
        if (style.get("display") == "none" or style.get("visibility") == "hidden"
                or el.get("hidden") is not None or el.get("aria-hidden") == "true"):
            return
        chrome = _page_chrome(el, tag, style)
        if chrome:
            if chrome == "header" and not self.header_rows:
                self.header_rows = [r for r in self.render_node_plain(el, bold) if not r.page_break]
            return
        bold = _bold(style.get("font-weight"), bold or tag in _BOLD_TAGS)
        if _breaks(style, "before"):
            flow.page_break()
        if tag == "br":
            flow.end_line()
        elif tag == "table":
            flow.extend(self._table(el, bold))
        elif tag in ("ul", "ol"):
            flow.extend(self._list(el, tag, bold))
        elif tag in _HEADING_TAGS:
            flow.end_line()
            sub = _Flow()
            sub.force_heading = True
            self._children(el, sub, True)
            sub.end_line()
            flow.extend(sub.rows)
        elif tag in _BLOCK or tag in ("td", "th", "tbody", "thead", "tfoot"):
            flow.end_line()
            self._children(el, flow, bold)
            flow.end_line()
        else:
            self._children(el, flow, bold)
        if _breaks(style, "after"):
            flow.page_break()

    def _list(self, el: lxml.html.HtmlElement, tag: str, bold: bool) -> list[_Row]:
        rows: list[_Row] = []
        number = _int(el.get("start"), 1)
        for item in el:
            if not isinstance(item.tag, str) or item.tag.lower() != "li":
                rows.extend(self.render_node(item, bold))
                continue
            number = _int(item.get("value"), number)
            sub = _Flow()
            first_text = clean_text(item.text_content())
            if not _PRINTED_MARKER.match(first_text + " "):
                sub.prefix = f"{number}. " if tag == "ol" else "- "
            self._children(item, sub, bold)
            sub.end_line()
            rows.extend(sub.rows)
            number += 1
        return rows

    def render_node_plain(self, el: lxml.html.HtmlElement, bold: bool) -> list[_Row]:
        """Render an element's content, ignoring that it is page chrome itself."""
        flow = _Flow()
        self._children(el, flow, bold)
        flow.end_line()
        return flow.rows

    def render_node(self, el, bold: bool) -> list[_Row]:
        flow = _Flow()
        self._node(el, flow, bold)
        flow.end_line()
        return flow.rows

    def _table(self, table: lxml.html.HtmlElement, bold: bool) -> list[_Row]:
        rows: list[_Row] = []
        for part in _table_rows(table):
            if part.tag == "caption":
                rows.extend(self.render_node(part, bold))
                continue
            row_style = self.sheet.style_of(part)
            if row_style.get("display") == "none" or part.get("hidden") is not None:
                continue
            row_bold = _bold(row_style.get("font-weight"), bold)
            if _breaks(row_style, "before"):
                rows.append(_BREAK)
            cells: list[list[_Row]] = []
            column = 0
            for cell in part:
                if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                    continue
                rendered = self.render_node(cell, row_bold)
                if any(r.page_break for r in rendered):
                    rows.append(_BREAK)
                shift = column * COLUMN_WIDTH
                cells.append([_Row([(x + shift, t) for x, t in r.segments], r.heading)
                              for r in rendered if not r.page_break])
                column += max(1, _int(cell.get("colspan"), 1))
            rows.extend(_merge_cells(cells))
            if _breaks(row_style, "after"):
                rows.append(_BREAK)
        return rows


def _merge_cells(cells: list[list[_Row]]) -> list[_Row]:
    """One table row -> lines: single-line cells share the first line with the first multi-line
    cell's first line (margin heading + first paragraph); further lines follow, cell by cell."""
    singles = [c[0] for c in cells if len(c) == 1]
    multis = [c for c in cells if len(c) > 1]
    first_parts = singles + ([multis[0][0]] if multis else [])
    if not first_parts:
        return []
    segments = sorted((s for r in first_parts for s in r.segments), key=lambda s: s[0])
    heading = all(r.heading for r in first_parts) and len(first_parts) >= 1
    out = [_Row(segments, heading=heading)]
    if multis:
        out.extend(multis[0][1:])
        for cell in multis[1:]:
            out.extend(cell)
    return out


def _table_rows(table: lxml.html.HtmlElement) -> Iterator[lxml.html.HtmlElement]:
    """The rows of this table (not of nested tables), in order, through thead/tbody/tfoot."""
    for child in table:
        if not isinstance(child.tag, str):
            continue
        if child.tag in ("thead", "tbody", "tfoot"):
            yield from (r for r in child if isinstance(r.tag, str) and r.tag == "tr")
        elif child.tag in ("tr", "caption"):
            yield child


def _is_navigation(el: lxml.html.HtmlElement) -> bool:
    return (el.get("role") or "").lower() in _DROP_ROLES


def _page_chrome(el: lxml.html.HtmlElement, tag: str, style: dict[str, str]) -> str | None:
    """'header' / 'footer' for page-level headers and footers, else None.

    Page-level: a <header>/<footer> outside any article/section (an article's own <header> holds
    its title and stays), or an element that CSS paged media runs into the page margins
    ('position: running(header)', CaseM's templates).
    """
    running = re.match(r"running\(\s*([\w-]+)", style.get("position", ""))
    if running:
        name = running.group(1).lower()
        return "footer" if ("foot" in name or "bottom" in name) else "header"
    if tag in ("header", "footer"):
        node = el.getparent()
        while node is not None:
            if isinstance(node.tag, str) and node.tag in _SECTIONING:
                return None
            node = node.getparent()
        return tag
    return None


def _bold(weight: str | None, inherited: bool) -> bool:
    if not weight:
        return inherited
    if weight in ("bold", "bolder"):
        return True
    if weight.isdigit():
        return int(weight) >= 600
    return False if weight in ("normal", "lighter") else inherited


def _breaks(style: dict[str, str], where: str) -> bool:
    return (style.get(f"page-break-{where}") == "always"
            or style.get(f"break-{where}") in ("page", "left", "right", "recto", "verso"))


def _int(value: str | None, default: int) -> int:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return default


def _parse(html: str) -> lxml.html.HtmlElement | None:
    """Parse; self-closing non-void tags ('<div class="spacer"/>', from XHTML templates rendered by
    an XML-based PDF engine) are expanded first, else the HTML parser leaves them open."""
    html = _SELF_CLOSING.sub(r"<\1\2></\1>", _XML_PROLOG.sub("", html, count=1))
    if not html.strip():
        return None
    try:
        return lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None


def _stylesheet(root: lxml.html.HtmlElement) -> _StyleSheet:
    css = "\n".join(s.text or "" for s in root.iter("style"))
    return _StyleSheet(_parse_css(css))


def html_to_pages(html: str) -> list[PageText]:
    """Minutes HTML -> pages of lines in the common layout form (see the module docstring).

    Returns [] when the document holds no visible text.
    """
    root = _parse(html)
    if root is None:
        return []
    renderer = _Renderer(root, _stylesheet(root))
    body = root.find("body")
    rows = renderer.render(body if body is not None else root)
    rows = renderer.header_rows + rows
    pages: list[list[Line]] = [[]]
    y = 0.0
    for row in rows:
        if row.page_break:
            if pages[-1]:
                pages.append([])
            continue
        segments = tuple(Segment(x, x + SEGMENT_WIDTH, t) for x, t in row.segments if t)
        if not segments:
            continue
        y += LINE_STEP
        pages[-1].append(Line(page=len(pages), y=y, x0=segments[0].x0,
                              text=" ".join(s.text for s in segments), segments=segments,
                              height=HEADING_HEIGHT if row.heading else BODY_HEIGHT))
    return [PageText(number=i + 1, lines=tuple(lines)) for i, lines in enumerate(pages) if lines]


def html_title(html: str) -> str | None:
    """The document's <title>, else its first <h1>; None if neither has text."""
    root = _parse(html)
    if root is None:
        return None
    for path in (".//title", ".//h1"):
        for el in root.iterfind(path):
            text = clean_text(el.text_content())
            if text:
                return text
    return None
