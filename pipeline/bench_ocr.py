"""Benchmarks of OCR and repair: throughput on the dev scan and repair quality on damaged text.

`make bench` calls `bench_ocr()`. OCR throughput is measured on the dev scan and on scanned twins
of born-digital dev minutes made by `scan_pdf` (200/300/150 dpi, grey, bilevel, upside down),
each with a cold cache. Repair quality is judged on damage we did not design: seed 001 (real
damaged OCR with a hand-corrected twin), and Tesseract's own readings of clean Finnish minutes text
printed and read back at low resolution (`tesseract_reading`): with English data, as archives'
old OCR read Finnish (the damage repair exists for), and with Finnish data, which keeps ä/ö and
must be left alone.
"""

from __future__ import annotations

import glob
import io
import json
import resource
import tempfile
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from extractors.text import repair

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED_DAMAGED = "seeds/001_10c487c451473a86.txt"
SEED_CLEAN = "seeds/gold/001_10c487c451473a86.clean.txt"
SCAN_GLOB = "corpus/dev/*.pdf"
SAMPLE_GLOB = "data/raw/*.gold.json"
PRINT_FONT = "DejaVuSerif.ttf"  # Debian fonts-dejavu-core (Makefile APT_PACKAGES)
PRINT_SIZE_PT = 10.0
PRINT_CHARS_PER_LINE = 90  # an A4 text column at 10 pt
PRINT_LINES_PER_PAGE = 56
READING_DPIS = (100, 150)  # low resolutions of archive scans: 100 dpi damages more than 150

@dataclass(frozen=True)
class ScanDamage:
    """What a scanner and an archive do to one printed page.

    `rotate` is the paper's quarter turn clockwise (90: fed sideways, 180: upside down); `skew`
    the small tilt of a hand-fed sheet in degrees; `noise` the grey sensor noise (std, 0-255),
    `dust` the number of specks; `bilevel` a black-and-white scan thresholded at `threshold`;
    `jpeg` the JPEG quality the page image was stored with (None: lossless).
    """

    dpi: int = 200
    bilevel: bool = False
    threshold: int = 150
    skew: float = 0.0
    rotate: int = 0
    noise: float = 0.0
    dust: int = 0
    blur: float = 0.6
    jpeg: int | None = None
    seed: int = 0


def scan_image(image: Image.Image, damage: ScanDamage) -> Image.Image:
    """A grey render of a page at damage.dpi -> what the scanner stored."""
    rng = np.random.default_rng(damage.seed)
    if damage.blur:
        image = image.filter(ImageFilter.GaussianBlur(damage.blur * damage.dpi / 300))
    if damage.skew:
        image = image.rotate(damage.skew, resample=Image.BICUBIC, fillcolor=255)
    if damage.dust:
        draw = ImageDraw.Draw(image)
        for _ in range(damage.dust):
            x, y = rng.integers(0, image.width), rng.integers(0, image.height)
            r = max(1, int(rng.uniform(0.5, 2.5) * damage.dpi / 200))
            draw.ellipse((x - r, y - r, x + r, y + r), fill=int(rng.integers(0, 90)))
    if damage.noise:
        pixels = np.asarray(image, dtype=np.float32)
        pixels += rng.normal(0.0, damage.noise, pixels.shape)
        image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    if damage.rotate % 360:
        image = image.rotate(-(damage.rotate % 360), expand=True)
    if damage.bilevel:
        image = image.point(lambda v: 255 if v >= damage.threshold else 0).convert("1")
    elif damage.jpeg:
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=damage.jpeg)
        image = Image.open(io.BytesIO(buffer.getvalue())).convert("L")
    return image


