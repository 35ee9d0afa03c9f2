"""OCR of the scanned dev minutes (d04) with Tesseract, OCR line fixes, cache and layout shape."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from extractors.text.ocrfix import needs_ocr, normalise_ocr_line
from extractors.text.pdftext import read_pdf
from pipeline.ocr import detect_language, ocr_pdf, tsv_lines


@pytest.mark.parametrize(("printed", "meant"), [
    ("$ 21 Ympäristönsuojelun valvontasuunnitelma", "§ 21 Ympäristönsuojelun valvontasuunnitelma"),
    ("8 21", "§ 21"),
    ("8 21 Poikkeamishakemus", "§ 21 Poikkeamishakemus"),
    ("Rakennus- ja ympäristölautakunta 8 21 27.03.2025", "Rakennus- ja ympäristölautakunta § 21 27.03.2025"),
    ("Hyvinvointilautakunta 15.05.2025 8 33", "Hyvinvointilautakunta 15.05.2025 § 33"),
    ("Ympäristönsuojelulain 168 8:n mukaan", "Ympäristönsuojelulain 168 §:n mukaan"),
    ("21 $", "21 §"),
    ("vuosille 2025—2027 ja", "vuosille 2025–2027 ja"),
    ("tuija. haapala&kauhajoki.fi", "tuija.haapala@kauhajoki.fi"),
    ("kokous 15,05.2O25", "kokous 15.05.2025"),
    ("pinta-ala on 4 860 m?, ja", "pinta-ala on 4 860 m², ja"),
    ("& 14", "§ 14"),
    ("&§ 15", "§ 15"),
    ("s 88", "§ 88"),
    ("Sivla 14.10.2025 8 75 kouluverkkoselvityksen", "Sivla 14.10.2025 § 75 kouluverkkoselvityksen"),
    ("poistui klo 18:25, 8 91", "poistui klo 18:25, § 91"),
    ("eva.storbackaQnarpes.fi", "eva.storbacka@narpes.fi"),
    ("satu.helin O sastamala.fi", "satu.helin@sastamala.fi"),
    ("hyväksytty 20.11 .2025.", "hyväksytty 20.11.2025."),
    ("Hallintosäännön 98 &:n mukaan", "Hallintosäännön 98 §:n mukaan"),
    ('"851', "§ 51"),
])
def test_normalise_ocr_line_fixes_known_confusions(printed: str, meant: str) -> None:
    assert normalise_ocr_line(printed) == meant


@pytest.mark.parametrize("text", [
    "8 henkilöä osallistui", "Kustannukset 8 000 euroa", "Liite 8", "puh. 040 861 0342",
    "klo 16.00 - 17.45", "2025-2027", "15.5.2025 8 000 euroa", "AT&T", "Q&A 2025", "Jussi O sastamala.fi",
])
def test_normalise_ocr_line_keeps_real_eights_and_hyphens(text: str) -> None:
    assert normalise_ocr_line(text) == text


def test_margin_heading_and_text_in_two_blocks_make_one_line_of_two_segments() -> None:
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [
        "5\t1\t1\t1\t1\t1\t200\t1000\t380\t40\t95\tPäätösehdotus",
        "5\t1\t2\t1\t1\t1\t660\t1004\t300\t38\t95\tLautakunta",
        "5\t1\t2\t1\t1\t2\t975\t1004\t200\t38\t95\tpäättää",
        "5\t1\t2\t1\t2\t1\t660\t1060\t300\t38\t95\thyväksyä",
    ]
    lines = tsv_lines("\n".join([header, *rows]), page=2, scale=72 / 300)
    assert [[s.text for s in ln.segments] for ln in lines] == [["Päätösehdotus", "Lautakunta päättää"],
                                                               ["hyväksyä"]]
    assert lines[0].segments[0].x0 == pytest.approx(48.0) and lines[0].segments[1].x0 == pytest.approx(158.4)
    assert lines[0].text == "Päätösehdotus Lautakunta päättää" and lines[0].page == 2


def test_needs_ocr_tells_scans_from_text_layers(dev_corpus: Path) -> None:
    scan = read_pdf(next(dev_corpus.glob("d04_*.pdf")).read_bytes()).pages
    digital = read_pdf(next(dev_corpus.glob("d01_*.pdf")).read_bytes()).pages
    assert all(needs_ocr(p) for p in scan)
    assert not any(needs_ocr(p) for p in digital)


def test_detect_language() -> None:
    assert detect_language("Nämnden beslutar att godkänna förslaget och det".split()) == "swe"
    assert detect_language("Lautakunta päättää, että asia on valmis ja se".split()) == "fin"


def test_scanned_d04_page_reads_as_gold_and_is_cached(dev_corpus: Path, tmp_path: Path) -> None:
    pdf = next(dev_corpus.glob("d04_*.pdf"))
    gold = json.loads(pdf.with_suffix(".gold.json").read_text(encoding="utf-8"))
    item = next(i for i in gold["items"] if i["page_start"] == 2)
    data = pdf.read_bytes()
    start = time.perf_counter()
    (page,) = ocr_pdf(data, [2], cache_dir=tmp_path)
    cold = time.perf_counter() - start
    assert page.ocr and page.number == 2 and page.width > 500
    texts = [ln.text for ln in page.lines]
    assert any(f"§ {item['section_number']}" in t for t in texts)
    assert any(fuzz.ratio(item["title"], t) >= 95 for t in texts)
    joined = " ".join(texts)
    for section in item["sections"]:
        assert fuzz.partial_ratio(section["text"], joined) >= 90, section["kind"]
    headings = {s["heading_raw"] for s in item["sections"] if s["heading_raw"]}
    assert headings <= {t.strip() for t in texts}
    assert all(ln.segments and ln.text == " ".join(s.text for s in ln.segments) for ln in page.lines)
    assert [ln.y for ln in page.lines] == sorted(ln.y for ln in page.lines)
    assert list(tmp_path.rglob("*.json"))  # one cached reading per page
    start = time.perf_counter()
    (again,) = ocr_pdf(data, [2], cache_dir=tmp_path)
    assert again == page
    assert time.perf_counter() - start < cold / 2
