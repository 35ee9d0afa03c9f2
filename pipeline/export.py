"""`minutes export`: the database's tables and views as CSV, Parquet, Excel or SQLite, described.

Researchers work in R, Excel, pandas and Datasette, not only DuckDB. Every export carries the
column descriptions of docs/schema.md (`pipeline/schemadoc.py`): CSV and Parquet are a folder with
one file per table (plus `columns.csv`; in Parquet also as field and file metadata), Excel one
workbook with a sheet per table and a `columns` sheet, SQLite one file with a `columns` table.
List columns (vote names) become '; '-joined text in CSV and Excel and JSON text in SQLite.
The search index (`section_terms`) and the pipeline's bookkeeping are exported only when named.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from extractors.records import TABLE_RECORDS
from pipeline.schemadoc import table_docs
from pipeline.views import VIEWS

FORMATS = ("csv", "parquet", "xlsx", "sqlite")
NOT_BY_DEFAULT = {"section_terms", "schema_migrations", "ingest_runs"}
XLSX_MAX_ROWS = 1_048_575  # a sheet's rows, less the header
XLSX_MAX_CELL = 32_767  # characters in one cell
BATCH = 10_000
COLUMNS_TABLE = "columns"


class ExportError(ValueError):
    """The export cannot be made as asked (unknown table or format, a sheet too large)."""


def available(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Tables (records first, then any other) and views of the database, in a stable order."""
    present = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
    records = [r.TABLE for r in TABLE_RECORDS if r.TABLE in present]
    views = [v for v in VIEWS if v in present]
    others = sorted(present - set(records) - set(views))
    return records + others + views


def choose(con: duckdb.DuckDBPyConnection, tables: list[str] | None) -> list[str]:
    names = available(con)
    if not tables:
        return [t for t in names if t not in NOT_BY_DEFAULT]
    unknown = [t for t in tables if t not in names]
    if unknown:
        raise ExportError(f"no such table or view: {', '.join(unknown)} (have: {', '.join(names)})")
    return tables


def column_rows(con: duckdb.DuckDBPyConnection, tables: list[str]) -> list[dict[str, str]]:
    """One row per exported column: table, column, type, description (from docs/schema.md)."""
    docs = table_docs()
    rows = []
    for table in tables:
        doc = docs.get(table)
        for name, typ, *_ in con.execute(f'DESCRIBE "{table}"').fetchall():
            rows.append({"table": table, "column": name, "type": typ,
                         "description": doc.columns.get(name, "") if doc else "",
                         "table_description": doc.description if doc else ""})
    return rows


def _flat(value: object, list_sep: str | None) -> object:
    if isinstance(value, list):
        return list_sep.join(map(str, value)) if list_sep is not None else json.dumps(value, ensure_ascii=False)
    return value


def _rows(con: duckdb.DuckDBPyConnection, table: str, list_sep: str | None) -> Iterator[tuple[list[str], list]]:
    cur = con.execute(f'SELECT * FROM "{table}"')
    names = [d[0] for d in cur.description]
    while chunk := cur.fetchmany(BATCH):
        yield names, [[_flat(v, list_sep) for v in row] for row in chunk]


def export_csv(con: duckdb.DuckDBPyConnection, tables: list[str], out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for table in tables:
        path = out / f"{table}.csv"
        with path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            header = [d[0] for d in con.execute(f'SELECT * FROM "{table}" LIMIT 0').description]
            writer.writerow(header)
            for _, rows in _rows(con, table, "; "):
                writer.writerows(rows)
        written.append(path)
    written.append(_write_columns_csv(column_rows(con, tables), out / f"{COLUMNS_TABLE}.csv"))
    return written


def _write_columns_csv(rows: list[dict[str, str]], path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]) if rows else ["table", "column"])
        writer.writeheader()
        writer.writerows(rows)
    return path


