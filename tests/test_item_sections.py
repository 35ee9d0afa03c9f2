"""Sections, roles and outcomes inside one item, on minutes we write in the shapes real systems print
(CaseM's Valmistelija -> Liitteet -> untitled description order, three-line person blocks)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.document import Source, extract_document
from extractors.minutes.roles import parse_person_lines
from extractors.records import AgendaItem, Decision, ItemHistory, ItemRole, ItemSection
from scripts.docwriter.pdf import DocPdf

HEADER = """Ruoveden kunta
Tekninen lautakunta
PÖYTÄKIRJA 3/2026

Kokousaika 12.3.2026 klo 17.00
Kokouspaikka Kunnantalo

§ 21
Katuvalojen uusiminen
RUODno-2026-14

"""

CASEM_ITEM = """Valmistelija / lisätiedot:
Tiina Lahtela
tiina.lahtela@ruovesi.example
Hallintopäällikkö

Liitteet
1 Katuvalojen kuntokartoitus 2025 ja uusimisen
kustannusarvio.pdf
2 Urakkatarjousten vertailu.xlsx

Kunnan katuvalot ovat osin yli 40 vuotta vanhoja. Kuntokartoituksen mukaan
elohopealamput on vaihdettava ledeihin vuoden 2027 loppuun mennessä.

Urakasta saatiin kolme tarjousta.

Esittelijä
Kunnanjohtaja Mikko Salo

Ehdotus
Tekninen lautakunta hyväksyy halvimman tarjouksen.

Päätös
{decision}
"""


def extract_text(body: str, name: str = "ruovesi.txt"):
    return extract_document((HEADER + body).encode(), Source(name, name))


def kinds_and_texts(extraction) -> list[tuple[str, str]]:
    return [(s.kind, s.text) for s in extraction.of(ItemSection)]


def test_attachment_list_ends_at_the_description() -> None:
    sections = kinds_and_texts(extract_text(CASEM_ITEM.format(decision="Hyväksyttiin.")))
    assert ("liitteet", "1 Katuvalojen kuntokartoitus 2025 ja uusimisen kustannusarvio.pdf "
            "2 Urakkatarjousten vertailu.xlsx") in sections
    description = [t for k, t in sections if k == "selostus"]
    assert len(description) == 1 and description[0].startswith("Kunnan katuvalot ovat")
    assert description[0].endswith("Urakasta saatiin kolme tarjousta.")


def test_attachment_list_without_gap_ends_at_a_line_that_is_no_name() -> None:
    body = CASEM_ITEM.replace("vertailu.xlsx\n\n", "vertailu.xlsx\n").format(decision="Hyväksyttiin.")
    sections = kinds_and_texts(extract_text(body))
    assert [k for k, _ in sections] == ["valmistelija", "liitteet", "selostus", "esittelija", "paatosehdotus",
                                        "paatos"]


LABELLED_ATTACHMENTS = """Kaupunginsihteeri Satu Lehto 4.3.2026:
Kuntokartoituksen mukaan elohopealamput on vaihdettava.
Liite 1 on nähtävillä kokouksessa, ja siitä saa lisätietoja.
Liite 1 Katuvalojen kuntokartoitus pvm 3.2.2026
Liite 2: Urakkatarjousten vertailu
Oheismateriaali 1 Kustannusarvio
Kaupunginjohtaja Mikko Salo:

Ehdotus
Tekninen lautakunta hyväksyy halvimman tarjouksen.

Päätös
Hyväksyttiin.
"""


def test_labelled_attachment_lines_inside_the_description() -> None:
    """Turku prints 'Liite 1 Name' / 'Oheismateriaali 1 Name' lines with no heading inside the
    description: they are the attachment parts, and the description goes on after them. A
    sentence that begins 'Liite 1 on ...' stays text."""
    sections = kinds_and_texts(extract_text(LABELLED_ATTACHMENTS))
    assert sections == [
        ("selostus", "Kaupunginsihteeri Satu Lehto 4.3.2026: Kuntokartoituksen mukaan elohopealamput on "
                     "vaihdettava. Liite 1 on nähtävillä kokouksessa, ja siitä saa lisätietoja. "
                     "Kaupunginjohtaja Mikko Salo:"),
        ("liitteet", "Liite 1 Katuvalojen kuntokartoitus pvm 3.2.2026 Liite 2: Urakkatarjousten vertailu"),
        ("oheismateriaali", "Oheismateriaali 1 Kustannusarvio"),
        ("paatosehdotus", "Tekninen lautakunta hyväksyy halvimman tarjouksen."),
        ("paatos", "Hyväksyttiin.")]


def test_reasons_and_the_vote_inside_a_decision() -> None:
    """Turku prints 'Perustelut' alone on a line inside a decision (its reasons: still the decision)
    and 'Päätöksenteko' over the votes (how the decision was reached: the handling)."""
    body = """Ehdotus
