"""Views for researchers, recreated by `ensure_schema`: name -> SELECT over the contract tables."""

VIEWS: dict[str, str] = {
    "v_items": """
        SELECT i.item_id, i.municipality, i.body, i.meeting_date, i.section_number, i.title,
               i.diary_number, d.outcome, i.doc_id, i.page_start
        FROM agenda_items i LEFT JOIN decisions d USING (item_id)
        WHERE i.replaced_by IS NULL
          AND i.doc_id NOT IN (SELECT doc_id FROM documents WHERE kind = 'agenda')""",
    # An agenda's items are proposals: apart from decided items, each with the item of the same
    # meeting's minutes (same municipality, body, date and §) once those arrive; they are the record.
    "v_agenda_items": """
        SELECT a.item_id, a.municipality, a.body, a.meeting_date, a.section_number, a.title, a.doc_id, a.page_start,
               (SELECT min(m.item_id) FROM agenda_items m JOIN documents md ON md.doc_id = m.doc_id
                WHERE md.kind <> 'agenda' AND m.municipality IS NOT DISTINCT FROM a.municipality
                  AND m.body = a.body AND m.meeting_date = a.meeting_date
                  AND m.section_number = a.section_number) AS minutes_item_id
        FROM agenda_items a JOIN documents d ON d.doc_id = a.doc_id
        WHERE d.kind = 'agenda'""",
    # One row per name in a recorded vote, so 'who voted against' needs no list functions (and
    # survives the SQLite export); page is the vote's own, else the item's first page.
    "v_vote_names": """
        SELECT v.item_id, v.doc_id, v.ordinal, n.vote, n.name, coalesce(v.page, i.page_start) AS page
        FROM votes v
        CROSS JOIN LATERAL (
            SELECT 'jaa' AS vote, unnest(v.jaa_names) AS name
            UNION ALL SELECT 'ei', unnest(v.ei_names)
            UNION ALL SELECT 'tyhja', unnest(v.tyhja_names)) n
        LEFT JOIN agenda_items i ON i.item_id = v.item_id""",
}

from pipeline.goals_views import GOAL_VIEWS  # noqa: E402 - goals and follow-up views (issue 4)

VIEWS.update(GOAL_VIEWS)
