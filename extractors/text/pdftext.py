"""PDF text layer -> lines with positions, using pypdfium2 (fast; pdfplumber only where tables need it).

PDFium reports text rectangles: runs of text on one baseline, split where the gap is wide. KTweb
margin headings ('Päätösehdotus' at x=50, its text at x=160) come out as two rectangles on one
line, which is exactly what the heading matcher needs, so lines keep their segments.
"""

from __future__ import annotations

import base64
import ctypes
import math
import re
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractors.records import Line, PageText, Segment

DEFAULT_LINE_TOLERANCE = 3.0  # points: rectangles whose tops differ less are on one line
DEFAULT_MIN_COLUMN_GAP = 6.0  # points: a wider gap between rectangles separates columns
DEFAULT_COLUMN_GAP_EM = 1.0  # ... or a gap wider than this many line heights
CASEM_HTML_KEY = "casem-source-html_"


class PdfError(ValueError):
    """The file is not a readable PDF (corrupt, encrypted, empty)."""


@dataclass
class PdfContent:
    pages: list[PageText]
    page_count: int
    metadata: dict[str, str] = field(default_factory=dict)
    embedded_html: str | None = None
    outline: list[tuple[str, int | None]] = field(default_factory=list)  # bookmarks: (title, 1-based page)


def read_pdf(data: bytes, max_pages: int | None = None, with_text: bool = True) -> PdfContent:
    """Read text lines of every page, the info dictionary, and CaseM's embedded source HTML.

    ``with_text=False`` only opens the document (page count, metadata): the embedded HTML path
    does not need the page text.
    """
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise PdfError("not a PDF (no %PDF header)")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc)
        if "password" in msg.lower():
            raise PdfError("encrypted PDF (password required)") from exc
        raise PdfError(f"unreadable PDF: {msg}") from exc
    try:
        count = len(pdf)
        if count == 0:
            raise PdfError("PDF has no pages")
        pages = []
        for index in range(0 if not with_text else count if max_pages is None else min(count, max_pages)):
            page = pdf[index]
            try:
                pages.append(_page_lines(page, index + 1))
            finally:
                page.close()
        metadata = _metadata(pdf)
        return PdfContent(pages=pages, page_count=count, metadata=metadata,
                          embedded_html=casem_html(data), outline=_outline(pdf))
    finally:
        pdf.close()


def page_texts(data: bytes) -> list[str]:
    """Plain text of every page, whitespace-folded (fast: no positions), to locate text by page."""
    pdf = pdfium.PdfDocument(data)
    try:
        out = []
        for page in pdf:
            textpage = page.get_textpage()
            out.append(" ".join(textpage.get_text_range().replace("\u200b", "").split()))
            textpage.close()
            page.close()
        return out
    finally:
        pdf.close()


def _metadata(pdf: pdfium.PdfDocument) -> dict[str, str]:
    try:
        return {k: v for k, v in pdf.get_metadata_dict(skip_empty=True).items()}
    except Exception:  # noqa: BLE001 - metadata is optional; a broken info dict must not fail the page text
        return {}


MAX_BOOKMARKS = 5000  # a damaged outline can loop; pypdfium2 also stops at cycles


def _outline(pdf: pdfium.PdfDocument) -> list[tuple[str, int | None]]:
    """The PDF's bookmarks in order: CaseM and other systems write one per item ('§ 35 Title')."""
    out: list[tuple[str, int | None]] = []
    try:
        for mark in pdf.get_toc(max_depth=4):
            dest = mark.get_dest()
            index = dest.get_index() if dest is not None else None
            out.append((" ".join(mark.get_title().replace("\u200b", "").split()),
                        index + 1 if index is not None else None))
            if len(out) >= MAX_BOOKMARKS:
                break
    except pdfium.PdfiumError:  # an unreadable outline loses the index only; the text is read as usual
        return []
    return out


