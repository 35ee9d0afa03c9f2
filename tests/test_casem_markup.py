"""The CaseM path reads items, their parts and the parts' kinds from the source HTML's elements.

The fixture is CaseM-shaped minutes HTML we wrote, with the classes that a flattening into lines
gets wrong: a three-line Valmistelija, a list of attachment names over the untitled description,
a quoted regulation ('119 § Kokousaika ja -paikka', '127 §'), a table of earlier decisions, an
earlier handling by another body, and appeal instructions after the last item.
"""

from __future__ import annotations

from pathlib import Path

from extractors.document import Source, extract_document
from extractors.minutes.casemhtml import read_casem
from extractors.records import AgendaItem, AppealInstruction, DocumentPage, ItemHistory, ItemSection
from tests.casempdf import casem_pdf

HTML = (Path(__file__).parent / "fixtures" / "items" / "casem_minutes.html").read_text(encoding="utf-8")


def test_parts_and_kinds_come_from_the_elements() -> None:
    minutes = read_casem(HTML)
    assert minutes is not None and minutes.body == "Kunnanvaltuusto"
    assert [(i.number, i.title) for i in minutes.items] == [
        (40, "Kokouksen laillisuus ja päätösvaltaisuus"), (41, "Hallintosäännön muutos"),
        (42, "Koulukuljetusten hankinta"), (43, "Muut asiat")]
    transport = minutes.items[2]
    assert transport.diary_number == "KAAVDno-2025-31"
    assert [s.kind for s in transport.sections] == [
        "valmistelija", "liitteet", "selostus", "esittelija", "paatosehdotus", "paatos", "muu"]
    parts = {s.kind: s for s in transport.sections}
    assert parts["valmistelija"].lines == ["Tiina Talvi", "tiina.talvi@kaavi.example", "Hallintopäällikkö"]
    assert parts["liitteet"].lines == ["1 Tarjousvertailu 2025.pdf", "2 Hankintasopimus luonnos.pdf"]
    assert "25.3.2024 § 88" in parts["selostus"].text and parts["selostus"].text.endswith("1.8.2025.")
    assert parts["esittelija"].text == "Kalle Kunnas, Kunnanjohtaja"
    rules = minutes.items[1]
    assert rules.history == ["Kunnanhallitus, § 90,10.03.2025"]
    earlier = [s for s in rules.sections if s.handling]
    assert {s.handling for s in earlier} == {"Kunnanhallitus, § 90,10.03.2025"}
    assert [s.kind for s in earlier] == ["valmistelija", "selostus", "esittelija", "paatosehdotus", "paatos"]
    assert earlier[3].heading_raw == "Kunnanjohtajan ehdotus"
    current = [s for s in rules.sections if not s.handling]
    assert [s.kind for s in current] == ["selostus", "paatosehdotus", "paatos"]
    assert "119 § Kokousaika ja -paikka" in current[0].text and "127 §" in current[0].text
    assert [(a.heading_raw, a.section_numbers) for a in minutes.appeals] == [
        ("Oikaisuvaatimus", (41, 42)), ("Muutoksenhakukielto", (40, 43))]
    assert not any(s.kind == "muutoksenhaku" for i in minutes.items for s in i.sections)


def test_html_without_articles_is_left_to_the_line_path() -> None:
    assert read_casem("<html><body><p>§ 5 Talousarvio</p><p>Päätös</p></body></html>") is None


def _records(path: Path, embedded: bool) -> tuple:
    ex = extract_document(path.read_bytes(), Source(str(path), path.name), prefer_embedded_html=embedded)
    items = [(i.section_number, i.title, i.diary_number, i.page_start) for i in ex.of(AgendaItem)]
    appeals = [(a.heading_raw, a.section_numbers, a.page) for a in ex.of(AppealInstruction)]
    history = [h.ref for h in ex.of(ItemHistory)]
    return ex, items, appeals, history


def test_embedded_html_and_page_text_give_the_same_records(tmp_path: Path) -> None:
    path = casem_pdf(tmp_path / "kaavi.pdf", HTML)
    html_ex, *html_records = _records(path, True)
    text_ex, *text_records = _records(path, False)
    assert html_ex.document.source_format == "pdf+casem-html" and text_ex.document.source_format == "pdf"
    assert html_records == text_records
    items, appeals, _ = html_records
    assert [(n, p) for n, _t, _d, p in items] == [(40, 3), (41, 4), (42, 5), (43, 6)]
    assert appeals == [("Oikaisuvaatimus", (41, 42), 7), ("Muutoksenhakukielto", (40, 43), 8)]
    # the page-text path also records the text source of each page it read (document_pages)
    assert {type(r) for r in html_ex.rows} == {type(r) for r in text_ex.rows} - {DocumentPage}
    transport = next(i.item_id for i in html_ex.of(AgendaItem) if i.section_number == 42)
    kinds = [s.kind for s in html_ex.of(ItemSection) if s.item_id == transport]
    assert kinds == ["valmistelija", "liitteet", "selostus", "esittelija", "paatosehdotus", "paatos", "muu"]


def test_element_lines_from_the_page_rendering_are_those_of_rendering_the_element_alone(shared_dir: Path) -> None:
    """The lines of an element are taken from the rendering of the pages where that rendering gave
    them in a plain context: on every element of the fixture and of the real Lapua minutes' HTML,
    they are the lines of the element rendered on its own."""
    from extractors.text.htmltext import parse_html
    from extractors.text.pdftext import casem_html

    pages = [HTML] + [casem_html(p.read_bytes()) for p in sorted((shared_dir / "real" / "lapua").glob("*.pdf"))]
    taken = 0
    for html in pages:
        shared, alone = parse_html(html), parse_html(html)
        shared.pages()
        by_path = {alone.root.getroottree().getpath(el): el for el in alone.root.iter() if isinstance(el.tag, str)}
        for el in shared.root.iter():
            if isinstance(el.tag, str) and el.tag in ("div", "p", "td"):
                taken += el in shared._renderer.blocks
                fresh = alone._single_lines(by_path[shared.root.getroottree().getpath(el)])
                assert shared.lines(el) == fresh, shared.root.getroottree().getpath(el)
    assert taken > 1000  # most elements were taken from the pages' rendering
