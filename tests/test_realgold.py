"""Real gold derived from each source's own structure (pipeline/realgold), checked against facts
of the sources themselves: PDF bookmarks, what the rendered pages print, the JSON's own counts."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from pipeline import realgold
from pipeline.realgold import ahjo, casem, outcomes, systems
from tests.conftest import require_shared

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "realgold"
KH = "Pöytäkirja-Kaupunginhallitus - 07.04.2025, klo 17_00.pdf"
TEKLA = "Pöytäkirja-Tekninen lautakunta - 20.05.2025, klo 16_02.pdf"
FORBIDDEN = {"minutes", "chain", "htmltext"}  # the minutes package is our parser, whole


def test_realgold_never_imports_our_parser():
    for path in (ROOT / "pipeline" / "realgold").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            for name in names:
                parts = name.split(".")
                assert not (parts[0] == "extractors" and FORBIDDEN & set(parts[1:])), (path.name, name)
                assert not name.startswith("pipeline.ingest"), (path.name, name)


@pytest.fixture(scope="module")
def lapua() -> dict[str, dict]:
    return {Path(d.document).name: d.gold for d in casem.load(require_shared() / "real")}


def test_every_lapua_pdf_gets_gold_with_one_item_per_bookmark(shared_dir: Path, lapua: dict[str, dict]):
    pdfs = sorted((shared_dir / "real" / "lapua").glob("*.pdf"))
    assert sorted(lapua) == [p.name for p in pdfs]
    for path in pdfs:
        pdf = pdfium.PdfDocument(str(path))
        try:
            marks = casem.bookmarks(pdf)
        finally:
            pdf.close()
        items = lapua[path.name]["items"]
        assert [i["section_number"] for i in items] == [n for n, _, _ in marks], path.name
        assert [i["page_start"] for i in items] == [p for _, _, p in marks], path.name
        for item, (_, title, _) in zip(items, marks, strict=True):
            assert realgold.clean(title).startswith(item["title"].strip()[:40]), (path.name, item["title"])
        ends = [i["page_end"] for i in items]
        assert all(i["page_start"] <= i["page_end"] for i in items)
        assert all(e < s for e, s in zip(ends, [i["page_start"] for i in items][1:], strict=False))


def test_kaupunginhallitus_125_as_printed(lapua: dict[str, dict]):
    """§ 125 as read on pages 9-13 of the rendered PDF: two earlier handlings (KH 3.6.2024, KV
    10.6.2024), then the current one: Valmistelija, description, Esittelijä, the city manager's
    proposal, Päätös and an Esteellisyys part; the chair left as disqualified."""
    item = next(i for i in lapua[KH]["items"] if i["section_number"] == 125)
    assert item["title"] == "Lapuan sote- ja pela-kiinteistöjen tilannekatsaus"
    assert item["diary_number"] == "LAPDno-2024-440"
    assert item["history"] == ["Kaupunginhallitus, § 177,03.06.2024", "Kaupunginvaltuusto, § 49,10.06.2024"]
    assert (item["page_start"], item["page_end"]) == (9, 13)
    current = [(s["kind"], s["heading_raw"]) for s in item["sections"] if not s.get("handling")]
    assert current == [("valmistelija", "Valmistelija / lisätiedot"), ("selostus", None),
                       ("esittelija", "Esittelijä"), ("paatosehdotus", "Kaupunginjohtajan ehdotus"),
                       ("paatos", "Päätös"), ("muu", "Esteellisyys")]
    earlier = [s for s in item["sections"] if s.get("handling")]
    assert {s["handling"] for s in earlier} == set(item["history"])
    assert [s["kind"] for s in earlier][:3] == ["valmistelija", "liitteet", "selostus"]
    assert item["roles"] == [
        {"role": "valmistelija", "name": "Satu Kankare", "title": "Kaupunginjohtaja", "email": "satu.kankare@lapua.fi"},
        {"role": "esittelija", "name": "Satu Kankare", "title": "Kaupunginjohtaja", "email": None}]
    assert item["decision"]["text"].startswith("Kaupunginjohtaja alusti asiaa.")
    assert "Pekka Kivisaari" in item["decision"]["text"]
    proposal = next(s for s in item["sections"] if s["kind"] == "paatosehdotus" and not s.get("handling"))
    assert proposal["text"] == "Kaupunginhallitus päättää merkitä tilannekatsauksen tiedokseen."


def test_kaupunginhallitus_meeting_and_attendees(lapua: dict[str, dict]):
    meeting = lapua[KH]["meeting"]
    assert {k: meeting[k] for k in ("body", "date", "number", "start", "end")} == {
        "body": "Kaupunginhallitus", "date": "2025-04-07", "number": "6/2025", "start": "17:00", "end": "18:16"}
    people = {a["name"]: a for a in meeting["attendees"]}
    assert people["Kai Pöntinen"]["role_norm"] == "puheenjohtaja"
    assert people["Pekka Kivisaari"]["role_norm"] == "varapuheenjohtaja"
    assert people["Satu Kankare"]["role_norm"] == "esittelija" and people["Satu Kankare"]["title"] == "Kaupunginjohtaja"
    assert people["Kari Laine"]["note"] == "poistui 17:50"


def test_two_preparers_and_a_second_earlier_body(lapua: dict[str, dict]):
    """Tekninen lautakunta § 83: one earlier handling (14.12.2021 § 175) with its own preparer;
    the proposal's presenter on page 20 is Tekninen johtaja Anu Muurimäki in 2021 and Mirva Korpi now."""
    item = next(i for i in lapua[TEKLA]["items"] if i["section_number"] == 83)
    assert item["history"] == ["Tekninen lautakunta, § 175,14.12.2021"]
    presenters = [s["text"] for s in item["sections"] if s["kind"] == "esittelija"]
    assert presenters[0].startswith("Anu Muurimäki")
    assert [r["role"] for r in item["roles"]] == ["valmistelija", "esittelija"]
    assert item["roles"][1]["name"] == "Mirva Korpi"