def scan_pdf(data: bytes, damage: ScanDamage | dict[int, ScanDamage]) -> bytes:
    """An image-only twin of a born-digital PDF, as an archive's scanner would have made it.

    `damage` applies to every page, or maps 1-based page numbers to their damage; pages missing
    from the map keep their text layer (a mixed document: an appendix printed and scanned in).
    """
    src = pdfium.PdfDocument(data)
    out = pdfium.PdfDocument.new()
    try:
        count = len(src)
        plan = damage if isinstance(damage, dict) else dict.fromkeys(range(1, count + 1), damage)
        for number in range(1, count + 1):
            page_damage = plan.get(number)
            if page_damage is None:
                out.import_pages(src, [number - 1])
                continue
            page = src[number - 1]
            try:
                bitmap = page.render(scale=page_damage.dpi / 72, grayscale=True)
                image = scan_image(bitmap.to_pil().convert("L"), page_damage)
            finally:
                page.close()
            buffer = io.BytesIO()
            image.save(buffer, format="PDF", resolution=page_damage.dpi,
                       **({"quality": page_damage.jpeg} if page_damage.jpeg else {}))
            scanned = pdfium.PdfDocument(buffer.getvalue())
            out.import_pages(scanned, [0])
            scanned.close()
        buffer = io.BytesIO()
        out.save(buffer)
        return buffer.getvalue()
    finally:
        out.close()
        src.close()


def gold_section_texts(pattern: str, root: Path) -> list[str]:
    """Section texts of the Finnish gold files matching `pattern` under `root`: clean minutes prose."""
    texts = []
    for path in sorted(glob.glob(str(root / pattern))):
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
        if gold.get("language") != "fi":
            continue
        for item in gold.get("items", []):
            texts.extend(s["text"] for s in item.get("sections", []) if s.get("text"))
    return texts


def sample_finnish_text(root: Path = ROOT) -> str:
    """Our own Finnish sample minutes (data/raw) as one string of words."""
    return " ".join(" ".join(gold_section_texts(SAMPLE_GLOB, root)).split())


def render_text_pages(text: str, dpi: int) -> list[Image.Image]:
    """`text` printed in a 10 pt serif column on A4 pages and scanned in grey at `dpi`."""
    font = ImageFont.truetype(PRINT_FONT, round(PRINT_SIZE_PT * dpi / 72))
    lines = textwrap.wrap(text, PRINT_CHARS_PER_LINE)
    margin, leading = round(0.8 * dpi), round(1.4 * PRINT_SIZE_PT * dpi / 72)
    pages = []
    for first in range(0, len(lines), PRINT_LINES_PER_PAGE):
        image = Image.new("L", (round(8.27 * dpi), round(11.69 * dpi)), 255)
        draw = ImageDraw.Draw(image)
        for k, line in enumerate(lines[first:first + PRINT_LINES_PER_PAGE]):
            draw.text((margin, margin + k * leading), line, font=font, fill=0)
        pages.append(image)
    return pages


def tesseract_reading(text: str, dpi: int, lang: str) -> str:
    """What the installed Tesseract reads back from `text` printed at `dpi` with `lang` data.

    The misreadings are Tesseract's own (English data prints 'a', 'd', '&', 'é' for ä/ö and drops
    letters), not a table of ours, so the repair cannot be tuned to its own damage model.
    """
    from pipeline.ocr import OcrSettings, pnm_bytes, run_tesseract, tsv_lines

    settings = OcrSettings(lang=lang, dpi=dpi)
    return " ".join(line.text for number, page in enumerate(render_text_pages(text, dpi), start=1)
                    for line in tsv_lines(run_tesseract(pnm_bytes(page), settings), number, 72 / dpi))


def reading_gold(text: str) -> str:
    """The clean text as OCR could at best print it: English data has no en dash, and a dash is not
    a letter the repair is asked to restore."""
    return text.replace("\u2013", "-")


def clean_pdf_text(path: Path, max_pages: int = 12) -> str:
    """Text layer of a born-digital minutes PDF (e.g. the Lapua ones) as one string."""
    from extractors.text.pdftext import read_pdf

    content = read_pdf(path.read_bytes(), max_pages=max_pages)
    return " ".join(line.text for page in content.pages for line in page.lines)


