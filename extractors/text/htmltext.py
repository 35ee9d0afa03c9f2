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
  ``break-before/after: page``) start a new page; `Line.y` grows by `LINE_STEP` from a line to
  the next one of the same block (``<br>``) and by `PARAGRAPH_STEP` between blocks, so that a
  title is never read as wrapping into the paragraph below it; `PageText.width/height` are 0;
- the site around the document is dropped: lines made only of two or more links (navigation
  bars) and table rows holding one, script links ('« Paluu edelliselle sivulle'), tables whose
  every row is one link (Dynasty's attachment index above the document) with their short label,
  and what follows Dynasty's ``DATA_END`` (its heading before ``DATA_BEGIN`` is kept: body, date);
- a label/value header table with a '§' column (Turku) reads as 'Body § n date'; a short element
  glued to a capitalised word ('<span>Ehdotus</span>Kaupunginhallitus...') is a margin heading;
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

from extractors.minutes.headings import heading_kind
from extractors.records import Line, PageText, Segment

COLUMN_WIDTH = 100.0  # x0 of table column i is i * COLUMN_WIDTH
SEGMENT_WIDTH = 90.0  # Segment.x1 = x0 + SEGMENT_WIDTH
LINE_STEP = 12.0  # Line.y advances this much from a line to the next inside one block (<br>)
PARAGRAPH_STEP = 2 * LINE_STEP  # ... and this much from one block (paragraph, cell, heading) to the next
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

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]+")  # 5x faster than str.translate
# CaseM/openhtmltopdf template fields: '{$page} ({$topage})', '{$margin_top}'
_PLACEHOLDER = re.compile(r"\(?\{\$[\w.]+\}\)?")


def clean_text(text: str) -> str:
    """Drop zero-width characters, soft hyphens and template placeholders; collapse whitespace."""
    return " ".join(_PLACEHOLDER.sub(" ", _INVISIBLE.sub("", text)).split())


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
    navigation: bool = False  # a dropped navigation bar (kept as a marker so its table row goes too)
    linked: bool = False  # all its text is link text
    continued: bool = False  # follows the previous line inside one block (after a <br>)


_BREAK = _Row(page_break=True)


class _Flow:
    """Collects inline text runs and turns them into rows at block boundaries.

    A run is (text, bold, link): ``link`` numbers the ``<a href>`` the text is in (0: none), so
    that a line made of nothing but several links (a navigation bar) can be told and dropped.
    """

    def __init__(self) -> None:
        self.rows: list[_Row] = []
        self.runs: list[tuple[str, bool, int]] = []
        self.prefix = ""  # a list marker waiting for the first text of its item
        self.force_heading = False
        self.after_br = False

    def text(self, text: str | None, bold: bool, link: int = 0) -> None:
        if text:
            self.runs.append((text, bold, link))

    def end_line(self) -> None:
        runs, self.runs = self.runs, []
        if not clean_text("".join(r[0] for r in runs)):
            return
        if _is_navigation_line(runs):
            self.prefix = ""
            self.rows.append(_Row(navigation=True))
            return
        if self.prefix:
            runs.insert(0, (self.prefix, False, 0))
            self.prefix = ""
        row = _row_from_runs([(t, b) for t, b, _ in runs], self.force_heading)
        row.linked = all(link or _SEPARATORS.match(t) for t, _b, link in runs)
        row.continued, self.after_br = self.after_br, False
        self.rows.append(row)

    def line_break(self) -> None:
        had_text = bool(clean_text("".join(r[0] for r in self.runs)))
        self.end_line()
        self.after_br = had_text

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
    split = None if forced_heading else (_split_margin_heading(runs) or _split_glued_label(runs))
    if split:
        return _Row([(0.0, split[0]), (COLUMN_WIDTH, split[1])])
    all_bold = all(b for t, b in runs if clean_text(t))
    if forced_heading or (all_bold and len(text) <= MAX_HEADING_CHARS and not text.endswith(".")):
        return _Row([(0.0, text)], heading=True)
    return _Row([(0.0, text)])