Tekninen lautakunta hyväksyy halvimman tarjouksen.

Päätös
Lautakunta päätti hyväksyä toiseksi halvimman tarjouksen.
Perustelut
Halvin tarjous ei täyttänyt tarjouspyynnön ehtoja.

Päätöksenteko
Päätös tehtiin äänin 5-4.
"""
    assert kinds_and_texts(extract_text(body)) == [
        ("paatosehdotus", "Tekninen lautakunta hyväksyy halvimman tarjouksen."),
        ("paatos", "Lautakunta päätti hyväksyä toiseksi halvimman tarjouksen. Perustelut Halvin tarjous ei "
                   "täyttänyt tarjouspyynnön ehtoja."),
        ("kasittely", "Päätös tehtiin äänin 5-4.")]


def test_three_line_person_keeps_its_title() -> None:
    extraction = extract_text(CASEM_ITEM.format(decision="Hyväksyttiin."))
    roles = {(r.role, r.name, r.title, r.email) for r in extraction.of(ItemRole)}
    assert ("valmistelija", "Tiina Lahtela", "Hallintopäällikkö", "tiina.lahtela@ruovesi.example") in roles
    assert not any(t == "Hallintopäällikkö" for k, t in kinds_and_texts(extraction) if k == "selostus")


def test_people_printed_field_by_field() -> None:
    """Names, e-mails and titles each on a line of their own, comma-separated in the same order."""
    text = ("Anna Kivelä, Jussi Mäntylä\nanna.kivela@kunta.example, jussi.mantyla@kunta.example\n"
            "talous- ja hallintojohtaja, Rakennustarkastaja")
    got = [(r.name, r.title, r.email) for r in parse_person_lines(text, "valmistelija")]
    assert got == [("Anna Kivelä", "talous- ja hallintojohtaja", "anna.kivela@kunta.example"),
                   ("Jussi Mäntylä", "Rakennustarkastaja", "jussi.mantyla@kunta.example")]


def test_lower_case_title_phrase_on_its_own_line() -> None:
    body = CASEM_ITEM.replace("Hallintopäällikkö", "vs. hyvinvointipalvelujen toimialajohtaja")
    roles = extract_text(body.format(decision="Hyväksyttiin.")).of(ItemRole)
    assert ("Tiina Lahtela", "vs. hyvinvointipalvelujen toimialajohtaja") in {(r.name, r.title) for r in roles}


Row = tuple[str | None, str | None, float]  # margin text, text-column text, step down in mm


def _margin_pdf(path: Path, rows: list[Row], text_x: float | None = None, wide: str = "",
                overlap: float = 1.5) -> Path:
    """One page with headings in a left margin at 18 mm and a text column at ``text_x`` (by default
    ``overlap`` mm left of where ``wide`` would end, so that a heading that wide runs under the text)."""
    pdf = DocPdf()
    pdf.font()
    pdf.add_page()
    column = text_x if text_x is not None else 18 + pdf.get_string_width(wide) - overlap
    y = 20.0
    for margin, text, step in rows:
        for x, value in ((18, margin), (column, text)):
            if value:
                pdf.set_xy(x, y)
                pdf.cell(0, 5, value)
        y += step
    pdf.output(str(path))
    return path


CASEM_ROWS: list[Row] = [
    ("Ruoveden kunta    Pöytäkirja 3/2026", None, 5), ("Tekninen lautakunta    12.03.2026", None, 15),
    ("§ 21", None, 6), ("Katuvalojen uusiminen", None, 6), ("RUODno-2026-14", None, 8),
    (None, "Valmistelija / lisätiedot:", 5), (None, "Tiina Lahtela", 5), (None, "tiina.lahtela@ruovesi.example", 5),
    (None, "Hallintopäällikkö", 8),
    ("Liitteet", "1 Katuvalojen kuntokartoitus 2025 ja uusimisen kustannusarvio sekä", 5),
    (None, "urakkatarjousten vertailu", 9),  # a wrapped attachment name, then the paragraph gap
    (None, "Kunnan katuvalot ovat osin yli 40 vuotta vanhoja. Kuntokartoituksen mukaan", 5),
    (None, "elohopealamput on vaihdettava ledeihin vuoden 2027 loppuun mennessä.", 9),
    (None, "Esittelijä: Kunnanjohtaja Mikko Salo", 8), (None, "Ehdotus", 6),
    (None, "Tekninen lautakunta hyväksyy halvimman tarjouksen.", 8), (None, "Päätös", 6), (None, "Hyväksyttiin.", 5),
]


def test_attachment_list_ends_at_the_paragraph_gap_in_a_pdf(tmp_path: Path) -> None:
    path = _margin_pdf(tmp_path / "ruovesi.pdf", CASEM_ROWS, text_x=45)
    extraction = extract_document(path.read_bytes(), Source(str(path), path.name))
    sections = kinds_and_texts(extraction)
    assert ("liitteet", "1 Katuvalojen kuntokartoitus 2025 ja uusimisen kustannusarvio sekä "
            "urakkatarjousten vertailu") in sections
    assert any(k == "selostus" and t.startswith("Kunnan katuvalot") for k, t in sections)
    assert ("Tiina Lahtela", "Hallintopäällikkö") in {(r.name, r.title) for r in extraction.of(ItemRole)}
    assert [d.outcome for d in extraction.of(Decision)] == ["hyvaksytty"]


KTWEB_ROWS: list[Row] = [
    ("Kaitalahden kaupunki", None, 5), ("Elinvoimalautakunta", "PÖYTÄKIRJA 4/2026   14.4.2026", 12),
    ("§ 40", None, 6), ("Yrityspalvelujen järjestäminen", None, 8),
    ("Esittelijä", "Elinvoimajohtaja Riikka Aho", 7),
    ("Päätösehdotus", "Elinvoimalautakunta päättää hyväksyä sopimuksen.", 7),
    ("Elinvoimalautakunnan", "Elinvoimalautakunta merkitsi selvityksen tiedokseen.", 5), ("päätös", None, 7),
    ("Tiedoksi", "Yrityspalvelut", 5),
]


@pytest.mark.parametrize("overlap", [1.5, 0.0])  # under the text, or touching it
def test_genitive_decision_heading_wider_than_the_margin(tmp_path: Path, overlap: float) -> None:
    path = _margin_pdf(tmp_path / "kaitalahti.pdf", KTWEB_ROWS, wide="Elinvoimalautakunnan", overlap=overlap)
    extraction = extract_document(path.read_bytes(), Source(str(path), path.name))
    sections = kinds_and_texts(extraction)
    assert ("paatos", "Elinvoimalautakunta merkitsi selvityksen tiedokseen.") in sections
    assert [d.outcome for d in extraction.of(Decision)] == ["merkitty_tiedoksi"]


def test_presenter_on_the_proposal_heading_is_a_role_not_proposal_text() -> None:
    body = """Päätösehdotus\tKaupunginjohtaja Mikko Salo
