"""What the harvest remembers between nights, in DuckDB next to the extraction tables.

These are the harvester's own bookkeeping, not extraction records, so they are created here
(CREATE TABLE IF NOT EXISTS) rather than generated from extractors/records.py:

- harvest_fetches: per URL (or POST key) the validators, sha256 and where the body is cached;
- harvest_cursors: last harvested meeting date per (municipality, body) — the incremental cursor;
- harvest_items: the agenda items each system lists, linked to the document they came in;
- harvest_runs: one row per (run, source) with counts of new / unchanged / failed and errors;
- harvest_seen_files: the sha256 of every drop-folder file taken, kept when a later version of
  the file replaces its rows, so an old copy dropped again is not taken as news.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import duckdb

from pipeline.harvest.http import Remembered

DDL: list[str] = [
    """CREATE TABLE IF NOT EXISTS harvest_fetches (
        key VARCHAR PRIMARY KEY, url VARCHAR, status INTEGER, etag VARCHAR, last_modified VARCHAR,
        sha256 VARCHAR, path VARCHAR, content_type VARCHAR, fetched_at TIMESTAMP)""",
    """CREATE TABLE IF NOT EXISTS harvest_documents (
        url VARCHAR PRIMARY KEY, municipality VARCHAR, body VARCHAR, meeting_date DATE,
        meeting_key VARCHAR, kind VARCHAR, sha256 VARCHAR, path VARCHAR, fetched_at TIMESTAMP)""",
    """CREATE TABLE IF NOT EXISTS harvest_cursors (
        municipality VARCHAR, body VARCHAR, last_date DATE, updated_at TIMESTAMP,
        PRIMARY KEY (municipality, body))""",
    """CREATE TABLE IF NOT EXISTS harvest_items (
        item_key VARCHAR PRIMARY KEY, municipality VARCHAR, body VARCHAR, meeting_date DATE,
        meeting_key VARCHAR, section_number INTEGER, title VARCHAR, url VARCHAR, ordinal INTEGER,
        doc_sha256 VARCHAR, seen_at TIMESTAMP)""",
    """CREATE TABLE IF NOT EXISTS harvest_runs (
        run_id VARCHAR, started_at TIMESTAMP, finished_at TIMESTAMP, municipality VARCHAR,
        system VARCHAR, url VARCHAR, meetings_seen INTEGER, items INTEGER, new INTEGER,
        unchanged INTEGER, failed INTEGER, flagged BOOLEAN, errors VARCHAR[], dry_run BOOLEAN)""",
    """CREATE TABLE IF NOT EXISTS harvest_seen_files (
        sha256 VARCHAR PRIMARY KEY, municipality VARCHAR, url VARCHAR, seen_at TIMESTAMP)""",
]


def ensure_tables(con: duckdb.DuckDBPyConnection) -> None:
    for ddl in DDL:
        con.execute(ddl)


class DuckMemory:
    """`FetchMemory` on the harvest_fetches table."""

    def __init__(self, con: duckdb.DuckDBPyConnection, now: dt.datetime, read_only: bool = False) -> None:
        self.con, self.now, self.read_only = con, now, read_only

    def recall(self, key: str) -> Remembered | None:
        row = self.con.execute("SELECT etag, last_modified, sha256, path FROM harvest_fetches WHERE key = ?",
                               [key]).fetchone()
        return Remembered(*row) if row else None

    def remember(self, key: str, url: str, status: int, etag: str | None, last_modified: str | None,
                 sha256: str | None, path: str | None, content_type: str | None) -> None:
        if self.read_only:
            return
        self.con.execute("INSERT OR REPLACE INTO harvest_fetches VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         [key, url, status, etag, last_modified, sha256, path, content_type, self.now])


def known_document(con: duckdb.DuckDBPyConnection, url: str) -> tuple[str, str] | None:
    """(sha256, path) of a document URL fetched before whose bytes the database already holds."""
    row = con.execute(
        """SELECT h.sha256, h.path FROM harvest_documents h JOIN documents d ON d.doc_id = h.sha256
           WHERE h.url = ?""", [url]).fetchone()
    return (row[0], row[1]) if row else None


def seen_content(con: duckdb.DuckDBPyConnection, sha256: str) -> bool:
    """Whether these bytes were taken before, whatever the file was called and however its parse
    went (a failure is recorded once, not retried every night: a corrected file differs)."""
    return con.execute("SELECT 1 FROM harvest_seen_files WHERE sha256 = ? UNION ALL "
                       "SELECT 1 FROM documents WHERE doc_id = ?", [sha256, sha256]).fetchone() is not None


def remember_content(con: duckdb.DuckDBPyConnection, rows: list[tuple[str, str, str]], now: dt.datetime) -> None:
    """rows: (sha256, municipality, url) of files taken, once they are ingested."""
    if rows:
        con.executemany("INSERT OR IGNORE INTO harvest_seen_files VALUES (?, ?, ?, ?)", [[*r, now] for r in rows])


def remember_document(con: duckdb.DuckDBPyConnection, url: str, municipality: str, body: str,
                      meeting_date: dt.date | None, meeting_key: str, kind: str, sha256: str, path: str,
                      now: dt.datetime) -> None:
    con.execute("INSERT OR REPLACE INTO harvest_documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [url, municipality, body, meeting_date, meeting_key, kind, sha256, path, now])


def cursor(con: duckdb.DuckDBPyConnection, municipality: str, body: str) -> dt.date | None:
    row = con.execute("SELECT last_date FROM harvest_cursors WHERE municipality = ? AND body = ?",
                      [municipality, body]).fetchone()
    return row[0] if row else None


def advance_cursor(con: duckdb.DuckDBPyConnection, municipality: str, body: str, last: dt.date,
                   now: dt.datetime) -> None:
    """Move the cursor forward (never back)."""
    old = cursor(con, municipality, body)
    if old is not None and old >= last:
        return
    con.execute("INSERT OR REPLACE INTO harvest_cursors VALUES (?, ?, ?, ?)", [municipality, body, last, now])


def record_items(con: duckdb.DuckDBPyConnection, rows: list[tuple], now: dt.datetime) -> None:
    """rows: (item_key, municipality, body, date, meeting_key, §, title, url, ordinal, doc_sha256)."""
    if rows:
        con.executemany("INSERT OR REPLACE INTO harvest_items VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [[*r, now] for r in rows])


@dataclass
class SourceResult:
    """One source's outcome in one run."""

    municipality: str
    system: str
    url: str
    meetings_seen: int = 0
    items: int = 0
    new: int = 0
    unchanged: int = 0
    failed: int = 0
    flagged: bool = False
    errors: list[str] = field(default_factory=list)
    paths: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failed == 0 and not self.errors