def test_agenda_is_an_agenda_without_attendees_or_decisions(lapua: dict[str, dict]):
    gold = lapua["Esityslista-Tarkastuslautakunta - 19.11.2025, klo 15_00.pdf"]
    assert gold["kind"] == "agenda"
    assert gold["meeting"]["date"] == "2025-11-19"  # the header dates the invitation (11.11.)
    assert "attendees" not in gold["meeting"]
    assert not any(i.get("decision") for i in gold["items"])


def test_helsinki_decisions_from_their_template(shared_dir: Path):
    docs = [d for d in ahjo.load(shared_dir / "real") if "decision" in d.meta]
    raw = json.loads((shared_dir / "real" / ahjo.DECISIONS).read_text(encoding="utf-8"))["decisions"]
    assert len(docs) == len(raw) == 267
    voted = [d for d in docs if d.gold["items"][0]["votes"]]
    assert len(voted) == 3  # the README: 3 decisions with structured voting results
    for d in voted:
        for v in d.gold["items"][0]["votes"]:
            assert v["jaa"] == len(v["jaa_names"]) and v["ei"] == len(v["ei_names"])
    first = next(d for d in docs if "Tarkastuslautakunnan toimintasuunnitelma" in d.gold["items"][0]["title"])
    item = first.gold["items"][0]
    assert item["section_number"] == 110 and item["diary_number"] == "HEL 2021-012054 T 00 01 01"
    assert [s["kind"] for s in item["sections"]] == ["paatos", "esittelija", "lisatiedot", "liitteet", "muutoksenhaku"]
    assert item["roles"] == [{"role": "esittelija", "title": "tarkastusjohtaja", "name": "Timo Terävä"}]
    assert item["decision"]["text"] == "Tarkastuslautakunta päätti hyväksyä toimintasuunnitelman vuosille 2022-2025."


def test_helsinki_meetings_carry_their_composition(shared_dir: Path):
    docs = [d for d in ahjo.load(shared_dir / "real") if "meeting" in d.meta]
    assert sum(len(d.gold["meeting"]["attendees"]) for d in docs) == 2796  # as the README counts


