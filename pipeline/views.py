"""Views for researchers, recreated by `ensure_schema`: name -> SELECT over the contract tables."""

VIEWS: dict[str, str] = {
    "v_items": """
        SELECT i.item_id, i.municipality, i.body, i.meeting_date, i.section_number, i.title,
               i.diary_number, d.outcome, i.doc_id, i.page_start
        FROM agenda_items i LEFT JOIN decisions d USING (item_id)
        WHERE i.replaced_by IS NULL""",
}

from pipeline.goals_views import GOAL_VIEWS  # noqa: E402 - goals and follow-up views (issue 4)

VIEWS.update(GOAL_VIEWS)
