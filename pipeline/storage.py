"""DuckDB storage: connect, and write one document's extraction in one transaction.

A document is keyed by the sha256 of its bytes. Writing deletes every earlier row of the same
document and of any earlier version of the same source (a changed file replaces its rows), then
inserts the new rows; all of it commits at once or not at all, so a crash mid-load leaves the
database as it was.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import astuple
from pathlib import Path

import duckdb

from extractors import records as R
from pipeline.schema import ensure_schema

DEFAULT_DB = Path("data/processed/minutes.duckdb")


def connect(db_path: str | Path = DEFAULT_DB, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) the database and bring its schema up to date."""
    db_path = Path(db_path)
    if not read_only:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(db_path), read_only=read_only)
    if not read_only:
        ensure_schema(con)
    return con


def known_documents(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """doc_id -> status of every document already in the database."""
    return dict(con.execute("SELECT doc_id, status FROM documents").fetchall())


def _doc_ids_to_replace(con: duckdb.DuckDBPyConnection, doc: R.Document) -> list[str]:
    rows = con.execute(
        "SELECT doc_id FROM documents WHERE doc_id = ? OR source = ?", [doc.doc_id, doc.source]
    ).fetchall()
    return [r[0] for r in rows]


def delete_documents(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> None:
    """Delete every row of these documents from every table (children first)."""
    if not doc_ids:
        return
    marks = ", ".join("?" for _ in doc_ids)
    for record_type in reversed(R.TABLE_RECORDS):
        con.execute(f"DELETE FROM {record_type.TABLE} WHERE doc_id IN ({marks})", doc_ids)


def _value(v: object) -> object:
    return list(v) if isinstance(v, tuple) else v


INSERT_CHUNK_ROWS = 200  # rows per INSERT statement: one statement costs about what one row does


def insert_rows(con: duckdb.DuckDBPyConnection, rows: list) -> None:
    """Insert table records, grouped by table, in the order given, as multi-row INSERTs.

    DuckDB runs `executemany` as one statement per row (≈ 1 ms each); one INSERT of a few hundred
    rows costs about as much as one row, and needs neither pandas nor Arrow.
    """
    by_type: dict[type, list] = {}
    for row in rows:
        by_type.setdefault(type(row), []).append(row)
    for record_type, group in by_type.items():
        cols = R.columns(record_type)
        head = f"INSERT INTO {record_type.TABLE} ({', '.join(cols)}) VALUES "
        marks = f"({', '.join('?' for _ in cols)})"
        for start in range(0, len(group), INSERT_CHUNK_ROWS):
            part = group[start:start + INSERT_CHUNK_ROWS]
            con.execute(head + ", ".join([marks] * len(part)), [_value(v) for r in part for v in astuple(r)])


def write_extraction(con: duckdb.DuckDBPyConnection, extraction: R.Extraction,
                     now: dt.datetime | None = None) -> None:
    """Replace the document's rows with this extraction, atomically."""
    doc = extraction.document
    stamp = now or dt.datetime.now()
    doc = R.Document(**{**doc.__dict__, "ingested_at": stamp})
    con.execute("BEGIN TRANSACTION")
    try:
        delete_documents(con, _doc_ids_to_replace(con, doc))
        insert_rows(con, [doc])
        insert_rows(con, [r for r in extraction.rows if not isinstance(r, R.Document)])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
