"""Ahjo API JSON given to `minutes ingest` is read as the harvest reads it (issue 15).

Counts come from the source file itself: its decisions, its meetings, and its language versions
(decisions of the same meeting or office, § and case: Ahjo prints Finnish headings even over the
Swedish text, so the pair is told by those fields; which one is Swedish was read by hand: the
council's § 388 'Utredning om åtgärderna ...'); plus a small JSON of our own.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
import pytest

from extractors import records as R
from extractors.document import Source, extract_document
from extractors.minutes.ahjo import ahjo_shape
from pipeline.harvest.ahjo import meeting_extraction
from pipeline.ingest import ingest_paths


def later_versions(decisions: list[dict]) -> list[dict]:
    """Every decision after the first of its (meeting or office, §, case) in the file."""
    seen, later = set(), []
    for d in decisions:
        key = ((d["Meeting"] or {}).get("MeetingID") or d["Organization"]["ID"], d["Section"], d["CaseIDLabel"])
        (later.append(d) if key in seen else seen.add(key))
    return later


def _decision(native: str, section: str, title: str, paatos_heading: str, paatos: str, case: str | None,
              meeting: dict | None, org: str = "Kaupunginhallitus", votes: list | None = None) -> dict:
    html = (f'<html lang="fi"><body><div class="paatos"><div class="Asiapykala">{section} §</div>'
            f'<h1 class="AsiaOtsikko">{title}</h1><div class="SisaltoSektio"><h3 class="SisaltoOtsikko">'
            f"{paatos_heading}</h3><p>{paatos}</p></div></div></body></html>")
    return {"NativeId": native, "Title": title, "Section": section, "CaseIDLabel": case, "Content": html,
            "Meeting": meeting, "VotingResults": votes or [],
            "Organization": {"ID": f"org-{org}", "Name": org, "Type": "Hallitus"}}


MEETING = {"MeetingID": "M1", "Name": "Kaupunginhallitus", "DecisionMaker": "Kaupunginhallitus",
           "DateMeeting": "2024-05-06T16:00:00.000", "Location": "Kaupungintalo"}
VOTE = [{"Ayes": {"NumberOfVotes": 2, "Voters": [{"Name": "Aho, Anna"}, {"Name": "Berg, Bo"}]},
         "Noes": {"NumberOfVotes": 1, "Voters": [{"Name": "Cederberg, Cia"}]}, "Blank": {}, "Absent": {}}]


def own_payload() -> dict:
    """Two language versions of one § (the Swedish one listed first), and an office holder's decision."""
    fi_text = ("Kaupunginhallitus päätti hyväksyä puiston peruskorjauksen ja merkitä sen tiedoksi "
               "kaupungin lautakunnalle.")
    sv_text = "Stadsstyrelsen beslutade att godkänna ombyggnaden av parken och att det är en sak för nämnden."
    return {"decisions": [
        _decision("{SV}", "12", "Ombyggnad av parken", "Beslut", sv_text, "HEL 2024-1", MEETING, votes=VOTE),
        _decision("{FI}", "12", "Puiston peruskorjaus", "Päätös", fi_text, "HEL 2024-1", MEETING, votes=VOTE),
        _decision("{OH}", "3", "Hankinnan hyväksyminen", "Päätös",
                  "Hankintapäällikkö päätti hyväksyä tarjouksen ja se on kaupungin etu.", "HEL 2024-2", None,
                  org="Hankintapäällikkö"),
    ]}


def test_shape_is_told_by_content_not_name():
    data = json.dumps(own_payload()).encode()
    assert ahjo_shape(data)[0] == "decisions"
    assert ahjo_shape(b'{"decisions": [{"title": "x"}]}') is None  # some other JSON
    assert ahjo_shape(b"[1, 2]") is None and ahjo_shape(b"Kokous 1/2024") is None
    ex = extract_document(data, Source("x", "saved.txt"))  # any name: the bytes decide
    assert ex.document.source_format == "ahjo-json"


def test_language_versions_are_one_item_voted_once():
    ex = extract_document(json.dumps(own_payload()).encode(), Source("x", "x.json", "Helsinki"))
    items = {i.title: i for i in ex.of(R.AgendaItem)}
    assert set(items) == {"Puiston peruskorjaus", "Hankinnan hyväksyminen"}
    council = items["Puiston peruskorjaus"]
    assert council.meeting_id and council.section_number == 12 and council.diary_number == "HEL 2024-1"
    [tr] = ex.of(R.ItemTranslation)
    assert (tr.item_id, tr.language, tr.title, tr.source_id) == (council.item_id, "sv", "Ombyggnad av parken", "{SV}")
    assert "Stadsstyrelsen beslutade" in tr.text
    [vote] = ex.of(R.Vote)
    assert (vote.item_id, vote.jaa, vote.ei, vote.jaa_names) == (council.item_id, 2, 1, ("Anna Aho", "Bo Berg"))
    assert [d.item_id for d in ex.of(R.Decision)].count(council.item_id) == 1
    office = items["Hankinnan hyväksyminen"]
    assert office.meeting_id is None and office.body == "Hankintapäällikkö" and office.section_number == 3
    assert len(ex.of(R.Meeting)) == 1


