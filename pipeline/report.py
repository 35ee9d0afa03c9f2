"""`minutes report`: one self-contained HTML page of Vega-Altair charts over the database.

The page must open anywhere, offline and years later, so everything is inside it: the Vega,
Vega-Lite and vega-embed JavaScript (vl-convert's bundle, once for all charts) and each chart's
data. Charts render as SVG. When every chart has drawn, the page records it on `<body
data-charts-drawn>`; any error lands in `#errors` (and the console), so a test can tell.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from dataclasses import dataclass
from pathlib import Path

import altair as alt
import duckdb
import pandas as pd

from pipeline.questions import BUDGET_TITLE, budget_columns, budget_sql, question

WIDTH = 520


@dataclass(frozen=True)
class Figure:
    title: str
    caption: str
    chart: alt.TopLevelMixin | None  # None: nothing to draw, the caption says why


def _frame(con: duckdb.DuckDBPyConnection, sql: str, municipality: str | None, params: list | None = None
           ) -> pd.DataFrame:
    """Rows of ``sql`` (which must select a `municipality` column), for one municipality if given."""
    if municipality is not None:
        sql = f"SELECT * FROM ({sql}) WHERE municipality = ?"
        params = [*(params or []), municipality]
    return con.execute(sql, params or []).df()


def decisions_figure(con: duckdb.DuckDBPyConnection, municipality: str | None) -> Figure:
    df = _frame(con, """
        SELECT coalesce(i.municipality, '?') AS municipality, coalesce(i.body, '?') AS body,
               coalesce(CAST(year(i.meeting_date) AS VARCHAR), '?') AS year, d.outcome, count(*) AS decisions
        FROM decisions d JOIN agenda_items i USING (item_id) GROUP BY ALL""", municipality)
    if df.empty:
        return Figure("Decisions by outcome", "No decisions in the database.", None)
    df["body"] = df["municipality"] + " / " + df["body"]
    chart = alt.Chart(df).mark_bar().encode(
        x=alt.X("sum(decisions):Q", title="decisions"), y=alt.Y("body:N", title=None),
        color=alt.Color("outcome:N", title="outcome"), row=alt.Row("year:N", title="year"),
        tooltip=["body", "year", "outcome", "decisions"]).properties(width=WIDTH).resolve_scale(y="independent")
    return Figure("Decisions by outcome per body and year",
                  f"{int(df['decisions'].sum())} decisions; outcome classes as in docs/schema.md.", chart)


def votes_figure(con: duckdb.DuckDBPyConnection, municipality: str | None) -> Figure:
    df = _frame(con, """
        SELECT coalesce(i.municipality, '?') AS municipality,
               coalesce(i.body, '?') || ' ' || coalesce(CAST(i.meeting_date AS VARCHAR), '?') || ' § '
                   || coalesce(CAST(i.section_number AS VARCHAR), '?') || ' (' || (v.ordinal + 1) || ')' AS vote,
               k.side, k.n AS votes
        FROM votes v JOIN agenda_items i USING (item_id)
        CROSS JOIN LATERAL (VALUES ('jaa', v.jaa), ('ei', v.ei), ('tyhja', v.tyhja), ('poissa', v.poissa)) k(side, n)
        WHERE k.n IS NOT NULL""", municipality)
    if df.empty:
        return Figure("Votes", "No recorded votes.", None)
    chart = alt.Chart(df).mark_bar().encode(
        x=alt.X("votes:Q", stack="zero"), y=alt.Y("vote:N", title=None),
        color=alt.Color("side:N", sort=["jaa", "ei", "tyhja", "poissa"],
                        scale=alt.Scale(domain=["jaa", "ei", "tyhja", "poissa"],
                                        range=["#4c78a8", "#e45756", "#bab0ac", "#eeeeee"])),
        tooltip=["vote", "side", "votes"]).properties(width=WIDTH)
    against = _frame(con, """
        SELECT coalesce(i.municipality, '?') AS municipality, n.name, count(*) AS votes_against
        FROM v_vote_names n JOIN agenda_items i USING (item_id) WHERE n.vote = 'ei' GROUP BY ALL""", municipality)
    names = ", ".join(f"{r.name} ({r.votes_against})" for r in against.itertuples())
    return Figure("Votes", f"Recorded votes: {df['vote'].nunique()}. Voted against (EI): {names or 'nobody named'}.",
                  chart)


def goals_figure(con: duckdb.DuckDBPyConnection, municipality: str | None) -> Figure:
    df = _frame(con, question("goal_status_by_theme").sql, municipality)
    if df.empty:
        return Figure("Goals and their follow-up", "No goals or follow-up rows.", None)
    long = df.melt(id_vars=["theme", "municipality"], value_vars=["toteutunut", "osittain", "ei_toteutunut",
                                                                  "not_assessed"],
                   var_name="status", value_name="count")
    long["count"] = long["count"].astype(int)
    order = ["toteutunut", "osittain", "ei_toteutunut", "not_assessed"]
    chart = alt.Chart(long).mark_bar().encode(
        x=alt.X("count:Q", title="goals"), y=alt.Y("theme:N", title=None),
        color=alt.Color("status:N", sort=order,
                        scale=alt.Scale(domain=order, range=["#00B050", "#FFC000", "#C00000", "#cccccc"])),
        row=alt.Row("municipality:N", title=None), tooltip=["municipality", "theme", "status", "count"],
    ).properties(width=WIDTH)
    return Figure("Goals and their follow-up status by theme and municipality",
                  f"{int(df['goals'].sum())} goals (and unlinked follow-up rows); status from the follow-up tables.",
                  chart)


def budget_figure(con: duckdb.DuckDBPyConnection, municipality: str | None) -> Figure:
    sql = budget_sql(budget_columns(con))
    if sql is None:
        return Figure(BUDGET_TITLE, "No budget lines in this database.", None)
    df = _frame(con, sql, municipality)
    if df.empty:
        return Figure(BUDGET_TITLE, "No budget lines for this selection.", None)
    long = df.melt(id_vars=["municipality", "year", "unit"], value_vars=["budget", "outturn"],
                   var_name="kind", value_name="euros").dropna(subset=["euros"])
    long["euros"] = long["euros"].astype(float)
    long["unit"] = long["municipality"].astype(str) + " " + long["year"].astype(str) + " " + long["unit"].astype(str)
    chart = alt.Chart(long).mark_bar().encode(
        x=alt.X("euros:Q"), y=alt.Y("kind:N", title=None), color="kind:N", row=alt.Row("unit:N", title=None),
        tooltip=["unit", "kind", "euros"]).properties(width=WIDTH)
    return Figure(BUDGET_TITLE, f"{df['unit'].nunique()} units.", chart)


FIGURES = (decisions_figure, votes_figure, goals_figure, budget_figure)


def _javascript() -> str:
    import vl_convert
    from altair.utils._importers import vl_version_for_vl_convert

    return vl_convert.javascript_bundle(vl_version=vl_version_for_vl_convert())


def _script_json(value: object) -> str:
    """JSON safe inside a <script> element."""
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/")


def render(figures: list[Figure], title: str, subtitle: str) -> str:
    """The whole page as one string."""
    specs = {f"chart{n}": f.chart.to_dict() for n, f in enumerate(figures) if f.chart is not None}
    sections = []
    for n, f in enumerate(figures):
        chart = f'<div class="chart" id="chart{n}"></div>' if f.chart is not None else ""
        sections.append(f"<section><h2>{html.escape(f.title)}</h2><p>{html.escape(f.caption)}</p>{chart}</section>")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{html.escape(title)}</title>
<style>
body {{ font-family: sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }}
section {{ margin-bottom: 2.5rem; }} #errors:empty {{ display: none; }} #errors {{ color: #b00; }}
</style>
<script>{_javascript()}</script>
</head>
<body data-charts="{len(specs)}">
<h1>{html.escape(title)}</h1>
<p>{html.escape(subtitle)}</p>
<pre id="errors"></pre>
{''.join(sections)}
<script>
const specs = {_script_json(specs)};
function fail(message) {{ document.getElementById("errors").textContent += message + "\\n"; console.error(message); }}
window.addEventListener("error", (e) => fail(String(e.message)));
Promise.all(Object.entries(specs).map(([id, spec]) =>
  vegaEmbed("#" + id, spec, {{renderer: "svg", actions: false}})))
  .then((views) => {{ document.body.dataset.chartsDrawn = String(views.length); }})
  .catch((e) => fail(String(e)));
</script>
</body>
</html>
"""


def build_report(db: Path | str, out: Path | str, municipality: str | None = None) -> Path:
    """Write the report of the database (or of one municipality) to ``out``."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        figures = [make(con, municipality) for make in FIGURES]
        documents = con.execute("SELECT count(*) FROM documents WHERE status <> 'failed'").fetchone()[0]
    finally:
        con.close()
    scope = municipality or "all municipalities"
    subtitle = (f"{scope}: {documents} documents in {Path(db).name}, report made "
                f"{dt.date.today().isoformat()}. Every figure comes from rows that name their document.")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(figures, f"fi-minutes report: {scope}", subtitle), encoding="utf-8")
    return out
