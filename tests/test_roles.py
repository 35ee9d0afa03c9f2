"""Valmistelija / Esittelijä person lines: dev gold, seeds, real layouts, and the name-order rule."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from extractors.minutes.roles import normalize_name, order_name, parse_person_lines
from extractors.records import ItemRole


def _as_gold(info: ItemRole) -> dict:
    return {"role": info.role, "title": info.title, "name": info.name, "email": info.email}


def test_dev_gold_roles(dev_corpus: Path) -> None:
    """Every role of the dev gold, read from the gold section texts of the current handling."""
    total = correct = 0
    misses = []
    for gold_file in sorted(dev_corpus.glob("*.gold.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        for item in gold.get("items", []):
            got = []
            for section in item["sections"]:
                if section["kind"] in ("valmistelija", "esittelija") and not section.get("handling"):
                    got += [_as_gold(r) for r in parse_person_lines(section["text"], section["kind"])]
            expected = item.get("roles", [])
            total += max(len(expected), len(got))
            correct += sum(1 for e in expected if e in got)
            misses += [(gold_file.name, item["section_number"], e) for e in expected if e not in got]
    accuracy = correct / total
    print(f"roles accuracy on dev gold: {correct}/{total} = {accuracy:.3f}")
    assert accuracy >= 0.95, misses
    assert total >= 40


@pytest.mark.parametrize(("text", "role", "expected"), [
    ("Sivistysjohtaja Tuomas Rantanen, puh. 040 718 2291, tuomas.rantanen@sastamala.fi "
     "Talouspäällikkö Minna Virtala, puh. 03 521 1870, minna.virtala@sastamala.fi", "valmistelija",
     [("Tuomas Rantanen", "Sivistysjohtaja", "tuomas.rantanen@sastamala.fi", "040 718 2291"),
      ("Minna Virtala", "Talouspäällikkö", "minna.virtala@sastamala.fi", "03 521 1870")]),
    ("Kunnossapitopäällikkö Nieminen Ari, puh. 050 318 4420, ari.nieminen@keuruu.fi", "valmistelija",
     [("Ari Nieminen", "Kunnossapitopäällikkö", "ari.nieminen@keuruu.fi", "050 318 4420")]),
    ("Hyvinvointipalvelujen toimialajohtaja Koistinen Pasi", "esittelija",
     [("Pasi Koistinen", "Hyvinvointipalvelujen toimialajohtaja", None, None)]),
    ("Sivistysjohtaja", "esittelija", [(None, "Sivistysjohtaja", None, None)]),
    ("Valmistelija: Mikko Laine, rakennustarkastaja", "valmistelija",
     [("Mikko Laine", "rakennustarkastaja", None, None)]),
    ("Tekninen johtaja Hakala Janne", "esittelija", [("Janne Hakala", "Tekninen johtaja", None, None)]),
    ("Rakennustarkastaja Yli-Hietanen Anna-Maija", "valmistelija",
     [("Anna-Maija Yli-Hietanen", "Rakennustarkastaja", None, None)]),
    ("Ympäristötarkastaja Ala-Honkola Pekka, pekka.ala-honkola@kunta.fi", "valmistelija",
     [("Pekka Ala-Honkola", "Ympäristötarkastaja", "pekka.ala-honkola@kunta.fi", None)]),
    # Lapua (CaseM): 'name, Title' with the title capitalised, one person a line.
    ("Valmistelija / lisätiedot:\nUlpu Viimaluoto, Kunnallistekniikan päällikkö, ulpu.viimaluoto@lapua.fi\n"
     "Päivi Luhtala-Sipilä, henkilöstöpäällikkö, paivi.luhtala-sipila@lapua.fi", "valmistelija",
     [("Ulpu Viimaluoto", "Kunnallistekniikan päällikkö", "ulpu.viimaluoto@lapua.fi", None),
      ("Päivi Luhtala-Sipilä", "henkilöstöpäällikkö", "paivi.luhtala-sipila@lapua.fi", None)]),
    # Helsinki (Ahjo): title on one line, the name on the next; 'puhelin:' label.
    ("va. kaupunkiympäristön toimialajohtaja\nSilja Hyvärinen", "esittelija",
     [("Silja Hyvärinen", "va. kaupunkiympäristön toimialajohtaja", None, None)]),
    ("Pirjo-Liina Koivusaari, johtava tonttiasiamies, puhelin: 09 310 38800 pirjo-liina.koivusaari@hel.fi",
     "valmistelija",
     [("Pirjo-Liina Koivusaari", "johtava tonttiasiamies", "pirjo-liina.koivusaari@hel.fi", "09 310 38800")]),
    # Swedish.
    ("Beredare: bildningsdirektör Anna Lindqvist, tfn 040 123 4567, anna.lindqvist@narpes.fi", "valmistelija",
     [("Anna Lindqvist", "bildningsdirektör", "anna.lindqvist@narpes.fi", "040 123 4567")]),
    # Both roles printed inline in one text: only the asked role's part.
    ("Valmistelija: Mikko Laine, rakennustarkastaja\nEsittelijä: Anna Virtanen, kunnanjohtaja", "esittelija",
     [("Anna Virtanen", "kunnanjohtaja", None, None)]),
    ("Kaupunginhallitus", "esittelija", [(None, "Kaupunginhallitus", None, None)]),
    # People joined with 'ja'; a 'ja' inside a title stays there.
    ("Kasvatus- ja opetusjohtaja Anna Virtanen, puh. 040 123 4567 ja talouspäällikkö Minna Virtala, "
     "minna.virtala@kunta.fi", "valmistelija",
     [("Anna Virtanen", "Kasvatus- ja opetusjohtaja", None, "040 123 4567"),
      ("Minna Virtala", "talouspäällikkö", "minna.virtala@kunta.fi", None)]),
    ("Mikko Laine rakennustarkastaja", "valmistelija", [("Mikko Laine", "rakennustarkastaja", None, None)]),
])
def test_person_lines(text: str, role: str, expected: list[tuple]) -> None:
    got = [(r.name, r.title, r.email, r.phone) for r in parse_person_lines(text, role)]
    assert got == expected
    assert all(r.role == role for r in parse_person_lines(text, role))


def test_empty_text_gives_nobody() -> None:
    assert parse_person_lines("", "valmistelija") == []
    assert parse_person_lines("  \n ", "esittelija") == []
    # Vantaa's 'Valmistelijat: KN/PM/PH/HY-L' (or one preparer's 'KN'): initials name no one
    assert parse_person_lines("KN/PM/PH/HY-L", "valmistelija") == []
    assert parse_person_lines("KN", "valmistelija") == []


@pytest.mark.parametrize(("tokens", "email", "expected"), [
    (["Nieminen", "Ari"], None, "Ari Nieminen"),
    (["Ari", "Nieminen"], None, "Ari Nieminen"),
    (["Salo", "Heidi"], None, "Heidi Salo"),  # 'Salo' is also a common noun and a place
    (["Kari", "Hyvönen"], None, "Kari Hyvönen"),  # 'Kari' is also a surname
    (["Hyvönen", "Kari"], None, "Kari Hyvönen"),
    (["Lumijärvi", "Kari"], None, "Kari Lumijärvi"),
    (["Laine", "Mikko"], "mikko.laine@kunta.fi", "Mikko Laine"),
    (["Mikko", "Laine"], "mikko.laine@kunta.fi", "Mikko Laine"),
    (["Miettinen", "Nina", "Katariina"], None, "Nina Katariina Miettinen"),
])
def test_order_name(tokens: list[str], email: str | None, expected: str) -> None:
    assert order_name(tokens, email) == expected


def test_normalize_name_comma_form() -> None:
    """Helsinki's API spells voters 'Surname, Firstname'."""
    assert normalize_name("Halla-aho, Jussi") == "Jussi Halla-aho"
    assert normalize_name("Lehtinen Markku") == "Markku Lehtinen"