def _page_lines(page: pdfium.PdfPage, number: int) -> PageText:
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        boxes = [textpage.get_rect(i) for i in range(textpage.count_rects())]
        texts = _texts_by_chars(textpage, boxes) if _overlapping(boxes) else _bounded_texts(textpage, boxes)
        rects = []
        for (left, bottom, right, top), text in zip(boxes, texts, strict=True):
            text = " ".join(text.replace("\ufffe", "-").replace("\x02", "-").split())
            if text:
                rects.append((height - top, left, right, text, top - bottom))
    finally:
        textpage.close()
    split = column_split(rects, width, height)
    if split is not None and _rules_cross(page, split[0], height):
        split = None  # a table's rules run across the gutter: one table of two wide columns, not a page in two
    if split is None:
        return PageText(number=number, lines=tuple(group_lines(rects, number)), width=width, height=height)
    lines, columns = column_lines(rects, number, split)
    return PageText(number=number, lines=tuple(lines), width=width, height=height, columns=tuple(columns))


# --- pages set in two columns --------------------------------------------------------------------------

DEFAULT_GUTTER_MIN = 8.0  # points: the narrowest empty strip between two text columns
DEFAULT_COLUMN_SHARE = 0.3  # each column at least this share of the text's width (a margin heading column is
# narrower: a label beside the body text never makes a page of two columns)
DEFAULT_PROSE_LINES = 3  # lines of running text (four words or more, filling most of the column) on the page,
# each column one at least
DEFAULT_CROSSING_SHARE = 0.1  # at most this share of the text lines may run across the gutter (titles)
DEFAULT_BAND_SHARE = 0.1  # running headers and footers: lines this near the top or the foot of a page ...
DEFAULT_RULE_JOIN = 1.0  # points: pieces of a rule drawn per cell meet within this
DEFAULT_BAND_GAP = 2.0  # ... set apart from the text by a gap this many line heights


Rect = tuple[float, float, float, str, float]  # top, x0, x1, text, height


def column_split(rects: list[Rect], width: float, height: float) -> tuple[tuple[float, float], list[Rect],
                                                                          list[Rect]] | None:
    """A page in two text columns: ((gutter x0, gutter x1), the running header/footer rects kept whole,
    the body rects), or None. Geometry only: an empty vertical strip in the middle of the text that
    almost no line crosses, with a wide column of running text on each side of it (lines of several
    words filling most of the column), so a margin layout (a narrow heading column beside the body
    text) and a budget table (amounts in the right half) stay one column."""
    if len(rects) < 2 * DEFAULT_PROSE_LINES or width <= 0:
        return None
    band, body = _furniture_bands(rects, height)
    if not body:
        return None
    left_edge, right_edge = min(r[1] for r in body), max(r[2] for r in body)
    span = right_edge - left_edge
    if span < 0.5 * width:
        return None
    # the strip crossed by the fewest lines, its widest run
    base = left_edge + DEFAULT_COLUMN_SHARE * span
    xs = [base + k for k in range(int((1 - 2 * DEFAULT_COLUMN_SHARE) * span))]
    counts = _crossings(body, xs)
    if not counts or min(counts) > DEFAULT_CROSSING_SHARE * len(_line_tops(body)):
        return None
    best: tuple[float, float] | None = None
    run_start = None
    for x, count in zip(xs, counts, strict=True):
        if count == min(counts):
            run_start = x if run_start is None else run_start
            if best is None or x - run_start > best[1] - best[0]:
                best = (run_start, x)
        else:
            run_start = None
    if best is None or best[1] - best[0] < DEFAULT_GUTTER_MIN:
        return None
    g0, g1 = best
    left = [r for r in body if r[2] <= g0 + 0.5]
    right = [r for r in body if r[1] >= g1 - 0.5]
    prose = 0
    for side, x0, x1 in ((left, left_edge, g0), (right, g1, right_edge)):
        lines = sum(1 for r in side if len(r[3].split()) >= 4 and r[2] - r[1] >= 0.6 * (x1 - x0))
        figures = sum(1 for r in side if _FIGURE.fullmatch(r[3]))
        if not lines or 2 * figures >= len(side):  # a side of amounts is a table's, not a column of text
            return None
        prose += lines
    return ((g0, g1), band, body) if prose >= DEFAULT_PROSE_LINES else None


