"""Readers never blocked, one writer at a time: real processes on a real DuckDB file."""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from pipeline.ingest import ingest_paths
from pipeline.publish import DatabaseBusy, DatabaseError, check_database_file, writing
from tests.dbcheck import check_whole, table_rows
from tests.pdfmaker import minutes_pdf

ROOT = Path(__file__).resolve().parents[1]
READER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print(con.execute("SELECT count(*) FROM documents").fetchone()[0], flush=True)
sys.stdin.readline()  # hold the file open until told
print(con.execute("SELECT count(*) FROM documents").fetchone()[0],
      con.execute("SELECT count(*) FROM agenda_items").fetchone()[0], flush=True)
"""


def _pdfs(folder: Path, n: int, start: int = 0) -> list[Path]:
    folder.mkdir(exist_ok=True)
    out = []
    for k in range(start, start + n):
        out.append(folder / f"m{k:02d}.pdf")
        minutes_pdf(out[-1], items=[(k + 1, f"Asia numero {k}", "Hyväksyttiin.")])
    return out


def _documents(db: Path) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        con.close()


def test_a_reader_holding_the_file_through_an_ingest_keeps_its_view(tmp_path: Path) -> None:
    db = tmp_path / "m.duckdb"
    first = _pdfs(tmp_path / "in", 2)
    ingest_paths(first, db, workers=1)
    reader = subprocess.Popen([sys.executable, "-c", READER, str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert reader.stdout.readline().strip() == "2"
    more = _pdfs(tmp_path / "in", 3, start=2)
    report = ingest_paths(first + more, db, workers=1)  # the reader holds the published file meanwhile
    assert report.count("ok") + report.count("partial") == 3
    assert _documents(db) == 5  # a new reader sees the new file
    out, _ = reader.communicate("go\n", timeout=60)
    assert out.split() == ["2", "2"]  # the old reader kept its consistent old view
    assert reader.returncode == 0


def test_a_second_writer_is_refused_naming_the_holder(tmp_path: Path) -> None:
    db = tmp_path / "m.duckdb"
    ingest_paths(_pdfs(tmp_path / "in", 1), db, workers=1)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from pipeline.publish import writing\n"
         f"with writing({str(db)!r}):\n print('held', flush=True); sys.stdin.readline()"],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    try:
        with pytest.raises(DatabaseBusy, match=rf"PID {holder.pid}\b"):
            ingest_paths([tmp_path / "in"], db, workers=1)
        cli = subprocess.run([str(Path(sys.executable).with_name("minutes")), "ingest", str(tmp_path / "in"),
                              "--db", str(db)], capture_output=True, text=True, cwd=ROOT)
        assert cli.returncode == 3
        assert f"PID {holder.pid}" in cli.stderr and "Traceback" not in cli.stderr
        assert len(cli.stderr.strip().splitlines()) == 1
    finally:
        holder.communicate("done\n", timeout=30)
    with writing(db) as private:  # released when the holder ends
        assert private != db and private.exists()


def test_an_error_inside_the_writer_leaves_the_published_file_as_it_was(tmp_path: Path) -> None:
    db = tmp_path / "m.duckdb"
    ingest_paths(_pdfs(tmp_path / "in", 1), db, workers=1)
    before = db.read_bytes()
    with pytest.raises(RuntimeError), writing(db) as private:
        con = duckdb.connect(str(private))
        con.execute("DELETE FROM documents")
        con.close()
        raise RuntimeError("boom")
    assert db.read_bytes() == before and not list(tmp_path.glob(".m.duckdb.writing-*"))


def test_ctrl_c_publishes_what_was_committed(tmp_path: Path) -> None:
    db = tmp_path / "m.duckdb"
    with pytest.raises(KeyboardInterrupt), writing(db) as private:
        con = duckdb.connect(str(private))
        con.execute("CREATE TABLE t AS SELECT 1 AS x")
        con.close()
        raise KeyboardInterrupt
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT x FROM t").fetchone() == (1,)
    con.close()


def test_sqlite_and_other_files_are_refused_with_a_hint(tmp_path: Path) -> None:
    lite = tmp_path / "m.sqlite"
    sqlite3.connect(lite).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(DatabaseError, match="SQLite database, not DuckDB"):
        check_database_file(lite)
    junk = tmp_path / "notes.duckdb"
    junk.write_text("hello, this is not a database at all")
    with pytest.raises(DatabaseError, match="not a DuckDB database"):
        check_database_file(junk)
    before = time.time()
    cli = subprocess.run([str(Path(sys.executable).with_name("minutes")), "status", "--db", str(junk)],
                         capture_output=True, text=True, cwd=ROOT)
    assert cli.returncode == 1 and "not a DuckDB database" in cli.stderr and "Traceback" not in cli.stderr
    assert junk.read_text().startswith("hello") and time.time() - before < 60


def test_ctrl_c_of_an_ingest_says_what_was_saved_without_tracebacks(tmp_path: Path) -> None:
    src = tmp_path / "in"
    _pdfs(src, 12)
    db = tmp_path / "m.duckdb"
    proc = subprocess.Popen([str(Path(sys.executable).with_name("minutes")), "ingest", str(src), "--db", str(db),
                             "--workers", "1"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    lines = [proc.stderr.readline() for _ in range(3)]
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole process group
    _, rest = proc.communicate(timeout=120)
    assert all(line.startswith("ok ") for line in lines), lines
    assert proc.returncode == 130 and "Traceback" not in rest, rest
    said = re.search(r"interrupted; (\d+) documents saved, run again to continue", rest)
    assert said and 3 <= int(said.group(1)) < 12
    assert _documents(db) == int(said.group(1))  # what it says it saved is published


def test_a_write_ahead_log_left_beside_the_published_file_is_folded_in_first(tmp_path: Path) -> None:
    db = tmp_path / "m.duckdb"
    crash = ("import duckdb, os, sys; con = duckdb.connect(sys.argv[1]); "
             "con.execute(\"SET checkpoint_threshold = '1GB'\"); con.execute('CREATE TABLE t AS SELECT 1 AS x'); "
             "con.execute('INSERT INTO t VALUES (2)'); os.kill(os.getpid(), 9)")
    subprocess.run([sys.executable, "-c", crash, str(db)], timeout=60)
    assert db.with_name("m.duckdb.wal").exists()  # a writer of the old kind died mid-run
    with writing(db) as private:
        con = duckdb.connect(str(private))
        con.execute("INSERT INTO t VALUES (3)")
        con.close()
    assert not db.with_name("m.duckdb.wal").exists()
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT list(x ORDER BY x) FROM t").fetchone()[0] == [1, 2, 3]
    con.close()


WRITER = """
import sys
from pipeline.ingest import ingest_paths
if __name__ == "__main__":
    ingest_paths([sys.argv[1]], sys.argv[2], workers=2, progress=lambda r: print(r.status, flush=True))
