"""Researcher views over goals and follow-ups, and `relink`, which links follow-up rows to goals
across the whole database after an ingest batch.

A committee's goals and their follow-up usually arrive in different documents (the goals in an
autumn agenda item, the outcome in next year's tilinpäätös), so linking cannot happen inside one
extraction: `relink` compares every follow-up row with the goals of the same municipality (and of
the same year and body when those are known) and stores `goal_id` and `link_score`.
"""

from __future__ import annotations

from collections import defaultdict

import duckdb

from extractors.goals.linking import DEFAULT_LINK_THRESHOLD, link_followups
from extractors.goals.themes import THEMES
from extractors.records import FollowUp, Goal, GoalAction, GoalMetric, columns
from pipeline.transaction import transaction


def _theme_case(expr: str) -> str:
    """SQL CASE giving a follow-up row a theme from the taxonomy's stems (first theme that matches),
    for rows not linked to any goal; linked rows take their goal's theme."""
    whens = []
    for theme, stems in THEMES.items():
        likes = " OR ".join(f"{expr} LIKE '%{stem.replace(chr(39), chr(39) * 2)}%'" for stem in stems)
        whens.append(f"WHEN {likes} THEN '{theme}'")
    return "CASE " + " ".join(whens) + " ELSE 'muu' END"


_ROW_TEXT = "lower(coalesce(f.goal, '') || ' ' || coalesce(f.action, '') || ' ' || coalesce(f.metric, ''))"

GOAL_VIEWS: dict[str, str] = {
    # One row per goal: what was planned (actions, metrics) and what the follow-up said of it.
    "v_goal_outcomes": """
        WITH acts AS (
            SELECT goal_id, string_agg(text, ' | ' ORDER BY ordinal) AS actions
            FROM goal_actions GROUP BY goal_id),
        mets AS (
            SELECT goal_id, string_agg(text, ' | ' ORDER BY ordinal) AS metrics,
                   string_agg(coalesce(target, ''), ' | ' ORDER BY ordinal) AS metric_targets,
                   string_agg(coalesce(baseline, ''), ' | ' ORDER BY ordinal) AS metric_baselines
            FROM goal_metrics GROUP BY goal_id),
        outs AS (
            SELECT goal_id, count(*) AS followup_rows, count(status) AS assessed_rows,
                   CASE WHEN count(status) = 0 THEN NULL
                        WHEN bool_and(status = 'toteutunut') THEN 'toteutunut'
                        WHEN bool_or(status IN ('toteutunut', 'osittain')) THEN 'osittain'
                        ELSE 'ei_toteutunut' END AS outcome,
                   string_agg(status, ' | ' ORDER BY ordinal) AS statuses,
                   string_agg(comment, ' | ' ORDER BY ordinal) AS comment,
                   max(year) AS followup_year, max(link_score) AS link_score
            FROM followups WHERE goal_id IS NOT NULL GROUP BY goal_id)
        SELECT g.goal_id, g.municipality, g.municipality_code, g.body, g.period_start, g.period_end,
               g.unit, g.binding, g.strategy_area, g.ordinal, g.text AS goal, g.theme,
               a.actions, m.metrics, m.metric_targets, m.metric_baselines,
               o.outcome, o.statuses, o.comment, o.followup_rows, o.assessed_rows, o.followup_year,
               o.link_score, g.doc_id, g.page
        FROM goals g
        LEFT JOIN acts a USING (goal_id)
        LEFT JOIN mets m USING (goal_id)
        LEFT JOIN outs o USING (goal_id)""",
    # Goals set and achieved per theme, municipality and year. A goal counts once, with the outcome
    # of its follow-up rows; follow-up rows that no goal in the database matches count as goals of
    # their own (their theme from the same stems), so a municipality known only from its
    # tilinpäätös still shows up.
    "v_theme_by_municipality": f"""
        WITH linked AS (
            SELECT goal_id, max(year) AS year,
                   CASE WHEN count(status) = 0 THEN NULL
                        WHEN bool_and(status = 'toteutunut') THEN 'toteutunut'
                        WHEN bool_or(status IN ('toteutunut', 'osittain')) THEN 'osittain'
                        ELSE 'ei_toteutunut' END AS outcome
            FROM followups WHERE goal_id IS NOT NULL GROUP BY goal_id),
        units AS (
            SELECT g.municipality, coalesce(l.year, g.period_start) AS year, g.theme, l.outcome
            FROM goals g LEFT JOIN linked l USING (goal_id)
            UNION ALL
            SELECT f.municipality, f.year, {_theme_case(_ROW_TEXT)} AS theme, f.status AS outcome
            FROM followups f WHERE f.goal_id IS NULL)
        SELECT municipality, year, theme,
               count(*) AS goals_set,
               count(outcome) AS goals_assessed,
               count(*) FILTER (WHERE outcome = 'toteutunut') AS goals_achieved,
               count(*) FILTER (WHERE outcome = 'osittain') AS goals_partial,
               count(*) FILTER (WHERE outcome = 'ei_toteutunut') AS goals_not_achieved,
               round(count(*) FILTER (WHERE outcome = 'toteutunut') / nullif(count(outcome), 0), 3)
                   AS achieved_share
        FROM units
        GROUP BY municipality, year, theme""",
    # Follow-up rows per unit (tulosalue, or the company a block belongs to), so units and
    # subsidiary companies compare across municipalities apart from the body that set the goals.
    "v_followup_units": """
        SELECT municipality, year, body, unit, company,
               count(*) AS rows, count(status) AS assessed_rows,
               count(*) FILTER (WHERE status = 'toteutunut') AS achieved,
               count(*) FILTER (WHERE status = 'osittain') AS partial,
               count(*) FILTER (WHERE status = 'ei_toteutunut') AS not_achieved,
               count(*) FILTER (WHERE status_conflict) AS conflicts,
               round(count(*) FILTER (WHERE status = 'toteutunut') / nullif(count(status), 0), 3) AS achieved_share
        FROM followups
        GROUP BY municipality, year, body, unit, company""",
    # Budget against outturn per unit and line, across municipalities: the final budget (after
    # changes, else the adopted TA) beside the outturn (Toteutuma, else the TP of the same year).
    "v_budget_outturn": """
        SELECT municipality, year, unit, line_norm,
               coalesce(max(amount) FILTER (WHERE budget_column = 'yhteensa'),
                        max(amount) FILTER (WHERE budget_column = 'ta')) AS budget,
               coalesce(max(amount) FILTER (WHERE budget_column = 'toteutuma'),
                        max(amount) FILTER (WHERE budget_column = 'tp')) AS outturn,
               outturn - budget AS difference,
               round(outturn / nullif(budget, 0), 3) AS realisation,
               any_value(doc_id) AS doc_id
        FROM budget_lines
        WHERE line_norm IS NOT NULL AND budget_column IS NOT NULL
        GROUP BY municipality, year, unit, line_norm""",
}