def test_saved_api_response_is_ingested_like_the_harvest_reads_it(shared_dir: Path, tmp_path: Path):
    path = shared_dir / "real" / "helsinki" / "decisions_latest.json"
    decisions = json.loads(path.read_text(encoding="utf-8"))["decisions"]
    versions = later_versions(decisions)
    assert len(versions) == 1  # the file as published: one decision in two languages
    swedish = [d for d in decisions if d["Title"].startswith("Utredning om åtgärderna")]
    db = tmp_path / "m.duckdb"
    report = ingest_paths([path], db, workers=1)
    assert [r.status for r in report.results] == ["ok"]
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM agenda_items").fetchone()[0] == len(decisions) - len(versions)
    # every Finnish decision is an item with its §, title and case, the diary number as the page
    # prints it: case id and filing class ('HEL 2021-000123 T 00 01 00')
    got = set(con.execute("SELECT section_number, title, diary_number FROM agenda_items").fetchall())
    for d in decisions:
        if d not in swedish:
            printed = f"{d['CaseIDLabel']} T {d['ClassificationCode']}" if d["CaseIDLabel"] else None
            if d["CaseIDLabel"] and not d["ClassificationCode"]:
                printed = d["CaseIDLabel"]
            assert (int(d["Section"]), d["Title"].strip(), printed) in got or (
                not d["CaseIDLabel"] and any(g[:2] == (int(d["Section"]), d["Title"].strip()) for g in got))
    # office holders decide without a meeting: their office is the body
    office = [d for d in decisions if not d["Meeting"]]
    assert con.execute("SELECT count(*) FROM agenda_items WHERE meeting_id IS NULL").fetchone()[0] == len(office)
    assert {d["Organization"]["Name"] for d in office} == {r[0] for r in con.execute(
        "SELECT DISTINCT body FROM agenda_items WHERE meeting_id IS NULL").fetchall()}
    meetings = {d["Meeting"]["MeetingID"] for d in decisions if d["Meeting"]}
    assert con.execute("SELECT count(*) FROM meetings").fetchone()[0] == len(meetings)
    # each Swedish version is the translation of the Finnish item of the same §, and voted once
    for sv in swedish:
        item_id, section = con.execute(
            "SELECT t.item_id, i.section_number FROM item_translations t JOIN agenda_items i USING (item_id) "
            "WHERE t.source_id = ? AND t.language = 'sv'", [sv["NativeId"]]).fetchone()
        assert section == int(sv["Section"])
        assert con.execute("SELECT count(*) FROM votes WHERE item_id = ?", [item_id]).fetchone()[0] == \
            len(sv["VotingResults"])
    voted = [d for d in decisions if d["VotingResults"] and d not in swedish]
    assert con.execute("SELECT count(*) FROM votes").fetchone()[0] == sum(len(d["VotingResults"]) for d in voted)
    # sections from the decision HTML: every printed 'Päätös' heading is a paatos section
    heading = re.compile(r"<h3[^>]*>\s*Päätös\s*</h3>")
    with_paatos = sum(1 for d in decisions if d not in versions and heading.search(d["Content"]))
    assert con.execute("SELECT count(DISTINCT item_id) FROM item_sections WHERE kind = 'paatos'").fetchone()[0] \
        >= with_paatos
    con.close()


def test_harvest_and_ingest_share_the_reader(shared_dir: Path):
    real = shared_dir / "real" / "helsinki"
    decisions = json.loads((real / "decisions_latest.json").read_text(encoding="utf-8"))["decisions"]
    voted = [d for d in decisions if d["Meeting"] and d["Meeting"]["MeetingID"] == "02900202123"]
    payload = {"meeting": {**voted[0]["Meeting"], "Agenda": [], "Composition": []}, "decisions": voted}
    harvested = meeting_extraction(payload, "h" * 64, "u", "f.json", "Helsinki", "091")
    data = json.dumps(payload, ensure_ascii=False).encode()
    ingested = extract_document(data, Source("u", "f.json"))
    def same(rows: list) -> list[dict]:  # ids name their document: compare everything else
        return [{k: v for k, v in r.__dict__.items() if k not in ("doc_id", "item_id", "meeting_id")} for r in rows]

    for kind in (R.AgendaItem, R.Decision, R.Vote, R.ItemSection, R.ItemTranslation):
        assert same(harvested.of(kind)) == same(ingested.of(kind)), kind
    assert len(harvested.of(R.AgendaItem)) == 1 and len(harvested.of(R.ItemTranslation)) == 1


@pytest.mark.parametrize("name", ["meetings_latest.json"])
def test_saved_meetings_response_gives_meetings_and_attendees(shared_dir: Path, name: str):
    path = shared_dir / "real" / "helsinki" / name
    meetings = json.loads(path.read_text(encoding="utf-8"))["meetings"]
    ex = extract_document(path.read_bytes(), Source(str(path), name))
    assert len(ex.of(R.Meeting)) == len({m["MeetingID"] for m in meetings})
    assert len(ex.of(R.Attendee)) == sum(len(m.get("Composition") or []) for m in meetings)
