"""Batch ingest robustness: idempotence, replacement, failures recorded, limits, atomic writes."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb

from pipeline.ingest import discover, ingest_paths
from tests.pdfmaker import minutes_pdf

ROOT = Path(__file__).resolve().parents[1]


def counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "meetings", "agenda_items", "item_sections", "decisions")}
    finally:
        con.close()


def test_ingest_twice_changes_nothing(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    minutes_pdf(src / "a.pdf")
    db = tmp_path / "m.duckdb"
    first = ingest_paths([src], db, workers=1)
    assert [r.status for r in first.results] == ["ok"], first.results
    before = counts(db)
    assert before["agenda_items"] == 2 and before["decisions"] == 2
    second = ingest_paths([src], db, workers=1)
    assert [r.status for r in second.results] == ["unchanged"]
    assert counts(db) == before


def test_changed_file_replaces_its_rows(tmp_path: Path) -> None:
    path = minutes_pdf(tmp_path / "a.pdf")
    db = tmp_path / "m.duckdb"
    ingest_paths([path], db, workers=1)
    minutes_pdf(path, items=[(20, "Uusi asia", "Hyväksyttiin.")])
    ingest_paths([path], db, workers=1)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert con.execute("SELECT list(section_number) FROM agenda_items").fetchone()[0] == [20]


def test_bad_files_are_recorded_and_the_batch_goes_on(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    minutes_pdf(src / "good.pdf")
    minutes_pdf(src / "locked.pdf", password="salainen")
    (src / "corrupt.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<>> garbage" + os.urandom(300))
    (src / "empty.pdf").write_bytes(b"")
    (src / "image.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    db = tmp_path / "m.duckdb"
    report = ingest_paths([src], db, workers=2)
    status = {r.path.name: (r.status, r.error) for r in report.results}
    assert status["good.pdf"][0] == "ok"
    assert status["locked.pdf"] == ("failed", "encrypted PDF (password required)")
    assert status["empty.pdf"] == ("failed", "empty file")
    assert status["corrupt.pdf"][0] == "failed" and status["corrupt.pdf"][1]
    assert status["image.pdf"][0] == "failed" and "unsupported" in status["image.pdf"][1]
    con = duckdb.connect(str(db), read_only=True)
    failed = dict(con.execute("SELECT file_name, error FROM documents WHERE status = 'failed'").fetchall())
    assert set(failed) == {"locked.pdf", "empty.pdf", "corrupt.pdf", "image.pdf"}
    assert con.execute("SELECT count(*) FROM ingest_errors").fetchone()[0] >= 4


def test_time_limit_kills_a_slow_parser(tmp_path: Path) -> None:
    path = minutes_pdf(tmp_path / "a.pdf")
    report = ingest_paths([path], tmp_path / "m.duckdb", workers=1, timeout=0.001)
    assert report.results[0].status == "failed"
    assert "timed out" in report.results[0].error


def _parser_pids() -> set[int]:
    """The parser processes alive now: the children of the ingest's fork server (none before it runs)."""
    from multiprocessing import forkserver

    server = forkserver._forkserver._forkserver_pid
    pids: set[int] = set()
    with contextlib.suppress(OSError, TypeError):
        for task in os.listdir(f"/proc/{server}/task"):
            with open(f"/proc/{server}/task/{task}/children") as fh:
                pids.update(int(p) for p in fh.read().split())
    return pids


