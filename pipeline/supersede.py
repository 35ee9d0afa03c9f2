"""One meeting, one item per §, however many documents print them: `replaced_by` pointers.

The same meeting reaches the database more than once: its agenda and its minutes, the minutes as
one PDF and as item pages, a corrected version after the first. Every document keeps its own rows
(each stays traceable and is replaced only by a new version of the same file); after each batch
this step ranks the documents that hold the same meeting or item and points the rows of every
document but the winner at the winner's row. Researchers read rows with `replaced_by IS NULL`
(the `v_items` view does).

What identifies them (docs/schema.md, 'Identity'):
- a meeting: municipality, body and date;
- an item: its meeting's identity and its § number; an item decided without a meeting (an office
  holder's decision): municipality, decision maker, case (diary number; the title when there is
  none) and §.
The winner: minutes over an agenda, then the later version (ingested by a later run: documents of
one run share its time, pipeline/ingest.py), then the smaller doc_id so that the choice is stable.
"""

from __future__ import annotations

import duckdb

from pipeline.transaction import transaction

_RANK = "(d.kind = 'agenda'), d.ingested_at DESC NULLS LAST, d.doc_id"
_PLACE = "coalesce(d.municipality_code, x.municipality)"
_BODY = "lower(strip_accents(x.body))"

_ITEMS = f"""
WITH keyed AS (
    SELECT x.item_id, x.doc_id, {_PLACE} AS place, {_BODY} AS body, x.meeting_date, x.section_number,
           CASE WHEN x.meeting_date IS NULL THEN coalesce(x.diary_number, x.title) END AS case_key,
           row_number() OVER (PARTITION BY {_PLACE}, {_BODY}, x.meeting_date, x.section_number,
                              CASE WHEN x.meeting_date IS NULL THEN coalesce(x.diary_number, x.title) END
                              ORDER BY {_RANK}, x.item_id) AS rank
    FROM agenda_items x JOIN documents d ON d.doc_id = x.doc_id
    WHERE x.body IS NOT NULL AND x.section_number IS NOT NULL
      AND coalesce(CAST(x.meeting_date AS VARCHAR), x.diary_number, x.title) IS NOT NULL
), winners AS (
    SELECT place, body, meeting_date, section_number, case_key, item_id AS winner, doc_id AS winner_doc
    FROM keyed WHERE rank = 1
)
UPDATE agenda_items SET replaced_by = w.winner
FROM keyed k JOIN winners w ON k.place = w.place AND k.body = w.body
     AND k.meeting_date IS NOT DISTINCT FROM w.meeting_date AND k.section_number = w.section_number
     AND k.case_key IS NOT DISTINCT FROM w.case_key
WHERE agenda_items.item_id = k.item_id AND k.doc_id <> w.winner_doc
"""

_MEETINGS = f"""
WITH keyed AS (
    SELECT x.meeting_id, x.doc_id, {_PLACE} AS place, {_BODY} AS body, x.meeting_date,
           row_number() OVER (PARTITION BY {_PLACE}, {_BODY}, x.meeting_date ORDER BY {_RANK}, x.meeting_id) AS rank
    FROM meetings x JOIN documents d ON d.doc_id = x.doc_id
    WHERE x.body IS NOT NULL AND x.meeting_date IS NOT NULL
), winners AS (
    SELECT place, body, meeting_date, meeting_id AS winner, doc_id AS winner_doc FROM keyed WHERE rank = 1
)
UPDATE meetings SET replaced_by = w.winner
FROM keyed k JOIN winners w ON k.place = w.place AND k.body = w.body AND k.meeting_date = w.meeting_date
WHERE meetings.meeting_id = k.meeting_id AND k.doc_id <> w.winner_doc
"""


def supersede(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute every `replaced_by` pointer from the documents now in the database, atomically."""
    with transaction(con):
        con.execute("UPDATE agenda_items SET replaced_by = NULL WHERE replaced_by IS NOT NULL")
        con.execute("UPDATE meetings SET replaced_by = NULL WHERE replaced_by IS NOT NULL")
        con.execute(_ITEMS)
        con.execute(_MEETINGS)
