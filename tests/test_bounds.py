"""The bounds docs/operations.md states ("Bounds"), each checked where it could break: a long real
document parses within the worker's memory limit, a file beyond the limit or the time allowed fails
alone with its reason and its own id, and the parent never holds such a file in memory."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb

from pipeline.ingest import DEFAULT_MEMORY_MB, ingest_paths, sha256_file
from scripts.measure_bounds import long_pdf
from tests.pdfmaker import minutes_pdf

ROOT = Path(__file__).resolve().parents[1]
GIB = 1 << 30


def sparse_pdf(path: Path, size: int = GIB) -> Path:
    """A file named .pdf of `size` bytes that takes no disk (a hole after the header)."""
    with path.open("wb") as fh:
        fh.write(b"%PDF-1.4\n")
        fh.truncate(size)
    return path


def test_a_long_real_document_stays_well_inside_the_worker_memory_limit(shared_dir: Path, tmp_path: Path) -> None:
    minutes = sorted((shared_dir / "real" / "lapua").glob("Pöytäkirja-*.pdf"))
    pages = long_pdf(minutes, tmp_path / "long.pdf", 300)
    report = ingest_paths([tmp_path / "long.pdf"], tmp_path / "m.duckdb", workers=1)
    result = report.results[0]
    assert result.status in ("ok", "partial") and result.pages == pages, (result.status, result.error)
    # docs/operations.md: about 0.2 MB a page on top of 150 MB; 300 pages use a fraction of the limit
    assert result.peak_rss_mb is not None and result.peak_rss_mb < DEFAULT_MEMORY_MB / 4, result.peak_rss_mb


def test_a_file_larger_than_the_memory_limit_fails_alone_with_its_reason_and_its_own_id(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    big = sparse_pdf(src / "big.pdf")
    minutes_pdf(src / "good.pdf")
    db = tmp_path / "m.duckdb"
    report = ingest_paths([src], db, workers=2, memory_mb=512)
    status = {r.path.name: r for r in report.results}
    assert status["good.pdf"].status == "ok"
    assert status["big.pdf"].status == "failed" and status["big.pdf"].error == "memory limit of 512 MB exceeded"
    assert status["big.pdf"].doc_id == sha256_file(big), "its id is its bytes' hash, not the empty file's"
    con = duckdb.connect(str(db), read_only=True)
    recorded = con.execute("SELECT doc_id, error FROM documents WHERE file_name = 'big.pdf'").fetchall()
    con.close()
    assert recorded == [(sha256_file(big), "memory limit of 512 MB exceeded")]


PARENT = """
import json, resource, sys
from pathlib import Path
from pipeline.ingest import ingest_paths
report = ingest_paths([Path(sys.argv[1])], Path(sys.argv[2]), workers=1, timeout=0.001)
r = report.results[0]
print(json.dumps({"status": r.status, "error": r.error, "doc_id": r.doc_id,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def test_the_parent_does_not_read_a_file_whose_worker_gave_up(tmp_path: Path) -> None:
    """A worker stopped by the time limit (or killed) returns nothing: the parent records the failure
    under the file's hash, read in chunks, not by loading a file of any size into its own memory."""
    big = sparse_pdf(tmp_path / "big.pdf")
    done = subprocess.run([sys.executable, "-c", PARENT, str(big), str(tmp_path / "m.duckdb")], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    said = json.loads(done.stdout)
    assert said["status"] == "failed" and said["error"].startswith("timed out after")
    assert said["doc_id"] == sha256_file(big)
    assert said["peak_mb"] < 600, f"the parent took {said['peak_mb']:.0f} MB for a 1 GB file"



def test_the_parent_holds_no_document_but_the_one_it_writes(tmp_path: Path) -> None:
    """Why the parent's memory does not grow with the batch (measured flat from 300 to 1,000
    documents: docs/operations.md): it keeps a small result per document, and each extraction only
    while it writes it. Counted at every document of a real batch."""
    import gc

    from extractors.records import Extraction
    from pipeline.storage import Packed  # what a worker sends: the extraction as columns

    src = tmp_path / "in"
    src.mkdir()
    for n in range(24):
        minutes_pdf(src / f"m{n:03d}.pdf", items=[(k + 1, f"Asia {n} {k}", "Hyväksyttiin.") for k in range(4)])
    alive: list[int] = []

    def count(result) -> None:
        alive.append(sum(1 for o in gc.get_objects() if isinstance(o, (Extraction, Packed))))

    report = ingest_paths([src], tmp_path / "m.duckdb", workers=2, progress=count)
    assert report.count("ok") == 24 and len(alive) == 24
    assert max(alive) <= 1 and alive[-1] == 1, alive  # the one being written is seen: the count works
