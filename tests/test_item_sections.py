"""Sections, roles and outcomes inside one item, on minutes we write in the shapes real systems print
(CaseM's Valmistelija -> Liitteet -> untitled description order, three-line person blocks)."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from extractors.document import Source, extract_document
from extractors.records import Decision, ItemRole, ItemSection
from extractors.roles import parse_person_lines
from tests.pdfmaker import FONT

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


def _casem_pdf(path: Path) -> Path:
    """A CaseM-like page: headings in the left margin, text column at 45 mm, a wrapped attachment name."""
    pdf = FPDF(format="A4")
    pdf.add_font("body", "", FONT)
    pdf.set_font("body", size=10)
    pdf.add_page()
    y = 20.0

    def put(x: float, text: str, step: float = 5.0) -> None:
        nonlocal y
        pdf.set_xy(x, y)
        pdf.cell(150, 5, text)
        y += step

    for line in ("Ruoveden kunta    Pöytäkirja 3/2026", "Tekninen lautakunta    12.03.2026"):
        put(20, line)
    y += 10
    put(20, "§ 21", 6)
    put(20, "Katuvalojen uusiminen", 6)
    put(20, "RUODno-2026-14", 8)
    put(45, "Valmistelija / lisätiedot:")
    put(45, "Tiina Lahtela")
    put(45, "tiina.lahtela@ruovesi.example")
    put(45, "Hallintopäällikkö", 8)
    put(20, "Liitteet")
    put(45, "1 Katuvalojen kuntokartoitus 2025 ja uusimisen kustannusarvio sekä")
    put(45, "urakkatarjousten vertailu", 9)
    put(45, "Kunnan katuvalot ovat osin yli 40 vuotta vanhoja. Kuntokartoituksen mukaan")
    put(45, "elohopealamput on vaihdettava ledeihin vuoden 2027 loppuun mennessä.", 9)
    put(45, "Esittelijä: Kunnanjohtaja Mikko Salo", 8)
    put(45, "Ehdotus", 6)
    put(45, "Tekninen lautakunta hyväksyy halvimman tarjouksen.", 8)
    put(45, "Päätös", 6)
    put(45, "Hyväksyttiin.")
    pdf.output(str(path))
    return path


def test_attachment_list_ends_at_the_paragraph_gap_in_a_pdf(tmp_path: Path) -> None:
    path = _casem_pdf(tmp_path / "ruovesi.pdf")
    extraction = extract_document(path.read_bytes(), Source(str(path), path.name))
    sections = kinds_and_texts(extraction)
    assert ("liitteet", "1 Katuvalojen kuntokartoitus 2025 ja uusimisen kustannusarvio sekä "
            "urakkatarjousten vertailu") in sections
    assert any(k == "selostus" and t.startswith("Kunnan katuvalot") for k, t in sections)
    assert ("Tiina Lahtela", "Hallintopäällikkö") in {(r.name, r.title) for r in extraction.of(ItemRole)}
    assert [d.outcome for d in extraction.of(Decision)] == ["hyvaksytty"]


def _ktweb_pdf(path: Path) -> Path:
    """KTweb-like page: margin headings at 18 mm, the text column where a long genitive heading
    ('Elinvoimalautakunnan' over 'päätös') runs a little under the text beside it."""
    pdf = FPDF(format="A4")
    pdf.add_font("body", "", FONT)
    pdf.set_font("body", size=10)
    pdf.add_page()
    text_x = 18 + pdf.get_string_width("Elinvoimalautakunnan") - 1.5
    y = 20.0

    def put(margin: str | None, text: str | None, step: float = 5.0) -> None:
        nonlocal y
        if margin:
            pdf.set_xy(18, y)
            pdf.cell(0, 5, margin)
        if text:
            pdf.set_xy(text_x, y)
            pdf.cell(0, 5, text)
        y += step

    put("Kaitalahden kaupunki", None)
    put("Elinvoimalautakunta", "PÖYTÄKIRJA 4/2026   14.4.2026", 12)
    put("§ 40", None, 6)
    put("Yrityspalvelujen järjestäminen", None, 8)
    put("Esittelijä", "Elinvoimajohtaja Riikka Aho", 7)
    put("Päätösehdotus", "Elinvoimalautakunta päättää hyväksyä sopimuksen.", 7)
    put("Elinvoimalautakunnan", "Elinvoimalautakunta merkitsi selvityksen tiedokseen.")
    put("päätös", None, 7)
    put("Tiedoksi", "Yrityspalvelut")
    pdf.output(str(path))
    return path


def test_genitive_decision_heading_wider_than_the_margin(tmp_path: Path) -> None:
    path = _ktweb_pdf(tmp_path / "kaitalahti.pdf")
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
