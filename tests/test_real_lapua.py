"""Real CaseM minutes (Lapua): items checked against the PDFs' own bookmarks.

CaseM writes a bookmark per item ('§ 35 Vuoden 2024 tilinpäätös / ...' -> page), which is an
answer key made by the publishing system itself: both the embedded-HTML path and the page-text
path must find exactly those items, with their titles and first pages.
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from rapidfuzz import fuzz

from extractors.document import Source, extract_document
from extractors.records import AgendaItem, Decision, ItemSection


def bookmarks(path: Path) -> dict[int, tuple[str, int]]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        out = {}
        for mark in pdf.get_toc():
            m = re.match(r"§\s*(\d+)\s+(.*)", mark.get_title().replace("\u200b", ""))
            if m and mark.get_dest() is not None:
                out[int(m.group(1))] = (" ".join(m.group(2).split()), mark.get_dest().get_index() + 1)
        return out
    finally:
        pdf.close()


def lapua(shared_dir: Path) -> list[Path]:
    return sorted((shared_dir / "real" / "lapua").glob("*.pdf"))


@pytest.mark.parametrize("embedded_html", [True, False], ids=["embedded-html", "page-text"])
def test_items_match_the_bookmarks(shared_dir: Path, embedded_html: bool) -> None:
    total = 0
    for path in lapua(shared_dir):
        marks = bookmarks(path)
        extraction = extract_document(path.read_bytes(), Source(str(path), path.name),
                                      prefer_embedded_html=embedded_html)
        items = {i.section_number: i for i in extraction.of(AgendaItem)}
        assert sorted(items) == sorted(marks), path.name
        for number, (title, page) in marks.items():
            assert fuzz.ratio(items[number].title, title) >= 90, (path.name, number, items[number].title)
            assert items[number].page_start == page, (path.name, number)
        total += len(items)
    assert total == 110


def test_minutes_have_decisions_and_sections(shared_dir: Path) -> None:
    for path in lapua(shared_dir):
        if not path.name.startswith("Pöytäkirja"):
            continue
        extraction = extract_document(path.read_bytes(), Source(str(path), path.name))
        assert extraction.document.status == "ok" and extraction.document.municipality_code == "408"
        items = extraction.of(AgendaItem)
        decided = {d.item_id for d in extraction.of(Decision)}
        assert len(decided) >= 0.8 * len(items), path.name
        # no running header text leaks into sections
        assert not any(re.search(r"Pöytäkirja\s+\d+/\d{4}\s+\d+\s*\(\s*\d+\s*\)", s.text)
                       for s in extraction.of(ItemSection)), path.name
