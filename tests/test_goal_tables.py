"""Goal tables that report no outcome (a talousarvio's 'Tavoite | Toimenpiteet | Mittari | Tavoitetaso')
are goals with their actions and metrics, not status-less follow-up rows; a table that reports an
outcome (a status, an actual value, ticked status columns or an assessment) stays a follow-up, also
in the same document. The PDFs are synthetic, written at test time by the follow-up variant writer of
tests/test_goal_variants.py; the real documents remain the judge."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.document import Source, extract_document
from extractors.goals.followup import extract_followups_html, extract_followups_text, reports_outcome
from extractors.goals.plans import cell_items
from extractors.records import FollowUp, Goal, GoalAction, GoalMetric
from tests.test_goal_variants import FollowupVariant, write_followup_pdf

TITLE = "Talousarvio 2026 – Hyvinvointilautakunnan toiminnalliset tavoitteet"

# (printed header, gold role, width mm): the writer fills 'extra' columns with numbers, in order
PLAN_TABLES = {
    "plan4": [("Tavoite", "goal", 45), ("Toimenpiteet", "action", 55), ("Mittari", "metric", 45),
              ("Tavoitetaso", "target", 30)],
    "plan6_area_baseline": [("Painopiste", "strategy_area", 28), ("Tavoite", "goal", 36),
                            ("Toimenpide", "action", 52), ("Mittari", "metric", 38), ("Lähtötaso", "baseline", 18),
                            ("Tavoitetaso 2026", "target", 20)],
    "plan4_neutral_notes": [("Tavoite", "goal", 45), ("Keinot", "action", 50), ("Mittari", "metric", 40),
                            ("Lisätietoja", "comment", 40)],
}


def _gold(rows: list[dict], columns: list[tuple[str, str, float]]) -> dict[str, dict]:
    """goal text -> its actions, metrics and the metrics' targets and baselines, from the written rows."""
    value_roles = [role for _, role, _ in columns if role in ("target", "baseline")]
    out: dict[str, dict] = {}
    for row in rows:
        goal = out.setdefault(row["goal"], {"area": row["strategy_area"], "actions": [], "metrics": []})
        goal["actions"].append(row["action"])
        values = dict(zip(value_roles, row["extra"], strict=False))
        goal["metrics"].append((row["metric"], values.get("target"), values.get("baseline")))
    return out


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
@pytest.mark.parametrize("name", list(PLAN_TABLES))
def test_goal_table_gives_goals_not_followups(name: str, ruled: bool, tmp_path: Path) -> None:
    columns = PLAN_TABLES[name]
    printed = [(h, role if role in ("goal", "action", "metric", "strategy_area", "comment") else "extra", w)
               for h, role, w in columns]
    variant = FollowupVariant(name, printed, "fill", ruled=ruled, seed=3, title=TITLE)
    path = tmp_path / f"{name}.pdf"
    gold = _gold(write_followup_pdf(variant, path), columns)
    ex = extract_document(path.read_bytes(), Source(str(path), path.name))
    assert ex.of(FollowUp) == []
    assert ex.document.kind == "goals"
    goals = ex.of(Goal)
    assert [g.text for g in goals] == list(gold)
    for goal in goals:
        want = gold[goal.text]
        actions = [a.text for a in ex.of(GoalAction) if a.goal_id == goal.goal_id]
        metrics = [(m.text, m.target, m.baseline) for m in ex.of(GoalMetric) if m.goal_id == goal.goal_id]
        assert actions == want["actions"], goal.text
        if "target" in {role for _, role, _ in columns}:
            assert metrics == want["metrics"], goal.text
        else:  # no target column: the metric's own words give its target ('Uusia yrityksiä vähintään 40')
            assert [m[0] for m in metrics] == [m[0] for m in want["metrics"]], goal.text
        assert goal.strategy_area == want["area"]
        assert (goal.period_start, goal.period_end) == (2026, 2026)
        assert goal.body == "Hyvinvointilautakunta" and goal.page == 1
        assert goal.goal_id.startswith(ex.document.doc_id[:16] + ":t")


