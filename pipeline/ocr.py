"""OCR of scanned minutes pages with Tesseract, into the same Line/Segment records as a text layer.

Archives hold paper minutes scanned at 150-300 dpi, grey, slightly rotated and dusty. Each page is
rendered with PDFium at `dpi` (which also upscales 150 dpi scans), cleaned of specks, deskewed by a
projection-profile search, and read by the Debian `tesseract` (fin/swe data) as TSV: words with
boxes. Words are grouped into lines and split into segments at wide gaps, so that KTweb-style
margin headings stay separate segments exactly as `extractors.pdftext.group_lines` gives them.

Pages run in parallel (`jobs` Tesseract processes, one thread each) and each page's TSV is cached
under the sha256 of the cleaned page image plus the settings, so a re-run does not OCR again.
"""

from __future__ import annotations

import concurrent.futures as cf
import functools
import hashlib
import io
import os
import shutil
import statistics
import subprocess
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter

from extractors.ocrfix import normalise_ocr_line
from extractors.records import Line, PageText, Segment

DEFAULT_DPI = 300
DEFAULT_JOBS = 2
DEFAULT_PSM = 3  # Tesseract's automatic page segmentation: columns and margin headings as blocks
DEFAULT_MAX_SKEW = 4.0  # degrees searched either way by the deskew
DEFAULT_SKEW_STEP = 0.2
DEFAULT_MIN_ROTATION = 1.0  # degrees: Tesseract's line finder copes with less, a rotation costs 0.2 s
DEFAULT_SEGMENT_GAP = 1.2  # a gap wider than this many word heights starts a new segment
DEFAULT_TIMEOUT = 300  # seconds for one page
LANGUAGES = ("fin", "swe", "fin+swe")
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


def skew_angle(image: Image.Image, max_angle: float = DEFAULT_MAX_SKEW,
               step: float = DEFAULT_SKEW_STEP) -> float:
    """The rotation (degrees) that makes text rows most distinct: rows of ink vs white leading."""
    small = image.copy()
    small.thumbnail((900, 900))
    ink = (np.asarray(small) < 160).astype(np.uint8) * 255
    if ink.mean() < 0.5:
        return 0.0
    mask = Image.fromarray(ink)
    best, best_score = 0.0, -1.0
    for k in range(int(-max_angle / step), int(max_angle / step) + 1):
        angle = k * step
        rows = np.asarray(mask.rotate(angle, resample=Image.NEAREST)).sum(axis=1, dtype=np.float64)
        score = float(np.square(np.diff(rows)).sum())
        if score > best_score:
            best, best_score = angle, score
    return best


def clean_image(image: Image.Image, despeckle: bool = False) -> Image.Image:
    """Straighten a scanned page (and optionally remove dust specks, slower: 0.3 s a page).

    Tesseract's own Otsu binarisation drops the specks of the dev scan, so despeckling is off.
    """
    if despeckle:
        image = image.filter(ImageFilter.MedianFilter(3))
    angle = skew_angle(image)
    if abs(angle) >= DEFAULT_MIN_ROTATION:
        image = image.rotate(angle, resample=Image.BILINEAR, fillcolor=255)
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
    groups: dict[tuple, list[tuple[float, float, float, float, str]]] = defaultdict(list)
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip() or cols[10] == "-1":
            continue
        left, top, width, height = (float(c) * scale for c in cols[6:10])
        groups[(cols[2], cols[3], cols[4])].append((top, left, left + width, height, cols[11].strip()))
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


def _overlaps(a: list[tuple], b: list[tuple]) -> bool:
    """Do two word runs share horizontal space (then they are different lines, however close)?"""
    return min(w[1] for w in a) < max(w[2] for w in b) and min(w[1] for w in b) < max(w[2] for w in a)


# --- pages -------------------------------------------------------------------------------------


def _page_job(number: int, image: Image.Image, settings: OcrSettings, cache_dir: Path | None) -> str:
    """Clean, hash, and read one page (or take its cached TSV); runs in a worker thread."""
    image = clean_image(image)
    buffer = io.BytesIO()
    image.save(buffer, format="PPM")
    data = buffer.getvalue()
    path = None
    if cache_dir is not None:
        key = hashlib.sha256(data + settings.key().encode()).hexdigest()
        path = cache_dir / key[:2] / f"{key}.tsv"
        if path.exists():
            return path.read_text(encoding="utf-8")
    tsv = run_tesseract(data, settings)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(tsv, encoding="utf-8")
        tmp.replace(path)
    return tsv


def ocr_pdf(data: bytes, pages: list[int], lang: str = "fin", cache_dir: Path | None = None,
            dpi: int = DEFAULT_DPI, jobs: int = DEFAULT_JOBS) -> list[PageText]:
    """OCR the given 1-based pages of a PDF; PageText records with ocr=True, in page order.

    `lang` is 'fin', 'swe', 'fin+swe' or 'auto' (the first page read in fin+swe decides).
    """
    if lang not in (*LANGUAGES, "auto"):
        raise ValueError(f"unknown OCR language {lang!r}; known: {', '.join(LANGUAGES)}, auto")
    tesseract_path()
    cache_dir = default_cache_dir() if cache_dir is None else cache_dir
    pdf = pdfium.PdfDocument(data)
    results: dict[int, PageText] = {}
    try:
        todo = list(pages)
        if lang == "auto" and todo:
            first = todo.pop(0)
            results[first] = _ocr_one(pdf, first, OcrSettings("fin+swe", dpi), cache_dir)
            lang = detect_language([w for ln in results[first].lines for w in ln.text.split()])
        settings = OcrSettings(lang, dpi)
        with cf.ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            pending: dict[cf.Future, tuple[int, float, float]] = {}
            for number in todo:
                image, width, height = render_page(pdf, number, dpi)
                future = pool.submit(_page_job, number, image, settings, cache_dir)
                pending[future] = (number, width, height)
                if len(pending) >= 2 * jobs:
                    _collect(pending, results, dpi, cf.FIRST_COMPLETED)
            _collect(pending, results, dpi, cf.ALL_COMPLETED)
    finally:
        pdf.close()
    return [results[n] for n in pages]


def _ocr_one(pdf: pdfium.PdfDocument, number: int, settings: OcrSettings, cache_dir: Path) -> PageText:
    image, width, height = render_page(pdf, number, settings.dpi)
    tsv = _page_job(number, image, settings, cache_dir)
    return PageText(number, tuple(tsv_lines(tsv, number, 72 / settings.dpi)), width, height, ocr=True)


def _collect(pending: dict, results: dict, dpi: int, when: str) -> None:
    done, _ = cf.wait(pending, return_when=when)
    for future in done:
        number, width, height = pending.pop(future)
        lines = tsv_lines(future.result(), number, 72 / dpi)
        results[number] = PageText(number, tuple(lines), width, height, ocr=True)


def detect_language(words: list[str]) -> str:
    """'swe' when Swedish function words outnumber Finnish ones, else 'fin'."""
    lowered = [w.strip(".,:;()").lower() for w in words]
    swedish = sum(w in _SWEDISH_WORDS for w in lowered)
    finnish = sum(w in _FINNISH_WORDS for w in lowered)
    return "swe" if swedish > finnish else "fin"