def _split_glued_label(runs: list[tuple[str, bool]]) -> tuple[str, str] | None:
    """A paragraph opening with a short element glued to a capitalised word (Turku:
    '<span class="ehdotuspaatos">Ehdotus</span>Kaupunginhallitus päättää...'): the page's CSS
    sets the label in a column of its own, so it is a margin heading like Word's."""
    runs = [(t, b) for t, b in runs if t]
    while runs and not clean_text(runs[0][0]):
        runs = runs[1:]
    if len(runs) < 2:
        return None
    lead, rest = runs[0][0], "".join(t for t, _ in runs[1:])
    head = clean_text(lead)
    if (head and lead[-1:].isalnum() and rest[:1].isupper() and len(head) <= MAX_MARGIN_HEADING_CHARS
            and len(head.split()) <= 4 and clean_text(rest)):
        return head, clean_text(rest)
    return None


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
        tab_to_heading = "\t" in m.group(0) and heading_kind(head.rstrip(":")) is not None
        if (lead_bold or tab_to_heading) and rest and len(head) <= MAX_MARGIN_HEADING_CHARS:
            return head, rest
        return None
    return None


class _Renderer:
    def __init__(self, root: lxml.html.HtmlElement, sheet: _StyleSheet):
        self.sheet = sheet
        self.gated = any(isinstance(c, lxml.etree._Comment) and _CONTENT_BEGIN.match(c.text or "")
                         for c in root.iter(lxml.etree.Comment))
        # Dynasty: the page's own heading ('Ympäristölautakunta / Pöytäkirja 17.01.2013 Pykälä 5')
        # stands before DATA_BEGIN and is kept; what follows DATA_END is the site's footer.
        self.inside = True
        self.header_rows: list[_Row] = []  # the first page-level header, emitted once on page 1
        self.link = 0  # number of the <a href> being rendered, 0 outside links
        self.links = 0
        # rows of block elements rendered where nothing around them changed them (not bold, not in
        # a link, list item or heading): the rows render_node(el, False) gives them
        self.blocks: dict[lxml.html.HtmlElement, list[_Row]] = {}

    def render(self, el: lxml.html.HtmlElement, bold: bool = False) -> list[_Row]:
        flow = _Flow()
        self._children(el, flow, bold)
        flow.end_line()
        return flow.rows

    def _children(self, el: lxml.html.HtmlElement, flow: _Flow, bold: bool) -> None:
        if self.inside:
            flow.text(el.text, bold, self.link)
        for child in el:
            self._node(child, flow, bold)
            if self.inside:
                flow.text(child.tail, bold, self.link)

    def _node(self, el, flow: _Flow, bold: bool) -> None:
        if isinstance(el, lxml.etree._Comment):
            if self.gated and _CONTENT_END.match(el.text or ""):
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
        if tag in ("div", "td", "section") and _labels_link_index(el):
            return
        if tag == "span" and "mso-tab-count" in (el.get("style") or ""):
            flow.text("\t", bold, self.link)  # Word's tab between a margin heading and its text
            return
        inherited = bold
        bold = _bold(style.get("font-weight"), bold or tag in _BOLD_TAGS)
        if _breaks(style, "before"):
            flow.page_break()
        if tag == "a" and el.get("href") is not None and not self.link:
            self.links += 1
            self.link = self.links
            if _is_script_link(el.get("href")):
                self.link = -self.links  # 'javascript:history.go(-1)', '#': never content
            self._children(el, flow, bold)
            self.link = 0
        elif tag == "br":
            flow.line_break()
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
            start, alike = len(flow.rows), not (inherited or flow.prefix or flow.force_heading or self.link)
            self._children(el, flow, bold)
            flow.end_line()
            if alike and not self.gated:  # what render_node(el, False) would give: kept for HtmlDocument.lines
                self.blocks[el] = flow.rows[start:]
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
        if _is_link_index(table):
            return [_Row(navigation=True)]
        header = _section_header_table(table)
        if header:
            return header
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
            rendered_cells: list[list[_Row]] = []
            column = 0
            for cell in part:
                if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                    continue
                rendered = self.render_node(cell, row_bold)
                if any(r.page_break for r in rendered):
                    rows.append(_BREAK)
                shift = column * COLUMN_WIDTH
                cells.append([_Row([(x + shift, t) for x, t in r.segments], r.heading, continued=r.continued)
                              for r in rendered if not r.page_break and not r.navigation])
                column += max(1, _int(cell.get("colspan"), 1))
                rendered_cells.append([r for r in rendered if not r.page_break])
            if _is_navigation_row(rendered_cells):
                continue
            rows.extend(_merge_cells(cells))
            if _breaks(row_style, "after"):
                rows.append(_BREAK)
        return rows


