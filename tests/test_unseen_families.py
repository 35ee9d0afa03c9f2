"""The 'svenska' and 'damaged' unseen families (scripts/unseen_svenska.py, scripts/unseen_damaged.py)
and the classes they found, each class tested on its own (real records, real generated PDFs).

Both families were written and measured on main before any parser change (docs/quality.md has the
first-sight figures); the family tests below hold the parser to what was reached after the fixes, on
seeds looked at while fixing and on fresh ones drawn each run.
"""

from __future__ import annotations

import os

import pytest

from extractors.minutes.decisions import extract_votes
from extractors.minutes.headings import heading_kind
from extractors.minutes.meeting import extract_meeting
from extractors.minutes.roles import is_title_word
from extractors.minutes.sections import _join_wrapped_margin_headings
from extractors.minutes.segment import DIARY_RE, parse_header, same_body
from extractors.records import Line, PageText, Segment
from extractors.text.ocrfix import normalise_ocr_line
from extractors.text.repair import repair_pages
from scripts import make_unseen_variants as uv
from scripts import make_variants as mv
from scripts import unseen_damaged, unseen_svenska

# --- classes found by 'svenska' -------------------------------------------------------------------------


def test_a_registry_prefixed_diary_number_is_no_title() -> None:
    assert DIARY_RE.match("Dnr KST 484/2025").group(1) == "KST 484/2025"
    assert DIARY_RE.match("PED 12/02.05.01/2025").group(1) == "PED 12/02.05.01/2025"
    # a meeting number after a capitalised word is not one ('Kokous 5/2025', 'Nr 5/2025')
    assert DIARY_RE.match("Kokous 5/2025") is None and DIARY_RE.match("Nr 5/2025") is None


def test_swedish_page_one_and_part_vocabulary() -> None:
    assert heading_kind("Verkställs") == ("tiedoksi", 100.0)
    assert is_title_word("Stadsgeodet")
    lines = [("Sammanträdestid", "04.09.2025 kl. 17.00–19.05"), ("Plats", "Stadshuset"),
             ("Beslutande", "Patrik Backlund, ordförande"), ("", "Jessica Åström, ledamot"),
             ("Övriga närvarande", "Annika Westerlund, stadsdirektör, föredragande"),
             ("Frånvarande", "Stefan Lassus, ledamot")]
    page = PageText(1, tuple(Line(1, 100.0 + 14 * k, 50.0 if a else 200.0, f"{a} {b}".strip(),
                                  tuple(s for s in (Segment(50, 150, a) if a else None, Segment(200, 400, b)) if s))
                             for k, (a, b) in enumerate(lines)))
    names = {(a.name, a.role) for a in extract_meeting([page], "sv").attendees}
    assert {("Patrik Backlund", "ordförande"), ("Jessica Åström", "ledamot")} <= names


def test_blank_and_absent_counts_before_their_name_lists() -> None:
    vote, = extract_votes("JA-röster 2: Anna Aho, Bo Berg NEJ-röster 3: Carl Ceder, Dan Dahl, Erik Ek "
                          "Blanka 1: Fia Fors Frånvarande 1: Gun Gran")
    assert (vote.jaa, vote.ei, vote.tyhja, vote.poissa) == (2, 3, 1, 1)


def _margin_line(y: float, head: str, text: str | None) -> Line:
    segs = (Segment(51, 51 + 5 * len(head), head),) + ((Segment(160, 400, text),) if text else ())
    return Line(1, y, 51, " ".join(s.text for s in segs), segs)


def test_a_margin_heading_wrapped_over_three_lines_is_one_heading() -> None:
    lines = [_margin_line(100, "Byggnads- och", "Antecknades för kännedom."), _margin_line(113, "miljönämndens", None),
             _margin_line(126, "beslut", None), _margin_line(150, "Delges", "Sökandena")]
    out = _join_wrapped_margin_headings(lines)
    assert [s.text for s in out[0].segments] == ["Byggnads- och miljönämndens beslut", "Antecknades för kännedom."]
    assert len(out) == 2


def test_a_merged_margin_heading_whose_tail_stands_beside_the_next_text_line() -> None:
    first = Line(1, 100, 51, "Bildningsdirektörens Bildningsnämnden föreslår att motionen beaktas i",
                 (Segment(51, 493, "Bildningsdirektörens Bildningsnämnden föreslår att motionen beaktas i"),))
    second = Line(1, 113, 50, "förslag budgeten för år 2027.", (Segment(50, 85, "förslag"),
                                                                 Segment(161, 452, "budgeten för år 2027.")))
    out = _join_wrapped_margin_headings([first, second])
    assert [s.text for s in out[0].segments] == ["Bildningsdirektörens förslag",
                                                 "Bildningsnämnden föreslår att motionen beaktas i"]
    assert out[1].text == "budgeten för år 2027."


# --- classes found by 'damaged' -------------------------------------------------------------------------


def test_ocr_shapes_of_pipes_digits_and_header_cells() -> None:
    assert normalise_ocr_line("| Beredare Ekonomidirektör") == "Beredare Ekonomidirektör"
    assert normalise_ocr_line("Päätös Hyväksyttiin. |") == "Päätös Hyväksyttiin."
    assert normalise_ocr_line("Va1tuustoaloite lailIisuus Y1önen") == "Valtuustoaloite laillisuus Ylönen"
    assert normalise_ocr_line("P0YTAKIRJA") == "POYTAKIRJA"
    assert normalise_ocr_line("Bildningsnämnden 8 143") == "Bildningsnämnden § 143"
    assert normalise_ocr_line("53 8") == "53 §"
    assert normalise_ocr_line("O1.08.2025 ja 01.O8.2025") == "01.08.2025 ja 01.08.2025"
    assert normalise_ocr_line("yhteensä 8 143") == "yhteensä 8 143"  # a number, not a header


