"""The `minutes` console script as a user runs it: exit codes, summary, status."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
MINUTES = Path(sys.executable).with_name("minutes")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(MINUTES), *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_ingest_the_bundled_sample_then_status(tmp_path: Path) -> None:
    db = tmp_path / "m.duckdb"
    done = run("ingest", "data/raw", "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert "all" in done.stdout and "Ylöjärvi" in done.stdout
    con = duckdb.connect(str(db), read_only=True)
    statuses = dict(con.execute("SELECT file_name, status FROM documents").fetchall())
    con.close()
    assert len(statuses) == 6 and set(statuses.values()) == {"ok"}
    status = run("status", "--db", str(db))
    assert status.returncode == 0
    assert "documents by status" in status.stdout and "Sivistyslautakunta" in status.stdout


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("ingest", str(tmp_path / "missing.pdf"), "--db", str(tmp_path / "m.duckdb")).returncode == 2
    assert run("ingest", "--workers", "zero", "data/raw").returncode == 2
    assert run("status", "--db", str(tmp_path / "none.duckdb")).returncode == 2
    assert run("eval", str(tmp_path / "nowhere")).returncode == 2


def test_fatal_error_exits_1(tmp_path: Path) -> None:
    not_a_db = tmp_path / "db"
    not_a_db.write_text("this is not a DuckDB file")
    done = run("ingest", "data/raw", "--db", str(not_a_db))
    assert done.returncode == 1
    assert "fatal" in done.stderr


def test_every_command_has_help(cli_commands: list[tuple[str, ...]]) -> None:
    assert {("ingest",), ("status",), ("eval",), ("harvest",)} <= set(cli_commands)
    for command in cli_commands:
        done = run(*command, "--help")
        assert done.returncode == 0 and "Example" in done.stdout, command