\tKokous todetaan laillisesti koolle kutsutuksi.

Päätös\tHyväksyttiin.
"""
    extraction = extract_text(body)
    assert ("paatosehdotus", "Kokous todetaan laillisesti koolle kutsutuksi.") in kinds_and_texts(extraction)
    assert [(r.role, r.name, r.title) for r in extraction.of(ItemRole)] == [
        ("esittelija", "Mikko Salo", "Kaupunginjohtaja")]


def test_a_lower_case_title_and_a_name_on_the_proposal_heading_is_the_presenter() -> None:
    body = """Päätösehdotus\ttekninen johtaja Paula Kauppinen
\tTekninen lautakunta merkitsee raportin tiedoksi.

Päätös\tHyväksyttiin.
"""
    extraction = extract_text(body)
    assert ("paatosehdotus", "Tekninen lautakunta merkitsee raportin tiedoksi.") in kinds_and_texts(extraction)
    assert [(r.role, r.name, r.title) for r in extraction.of(ItemRole)] == [
        ("esittelija", "Paula Kauppinen", "tekninen johtaja")]
    # a proposal's first line is no presenter, even when it ends in capitalised words
    other = extract_text("Päätösehdotus\tlautakunta hyväksyy Kuopion Energia\n\nPäätös\tHyväksyttiin.\n")
    assert other.of(ItemRole) == []


def test_earlier_handling_by_a_working_group_is_history() -> None:
    body = """Puheenjohtajiston työryhmä, 17.09.2024, § 63

Työryhmä on valmistellut ehdotuksen valtuuston kokousten sujuvoittamiseksi.

Ehdotus
Puheenjohtajiston työryhmä esittää kaupunginhallitukselle, että se hyväksyy selvityksen.

Päätös
Hyväksyttiin.

Tekninen lautakunta, 12.03.2026, § 21

Työryhmän ehdotus on käsitelty valtuustoryhmissä.

Ehdotus
Tekninen lautakunta merkitsee selvityksen tiedokseen.

