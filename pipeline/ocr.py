"""OCR of scanned minutes pages with Tesseract, into the same Line/Segment records as a text layer.

Archives hold paper minutes scanned at 150-300 dpi, grey or black-and-white, slightly rotated,
dusty, JPEG-compressed, and now and then fed sideways or upside down. Each page is rendered with
PDFium at `dpi` (which also upscales 150 dpi scans) and straightened by its shape alone
(`page_orientation`: text rows tell sideways from upright, the ink of ascenders above the x-height
band against descenders below tells up from down, a projection-profile search finds the skew; about
50 ms, where Tesseract's OSD pass costs 1-1.5 s a page). A page too sparse to tell up from down is
read both ways and the reading with more confident words kept. The page is read by the Debian
`tesseract` as TSV (words with boxes; its own thresholding beat a blur + global Otsu on our scanned
twins, 5 of 7 hard cases), cleared of dust specks, and grouped into lines and segments at wide gaps, so
that KTweb-style margin headings stay separate segments as `extractors.text.pdftext.group_lines` gives.

Language: 'auto' reads the first pages in Finnish, lets Finnish and Swedish function words decide,
and reads again only the pages already read in the wrong language. Pages run in parallel (`jobs`
Tesseract processes, one thread each); each reading is cached under the sha256 of the page as
rendered plus the settings, so a re-run neither straightens nor reads again.
"""

from __future__ import annotations

import concurrent.futures as cf
import functools
import hashlib
import io
import json
import os
import shutil
import statistics
import subprocess
import threading
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image

from extractors.records import Line, PageText, Segment
from extractors.text.ocrfix import normalise_ocr_line

DEFAULT_DPI = 300
DEFAULT_JOBS = 2
DEFAULT_PSM = 3  # Tesseract's automatic page segmentation: columns and margin headings as blocks
DEFAULT_MAX_SKEW = 4.0  # degrees searched either way by the deskew
SKEW_COARSE_STEP = 0.5
SKEW_FINE_STEP = 0.1
DEFAULT_MIN_ROTATION = 1.0  # degrees: Tesseract's line finder copes with less, a rotation costs 0.2 s
DEFAULT_ANALYSIS_SIZE = 1000  # pixels, longer side of the thumbnail that orientation is measured on
INK_LEVEL = 160  # grey below this is ink for the layout measurements
UPRIGHT_CERTAIN = 1.4  # ascender/descender ink ratio beyond which up and down are not in doubt
DEFAULT_SEGMENT_GAP = 1.2  # a gap wider than this many word heights starts a new segment
SPECK_CONF = 50.0  # punctuation-only words below this confidence are dust
SPECK_CONF_TINY = 20.0  # one or two letters below this confidence and SPECK_HEIGHT are dust
SPECK_HEIGHT = 0.6  # ... of the page's median word height
SPECK_DOT = 0.35  # punctuation smaller than this share of the median word height both ways is dust
DASHES = frozenset("-–—")
SECTION_SIGNS = frozenset("§&$")
DEFAULT_TIMEOUT = 300  # seconds for one page
LANGUAGES = ("fin", "swe", "fin+swe")
MIN_LANGUAGE_EVIDENCE = 12  # function words of either language that settle a document's language
BILINGUAL_SHARE = 0.4  # the minority language's share of function words in a bilingual document
CLEANING_VERSION = 4  # bump when the page straightening changes: cached readings depend on it
CACHE_ENV = "FI_MINUTES_CACHE"

_FINNISH_WORDS = frozenset("ja on että ei se oli kunnan sekä tai mukaan päätös asia vuonna".split())
_SWEDISH_WORDS = frozenset("och att som för det är på med till av den ett har beslut".split())


class OcrUnavailable(RuntimeError):
    """Tesseract (or its language data) is not installed."""


@dataclass(frozen=True)
class OcrSettings:
    lang: str = "fin"
    dpi: int = DEFAULT_DPI
    psm: int = DEFAULT_PSM

    def key(self) -> str:
        return f"{self.lang}|{self.dpi}|{self.psm}|{tesseract_version()}"