def bench_repair(shared: Path = SHARED) -> dict:
    """Repair quality on seed 001 and on Tesseract's readings of clean Finnish text, plus words per second.

    The clean text is our sample minutes, the dev gold sections and a Lapua page text: printed and
    read back with English data at each of READING_DPIS, and with Finnish data at the lowest.
    """
    result: dict = {"seed001": repair.measure_repair((shared / SEED_DAMAGED).read_text(encoding="utf-8"),
                                                     (shared / SEED_CLEAN).read_text(encoding="utf-8"))}
    clean = " ".join([sample_finnish_text(), *gold_section_texts("corpus/dev/*.gold.json", shared)])
    lapua = sorted((shared / "real/lapua").glob("Pöytäkirja-*.pdf"))
    if lapua:
        clean += " " + clean_pdf_text(lapua[0])
    clean = " ".join(clean.split())
    words = seconds = 0.0
    for lang, dpi in [("eng", d) for d in READING_DPIS] + [("fin", READING_DPIS[0])]:
        reading = tesseract_reading(clean, dpi, lang)
        start = time.perf_counter()
        result[f"tesseract_{lang}_{dpi}dpi"] = repair.measure_repair(reading, reading_gold(clean))
        seconds += time.perf_counter() - start
        words += len(reading.split())
    result["repair_words_per_second"] = round(words / seconds)
    return result


# scanned twins the OCR bench reads besides the dev scan: (dev document prefix, damage)
SCAN_VARIANTS: tuple[tuple[str, ScanDamage], ...] = (
    ("d01", ScanDamage(dpi=200, noise=10, dust=60, jpeg=50, skew=-1.2, seed=1)),
    ("d03", ScanDamage(dpi=300, bilevel=True, skew=2.5, dust=40, seed=2)),
    ("d02", ScanDamage(dpi=150, jpeg=70, rotate=180, seed=3)),
)


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (Tesseract runs as children)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def time_ocr(documents: list[tuple[str, bytes]], jobs: int = 2) -> dict:
    """Pages per minute of a cold OCR run over the documents, then the warm (cached) re-run.

    Each run gets a fresh cache directory, so the cache cannot hide the measurement. The machine
    may be shared: `ocr_cpu_pages_per_minute` (pages per CPU-minute times `jobs`) is what the run
    would reach with its `jobs` cores to itself, `ocr_pages_per_minute` what it reached.
    """
    from extractors.text.pdftext import read_pdf
    from pipeline.ocr import ocr_pdf

    pages = 0
    wall = cpu = warm = 0.0
    with tempfile.TemporaryDirectory() as cache:
        for name, data in documents:
            numbers = list(range(1, read_pdf(data).page_count + 1))
            start, start_cpu = time.perf_counter(), _cpu_seconds()
            ocr_pdf(data, numbers, "auto", cache_dir=Path(cache) / name, jobs=jobs)
            wall += time.perf_counter() - start
            cpu += _cpu_seconds() - start_cpu
            start = time.perf_counter()
            ocr_pdf(data, numbers, "auto", cache_dir=Path(cache) / name, jobs=jobs)
            warm += time.perf_counter() - start
            pages += len(numbers)
    return {"ocr_documents": [name for name, _ in documents], "ocr_pages": pages,
            "ocr_pages_per_minute": round(60 * pages / wall, 1),
            "ocr_cpu_pages_per_minute": round(60 * pages * jobs / cpu, 1),
            "ocr_cpu_seconds_per_page": round(cpu / pages, 2),
            "ocr_cached_seconds": round(warm, 3)}


def bench_ocr(shared: Path = SHARED, jobs: int = 2) -> dict:
    """OCR throughput on the dev scan and on scanned twins of dev minutes, and the repair figures."""
    documents = [(Path(p).name, Path(p).read_bytes()) for p in sorted(glob.glob(str(shared / SCAN_GLOB)))
                 if _needs_ocr_gold(Path(p))]
    for prefix, damage in SCAN_VARIANTS:
        for path in sorted((shared / "corpus/dev").glob(f"{prefix}_*.pdf")):
            documents.append((f"{path.stem}.scan", scan_pdf(path.read_bytes(), damage)))
    result: dict = time_ocr(documents, jobs) if documents else {}
    result.update(bench_repair(shared))
    return result


def _needs_ocr_gold(pdf: Path) -> bool:
    gold = pdf.with_suffix(".gold.json")
    return gold.exists() and json.loads(gold.read_text(encoding="utf-8")).get("needs_ocr", False)


if __name__ == "__main__":
    print(json.dumps(bench_ocr(), ensure_ascii=False, indent=1))
