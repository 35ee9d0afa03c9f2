"""The heading matcher: spellings, OCR damage, shapes on the line, and what is not a heading."""

from __future__ import annotations

import pytest

from extractors.minutes.headings import heading_kind, match_line_heading


@pytest.mark.parametrize(("text", "kind"), [
    ("Päätösehdotus", "paatosehdotus"), ("Paatdsehdotus", "paatosehdotus"), ("Paatdésehdotus", "paatosehdotus"),
    ("Esittelija", "esittelija"), ("PÄÄTÖS", "paatos"), ("Lautakunnan päätös", "paatos"),
    ("Kunnanhallituksen päätös", "paatos"), ("Sivistysjohtajan ehdotus", "paatosehdotus"),
    ("Pohjaesitys", "paatosehdotus"), ("Valmistelija / lisätiedot", "valmistelija"),
    ("Asian valmisteli", "valmistelija"), ("Beslutsförslag", "paatosehdotus"), ("Föredragande", "esittelija"),
    ("Beslut", "paatos"), ("Bilagor", "liitteet"), ("Jäv", "muu"), ("Oikaisuvaatimusohje", "muutoksenhaku"),
    ("Käsittely", "kasittely"), ("Kasittely", "kasittely"), ("Oheismateriaali", "oheismateriaali"),
    # CloudNC's run-in labels (the 'labels' family of scripts/make_unseen_variants.py)
    ("Kokouskäsittely", "kasittely"), ("Jäävit", "muu"), ("Jäävi", "muu"),
])
def test_heading_spellings(text: str, kind: str) -> None:
    found = heading_kind(text)
    assert found is not None and found[0] == kind


@pytest.mark.parametrize("text", ["Esityslista", "Päätöksen", "päätöstä", "Käsitellyt asiat", "Hyväksyttiin",
                                  "Kokouspaikka", "Ehdotamme", "Kaupunginvaltuusto päättää", "Kunnanvaltuusto päättää",
                                  "Kommunfullmäktige beslutar"])
def test_not_headings(text: str) -> None:
    assert heading_kind(text) is None


def test_line_shapes() -> None:
    colon = match_line_heading(["Valmistelija / lisätiedot: Jaana Kaartinen, talousjohtaja"], True)
    assert (colon.kind, colon.heading_raw, colon.rest) == ("valmistelija", "Valmistelija / lisätiedot",
                                                           "Jaana Kaartinen, talousjohtaja")
    margin = match_line_heading(["Päätösehdotus", "Tekninen lautakunta päättää"], True)
    assert (margin.kind, margin.rest) == ("paatosehdotus", "Tekninen lautakunta päättää")
    plain = match_line_heading(["Paatos Hyvaksyttiin."], False)
    assert (plain.kind, plain.heading_raw, plain.rest) == ("paatos", "Paatos", "Hyvaksyttiin.")
    assert match_line_heading(["Esitys hyväksyttiin yksimielisesti."], True) is None
    assert match_line_heading(["Liite 1 Talousarvioesitys 2026"], True) is None
    # a margin label that runs into its text column: the heading, not 'Täytäntöönpanotiedot Ote'
    glued = match_line_heading(["Täytäntöönpanotiedot Ote: Sami Lehto, Eeva Ranta"], True)
    assert (glued.kind, glued.heading_raw, glued.rest) == ("tiedoksi", "Täytäntöönpanotiedot",
                                                           "Ote: Sami Lehto, Eeva Ranta")


@pytest.mark.parametrize(("text", "number", "body"), [
    ("§ 74", 74, ""), ("19 §", 19, ""), ("Sivistyslautakunta § 87 18.11.2025", 87, "Sivistyslautakunta"),
    ("Tekninen lautakunta 12.06.2024 § 45", 45, "Tekninen lautakunta"),
    ("Kunnanhallitus 19 § 8.4.2025", 19, "Kunnanhallitus"),
    ("Tarkastuslautakunta, § 36,08.05.2025", 36, "Tarkastuslautakunta"),
    ("Stadsstyrelsen § 12 3.3.2025", 12, "Stadsstyrelsen"),
])
def test_item_header_shapes(text: str, number: int, body: str) -> None:
    from extractors.minutes.segment import parse_header
    from extractors.records import Line

    cand = parse_header(Line(page=1, y=0, x0=0, text=text), 0)
    assert cand is not None and (cand.number, cand.body) == (number, body)


@pytest.mark.parametrize("text", ["Kuntalain 103 §:n mukaan", "hallintolaki 28 §", "28 § mukaisesti",
                                  "Kaupunginhallitus antoi 8.9.2025 § 212 talousarvion", "Asiat § 45 - 48",
                                  "§ 94 käsitellyt tievalot."])
def test_section_sign_references_are_not_headers(text: str) -> None:
    from extractors.minutes.segment import parse_header
    from extractors.records import Line

    assert parse_header(Line(page=1, y=0, x0=0, text=text), 0) is None


@pytest.mark.parametrize("text", ["Kaupunginjohtajan päätökset", "Lautakunnan päätökset",
                                  "Valtiovarainministeriön päätös", "Hallinto-oikeuden päätös",
                                  "Kaupunginvaltuuston päätökset 17.2.2025"])
def test_titles_and_quoted_decisions_are_not_headings(text: str) -> None:
    assert match_line_heading([text], True) is None and match_line_heading([text], False) is None


@pytest.mark.parametrize(("text", "kind"), [("Elinvoimalautakunnan päätös", "paatos"),
                                            ("Henkilöstöpäällikön ehdotus", "paatosehdotus"),
                                            ("Viranhaltijan päätös", "paatos")])
def test_genitive_headings_of_bodies_and_officials(text: str, kind: str) -> None:
    found = heading_kind(text)
    assert found is not None and found[0] == kind


def test_a_quoted_decision_with_date_and_section_is_text() -> None:
    assert match_line_heading(["Kaupunginhallituksen päätös 23.6.2025 § 249: kaupunki hakee"], False) is None
    assert match_line_heading(["JAA-ehdotus: Valtuutettu Mari Rantasen toivomusponsi"], True) is None
