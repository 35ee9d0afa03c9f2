"""DuckDB storage: connect, and write one document's extraction in one transaction.

A document is keyed by the sha256 of its bytes. Writing deletes every earlier row of the same
document and of any earlier version of the same source (a changed file replaces its rows), then
inserts the new rows; all of it commits at once or not at all, so a crash mid-load leaves the
database as it was.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from extractors import records as R
from pipeline.schema import ensure_schema, table_columns
from pipeline.transaction import transaction

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


@dataclass
class Packed:
    """A document's extraction as columns: its `documents` row, and for each other table its
    rows as one list per column (in `table_columns` order). Workers send this instead of record
    objects: thousands of search-term records cost more to pickle and unpickle than to load."""

    document: R.Document
    tables: list[tuple[type, list[list]]]


def pack(rows: Iterable) -> list[tuple[type, list[list]]]:
    """Records grouped by table, in the order given, each group as one list per column."""
    by_type: dict[type, list] = {}
    for row in rows:
        by_type.setdefault(type(row), []).append(row)
    out = []
    for record_type, group in by_type.items():
        get = operator.attrgetter(*(name for name, _ in table_columns(record_type)))  # flat: no deep copy
        tuples = map(get, group) if len(table_columns(record_type)) > 1 else ((get(r),) for r in group)
        out.append((record_type, [list(column) for column in zip(*tuples, strict=True)]))
    return out


def pack_extraction(extraction: R.Extraction | Packed) -> Packed:
    if isinstance(extraction, Packed):
        return extraction
    return Packed(extraction.document, pack(r for r in extraction.rows if not isinstance(r, R.Document)))


def insert_columns(con: duckdb.DuckDBPyConnection, record_type: type, columns: list[list]) -> None:
    """One INSERT of a table's rows given as columns: each column is one list parameter, unnested
    in the statement (`SELECT unnest($1::T[]), unnest($2::U[]), ...`, the lists zipped into rows).

    The cost hardly grows with the number of rows: the 28,000 rows of 8 Lapua minutes (most of
    them search terms) took 1.85 CPU s as multi-row VALUES and take 0.3 s so; `executemany` would
    run one statement per row. Through Arrow the search terms would load in a third of the time,
    but DuckDB's Arrow scan imports pandas (0.25 s a run), which costs more than it saves for a
    batch of 20 documents.
    """
    cols = table_columns(record_type)
    values = [[list(v) if v is not None else v for v in column] if typ.endswith("[]") else column
              for column, (_, typ) in zip(columns, cols, strict=True)]
    unnested = ", ".join(f"unnest(${i + 1}::{typ}[])" for i, (_, typ) in enumerate(cols))
    con.execute(f"INSERT INTO {record_type.TABLE} ({', '.join(name for name, _ in cols)}) SELECT {unnested}", values)


def insert_rows(con: duckdb.DuckDBPyConnection, rows: list) -> None:
    """Insert table records, grouped by table, in the order given: one INSERT per table."""
    for record_type, columns in pack(rows):
        insert_columns(con, record_type, columns)


def write_extraction(con: duckdb.DuckDBPyConnection, extraction: R.Extraction | Packed,
                     now: dt.datetime | None = None) -> None:
    """Replace the document's rows with this extraction, atomically."""
    packed = pack_extraction(extraction)
    stamp = now or dt.datetime.now()
    doc = R.Document(**{**packed.document.__dict__, "ingested_at": stamp})
    with transaction(con):
        delete_documents(con, _doc_ids_to_replace(con, doc))
        insert_rows(con, [doc])
        for record_type, columns in packed.tables:
            insert_columns(con, record_type, columns)