_SECTION_LABELS = {"§", "pykälä", "pykala", "paragraf"}
_DATE_CELL = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4}$")


def _section_header_table(table: lxml.html.HtmlElement) -> list[_Row] | None:
    """A label row over a value row with a '§' column (Turku: 'Turun kaupunki | § | Kokouspvm |
    Asia' over 'Kaupunginhallitus | 190 | 02.05.2017 | 4'): read as a reader reads it, the item's
    header line 'Kaupunginhallitus § 190 02.05.2017', after the label row as printed."""
    rows = [r for r in _table_rows(table) if r.tag == "tr"]
    if len(rows) != 2:
        return None
    cells = [[clean_text(c.text_content()) for c in r if isinstance(c.tag, str) and c.tag in ("td", "th")]
             for r in rows]
    labels, values = cells
    column = next((i for i, t in enumerate(labels) if t.lower().rstrip(":") in _SECTION_LABELS), None)
    if column is None or column >= len(values) or not values[column].isdigit():
        return None
    first = values[0] if column > 0 else ""
    dates = [v for v in values if _DATE_CELL.match(v)]
    line = " ".join(p for p in (first, f"§ {values[column]}", *dates[:1]) if p)
    return [_Row([(float(i) * COLUMN_WIDTH, t) for i, t in enumerate(labels) if t]), _Row([(0.0, line)])]


def _is_navigation_row(cells: list[list[_Row]]) -> bool:
    """A table row holding a navigation bar, the rest of it single links ('Edellinen asia |
    Seuraava asia' beside 'Kokousasia PDF-muodossa'): the site's navigation as a whole."""
    nav = [c for c in cells if c and all(r.navigation for r in c)]
    rest = [c for c in cells if c and not all(r.navigation for r in c)]
    return bool(nav) and all(len(c) == 1 and c[0].linked for c in rest)


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


_SEPARATORS = re.compile(r"^[\s|·•/\\»«>‹›<\-–—:,;()\[\]]*$")


def _is_script_link(href: str) -> bool:
    href = href.strip().lower()
    return href.startswith(("javascript:", "#")) or not href


def _is_navigation_line(runs: list[tuple[str, bool, int]]) -> bool:
    """A line of links and separators only, with two links or more ('Edellinen asia | Seuraava
    asia', 'Toimielimet | Kaupunginhallitus | Avaa haku'), or a script link ('« Paluu edelliselle
    sivulle'): the site's navigation, not the document. A single ordinary link (an attachment
    name) is content."""
    links = {link for text, _b, link in runs if link and clean_text(text)}
    if not links:
        return False
    if any(not link and not _SEPARATORS.match(text) for text, _b, link in runs):
        return False
    return len(links) >= 2 or any(link < 0 for link in links)


def _link_text(el: lxml.html.HtmlElement) -> tuple[str, str]:
    """(text inside <a href> elements, all text) of an element, cleaned."""
    inside = " ".join(a.text_content() for a in el.iter("a") if a.get("href") is not None)
    return clean_text(inside), clean_text(el.text_content())


def _is_link_index(table: lxml.html.HtmlElement) -> bool:
    """A table each of whose rows is one link and nothing else (Dynasty's attachment list above
    the document, a site's list of files): an index of other documents, which the document
    prints itself where it means to ('Liitteet' section). Table layouts of minutes hold text."""
    rows = list(_table_rows(table))
    if not rows or any(r.tag == "caption" for r in rows):
        return False
    for row in rows:
        links = [a for a in row.iter("a") if a.get("href") is not None and clean_text(a.text_content())]
        inside, text = _link_text(row)
        if len(links) != 1 or not text or inside != text or _is_script_link(links[0].get("href")):
            return False
    return True


def _labels_link_index(el: lxml.html.HtmlElement) -> bool:
    """A block that is a short label and a link index ('Liitteet' over Dynasty's attachment
    table): dropped with its table, so that the label does not open a section of its own."""
    tables = [c for c in el if isinstance(c.tag, str) and c.tag == "table"]
    if len(tables) != 1 or not _is_link_index(tables[0]):
        return False
    outside = clean_text(el.text_content()).replace(clean_text(tables[0].text_content()), "")
    return len(clean_text(outside)) <= 30


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
    doc = parse_html(html)
    return doc.pages() if doc is not None else []