PLAN_TEXT = "\n".join("\t".join(row) for row in (
    ("Talousarvio 2026",),
    ("Tavoite", "Toimenpiteet", "Mittari", "Lähtötaso", "Tavoitetaso"),
    ("Kirjaston käyttö monipuolistuu", "• Omatoimikirjasto kyliin • Lukudiplomi kouluille",
     "• Lainaukset / asukas • Kävijät", "• 9,1 • 120 000", "• 10 • 130 000"),
    ("", "Kirjastoauton reitit uudistetaan", "Reittejä uudistettu: kyllä/ei", "", "kyllä"),
    ("Liikuntapaikkojen käyttö kasvaa", "Vuorojaon uudistus", "Käyttötunnit", "41 000", "vähintään 45 000"))) + "\n"
OUTCOME_TEXT = """Tavoitteiden toteutuminen 2025
Tavoite\tMittari\tToteutuma\tArviointi
Kirjaston käyttö monipuolistuu\tLainaukset / asukas\tToteutui\tLainauksia 10,4 asukasta kohden.
"""


def test_plan_and_outcome_tables_in_one_document() -> None:
    rows = extract_followups_text(PLAN_TEXT + "\n" + OUTCOME_TEXT, "mixed-goal-tables")
    goals = [r for r in rows if isinstance(r, Goal)]
    followups = [r for r in rows if isinstance(r, FollowUp)]
    assert [g.text for g in goals] == ["Kirjaston käyttö monipuolistuu", "Liikuntapaikkojen käyttö kasvaa"]
    assert [(f.goal, f.metric, f.status) for f in followups] == [
        ("Kirjaston käyttö monipuolistuu", "Lainaukset / asukas", "toteutunut")]
    first = goals[0].goal_id
    assert [a.text for a in rows if isinstance(a, GoalAction) and a.goal_id == first] == [
        "Omatoimikirjasto kyliin", "Lukudiplomi kouluille", "Kirjastoauton reitit uudistetaan"]
    assert [(m.text, m.baseline, m.target, m.kind) for m in rows if isinstance(m, GoalMetric)] == [
        ("Lainaukset / asukas", "9,1", "10", "muu"), ("Kävijät", "120 000", "130 000", "muu"),
        ("Reittejä uudistettu: kyllä/ei", None, "kyllä", "kylla_ei"),
        ("Käyttötunnit", "41 000", "vähintään 45 000", "lukumaara")]
    assert (goals[0].period_start, goals[0].period_end) == (2026, 2026)


def test_html_goal_table() -> None:
    html = ("<h1>Talousarvio 2026</h1><table><tr><th>Tavoite</th><th>Toimenpiteet</th><th>Mittari</th>"
            "<th>Tavoitetaso</th></tr><tr><td>Asiointi verkossa lisääntyy</td><td>Sähköinen ajanvaraus</td>"
            "<td>Sähköisten asiointien osuus (%)</td><td>60</td></tr></table>")
    rows = extract_followups_html(html, "html-goal-table")
    assert not any(isinstance(r, FollowUp) for r in rows)
    assert [(type(r).__name__, r.text) for r in rows] == [
        ("Goal", "Asiointi verkossa lisääntyy"), ("GoalAction", "Sähköinen ajanvaraus"),
        ("GoalMetric", "Sähköisten asiointien osuus (%)")]
    assert rows[2].target == "60"


def test_unassessed_block_stays_a_followup() -> None:
    """A Kauhava-style block whose 'Arviointi | Tila' row is empty still belongs to a follow-up: its
    second header row reports an outcome, only this block's was left unfilled."""
    text = ("Tavoite\tToimenpide/mittari\nTaloudellinen tulos\tVähintään nollatulos\nArviointi\tTila\n"
            "Toteutui, voittoa 12 000 €\tValmis\nTavoite\tToimenpide/mittari\nInvestoinnit\tVerkoston saneeraus\n"
            "Arviointi\tTila\n")
    rows = extract_followups_text(text, "unassessed-block")
    assert [(type(r).__name__, r.goal, r.status) for r in rows] == [
        ("FollowUp", "Taloudellinen tulos", "toteutunut"), ("FollowUp", "Investoinnit", None)]


