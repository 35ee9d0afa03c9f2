"""Linking follow-up rows to goals: seed 003 (goals for 2024) and seed 002 (their follow-up) are the
same committee; unrelated pairs must stay unlinked. `relink` and the views run on a real DuckDB file."""

from __future__ import annotations

from pathlib import Path

from extractors.goals.followup import extract_followups, extract_followups_text
from extractors.goals.linking import lemmatise, link_followups
from extractors.goals.plans import extract_goals
from extractors.records import Document, Extraction, Goal
from extractors.text.pdftext import read_pdf
from pipeline.goals_views import relink
from pipeline.storage import connect, write_extraction

D06 = "d06_loimaa_sivistyslautakunta_tavoitteiden_toteutuminen_2024.pdf"
D07 = "d07_kankaanpaa_hyvinvointilautakunta_tavoitteet_2026.pdf"
# The seeds do not name their municipality; the two that belong together get one placeholder name.
SEED_MUNICIPALITY = "Kunta A"

# seed 002 row -> the seed 003 goal it reports on (by the goal's unit), read from both texts
EXPECTED_SEED_LINKS = ["Kirjastopalvelut", "Kulttuuripalvelut", "Liikuntapalvelut", "Liikuntapalvelut",
                       "Hyvinvointipalvelut", "Hyvinvointipalvelut", "Hyvinvointipalvelut", "Nuorisopalvelut"]


def _seed(shared: Path, n: str) -> str:
    return next((shared / "seeds").glob(f"{n}_*.txt")).read_text(encoding="utf-8")


def _d07_goals(shared: Path, municipality: str | None = None) -> list:
    content = read_pdf((shared / "corpus" / "dev" / D07).read_bytes())
    lines = [ln for p in content.pages for ln in p.lines if ln.y > 80]
    return extract_goals("", "d07" * 6, "d07-item", municipality, "214" if municipality else None,
                         "Hyvinvointilautakunta", lines=lines)


def test_seed_003_goals_link_to_seed_002_followup(shared_dir: Path) -> None:
    goals = extract_goals(_seed(shared_dir, "003"), "seed003" * 3, None, None, None, None)
    rows = link_followups(extract_followups_text(_seed(shared_dir, "002"), "seed002" * 3), goals)
    unit_of = {g.goal_id: g.unit for g in goals if isinstance(g, Goal)}
    assert [unit_of.get(r.goal_id) for r in rows] == EXPECTED_SEED_LINKS  # precision and recall 1.0
    assert all(r.link_score is not None and r.link_score >= 0.9 for r in rows)


def test_unrelated_goals_stay_unlinked(shared_dir: Path) -> None:
    """Precision guard: rows of other committees and municipalities find no goal."""
    d06 = extract_followups((shared_dir / "corpus" / "dev" / D06).read_bytes(), "d06" * 6, None, None)
    seed002 = extract_followups_text(_seed(shared_dir, "002"), "seed002")
    seed000 = extract_goals(_seed(shared_dir, "000"), "seed000", None, None, None, None)
    d07 = _d07_goals(shared_dir)
    for rows, goals in ((d06, d07), (d06, seed000), (seed002, d07), (seed002, seed000)):
        linked = link_followups(rows, goals)
        assert not [r for r in linked if r.goal_id], [r.goal for r in linked if r.goal_id]
    # mixing the right goals in among wrong ones still finds the right ones
    seed003 = extract_goals(_seed(shared_dir, "003"), "seed003", None, None, None, None)
    linked = link_followups(seed002, d07 + seed000 + seed003)
    assert all(r.goal_id and r.goal_id.startswith("seed003") for r in linked)


def test_lemmatise_uses_voikko_base_forms() -> None:
    assert lemmatise("1. Kehitetään kirjastopalveluja") == "kehittää kirjastopalvelu"
    assert lemmatise("Mittari: Periaatteet valmiit") == "periaate valmis"


def _doc(doc_id: str, name: str, municipality: str, code: str | None, kind: str) -> Document:
    return Document(doc_id=doc_id, source=f"test://{name}", file_name=name, municipality=municipality,
                    municipality_code=code, kind=kind, language="fi", pages=None, ocr=False,
                    ocr_repaired=False, status="ok", error=None)


def build_goal_db(db_path: Path, shared: Path) -> Path:
    """A small database of goals and follow-ups of four municipalities, built from the extractors."""
    dev = shared / "corpus" / "dev"
    con = connect(db_path)
    try:
        seed003 = extract_goals(_seed(shared, "003"), "seed003" * 3, None, SEED_MUNICIPALITY, None,
                                "Hyvinvointilautakunta")
        seed002 = extract_followups_text(_seed(shared, "002"), "seed002" * 3, SEED_MUNICIPALITY, None, year=2024,
                                         body="Hyvinvointilautakunta")
        seed000 = extract_goals(_seed(shared, "000"), "seed000" * 3, None, "Kokemäki", "271",
                                "Elinvoima- ja hyvinvointilautakunta")
        d06 = extract_followups((dev / D06).read_bytes(), "d06" * 6, "Loimaa", "430")
        for doc_id, name, municipality, code, kind, rows in (
                ("seed003" * 3, "seed003.txt", SEED_MUNICIPALITY, None, "goals", seed003),
                ("seed002" * 3, "seed002.txt", SEED_MUNICIPALITY, None, "followup", seed002),
                ("seed000" * 3, "seed000.txt", "Kokemäki", "271", "goals", seed000),
                ("d07" * 6, D07, "Kankaanpää", "214", "goals", _d07_goals(shared, "Kankaanpää")),
                ("d06" * 6, D06, "Loimaa", "430", "followup", d06)):
            write_extraction(con, Extraction(_doc(doc_id, name, municipality, code, kind), list(rows)))
        relink(con)
    finally:
        con.close()
    return db_path


def test_relink_and_views_on_duckdb(shared_dir: Path, tmp_path: Path) -> None:
    db = build_goal_db(tmp_path / "goals.duckdb", shared_dir)
    con = connect(db)
    try:
        linked = con.execute("""SELECT f.municipality, g.municipality, g.unit FROM followups f
                                JOIN goals g USING (goal_id) ORDER BY f.ordinal""").fetchall()
        assert [u for _, _, u in linked] == EXPECTED_SEED_LINKS
        assert all(a == b == SEED_MUNICIPALITY for a, b, _ in linked)  # never across municipalities
        outcome = dict(con.execute("SELECT unit, outcome FROM v_goal_outcomes WHERE municipality = ?",
                                   [SEED_MUNICIPALITY]).fetchall())
        assert outcome["Hyvinvointipalvelut"] == "osittain" and outcome["Nuorisopalvelut"] == "toteutunut"
        assert outcome["Kirjastopalvelut"] is None  # followed up, but the comment grades nothing
        loimaa = con.execute("""SELECT sum(goals_set), sum(goals_achieved), sum(goals_not_achieved)
                                FROM v_theme_by_municipality
                                WHERE municipality = 'Loimaa' AND year = 2024""").fetchone()
        assert loimaa == (12, 6, 2)  # d06 rows, unlinked, counted by their own status
        kankaanpaa = dict(con.execute("""SELECT theme, goals_set FROM v_theme_by_municipality
                                         WHERE municipality = 'Kankaanpää'""").fetchall())
        assert sum(kankaanpaa.values()) == 10 and kankaanpaa["kirjasto"] == 2
    finally:
        con.close()
