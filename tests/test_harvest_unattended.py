"""The nightly harvest left alone, run as cron runs it: a real `minutes harvest` process against a
drop folder and a refused port, into a real DuckDB, with its real rotating log file."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import duckdb

from tests.pdfmaker import minutes_pdf

ROOT = Path(__file__).resolve().parents[1]
MINUTES = Path(sys.executable).with_name("minutes")
OLD = 1577836800  # 2020-01-01: the modification time a late file keeps (cp -p, mv, an unpacked archive)


def harvest(config: Path, db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(MINUTES), "harvest", "--config", str(config), "--db", str(db),
                           "--data-dir", str(db.parent / "raw"), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)


def folder_config(tmp: Path, drop: Path, **settings) -> Path:
    lines = ["[harvest]", "enrich = false", "publish = false",
             *(f"{k} = {json.dumps(v)}" for k, v in settings.items()),
             "[[source]]", 'municipality = "Kauhava"', 'system = "folder"', f"url = {json.dumps(str(drop))}",
             'body = "Kunnanhallitus"']
    path = tmp / "sources.toml"
    path.write_text("\n".join(lines) + "\n")
    return path


def refused_config(tmp: Path, **settings) -> Path:
    with socket.socket() as sock:  # a port nobody listens on: bind, note it, close
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    lines = ["[harvest]", "enrich = false", "publish = false", "retries = 0",
             *(f"{k} = {json.dumps(v)}" for k, v in settings.items()),
             "[[source]]", 'municipality = "Espoo"', 'system = "dynasty"', f'url = "http://127.0.0.1:{port}/kokous/"',
             "delay_s = 0"]
    path = tmp / "refused.toml"
    path.write_text("\n".join(lines) + "\n")
    return path


def documents(db: Path) -> dict[str, str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return dict(con.execute("SELECT doc_id, file_name FROM documents").fetchall())
    finally:
        con.close()


def summary(done: subprocess.CompletedProcess) -> dict:
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(done.stdout)["sources"][0]


def test_drop_folder_takes_late_files_by_content_not_by_date(tmp_path: Path) -> None:
    drop, db = tmp_path / "drop", tmp_path / "db" / "minutes.duckdb"
    drop.mkdir()
    first = minutes_pdf(drop / "Pöytäkirja-Kunnanhallitus - 03.03.2025.pdf", body="Kunnanhallitus", date="3.3.2025",
                        items=[(10, "Talousarvion muutos", "Hyväksyttiin.")])
    config = folder_config(tmp_path, drop)
    assert summary(harvest(config, db, "--json"))["new"] == 1

    # dropped late: an old modification time and no date in the name, so it is older than any cursor
    late = minutes_pdf(drop / "poytakirja_liite.pdf", body="Kunnanhallitus", date="12.2.2025",
                       items=[(5, "Lausunto kaavasta", "Hyväksyttiin.")])
    os.utime(late, (OLD, OLD))
    again = drop / "kopio.pdf"  # the first file dropped again under another name
    again.write_bytes(first.read_bytes())
    second = summary(harvest(config, db, "--json"))
    assert (second["new"], second["unchanged"], second["failed"]) == (1, 2, 0), second
    assert set(documents(db).values()) == {"poytakirja_liite.pdf", "Pöytäkirja-Kunnanhallitus - 03.03.2025.pdf"}
    stored = [p.name for p in (db.parent / "raw").rglob("*.pdf")]
    assert "kopio.pdf" not in stored, "a file already held is not stored a second time"

    # edited in place, its old modification time put back: new content, so a new version (it
    # replaces the earlier version's rows, as a changed file does: pipeline/storage.py)
    before = {name: doc for doc, name in documents(db).items()}
    minutes_pdf(first, body="Kunnanhallitus", date="3.3.2025",
                items=[(10, "Talousarvion muutos", "Asia palautettiin uudelleen valmisteltavaksi.")])
    os.utime(first, (OLD, OLD))
    third = summary(harvest(config, db, "--json"))
    assert (third["new"], third["unchanged"]) == (1, 2), third
    after = {name: doc for doc, name in documents(db).items()}
    assert after[first.name] != before[first.name] and after[late.name] == before[late.name]

    assert summary(harvest(config, db, "--json"))["new"] == 0  # nothing changed: nothing taken
    for f in drop.iterdir():  # the operator empties the drop folder: not a site redesign (exit 5)
        f.unlink()
    emptied = harvest(config, db, "--json")
    assert emptied.returncode == 0 and summary(emptied)["flagged"] is False
    shown = subprocess.run([str(MINUTES), "status", "--harvest", "--json", "--db", str(db)],
                           cwd=ROOT, capture_output=True, text=True, timeout=120)
    source = json.loads(shown.stdout)["harvest sources"][0]
    assert source["state"] == "NOTHING LISTED" and source["last_success"] is not None
    log = (db.parent / "harvest.log").read_text()  # the default log, beside the database
    assert log.count(" ingest ok ") == 3 and "Traceback" not in log  # one line per document parsed


def test_log_rotates_and_expected_failures_are_one_line(tmp_path: Path) -> None:
    db, log = tmp_path / "minutes.duckdb", tmp_path / "logs" / "harvest.log"
    config = refused_config(tmp_path, log_max_mb=0.001, log_backups=2)  # about 1 kB a file
    for _ in range(5):
        done = harvest(config, db, "--log-file", str(log), "--quiet")
        assert done.returncode == 1 and done.stdout == "" and done.stderr == "", done
    files = sorted(p.name for p in log.parent.iterdir())
    assert files == ["harvest.log", "harvest.log.1", "harvest.log.2"], files
    text = "".join(p.read_text() for p in log.parent.iterdir())
    assert "Traceback" not in text
    refused = [line for line in text.splitlines() if "cannot connect" in line and " ERROR " in line]
    assert refused and all(line.startswith("20") for line in text.splitlines()), "one line per entry"
    assert all(p.stat().st_size < 2048 for p in log.parent.iterdir())
    shown = subprocess.run([str(MINUTES), "status", "--harvest", "--json", "--db", str(db)],
                           cwd=ROOT, capture_output=True, text=True, timeout=120)
    source = json.loads(shown.stdout)["harvest sources"][0]
    assert source["state"] == "FAILING" and source["last_success"] is None and source["failing_since"]
    assert source["failing_since"] < source["last_run"]  # failing for five runs, since the first


def test_an_unexpected_error_is_one_line_for_the_operator_and_a_traceback_in_the_log(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the database folder should be")
    log = tmp_path / "harvest.log"
    done = subprocess.run([str(MINUTES), "harvest", "--config", str(refused_config(tmp_path)),
                           "--db", str(blocker / "minutes.duckdb"), "--log-file", str(log)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "fatal: FileExistsError" in done.stderr, done.stderr
    assert f"traceback in {log}" in done.stderr
    text = log.read_text()
    assert "Traceback (most recent call last)" in text and "harvest stopped by an unexpected error" in text
