"""Item-level error classes on documents we wrote: stray § numbers, the document's own index."""

from __future__ import annotations

from pathlib import Path

from extractors.document import Source, extract_document
from extractors.records import AgendaItem, AppealInstruction, ItemSection, Meeting
from scripts.docwriter.pdf import DocPdf

FIXTURES = Path(__file__).parent / "fixtures" / "items"


def items_of(data: bytes, name: str, **kw) -> list[tuple[int | None, str | None, int | None]]:
    extraction = extract_document(data, Source(name, name), **kw)
    return [(i.section_number, i.title, i.page_start) for i in extraction.of(AgendaItem)]


def test_stray_section_signs_do_not_open_items() -> None:
    """A '§33' under a signature, a quoted regulation ('119 § Kokousaika ja -paikka', '127 §') and
    a table of earlier decisions ('25.3.2024 § 88') stay inside the items; none drops the next."""
    found = items_of((FIXTURES / "stray_section_signs.txt").read_bytes(), "stray_section_signs.txt")
    assert [(n, t) for n, t, _ in found] == [
        (30, "Kokouksen laillisuus ja päätösvaltaisuus"), (31, "Hallintosäännön muutos"),
        (32, "Koulukuljetusten hankinta"), (33, "Kouluverkkoselvitys"), (34, "Muut asiat")]


def bookmarked_minutes(path: Path, bookmarks: bool = True) -> Path:
    """Two items on pages 2 and 3; item 12 lists earlier decisions as bare '§ 13' / '§ 14' lines
    (the same shape as the item headers), so only the PDF's bookmarks tell the real § 13."""
    pdf = DocPdf()
    pdf.font()

    def line(text: str) -> None:
        pdf.set_x(20)
        pdf.cell(170, 6, text, new_x="LMARGIN", new_y="NEXT")

    pdf.add_page()
    for text in ("Kaavin kunta   Pöytäkirja 3/2025", "Tekninen lautakunta 9.4.2025",
                 "Aika 9.4.2025 klo 17:00 - 18:00", "Paikka Kunnantalo"):
        line(text)
    pages = [(12, "Tiesuunnitelman hyväksyminen",
              ["Lautakunnan aiemmat päätökset asiassa:", "§ 13", "Suunnittelun käynnistäminen 2023",
               "§ 14", "Luonnoksen nähtäville asettaminen 2024", "Ehdotus",
               "Lautakunta hyväksyy tiesuunnitelman.", "Päätös", "Hyväksyttiin."]),
             (13, "Katuvalojen uusiminen", ["Ehdotus", "Lautakunta hyväksyy hankinnan.", "Päätös",
                                            "Hyväksyttiin."])]
    for number, title, body in pages:
        pdf.add_page()
        if bookmarks:
            pdf.start_section(f"§ {number} {title}")
        line(f"§ {number}")
        line(title)
        for text in body:
            line(text)
    pdf.output(str(path))
    return path


def test_pdf_bookmarks_are_the_item_index(tmp_path: Path) -> None:
    path = bookmarked_minutes(tmp_path / "kaavi.pdf")
    found = items_of(path.read_bytes(), path.name)
    assert found == [(12, "Tiesuunnitelman hyväksyminen", 2), (13, "Katuvalojen uusiminen", 3)]


def test_appeal_instructions_belong_to_the_meeting() -> None:
    """The blocks after the last item are the meeting's, each with the § numbers it names."""
    data = (FIXTURES / "stray_section_signs.txt").read_bytes()
    extraction = extract_document(data, Source("s", "stray_section_signs.txt"))
    meeting = extraction.of(Meeting)[0]
    appeals = [(a.meeting_id, a.heading_raw, a.section_numbers) for a in extraction.of(AppealInstruction)]
    assert appeals == [(meeting.meeting_id, "Muutoksenhakukielto", (30, 33, 34)),
                       (meeting.meeting_id, "Oikaisuvaatimus", (31, 32))]
    assert "14 päivän kuluessa" in extraction.of(AppealInstruction)[1].text
    last = extraction.of(AgendaItem)[-1]
    texts = [s.text for s in extraction.of(ItemSection) if s.item_id == last.item_id]
    assert texts == ["Ei muita asioita."]


def test_far_numbers_of_the_usual_shape_stay_items() -> None:
    """An extract of items far apart ('§ 5', '§ 48', '§ 49') keeps each of them."""
    text = "\n".join(["Kaavin kunta  Pöytäkirjanote", "Kunnanhallitus 3.3.2025", "",
                      "§ 5", "Talousarvion täytäntöönpano", "Päätös", "Hyväksyttiin.", "",
                      "§ 48", "Tilinpäätös 2024", "Päätös", "Hyväksyttiin.", "",
                      "§ 49", "Lausunto maakuntakaavasta", "Päätös", "Hyväksyttiin."])
    found = items_of(text.encode(), "ote.txt")
    assert [n for n, _, _ in found] == [5, 48, 49]
    two = items_of("\n".join(text.splitlines()[:13]).encode(), "ote.txt")
    assert [n for n, _, _ in two] == [5, 48]


