"""Pages for the rows read from an item's sections: decisions, votes, recusals, goals, their actions
and metrics, the item's preparer and presenter, and its earlier handlings. A researcher checking a
row opens the document at that page.

The extractors that find these rows read joined section texts, so the page is found afterwards,
from the `ItemSection` rows of the same extraction: a decision is on its `paatos` section's page, a
vote or recusal on the page of the section whose text holds its sentence, a goal on the page of
the section that holds its text, its actions and metrics on their goal's page, a preparer or
presenter on the page of their section, an earlier handling where its first section starts. Pure.
"""

from __future__ import annotations

from dataclasses import replace

from extractors import records as R

PAGED = (R.Decision, R.Vote, R.Recusal, R.Goal, R.GoalAction, R.GoalMetric, R.ItemRole, R.ItemHistory)
_PROBE = 40  # characters of a row's text looked for in the section texts


def _page_of(sections: list[R.ItemSection], text: str | None, kinds: tuple[str, ...] | None) -> int | None:
    """Page of the first (current-handling) section of these kinds holding the start of ``text``."""
    probe = " ".join((text or "").split())[:_PROBE]
    candidates = [s for s in sections if not s.handling and (kinds is None or s.kind in kinds)]
    hit = next((s for s in candidates if probe and probe in " ".join(s.text.split())), None)
    return hit.page if hit else None


def with_pages(rows: list) -> list:
    """The rows with `page` filled in where a section tells it (rows that have one keep it)."""
    sections: dict[str, list[R.ItemSection]] = {}
    for r in rows:
        if isinstance(r, R.ItemSection):
            sections.setdefault(r.item_id, []).append(r)
    goal_pages: dict[str, int | None] = {}
    out = []
    for r in rows:
        if not isinstance(r, PAGED) or r.page is not None:
            out.append(r)
            if isinstance(r, R.Goal):
                goal_pages[r.goal_id] = r.page
            continue
        if isinstance(r, R.GoalAction | R.GoalMetric):
            out.append(replace(r, page=goal_pages.get(r.goal_id)))
            continue
        secs = sections.get(r.item_id or "", [])
        if isinstance(r, R.Decision):
            paatos = [s for s in secs if s.kind == "paatos" and not s.handling]
            # a decision printed with no 'Päätös' heading is the text of another part
            page = paatos[-1].page if paatos else _page_of(secs, r.text, None)
        elif isinstance(r, R.Vote):
            page = _page_of(secs, r.text, ("kasittely", "paatos"))
        elif isinstance(r, R.Recusal):
            page = _page_of(secs, r.note, ("kasittely", "paatos", "muu"))
        elif isinstance(r, R.ItemRole):
            page = next((s.page for s in secs if s.kind == r.role and not s.handling), None)
        elif isinstance(r, R.ItemHistory):
            page = next((s.page for s in secs if s.handling == r.ref), None)
        else:
            page = _page_of(secs, r.text, None) or next((s.page for s in secs if s.kind == "selostus"), None)
            goal_pages[r.goal_id] = page
        out.append(replace(r, page=page))
    return out