@functools.lru_cache(maxsize=1)
def tesseract_path() -> str:
    """The tesseract executable, located once."""
    path = shutil.which("tesseract")
    if not path:
        raise OcrUnavailable("tesseract not found: apt-get install tesseract-ocr tesseract-ocr-fin "
                             "tesseract-ocr-swe (or `make apt`)")
    return path


@functools.lru_cache(maxsize=1)
def tesseract_version() -> str:
    out = subprocess.run([tesseract_path(), "--version"], capture_output=True, text=True, check=False)
    return (out.stdout or out.stderr).split("\n", 1)[0].strip()


def default_cache_dir() -> Path:
    root = os.environ.get(CACHE_ENV)
    return Path(root) / "ocr" if root else Path.home() / ".cache" / "fi-minutes" / "ocr"


# --- images ------------------------------------------------------------------------------------


def render_page(pdf: pdfium.PdfDocument, number: int, dpi: int) -> tuple[Image.Image, float, float]:
    """A grey image of the 1-based page at dpi, and the page size in points."""
    page = pdf[number - 1]
    try:
        width, height = page.get_size()
        bitmap = page.render(scale=dpi / 72, grayscale=True)
        image = bitmap.to_pil().convert("L")
    finally:
        page.close()
    return image, width, height


def _ink_mask(image: Image.Image, size: int = DEFAULT_ANALYSIS_SIZE) -> Image.Image:
    """A small black/white mask of the ink (255 = ink) for the layout measurements."""
    small = image.copy()
    small.thumbnail((size, size))
    return Image.fromarray(((np.asarray(small) < INK_LEVEL) * 255).astype(np.uint8))


def _row_score(mask: Image.Image, angle: float) -> float:
    """How distinct the rows of ink are at this rotation: text rows vs the white leading between."""
    rows = np.asarray(mask.rotate(angle, resample=Image.NEAREST)).sum(axis=1, dtype=np.float64)
    return float(np.square(np.diff(rows)).sum())


def _best_skew(mask: Image.Image, max_angle: float = DEFAULT_MAX_SKEW) -> tuple[float, float]:
    """(angle, score) with the most distinct rows: a coarse search, then a fine one around it."""
    coarse = [k * SKEW_COARSE_STEP for k in range(-round(max_angle / SKEW_COARSE_STEP),
                                                  round(max_angle / SKEW_COARSE_STEP) + 1)]
    score, best = max((_row_score(mask, a), a) for a in coarse)
    fine = [best + k * SKEW_FINE_STEP for k in range(-4, 5) if k]
    return max([(score, best), *((_row_score(mask, a), a) for a in fine)])[::-1]


def _text_bands(rows: np.ndarray) -> list[tuple[int, int]]:
    """Runs of inked rows of an upright page that have the height of a text line."""
    on = rows > max(1.0, float(rows.max()) * 0.02)
    edges = np.flatnonzero(np.diff(np.concatenate(([0], on.astype(np.int8), [0]))))
    bands = [(int(a), int(b)) for a, b in zip(edges[0::2], edges[1::2], strict=True) if b - a >= 4]
    if not bands:
        return []
    typical = float(np.median([b - a for a, b in bands]))
    # rules are thin and logos or wrapped blocks tall: only line-high bands tell up from down
    return [(a, b) for a, b in bands if 0.6 * typical <= b - a <= 1.8 * typical]


def upright_ratio(ink: np.ndarray) -> float:
    """Ink above the x-height band of the text lines over ink below it (>1: the page is upright).

    Latin script has more ascenders (capitals, digits, b d f h k l t, the dots of i ä ö) than
    descenders (g j p q y); upside down the ratio inverts. Near 1 on sparse pages.
    """
    rows = ink.sum(axis=1).astype(np.float64)
    if not rows.any():
        return 1.0
    above = below = 0.0
    for a, b in _text_bands(rows):
        band = rows[a:b]
        core = np.flatnonzero(band >= 0.5 * band.max())
        above += float(band[:core[0]].sum())
        below += float(band[core[-1] + 1:].sum())
    return (above + 1.0) / (below + 1.0)