def _goal_records(con: duckdb.DuckDBPyConnection, municipality: str | None
                  ) -> list[Goal | GoalAction | GoalMetric]:
    cols = columns(Goal)
    goals = [Goal(*row) for row in con.execute(
        f"SELECT {', '.join(cols)} FROM goals WHERE municipality IS NOT DISTINCT FROM ?", [municipality]).fetchall()]
    ids = [g.goal_id for g in goals]
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    actions = [GoalAction(*row) for row in con.execute(
        f"SELECT {', '.join(columns(GoalAction))} FROM goal_actions WHERE goal_id IN ({marks})", ids).fetchall()]
    metrics = [GoalMetric(*row) for row in con.execute(
        f"SELECT {', '.join(columns(GoalMetric))} FROM goal_metrics WHERE goal_id IN ({marks})", ids).fetchall()]
    return [*goals, *actions, *metrics]


def _fits(goal: Goal, row: FollowUp) -> bool:
    """Same year (inside the goal's period) and same body, where both sides know them."""
    if row.year is not None and goal.period_start is not None:
        end = goal.period_end if goal.period_end is not None else goal.period_start
        if not goal.period_start <= row.year <= end:
            return False
    return not (row.body and goal.body and row.body.lower() != goal.body.lower())


def relink(con: duckdb.DuckDBPyConnection, threshold: float = DEFAULT_LINK_THRESHOLD) -> int:
    """Link every follow-up row to the best goal of its municipality; returns how many got a goal.

    Goals of the matching year/body are tried first; when none fits, all goals of the municipality
    are candidates (a follow-up may omit its year or name its body differently). Documents whose
    municipality could not be recognised form one group of their own; the similarity threshold
    keeps unrelated goals apart there.
    """
    with transaction(con):  # read and write in one: a crash or a concurrent reader sees all links or none
        rows = [FollowUp(*r) for r in con.execute(
            f"SELECT {', '.join(columns(FollowUp))} FROM followups").fetchall()]
        by_municipality: dict[str | None, list[FollowUp]] = defaultdict(list)
        for row in rows:
            by_municipality[row.municipality].append(row)
        updates: list[tuple[str | None, float | None, str]] = []
        for municipality, group in by_municipality.items():
            records = _goal_records(con, municipality)
            goals = [r for r in records if isinstance(r, Goal)]
            for row in group:
                fitting = {g.goal_id for g in goals if _fits(g, row)} or {g.goal_id for g in goals}
                candidates = [r for r in records if r.goal_id in fitting]
                linked = link_followups([row], candidates, threshold)[0] if candidates else row
                updates.append((linked.goal_id, linked.link_score if candidates else None, row.row_id))
        if updates:  # one statement: `executemany` would run one UPDATE per row (~1 ms each)
            goal_ids, scores, row_ids = (list(column) for column in zip(*updates, strict=True))
            con.execute("UPDATE followups SET goal_id = u.goal_id, link_score = u.score FROM (SELECT "
                        "unnest($1::VARCHAR[]) AS goal_id, unnest($2::DOUBLE[]) AS score, "
                        "unnest($3::VARCHAR[]) AS row_id) AS u WHERE followups.row_id = u.row_id",
                        [goal_ids, scores, row_ids])
    return sum(1 for u in updates if u[0])