def test_systems_pages_from_the_peer_scrapers_outputs(shared_dir: Path):
    docs = {Path(d.document).name: d.gold for d in systems.load(shared_dir / "real")}
    item = docs["2017406946-3.HTM"]["items"][0]
    assert item["section_number"] == 127 and item["diary_number"] == "730/2017"
    assert item["title"].startswith("Espoon kaupungin hallintosäännön hyväksyminen")
    current = [s for s in item["sections"] if not s.get("handling")]
    assert [s["kind"] for s in current] == ["valmistelija", "paatosehdotus", "kasittely", "paatos", "liitteet",
                                            "selostus"]
    # the attachments the scraper lists apart, numbered as the page prints them
    assert current[4]["text"] == "1 Espoon kaupungin hallintosääntö - Kokouksessa korjattu 2 Äänestyslistat § 127"
    # the handling under 'Päätöshistoria', from the page's markup (the scraper reads the current one)
    earlier = [(s["kind"], s["handling"]) for s in item["sections"] if s.get("handling")]
    assert earlier == [(k, "Kaupunginhallitus 10.4.2017 § 105") for k in ("paatosehdotus", "kasittely", "paatos")]
    assert item["sections"][-1]["text"] == "Kaupunginhallitus: Kaupunginhallitus jätti asian yksimielisesti pöydälle."
    # the older page prints the function code inside the diary number; the scraper splits it off
    older = docs["2013262303-5.HTM"]["items"][0]
    assert older["diary_number"] == "3700/11.01.00/2011"
    assert older["sections_left_out"] == ["liitteet", "oheismateriaali"]  # no attachment list for it
    turku = docs["turku_kh_2017-02-05-190.htm"]["items"][0]
    assert turku["section_number"] == 190 and turku["diary_number"] == "5024-2017 (010)"
    assert [(s["heading_raw"], s["kind"]) for s in turku["sections"]] == [
        ("Tiivistelmä", "selostus"), ("Esittelyteksti", "selostus"), ("Ehdotus", "paatosehdotus"),
        ("Päätös", "paatos"), ("Jakelu", "tiedoksi"), (None, "liitteet"), ("Liitteet", "liitteet")]
    # the distribution list as the page prints it (the scraper writes 'Kaarinan kaupunki (ao)')
    assert turku["sections"][4]["text"].startswith("ao Kaarinan kaupunki ao Liedon kunta")
    assert "sections_left_out" not in turku
    tabled = docs["turku_kh_2017-02-05-195.htm"]["items"][0]
    handlings = [s["handling"] for s in tabled["sections"] if s.get("handling")]
    assert sorted(set(handlings)) == ["Ksylk § 108", "Ksylk § 119", "Ksylk § 132", "Ksylk § 84"]
    last = [(s["kind"], s["heading_raw"]) for s in tabled["sections"] if s.get("handling") == "Ksylk § 132"]
    assert last == [("selostus", None), ("oheismateriaali", None), ("paatos", "Päätös"), ("liitteet", None),
                    ("kasittely", "Päätöksenteko")]
    # 'Perustelut' is a paragraph of the decision's block; the attachment lines are not in its text
    decision = next(s["text"] for s in tabled["sections"] if s.get("handling") == "Ksylk § 132"
                    and s["kind"] == "paatos")
    assert "Perustelut Tämä, aiemmasta" in decision and "Liite 5" not in decision


# --- outcomes.csv --------------------------------------------------------------------------------


def test_outcomes_loader_reads_the_format():
    judged = outcomes.load(FIXTURES / "outcomes_sample.csv")
    key = ("lapua/Pöytäkirja-Tarkastuslautakunta - 19.11.2025, klo 15_01.pdf", "62")
    assert judged[key].outcome == "hyvaksytty"
    assert judged[("helsinki/decisions_latest.json", "{TEST-ID}")].outcome == "merkitty_tiedoksi"


@pytest.mark.parametrize("bad, message", [
    ("source,document,item,outcome\n", "header"),
    ("source,document,item,outcome,reason\nlapua,a.pdf,1,accepted,x\n", "unknown outcome"),
    ("source,document,item,outcome,reason\nlapua,a.pdf,1,hyvaksytty,\n", "reason"),
    ("source,document,item,outcome,reason\nlapua,a.pdf,1,hyvaksytty,x\nlapua,a.pdf,1,hylatty,y\n", "twice"),
])
def test_outcomes_loader_rejects_bad_rows(tmp_path: Path, bad: str, message: str):
    path = tmp_path / "outcomes.csv"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(outcomes.OutcomeFileError, match=message):
        outcomes.load(path)


def test_outcomes_land_on_their_items(shared_dir: Path):
    docs = casem.load(shared_dir / "real") + [d for d in ahjo.load(shared_dir / "real") if "decision" in d.meta]
    judged = outcomes.load(FIXTURES / "outcomes_sample.csv")
    assert outcomes.apply(docs, judged) == 1  # the TEST-ID decision does not exist
    tark = next(d for d in docs if d.document.endswith("klo 15_01.pdf"))
    assert tark.gold["items"][0]["decision"]["outcome"] == "hyvaksytty"
    assert all("outcome" not in (i.get("decision") or {}) for i in tark.gold["items"][1:])


def test_three_line_preparers_zip_names_emails_and_titles(lapua: dict[str, dict]):
    """Sivistyslautakunta § 137 (page 9) prints 'Mika Kamunen, Tiina Lassila' / their e-mails /
    'Sivistys- ja hyvinvointijohtaja, Hallintosihteeri' on three lines: two preparers."""
    item = next(i for i in lapua["Pöytäkirja-Sivistyslautakunta - 18.12.2024, klo 16_27.pdf"]["items"]
                if i["section_number"] == 137)
    assert [r for r in item["roles"] if r["role"] == "valmistelija"] == [
        {"role": "valmistelija", "name": "Mika Kamunen", "title": "Sivistys- ja hyvinvointijohtaja",
         "email": "mika.kamunen@lapua.fi"},
        {"role": "valmistelija", "name": "Tiina Lassila", "title": "Hallintosihteeri",
         "email": "tiina.lassila@lapua.fi"}]