def _seed(shared_dir: Path, prefix: str) -> str:
    return next((shared_dir / "seeds").glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def test_seed_001_ocr_damaged_margin_lines(shared_dir: Path) -> None:
    """Seed 001: OCR text with the heading in the margin on the same line ('Esittelija ...')."""
    text = _seed(shared_dir, "001")
    esittelija = next(line for line in text.splitlines() if line.startswith("Esittelija"))
    valmistelija = next(line for line in text.splitlines() if line.strip().startswith("Valmistelija"))
    for line, role in ((esittelija, "esittelija"), (valmistelija, "valmistelija")):
        assert [(r.role, r.name, r.title, r.email, r.phone) for r in parse_person_lines(line, role)] == [
            (role, "Pasi Koistinen", "Hyvinvointipalvelujen toimialajohtaja", None, None)]


def test_seed_003_title_only_presenter(shared_dir: Path) -> None:
    """Seed 003: headings on lines of their own; the presenter is a bare title."""
    text = _seed(shared_dir, "003")
    after = {m.group(1): m.group(2) for m in re.finditer(r"\n(Valmistelija|Esittelijä)\n\s*\n(.+)", text)}
    assert [(r.name, r.title) for r in parse_person_lines(after["Valmistelija"], "valmistelija")] == [
        ("Matti Hursti", "Sivistysjohtaja")]
    assert [(r.name, r.title) for r in parse_person_lines(after["Esittelijä"], "esittelija")] == [
        (None, "Sivistysjohtaja")]


def test_seed_000_lisatietoja_line(shared_dir: Path) -> None:
    text = _seed(shared_dir, "000")
    line = next(line for line in text.splitlines() if line.startswith("Esittelijä"))
    assert [(r.name, r.title) for r in parse_person_lines(line, "esittelija")] == [
        ("Sanni Kankaanpää", "Hyvinvointipäällikkö")]
