"""Budget tables: the Lapua body budgets against their hand-checked gold (every amount to the euro),
a Kauhava outturn table read by hand from its page, and budget rows never becoming follow-up rows."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from extractors import vocab
from extractors.document import Source, extract_document
from extractors.goals.budget import column_of, extract_budget_lines, is_header_word, is_key_figure_header, parse_amount
from extractors.records import BudgetLine, FollowUp, Line, PageText, Segment
from pipeline.evaluate_tables import score_real_budget

GOLD = Path(__file__).parent / "gold" / "real"


@pytest.fixture(scope="module")
def lapua() -> tuple[dict, list[dict], int]:
    from tests.conftest import require_shared

    gold = json.loads((GOLD / "lapua_budget.json").read_text(encoding="utf-8"))
    path = require_shared() / gold["path"]
    extraction = extract_document(path.read_bytes(), Source(str(path), path.name))
    assert extraction.document.kind == "budget"
    lines = [dataclasses.asdict(r) for r in extraction.of(BudgetLine)]
    return gold, lines, len(extraction.of(FollowUp))


def test_lapua_budget_lines_exact_to_the_euro(lapua: tuple[dict, list[dict], int]) -> None:
    gold, lines, followups = lapua
    score = score_real_budget(gold, lines, followups)
    assert score["exact"] == score["gold"] == 200, score
    assert not score["extra"] and not score["wrong_amount"]
    assert followups == 0  # no budget line taken for a follow-up row
    raami = [r for r in lines if r["unit"] == "YMPÄRISTÖLAUTAKUNTA" and r["budget_column"] == "ero_raamiin"]
    assert [r["amount"] for r in raami] == [512, 0, 8977, 9489]  # 'TA 2025 Ero raamiin' printed as one run


def test_kauhava_outturn_table_with_minus_signs_on_their_own_line() -> None:
    """Kauhava p. 73 (read by hand from the page): a header over three lines and minus signs the
    text layer puts a little below their amounts."""
    from extractors.text.pdftext import read_pdf
    from tests.conftest import require_shared

    pdf = require_shared() / "real" / "kauhava" / "Kauhava-Tilinpaatos-2024.pdf"
    pages = [p for p in read_pdf(pdf.read_bytes()).pages if p.number == 73]
    lines = extract_budget_lines(pages, "kauhava", year=2024)
    got = {(r.line, r.budget_column): r.amount for r in lines}
    assert {r.unit for r in lines} == {"Keskusvaalilautakunta"}
    assert got[("TOIMINTAKULUT", "alkuperainen")] == -141850
    assert got[("TOIMINTAKULUT", "toteutuma")] == -134626
    assert got[("TOIMINTAKULUT", "poikkeama")] == 7224
    assert got[("Palkat ja palkkiot", "poikkeama")] == -4394
    assert got[("Aineet, tarvikkeet ja tavarat", "yhteensa")] == -6500  # label wrapped 'tava-' + 'rat'
    assert got[("TOIMINTATUOTOT", "yhteensa")] == 84000 and {r.year for r in lines} == {2024}


def _line(y: float, *cells: tuple[float, float, str]) -> Line:
    segs = tuple(Segment(x0, x1, t) for x0, x1, t in cells)
    return Line(page=1, y=y, x0=segs[0].x0, text=" ".join(s.text for s in segs), segments=segs, height=9)


def test_change_rows_name_the_budget_column_and_keep_the_decision() -> None:
    page = PageText(1, (
        _line(40, (50, 160, "130 Yleishallinto")),
        _line(60, (250, 310, "Talousarvio €"), (330, 390, "Toteutuma €"), (410, 470, "Poikkeama €")),
        _line(72, (50, 110, "Toimintatulot")),
        _line(84, (60, 120, "Alkuperäinen"), (270, 310, "192 100")),
        _line(96, (60, 90, "Muutos"), (120, 200, "Kv 9.12. §98"), (280, 310, "8 000")),
        _line(108, (60, 110, "Yhteensä"), (270, 310, "200 100"), (350, 390, "205 400"), (440, 470, "5 300")),
        _line(140, (50, 400, "Toiminta-ajatus: yleishallinto palvelee kaupungin toimielimiä ja asukkaita.")),
    ))
    lines = extract_budget_lines([page], "t", year=2025)
    got = [(r.unit, r.line, r.budget_column, r.amount, r.decision) for r in lines]
    assert got == [
        ("130 Yleishallinto", "Toimintatulot", "alkuperainen", 192100, None),
        ("130 Yleishallinto", "Toimintatulot", "muutos", 8000, "Kv 9.12. §98"),
        ("130 Yleishallinto", "Toimintatulot", "yhteensa", 200100, None),
        ("130 Yleishallinto", "Toimintatulot", "toteutuma", 205400, None),
        ("130 Yleishallinto", "Toimintatulot", "poikkeama", 5300, None),
    ]


def test_amounts_and_columns() -> None:
    assert parse_amount("-35 516 324") == -35516324 and parse_amount("1 234,50") == 1234.5
    assert parse_amount("2024 tavoite") is None and parse_amount("Kv") is None
    assert [column_of(h) for h in ("TP2023", "Raami 2025", "TA muutosten jälkeen", "Ero raamiin", "Poikkeama €")] == [
        "tp", "raami", "yhteensa", "ero_raamiin", "poikkeama"]


def test_other_budget_headers_a_share_column_and_a_binding_line() -> None:
    """A header as other reports print it: a table title in the first cell, compounds ('Talousarvio-
    muutokset'), a word a narrow cell broke ('Alkuperäine' + 'n'), a header wrapping over three lines,
    and a 'Tot-%' column whose shares are no euros; the 'Sitovuustaso:' line under the unit heading
    names no unit."""
    page = PageText(1, (
        _line(40, (50, 160, "2100 Kunnanhallitus")),
        _line(55, (50, 160, "Sitovuustaso: toimintakate")),
        _line(70, (50, 100, "Käyttötalous"), (170, 215, "Alkuperäine"), (230, 275, "Talousarvio"),
              (290, 335, "Talousarvio"), (350, 395, "Toteutunut"), (410, 450, "Ero €"), (470, 500, "Tot-%")),
        _line(81, (170, 175, "n"), (230, 275, "muutokset"), (290, 335, "muutosten")),
        _line(92, (170, 215, "talousarvio"), (290, 320, "jälkeen")),
        _line(110, (50, 110, "Toimintatuotot"), (170, 200, "673 273"), (230, 255, "-1 900"), (290, 320, "671 373"),
              (350, 380, "668 381"), (410, 440, "-2 992"), (470, 490, "99,6")),
    ))
    lines = extract_budget_lines([page], "t", year=2025)
    assert [(r.unit, r.line_norm, r.budget_column, r.amount) for r in lines] == [
        ("2100 Kunnanhallitus", "toimintatuotot", "alkuperainen", 673273), ("2100 Kunnanhallitus", "toimintatuotot",
                                                                           "muutos", -1900),
        ("2100 Kunnanhallitus", "toimintatuotot", "yhteensa", 671373),
        ("2100 Kunnanhallitus", "toimintatuotot", "toteutuma", 668381),
        ("2100 Kunnanhallitus", "toimintatuotot", "poikkeama", -2992)]
    assert [column_of(h) for h in ("Talousarviomuutokset", "TA-muutokset", "Muutettu budjetti", "Budjetti 2025",
                                   "Käyttö-%", "TA 2025 muutoksineen")] == [
        "muutos", "muutos", "yhteensa", "ta", "prosentti", "yhteensa"]


def test_a_table_in_thousands_is_stored_in_euros() -> None:
    page = PageText(1, (
        _line(40, (50, 160, "2100 KUNNANHALLITUS")),
        _line(60, (50, 140, "Käyttötalous (1 000 €)"), (170, 215, "TA 2025"), (230, 275, "TP 2025"),
              (290, 335, "Poikkeama")),
        _line(80, (50, 110, "Toimintakulut"), (170, 200, "−4 449"), (230, 260, "−4 447,5"), (290, 320, "1,5")),
    ))
    lines = extract_budget_lines([page], "t", year=2025)
    assert [(r.unit, r.budget_column, r.amount) for r in lines] == [
        ("2100 KUNNANHALLITUS", "ta", -4449000), ("2100 KUNNANHALLITUS", "tp", -4447500),
        ("2100 KUNNANHALLITUS", "poikkeama", 1500)]


def test_negatives_in_parentheses_thin_spaces_and_headers_broken_inside_words() -> None:
    """Round 6 (scripts/make_tilinpaatos_round6.py): an accounting negative '(6 604 694)', thousands apart by
    a thin space, 'TA+muutokset' (the budget after changes), header words a narrow cell broke anywhere
    ('TA+muuto' + 'kset', 'Talousarvi' + 'o-muutoks' + 'et'), a share column headed only '%' or 'Tot. %',
    and one table for all units, each unit a label row above its lines."""
    assert parse_amount("(6 604 694)") == -6604694 and parse_amount("1\u2009234,00") == 1234
    assert parse_amount("-(5)") is None and parse_amount("(ab)") is None
    assert [column_of(h) for h in ("TA+muuto kset", "Budget + ändringar", "Talousarvi o-muutoks et", "Tot. %")] == [
        "yhteensa", "yhteensa", "muutos", "prosentti"]
    page = PageText(1, (
        _line(40, (50, 160, "Käyttötalouden toteutumisvertailu")),
        _line(60, (50, 100, "Käyttötalous"), (170, 210, "Talousarvi"), (230, 270, "TA+muuto"), (290, 330, "Toteutunut"),
              (350, 380, "Erotus"), (400, 410, "%")),
        _line(71, (170, 175, "o"), (230, 250, "kset")),
        _line(90, (50, 160, "4300 Vapaa-aikalautakunta")),
        _line(105, (50, 110, "Toimintakulut"), (170, 210, "(6 604 694)"), (230, 270, "(6 602 894)"),
              (290, 330, "(6 610 496)"), (350, 380, "(7 602)"), (400, 415, "100,1")),
        _line(120, (50, 160, "5300 Vesihuoltoliikelaitos")),
        _line(135, (50, 110, "Toimintatuotot"), (170, 200, "135\u2009655"), (230, 260, "139\u2009555"),
              (290, 320, "146\u2009669"), (350, 380, "7\u2009114"), (400, 415, "105,1")),
    ))
    lines = extract_budget_lines([page], "t", year=2024)
    assert [(r.unit, r.budget_column, r.amount) for r in lines] == [
        ("4300 Vapaa-aikalautakunta", "ta", -6604694), ("4300 Vapaa-aikalautakunta", "yhteensa", -6602894),
        ("4300 Vapaa-aikalautakunta", "toteutuma", -6610496), ("4300 Vapaa-aikalautakunta", "poikkeama", -7602),
        ("5300 Vesihuoltoliikelaitos", "ta", 135655), ("5300 Vesihuoltoliikelaitos", "yhteensa", 139555),
        ("5300 Vesihuoltoliikelaitos", "toteutuma", 146669), ("5300 Vesihuoltoliikelaitos", "poikkeama", 7114)]


def test_header_words_and_the_pieces_a_narrow_cell_breaks_off() -> None:
    """A header word's broken pieces are found by set look-ups (was a scan of every header word for
    each word of every line), with the same answers as the definition: the last one to four letters
    of a header word with four or more before them, or a header word without up to four last letters
    when five or more remain; words joined by '+' or '-' are header words when each part is one."""
    header = set(vocab.BUDGET_HEADER_WORDS)

    def piece(w: str) -> bool:
        return w.isalpha() and ((len(w) <= 4 and any(h.endswith(w) and len(h) >= len(w) + 4 for h in header)) or (
            len(w) >= 5 and any(h.startswith(w) and len(h) - len(w) <= 4 for h in header)))

    tried = {h[i:j] for h in header for i in range(len(h) + 1) for j in range(i, len(h) + 1)}
    for w in tried | {"Lautakunta", "talousarvioon", "ohje", "TA2025", "Käyttö-%", "(Alkuperäine)"}:
        plain = w.lower().strip("()*:.")
        year = re.fullmatch(r"(?:ta|tp|ts)?-?(?:19|20)\d{2}", plain)
        parts = [p for p in re.split(r"[+-]", plain) if p]
        joined = len(parts) > 1 and all(is_header_word(p) for p in parts)
        expected = plain in header or plain.endswith("%") or bool(year) or joined or piece(plain)
        assert is_header_word(w) == expected, w
    assert is_header_word("Alkuperäine") and is_header_word("n") and is_header_word("TA+muuto")
    assert not is_header_word("Lautakunta") and not is_header_word("ohje")


def test_a_key_figure_table_is_no_budget_and_the_heading_under_it_names_the_next_unit() -> None:
    """'Tunnusluvut | TP 2022 | TP 2023 | TP 2024 | Muutos %': outturns of past years and their change, rows of
    indicators ('Vuosikate, €/asukas' is one per inhabitant): no budget lines, and the unit heading right under
    it names the budget table that follows. A table of the same columns whose rows are operating-budget lines
    ('Toimintatuotot') is still read."""
    years = ((170, 200, "TP 2022"), (230, 260, "TP 2023"), (290, 320, "TP 2024"), (350, 390, "Muutos %"))
    page = PageText(1, (
        _line(40, (50, 130, "Tunnusluvut"), *years),
        _line(52, (50, 130, "Asukasluku"), (170, 200, "8 505"), (230, 260, "5 318"), (290, 320, "7 639"),
              (350, 380, "43,6")),
        _line(64, (50, 150, "Vuosikate, €/asukas"), (170, 200, "3 271"), (230, 260, "4 306"), (290, 320, "8 559"),
              (350, 380, "98,8")),
        _line(84, (50, 160, "5300 Vesihuoltoliikelaitos")),
        _line(96, (50, 160, "Sitovuustaso: toimintakate")),
        _line(110, (50, 100, "Käyttötalous"), (170, 215, "TA 2024"), (230, 275, "Toteutuma"), (290, 335, "Ero")),
        _line(122, (50, 110, "Toimintatuotot"), (170, 200, "232 790"), (230, 260, "223 859"), (290, 320, "-8 931")),
        _line(150, (50, 130, "Tuloslaskelma"), *years),
        _line(162, (50, 110, "Toimintatuotot"), (170, 200, "1 000"), (230, 260, "1 100"), (290, 320, "1 200"),
              (350, 380, "9,1")),
    ))
    lines = extract_budget_lines([page], "t", year=2024)
    assert [(r.unit, r.line_norm, r.budget_column, r.year, r.amount) for r in lines] == [
        ("5300 Vesihuoltoliikelaitos", "toimintatuotot", "ta", 2024, 232790),
        ("5300 Vesihuoltoliikelaitos", "toimintatuotot", "toteutuma", 2024, 223859),
        ("5300 Vesihuoltoliikelaitos", "toimintatuotot", "poikkeama", 2024, -8931),
        ("5300 Vesihuoltoliikelaitos", "toimintatuotot", "tp", 2022, 1000),
        ("5300 Vesihuoltoliikelaitos", "toimintatuotot", "tp", 2023, 1100),
        ("5300 Vesihuoltoliikelaitos", "toimintatuotot", "tp", 2024, 1200)]
    assert is_key_figure_header(["Nyckeltal", "BS 2022", "BS 2023", "BS 2024", "Förändring %"])
    assert not is_key_figure_header(["VAALIT", "TP 2023", "TA 2024", "Raami 2025", "TA 2025"])  # Lapua's budget
    assert not is_key_figure_header(["Konsernille asetetut tavoitteet", "TA2024", "TP2024", "TP2023"])