def _crossings(rects: list[Rect], xs: list[float]) -> list[int]:
    """For each x of an ascending grid one point apart, how many rects have x strictly inside them: a
    sweep over the grid (a count per rect and x was most of the cost of reading a page)."""
    if not xs:
        return []
    delta = [0] * (len(xs) + 1)
    for r in rects:
        lo = max(0, math.floor(r[1] - xs[0]))
        while lo < len(xs) and not xs[lo] > r[1]:
            lo += 1
        hi = min(len(xs) - 1, math.ceil(r[2] - xs[0]))
        while hi >= 0 and not xs[hi] < r[2]:
            hi -= 1
        if lo <= hi:
            delta[lo] += 1
            delta[hi + 1] -= 1
    counts, running = [], 0
    for d in delta[:-1]:
        running += d
        counts.append(running)
    return counts


_FIGURE = re.compile(r"[-−–(]?[\d\s\u00a0\u2009\u202f.,%€()]+")


def _furniture_bands(rects: list[Rect], height: float) -> tuple[list[Rect], list[Rect]]:
    """(running header and footer rects, the rest): the lines at the very top and foot of the page that a
    clear gap sets apart from the text ('Kauhajoki – Tilinpäätös 2025   1')."""
    tops = _line_tops(rects)
    if not tops or height <= 0:
        return [], rects
    unit = max((r[4] for r in rects), default=8.0) or 8.0
    head, foot = float("-inf"), float("inf")  # no band unless a gap sets one apart
    for a, b in zip(tops, tops[1:], strict=False):  # from the top down
        if a > DEFAULT_BAND_SHARE * height or b - a <= DEFAULT_BAND_GAP * unit:
            break
        head = a
    for a, b in zip(reversed(tops[:-1]), reversed(tops[1:]), strict=False):  # from the foot up
        if b < (1 - DEFAULT_BAND_SHARE) * height or b - a <= DEFAULT_BAND_GAP * unit:
            break
        foot = b
    band = [r for r in rects if r[0] <= head + DEFAULT_LINE_TOLERANCE or r[0] >= foot - DEFAULT_LINE_TOLERANCE]
    return band, [r for r in rects if r not in band]


def _line_tops(rects: list[Rect]) -> list[float]:
    """The tops of the page's lines: rectangles whose tops differ less than the line tolerance are one."""
    tops: list[float] = []
    for top in sorted(r[0] for r in rects):
        if not tops or top - tops[-1] > DEFAULT_LINE_TOLERANCE:
            tops.append(top)
    return tops


def column_lines(rects: list[Rect], page: int, split: tuple) -> tuple[list[Line], list[tuple]]:
    """Lines in reading order on a page in two columns: the running header, then for each stretch between
    lines that run across the gutter (a title over both columns) the left column's lines and then the
    right one's, then the footer; with the column regions (x0, top, x1, bottom) in the same order."""
    (g0, g1), band, body = split
    header = [r for r in band if not body or r[0] < min(b[0] for b in body)]
    footer = [r for r in band if r not in header]
    out = group_lines(list(header), page)
    regions: list[tuple] = []
    wide = sorted({round(r[0], 1) for r in body if r[1] < (g0 + g1) / 2 < r[2]})
    cuts = [float("-inf"), *wide, float("inf")]
    for top, bottom in zip(cuts, cuts[1:], strict=False):
        spanning = [r for r in body if round(r[0], 1) == top and r[1] < (g0 + g1) / 2 < r[2]]
        if spanning:  # the title line itself, whole
            out.extend(group_lines([r for r in body if round(r[0], 1) == top], page))
        stretch = [r for r in body if top < round(r[0], 1) < bottom]
        for side in ([r for r in stretch if (r[1] + r[2]) / 2 < (g0 + g1) / 2],
                     [r for r in stretch if (r[1] + r[2]) / 2 >= (g0 + g1) / 2]):
            if side:
                out.extend(group_lines(side, page))
                regions.append((min(r[1] for r in side), min(r[0] for r in side) - 2,
                                max(r[2] for r in side), max(r[0] + r[4] for r in side) + 2))
    out.extend(group_lines(list(footer), page))
    return out, regions