def test_a_single_decision_keeps_its_appeal_instructions() -> None:
    """On a page of one decision the appeal instructions are that decision's own section."""
    text = "\n".join(["Kaavin kunta  Pöytäkirjanote", "Kunnanhallitus 3.3.2025", "", "§ 48",
                      "Tilinpäätös 2024", "Päätös", "Hyväksyttiin.", "Muutoksenhakuohje",
                      "Tähän päätökseen tyytymätön voi tehdä oikaisuvaatimuksen."])
    extraction = extract_document(text.encode(), Source("ote", "ote.txt"))
    assert not extraction.of(AppealInstruction)
    assert [s.kind for s in extraction.of(ItemSection)][-1] == "muutoksenhaku"


def test_the_last_items_own_appeal_part_stays_with_it() -> None:
    """'Muutoksenhaku' / 'Ei muutoksenhakuoikeutta ...' printed in the last item is the item's part;
    the meeting's instructions start at 'OIKAISUVAATIMUSOHJE' below it."""
    text = "\n".join(["Kaavin kunta  Pöytäkirja", "Kunnanhallitus 3.3.2025", "",
                      "§ 47", "Talousarvion täytäntöönpano", "Päätös", "Hyväksyttiin.", "",
                      "§ 48", "Lausunto osayleiskaavasta", "Päätös", "Asia jätettiin pöydälle.",
                      "Muutoksenhaku", "Ei muutoksenhakuoikeutta, valmistelua koskeva päätös", "",
                      "OIKAISUVAATIMUSOHJE", "Tähän päätökseen tyytymätön voi tehdä kirjallisen oikaisuvaatimuksen."])
    extraction = extract_document(text.encode(), Source("pk", "pk.txt"))
    last = extraction.of(AgendaItem)[-1]
    own = [(s.kind, s.text) for s in extraction.of(ItemSection) if s.item_id == last.item_id]
    assert own[-1] == ("muutoksenhaku", "Ei muutoksenhakuoikeutta, valmistelua koskeva päätös")
    assert [a.heading_raw for a in extraction.of(AppealInstruction)] == ["OIKAISUVAATIMUSOHJE"]


def test_a_capital_appeal_part_naming_the_appeal_is_the_last_items_own() -> None:
    """'MUUTOKSENHAKU' / 'Oikaisuvaatimus' right after the last decision, with no instructions after it,
    names the item's appeal (a part name, not appeal instructions: appeals.is_instructions); the same
    heading over paragraphs of instructions stays the meeting's."""
    head = ["Kaavin kunta  Pöytäkirja", "Kunnanhallitus 3.3.2025", "", "§ 47", "Talousarvion täytäntöönpano",
            "PÄÄTÖS", "Hyväksyttiin.", "", "§ 48", "Lausunto osayleiskaavasta", "PÄÄTÖS", "Hyväksyttiin."]
    own = head + ["MUUTOKSENHAKU", "Oikaisuvaatimus", "", "Pöytäkirjan vakuudeksi", "Kirsi Rinne   Olli Laine"]
    extraction = extract_document("\n".join(own).encode(), Source("pk", "pk.txt"))
    last = extraction.of(AgendaItem)[-1]
    parts = [(s.kind, s.text) for s in extraction.of(ItemSection) if s.item_id == last.item_id]
    assert parts[-1] == ("muutoksenhaku", "Oikaisuvaatimus")
    assert not extraction.of(AppealInstruction)
    meeting = head + ["MUUTOKSENHAKU", "Tähän päätökseen tyytymätön voi tehdä kirjallisen oikaisuvaatimuksen "
                      "kunnanhallitukselle. Oikaisuvaatimus on tehtävä 14 päivän kuluessa päätöksen "
                      "tiedoksisaannista, ja siinä on ilmoitettava päätös, johon oikaisua vaaditaan.",
                      "Oikaisuvaatimuksen saa tehdä se, johon päätös on kohdistettu tai jonka oikeuteen päätös "
                      "välittömästi vaikuttaa, sekä kunnan jäsen."]
    extraction = extract_document("\n".join(meeting).encode(), Source("pk", "pk.txt"))
    assert [a.heading_raw for a in extraction.of(AppealInstruction)] == ["MUUTOKSENHAKU"]


def test_an_extracts_certification_is_not_its_appeal_text() -> None:
    """'Otteen oikeaksi todistaa' under an extract's own 'Muutoksenhaku' part ends the item."""
    text = "\n".join(["Kaavin kunta  Pöytäkirjanote", "Sivistyslautakunta 3.3.2025", "", "§ 48",
                      "Valtuustoaloite", "Päätös", "Hyväksyttiin.", "Muutoksenhaku", "Oikaisuvaatimus",
                      "Otteen oikeaksi todistaa", "Kirsi Rinne, hallintosihteeri"])
    extraction = extract_document(text.encode(), Source("ote", "ote.txt"))
    assert [(s.kind, s.text) for s in extraction.of(ItemSection)][-1] == ("muutoksenhaku", "Oikaisuvaatimus")
