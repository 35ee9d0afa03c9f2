"""Document identity: municipality (name + code), language and kind, on the dev corpus and seeds."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from extractors.municipality import (
    classify_kind,
    detect_language,
    municipalities,
    oblique_stems,
    recognise_municipality,
    required_literal,
    resolve_name,
)
from extractors.text.pdftext import read_pdf


def document_text(path: Path) -> str:
    """Plain text of a dev document: the PDF text layer, or the HTML decoded by its declared charset."""
    data = path.read_bytes()
    if path.suffix == ".pdf":
        return "\n".join(ln.text for page in read_pdf(data).pages for ln in page.lines)
    from charset_normalizer import from_bytes

    return str(from_bytes(data).best())


def dev_documents(corpus: Path) -> list[tuple[Path, dict]]:
    docs = []
    for gold in sorted(corpus.glob("*.gold.json")):
        meta = json.loads(gold.read_text(encoding="utf-8"))
        docs.append((corpus / meta["file"], meta))
    assert len(docs) >= 8
    return docs


def test_dev_corpus_identity(dev_corpus: Path) -> None:
    """Every dev document: municipality and code (from text, and text + file name), language, kind."""
    misses = []
    for path, gold in dev_documents(dev_corpus):
        text = document_text(path)
        expected = (gold["municipality"], gold["municipality_code"])
        got_named = recognise_municipality(text, path.name)
        if got_named != expected:
            misses.append((path.name, "municipality+file", got_named, expected))
        if text.strip():  # d04 is a scan without a text layer: only its file name can tell
            got = recognise_municipality(text)
            if got != expected:
                misses.append((path.name, "municipality", got, expected))
            if detect_language(text) != gold["language"]:
                misses.append((path.name, "language", detect_language(text), gold["language"]))
            if classify_kind(text) != gold["kind"]:
                misses.append((path.name, "kind", classify_kind(text), gold["kind"]))
    assert misses == []


@pytest.mark.parametrize(("seed", "municipality", "kind"), [
    ("000", "Kokemäki", "goals"),  # 'Kokemäen kaupungin', 'kokemäkeläisille'; 'Sanni Kankaanpää' is a person
    ("001", "Ruokolahti", "minutes"),  # 'ruokolahtelaisten', 'Ruokolahden'; OCR-damaged headings
    ("002", None, "followup"),
    ("003", None, "goals"),
])
def test_seeds(shared_dir: Path, seed: str, municipality: str | None, kind: str) -> None:
    path = next((shared_dir / "seeds").glob(f"{seed}_*.txt"))
    text = path.read_text(encoding="utf-8")
    assert recognise_municipality(text)[0] == municipality
    assert classify_kind(text) == kind
    assert detect_language(text) == "fi"


@pytest.mark.parametrize(("text", "expected"), [
    ("Lapuan kaupunki    Pöytäkirja 9/2025", ("Lapua", "408")),
    ("Kokemäen kaupungin strategian mukaisesti", ("Kokemäki", "271")),
    ("KEURUUN KAUPUNKI  PÖYTÄKIRJA 5/2024", ("Keuruu", "249")),
    ("Pälkäneen kunta", ("Pälkäne", "635")),
    ("tukea ruokolahtelaisten laaja-alainen hyvinvointi", ("Ruokolahti", "700")),
    ("Lisätiedot: matti.meikalainen@sastamala.fi, puh. 040 123", ("Sastamala", "790")),
    ("www.kauhajoki.fi", ("Kauhajoki", "232")),
    ("Närpes stad   PROTOKOLL 3/2025", ("Närpiö", "545")),
    ("Raahen kaupunki", ("Raahe", "678")),
    ("Pieksämäen kaupunki", ("Pieksämäki", "593")),
    ("Kankaanpään kaupunki", ("Kankaanpää", "214")),
    ("Loimaan kaupunki", ("Loimaa", "430")),
    ("Virtain kaupunki", ("Virrat", "936")),
    ("PIEKSAMAEN KAUPUNKI POYTAKIRJA", ("Pieksämäki", "593")),  # OCR lost the diacritics
    ("Jakobstads stad", ("Pietarsaari", "598")),
])
def test_recognise_forms(text: str, expected: tuple[str, str]) -> None:
    assert recognise_municipality(text) == expected


def test_header_beats_neighbouring_towns() -> None:
    text = ("Sastamalan kaupunki   Pöytäkirja 9/2025\nSivistyslautakunta\n\n\n\n"
            "Yhteistyö Huittisten, Kokemäen ja Punkalaitumen kanssa jatkuu. Tampereella ja Porissa "
            "järjestetään koulutusta. Vammalan yhteiskoulu.\nLisätietoja Sanni Kankaanpää.")
    assert recognise_municipality(text) == ("Sastamala", "790")


def test_hint_wins() -> None:
    assert recognise_municipality("Lapuan kaupunki", hint="Närpes") == ("Närpiö", "545")
    assert recognise_municipality("", hint="raahe") == ("Raahe", "678")
    assert resolve_name("408") == ("Lapua", "408")
    assert resolve_name("Ei mikään kunta") == (None, None)


def test_no_evidence() -> None:
    assert recognise_municipality("Lautakunta hyväksyi päätösehdotuksen yksimielisesti.") == (None, None)


def test_every_municipality_by_nominative_and_rule_genitive() -> None:
    """All 308 names are recognised in a header line, and no two share a generated form."""
    assert len(municipalities()) == 308
    stems: dict[str, str] = {}
    for m in municipalities():
        assert recognise_municipality(f"{m.base}\nPöytäkirja") == (m.name, m.code), m.name
        for stem in oblique_stems(m.base):
            assert stems.setdefault(stem, m.code) == m.code, (stem, m.name, stems[stem])


def test_data_file_carries_reference(shared_dir: Path) -> None:
    """extractors/data/municipalities.csv holds the facts of ../shared/reference/municipalities.csv."""
    with (shared_dir / "reference" / "municipalities.csv").open(encoding="utf-8") as f:
        reference = {r["code"]: (r["name_fi"], r["name_sv"] or None) for r in csv.DictReader(f)}
    assert {m.code: (m.name, m.name_sv) for m in municipalities()} == reference


def test_language_and_kind_markers() -> None:
    swedish = ("Stadsstyrelsen beslöt att godkänna förslaget och att det ska verkställas. "
               "Beslut: Förslaget godkändes enligt föredragandens förslag.")
    assert detect_language(swedish) == "sv"
    assert classify_kind("PROTOKOLL 3/2025\n§ 12 Budget\nBeslut\nGodkändes.") == "minutes"
    followup = "Tavoite\tToimenpide/mittari\tArviointi\tTila\nToteutuma\nVihreä = toteutunut"
    assert classify_kind(followup) == "followup"
    assert classify_kind("Kauppalista: maitoa ja leipää") == "other"


@pytest.mark.parametrize(("pattern", "literal"), [
    (r"\bpoytakirja\b", "poytakirja"), (r"^\s*[-–]?\s*toimenpiteet?\s*:", "toimenpitee"),
    (r"\d{1,4}\s*§", "§"), (r"ab{0,2}cd", "cd"), (r"[]x]yz", "yz"), (r"[^\]q]rst", "rst"),
    (r"(foo)?barbaz", ""), (r"toteutuma|tila", ""),
])
def test_required_literal(pattern: str, literal: str) -> None:
    assert required_literal(pattern) == literal


def test_kind_markers_counted_alike_with_the_literal_filter(dev_corpus: Path, shared_dir: Path) -> None:
    """Skipping a marker whose literal part is not in the text changes no count, on every real and
    synthetic text we hold (the filter is only a shortcut)."""
    import re

    from extractors.municipality import _count
    from extractors.text.fold import ascii_lower
    from extractors.vocab import FOLLOWUP_MARKERS, GOAL_MARKERS, MINUTES_MARKERS

    paths = [p for p, _ in dev_documents(dev_corpus)] + sorted((shared_dir / "real" / "lapua").glob("*.pdf"))
    for path in paths:
        text = ascii_lower(document_text(path))
        for pattern in FOLLOWUP_MARKERS + GOAL_MARKERS + MINUTES_MARKERS:
            assert _count((pattern,), text) == len(re.findall(ascii_lower(pattern), text, re.I | re.M)), pattern
