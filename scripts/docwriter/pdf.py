"""``DocPdf``: the fpdf2 document every generator and test fixture writes into.

What real minutes and follow-up reports need and fpdf2 does not give directly: text wrapped and
printed line by line with a page break only between lines, headings in a left margin column beside
their text (KTweb, Dynasty), ruled table rows with fill colours that move whole to the next page
(follow-up tables), coloured balls (traffic lights drawn as vector circles), and 'n (N)' page totals
from a first rendering pass. The creation date and producer are fixed, so the same content gives the
same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from fpdf import FPDF

from .fonts import font_file

CREATED = dt.datetime(2026, 3, 20, 9, 0, 0, tzinfo=dt.UTC)
FAMILY = "DejaVu"
CONDENSED = "DejaVuCondensed"  # bold only: KTweb's Arial margin headings are ~15 % narrower than DejaVu Sans

Colour = object  # an fpdf2 colour: a grey level, an (r, g, b) tuple or a DeviceCMYK
Cell = tuple[float, float, float, float]  # x, y, width, height


class DocPdf(FPDF):
    """A4 in ``unit`` with DejaVu ``faces`` registered ('' regular, 'B' bold, 'condensed B').

    ``size`` is the body font size (points) and ``leading`` the line advance; nothing is written
    below ``bottom`` by ``need``, ``lines``, ``margin_block`` and ``table_row``. ``page_header`` draws
    the running header of every page (a subclass may override ``header`` instead). ``lines`` and
    ``margin_block`` put a baseline one font size below the cursor, so they are for ``unit='pt'``.
    No font is selected until the first ``font()``.
    """

    def __init__(self, *, unit: str = "mm", orientation: str = "P", faces: Sequence[str] = ("",),
                 size: float = 10.0, leading: float | None = None, bottom: float | None = None,
                 producer: str = "fi-minutes", created: dt.datetime = CREATED,
                 page_header: Callable[[DocPdf], None] | None = None) -> None:
        super().__init__(orientation=orientation, unit=unit, format="A4")
        for face in faces:
            family, style = (CONDENSED, "B") if face == "condensed B" else (FAMILY, face)
            self.add_font(family, style, font_file(face))
        self.size = size
        self.leading = leading if leading is not None else size * 1.25
        self._bottom = bottom
        self.page_header = page_header
        self.set_creation_date(created)
        self.set_producer(producer)
        self.set_creator(producer)

    @property
    def bottom(self) -> float:
        """The lowest y text may reach: as given, else where fpdf2's automatic page break triggers."""
        return self._bottom if self._bottom is not None else self.page_break_trigger

    @bottom.setter
    def bottom(self, value: float | None) -> None:
        self._bottom = value

    def header(self) -> None:
        if self.page_header is not None:
            self.page_header(self)

    # fonts and wrapping ------------------------------------------------------------------------------

    def font(self, bold: bool = False, size: float | None = None, condensed: bool = False) -> None:
        """Select the body face: regular or bold, condensed bold for margin headings."""
        family = CONDENSED if condensed and bold else FAMILY
        self.set_font(family, "B" if bold else "", size or self.size)

    def wrap(self, width: float, text: str, bold: bool = False, size: float | None = None) -> list[str]:
        """``text`` in lines that fit ``width`` as fpdf2 breaks them (inside a cell's side padding)."""
        self.font(bold, size)
        return self.multi_cell(width, self.leading, text, dry_run=True, output="LINES")

    def wrap_words(self, width: float, text: str, bold: bool = False) -> list[str]:
        """Wrap at spaces only (a word is never split), bold in the condensed margin-heading face."""
        self.font(bold, condensed=True)
        out: list[str] = []
        for word in text.split():
            if out and self.get_string_width(out[-1] + " " + word) <= width:
                out[-1] += " " + word
            else:
                out.append(word)
        return out

    # flowing text ----------------------------------------------------------------------------------

    def gap(self, height: float) -> None:
        self.set_y(self.get_y() + height)

    def need(self, height: float) -> bool:
        """Start a new page unless ``height`` fits above ``bottom`` (no orphan headings); True if it did."""
        if self.get_y() + height > self.bottom:
            self.add_page()
            return True
        return False

    def lines(self, x: float, width: float, text: str, bold: bool = False, size: float | None = None) -> None:
        """``text`` wrapped in ``width`` and printed a line at a time from ``x``, breaking pages between lines."""
        size = size or self.size
        for line in self.wrap(width, text, bold, size):
            self.need(self.leading)
            self.font(bold, size)
            self.text(x, self.get_y() + size, line)
            self.gap(self.leading + size - self.size)

    def paragraph(self, x: float, width: float, text: str, bold: bool = False, size: float | None = None) -> None:
        """``text`` as one fpdf2 multi-cell at ``x``: it flows over pages by fpdf2's own automatic breaks."""
        self.font(bold, size)
        self.set_x(x)
        self.multi_cell(width, self.leading, text, align="L", new_x="LEFT", new_y="NEXT")

    def margin_block(self, label: str | None, x_label: float, x_text: float, paras: list[str],
                     label_width: float, bold_label: bool = True, text_width: float | None = None) -> None:
        """A heading in the left column beside the first lines of its text, wrapping in its column
        (KTweb, Dynasty); a heading longer than its text goes on below it."""
        label_lines = self.wrap_words(label_width, label, bold_label) if label else []
        text_lines = [ln for p in paras for ln in self.wrap(text_width or self.w - 50 - x_text, p)] or [""]
        for k, line in enumerate(text_lines):
            self.need(self.leading * (2 if k == 0 else 1))
            y = self.get_y() + self.size
            if label_lines:
                self.font(bold_label, condensed=True)
                self.text(x_label, y, label_lines.pop(0))
            self.font()
            self.text(x_text, y, line)
            self.gap(self.leading)
        for rest in label_lines:
            self.font(True, condensed=True)
            self.text(x_label, self.get_y() + self.size, rest)
            self.gap(self.leading)

    # tables and shapes ------------------------------------------------------------------------------

    def table_row(self, x: float, widths: Sequence[float], texts: Sequence[str], *, line_height: float,
                  pad: float = 1.0, bold: bool = False, size: float | None = None,
                  fills: Sequence[Colour | None] | None = None, rules: bool | str = True, centre: bool = False,
                  min_lines: int = 1, on_break: Callable[[], None] | None = None) -> list[Cell]:
        """One table row at the cursor, cells side by side from ``x``; returns each cell's box.

        A cell's text wraps in its width (a '\\n' in it breaks the line where it stands); the row
        moves whole to a new page when it does not fit, where ``on_break`` draws what the table
        repeats there (its header). ``rules``: True a full grid, 'h' horizontal rules only, False
        none; ``fills`` colour whole cells; ``centre`` centres the lines of a bold (header) row.
        """
        self.font(bold, size)
        wrapped = [text.split("\n") if "\n" in text else (self.wrap(w - 2 * pad, text, bold, size) if text else [])
                   for text, w in zip(texts, widths, strict=True)]
        height = max(min_lines, *(len(lines) for lines in wrapped)) * line_height + 2 * pad
        if self.need(height) and on_break is not None:
            on_break()
            self.font(bold, size)
        y = self.get_y()
        cells: list[Cell] = []
        for k, (w, lines) in enumerate(zip(widths, wrapped, strict=True)):
            if fills and fills[k] is not None:
                self.set_fill_color(fills[k])
                self.rect(x, y, w, height, style="F")
            if rules == "h":
                self.set_draw_color(0)
                self.line(x, y, x + w, y)
                self.line(x, y + height, x + w, y + height)
            elif rules:
                self.set_draw_color(0)
                self.rect(x, y, w, height, style="D")
            for n, line in enumerate(lines):
                shift = (w - 2 * pad - self.get_string_width(line)) / 2 if bold and centre else 0
                self.text(x + pad + shift, y + pad + line_height * (n + 0.8), line)
            cells.append((x, y, w, height))
            x += w
        self.set_y(y + height)
        self.font(False, size)
        return cells

    def ball(self, x: float, y: float, radius: float, colour: Colour) -> None:
        """A filled circle centred on (x, y): the traffic light of a status cell."""
        self.set_fill_color(colour)
        self.circle(x, y, radius, style="F")


def with_page_total(render: Callable[[int], DocPdf]) -> DocPdf:
    """Render twice: the first pass counts the pages, the second prints 'n (N)' with that total.

    fpdf2's {nb} alias is not used: it leaves wide gaps around the substituted digits, which PDFium
    reads as '2 ( 3 )'. ``render(0)`` must give the same pages as ``render(total)``.
    """
    total = render(0).page_no()
    pdf = render(total)
    if pdf.page_no() != total:
        raise RuntimeError(f"page count changed between passes: {total} then {pdf.page_no()}")
    return pdf