def test_parsers_go_on_while_the_writer_is_busy(tmp_path: Path) -> None:
    """A worker that finishes is replaced at once, whatever the writer is doing: the parser slots do
    not wait for the writer. The parent is held here in the progress call of the first document (as
    by a slow write) while the parser processes are watched from the start: by the end of that call
    more processes than the two slots have run. Parsers and writer used to take turns: the next
    worker started only after the write (and the progress call) of the previous document."""
    src = tmp_path / "in"
    src.mkdir()
    for n in range(8):
        minutes_pdf(src / f"m{n}.pdf", items=[(n + 1, f"Asia {n}", "Hyväksyttiin.")])
    seen: set[int] = set()
    held = threading.Event()

    def watch() -> None:
        while not held.is_set():
            seen.update(_parser_pids())
            time.sleep(0.002)

    def slow_writer(result) -> None:
        deadline = time.monotonic() + 30
        while not held.is_set() and len(seen) < 3 and time.monotonic() < deadline:
            time.sleep(0.01)
        held.set()

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    report = ingest_paths([src], tmp_path / "m.duckdb", workers=2, progress=slow_writer)
    watcher.join()
    assert len(seen) >= 3, seen
    assert report.count("ok") == 8 and counts(tmp_path / "m.duckdb")["documents"] == 8


def test_the_largest_documents_are_parsed_first(tmp_path: Path) -> None:
    """Documents start largest first, so that a batch does not end with one worker on a long
    document while the others idle: here, with one worker, the order of the results."""
    src = tmp_path / "in"
    src.mkdir()
    minutes_pdf(src / "a-short.pdf")
    minutes_pdf(src / "b-long.pdf", items=[(k, f"Asia {k}", "Hyväksyttiin.") for k in range(1, 25)])
    minutes_pdf(src / "c-middle.pdf", items=[(k, f"Asia {k}", "Hyväksyttiin.") for k in range(1, 8)])
    order: list[str] = []
    ingest_paths([src], tmp_path / "m.duckdb", workers=1, progress=lambda r: order.append(r.path.name))
    assert order == ["b-long.pdf", "c-middle.pdf", "a-short.pdf"]


def test_discover_skips_gold_and_readme(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    (tmp_path / "a.gold.json").write_text("{}")
    (tmp_path / "README.md").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("<html></html>")
    assert [p.name for p in discover([tmp_path])] == ["a.pdf", "b.html"]


def test_kill_mid_batch_leaves_the_published_database_as_it_was_and_loses_no_committed_work(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for n in range(12):
        minutes_pdf(src / f"m{n:02d}.pdf", items=[(n + 1, f"Asia numero {n}", "Hyväksyttiin.")])
    db = tmp_path / "m.duckdb"
    ingest_paths(sorted(src.iterdir())[:2], db, workers=1)
    before = counts(db)
    code = ("from pipeline.ingest import ingest_paths; "
            f"ingest_paths([{str(src)!r}], {str(db)!r}, workers=1, progress=lambda r: print(r.status, flush=True))")
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    said = []
    while len(said) < 5 and (line := proc.stdout.readline()):
        said.append(line.strip())
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert said == ["unchanged"] * 2 + ["ok"] * 3 and counts(db) == before  # nothing published, half or whole
    assert list(tmp_path.glob(".m.duckdb.writing-*"))  # its private copy is left behind ...
    report = ingest_paths([src], db, workers=2)
    assert report.count("unchanged") >= 2 + 3  # ... adopted: what it committed is not parsed again
    assert counts(db)["documents"] == 12 and counts(db)["agenda_items"] == 12
    assert not list(tmp_path.glob(".m.duckdb.*"))  # and nothing of it is left


def test_decompression_bomb_costs_neither_memory_nor_the_batch(tmp_path: Path) -> None:
    from tests.pdfmaker import bomb_pdf

    src = tmp_path / "in"
    src.mkdir()
    bomb_pdf(src / "bomb.pdf")
    minutes_pdf(src / "good.pdf")
    report = ingest_paths([src], tmp_path / "m.duckdb", workers=2, memory_mb=1024, timeout=60)
    status = {r.path.name: r for r in report.results}
    assert status["good.pdf"].status == "ok"
    assert status["bomb.pdf"].status == "failed"
    assert "memory" in status["bomb.pdf"].error or "killed" in status["bomb.pdf"].error