def _rules_cross(page: pdfium.PdfPage, gutter: tuple[float, float], height: float) -> bool:
    """Whether a drawn line or rectangle edge runs across the gutter (a ruled table over both halves), also
    when it is drawn as one piece per cell (a table with horizontal rules only draws each cell's own
    rule; adjacent cells' fills make one band): pieces at one height that meet end to end are one rule."""
    g0, g1 = gutter
    spans: dict[int, list[tuple[float, float]]] = {}
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        if left < g0 - 2 and right > g1 + 2:
            return True
        for y in {round(bottom), round(top)}:
            spans.setdefault(y, []).append((left, right))
    for pieces in spans.values():
        reach: tuple[float, float] | None = None
        for left, right in sorted(pieces):
            if reach is None or left > reach[1] + DEFAULT_RULE_JOIN:
                reach = (left, right)
            else:
                reach = (reach[0], max(reach[1], right))
            if reach[0] < g0 - 2 and reach[1] > g1 + 2:
                return True
    return False


def _bounded_texts(textpage: pdfium.PdfTextPage, boxes: list[tuple[float, float, float, float]]) -> list[str]:
    """The text inside each rectangle: what `get_text_bounded` returns, with one call into PDFium
    per rectangle into one buffer instead of two calls and a new buffer (40% less time)."""
    size = 2 * textpage.count_chars() + 16  # room for line breaks PDFium may add between characters
    buffer = (ctypes.c_ushort * size)()
    out = []
    for box in boxes:
        left, bottom, right, top = box
        n = pdfium_c.FPDFText_GetBoundedText(textpage, left, top, right, bottom, buffer, size)
        if n >= size:  # cut short (never seen): the helper measures first
            out.append(textpage.get_text_bounded(*box))
        else:
            out.append(ctypes.string_at(buffer, 2 * max(0, n - 1)).decode("utf-16-le", "ignore"))  # n counts the NUL
    return out


def _overlapping(boxes: list[tuple[float, float, float, float]]) -> bool:
    """Whether two rectangles of one line overlap: a margin heading wider than its column
    ('Ympäristölautakunnan' running under the decision text beside it)."""
    for (l1, _, r1, t1), (l2, _, _, t2) in zip(boxes, boxes[1:], strict=False):
        if abs(t1 - t2) <= DEFAULT_LINE_TOLERANCE and l1 < l2 < r1 - 1.0:
            return True
    return False


def _texts_by_chars(textpage: pdfium.PdfTextPage, boxes: list[tuple[float, float, float, float]]) -> list[str]:
    """The text of each rectangle read from the characters in content order, not by area, so that
    overlapping rectangles do not take each other's letters. PDFium builds its rectangles from
    consecutive characters: a rectangle ends with the character that reaches its right edge."""
    texts: list[list[str]] = [[] for _ in boxes]
    k, closed = 0, False
    for i in range(textpage.count_chars()):
        char = textpage.get_text_range(i, 1)
        if char in ("\r", "\n", "") or not boxes:
            continue
        left, bottom, right, top = textpage.get_charbox(i)
        if right <= left:  # a generated space has no box: it belongs where the walk is
            texts[k].append(char)
            continue
        cx, cy = (left + right) / 2, (bottom + top) / 2

        def inside(j: int, x: float = cx, y: float = cy) -> bool:
            bl, bb, br, bt = boxes[j]
            return bl - 1.0 <= x <= br + 1.0 and bb - 1.0 <= y <= bt + 1.0

        if (closed or not inside(k)) and k + 1 < len(boxes) and inside(k + 1):
            k += 1
        elif not inside(k):
            k = min(range(k, len(boxes)), key=lambda j: abs((boxes[j][0] + boxes[j][2]) / 2 - cx)
                    + abs((boxes[j][1] + boxes[j][3]) / 2 - cy))
        texts[k].append(char)
        closed = right >= boxes[k][2] - 0.3
    return ["".join(t) for t in texts]


