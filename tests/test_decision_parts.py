"""Decisions printed without a 'Päätös' heading, and the parts around them, in Ahjo's decision
layout (one HTML page per decision; the pages here are written for the test)."""

from __future__ import annotations

import pytest

from extractors import records as R
from extractors.document import Source, extract_document

PAGE = """<html lang="fi"><head><meta charset="utf-8"><title>{title}</title></head><body><div class="paatos">
<div class="Asiapykala">§ {number}</div><h1 class="AsiaOtsikko">{title}</h1>
<div class="DnroTmuoto">HEL 2021-000001 T 00 00 00</div><div class="Viite">{reference}</div>
{parts}
<h3 class="EsittelijaTiedot">Esittelijä</h3><div>tarkastusjohtaja</div><div>Timo Terävä</div>
<h3 class="MuutoksenhakuOtsikko">Muutoksenhaku</h3><h4>VALITUSOSOITUS</h4>
<p>Tähän päätökseen haetaan muutosta hallintovalituksella.</p><h4>Valitusoikeus</h4>
<p>Valituksen saa tehdä asianosainen.</p><h4>Valitusaika</h4><p>Valitus on tehtävä 30 päivässä.</p>
<h3 class="OtteetOtsikko">Otteet</h3><p>Hakija</p>
</div></body></html>"""


def extract(parts: str, title: str = "Lautakunnan lausunto hankkeesta", reference: str = "",
            number: int = 12) -> R.Extraction:
    html = PAGE.format(parts=parts, title=title, reference=reference, number=number)
    return extract_document(html.encode(), Source("test", "decision.html"))


def rows(ex: R.Extraction, kind: type) -> list:
    return [r for r in ex.rows if isinstance(r, kind)]


