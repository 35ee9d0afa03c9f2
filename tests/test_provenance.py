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
from extractors.provenance import with_pages
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
