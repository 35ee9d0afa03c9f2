"""The researcher's questions (issue 12) as SQL, written once for the notebook, Datasette and the report.

Each question's SQL runs unchanged on the DuckDB database and on its SQLite export (`minutes
export --format sqlite`, which `minutes serve` shows in Datasette): plain joins, CASE sums, LIKE
and `substr(CAST(date AS VARCHAR), 1, 4)` for the year, no list functions (votes by name come
from the `v_vote_names` view, a table in the export). Budget lines come from another branch's
`budget_lines` table; `budget_sql` builds the question only when that table is there.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DB_ENV = "FI_MINUTES_DB"
DB_RELATIVE = Path("data") / "processed" / "minutes.duckdb"


def find_db(start: Path | None = None) -> Path:
    """The database a notebook means: $FI_MINUTES_DB, else data/processed/minutes.duckdb under the
    repository root found upwards from ``start`` (the kernel's folder: notebooks/ in JupyterLab)."""
    if os.environ.get(DB_ENV):
        return Path(os.environ[DB_ENV])
    start = (start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        project = folder / "pyproject.toml"
        if project.is_file() and 'name = "fi-minutes"' in project.read_text(encoding="utf-8"):
            return folder / DB_RELATIVE
    raise FileNotFoundError(f"no fi-minutes repository above {start}; set {DB_ENV} to the database file")


@dataclass(frozen=True)
class Question:
    name: str  # identifier: canned query name in Datasette
    title: str
    sql: str


_YEAR = "substr(CAST({} AS VARCHAR), 1, 4)"

QUESTIONS: tuple[Question, ...] = (
    Question("school_decisions_2025", "Decisions about schools (koulu*) in 2025, across municipalities", f"""
        SELECT i.municipality, i.body, i.meeting_date, i.section_number, i.title, d.outcome,
               i.doc_id, i.page_start AS page
        FROM agenda_items i JOIN decisions d ON d.item_id = i.item_id
        WHERE {_YEAR.format('i.meeting_date')} = '2025'
          AND (lower(i.title) LIKE '%koulu%' OR EXISTS (
               SELECT 1 FROM item_sections s WHERE s.item_id = i.item_id AND lower(s.text) LIKE '%koulu%'))
        ORDER BY i.municipality, i.meeting_date, i.section_number"""),
    Question("outcomes_by_body", "Outcome distribution per body", """
        SELECT coalesce(i.municipality, '?') AS municipality, coalesce(i.body, '?') AS body,
               d.outcome, count(*) AS decisions
        FROM decisions d JOIN agenda_items i ON i.item_id = d.item_id
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"""),
    Question("changed_or_returned", "How often a proposal was changed or sent back", """
        SELECT coalesce(i.body, '?') AS body, count(*) AS decisions,
               sum(CASE WHEN d.outcome = 'hyvaksytty_muutettuna' THEN 1 ELSE 0 END) AS changed,
               sum(CASE WHEN d.outcome = 'palautettu' THEN 1 ELSE 0 END) AS sent_back,
               round(1.0 * sum(CASE WHEN d.outcome IN ('hyvaksytty_muutettuna', 'palautettu') THEN 1 ELSE 0 END)
                     / count(*), 2) AS share
        FROM decisions d JOIN agenda_items i ON i.item_id = d.item_id
        GROUP BY 1 ORDER BY share DESC, body"""),
    Question("votes_against", "Who voted against (EI) in recorded votes", """
        SELECT v.name, coalesce(i.municipality, '?') AS municipality, i.body, i.meeting_date,
               i.section_number, i.title, v.doc_id, v.page
        FROM v_vote_names v JOIN agenda_items i ON i.item_id = v.item_id
        WHERE v.vote = 'ei'
        ORDER BY v.name, i.meeting_date"""),
    Question("goals_met_by_theme", "Which goals of a theme were met, per municipality", """
        SELECT theme, coalesce(municipality, '?') AS municipality, unit, goal, outcome, comment, doc_id
        FROM v_goal_outcomes WHERE outcome = 'toteutunut'
        ORDER BY theme, municipality, unit"""),
    Question("goal_status_by_theme", "Goals and their follow-up status by theme and municipality", """
        SELECT theme, coalesce(municipality, '?') AS municipality,
               sum(goals_set) AS goals, sum(goals_achieved) AS toteutunut, sum(goals_partial) AS osittain,
               sum(goals_not_achieved) AS ei_toteutunut, sum(goals_set) - sum(goals_assessed) AS not_assessed
        FROM v_theme_by_municipality GROUP BY 1, 2 ORDER BY 1, 2"""),
)

BUDGET_TITLE = "Budget against outturn per unit"
# Column words of budget_lines that mean the budget and the outturn (issue 10's vocabulary).
BUDGET_COLUMNS = ("yhteensa", "ta", "talousarvio")
OUTTURN_COLUMNS = ("toteutuma", "tp")


def question(name: str) -> Question:
    return next(q for q in QUESTIONS if q.name == name)


def budget_sql(columns: set[str]) -> str | None:
    """Budget against outturn per unit from `budget_lines`, given its column names; None when the
    table is absent or lacks a unit, an amount and a column telling budget from outturn."""
    kind = next((c for c in ("budget_column", "column", "column_name", "measure", "kind") if c in columns), None)
    if not {"unit", "amount"} <= columns or kind is None:
        return None
    year = "year" if "year" in columns else "NULL"
    muni = "coalesce(municipality, '?')" if "municipality" in columns else "'?'"
    budget = ", ".join(f"'{c}'" for c in BUDGET_COLUMNS)
    outturn = ", ".join(f"'{c}'" for c in OUTTURN_COLUMNS)
    # income, costs and their net would add up to nonsense: compare the net (toimintakate) only
    where = "WHERE line_norm = 'toimintakate'" if "line_norm" in columns else ""
    return f"""
        SELECT {muni} AS municipality, {year} AS year, unit,
               sum(CASE WHEN lower("{kind}") IN ({budget}) THEN amount END) AS budget,
               sum(CASE WHEN lower("{kind}") IN ({outturn}) THEN amount END) AS outturn
        FROM budget_lines {where} GROUP BY 1, 2, 3
        HAVING budget IS NOT NULL OR outturn IS NOT NULL ORDER BY 1, 2, 3"""


def budget_columns(con) -> set[str]:  # noqa: ANN001 - a DuckDB or sqlite3 connection
    """Column names of `budget_lines` on a DuckDB or SQLite connection; empty when it is absent."""
    try:
        cur = con.execute("SELECT * FROM budget_lines LIMIT 0")
    except Exception:  # noqa: BLE001 - absent table: DuckDB CatalogException or sqlite3.OperationalError
        return set()
    return {d[0] for d in cur.description}
