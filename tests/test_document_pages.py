"""OCR per page (issue 15): `document_pages` says where each page's text came from, and
`documents.ocr` is true only when most of the text came from Tesseract."""

from __future__ import annotations

from pathlib import Path

from extractors import records as R
from extractors.chain import mostly_ocr, page_rows, read_text_layer
from extractors.document import Source, extract_document
from extractors.text.ocrfix import needs_ocr
from extractors.text.pdftext import read_pdf
from pipeline.ocr import ocr_pdf


def test_born_digital_report_with_a_few_ocr_pages_is_no_ocr_document(shared_dir: Path, tmp_path: Path):
    data = (shared_dir / "real" / "kauhava" / "Kauhava-Tilinpaatos-2024.pdf").read_bytes()
    asked: list[int] = []

    def ocr(pdf: bytes, pages: list[int], lang: str) -> list[R.PageText]:
        asked.extend(pages)
        return ocr_pdf(pdf, pages, lang, cache_dir=tmp_path)

    layer = read_text_layer(data, "pdf", ocr=ocr)
    rows = page_rows(layer, "k")
    assert [r.page for r in rows] == list(range(1, layer.page_count + 1)) and layer.page_count == 158
    assert asked and len(asked) < 10, asked  # a few pages with an unusable text layer went to Tesseract
    assert sorted(r.page for r in rows if r.text_source == "ocr") == sorted(asked)
    assert all(r.chars > 0 for r in rows if r.page in asked)
    assert not layer.ocr and layer.source_format == "pdf+ocr"


def test_scanned_minutes_are_an_ocr_document_page_by_page(dev_corpus: Path, tmp_path: Path):
    path = next(dev_corpus.glob("d04_*.pdf"))
    data = path.read_bytes()
    scans = [p.number for p in read_pdf(data).pages if needs_ocr(p)]
    ex = extract_document(data, Source(str(path), path.name),
                          ocr=lambda pdf, pages, lang: ocr_pdf(pdf, pages, lang, cache_dir=tmp_path))
    pages = ex.of(R.DocumentPage)
    assert [p.page for p in pages if p.text_source == "ocr"] == scans and len(pages) == ex.document.pages
    assert ex.document.ocr


def test_mostly_ocr_weighs_characters_not_pages():
    def page(n: int, chars: int, ocr: bool) -> R.PageText:
        return R.PageText(n, (R.Line(page=n, y=0, x0=0, text="x" * chars),), ocr=ocr)

    assert not mostly_ocr([page(1, 3000, False), page(2, 20, True), page(3, 15, True)])
    assert mostly_ocr([page(1, 200, False), page(2, 3000, True)])
    assert not mostly_ocr([page(1, 0, False)])