"""


def test_a_writer_killed_at_random_points_loses_at_most_the_documents_in_flight(tmp_path: Path) -> None:
    """kill -9 of `ingest` at random moments (copying, adopting, parsing, loading, superseding,
    publishing): the published file stays whole and as it was until a run ends, every document a
    killed run committed is kept by the next, and the end result is that of runs never killed."""
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    src = tmp_path / "in"
    src.mkdir()
    decided = "Hyväksyttiin."
    files = [minutes_pdf(src / f"m{k:02d}.pdf", items=[(k + 1, f"Asia {k}", decided), (k + 2, "Lausunto", decided)])
             for k in range(12)]  # one meeting printed by twelve documents: supersede has work to do
    db = tmp_path / "m.duckdb"
    ingest_paths(files[:2], db, workers=1)
    published = table_rows(db)
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    committed, finished, kills = 2, False, 0
    while not finished:
        proc = subprocess.Popen([sys.executable, str(script), str(src), str(db)], cwd=ROOT,
                                stdout=subprocess.PIPE, text=True)
        said = []
        if kills < 8:  # after 0 to 12 documents (the first ones unchanged), and a little more
            lines = rng.randint(0, 12)
            while len(said) < lines and (line := proc.stdout.readline()):
                said.append(line.strip())
            time.sleep(rng.uniform(0.0, 0.3))
            proc.send_signal(signal.SIGKILL)
            kills += 1
        said += proc.communicate(timeout=120)[0].split()
        unchanged = said.count("unchanged")
        if unchanged == 12 or len(said) > unchanged:  # it got past hashing: it knows what is kept
            assert unchanged >= committed, f"seed {seed}: {committed} committed, {unchanged} kept"
        committed = max(committed, len(said))  # each line is printed after its document committed
        documents = check_whole(db)  # whole: as before the runs, or complete (killed after publishing)
        finished = documents == 12
        assert finished or (documents == 2 and table_rows(db) == published), f"seed {seed}"
        assert finished or proc.returncode == -signal.SIGKILL, f"seed {seed}"
    assert not list(tmp_path.glob(".m.duckdb.*")), f"seed {seed}"
    reference = tmp_path / "ref.duckdb"
    ingest_paths(files[:2], reference, workers=1)
    ingest_paths([src], reference, workers=2)
    assert table_rows(db) == table_rows(reference), f"seed {seed}"