@dataclass(frozen=True)
class Orientation:
    """How to straighten a scanned page: a quarter turn, then a small deskew (both counter-clockwise).

    `certain` is False when the page has too little text to tell up from down by its shape.
    """

    turn: int = 0
    skew: float = 0.0
    certain: bool = True

    def flipped(self) -> Orientation:
        return Orientation((self.turn + 180) % 360, self.skew, self.certain)


def page_orientation(image: Image.Image) -> Orientation:
    """Sideways pages have their distinct rows in the columns; upside-down ones invert the ratio of
    ascender to descender ink. About 50 ms a page, against 1-1.5 s for Tesseract's OSD pass."""
    mask = _ink_mask(image)
    if np.asarray(mask).mean() < 0.5:
        return Orientation()
    upright_skew, upright_score = _best_skew(mask)
    turned = mask.transpose(Image.Transpose.ROTATE_90)
    side_skew, side_score = _best_skew(turned)
    sideways = side_score > upright_score
    base, skew = (turned, side_skew) if sideways else (mask, upright_skew)
    ratio = upright_ratio(np.asarray(base.rotate(skew, resample=Image.NEAREST)) > 0)
    turn = (90 if sideways else 0) + (0 if ratio >= 1 else 180)
    certain = max(ratio, 1 / ratio) >= UPRIGHT_CERTAIN
    return Orientation(turn, skew, certain)


_TRANSPOSE = {90: Image.Transpose.ROTATE_90, 180: Image.Transpose.ROTATE_180,
              270: Image.Transpose.ROTATE_270}


def straighten(image: Image.Image, orientation: Orientation) -> Image.Image:
    """Apply the quarter turn (exact) and the deskew (only when large enough to matter)."""
    if orientation.turn:
        image = image.transpose(_TRANSPOSE[orientation.turn])
    if abs(orientation.skew) >= DEFAULT_MIN_ROTATION:
        image = image.rotate(orientation.skew, resample=Image.BILINEAR, fillcolor=255)
    return image


# --- tesseract ---------------------------------------------------------------------------------


