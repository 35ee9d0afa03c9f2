"""`minutes serve`: the database in Datasette, described, faceted, with the researcher's questions.

Datasette reads SQLite, so the DuckDB file is exported (`pipeline/export.py`) to a SQLite file
beside it, rebuilt when the database is newer. The metadata comes from docs/schema.md (table and
column descriptions, `pipeline/schemadoc.py`) and pipeline/questions.py (canned queries); tables
get facets on municipality, body, year and outcome where they have them, `year` being added as a
generated column to tables that only have a meeting date.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from pathlib import Path

from pipeline.export import export
from pipeline.questions import BUDGET_TITLE, QUESTIONS, budget_columns, budget_sql
from pipeline.schemadoc import table_docs

DEFAULT_PORT = 8001
DEFAULT_HOST = "127.0.0.1"
FACETS = ("municipality", "body", "year", "outcome")


def sqlite_path(db: Path) -> Path:
    return db.with_suffix(".sqlite")


def build(db: Path, force: bool = False) -> tuple[Path, Path]:
    """(SQLite file, metadata.json) for Datasette, rebuilt when the DuckDB file is newer."""
    lite, meta = sqlite_path(db), db.with_suffix(".datasette.json")
    if force or not lite.exists() or not meta.exists() or lite.stat().st_mtime < db.stat().st_mtime:
        export(db, "sqlite", lite)
        _add_years(lite)
        meta.write_text(json.dumps(metadata(lite), ensure_ascii=False, indent=1), encoding="utf-8")
    return lite, meta


def _columns(con: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in con.execute(f'PRAGMA table_xinfo("{table}")')]


def _add_years(lite: Path) -> None:
    """A generated `year` column (first four characters of meeting_date) where there is none."""
    con = sqlite3.connect(lite)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            cols = _columns(con, table)
            if "meeting_date" in cols and "year" not in cols:
                con.execute(f'ALTER TABLE "{table}" ADD COLUMN year INTEGER '
                            "GENERATED ALWAYS AS (CAST(substr(meeting_date, 1, 4) AS INTEGER)) VIRTUAL")
        con.commit()
    finally:
        con.close()


def metadata(lite: Path) -> dict:
    """Datasette metadata: descriptions, facets and canned queries for the SQLite export."""
    docs = table_docs()
    con = sqlite3.connect(lite)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        described: dict[str, dict] = {}
        for table in tables:
            cols = _columns(con, table)
            doc = docs.get(table)
            entry: dict = {"facets": [c for c in FACETS if c in cols]}
            if doc:
                entry["description"] = doc.description
                entry["columns"] = {c: doc.columns[c] for c in cols if doc.columns.get(c)}
            if "year" in cols and "year" not in (doc.columns if doc else {}):
                entry.setdefault("columns", {})["year"] = "year of meeting_date (added for Datasette)"
            described[table] = entry
        queries = {q.name: {"title": q.title, "sql": q.sql.strip()} for q in QUESTIONS}
        budget = budget_sql(budget_columns(con))
        if budget:
            queries["budget_against_outturn"] = {"title": BUDGET_TITLE, "sql": budget.strip()}
    finally:
        con.close()
    return {
        "title": "fi-minutes",
        "description": "Finnish municipal minutes, goals and follow-ups. Every row names its document "
                       "(doc_id, the SHA-256 of the file) and, where known, its page.",
        "databases": {lite.stem: {"tables": described, "queries": queries}},
    }


def serve(db: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> None:
    """Become Datasette serving the export (exec: signals reach the server itself, no orphan)."""
    lite, meta = build(db)
    cmd = [sys.executable, "-m", "datasette", "serve", str(lite), "--metadata", str(meta),
           "--host", host, "--port", str(port), "--setting", "sql_time_limit_ms", "5000"]
    sys.stdout.flush()
    os.execv(sys.executable, cmd)