Päätös
Tekninen lautakunta merkitsi selvityksen tiedokseen.
"""
    extraction = extract_text(body)
    sections = extraction.of(ItemSection)
    earlier = [s for s in sections if s.handling]
    assert {s.handling for s in earlier} == {"Puheenjohtajiston työryhmä, 17.09.2024, § 63"}
    assert [s.kind for s in earlier] == ["selostus", "paatosehdotus", "paatos"]
    current = [s.text for s in sections if not s.handling and s.kind == "paatos"]
    assert current == ["Tekninen lautakunta merkitsi selvityksen tiedokseen."]
    assert [d.outcome for d in extraction.of(Decision)] == ["merkitty_tiedoksi"]


def test_titles_and_quoted_decisions_are_not_headings() -> None:
    body = """Kaupunginjohtajan päätökset

Valtiovarainministeriön päätös
Ministeriö myönsi kunnalle harkinnanvaraista valtionosuutta.
Kaupunginhallituksen päätös 23.6.2025 § 249:
Kaupunginhallitus päätti hakea valtionosuutta.

Ehdotus
Tekninen lautakunta merkitsee päätökset tiedoksi.

Perustelut:
Päätökset on tehty lautakunnan delegoimassa toimivallassa.

Päätös
Hyväksyttiin.
"""
    text = HEADER.replace("Katuvalojen uusiminen\n", "") + body
    extraction = extract_document(text.encode(), Source("ruovesi.txt", "ruovesi.txt"))
    assert [i.title for i in extraction.of(AgendaItem)] == ["Kaupunginjohtajan päätökset"]
    sections = kinds_and_texts(extraction)
    assert [k for k, _ in sections] == ["selostus", "paatosehdotus", "paatos"]
    assert sections[0][1].startswith("Valtiovarainministeriön päätös Ministeriö myönsi")
    assert sections[1][1].endswith("Perustelut: Päätökset on tehty lautakunnan delegoimassa toimivallassa.")


def test_no_other_business_ends_the_decision() -> None:
    body = "Päätös\nEi muita asioita.\n\nPuheenjohtaja päätti kokouksen klo 18.42.\n"
    sections = kinds_and_texts(extract_text(body))
    assert ("paatos", "Ei muita asioita.") in sections
    assert ("muu", "Puheenjohtaja päätti kokouksen klo 18.42.") in sections


def test_a_title_alone_on_the_proposal_heading_is_the_presenter() -> None:
    body = ("Päätösehdotus\tElinvoimajohtaja\n\tKokous todetaan laillisesti koolle kutsutuksi.\n\n"
            "Päätös\tHyväksyttiin.\n")
    extraction = extract_text(body)
    assert ("paatosehdotus", "Kokous todetaan laillisesti koolle kutsutuksi.") in kinds_and_texts(extraction)
    assert [(r.role, r.name, r.title) for r in extraction.of(ItemRole)] == [("esittelija", None, "Elinvoimajohtaja")]


TWEB_ROWS: list[Row] = [
    ("Kaitalahden kaupunki", "                         Pöytäkirja 5/2026   1 (2)", 5),
    ("Tekninen lautakunta", "                         § 21   3.3.2026", 14),
    ("Leikkipuistojen peruskorjausohjelma 2026-2028", None, 9),
    ("Dno", "KAI/412/02.02.02/2026", 7),
    ("Päätöshistoria", "Tekninen lautakunta 3.2.2026 § 12", 7),
    ("Tiivistelmä", "Leikkipuistojen peruskorjausohjelma vuosille 2026-2028.", 7),
    ("Esittelyteksti", "Leikkipuistojen välineet ovat käyttöikänsä lopussa.", 7),
    ("Liitteet", "Peruskorjausohjelma 2026-2028", 7),
    ("Oheismateriaali", "-", 7),
    ("Esittelijä", "Tekninen johtaja Anna Kallio", 7),
    ("Päätösesitys", "Tekninen lautakunta hyväksyy peruskorjausohjelman.", 7),
    ("Päätös", "Päätösesitys hyväksyttiin.", 7),
    ("Valmistelijat", "Tekninen keskus, kaupungininsinööri Sami Lehto puh. 044 123 4567 ja", 5),
    (None, "puistopäällikkö Eeva Ranta puh. 044 765 4321", 7),
    ("Täytäntöönpanotiedot", "Ote: Sami Lehto, Eeva Ranta", 5),
    (None, "Ei muutoksenhakuoikeutta", 5),
]


def test_tweb_single_item_margin_labels(tmp_path: Path) -> None:
    """Oulu's Tweb item file: Dno and Päätöshistoria labels, Tiivistelmä / Esittelyteksti /
    Täytäntöönpanotiedot headings and Valmistelijat with 'puh.' lines: every printed part found."""
    path = _margin_pdf(tmp_path / "kaitalahti-21.pdf", TWEB_ROWS, text_x=64)
    extraction = extract_document(path.read_bytes(), Source(str(path), path.name))
    [item] = extraction.of(AgendaItem)
    assert (item.section_number, item.diary_number) == (21, "KAI/412/02.02.02/2026")
    assert [h.ref for h in extraction.of(ItemHistory)] == ["Tekninen lautakunta 3.2.2026 § 12"]
    sections = kinds_and_texts(extraction)
    assert [k for k, _ in sections] == ["selostus", "selostus", "liitteet", "oheismateriaali", "esittelija",
                                        "paatosehdotus", "paatos", "valmistelija", "tiedoksi"]
    assert sections[-1] == ("tiedoksi", "Ote: Sami Lehto, Eeva Ranta Ei muutoksenhakuoikeutta")
    assert not any(s.handling for s in extraction.of(ItemSection))
    assert {(r.role, r.name, r.title) for r in extraction.of(ItemRole)} == {
        ("esittelija", "Anna Kallio", "Tekninen johtaja"), ("valmistelija", "Sami Lehto", "kaupungininsinööri"),
        ("valmistelija", "Eeva Ranta", "puistopäällikkö")}
    assert [d.outcome for d in extraction.of(Decision)] == ["hyvaksytty"]


def test_tweb_label_value_on_its_own_baseline_and_a_wrapped_phone_number(tmp_path: Path) -> None:
    """A lone '-' sits lower than its 'Päätöshistoria' label (a hyphen's box), so the two are two
    lines: the '-' is still the label's value, not a description. A Valmistelijat paragraph that
    wraps inside a phone number ('puh. 044 678' / '1578') stays one person."""
    rows = TWEB_ROWS[:4] + [("Päätöshistoria", None, 1.5), (None, "-", 5.5)] + TWEB_ROWS[5:12] + [
        ("Valmistelijat", "Tekninen keskus, kaupungininsinööri Sami Lehto puh. 044 123", 5),
        (None, "4567", 7)] + TWEB_ROWS[14:]
    path = _margin_pdf(tmp_path / "kaitalahti-21b.pdf", rows, text_x=64)
    extraction = extract_document(path.read_bytes(), Source(str(path), path.name))
    assert extraction.of(ItemHistory) == []
    sections = kinds_and_texts(extraction)
    assert [k for k, _ in sections] == ["selostus", "selostus", "liitteet", "oheismateriaali", "esittelija",
                                        "paatosehdotus", "paatos", "valmistelija", "tiedoksi"]
    assert ("valmistelija", "Tekninen keskus, kaupungininsinööri Sami Lehto puh. 044 123 4567") in sections
    assert {(r.role, r.name, r.phone) for r in extraction.of(ItemRole) if r.role == "valmistelija"} == {
        ("valmistelija", "Sami Lehto", "044 123 4567")}


COLON_ROWS: list[Row] = [
    ("Kaitalahden kaupunki", "                         Pöytäkirja 3/2026   4 (9)", 5),
    ("Kaupunginhallitus", "                         § 10   16.3.2026", 14),
    ("Lausunto maakuntakaavan luonnoksesta", None, 6),
    ("KAI/1545/10.02.03/2026", None, 9),
    ("Valmistelijat: KN/PM/HY", None, 7),
    ("Ympäristöministeriö on pyytänyt kaupungilta lausuntoa maakuntakaavan luonnoksesta.", None, 7),
    ("Kaupunginjohtajan esitys:", None, 5),
    ("Päätetään antaa liitteen mukainen lausunto.", None, 9),
    ("Kaupunginhallitus 16.3.2026 § 10", None, 7),
    ("Päätös:", None, 5),
    ("Hyväksyttiin esitys.", None, 9),
    ("Liitteet:", None, 5),
    ("- Lausunto maakuntakaavan luonnoksesta", None, 9),
    ("Täytäntöönpano: kaupunginkanslia", None, 7),
    ("Muutoksenhakuohje: 7.4. Oikaisuvaatimus- ja valituskielto", None, 7),
    ("Lisätiedot:", None, 5),
    ("Kari Niemi, kaupunginsihteeri, puh. 040 123 4567", None, 5),
]


def test_colon_headings_with_the_handling_line_in_the_middle(tmp_path: Path) -> None:
    """Vantaa's Tweb item file: colon headings, the current handling line between the proposal and
    the decision, the diary number alone under the title."""
    path = _margin_pdf(tmp_path / "kaitalahti-10.pdf", COLON_ROWS, text_x=64)
    extraction = extract_document(path.read_bytes(), Source(str(path), path.name))
    [item] = extraction.of(AgendaItem)
    assert (item.section_number, item.title, item.diary_number) == (
        10, "Lausunto maakuntakaavan luonnoksesta", "KAI/1545/10.02.03/2026")
    sections = kinds_and_texts(extraction)
    assert [k for k, _ in sections] == ["valmistelija", "selostus", "paatosehdotus", "paatos", "liitteet",
                                        "tiedoksi", "muutoksenhaku", "lisatiedot"]
    assert ("paatos", "Hyväksyttiin esitys.") in sections
    assert ("tiedoksi", "kaupunginkanslia") in sections
    assert ("muutoksenhaku", "7.4. Oikaisuvaatimus- ja valituskielto") in sections
    assert not any(s.handling for s in extraction.of(ItemSection))
    assert [r for r in extraction.of(ItemRole) if r.role == "valmistelija"] == []  # 'KN/PM/HY' are initials
    assert [d.outcome for d in extraction.of(Decision)] == ["hyvaksytty"]


def test_the_same_section_number_a_year_earlier_is_an_earlier_handling() -> None:
    """The current handling is the last one: the same body's § 21 of an earlier meeting is history."""
    body = """Tekninen lautakunta, 14.03.2025, § 21

Ehdotus
Tekninen lautakunta velvoittaa omistajan siistimään tontin uhkasakon uhalla.

Päätös
Lautakunta hyväksyi esityksen.

Tekninen lautakunta, 12.03.2026, § 21

Ehdotus
Tekninen lautakunta tuomitsee uhkasakon maksettavaksi.

Päätös
Lautakunta hyväksyi esityksen.
"""
    extraction = extract_text(body)
    sections = extraction.of(ItemSection)
    assert [(s.kind, s.handling) for s in sections] == [
        ("paatosehdotus", "Tekninen lautakunta, 14.03.2025, § 21"), ("paatos", "Tekninen lautakunta, 14.03.2025, § 21"),
        ("paatosehdotus", None), ("paatos", None)]
    assert "Tekninen lautakunta, 14.03.2025, § 21" in [h.ref for h in extraction.of(ItemHistory)]


def test_a_proposal_after_an_inline_presenter_is_not_a_person_line() -> None:
    body = """Ehdotus
Esittelijä: Kunnanjohtaja Mikko Salo
Kunnanhallitus saattaa valtuuston tietoon Ruoveden
valtuustoon valitut valtuutetut.

Päätös
Hyväksyttiin.
"""
    sections = kinds_and_texts(extract_text(body))
    assert ("esittelija", "Kunnanjohtaja Mikko Salo") in sections
    assert ("paatosehdotus", "Kunnanhallitus saattaa valtuuston tietoon Ruoveden valtuustoon valitut "
            "valtuutetut.") in sections


def test_a_margin_heading_glued_to_its_text_is_split_off() -> None:
    """The text layer may join a wide margin heading to the text with no space at all
    ('KaupunginhallituksenAsia palautettiin ...' over a lone 'päätös')."""
    from extractors.minutes.sections import _join_wrapped_margin_headings
    from extractors.records import Line, Segment

    glued = "KaupunginhallituksenAsia palautettiin uudelleen valmisteltavaksi."
    lines = [Line(page=1, y=100.0, x0=50.8, text=glued, segments=(Segment(50.8, 160.2, glued),), height=10.0),
             Line(page=1, y=110.0, x0=50.8, text="päätös", segments=(Segment(50.8, 75.0, "päätös"),), height=10.0)]
    joined = _join_wrapped_margin_headings(lines)
    assert [s.text for s in joined[0].segments] == ["Kaupunginhallituksen päätös",
                                                    "Asia palautettiin uudelleen valmisteltavaksi."]
    assert len(joined) == 1


def test_earlier_handling_with_the_same_number_and_year_is_not_the_current_one() -> None:
    """'Khall 2.2.2026 § 21' above the council's own '§ 21' of 12.3.2026: the same number in the same
    year on another day is the earlier handling, and the item's own handling line returns to the
    current one (the dates were compared by their year alone)."""
    body = HEADER.replace("RUODno-2026-14", "RUODno-2026-14\nKhall 2.2.2026 § 21") + """Kunnanhallitus 2.2.2026 § 21

Ehdotus
Kunnanhallitus esittää teknisen lautakunnan hyväksyttäväksi halvimman tarjouksen.

Päätös
Hyväksyttiin.

Tekninen lautakunta 12.3.2026 § 21

Ehdotus
Tekninen lautakunta hyväksyy halvimman tarjouksen.

Päätös
Tekninen lautakunta hyväksyi ehdotuksen Salon tekemällä muutosehdotuksella.
"""
    extraction = extract_document(body.encode(), Source("ruovesi.txt", "ruovesi.txt"))
    current = [(s.kind, s.text) for s in extraction.of(ItemSection) if s.handling is None]
    assert ("paatos", "Tekninen lautakunta hyväksyi ehdotuksen Salon tekemällä muutosehdotuksella.") in current
    assert [d.outcome for d in extraction.of(Decision)] == ["hyvaksytty_muutettuna"]


DYNASTY_SV = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>Lovisa stad - Stadsstyrelsen 12.3.2025 - Protokoll</title></head><body>
<p><b>Lovisa stad</b><br>Protokoll 3/2025</p><h2>Stadsstyrelsen</h2>
<p><b>Tid</b><br>12.3.2025 kl. 17:00 - 19:00</p>
{items}</body></html>"""
DYNASTY_SV_ITEM = """<hr><p class=MsoNormal>§ {n}</p>
<p class=MsoNormal><strong>Understöd till föreningar {n}</strong></p>
<p class=Sivuotsikko>Beslutsförslag<span style='mso-tab-count:1'>&nbsp; </span>stadsdirektör Sofia Sjöholm</p>
<p class=Sisennetty>Stadsstyrelsen beviljar understöd enligt bilagan.</p>
<p class=Sivuotsikko>Beslut<span style='mso-tab-count:1'>&nbsp; </span>Stadsstyrelsen:</p>
<p class=Sisennetty>{decision}</p>
<p class=Sisennetty>Sammanlagt 17 föreningar har ansökt om understöd till ett belopp om 41 200 euro.</p>
<p class=Sisennetty>Förslaget har beretts enligt de godkända principerna.</p>
"""


def test_untitled_description_after_a_body_labelled_decision() -> None:
    """Dynasty prints the description last; in Swedish without a heading, after 'Beslut  Stadsstyrelsen:'
    and the decision's paragraph. An item that printed no description of its own gets those
    paragraphs as its description, not as more of the decision."""
    items = "".join(DYNASTY_SV_ITEM.format(n=n, decision=d) for n, d in ((50, "Ärendet bordlades."),
                                                                         (51, "Förslaget godkändes.")))
    html = DYNASTY_SV.format(items=items).encode()
    extraction = extract_document(html, Source("lovisa.html", "lovisa.html"))
    parts = [(s.kind, s.text) for s in extraction.of(ItemSection)]
    assert parts[:3] == [
        ("paatosehdotus", "Stadsstyrelsen beviljar understöd enligt bilagan."),
        ("paatos", "Stadsstyrelsen: Ärendet bordlades."),
        ("selostus", "Sammanlagt 17 föreningar har ansökt om understöd till ett belopp om 41 200 euro. "
                     "Förslaget har beretts enligt de godkända principerna.")]
    assert [d.outcome for d in extraction.of(Decision)] == ["poydatty", "hyvaksytty"]


LABELS_HEADER = """Kaavin kunta
Kunnanhallitus
PÖYTÄKIRJA 4/2026

Kokousaika 8.4.2026 klo 17.00
Kokouspaikka Kunnantalo

"""


def _labels(text: str):
    return extract_document((LABELS_HEADER + text).encode(), Source("kaavi.txt", "kaavi.txt"))


def test_run_in_title_label_and_diary_on_the_header_line() -> None:
    """'77 §   KAADno-2026-189' over 'Asia: Katuvalojen uusiminen' (CloudNC run-in labels): the diary
    number beside the § is no title, and the title is what follows 'Asia:'."""
    extraction = _labels("""76 §
Asia: Kokouksen laillisuus ja päätösvaltaisuus
Päätös: Kokous todettiin laillisesti koolle kutsutuksi ja päätösvaltaiseksi.

77 §   KAADno-2026-189
Asia: Katuvalojen uusiminen
Ehdotus: Kunnanhallitus hyväksyy halvimman tarjouksen.
Päätös: Hyväksyttiin.
""")
    items = [(i.section_number, i.title, i.diary_number) for i in extraction.of(AgendaItem)]
    assert items == [(76, "Kokouksen laillisuus ja päätösvaltaisuus", None),
                     (77, "Katuvalojen uusiminen", "KAADno-2026-189")]


def test_two_short_items_in_a_row_are_no_list_of_items() -> None:
    """'§ 172 Val av protokolljusterare' with only 'Förslag:' and 'Beslut:' under it, then '§ 173 ...':
    two '§ n Title' lines three lines apart are items, not a page-1 list."""
    extraction = _labels("""§ 171 Mötets laglighet och beslutförhet
Förslag: Mötet konstateras lagligt och beslutfört.
Beslut: Godkändes.

§ 172 Val av protokolljusterare
Förslag: Till protokolljusterare väljs Eva Lindén och Kim Westerlund.
Beslut: Godkändes.
§ 173 Understöd till föreningar
Förslag: Kommunstyrelsen beviljar understöd enligt bilagan.
Beslut: Godkändes.
""")
    assert [i.section_number for i in extraction.of(AgendaItem)] == [171, 172, 173]


def test_own_handling_line_after_an_earlier_handling_is_not_the_items_header() -> None:
    """'§ 93 Title', the board's earlier handling ('Tekninen lautakunta 25.3.2026 § 12' and its parts),
    then the item's own 'Kunnanhallitus 8.4.2026 § 93': the first line is the item's header, the last
    returns to its current handling (it was taken for a page-1 list entry printed again)."""
    extraction = _labels("""§ 92 Kokouksen laillisuus ja päätösvaltaisuus
Päätös: Hyväksyttiin.

§ 93 Katuvalojen uusiminen
Tela 25.3.2026 § 12
Tekninen lautakunta 25.3.2026 § 12
Ehdotus: Tekninen lautakunta esittää kunnanhallituksen hyväksyttäväksi halvimman tarjouksen.
Päätös: Hyväksyttiin.
Kunnanhallitus 8.4.2026 § 93
Ehdotus: Kunnanhallitus hyväksyy halvimman tarjouksen.
Päätös: Asia jätettiin pöydälle.

§ 94 Muut asiat
Päätös: Ei muita asioita.
""")
    items = [(i.section_number, i.title) for i in extraction.of(AgendaItem)]
    assert items == [(92, "Kokouksen laillisuus ja päätösvaltaisuus"), (93, "Katuvalojen uusiminen"),
                     (94, "Muut asiat")]
    assert [d.outcome for d in extraction.of(Decision)][1] == "poydatty"


def test_reasons_of_the_decision_are_a_part_of_their_own() -> None:
    """'Päätöksen perustelut:' after 'Päätös:' names whose reasons they are (Ahjo, CloudNC): a part of its
    own, while a bare 'Perustelut:' inside a proposal stays in it."""
    extraction = _labels("""§ 93 Katuvalojen uusiminen
Ehdotus: Kunnanhallitus hyväksyy halvimman tarjouksen.
Perustelut: Tarjous on edullisin.
Päätös: Hyväksyttiin.
Päätöksen perustelut: Päätös perustuu hallintosäännön toimivaltamääräyksiin.
""")
    assert [(s.kind, s.text) for s in extraction.of(ItemSection)] == [
        ("paatosehdotus", "Kunnanhallitus hyväksyy halvimman tarjouksen. Perustelut: Tarjous on edullisin."),
        ("paatos", "Hyväksyttiin."),
        ("selostus", "Päätös perustuu hallintosäännön toimivaltamääräyksiin.")]


def test_title_on_the_header_line_wraps_below_it(tmp_path: Path) -> None:
    """'§ 93 Koulukuljetusten hankinta ..., lautakunnan esitys' in bold wrapping onto
    'kunnanhallitukselle ja edelleen valtuustolle' under it: one title, and 'Dnro: ...' below is read."""
    pdf = DocPdf(faces=("", "B"))
    pdf.add_page()
    pdf.font()
    for y, text in ((20, "Kaavin kunta   Pöytäkirja 4/2026"), (26, "Kunnanhallitus 8.4.2026")):
        pdf.text(20, y, text)
    pdf.font(True)
    pdf.text(20, 50, "§ 93")
    pdf.text(35, 50, "Koulukuljetusten hankinta lukuvuosille 2026-2029, lautakunnan esitys")
    pdf.text(35, 55, "kunnanhallitukselle ja edelleen valtuustolle")
    pdf.font()
    for k, text in enumerate(("Dnro: KAADno-2026-14", "Ehdotus: Kunnanhallitus hyväksyy tarjouksen.",
                              "Päätös: Hyväksyttiin.")):
        pdf.text(20, 62 + 6 * k, text)
    pdf.font(True)
    pdf.text(20, 90, "§ 94")
    pdf.text(35, 90, "Muut asiat")
    pdf.font()
    pdf.text(20, 96, "Päätös: Ei muita asioita.")
    path = tmp_path / "kaavi.pdf"
    pdf.output(str(path))
    extraction = extract_document(path.read_bytes(), Source(path.name, path.name))
    first = extraction.of(AgendaItem)[0]
    assert (first.title, first.diary_number) == (
        "Koulukuljetusten hankinta lukuvuosille 2026-2029, lautakunnan esitys kunnanhallitukselle ja edelleen "
        "valtuustolle", "KAADno-2026-14")