def run_tesseract(image_bytes: bytes, settings: OcrSettings) -> str:
    """Tesseract's TSV for one page image (PGM bytes), one thread so pages can run side by side."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    cmd = [tesseract_path(), "stdin", "stdout", "-l", settings.lang, "--psm", str(settings.psm),
           "--dpi", str(settings.dpi), "-c", "tessedit_do_invert=0", "tsv"]
    out = subprocess.run(cmd, input=image_bytes, capture_output=True, env=env, check=False,
                         timeout=DEFAULT_TIMEOUT)
    if out.returncode != 0:
        message = out.stderr.decode("utf-8", "replace").strip()
        if "Failed loading language" in message:
            raise OcrUnavailable(f"Tesseract language data missing for {settings.lang!r}: apt-get install "
                                 "tesseract-ocr-fin tesseract-ocr-swe")
        raise RuntimeError(f"tesseract failed: {message[-500:]}")
    return out.stdout.decode("utf-8", "replace")


def tsv_lines(tsv: str, page: int, scale: float, gap: float = DEFAULT_SEGMENT_GAP) -> list[Line]:
    """TSV words -> lines (Tesseract lines merged when on one baseline) -> segments at wide gaps.

    `scale` turns pixels into points. Tesseract puts a margin heading and its text in different
    blocks; they are one visual line when their vertical extents overlap by half.
    """
    words = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip() or cols[10] == "-1":
            continue
        left, top, width, height = (float(c) * scale for c in cols[6:10])
        words.append((cols[2], cols[3], cols[4], top, left, width, height, float(cols[10]), cols[11].strip()))
    typical = statistics.median(w[6] for w in words) if words else 0.0
    groups: dict[tuple, list[tuple[float, float, float, float, str]]] = defaultdict(list)
    for block, par, line, top, left, width, height, conf, text in words:
        if not is_speck(text, conf, width, height, typical):
            groups[(block, par, line)].append((top, left, left + width, height, text))
    boxes = sorted(groups.values(), key=lambda ws: min(w[0] for w in ws))
    merged: list[list[tuple]] = []
    for words in boxes:
        top = statistics.median(w[0] for w in words)
        height = statistics.median(w[3] for w in words)
        for line in merged:
            l_top = statistics.median(w[0] for w in line)
            l_height = statistics.median(w[3] for w in line)
            if abs(l_top - top) <= 0.5 * min(height, l_height) and not _overlaps(line, words):
                line.extend(words)
                break
        else:
            merged.append(list(words))
    out = []
    for words in merged:
        words.sort(key=lambda w: w[1])
        unit = statistics.median(w[3] for w in words)
        segments: list[list[tuple]] = [[words[0]]]
        for word in words[1:]:
            if word[1] - segments[-1][-1][2] > gap * unit:
                segments.append([word])
            else:
                segments[-1].append(word)
        segs = tuple(Segment(s[0][1], s[-1][2], normalise_ocr_line(" ".join(w[4] for w in s)))
                     for s in segments)
        out.append(Line(page=page, y=min(w[0] for w in words), x0=segs[0].x0,
                        text=" ".join(s.text for s in segs), segments=segs,
                        height=max(w[3] for w in words)))
    out.sort(key=lambda ln: (ln.y, ln.x0))
    return out


def is_speck(text: str, conf: float, width: float, height: float, typical_height: float) -> bool:
    """A word Tesseract made of dust: punctuation or a lone letter read with low confidence, or
    one or two characters smaller than the text around them read with almost none ('+', ':', 'ä').

    Such words become segments of their own and break the fixed shapes of header lines
    ('Sivistyslautakunta + § 87 18.11.2025').
    """
    if any(c.isalnum() or c in SECTION_SIGNS for c in text):  # '&' and '$' are often a misread '§'
        if len(text) == 1 and text.isalpha() and conf < SPECK_CONF:
            return True
        return len(text) <= 2 and conf < SPECK_CONF_TINY and height < SPECK_HEIGHT * typical_height
    if text in DASHES:  # a dash is as flat as a speck, but real
        return conf < SPECK_CONF
    return conf < SPECK_CONF or (height < SPECK_DOT * typical_height and width < SPECK_DOT * typical_height)


def _overlaps(a: list[tuple], b: list[tuple]) -> bool:
    """Do two word runs share horizontal space (then they are different lines, however close)?"""
    return min(w[1] for w in a) < max(w[2] for w in b) and min(w[1] for w in b) < max(w[2] for w in a)


# --- pages -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageReading:
    """Tesseract's TSV of a straightened page and the quarter turn that straightened it."""

    tsv: str
    turn: int = 0


def reading_score(tsv: str) -> float:
    """How much confidently read text a TSV holds: the weight of words of three or more letters.

    An upside-down page reads as short, low-confidence fragments, so the right way up scores higher.
    """
    total = 0.0
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        word = cols[11].strip()
        if sum(c.isalpha() for c in word) >= 3:
            total += max(float(cols[10]), 0.0) / 100
    return total


def _cache_path(cache_dir: Path | None, image: Image.Image, settings: OcrSettings) -> Path | None:
    if cache_dir is None:
        return None
    digest = hashlib.sha256(f"{image.mode}|{image.size}|{settings.key()}|{CLEANING_VERSION}".encode())
    digest.update(image.tobytes())
    key = digest.hexdigest()
    return cache_dir / key[:2] / f"{key}.json"


def _page_job(image: Image.Image, settings: OcrSettings, cache_dir: Path | None) -> PageReading:
    """Straighten and read one rendered page (or take its cached reading); runs in a worker thread.

    The cache key is the page as rendered, so a hit skips the orientation analysis too. When the
    page has too little text to tell up from down by shape, both ways are read and the better kept.
    """
    path = _cache_path(cache_dir, image, settings)
    if path is not None and path.exists():
        return PageReading(**json.loads(path.read_text(encoding="utf-8")))
    orientation = page_orientation(image)
    candidates = [orientation] if orientation.certain else [orientation, orientation.flipped()]
    readings = [PageReading(run_tesseract(pnm_bytes(straighten(image, o)), settings), o.turn) for o in candidates]
    reading = max(readings, key=lambda r: reading_score(r.tsv))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_text(json.dumps({"tsv": reading.tsv, "turn": reading.turn}), encoding="utf-8")
        tmp.replace(path)
    return reading