def parse_html(html: str) -> HtmlDocument | None:
    """The parsed document (None when it holds nothing), for its pages and for readers of its elements."""
    root = _parse(html)
    return HtmlDocument(root) if root is not None else None


class HtmlDocument:
    """One parsed page, rendered once: its pages of lines, and the lines of single elements for
    readers that walk the markup themselves (CaseM), rendered as the pages render them (list
    markers, <br> runs, dropped hidden text). An element's lines come from the pages' rendering
    where it rendered them in a plain context, so the embedded HTML of CaseM minutes is not
    rendered twice; any other element is rendered on its own."""

    def __init__(self, root: lxml.html.HtmlElement):
        self.root = root
        self._sheet = _stylesheet(root)
        self._renderer = _Renderer(root, self._sheet)
        self._single: _Renderer | None = None
        self._pages: list[PageText] | None = None

    def pages(self) -> list[PageText]:
        if self._pages is None:
            self._pages = _pages(self._renderer, self.root)
        return self._pages

    def lines(self, el: lxml.html.HtmlElement) -> list[tuple[str, bool]]:
        """(text, heading) per line of the element's content."""
        self.pages()
        rows = self._renderer.blocks.get(el)
        return _row_lines(rows) if rows is not None else self._single_lines(el)

    def _single_lines(self, el: lxml.html.HtmlElement) -> list[tuple[str, bool]]:
        """The element rendered on its own."""
        self._single = self._single or _Renderer(self.root, self._sheet)
        return _row_lines(self._single.render_node(el, False))


def _row_lines(rows: list[_Row]) -> list[tuple[str, bool]]:
    out = []
    for row in rows:
        text = " ".join(t for _, t in row.segments if t)
        if text and not row.page_break and not row.navigation:
            out.append((text, row.heading))
    return out


def _pages(renderer: _Renderer, root: lxml.html.HtmlElement) -> list[PageText]:
    body = root.find("body")
    rows = renderer.render(body if body is not None else root)
    rows = renderer.header_rows + rows
    pages: list[list[Line]] = [[]]
    y = 0.0
    for row in rows:
        if row.navigation:
            continue
        if row.page_break:
            if pages[-1]:
                pages.append([])
            continue
        segments = tuple(Segment(x, x + SEGMENT_WIDTH, t) for x, t in row.segments if t)
        if not segments:
            continue
        y += LINE_STEP if row.continued else PARAGRAPH_STEP
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


# --- pages that are not documents ----------------------------------------------------------------

MAX_LISTING_PROSE = 250  # a listing has no paragraph of plain (non-link) text longer than this
MIN_LISTING_LINK_SHARE = 0.25  # ... and at least this share of its text is link text


def listing_reason(html: str) -> str | None:
    """Why a page is a publishing system's listing rather than minutes text, or None.

    Body lists, meeting lists, a meeting's list of items and search forms (Dynasty TELIMET /
    TELIN pages, Tweb search and meeting pages, Turku's year pages) are links to the documents,
    with no paragraph of prose: they hold no item text to extract, and reading them as minutes
    makes a bogus item of the link texts.
    """
    root = _parse(html)
    body = None if root is None else root.find("body")
    if body is None:
        return None
    has_form = any(el.tag == "select" or (el.get("type") or "text").lower() == "text"
                   for el in root.iter("select", "input"))
    for el in list(body.iter("script", "style", "noscript", "select", "option", "head", "title")):
        el.drop_tree()
    text = clean_text(body.text_content())
    if not text:
        return None
    inside = clean_text(" ".join(a.text_content() for a in body.iter("a") if a.get("href") is not None))
    prose = 0
    for el in body.iter("p", "li", "td", "dd", "div", "blockquote"):
        if any(isinstance(c.tag, str) and c.tag in _BLOCK | {"td"} for c in el):
            continue
        own, linked = clean_text(el.text_content()), _link_text(el)[0]
        prose = max(prose, len(own) - len(linked))
    if prose > MAX_LISTING_PROSE:
        return None
    if has_form:
        return "a search form of a publishing system, not minutes"
    if len(inside) >= MIN_LISTING_LINK_SHARE * len(text) and sum(1 for _ in body.iter("a")) >= 3:
        return "a list of links (bodies, meetings or items), not minutes text"
    return None
