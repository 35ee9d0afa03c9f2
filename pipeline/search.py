"""Full-text search over section texts, ranked with BM25, as SQL macros stored in the database.

DuckDB's fts extension cannot be installed offline, so the index is our own `section_terms` table,
written at ingest from Voikko baseforms and compound parts (`extractors/text/terms.py`). Two macros:

- `minutes_search_terms(['koulu', 'kuljetus'])`: BM25 over the given terms (k1 1.2, b 0.75);
- `minutes_search('koulu kuljetus')`: the same for words typed as they are, each taken as a term
  or mapped to its terms through the word forms the corpus holds (`surface`), so it needs nothing
  but DuckDB: `SELECT * FROM minutes_search('kouluissa') WHERE year = 2025 LIMIT 10`.

`search()` (the `minutes search` command) analyses the query with Voikko and calls the first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import duckdb

from extractors.text.terms import query_terms

K1 = 1.2
B = 0.75
SNIPPET_BEFORE = 70
SNIPPET_AFTER = 90

_SNIPPET = f"""CASE WHEN p = 0 THEN left(s.text, {SNIPPET_BEFORE + SNIPPET_AFTER})
    ELSE (CASE WHEN p > {SNIPPET_BEFORE + 1} THEN '…' ELSE '' END)
         || substr(s.text, greatest(p - {SNIPPET_BEFORE}, 1), p - greatest(p - {SNIPPET_BEFORE}, 1))
         || '«' || substr(s.text, p, length(sc.surface)) || '»'
         || substr(s.text, p + length(sc.surface), {SNIPPET_AFTER})
         || (CASE WHEN p + length(sc.surface) + {SNIPPET_AFTER} <= length(s.text) THEN '…' ELSE '' END) END"""

SEARCH_MACROS: dict[str, str] = {
    "minutes_search_terms": f"""(query_terms) AS TABLE
        WITH lengths AS (
            SELECT item_id, ordinal, sum(tf) AS len FROM section_terms GROUP BY item_id, ordinal),
        stats AS (SELECT count(*) AS n, avg(len) AS avgdl FROM lengths),
        df AS (
            SELECT term, count(*) AS df FROM section_terms
            WHERE list_contains(query_terms, term) GROUP BY term),
        scored AS (
            SELECT t.item_id, t.ordinal,
                   sum(ln(1 + (stats.n - df.df + 0.5) / (df.df + 0.5)) * t.tf * ({K1} + 1)
                       / (t.tf + {K1} * (1 - {B} + {B} * l.len / stats.avgdl))) AS score,
                   arg_max(t.surface, t.tf) AS surface, count(*) AS matched_terms
            FROM section_terms t JOIN df USING (term) JOIN lengths l USING (item_id, ordinal), stats
            GROUP BY t.item_id, t.ordinal),
        located AS (
            SELECT sc.*, instr(lower(s.text), sc.surface) AS p FROM scored sc
            JOIN item_sections s USING (item_id, ordinal))
        SELECT round(sc.score, 4) AS score, i.municipality, i.body, i.meeting_date,
               year(i.meeting_date) AS year, i.section_number, i.title, s.kind AS section_kind,
               {_SNIPPET} AS snippet,
               s.doc_id, s.page, i.item_id, s.ordinal AS section_ordinal, sc.matched_terms
        FROM located sc
        JOIN item_sections s USING (item_id, ordinal)
        JOIN agenda_items i USING (item_id)
        ORDER BY sc.score DESC, i.meeting_date DESC, i.item_id, s.ordinal""",
    "minutes_search": """(q) AS TABLE
        SELECT * FROM minutes_search_terms((
            SELECT coalesce(list(DISTINCT t.term), [])
            FROM section_terms t
            WHERE t.term IN (SELECT unnest(string_split(lower(q), ' ')))
               OR t.surface IN (SELECT unnest(string_split(lower(q), ' ')))))""",
}


def create_search_macros(con: duckdb.DuckDBPyConnection, temporary: bool = False) -> None:
    """(Re)create the search macros; temporary ones on a read-only connection."""
    for name, body in SEARCH_MACROS.items():
        con.execute(f"CREATE OR REPLACE {'TEMP ' if temporary else ''}MACRO {name}{body}")


@dataclass(frozen=True)
class Hit:
    score: float
    municipality: str | None
    body: str | None
    meeting_date: dt.date | None
    section_number: int | None
    title: str | None
    section_kind: str
    snippet: str
    doc_id: str
    page: int | None
    item_id: str


def search(db: Path | str, text: str, municipality: str | None = None, body: str | None = None,
           year: int | None = None, kind: str | None = None, limit: int = 20) -> list[Hit]:
    """Sections matching ``text`` (any of its words' baseforms), best first, after the filters."""
    terms = query_terms(text)
    if not terms:
        return []
    con = duckdb.connect(str(db), read_only=True)
    try:
        create_search_macros(con, temporary=True)
        filters, params = [], [terms]
        for column, value in (("municipality", municipality), ("body", body), ("year", year),
                              ("section_kind", kind)):
            if value is not None:
                filters.append(f"lower(CAST({column} AS VARCHAR)) = lower(CAST(? AS VARCHAR))")
                params.append(value)
        where = f"WHERE {' AND '.join(filters)}" if filters else ""
        fields = ", ".join(Hit.__dataclass_fields__)
        rows = con.execute(f"SELECT {fields} FROM minutes_search_terms(?::VARCHAR[]) {where} LIMIT ?",
                           [*params, limit]).fetchall()
    finally:
        con.close()
    return [Hit(*row) for row in rows]