def test_helsinki_subheadings_stay_inside_their_part(shared_dir: Path):
    """A procurement decision's appeal part carries h3/h4 sub-headings of its own; they are text of
    the Muutoksenhaku part, not parts of their own."""
    for doc in (d for d in ahjo.load(shared_dir / "real") if "decision" in d.meta):
        kinds = [s["kind"] for s in doc.gold["items"][0]["sections"]]
        assert kinds.count("muutoksenhaku") <= 1, doc.document


def test_casem_odata_items_from_their_fields(shared_dir: Path):
    docs = systems.load_casem_odata(shared_dir / "real")
    by_ref = {d.gold["items"][0]["ref"]: d for d in docs}
    # every contents file but the meetings' own records (attendees / agenda attachment) is an item
    files = list((shared_dir / "real" / "systems").glob("*/casem/contents_*_extended_properties.json"))
    assert len(docs) == len(files) - 2
    item = by_ref[60].gold["items"][0]
    assert by_ref[60].document == "systems/tampere/casem/contents_60_extended_properties.json"
    assert (item["section_number"], item["diary_number"]) == (10, "TRE:6985/10.03.02/2014")
    assert item["title"].startswith("Oikaisuvaatimus suunnittelupäällikön päätökseen")
    assert [s["kind"] for s in item["sections"]] == ["selostus", "paatosehdotus", "paatos", "tiedoksi"]
    assert item["decision"]["text"] == "Päätösehdotus hyväksyttiin."
    assert item["roles"] == [{"role": "esittelija", "name": "Ari Vandell", "title": "Suunnittelupäällikkö",
                              "email": "Ari.Vandell@tampere.fi"}]


def _squash(text: str | None) -> str:
    return "".join((text or "").replace("\u200b", "").replace("\u00ad", "").split())


def test_lapua_gold_text_is_printed_on_its_pages(shared_dir: Path):
    """The gold comes from the embedded HTML; the rendered pages must print it on the item's pages:
    each item's § and title on its first page, and the start and end of nearly every section within
    its pages (a few cross a page break, where the running header interrupts the text)."""
    found = total = 0
    for doc in casem.load(shared_dir / "real"):
        pdf = pdfium.PdfDocument(doc.meta["path"])
        try:
            pages = [_squash(casem.page_text(pdf, i)) for i in range(len(pdf))]
        finally:
            pdf.close()
        for item in doc.gold["items"]:
            first = pages[item["page_start"] - 1]
            assert f"§{item['section_number']}" in first and _squash(item["title"])[:30] in first, item["title"]
            span = "".join(pages[item["page_start"] - 1:item["page_end"]])
            for section in item["sections"]:
                text = _squash(section["text"])
                total += 1
                found += text[:25] in span and text[-25:] in span
    assert total > 600 and found / total >= 0.99, (found, total)


def test_gold_can_be_written_out_to_read(shared_dir: Path, tmp_path: Path):
    from pipeline.realgold.__main__ import main

    assert main([str(tmp_path / "gold"), "--real", str(shared_dir / "real")]) == 0
    lapua = sorted((tmp_path / "gold" / "lapua").glob("*.gold.json"))
    assert len(lapua) == 8
    data = json.loads(lapua[0].read_text(encoding="utf-8"))
    assert data["document"].startswith("lapua/") and data["items"]
    assert main([str(tmp_path / "x"), "--real", str(tmp_path / "nowhere")]) == 2


def test_derivation_loses_no_text(shared_dir: Path, lapua: dict[str, dict]):
    """Almost every character of an item's markup lands in some gold field (the rest is labels
    such as 'Valmistelija / lisätiedot:' and the handling lines)."""
    from lxml import html as lxml_html

    for doc in ahjo.load(shared_dir / "real"):
        if "decision" not in doc.meta:
            continue
        body = _squash(realgold.element_text(lxml_html.fromstring(doc.meta["decision"]["Content"]).find("body")))
        item = doc.gold["items"][0]
        got = _squash(" ".join([item["title"] or "", item["diary_number"] or "", str(item["section_number"])]
                               + [s["heading_raw"] + s["text"] for s in item["sections"]]))
        assert len(got) >= 0.95 * len(body), doc.document
    for path in sorted((shared_dir / "real" / "lapua").glob("*.pdf")):
        pdf = pdfium.PdfDocument(str(path))
        try:
            root = lxml_html.fromstring(casem.embedded_html(pdf))
        finally:
            pdf.close()
        articles = root.xpath("//div[starts-with(@id,'article-')]")
        for article, item in zip(articles, lapua[path.name]["items"], strict=True):
            got = _squash(" ".join([item["title"], item["diary_number"] or "", *item["history"]]
                                   + [(s["heading_raw"] or "") + s["text"] for s in item["sections"]]))
            assert len(got) >= 0.9 * len(_squash(realgold.element_text(article))), (path.name, item["section_number"])
