"""What tests of writers read back from a database file: every row, and the checks that no
document is there by halves or twice."""

from __future__ import annotations

from pathlib import Path

import duckdb

TABLES = ("documents", "meetings", "agenda_items", "item_sections", "decisions")


def table_rows(db: Path) -> dict[str, list]:
    """Every row of the main tables, sorted, without what differs between two databases loaded
    from the same files (the file's path and the time of the run)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table in TABLES:
            rel = con.execute(f"SELECT * FROM {table}")
            cols = [d[0] for d in rel.description]
            out[table] = sorted(repr([v for c, v in zip(cols, row, strict=True) if c not in ("ingested_at", "source")])
                                for row in rel.fetchall())
        return out
    finally:
        con.close()


def check_whole(db: Path) -> int:
    """Assert that every document is there once and whole (its rows as many as it says); the
    number of documents."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
        assert one("SELECT count(*) - count(DISTINCT doc_id) FROM documents") == 0
        assert one("SELECT count(*) - count(DISTINCT item_id) FROM agenda_items") == 0
        for table in TABLES[1:]:
            assert one(f"SELECT count(*) FROM {table} WHERE doc_id NOT IN (SELECT doc_id FROM documents)") == 0
        assert one("""SELECT count(*) FROM documents d WHERE d.item_count <>
                      (SELECT count(*) FROM agenda_items a WHERE a.doc_id = d.doc_id)""") == 0
        assert one("""SELECT count(*) FROM documents d WHERE d.meeting_count <>
                      (SELECT count(*) FROM meetings m WHERE m.doc_id = d.doc_id)""") == 0
        return one("SELECT count(*) FROM documents")
    finally:
        con.close()