def export_parquet(con: duckdb.DuckDBPyConnection, tables: list[str], out: Path) -> list[Path]:
    """One Parquet file per table; each field's metadata holds its `description`, the file's
    metadata the table's `description` and `columns` (JSON column -> description)."""
    out.mkdir(parents=True, exist_ok=True)
    docs = table_docs()
    written = []
    for table in tables:
        doc = docs.get(table)
        arrow = con.sql(f'SELECT * FROM "{table}"').to_arrow_table()
        described = {f.name: (doc.columns.get(f.name, "") if doc else "") for f in arrow.schema}
        fields = [f.with_metadata({"description": described[f.name]}) for f in arrow.schema]
        schema = pa.schema(fields, metadata={"table": table, "description": doc.description if doc else "",
                                             "columns": json.dumps(described, ensure_ascii=False)})
        path = out / f"{table}.parquet"
        pq.write_table(arrow.cast(schema), path)
        written.append(path)
    written.append(_write_columns_csv(column_rows(con, tables), out / f"{COLUMNS_TABLE}.csv"))
    return written


def export_xlsx(con: duckdb.DuckDBPyConnection, tables: list[str], out: Path) -> list[Path]:
    """One workbook: a `columns` sheet first, then a sheet per table (names cut to Excel's 31)."""
    from openpyxl import Workbook

    for table in tables:
        n = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        if n > XLSX_MAX_ROWS:
            raise ExportError(f"{table} has {n} rows, more than an Excel sheet holds; export it as csv or parquet")
    out.parent.mkdir(parents=True, exist_ok=True)
    book = Workbook(write_only=True)
    described = column_rows(con, tables)
    sheet = book.create_sheet(COLUMNS_TABLE)
    sheet.append(list(described[0]) if described else ["table", "column"])
    for row in described:
        sheet.append(list(row.values()))
    for table in tables:
        sheet = book.create_sheet(table[:31])
        header_written = False
        for names, rows in _rows(con, table, "; "):
            if not header_written:
                sheet.append(names)
                header_written = True
            for row in rows:
                sheet.append([_cell(v) for v in row])
        if not header_written:
            sheet.append([d[0] for d in con.execute(f'SELECT * FROM "{table}" LIMIT 0').description])
    book.save(out)
    return [out]


def _cell(value: object) -> object:
    """A value Excel accepts: text without control characters, at most 32 767 characters."""
    if isinstance(value, str):
        value = "".join(c for c in value if c >= " " or c in "\t\n")
        return value[:XLSX_MAX_CELL]
    return value


_SQLITE_TYPES = {"BOOLEAN": "INTEGER", "INTEGER": "INTEGER", "BIGINT": "INTEGER", "HUGEINT": "INTEGER",
                 "DOUBLE": "REAL", "FLOAT": "REAL", "DECIMAL": "REAL"}


def export_sqlite(con: duckdb.DuckDBPyConnection, tables: list[str], out: Path) -> list[Path]:
    """One SQLite file (replaced if it exists): every table and view as a table, plus `columns`."""
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists():
        out.unlink()
    lite = sqlite3.connect(out)
    try:
        for table in tables:
            cols = con.execute(f'DESCRIBE "{table}"').fetchall()
            ddl = ", ".join(f'"{name}" {_SQLITE_TYPES.get(typ.split("(")[0], "TEXT")}' for name, typ, *_ in cols)
            lite.execute(f'CREATE TABLE "{table}" ({ddl})')
            marks = ", ".join("?" for _ in cols)
            for _, rows in _rows(con, table, None):
                lite.executemany(f'INSERT INTO "{table}" VALUES ({marks})', [[_sqlite(v) for v in r] for r in rows])
        described = column_rows(con, tables)
        lite.execute(f'CREATE TABLE "{COLUMNS_TABLE}" ("table" TEXT, "column" TEXT, type TEXT, description TEXT, '
                     "table_description TEXT)")
        lite.executemany(f'INSERT INTO "{COLUMNS_TABLE}" VALUES (?, ?, ?, ?, ?)',
                         [list(r.values()) for r in described])
        lite.commit()
    finally:
        lite.close()
    return [out]


def _sqlite(value: object) -> object:
    """A value sqlite3 stores: booleans as 0/1, dates and times as ISO text, decimals as floats."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


WRITERS = {"csv": export_csv, "parquet": export_parquet, "xlsx": export_xlsx, "sqlite": export_sqlite}


def export(db: Path | str, fmt: str, out: Path, tables: list[str] | None = None) -> list[Path]:
    """Export the chosen tables and views (all but the search index by default); returns the files."""
    if fmt not in WRITERS:
        raise ExportError(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")
    con = duckdb.connect(str(db), read_only=True)
    try:
        return WRITERS[fmt](con, choose(con, tables), Path(out))
    finally:
        con.close()
