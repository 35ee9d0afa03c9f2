"""The `minutes` console script as a user runs it: exit codes, summary, status."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb

from tests.pdfmaker import minutes_pdf

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
    assert "is not a DuckDB database" in done.stderr and "Traceback" not in done.stderr
    assert not_a_db.read_text() == "this is not a DuckDB file"  # refused, not overwritten


def test_usage_mistakes_are_one_line_with_a_hint(tmp_path: Path) -> None:
    db = str(tmp_path / "m.duckdb")
    for args, said in ((["--timeout", "0"], "--timeout must be a positive"),
                       (["--municipality", "Helsinkii"], "did you mean Helsinki")):
        done = run("ingest", "data/raw", "--db", db, *args)
        assert done.returncode == 2 and said in done.stderr and len(done.stderr.strip().splitlines()) == 1
    (tmp_path / "empty").mkdir()
    (tmp_path / "odd").mkdir()
    (tmp_path / "odd" / "budget.xlsx").write_bytes(b"PK")
    assert "no files at all" in run("ingest", str(tmp_path / "empty"), "--db", db).stderr
    done = run("ingest", str(tmp_path / "odd"), "--db", db)
    assert done.returncode == 2 and "only 1 files of other kinds" in done.stderr
    assert not Path(db).exists()


def test_exit_4_when_a_document_failed_json_summary_and_version(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a PDF")
    (src / "notes.docx").write_bytes(b"PK")
    minutes_pdf(src / "ok.pdf", items=[(1, "Kokouksen laillisuus", "Todettiin.")])
    db = str(tmp_path / "m.duckdb")
    done = run("ingest", str(src), "--db", db, "--json")
    assert done.returncode == 4, done.stderr
    summary = json.loads(done.stdout)
    assert summary["failed"] == 1 and summary["skipped"] == 1 and summary["documents"] == 2
    assert summary["problems"][0]["path"].endswith("broken.pdf") and summary["problems"][0]["error"]
    assert run("ingest", str(src), "--db", db, "--allow-failures", "--force").returncode == 0
    version = run("--version")
    assert version.returncode == 0 and version.stdout.startswith("minutes ")


def test_every_command_has_help(cli_commands: list[tuple[str, ...]]) -> None:
    assert {("ingest",), ("status",), ("eval",), ("harvest",)} <= set(cli_commands)
    for command in cli_commands:
        done = run(*command, "--help")
        assert done.returncode == 0 and "Example" in done.stdout, command


def test_help_shows_flags_as_flags_and_every_command_has_h_quiet_version(cli_commands) -> None:
    top = run("-h")
    assert top.returncode == 0 and "<bool>" not in top.stdout and "--version" in top.stdout
    for command in cli_commands:
        done = run(*command, "-h")
        assert done.returncode == 0, (command, done.stderr)
        assert "<bool>" not in done.stdout, command  # typer's rich panel printed `--force <bool>`
        assert "-q, --quiet" in done.stdout and "--version" in done.stdout, command
        assert run(*command, "--version").stdout.startswith("minutes "), command
    flags = [line.split()[0] for line in run("ingest", "-h").stdout.splitlines() if line.startswith("  --")]
    assert {"--force", "--allow-failures", "--json"} <= set(flags)


def test_quiet_prints_nothing_but_errors_and_json_stays_machine_readable(tmp_path: Path) -> None:
    db = str(tmp_path / "m.duckdb")
    quiet = run("ingest", "data/raw", "--db", db, "--quiet")
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")
    both = run("ingest", "data/raw", "--db", db, "--force", "-q", "--json")  # no per-document lines on stderr
    assert both.returncode == 0 and both.stderr == "" and json.loads(both.stdout)["ok"] == 6
    shown = json.loads(run("status", "--db", db, "--json").stdout)
    assert sum(r["documents"] for r in shown["documents by status"]) == 6
    assert shown["contents"][0]["items"] == 14 == json.loads(both.stdout)["items"]
    assert run("status", "--db", db, "-q").stdout == ""
    missing = run("status", "--db", str(tmp_path / "none.duckdb"), "--quiet")
    assert missing.returncode == 2 and "no database" in missing.stderr  # errors still said
    out = tmp_path / "csv"
    written = json.loads(run("export", "--format", "csv", "--out", str(out), "--tables", "documents",
                             "--db", db, "--json").stdout)
    assert {Path(w["path"]).name for w in written} >= {"documents.csv"}
    assert all(Path(w["path"]).stat().st_size == w["bytes"] for w in written)
    found = run("search", "koulu", "--db", db, "--quiet")
    assert (found.returncode, found.stdout) == (0, "")
    nothing = run("search", "zzkvqxy", "--db", db, "--quiet")  # like grep -q: 1 when nothing matches
    assert (nothing.returncode, nothing.stdout) == (1, "")