def _page(texts: list[str]) -> PageText:
    return PageText(1, tuple(Line(1, 100.0 + 14 * k, 50.0, t) for k, t in enumerate(texts)))


def test_a_damaged_text_layer_gets_ocr_shapes_fixed_finnish_and_swedish() -> None:
    finnish = _page(["Kunnanhallitus $ 53 07.04.2025"] + [
        "Kokouskutsu esityslistoineen on lahetetty jasenille sahkoisesti viikkoa ennen kokousta ja "
        "paatosehdotus hyvaksyttiin ettd kasittely jatkuu"] * 4)
    fixed, _ = repair_pages([finnish])
    assert fixed[0].lines[0].text.startswith("Kunnanhallitus § 53")
    swedish = _page(["Stadsstyrelsen S 12 04.09.2025"] + [
        "Forslaget ar godkant och arendet behandlades for namnden pa sammantradet fran borjan"] * 3)
    fixed, repairs = repair_pages([swedish])
    assert fixed[0].lines[0].text.startswith("Stadsstyrelsen § 12") and not repairs
    clean = _page(["Stadsstyrelsen S 12 04.09.2025"] + ["Förslaget är godkänt och ärendet behandlades för "
                                                       "nämnden på sammanträdet från början"] * 3)
    assert repair_pages([clean])[0][0].lines[0].text == "Stadsstyrelsen S 12 04.09.2025"  # not an OCR text


def test_vote_counts_in_a_layer_that_lost_its_umlauts() -> None:
    assert [(v.jaa, v.ei) for v in extract_votes("Omrostningen utfoll med 3 ja-rdster och 5 nej-roster.")] == [(3, 5)]
    assert [(v.jaa, v.ei) for v in extract_votes("Äänestyksessä annettiin 6 JAA-aanta ja 2 EI-aanta.")] == [(6, 2)]


def test_headings_with_d_or_6_printed_for_an_umlaut() -> None:
    assert heading_kind("Padtös") == ("paatos", 99.0)
    assert heading_kind("Paatdsehdotus") == ("paatosehdotus", 99.0)
    assert heading_kind("Esittelijd") == ("esittelija", 99.0)
    assert heading_kind("Ehdotus") == ("paatosehdotus", 100.0)  # a real 'd' stays one


def test_a_header_whose_body_word_lost_its_umlaut() -> None:
    cand = parse_header(Line(1, 100, 50, "Tekniska namnden § 147 18.10.2025"), 0)
    assert cand is not None and (cand.number, cand.body) == (147, "Tekniska namnden")


def test_a_body_name_without_its_space_or_with_a_misread_letter_is_the_same_body() -> None:
    assert same_body("Tekninenlautakunta", "Tekninen lautakunta")
    assert same_body("Bildningsndmnden", "Bildningsnämnden")
    assert not same_body("Kaupunginhallitus", "Kunnanhallitus")
    assert not same_body("Kaupunginhallitus", "Kaupunginvaltuusto")


# --- the families ---------------------------------------------------------------------------------------


def test_families_are_deterministic_consistent_and_chosen_by_the_cli(tmp_path) -> None:
    for make in (unseen_svenska.make_svenska_variant, unseen_damaged.make_damaged_variant):
        a, b = make(3), make(3)
        assert a.data == b.data and a.gold == b.gold
        for seed in range(4):
            for item in make(seed).gold["items"]:
                current = [s for s in item["sections"] if s["kind"] == "paatos" and not s.get("handling")]
                assert len(current) == 1 and current[0]["text"] == item["decision"]["text"]
    assert unseen_svenska.make_svenska_variant(2).file_name.endswith(".html")
    assert unseen_damaged.make_damaged_variant(3).file_name.endswith(".txt")
    assert {unseen_damaged.make_damaged_variant(s).features["base"] for s in range(8)} == set(unseen_damaged.BASES)
    for family in ("svenska", "damaged"):
        assert uv.main(["--family", family, "--n", "1", "--out", str(tmp_path / family)]) == 0


FRESH_FIRST = 300_000 + int(os.environ.get("VARIANTS_SEED", "0"))
# svenska reaches the targets; damaged is held to what the fixes reached (docs/quality.md)
FLOORS = {"svenska": {"items": 0.98, "sections": 0.95, "decision.outcome": 0.95, "roles": 0.95,
                      "votes.counts": 0.95, "attendees": 0.95},
          "damaged": {"items": 0.9, "sections": 0.8, "decision.outcome": 0.8, "roles": 0.75}}


@pytest.fixture(scope="module")
def measured():
    return {family: [mv.measure(uv.FAMILIES[family](8, first)) for first in (0, FRESH_FIRST)]
            for family in FLOORS}


@pytest.mark.parametrize("family", sorted(FLOORS))
def test_family_floors_on_looked_at_and_fresh_seeds(measured, family: str) -> None:
    for m, label in zip(measured[family], ("seeds 0-7", f"seeds {FRESH_FIRST}-{FRESH_FIRST + 7}"), strict=True):
        for name, floor in FLOORS[family].items():
            value = m.value(name)
            assert value is None or value >= floor, f"{family} {name} {value} on {label}:\n" + "\n".join(
                f"  {d['file']}: " + "; ".join(mv.diff_lines(d, 3)) for d in m.worst(4) if d["badness"] > 0)