def group_lines(rects: list[tuple[float, float, float, str, float]], page: int,
                tolerance: float = DEFAULT_LINE_TOLERANCE) -> list[Line]:
    """Group (top, x0, x1, text, height) rectangles into lines, top to bottom, left to right."""
    rects.sort(key=lambda r: (r[0], r[1]))
    lines: list[list[tuple]] = []
    for rect in rects:
        if lines and abs(lines[-1][0][0] - rect[0]) <= tolerance:
            lines[-1].append(rect)
        else:
            lines.append([rect])
    out = []
    for group in lines:
        group.sort(key=lambda r: r[1])
        segments = merge_runs([Segment(r[1], r[2], r[3]) for r in group], max(r[4] for r in group))
        out.append(Line(page=page, y=min(r[0] for r in group), x0=segments[0].x0,
                        text=" ".join(s.text for s in segments), segments=segments,
                        height=max(r[4] for r in group)))
    return out


def merge_runs(segments: list[Segment], height: float) -> tuple[Segment, ...]:
    """Join word-level rectangles separated by ordinary spacing into runs of text.

    Text layers written by OCR engines put every word in its own rectangle; a margin heading is
    only recognisable as the run before a wide gap, so runs, not words, become segments.
    """
    gap = max(DEFAULT_MIN_COLUMN_GAP, DEFAULT_COLUMN_GAP_EM * height)
    runs: list[Segment] = []
    for seg in segments:
        if runs and seg.x0 - runs[-1].x1 < gap:
            last = runs[-1]
            runs[-1] = Segment(last.x0, max(last.x1, seg.x1), f"{last.text} {seg.text}")
        else:
            runs.append(seg)
    return tuple(runs)


def casem_html(data: bytes) -> str | None:
    """The minutes' source HTML that CaseM stores base64-encoded in /casem-source-html_0..N keys.

    PDFium's metadata API only returns the standard keys, so the custom keys are read from the raw
    bytes of the info dictionary; chunks are ordered by their index and joined before decoding.
    """
    key = b"/" + CASEM_HTML_KEY.encode()
    if key not in data:
        return None

    chunks: dict[int, bytes] = {}
    # a literal string: runs of plain bytes between escapes (one alternation per byte is 10x slower)
    for m in re.finditer(rb"/casem-source-html_(\d+)\s*\(([^\\)]*(?:\\.[^\\)]*)*)\)", data, re.S):
        chunks[int(m.group(1))] = _pdf_literal(m.group(2))
    for m in re.finditer(rb"/casem-source-html_(\d+)\s*<([0-9A-Fa-f\s]*)>", data):
        chunks.setdefault(int(m.group(1)), bytes.fromhex(m.group(2).decode().replace(" ", "")))
    if not chunks:
        return None
    raw = b"".join(chunks[i] for i in sorted(chunks))
    if raw.startswith(b"\xfe\xff"):
        raw = raw[2:].decode("utf-16-be").encode("latin-1", "ignore")
    try:
        html = base64.b64decode(b"".join(raw.split()), validate=False)
    except ValueError:
        return None
    for enc in ("utf-8", "cp1252"):
        try:
            return html.decode(enc)
        except UnicodeDecodeError:
            continue
    return html.decode("utf-8", "replace")


_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f", b"(": b"(", b")": b")",
            b"\\": b"\\", b"\n": b"", b"\r": b""}


def _pdf_literal(body: bytes) -> bytes:
    """Unescape a PDF literal string body (octal escapes included)."""
    if b"\\" not in body:
        return body

    def unescape(m: re.Match[bytes]) -> bytes:
        esc = m.group(1)
        if esc[:1].isdigit():
            return bytes([int(esc, 8) & 0xFF])
        return _ESCAPES.get(esc, esc)

    return re.sub(rb"\\([0-7]{1,3}|.)", unescape, body, flags=re.S)