def test_outcome_headers_by_meaning() -> None:
    def outcome(*cells: str) -> bool:
        from extractors.goals.followup import header_roles

        return reports_outcome(header_roles(list(cells)) or [], list(cells))

    assert outcome("Tavoite", "Mittari", "Toteutuma") is True
    assert outcome("Mittari/mittarit", "Nykyarvo", "Tavoitearvo", "Toteuma-arvo") is True
    assert outcome("Tavoite", "Toimenpide", "Arviointi") is True
    assert outcome("Tavoite", "Mittari", "Toteutunut", "Osittain", "Ei toteutunut") is True
    assert outcome("Tavoite", "Toimenpiteet", "Mittari", "Tavoitetaso") is False
    assert outcome("Painopiste", "Tavoite", "Mittari", "Lähtötaso", "Tavoitetaso 2026") is False
    assert outcome("Strateginen tavoite", "Toiminnallinen tavoite", "Mittari/arviointikriteeri", "Tavoitetaso") is False
    # a plan or a report may have these: the document's other tables decide
    assert outcome("Talousarviotavoite", "Tilannekuvaus ja riskiarvio") is None
    assert outcome("Tavoite", "Keinot", "Mittari", "Lisätietoja") is None


def _rows(*table: tuple[str, ...]) -> str:
    return "\n".join("\t".join(cells) for cells in table) + "\n"


def test_situation_column_goes_with_the_document() -> None:
    """'Talousarviotavoite | Tilannekuvaus ja riskiarvio' over a metric table: in a budget (metrics
    with a target only) a goal, in a report (a Toteuma-arvo column) a follow-up row."""
    goal = (("Talousarviotavoite", "Tilannekuvaus ja riskiarvio"),
            ("Yritysneuvonta tavoittaa uudet yrittäjät", "Henkilöstön saatavuus on riski."))
    metrics = (("Mittari/mittarit", "Nykyarvo", "Tavoitearvo"), ("Uusien yritysten määrä (kpl)", "40", "50"))
    plan = extract_followups_text("Talousarvio 2026\n" + _rows(*goal, *metrics), "tv-plan")
    assert [(type(r).__name__, r.text) for r in plan] == [
        ("Goal", "Yritysneuvonta tavoittaa uudet yrittäjät"), ("GoalMetric", "Uusien yritysten määrä (kpl)")]
    assert (plan[1].baseline, plan[1].target, plan[0].period_start) == ("40", "50", 2026)
    report = extract_followups_text(_rows(*goal, ("Mittari/mittarit", "Nykyarvo", "Tavoitearvo", "Toteuma-arvo"),
                                          ("Uusien yritysten määrä (kpl)", "40", "50", "44")), "tv-report")
    assert [(r.goal, r.metric, r.current_value, r.target_value, r.actual_value, r.comment) for r in report] == [
        ("Yritysneuvonta tavoittaa uudet yrittäjät", "Uusien yritysten määrä (kpl)", "40", "50", "44",
         "Henkilöstön saatavuus on riski.")]


def test_cell_items() -> None:
    assert cell_items("• Omatoimikirjasto kyliin • Lukudiplomi kouluille") == [
        "Omatoimikirjasto kyliin", "Lukudiplomi kouluille"]
    assert cell_items("- Ajanvaraus verkossa - Chat-palvelu") == ["Ajanvaraus verkossa", "Chat-palvelu"]
    assert cell_items("1. Reitit uudistetaan 2. Aukioloajat laajenevat") == [
        "Reitit uudistetaan", "Aukioloajat laajenevat"]
    assert cell_items("Koulutustarjontaa ja -polkuja kehitetään") == ["Koulutustarjontaa ja -polkuja kehitetään"]
    assert cell_items("Kasvu 2. vuonna 5 %") == ["Kasvu 2. vuonna 5 %"]


