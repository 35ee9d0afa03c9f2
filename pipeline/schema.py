"""The DuckDB schema promised to researchers, derived from `extractors.records`.

Tables are generated from the record dataclasses so that the two cannot drift; `ensure_schema`
creates what is missing and adds new columns to an existing database, recording each change in
`schema_migrations` (the sqlite-utils habit), so old databases keep working after an upgrade.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import fields
from functools import cache

import duckdb

from extractors import records as R
from pipeline.search import create_search_macros
from pipeline.views import VIEWS

PRIMARY_KEYS: dict[str, str] = {
    "documents": "doc_id",
    "meetings": "meeting_id",
    "agenda_items": "item_id",
    "goals": "goal_id",
    "followups": "row_id",
    "budget_lines": "line_id",
}

_SQL_TYPES: dict[object, str] = {
    str: "VARCHAR",
    int: "INTEGER",
    float: "DOUBLE",
    bool: "BOOLEAN",
    dt.date: "DATE",
    dt.datetime: "TIMESTAMP",
    tuple[str, ...]: "VARCHAR[]",
    tuple[int, ...]: "INTEGER[]",
}

# Extra tables that are not extraction output (kept by the pipeline itself).
EXTRA_DDL: list[str] = [
    """CREATE TABLE IF NOT EXISTS schema_migrations (
        id INTEGER, description VARCHAR, applied_at TIMESTAMP DEFAULT current_timestamp)""",
    """CREATE TABLE IF NOT EXISTS ingest_runs (
        run_id VARCHAR PRIMARY KEY, started_at TIMESTAMP, finished_at TIMESTAMP,
        documents INTEGER, ok INTEGER, partial INTEGER, failed INTEGER, skipped INTEGER)""",
]



def sql_type(annotation: object) -> str:
    """Map a record field annotation (``str | None``, ``tuple[str, ...]``...) to a DuckDB type."""
    if isinstance(annotation, str):
        annotation = eval(annotation, {**vars(typing), "dt": dt})  # noqa: S307 - our own annotations
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        annotation = args[0]
    return _SQL_TYPES[annotation]


@cache
def table_columns(record_type: type) -> list[tuple[str, str]]:
    hints = typing.get_type_hints(record_type)
    return [(f.name, sql_type(hints[f.name])) for f in fields(record_type)]


def create_table_sql(record_type: type) -> str:
    table = record_type.TABLE
    cols = []
    for name, typ in table_columns(record_type):
        pk = " PRIMARY KEY" if PRIMARY_KEYS.get(table) == name else ""
        cols.append(f"{name} {typ}{pk}")
    return f"CREATE TABLE IF NOT EXISTS {table} (\n    " + ",\n    ".join(cols) + "\n)"


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create missing tables and columns and (re)create views. Safe to call on every connection.

    One transaction: one commit instead of one for each of some fifty statements."""
    con.execute("BEGIN TRANSACTION")
    try:
        _ensure(con)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _ensure(con: duckdb.DuckDBPyConnection) -> None:
    for ddl in EXTRA_DDL:
        con.execute(ddl)
    existing = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
    for record_type in R.TABLE_RECORDS:
        table = record_type.TABLE
        if table not in existing:
            con.execute(create_table_sql(record_type))
            _record(con, f"create table {table}")
            continue
        have = {r[0] for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]).fetchall()}
        for name, typ in table_columns(record_type):
            if name not in have:
                con.execute(f"ALTER TABLE {table} ADD COLUMN {name} {typ}")
                _record(con, f"add column {table}.{name}")
    for name, select in VIEWS.items():
        con.execute(f"CREATE OR REPLACE VIEW {name} AS {select}")
    create_search_macros(con)


def _record(con: duckdb.DuckDBPyConnection, description: str) -> None:
    next_id = con.execute("SELECT coalesce(max(id), 0) + 1 FROM schema_migrations").fetchone()[0]
    con.execute("INSERT INTO schema_migrations (id, description) VALUES (?, ?)", [next_id, description])
