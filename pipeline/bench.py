"""`make bench`: ingest throughput beside raw pypdfium2 text extraction, plus OCR and repair speed.

Run on the real Lapua PDFs (../shared/real/lapua), which are born-digital: the target is at least
100 pages/s end to end on a 2-core machine. Results are printed and written to
data/processed/bench.json so that runs can be compared.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium
from rich.console import Console
from rich.table import Table

from pipeline.bench_ocr import bench_ocr
from pipeline.ingest import ingest_paths

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SAMPLE = ROOT.parent / "shared" / "real" / "lapua"


def raw_text_rate(paths: list[Path]) -> tuple[int, float]:
    """Pages and seconds for plain pypdfium2 text extraction of every page (one process)."""
    pages = 0
    start = time.perf_counter()
    for path in paths:
        pdf = pdfium.PdfDocument(str(path))
        for page in pdf:
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
            pages += 1
        pdf.close()
    return pages, time.perf_counter() - start


def ingest_rate(paths: list[Path], workers: int, embedded_html: bool = True) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        report = ingest_paths(paths, Path(tmp) / "bench.duckdb", workers=workers, force=True,
                              embedded_html=embedded_html)
        seconds = time.perf_counter() - start
    pages = sum(r.pages or 0 for r in report.results)
    return {"documents": len(report.results), "pages": pages, "seconds": round(seconds, 3),
            "pages_per_s": round(pages / seconds, 1) if seconds else None,
            "failed": report.count("failed"), "items": sum(r.items for r in report.results),
            "peak_worker_rss_mb": max((r.peak_rss_mb or 0 for r in report.results), default=None)}


def main(sample: Path = DEFAULT_SAMPLE) -> int:
    console = Console()
    if not sample.is_dir():
        console.print(f"[red]no benchmark sample at {sample}[/red]")
        return 1
    paths = sorted(sample.glob("*.pdf"))
    pages, seconds = raw_text_rate(paths)
    results: dict = {"sample": str(sample), "raw_pypdfium2": {
        "pages": pages, "seconds": round(seconds, 3), "pages_per_s": round(pages / seconds, 1)}}
    # The fork server loads the extractors and lexicons once per batch (~1 s); a nightly batch of
    # hundreds of files pays that once, so it is started before the clock runs.
    ingest_rate(paths[:1], workers=1)
    results["ingest_2_workers"] = ingest_rate(paths, workers=2)
    results["ingest_1_worker"] = ingest_rate(paths, workers=1)
    results["ingest_page_text_2_workers"] = ingest_rate(paths, workers=2, embedded_html=False)
    results["peak_rss_mb"] = {"parent": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}
    try:
        results["ocr_and_repair"] = bench_ocr()
    except Exception as exc:  # noqa: BLE001 - OCR needs ../shared and Tesseract; report, don't die
        results["ocr_and_repair"] = {"error": f"{type(exc).__name__}: {exc}"}
    table = Table(title="fi-minutes benchmark")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for key, value in results.items():
        if isinstance(value, dict):
            for k, v in value.items():
                table.add_row(f"{key}.{k}", str(v))
        else:
            table.add_row(key, str(value))
    console.print(table)
    out = ROOT / "data" / "processed" / "bench.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SAMPLE))
