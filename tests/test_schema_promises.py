"""What docs/schema.md promises about `link_score` and Ahjo identifiers holds on real rows."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from extractors.goals.followup import extract_followups_text
from extractors.goals.linking import DEFAULT_LINK_THRESHOLD
from extractors.records import AgendaItem, Document, Extraction, Meeting
from pipeline.goals_views import relink
from pipeline.harvest.ahjo import meeting_extraction
from pipeline.schemadoc import table_docs
from pipeline.storage import connect, write_extraction
from tests.conftest import ROOT


def test_link_score_is_0_to_1_linked_from_the_threshold_and_null_without_goals(demo_db: Path,
                                                                               tmp_path: Path) -> None:
    assert "reaches 0.8" in table_docs()["followups"].columns["link_score"]
    assert DEFAULT_LINK_THRESHOLD == 0.8
    db = tmp_path / "m.duckdb"
    shutil.copy(demo_db, db)
    text = next((ROOT / "data" / "raw").glob("*toteutuminen*.txt")).read_text(encoding="utf-8")
    rows = extract_followups_text(text, "f" * 64, "Nokia", "536", year=2025)
    doc = Document(doc_id="f" * 64, source="nokia.txt", file_name="nokia.txt", municipality="Nokia",
                   municipality_code="536", kind="followup", language="fi", pages=None, ocr=False,
                   ocr_repaired=False, status="ok", error=None)
    con = connect(db)
    try:
        write_extraction(con, Extraction(doc, rows))
        # a Ylöjärvi row that matches no goal: kept unlinked with its best (low) score
        con.execute("""UPDATE followups SET goal = 'Uimahallin aukioloajat', action = NULL, metric = NULL,
                       comment = NULL WHERE municipality = 'Ylöjärvi' AND ordinal = 1""")
        relink(con)
        got = con.execute("SELECT municipality, goal_id, link_score FROM followups").fetchall()
    finally:
        con.close()
    assert "4 decimals" in table_docs()["followups"].columns["link_score"]
    assert all(r[2] is None or r[2] == round(r[2], 4) for r in got)
    nokia = [r for r in got if r[0] == "Nokia"]
    assert nokia and all(r[1] is None and r[2] is None for r in nokia)  # no goals there: NULL
    linked = [r for r in got if r[1] is not None]
    assert linked and all(DEFAULT_LINK_THRESHOLD <= r[2] <= 1 for r in linked)
    near = [r for r in got if r[0] == "Ylöjärvi" and r[1] is None]
    assert len(near) == 1 and 0 <= near[0][2] < DEFAULT_LINK_THRESHOLD


def test_ahjo_ids_have_the_documented_form(shared_dir: Path) -> None:
    doc = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    assert "`<municipality>/<DecisionMaker as given>/<date>/<doc_id[:8]>`" in doc and "`<meeting_id>/§<section>`" in doc
    real = shared_dir / "real" / "helsinki"
    meetings = json.loads((real / "meetings_latest.json").read_text(encoding="utf-8"))
    decisions = json.loads((real / "decisions_latest.json").read_text(encoding="utf-8"))
    meetings = meetings.get("meetings", meetings) if isinstance(meetings, dict) else meetings
    decisions = decisions.get("decisions", decisions) if isinstance(decisions, dict) else decisions
    checked = 0
    for meeting in meetings:
        mine = [d for d in decisions if (d.get("Meeting") or {}).get("MeetingID") == meeting.get("MeetingID")]
        ext = meeting_extraction({"meeting": meeting, "decisions": mine}, "a" * 64, "u", "f", "Helsinki", "091")
        (m,) = ext.of(Meeting)
        assert re.fullmatch(r"Helsinki/[^/]+/\d{4}-\d{2}-\d{2}/a{8}", m.meeting_id), m.meeting_id
        for item in ext.of(AgendaItem):
            form = rf"{re.escape(m.meeting_id)}/(§{item.section_number}|#[^/]+)(-\d+)?"
            assert re.fullmatch(form, item.item_id), item.item_id
            assert (item.section_number is None) == ("/#" in item.item_id)
            checked += 1
    assert checked >= 10


def test_office_holders_decisions_have_the_documented_item_id(shared_dir: Path) -> None:
    """'for an office holder's decision
    `<municipality>/<office>/<case id (CaseIDLabel) or NativeId>/<doc_id[:8]>/§<n>`',
    as ingest reads a saved Ahjo response (here 60 real office holders' decisions of one)."""
    from extractors.document import Source, extract_document

    doc = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    assert "`<municipality>/<office>/<case id (CaseIDLabel) or NativeId>/<doc_id[:8]>/§<n>`" in doc
    saved = json.loads((shared_dir / "real" / "helsinki" / "decisions_latest.json").read_text(encoding="utf-8"))
    saved = saved.get("decisions", saved) if isinstance(saved, dict) else saved
    decisions = [d for d in saved if not d.get("Meeting")][:60]
    data = json.dumps({"decisions": decisions}, ensure_ascii=False).encode("utf-8")
    ext = extract_document(data, Source("decisions.json", "decisions.json"))
    offices = {(d.get("Organization") or {}).get("Name") for d in decisions}
    keys = {d.get("CaseIDLabel") or d["NativeId"] for d in decisions}
    doc8 = ext.document.doc_id[:8]
    own = [i for i in ext.of(AgendaItem) if i.meeting_id is None]
    assert len(own) >= 50
    form = re.compile(rf"Helsinki/(?P<office>.+)/(?P<key>[^/]+)/{doc8}/(?:§(?P<n>\d+)|#[^/]*)(?:-\d+)?")
    for item in own:
        m = form.fullmatch(item.item_id)
        assert m, item.item_id
        assert m["office"] in offices and m["key"] in keys and m["office"] == item.body, item.item_id
        assert m["n"] is None or int(m["n"]) == item.section_number, item.item_id
        # the case id, which the printed diary number starts with ('HEL 2022-000063 T 00 01 00')
        assert (item.diary_number or m["key"]).startswith(m["key"]), item.item_id
