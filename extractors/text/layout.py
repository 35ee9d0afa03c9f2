"""Page furniture: running headers and footers that repeat on every page never reach section text.

A line is furniture when its shape (digits folded to '#') recurs in the top or bottom band of
most pages ('Lapuan kaupunki  Pöytäkirja 9/2025  3 (11)', 'Sivistyslautakunta 18.11.2025'), or
when it is a bare page number ('3 (11)', 'Sivu 3 / 11'). Item header lines ('§ 87') are never
furniture even when they recur, since each item starts near a page top.
"""

from __future__ import annotations

import re
from collections import Counter

from extractors.minutes.segment import DIARY_RE
from extractors.records import Line, PageText
from extractors.text.fold import fold

DEFAULT_BAND_LINES = 4  # lines from the top and the bottom of a page that may be furniture
DEFAULT_MIN_SHARE = 0.7  # share of pages a shape must recur on

_PAGE_NUMBER = re.compile(r"^(sivu|page|sida)?\s*\d+\s*(\(\s*\d+\s*\)|/\s*\d+|of \d+)?$", re.I)
# Never furniture: item header lines and diary numbers recur near page tops when items start pages.
_PROTECTED = re.compile(r"§|^\s*(dnro|dno|dnr|diaarinumero)\b", re.I)


def shape(text: str) -> str:
    return re.sub(r"\d+", "#", fold(text))


DEFAULT_MARGIN_SHARE = 0.14  # furniture sits in the top or bottom 14 % of a page (when its size is known)


def _bands(page: PageText, n: int) -> list[Line]:
    lines = list(page.lines)
    if len(lines) > 2 * n:
        lines = lines[:n] + lines[-n:]
    if page.height:
        top, bottom = DEFAULT_MARGIN_SHARE * page.height, (1 - DEFAULT_MARGIN_SHARE) * page.height
        lines = [ln for ln in lines if ln.y <= top or ln.y >= bottom]
    return lines


def furniture_shapes(pages: list[PageText], band: int = DEFAULT_BAND_LINES,
                     min_share: float = DEFAULT_MIN_SHARE) -> set[str]:
    """Shapes of lines that recur in the top/bottom bands of at least min_share of the pages."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update({shape(line.text) for line in _bands(page, band) if line.text.strip()})
    need = max(2, int(min_share * len(pages) + 0.5)) if len(pages) > 2 else 2
    return {s for s, c in counts.items() if c >= need and s}


_PAGE_OF = re.compile(r"(\b\d+\s*\(\s*\d+\s*\)|\bsivu\s+\d+\s*(/|\(|of)\s*\d+\)?|\bsida\s+\d+\s*/\s*\d+)\s*$", re.I)


def is_page_number(text: str) -> bool:
    """A bare page number, or a header line ending in one ('Lapuan kaupunki  Pöytäkirja 5/2025  3 (64)'):
    furniture even on a single-page file, where nothing recurs to show it."""
    text = text.strip()
    return bool(_PAGE_NUMBER.match(text) or _PAGE_OF.search(text))


def strip_furniture(pages: list[PageText], band: int = DEFAULT_BAND_LINES) -> list[PageText]:
    """Pages without their running headers, footers and page numbers."""
    shapes = furniture_shapes(pages, band)
    out = []
    for page in pages:
        banded = {id(line) for line in _bands(page, band)}
        kept = []
        for line in page.lines:
            if id(line) in banded and not (_PROTECTED.search(line.text) or DIARY_RE.match(line.text)):
                if shape(line.text) in shapes or is_page_number(line.text):
                    continue
            kept.append(line)
        out.append(PageText(number=page.number, lines=tuple(kept), width=page.width,
                            height=page.height, ocr=page.ocr, columns=page.columns))
    return out
