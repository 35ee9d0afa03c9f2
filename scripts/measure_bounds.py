"""The bounds stated in docs/operations.md ("Bounds"), measured on real `minutes ingest` processes.

    .venv/bin/python -m scripts.measure_bounds [--pages 2000] [--batch 300] [--bomb-mb 256 1024]

- one long document: the real Lapua minutes (their embedded CaseM HTML left out, so the page text
  is read) joined again and again into one PDF of about --pages pages;
- one batch of --batch real Lapua minutes, each copy with its own bytes (pipeline/bench.py);
- decompression bombs (tests/pdfmaker.py) inflating to each --bomb-mb, at the default limits;
- with --db-gb: the eight real Lapua minutes ingested into a database of that size (filler rows
  from pipeline/bench_publish.py under another table name, then our schema beside them), so the
  private copy, the cross-document steps and the publish run at that size.

Each is a cold `minutes ingest --json` process; its wall time and the peak of the summed RSS of
the whole process tree (parent, fork server, workers; shared pages counted in each, so an upper
bound) come from pipeline/bench.py `timed`, the parent's own peak from GNU time (/usr/bin/time).
Figures go to stdout as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import duckdb

from pipeline.bench import BIN, REAL_MINUTES, load, make_batch, timed
from pipeline.bench_publish import build


def long_pdf(sources: list[Path], dest: Path, pages: int) -> int:
    """One PDF of at least `pages` pages: the sources' pages over and over (pypdfium2 import)."""
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    while len(out) < pages:
        for src in sources:
            doc = pdfium.PdfDocument(str(src))
            out.import_pages(doc)
            doc.close()
            if len(out) >= pages:
                break
    total = len(out)
    out.save(str(dest))
    out.close()
    return total


def ingest(folder: Path, db: Path) -> dict:
    """One cold `minutes ingest` into a new database."""
    db.unlink(missing_ok=True)
    return ingest_into_existing(folder, db)


def ingest_into_existing(folder: Path, db: Path) -> dict:
    """One cold `minutes ingest`; the parent's own peak RSS from GNU time (the workers are the fork
    server's children, not its own), the tree's from pipeline/bench.py."""
    parent = db.with_suffix(".maxrss")
    run = timed(["/usr/bin/time", "-f", "%M", "-o", str(parent), str(BIN / "minutes"), "ingest", str(folder),
                 "--db", str(db), "--json", "--quiet", "--allow-failures"], capture=True)
    run["parent_peak_rss_mb"] = round(int(parent.read_text().split()[-1]) / 1024, 1)
    summary = json.loads(run.pop("stdout"))
    run.update({k: summary[k] for k in ("documents", "ok", "partial", "failed", "items")},
               problems=[p["error"] for p in summary["problems"]][:3], db_mb=round(db.stat().st_size / 2**20, 1))
    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=300)
    parser.add_argument("--bomb-mb", type=int, nargs="*", default=[256, 1024])
    parser.add_argument("--db-gb", type=float, default=0)
    args = parser.parse_args(argv)
    if not REAL_MINUTES.is_dir():
        print(f"no real minutes at {REAL_MINUTES}", file=sys.stderr)
        return 1
    from tests.pdfmaker import bomb_pdf

    minutes = sorted(REAL_MINUTES.glob("Pöytäkirja-*.pdf"))
    results: dict = {"load_before": load()}
    with tempfile.TemporaryDirectory(prefix="fi-minutes-bounds-") as tmp:
        tmp_path = Path(tmp)
        if args.pages:
            folder = tmp_path / "long"
            folder.mkdir()
            pages = long_pdf(minutes, folder / "long.pdf", args.pages)
            results["long_document"] = {"pages": pages, "mb": round((folder / "long.pdf").stat().st_size / 2**20, 1),
                                        **ingest(folder, tmp_path / "long.duckdb")}
        if args.batch:
            batch = make_batch(tmp_path / "batch", minutes, args.batch)
            results["batch"] = {"mb": round(sum(p.stat().st_size for p in batch) / 2**20, 1),
                                **ingest(batch[0].parent, tmp_path / "batch.duckdb")}
        for mb in args.bomb_mb:
            folder = tmp_path / f"bomb{mb}"
            folder.mkdir()
            bomb_pdf(folder / "bomb.pdf", megabytes=mb)
            results[f"bomb_{mb}mb"] = {"file_mb": round((folder / "bomb.pdf").stat().st_size / 2**20, 2),
                                       **ingest(folder, tmp_path / "bomb.duckdb")}
        if args.db_gb:
            db = tmp_path / "big.duckdb"
            build(db, args.db_gb)
            con = duckdb.connect(str(db))
            con.execute("ALTER TABLE item_sections RENAME TO filler")  # the name is ours
            con.close()
            size = db.stat().st_size
            run = ingest_into_existing(make_batch(tmp_path / "eight", minutes, 8)[0].parent, db)
            results[f"db_{args.db_gb:g}gb"] = {"db_gb_before": round(size / 1e9, 2), **run}
    results["load_after"] = load()
    print(json.dumps(results, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
