"""Decisions, votes, recusals, goals, actions and metrics name their document and page.

Synthetic: the sample PDFs' gold gives each section's page as the renderer placed it, so the
decision's page must be its paatos section's page and a vote's or recusal's the page of the section
holding its sentence. Real (Lapua): the page named must hold the start of the decision text in
the PDF's own text layer (read here with pypdfium2 directly), a consistency check, not a gold."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pypdfium2 as pdfium

from extractors import records as R
from extractors.document import Source, extract_document
from extractors.minutes.provenance import with_pages
from tests.conftest import ROOT

RAW = ROOT / "data" / "raw"


def _squash(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()


def _extract(path: Path) -> R.Extraction:
    return extract_document(path.read_bytes(), Source(str(path), path.name))


def test_sample_pdfs_put_each_row_on_its_gold_page() -> None:
    checked = 0
    for gold_path in sorted(RAW.glob("*.gold.json")):
        pdf = gold_path.with_name(gold_path.name.replace(".gold.json", ".pdf"))
        if not pdf.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        ext = _extract(pdf)
        numbers = {i.item_id: i.section_number for i in ext.of(R.AgendaItem)}
        by_number = {it["section_number"]: it for it in gold["items"]}
        for row in ext.of(R.Decision) + ext.of(R.Vote) + ext.of(R.Recusal):
            sections = by_number[numbers[row.item_id]]["sections"]
            if isinstance(row, R.Decision):
                want = [s["page"] for s in sections if s["kind"] == "paatos"][-1]
            else:
                probe = _squash(row.text if isinstance(row, R.Vote) else row.note)[:30]
                want = next(s["page"] for s in sections if probe in _squash(s["text"]))
            assert row.page == want, (pdf.name, type(row).__name__, row.item_id)
            checked += 1
    assert checked >= 10


def test_goal_rows_take_the_page_of_their_text_and_actions_follow() -> None:
    sec = R.ItemSection(item_id="i", doc_id="d", ordinal=0, kind="selostus", heading_raw=None, page=7,
                        text="Perusopetus Vahvistetaan lukutaitoa kaikissa kouluissa. Mittari: kyllä/ei")
    goal = R.Goal(goal_id="d:g1", doc_id="d", item_id="i", municipality=None, municipality_code=None, body=None,
                  period_start=2025, period_end=2025, unit="Perusopetus", binding=None, strategy_area=None,
                  ordinal=1, text="Vahvistetaan lukutaitoa kaikissa kouluissa.", theme="opetus")
    action = R.GoalAction(goal_id="d:g1", doc_id="d", ordinal=0, text="Vuosikello")
    kept = R.Goal(**{**goal.__dict__, "goal_id": "d:g2", "page": 3})
    rows = with_pages([sec, goal, action, kept])
    assert [getattr(r, "page", None) for r in rows] == [7, 7, 7, 3]


def test_real_lapua_decisions_sit_on_the_page_named(shared_dir: Path) -> None:
    pdf = next((shared_dir / "real" / "lapua").glob("Pöytäkirja-Tekninen lautakunta*.pdf"))
    ext = _extract(pdf)
    decisions = ext.of(R.Decision)
    assert decisions and all(d.page for d in decisions)
    doc = pdfium.PdfDocument(str(pdf))
    pages = [_squash(doc[i].get_textpage().get_text_range()) for i in range(len(doc))]
    found = sum(1 for d in decisions if _squash(d.text)[:25] in pages[d.page - 1])
    assert found >= 0.9 * len(decisions), f"{found}/{len(decisions)} decisions on the page named"


# Every table and view a researcher reads names its document and its page; the few that cannot
# say why here, so a new table without them fails until it has them or a reason.
NO_PAGE = {
    "documents": "it is the document (`pages` counts its pages)",
    "meetings": "read from the minutes' header; no page recorded yet",
    "attendees": "read from the minutes' header; no page recorded yet",
    "item_translations": "another language's version from Helsinki's Ahjo API, which has no pages",
    "section_terms": "the search index of a section; `item_sections` has its page",
    "ingest_errors": "about a document's stage, not a place in it",
    "enriched_items": "bookkeeping of `minutes enrich`",
    "v_theme_by_municipality": "counts over the goals of many documents",
    "v_followup_units": "counts of follow-up rows per unit and company over many documents",
    "v_budget_outturn": "combines the columns of a budget line; `budget_lines` has each amount's page",
}
NO_DOCUMENT = {"v_theme_by_municipality": "counts over the goals of many documents",
               "v_followup_units": "counts of follow-up rows per unit and company over many documents"}


def test_every_table_and_view_names_its_document_and_page(demo_db: Path) -> None:
    import duckdb

    con = duckdb.connect(str(demo_db), read_only=True)
    try:
        rows = con.execute("SELECT table_name, column_name FROM information_schema.columns "
                           "WHERE table_schema = 'main'").fetchall()
    finally:
        con.close()
    columns: dict[str, set[str]] = {}
    for table, column in rows:
        columns.setdefault(table, set()).add(column)
    record_tables = {t.TABLE for t in R.TABLE_RECORDS}
    from pipeline.views import VIEWS

    missing = []
    for name in sorted(record_tables | set(VIEWS)):
        have = columns[name]
        if "doc_id" not in have and name not in NO_DOCUMENT:
            missing.append(f"{name} has no doc_id")
        if not have & {"page", "page_start"} and name not in NO_PAGE:
            missing.append(f"{name} has no page")
    assert not missing, missing
    assert set(NO_PAGE) <= record_tables | set(VIEWS), "an exemption names a table that no longer exists"


def test_real_lapua_rows_name_a_page_inside_their_item(shared_dir: Path) -> None:
    """Decisions, votes, recusals, preparers and presenters, and earlier handlings of real minutes."""
    checked: dict[type, int] = {}
    for pdf in sorted((shared_dir / "real" / "lapua").glob("Pöytäkirja-*.pdf")):
        ext = _extract(pdf)
        items = {i.item_id: i for i in ext.of(R.AgendaItem)}
        for kind in (R.Decision, R.Vote, R.Recusal, R.ItemRole, R.ItemHistory):
            for row in ext.of(kind):
                item = items[row.item_id]
                if kind is R.ItemHistory and row.page is None:
                    continue  # only a reference printed under the header, no section of its own
                assert row.page is not None, (pdf.name, kind.__name__, row.item_id)
                assert item.page_start <= row.page <= item.page_end, (pdf.name, kind.__name__, row.item_id)
                checked[kind] = checked.get(kind, 0) + 1
    assert checked[R.Decision] >= 80 and checked[R.Vote] >= 2 and checked[R.Recusal] >= 10
    assert checked[R.ItemRole] >= 80 and checked[R.ItemHistory] >= 10
