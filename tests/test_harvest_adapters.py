"""Adapters against pages captured from the live systems (../shared/real, served in place by a
local HTTP server), compared with the scraper outputs captured beside them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors.records import Attendee, Decision, Vote
from pipeline.harvest.ahjo import meeting_extraction
from pipeline.harvest.casem import CasemAdapter
from pipeline.harvest.config import SourceConfig
from pipeline.harvest.dynasty import DynastyAdapter
from pipeline.harvest.htmlutil import squash
from pipeline.harvest.http import Fetcher, FetchSettings
from pipeline.harvest.tweb import TwebAdapter
from tests.fixtures.sites.siteserver import Site, SiteServer


def _load(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture
def serve():
    servers = []

    def start(site: Site, system: str, path: str) -> tuple:
        server = SiteServer(site).__enter__()
        servers.append(server)
        source = SourceConfig("X", system, server.url + path, delay_s=0)
        fetcher = Fetcher(FetchSettings(delay_s=0, retries=0))
        fetcher.allow_site(source.url, 0)
        return source, fetcher

    yield start
    for server in servers:
        server.__exit__()


def test_dynasty_espoo_static_tree(shared_dir: Path, serve):
    real = shared_dir / "real/systems/espoo"
    site = Site()
    for f in real.glob("*.HTM"):
        site.add_file(f"/kokous/{f.name}", f, "text/html")  # the server names no charset: meta says cp1252
    adapter = DynastyAdapter(*serve(site, "dynasty", "/kokous/"))
    bodies = adapter.bodies()
    expected_bodies = _load(real / "espoo_toimielimet.json")
    assert {b["name"] for b in expected_bodies} <= {b.name for b in bodies}
    assert {b["sourceId"] for b in expected_bodies} <= {b.id for b in bodies}
    meetings = [m for b in bodies if b.name == "Kaupunginhallitus" for m in adapter.meetings(b, None)]
    expected = {m["sourceId"]: m["startDate"][:10] for m in _load(real / "espoo_kh_kokoukset.json")}
    assert {m.id: str(m.date) for m in meetings} == expected
    meeting = next(m for m in meetings if m.id == "2017406946")
    items = {i.id: i for i in adapter.items(meeting)}
    for action in _load(real / "espoo_kh_actions_170508.json"):
        item = items[action["sourceId"]]
        assert (item.number, squash(item.title)) == (int(action["articleNumber"]), squash(action["title"]))
    assert [d.file_name for d in adapter.documents(meeting)] == ["2017406946.PDF"]
    assert [d.url.rsplit("/", 1)[1] for d in adapter.documents(items["2017406946-3"])] == ["2017406946-3.PDF"]


@pytest.mark.parametrize("city, listing, meeting_page, meeting_id", [
    ("oulu", "oulu_tweb_kaupunginhallitus_kokoukset.html", "oulu_tweb_kaupunginhallitus_5_2017.html", "12867"),
    ("vantaa", "vantaa_tweb_kaupunginhallitus_kokoukset.html", "vantaa_tweb_kaupunginhallitus_20_3_2017.html",
     "130013"),
])
def test_tweb_iso_8859_1_pages(shared_dir: Path, serve, city, listing, meeting_page, meeting_id):
    real = shared_dir / "real/systems" / city
    base = "/ktwebbin/dbisa.dll/ktwebscr/"
    site = Site()
    site.add_file(base + "pk_tek_tweb.htm", real / f"{city}_tweb_haku.html", "text/html; charset=ISO-8859-1")
    for page in ("pk_kokl_tweb.htm", "epj_kokl_tweb.htm"):
        site.add_file(base + page, real / listing, "text/html; charset=ISO-8859-1")
    site.add_file(f"{base}pk_asil_tweb.htm?+bid={meeting_id}", real / meeting_page, "text/html; charset=ISO-8859-1")
    adapter = TwebAdapter(*serve(site, "tweb", base))
    bodies = adapter.bodies()
    expected = _load(real / f"{city}_toimielimet.json")
    assert [(b.id, b.name) for b in bodies] == [(b["sourceId"], b["name"]) for b in expected]
    kh = next(b for b in bodies if b.name == "Kaupunginhallitus")
    meetings = adapter.meetings(kh, None)
    assert site.log[-1].method == "POST"
    expected_meetings = _load(real / f"{city}_kaupunginhallitus_kokoukset.json")
    assert [m.id for m in meetings] == [m["sourceId"] for m in expected_meetings]
    meeting = next(m for m in meetings if m.id == meeting_id)
    items = {i.id: i for i in adapter.items(meeting)}
    asiat = next(real.glob(f"{city}_kaupunginhallitus_*_asiat.json"))
    for action in _load(asiat):
        item = items[str(action["sourceId"])]
        assert (item.number, squash(item.title)) == (int(action["articleNumber"]), squash(action["title"]))
    assert any(i.number is None and "kansilehti" in i.title.lower() for i in items.values())


def test_casem_tampere_odata(shared_dir: Path, serve):
    real = shared_dir / "real/systems/tampere/casem"
    api = "/api/opennc/v1/"
    site = Site()
    for resource, file in (("Nodes", "nodes.json"), ("Nodes(11291)/SubNodes()", "11291_subnodes.json"),
                           ("Nodes(11291)/SubNodes(11292)/SubNodes()", "11291_11292_subnodes.json"),
                           ("Nodes(11291)/SubNodes(11292)/SubNodes(11291)/SubNodes()",
                            "11291_11292_11291_subnodes.json"), ("Contents()", "node_11292_contents.json")):
        site.add_file(api + resource, real / file, "application/json")
    for f in real.glob("contents_*_extended_properties.json"):
        site.add_file(f"{api}Contents({f.name.split('_')[1]})/ExtendedProperties", f, "application/json")
    adapter = CasemAdapter(*serve(site, "casem", "/"))
    bodies = adapter.bodies()
    expected = _load(shared_dir / "real/systems/tampere/tampere_toimielimet.json")
    assert [(b.id, b.name) for b in bodies] == [(e["sourceId"], e["name"]) for e in expected]
    meetings = adapter.meetings(bodies[0], None)
    assert meetings[0].title == "Kokous 5.9.2016" and str(meetings[0].date) == "2016-09-05"
    items = {int(i.id): i for i in adapter.items(meetings[0])}
    for action in _load(shared_dir / "real/systems/tampere/tampere_kh_actions_170605.json"):
        assert items[action["sourceId"]].number == int(action["articleNumber"])
        assert squash(items[action["sourceId"]].title) == squash(action["title"])
    docs = adapter.documents(meetings[0])
    assert [d.url.split(api[:-1])[0].rsplit("/", 1)[-1] for d in docs] == ["83437"]
    assert "/download/noname/{e65da585-938c-4a55-9a98-0b8811e75768}/83437" in docs[0].url


def test_ahjo_records_from_real_api_json(shared_dir: Path):
    real = shared_dir / "real/helsinki"
    meetings = _load(real / "meetings_latest.json")["meetings"]
    decisions = _load(real / "decisions_latest.json")["decisions"]
    voted = next(d for d in decisions if d.get("VotingResults"))
    meeting = next((m for m in meetings if m["MeetingID"] == voted["Meeting"]["MeetingID"]), None)
    meeting = meeting or {**voted["Meeting"], "Agenda": [], "Composition": []}
    ext = meeting_extraction({"meeting": meeting, "decisions": [voted]}, "d" * 64, "https://ahjo/x", "x.json",
                             "Helsinki", "091")
    (vote,) = ext.of(Vote)
    ayes = voted["VotingResults"][0]["Ayes"]
    assert vote.jaa == ayes["NumberOfVotes"] and len(vote.jaa_names) == vote.jaa and vote.counts_match
    assert "Harry Bogomoloff" in vote.jaa_names
    (decision,) = ext.of(Decision)
    assert decision.outcome == "merkitty_tiedoksi" and decision.item_id.endswith("/§388")
    big = max(meetings, key=lambda m: len(m["Composition"]))
    ext = meeting_extraction({"meeting": big, "decisions": []}, "e" * 64, "u", "f", "Helsinki", "091")
    attendees = ext.of(Attendee)
    assert len(attendees) == len(big["Composition"])
    assert {a.role_norm for a in attendees} >= {"puheenjohtaja", "jasen"}