def section(heading: str, *paragraphs: str) -> str:
    return (f'<div class="SisaltoSektio"><h3 class="SisaltoOtsikko">{heading}</h3>'
            + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div>")


@pytest.mark.parametrize(("heading", "text", "outcome"), [
    ("Lausunto", "Kasvatus- ja koulutuslautakunta antoi puoltavan lausunnon hankkeesta.", "hyvaksytty"),
    ("Lausunto", "Kaupunkiympäristölautakunta päätti panna asian viikoksi pöydälle.", "poydatty"),
    ("Esitys", "Kulttuurilautakunta päätti esittää kaupunginhallitukselle, että se myöntää avustuksen.",
     "hyvaksytty"),
])
def test_a_reported_decision_is_the_decision(heading: str, text: str, outcome: str):
    ex = extract(section(heading, text, "Lautakunta edellyttää, että kustannukset otetaan huomioon."))
    decisions = rows(ex, R.Decision)
    assert [d.outcome for d in decisions] == [outcome]
    assert decisions[0].text.startswith(text)


def test_an_earlier_handling_in_the_text_is_not_the_decision():
    ex = extract(section("Esitys", "Kaupunginhallitus päätti 23.6.2025 § 249 pyytää lausunnon."))
    assert [d.outcome for d in rows(ex, R.Decision)] == []  # a proposal is printed: no decision at all


def test_nothing_proposed_nothing_decided_is_muu():
    ex = extract(section("Päätöksen perustelut", "Keskusteltiin ajankohtaisista asioista."),
                 title="Muut asiat")
    assert [d.outcome for d in rows(ex, R.Decision)] == ["muu"]


@pytest.mark.parametrize(("text", "outcome"), [
    # officials decide in the present tense, with verbs no list can hold
    ("Kumppanuuspäällikkö jatkaa nuorisoryhmälle myönnetyn avustuksen käyttöaikaa vuoden loppuun.", "hyvaksytty"),
    ("Vs. hallintopäällikkö kohdentaa määrärahan kirjaston kalusteisiin.", "hyvaksytty"),
    # talk, a passive announcement, a member's own act: nothing decided
    ("Lautakunta keskusteli kirjaston aukioloajoista.", "muu"),
    ("Seuraava kokous pidetään 12.5.2025.", "muu"),
    ("Valtuutettu Eero Esimerkki jätti valtuustoaloitteen kirjaston aukioloajoista.", "muu"),
])
def test_a_decision_without_a_proposal_decides_when_its_maker_acts(text: str, outcome: str):
    ex = extract(section("Päätös", text), title="Kirjaston asiat")
    assert [d.outcome for d in rows(ex, R.Decision)] == [outcome]


@pytest.mark.parametrize("title", ["Salassa pidettävä (JulkL (621/1999) 24.1 § 25 k)",
                                   "Sekretessbelagd (OffL (621/1999) 24.1 § 23 p)"])
def test_a_withheld_decision_is_recorded_as_muu(title: str):
    html = (f'<html lang="fi"><head><meta charset="utf-8"><title>{title}</title></head><body>'
            f'<div class="Asiapykala">3 §</div><h1 class="AsiaOtsikko">{title}</h1></body></html>')
    ex = extract_document(html.encode(), Source("test", "withheld.html"))
    decisions = rows(ex, R.Decision)
    assert [(d.outcome, d.text) for d in decisions] == [("muu", title)]
    # an ordinary title with no decision text gets no decision row
    plain = html.replace(title, "Kirjaston aukioloajat")
    assert rows(extract_document(plain.encode(), Source("test", "plain.html")), R.Decision) == []


def test_parts_of_an_ahjo_page():
    ex = extract(section("Päätös", "Tarkastuslautakunta päätti hyväksyä toimintasuunnitelman.")
                 + section("Päätöksen perustelut", "Suunnitelma kattaa vuodet 2022-2025.")
                 + "<h4>Sovelletut oikeusohjeet</h4><p>Kuntalaki 121 §</p>",
                 reference="HE 230/2021 vp")
    kinds = [s.kind for s in rows(ex, R.ItemSection)]
    # no part for the case reference under the title; the provisions stay in the reasons; the
    # appeal's sub-headings stay in one part; 'Otteet' is the distribution list
    assert kinds == ["paatos", "selostus", "esittelija", "muutoksenhaku", "tiedoksi"]
    appeal = next(s for s in rows(ex, R.ItemSection) if s.kind == "muutoksenhaku")
    assert "VALITUSOSOITUS" in appeal.text and "Valitusaika" in appeal.text
    roles = rows(ex, R.ItemRole)
    assert [(r.title, r.name) for r in roles] == [("tarkastusjohtaja", "Timo Terävä")]


def test_a_title_that_begins_like_a_heading_stays_text():
    ex = extract(section("Päätös", "Lautakunta antoi lausunnon.")
                 + "<p>Lausunto Pirkanmaan hyvinvointialueen palveluverkkosuunnitelmasta</p>")
    kinds = [s.kind for s in rows(ex, R.ItemSection)]
    assert "muu" not in kinds


def test_a_recipient_in_the_extracts_table_is_no_preparer():
    """Ahjo's 'Otteet' table names who gets an extract: 'Valmistelija' there is a recipient."""
    page = PAGE.replace('<h3 class="OtteetOtsikko">Otteet</h3><p>Hakija</p>', (
        '<h3 class="OtteetOtsikko">Otteet</h3><table><thead><tr><th>Ote</th><th>Otteen liitteet</th></tr>'
        '</thead><tbody><tr><td>Valmistelija</td><td><div></div></td></tr><tr><td>Vireillepanija</td>'
        '<td><div>Oikaisuvaatimusohje, lautakunta</div><div>Liite 1</div></td></tr></tbody></table>'))
    html = page.format(parts=section("Päätös", "Lautakunta päätti hylätä oikaisuvaatimuksen."),
                       title="Oikaisuvaatimus", reference="", number=4)
    ex = extract_document(html.encode(), Source("test", "decision.html"))
    assert [s.kind for s in rows(ex, R.ItemSection)][-1] == "tiedoksi"
    assert [(r.role, r.name) for r in rows(ex, R.ItemRole)] == [("esittelija", "Timo Terävä")]


def test_a_second_set_of_instructions_stays_in_the_items_appeal():
    """Procurement decisions print two sets of instructions under their own 'Muutoksenhaku'
    ('hankintaoikaisu', then 'VALITUSOSOITUS MARKKINAOIKEUDELLE'): the parts after them are the
    item's, not a meeting's trailer to drop."""
    page = PAGE.replace("<h4>VALITUSOSOITUS</h4>", "<h4>MUUTOKSENHAKU HANKINTAPÄÄTÖKSEEN</h4>").replace(
        "<h4>Valitusaika</h4><p>Valitus on tehtävä 30 päivässä.</p>", (
        "<h4>Valitusaika</h4><p>Valitus on tehtävä 30 päivässä.</p>"
        "<h3>VALITUSOSOITUS MARKKINAOIKEUDELLE</h3><p>Valituksen voi tehdä markkinaoikeudelle.</p>"))
    html = page.format(parts=section("Päätös", "Hankintapäällikkö päätti hyväksyä tarjouksen."),
                       title="Hankinta", reference="", number=5)
    ex = extract_document(html.encode(), Source("test", "decision.html"))
    kinds = [s.kind for s in rows(ex, R.ItemSection)]
    assert kinds[-2:] == ["muutoksenhaku", "tiedoksi"]
    assert "markkinaoikeudelle" in next(s.text for s in rows(ex, R.ItemSection) if s.kind == "muutoksenhaku")


def test_a_title_opening_with_a_heading_word_is_the_title():
    """'Päätös Lauttasaaren ala-asteen irtokalustehankinnasta': the h1 begins with a heading word
    while the real 'Päätös' heading follows alone below; the title and the diary number stay."""
    ex = extract(section("Päätös", "Toimialajohtaja päätti hankkia kalusteet."),
                 title="Päätös Lauttasaaren ala-asteen kalustehankinnasta")
    items = rows(ex, R.AgendaItem)
    assert [(i.title, i.diary_number) for i in items] == [
        ("Päätös Lauttasaaren ala-asteen kalustehankinnasta", "HEL 2021-000001 T 00 00 00")]
    assert [s.kind for s in rows(ex, R.ItemSection)][0] == "paatos"


def test_labelled_parts_of_a_handling_stay_in_it():
    """'Käsittely' then 'Esteelliset: X' or 'Palautusehdotus:' over the proposal: one handling part."""
    handling = ('<div class="SisaltoSektio"><h3 class="SisaltoOtsikko">Käsittely</h3>'
                "<p>Esteelliset: Tuula Testinen</p><p>Palautusehdotus:</p>"
                "<p>Marko Malli: Ehdotan, että asia palautetaan valmisteluun.</p></div>")
    ex = extract(section("Päätös", "Johtokunta päätti palauttaa asian valmisteluun.") + handling)
    kinds = [s.kind for s in rows(ex, R.ItemSection)]
    assert kinds[:2] == ["paatos", "kasittely"] and "muu" not in kinds and "paatosehdotus" not in kinds
    assert "Palautusehdotus" in next(s.text for s in rows(ex, R.ItemSection) if s.kind == "kasittely")


def test_the_provisions_applied_stay_with_the_decision():
    ex = extract(section("Päätös", "Jaosto päätti poistaa päätöksen.", "Sovelletut oikeusohjeet",
                         "Maankäyttö- ja rakennuslaki 131 §"))
    kinds = [s.kind for s in rows(ex, R.ItemSection)]
    assert kinds[0] == "paatos" and "muu" not in kinds