def pnm_bytes(image: Image.Image) -> bytes:
    """A page image as the uncompressed bytes Tesseract reads fastest from stdin."""
    buffer = io.BytesIO()
    image.save(buffer, format="PPM")
    return buffer.getvalue()


def _page_text(number: int, reading: PageReading, width: float, height: float, dpi: int) -> PageText:
    """A reading as a PageText in points; a page read after a quarter turn swaps its sides."""
    if reading.turn in (90, 270):
        width, height = height, width
    return PageText(number, tuple(tsv_lines(reading.tsv, number, 72 / dpi)), width, height, ocr=True)


def ocr_pdf(data: bytes, pages: list[int], lang: str = "fin", cache_dir: Path | None = None,
            dpi: int = DEFAULT_DPI, jobs: int = DEFAULT_JOBS) -> list[PageText]:
    """OCR the given 1-based pages of a PDF; PageText records with ocr=True, in page order.

    `lang` is 'fin', 'swe', 'fin+swe' or 'auto'. With 'auto' the first pages are read in Finnish
    (most minutes are), Finnish and Swedish function words on them decide the language, and only
    pages already read in the wrong one are read again: a Finnish document costs nothing extra.
    """
    if lang not in (*LANGUAGES, "auto"):
        raise ValueError(f"unknown OCR language {lang!r}; known: {', '.join(LANGUAGES)}, auto")
    tesseract_path()
    cache_dir = default_cache_dir() if cache_dir is None else cache_dir
    decided = None if lang == "auto" else lang
    pdf = pdfium.PdfDocument(data)
    sizes: dict[int, tuple[float, float]] = {}
    readings: dict[int, tuple[str, PageReading]] = {}
    try:
        queue = list(dict.fromkeys(pages))
        with cf.ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            pending: dict[cf.Future, tuple[int, str]] = {}
            while queue or pending:
                # before the language is known, only `jobs` pages are in flight: few to read again
                while queue and len(pending) < (2 * jobs if decided else max(1, jobs)):
                    number = queue.pop(0)
                    page_lang = decided or "fin"
                    image, width, height = render_page(pdf, number, dpi)
                    sizes[number] = (width, height)
                    pending[pool.submit(_page_job, image, OcrSettings(page_lang, dpi), cache_dir)] = \
                        (number, page_lang)
                done, _ = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
                for future in done:
                    number, page_lang = pending.pop(future)
                    readings[number] = (page_lang, future.result())
                if decided is None:
                    decided = _decide_language(pages, readings)
                if decided is not None:  # pages read in the guessed language before it was known
                    in_flight = {n for n, _ in pending.values()}
                    queue = [n for n in dict.fromkeys(pages) if n in readings and readings[n][0] != decided
                             and n not in in_flight and n not in queue] + queue
    finally:
        pdf.close()
    return [_page_text(n, readings[n][1], *sizes[n], dpi) for n in pages]


def _decide_language(pages: list[int], readings: dict[int, tuple[str, PageReading]]) -> str | None:
    """The document's language from its first pages in order, once they hold enough evidence."""
    words: list[str] = []
    for number in pages:
        if number not in readings:
            return None
        words.extend(w for ln in tsv_lines(readings[number][1].tsv, number, 1.0) for w in ln.text.split())
        if function_word_count(words) >= MIN_LANGUAGE_EVIDENCE:
            break
    return detect_language(words)


def function_word_count(words: list[str]) -> int:
    lowered = [w.strip(".,:;()").lower() for w in words]
    return sum(w in _SWEDISH_WORDS or w in _FINNISH_WORDS for w in lowered)


def detect_language(words: list[str]) -> str:
    """'swe' when Swedish function words outnumber Finnish ones, 'fin+swe' for a bilingual text
    (both languages well represented), else 'fin'."""
    lowered = [w.strip(".,:;()").lower() for w in words]
    swedish = sum(w in _SWEDISH_WORDS for w in lowered)
    finnish = sum(w in _FINNISH_WORDS for w in lowered)
    if min(swedish, finnish) >= 4 and min(swedish, finnish) >= BILINGUAL_SHARE * max(swedish, finnish):
        return "fin+swe"
    return "swe" if swedish > finnish else "fin"