def test_loaded_goal_tables_and_company_rows(tmp_path: Path) -> None:
    """Through `ingest_paths` into a real DuckDB file: a goal table's goals with their baselines and
    targets, and follow-up rows under a company heading with the company in its own column (never in
    `body`), counted per unit and company by `v_followup_units`."""
    import duckdb

    from pipeline.ingest import ingest_paths
    from tests.test_goal_variants import KAUHAVA4

    src = tmp_path / "in"
    src.mkdir()
    columns = PLAN_TABLES["plan6_area_baseline"]
    printed = [(h, role if role in ("goal", "action", "metric", "strategy_area") else "extra", w)
               for h, role, w in columns]
    gold = _gold(write_followup_pdf(FollowupVariant("plan", printed, "fill", seed=5, title=TITLE),
                                    src / "talousarvio_2026.pdf"), columns)
    company_rows = write_followup_pdf(FollowupVariant("company", KAUHAVA4, "word", seed=8, title="Testilän Vesi Oy"),
                                      src / "tilinpaatos_2025.pdf")
    db = tmp_path / "m.duckdb"
    report = ingest_paths([src], db, workers=1)
    assert sorted(r.status for r in report.results) == ["ok", "ok"], report.results
    con = duckdb.connect(str(db), read_only=True)
    try:
        kinds = dict(con.execute("SELECT file_name, kind FROM documents").fetchall())
        assert kinds == {"talousarvio_2026.pdf": "goals", "tilinpaatos_2025.pdf": "followup"}
        goals = con.execute("SELECT goal, metrics, metric_targets, metric_baselines FROM v_goal_outcomes "
                            "ORDER BY goal_id").fetchall()
        assert [g[0] for g in goals] == list(gold)
        for goal, metrics, targets, baselines in goals:
            want = gold[goal]["metrics"]
            assert (metrics, targets, baselines) == tuple(" | ".join(str(m[k]) for m in want) for k in range(3))
        assert con.execute("SELECT count(*) FROM followups f JOIN documents d USING (doc_id) "
                           "WHERE d.file_name = 'talousarvio_2026.pdf'").fetchone()[0] == 0
        units = con.execute("SELECT body, unit, company, rows, assessed_rows FROM v_followup_units").fetchall()
        assessed = sum(1 for r in company_rows if r["status"])
        assert units == [(None, "Testilän Vesi Oy", "Testilän Vesi Oy", len(company_rows), assessed)]
    finally:
        con.close()


def test_goal_table_inside_minutes_belongs_to_its_item(tmp_path: Path) -> None:
    """The goals of a table printed in § 43 are that item's, read once from the table (not again
    from the item's text, where the cells run together), with the binding heading above them."""
    from extractors.records import AgendaItem
    from tests.test_goal_variants import write_minutes_with_goals

    path = write_minutes_with_goals(
        tmp_path / "ptk.pdf", "Toiminnalliset tavoitteet vuodelle 2026",
        "Lautakunta asettaa toiminnalliset tavoitteet alla olevan taulukon mukaisesti.\n\n"
        "Valtuustoon nähden sitovat tavoitteet",
        table=[("Tavoite", "Toimenpiteet", "Mittari", "Tavoitetaso"),
               ("1. Kirjaston käyttö monipuolistuu", "Omatoimikirjasto kyliin", "Lainaukset / asukas", "10"),
               ("2. Liikuntapaikkojen käyttö kasvaa", "Vuorojaon uudistus", "Käyttötunnit", "vähintään 45 000")])
    ex = extract_document(path.read_bytes(), Source(str(path), path.name))
    item = next(i for i in ex.of(AgendaItem) if i.section_number == 43)
    assert [(g.text, g.ordinal, g.item_id, g.binding, g.period_start, g.page) for g in ex.of(Goal)] == [
        ("Kirjaston käyttö monipuolistuu", 1, item.item_id, "valtuusto", 2026, item.page_start),
        ("Liikuntapaikkojen käyttö kasvaa", 2, item.item_id, "valtuusto", 2026, item.page_start)]
    assert [(m.text, m.target) for m in ex.of(GoalMetric)] == [
        ("Lainaukset / asukas", "10"), ("Käyttötunnit", "vähintään 45 000")]
    assert ex.of(FollowUp) == []
