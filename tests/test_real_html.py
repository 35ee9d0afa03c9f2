"""Real HTML as publishing systems serve it: Dynasty (Espoo), Tweb (Oulu, Vantaa), Turku's ah pages
and Helsinki Ahjo decisions, read in place from ../shared/real and checked against what the
scraper that captured them extracted (`*_contents_*.json`, `*_actions_*.json`, `*-toimenpiteet.json`).
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import lxml.html
import pytest
from rapidfuzz import fuzz

from extractors import records as R
from extractors.document import Source, extract_document
from extractors.text.htmltext import decode_html, listing_reason

CHROME = re.compile(r"Edellinen asia|Seuraava asia|PDF-muodossa|Avaa haku|Paluu edelliselle|Takaisin")
LISTINGS = ["espoo/TELIMET.HTM", "espoo/TELIN-200120.HTM", "espoo/TELIN-214778.HTM", "espoo/TELIN-217668.HTM",
            "oulu/oulu_tweb_haku.html", "oulu/oulu_tweb_kaupunginhallitus_kokoukset.html",
            "oulu/oulu_tweb_kaupunginhallitus_5_2017.html", "vantaa/vantaa_tweb_haku.html",
            "vantaa/vantaa_tweb_kaupunginhallitus_kokoukset.html",
            "vantaa/vantaa_tweb_kaupunginhallitus_20_3_2017.html", "turku/turku_kh_2017_kokoukset.htm",
            "turku/turku_kh_2017-01_kokoukset.htm"]
ITEM_PAGES = ["espoo/2013262303-5.HTM", "espoo/2017406946-3.HTM", "espoo/2017409886-4.HTM",
              "espoo/2017409886-26.HTM", "turku/turku_kh_2017-02-05-190.htm", "turku/turku_kh_2017-02-05-195.htm"]


@cache
def _extract(path: str) -> R.Extraction:
    return extract_document(Path(path).read_bytes(), Source(path, Path(path).name))


def extract(shared: Path, name: str) -> R.Extraction:
    return _extract(str(shared / "real" / "systems" / name))


def rows(ex: R.Extraction, kind: type) -> list:
    return [r for r in ex.rows if isinstance(r, kind)]


def html_text(fragment: str) -> str:
    return " ".join(lxml.html.fromstring(f"<div>{fragment}</div>").text_content().split())


def section(ex: R.Extraction, heading: str) -> R.ItemSection:
    """The first section printed under this heading."""
    return next(s for s in rows(ex, R.ItemSection) if (s.heading_raw or "").rstrip(":") == heading)


def proposal_without_presenter(ex: R.Extraction, fragment: str, name: str) -> str:
    """The scraper keeps the presenter's paragraph ('Kaupunginjohtaja Jukka Mäkelä') in the proposal;
    we read it as the esittelijä role: the role must be there, and the proposal is the rest."""
    first, *rest = lxml.html.fromstring(f"<div>{fragment}</div>").findall("p")
    assert first.text_content().strip().endswith(name)
    assert ("esittelija", name) in {(r.role, r.name) for r in rows(ex, R.ItemRole)}
    return "".join(lxml.html.tostring(p, encoding="unicode") for p in rest)


def expected(shared: Path, name: str) -> dict[str, str]:
    return {e["title"]: e["content"] for e in json.loads((shared / "real" / "systems" / name).read_text())}


# --- Dynasty item pages (Espoo) -------------------------------------------------------------------


def test_dynasty_item_page_one_item_sections_as_the_scraper_read_them(shared_dir: Path):
    ex = extract(shared_dir, "espoo/2013262303-5.HTM")
    [item] = rows(ex, R.AgendaItem)
    [meeting] = rows(ex, R.Meeting)
    assert (ex.document.municipality_code, ex.document.kind, ex.document.status) == ("049", "minutes", "ok")
    assert item.section_number == 5
    assert item.title == ("Korkeimman hallinto-oikeuden päätös Algol Chemicals Oy:n ympäristölupaa "
                          "koskevassa valitusasiassa")
    # the page's own heading ('Ympäristölautakunta / Pöytäkirja 17.01.2013 Pykälä 5') gives the meeting
    assert (meeting.body, str(meeting.meeting_date)) == ("Ympäristölautakunta", "2013-01-17")
    want = expected(shared_dir, "espoo/espoo_yl_130117_contents_5.json")
    want["Päätösehdotus"] = proposal_without_presenter(ex, want["Päätösehdotus"], "Tuula Hämäläinen-Tyynilä")
    for heading in ("Päätösehdotus", "Päätös", "Selostus", "Valmistelijat / lisätiedot"):
        got = section(ex, heading).text
        assert fuzz.ratio(got, html_text(want[heading])) >= 95, heading
    assert [s.kind for s in rows(ex, R.ItemSection)][:4] == ["valmistelija", "paatosehdotus", "paatos", "selostus"]
    [decision] = rows(ex, R.Decision)
    assert decision.outcome == "merkitty_tiedoksi"  # the accepted proposal notes a court's decision


@pytest.mark.parametrize("name", ITEM_PAGES)
def test_item_pages_carry_no_site_navigation(shared_dir: Path, name: str):
    ex = extract(shared_dir, name)
    assert rows(ex, R.AgendaItem)
    for sec in rows(ex, R.ItemSection):
        assert not CHROME.search(sec.text), (sec.heading_raw, sec.text[:200])
    for item in rows(ex, R.AgendaItem):
        assert not CHROME.search(item.title or "")


def test_dynasty_minutes_item_title_and_decision_history(shared_dir: Path):
    ex = extract(shared_dir, "espoo/2017406946-3.HTM")
    item = next(i for i in rows(ex, R.AgendaItem) if i.section_number == 127)
    action = next(a for a in json.loads((shared_dir / "real/systems/espoo/espoo_kh_actions_170508.json").read_text())
                  if a["sourceId"] == "2017406946-3")
    assert (item.section_number, item.title) == (int(action["articleNumber"]), action["title"])
    assert ex.document.municipality_code == "049"
    # the current handling changed the proposal; the earlier one (tabled) is history
    assert [d.outcome for d in rows(ex, R.Decision) if d.item_id == item.item_id] == ["hyvaksytty_muutettuna"]
    # the attachment list above the document is an index of files, not the item's header
    assert section(ex, "Liite").text.startswith("1 Espoon kaupungin hallintosääntö - Kokouksessa korjattu")


def test_dynasty_agenda_item_sections_match_the_scraper(shared_dir: Path):
    ex = extract(shared_dir, "espoo/2017409886-4.HTM")
    want = expected(shared_dir, "espoo/espoo_kh_170529_contents_4.json")
    want["Päätösehdotus"] = proposal_without_presenter(ex, want["Päätösehdotus"], "Jukka Mäkelä")
    for heading in ("Päätösehdotus", "Selostus"):
        assert fuzz.ratio(section(ex, heading).text, html_text(want[heading])) >= 95, heading
    assert not any(s.kind == "liitteet" for s in rows(ex, R.ItemSection))  # no empty 'Liitteet' label


# --- Turku ah pages ------------------------------------------------------------------------------


def test_turku_item_page_proposal_and_decision(shared_dir: Path):
    ex = extract(shared_dir, "turku/turku_kh_2017-02-05-190.htm")
    [item] = rows(ex, R.AgendaItem)
    assert (ex.document.municipality_code, item.section_number) == ("853", 190)
    want = expected(shared_dir, "turku/turku_kh_2017-02-05-190-toimenpiteet.json")
    proposal = section(ex, "Ehdotus")
    assert proposal.kind == "paatosehdotus"
    assert fuzz.ratio(proposal.text, " ".join(want["Ehdotus"].split())) >= 95
    assert section(ex, "Päätös").text == want["Päätös"]
    assert [d.outcome for d in rows(ex, R.Decision)] == ["hyvaksytty"]


# --- listings ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", LISTINGS)
def test_listing_pages_are_told(shared_dir: Path, name: str):
    data = (shared_dir / "real" / "systems" / name).read_bytes()
    assert listing_reason(decode_html(data))


@pytest.mark.parametrize("name", ITEM_PAGES)
def test_item_pages_are_no_listings(shared_dir: Path, name: str):
    assert listing_reason(decode_html((shared_dir / "real" / "systems" / name).read_bytes())) is None


def test_minutes_and_decisions_are_no_listings(shared_dir: Path, dev_corpus: Path):
    d08 = dev_corpus / "d08_raahe_kaupunginhallitus_2025-03-03.html"
    assert listing_reason(decode_html(d08.read_bytes())) is None
    for name in ("decision-content-new.html", "decision-motion.html", "meeting.html"):
        assert listing_reason((shared_dir / "real" / "helsinki" / name).read_text()) is None


# --- Helsinki Ahjo decisions ---------------------------------------------------------------------


def test_ahjo_decision_page(shared_dir: Path):
    path = shared_dir / "real" / "helsinki" / "decision-content-new.html"
    ex = extract_document(path.read_bytes(), Source(str(path), path.name))
    [item] = rows(ex, R.AgendaItem)
    assert (item.section_number, item.title) == (
        62, "Valtuutetun aloite syrjinnän vastaisen verkoston perustamisesta Helsinkiin")
    assert ex.document.municipality_code == "091"
    assert section(ex, "Päätös").text == "Kaupunginhallitus päätti panna asian pöydälle."
    assert [d.outcome for d in rows(ex, R.Decision)] == ["poydatty"]


def test_ahjo_motion_sections_are_told_apart(shared_dir: Path):
    path = shared_dir / "real" / "helsinki" / "decision-motion.html"
    ex = extract_document(path.read_bytes(), Source(str(path), path.name))
    kinds = [(s.heading_raw, s.kind) for s in rows(ex, R.ItemSection)]
    assert ("Päätösehdotus", "paatosehdotus") in kinds
    assert ("Tiivistelmä", "selostus") in kinds and ("Esittelijän perustelut", "selostus") in kinds
    assert section(ex, "Päätösehdotus").text == "Kaupunginhallitus katsoo aloitteen loppuun käsitellyksi."


def test_ahjo_decisions_api_content(shared_dir: Path):
    """Every decision's HTML from the Ahjo API: one item, titled as the API titles it, Helsinki,
    and a decision with an outcome wherever a 'Päätös' section is printed."""
    decisions = json.loads((shared_dir / "real/helsinki/decisions_latest.json").read_text())["decisions"]
    sample = decisions[::4]
    one_item = titled = helsinki = decided = with_paatos = 0
    for d in sample:
        ex = extract_document(d["Content"].encode(), Source(d["NativeId"], "decision.html"))
        items = rows(ex, R.AgendaItem)
        one_item += len(items) == 1
        titled += bool(items) and (items[0].title or "").endswith(d["Title"].strip())
        helsinki += ex.document.municipality_code == "091"
        paatos = [s for s in rows(ex, R.ItemSection) if s.kind == "paatos"]
        with_paatos += bool(paatos)
        decided += bool(paatos) and bool(rows(ex, R.Decision))
    n = len(sample)
    assert one_item >= 0.97 * n and titled >= 0.95 * n and helsinki >= 0.95 * n
    assert with_paatos >= 0.85 * n and decided == with_paatos