def previous_yield(con: duckdb.DuckDBPyConnection, municipality: str, system: str, url: str,
                   runs: int = 5) -> int | None:
    """The most meetings this source listed in its last few real runs (None: no history)."""
    row = con.execute(
        """SELECT count(*), max(meetings_seen) FROM (SELECT meetings_seen FROM harvest_runs
           WHERE municipality = ? AND system = ? AND url = ? AND NOT dry_run
           ORDER BY started_at DESC LIMIT ?)""", [municipality, system, url, runs]).fetchone()
    return row[1] if row and row[0] else None


def record_run(con: duckdb.DuckDBPyConnection, run_id: str, started: dt.datetime, finished: dt.datetime,
               result: SourceResult, dry_run: bool) -> None:
    con.execute("INSERT INTO harvest_runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [run_id, started, finished, result.municipality, result.system, result.url,
                 result.meetings_seen, result.items, result.new, result.unchanged, result.failed,
                 result.flagged, result.errors, dry_run])


SOURCE_HEALTH_SQL = """
    WITH runs AS (SELECT *, failed > 0 AS failing FROM harvest_runs WHERE NOT dry_run),
    per AS (
        SELECT municipality, system, url, max(started_at) AS last_run,
            max(started_at) FILTER (WHERE NOT failing AND NOT flagged) AS last_success,
            arg_max(new, started_at) AS last_new, arg_max(unchanged, started_at) AS last_unchanged,
            arg_max(meetings_seen, started_at) AS last_listed, arg_max(failing, started_at) AS failing_now,
            arg_max(flagged, started_at) AS flagged_now,
            arg_max(array_to_string(errors[1:2], '; '), started_at) AS last_errors
        FROM runs GROUP BY municipality, system, url)
    SELECT p.municipality, p.system, p.last_run, p.last_success,
        (SELECT min(r.started_at) FROM runs r WHERE r.municipality = p.municipality AND r.system = p.system
            AND r.url = p.url AND (r.failing OR r.flagged)
            AND (p.last_success IS NULL OR r.started_at > p.last_success)) AS failing_since,
        p.last_new, p.last_unchanged, p.last_listed,
        CASE WHEN p.flagged_now THEN 'ZERO YIELD (site changed?)' WHEN p.failing_now THEN 'FAILING'
             WHEN p.last_listed = 0 THEN 'NOTHING LISTED' ELSE 'ok' END AS state,
        p.last_errors, p.url
    FROM per p ORDER BY state = 'ok', p.municipality, p.system"""
"""`minutes status --harvest`: per source, when it last ran and last succeeded, since when it has
been failing, what its last run fetched (new documents, unchanged ones, meetings or files listed),
and its state: ZERO YIELD (it listed meetings before and none now: has the site changed?),
FAILING, NOTHING LISTED (a source that lists nothing, or an empty drop folder) or ok."""
