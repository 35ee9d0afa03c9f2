"""HTML input path: decoding real pages and turning minutes HTML into the common line layout."""

from __future__ import annotations

import collections
import json
import re
from pathlib import Path

import pytest

from extractors.records import Line
from extractors.text.fold import squash_spaces
from extractors.text.htmltext import (
    BODY_HEIGHT,
    COLUMN_WIDTH,
    HEADING_HEIGHT,
    SEGMENT_WIDTH,
    declared_charset,
    decode_html,
    html_title,
    html_to_pages,
)
from extractors.text.pdftext import read_pdf

D08 = "d08_raahe_kaupunginhallitus_2025-03-03"
LAPUA_MINUTES = ["Pöytäkirja-Tarkastuslautakunta - 19.11.2025, klo 15_01.pdf",
                 "Pöytäkirja-Tekninen lautakunta - 20.05.2025, klo 16_02.pdf"]
MOJIBAKE = re.compile("[\u0080-\u009f\ufffd]|Ã[¤¶„–]|â€")
WORD = re.compile(r"\w+")


def lines_of(html: str) -> list[Line]:
    return [line for page in html_to_pages(html) for line in page.lines]


def blocks(lines: list[Line]) -> list[tuple[str, str]]:
    """(margin heading, text in the column to its right) as a margin-heading reader sees them."""
    out: list[tuple[str, list[str]]] = []
    for line in lines:
        left = [s.text for s in line.segments if s.x0 == 0]
        right = [s.text for s in line.segments if s.x0 >= COLUMN_WIDTH]
        if left:
            out.append((left[0], right))
        elif out:
            out[-1][1].extend(right)
    return [(heading, " ".join(texts)) for heading, texts in out]


# --- decoding ------------------------------------------------------------------------------------


def test_d08_windows_1252_declared_decodes_euro_dash_and_quotes(dev_corpus: Path):
    text = decode_html((dev_corpus / f"{D08}.html").read_bytes())
    assert "78,6 milj. € eli 1,9 %" in text
    assert "asteikolla 1–5 arvoon" in text
    assert "”Raahe työnantajana” -kampanjalla" in text
    assert "PÖYTÄKIRJA 3/2025" in text
    assert not MOJIBAKE.search(text)


def test_latin1_declaration_is_read_as_windows_1252():
    data = '<meta charset="ISO-8859-1"><p>P\xe4\xe4t\xf6s 5 \x80 \x96 \x93x\x94</p>'.encode("latin-1")
    assert declared_charset(data) == "iso8859_1"
    assert "Päätös 5 € – “x”" in decode_html(data)


def test_xml_prolog_declaration_and_lying_latin1_that_is_utf8():
    prolog = '<?xml version="1.0" encoding="iso-8859-1"?><html><p>Esittelijä €</p></html>'
    assert "Esittelijä €" in decode_html(prolog.encode("cp1252"))
    # declared latin-1 but the bytes are UTF-8: UTF-8 wins, no 'Ã¤'
    assert "Esittelijä €" in decode_html(prolog.encode("utf-8"))


def test_undeclared_bytes_utf8_cp1252_and_utf16():
    page = "<html><body><p>Päätösehdotus – 12 €</p></body></html>"
    for encoding in ("utf-8", "cp1252", "utf-16-le", "utf-16-be", "utf-16"):
        assert decode_html(page.encode(encoding)).endswith(page), encoding
    assert decode_html(b"") == ""


@pytest.mark.parametrize("path, words", [
    ("espoo/2017409886-4.HTM", ["Päätösehdotus", "Kaupunginjohtaja Jukka Mäkelä", "Tiedoksi"]),
    ("espoo/2017406946.HTM", ["Pöytäkirja", "päätösvaltaisuuden"]),
    ("espoo/TELIMET.HTM", ["Pöytäkirja"]),
    ("oulu/oulu_tweb_kaupunginhallitus_5_2017.html", ["Pöytäkirja"]),
    ("vantaa/vantaa_tweb_kaupunginhallitus_20_3_2017.html", ["Pöytäkirja", "päätösvaltaisuus"]),
    ("turku/turku_kh_2017-02-05-190.htm", ["Seudullisen joukkoliikenteen", "päivittäminen"]),
])
def test_captured_system_pages_decode(shared_dir: Path, path: str, words: list[str]):
    data = (shared_dir / "real" / "systems" / path).read_bytes()
    text = decode_html(data)
    for word in words:
        assert word in text
    assert not MOJIBAKE.search(text)
    # the same page with its declaration removed is guessed the same way
    undeclared = re.sub(rb"charset\s*=\s*[\"']?[\w-]+", b"", data)
    assert decode_html(undeclared) == re.sub(r"charset\s*=\s*[\"']?[\w-]+", "", text)


# --- d08: KTweb-style table layout against its gold ------------------------------------------


@pytest.fixture
def d08(dev_corpus: Path) -> tuple[list[Line], dict]:
    html = decode_html((dev_corpus / f"{D08}.html").read_bytes())
    gold = json.loads((dev_corpus / f"{D08}.gold.json").read_text(encoding="utf-8"))
    return lines_of(html), gold


def test_d08_items_titles_and_headers_are_heading_lines(d08):
    lines, gold = d08
    headings = [line.text for line in lines if line.height == HEADING_HEIGHT]
    texts = [line.text for line in lines]
    for item in gold["items"]:
        assert item["title"] in headings
        assert f"Kaupunginhallitus § {item['section_number']} 3.3.2025" in headings
        assert item["diary_number"] in texts


def test_d08_sections_are_margin_heading_blocks(d08):
    lines, gold = d08
    found = blocks(lines)
    all_right = squash_spaces(" ".join(s.text for line in lines for s in line.segments if s.x0 >= COLUMN_WIDTH)).lower()
    cursor = 0
    for item in gold["items"]:
        for section in item["sections"]:
            text = squash_spaces(section["text"]).lower()
            if section["heading_raw"] is None:
                assert text in all_right
                continue
            index = next(i for i in range(cursor, len(found))
                         if found[i][0] == section["heading_raw"])
            assert squash_spaces(found[index][1]).lower().startswith(text), section["heading_raw"]
            cursor = index + 1


def test_d08_heading_row_with_paragraphs_mimics_margin_layout(d08):
    lines, _ = d08
    first = next(i for i, line in enumerate(lines) if line.segments[0].text == "Saapuvilla olleet jäsenet")
    head = lines[first]
    assert [(s.x0, s.x1, s.text) for s in head.segments] == [
        (0, SEGMENT_WIDTH, "Saapuvilla olleet jäsenet"),
        (COLUMN_WIDTH, COLUMN_WIDTH + SEGMENT_WIDTH, "Arja Heikkinen, puheenjohtaja")]
    assert head.x0 == 0 and head.height == BODY_HEIGHT
    following = lines[first + 1]
    assert following.x0 == COLUMN_WIDTH and following.text == "Tommi Pietilä, 1. varapuheenjohtaja"
    assert [line.page for line in lines] == [1] * len(lines)
    assert all(b.y > a.y for a, b in zip(lines, lines[1:], strict=False))


# --- CaseM: the source HTML embedded in Lapua PDFs ------------------------------------------


@pytest.fixture(params=LAPUA_MINUTES)
def lapua(request, shared_dir: Path):
    data = (shared_dir / "real" / "lapua" / request.param).read_bytes()
    content = read_pdf(data)
    assert content.embedded_html
    return content, html_to_pages(content.embedded_html)


def test_casem_html_keeps_every_body_word_of_the_pdf(lapua):
    content, pages = lapua
    pdf_words: collections.Counter[str] = collections.Counter()
    for page in content.pages:
        for line in page.lines:
            if 60 <= line.y <= page.height - 40:  # below the running header, above the footer
                pdf_words.update(w.lower() for w in WORD.findall(line.text))
    html_words = collections.Counter(w.lower() for p in pages for line in p.lines
                                     for w in WORD.findall(line.text))
    found = sum(min(n, html_words[w]) for w, n in pdf_words.items())
    assert found / sum(pdf_words.values()) >= 0.995


def test_casem_items_headings_and_page_breaks(lapua):
    content, pages = lapua
    lines = [line for page in pages for line in page.lines]
    # CaseM lists its items as PDF bookmarks ('§ 62 Kokouksen laillisuus...') in the HTML head
    bookmarks = re.findall(r'<bookmark name="(§ \d+) ', content.embedded_html)
    item_lines = [line for line in lines if re.fullmatch(r"§ \d+", line.text)]
    assert len(bookmarks) >= 8
    assert [line.text for line in item_lines] == bookmarks
    assert all(line.height == HEADING_HEIGHT and line.x0 == 0 for line in item_lines)
    # CaseM starts every item on a new page (class pb_before in its stylesheet)
    assert len({line.page for line in item_lines}) == len(item_lines)
    assert [p.number for p in pages] == list(range(1, len(pages) + 1))
    proposal_headings = [line for line in lines if line.text in ("Ehdotus", "Päätös")]
    assert len(proposal_headings) >= 2 * len(item_lines) - 2
    assert all(line.height == HEADING_HEIGHT and line.x0 == COLUMN_WIDTH for line in proposal_headings)


def test_casem_page_templates_do_not_leak(lapua):
    _, pages = lapua
    lines = [line for page in pages for line in page.lines]
    assert not any("{$" in line.text or "measurement_unit" in line.text for line in lines)
    # the running page header is printed once, as the first line of page 1, not on every page
    header = [line for line in lines if line.segments[0].text == "Lapuan kaupunki"
              and len(line.segments) > 1 and line.segments[1].text == "Pöytäkirja"]
    assert header == [lines[0]]


# --- conventions on small documents --------------------------------------------------------------


def test_lists_keep_or_generate_markers():
    html = """<body><p>Ehdotus:</p><ul><li>yksi</li><li><p>kaksi</p></li></ul>
    <ol><li>eka</li><li>toka</li></ol><ol start="3"><li>kolmas</li></ol>
    <ol><li>1) painettu</li></ol></body>"""
    assert [line.text for line in lines_of(html)] == [
        "Ehdotus:", "- yksi", "- kaksi", "1. eka", "2. toka", "3. kolmas", "1) painettu"]


def test_blocks_br_inline_and_headings():
    html = """<html><head><title>Pöytäkirja</title><style>.b{font-weight:bold}</style>
    <script>var x = 'ei tekstiä';</script></head><body>
    <h2>Kaupunginhallitus</h2><p>Kokous <i>pidettiin</i>\n   kaupungintalolla.<br>Toinen rivi</p>
    <p><strong>Päätösehdotus</strong></p><div class="b">Päätös</div><div>Hyväksyttiin.</div>
    <p style="display:none">piilotettu</p><div hidden>myös piilossa</div></body></html>"""
    lines = lines_of(html)
    assert [(line.text, line.height) for line in lines] == [
        ("Kaupunginhallitus", HEADING_HEIGHT), ("Kokous pidettiin kaupungintalolla.", BODY_HEIGHT),
        ("Toinen rivi", BODY_HEIGHT), ("Päätösehdotus", HEADING_HEIGHT), ("Päätös", HEADING_HEIGHT),
        ("Hyväksyttiin.", BODY_HEIGHT)]
    assert html_title(html) == "Pöytäkirja"


def test_table_rows_become_segment_lines():
    html = """<table><tr><td>§ 5</td><td></td><td>Talousarvio</td></tr>
    <tr><td colspan="2">&nbsp;</td><td>Tarjoaja</td><td>59 560,67 €</td></tr></table>"""
    lines = lines_of(html)
    assert [[(s.x0, s.text) for s in line.segments] for line in lines] == [
        [(0, "§ 5"), (200, "Talousarvio")], [(200, "Tarjoaja"), (300, "59 560,67 €")]]
    assert lines[1].x0 == 200


def test_word_margin_heading_is_split_into_two_segments():
    html = "<p><b>Päätösehdotus</b>&nbsp;&nbsp;&nbsp;&nbsp; Kaupunginjohtaja Jukka Mäkelä</p>"
    [line] = lines_of(html)
    assert [(s.x0, s.text) for s in line.segments] == [
        (0, "Päätösehdotus"), (COLUMN_WIDTH, "Kaupunginjohtaja Jukka Mäkelä")]
    # an ordinary run-in bold label with one space stays one segment
    [line] = lines_of("<p><b>Päätös:</b> Hyväksyttiin.</p>")
    assert line.text == "Päätös: Hyväksyttiin." and len(line.segments) == 1


def test_css_page_breaks_start_new_pages():
    html = """<html><head><style>.pb_before { page-break-before: always !important; }</style></head>
    <body><div class="pb_before">kansi</div><div class="pb_before">§ 1</div><p>teksti</p>
    <p style="break-after: page">loppu</p><p>liite</p></body></html>"""
    assert [(line.page, line.text) for line in lines_of(html)] == [
        (1, "kansi"), (2, "§ 1"), (2, "teksti"), (2, "loppu"), (3, "liite")]


def test_page_templates_and_xhtml_self_closing_tags():
    html = """<?xml version="1.0" encoding="UTF-8"?><html><head><style>
    header { position: running(header); } footer { position: running(bottom-center); }
    @page { margin-top: {$margin_top}pt; @top-center { content: element(header); } }</style></head>
    <body><header><div>Lapuan kaupunki</div><div>{$page} ({$topage})</div></header>
    <footer>Sivun alatunniste</footer><div class="spacer"/><div>§ 1</div>
    <div>Teksti&#8203; jossa on nollaleveä väli.</div></body></html>"""
    assert [line.text for line in lines_of(html)] == [
        "Lapuan kaupunki", "§ 1", "Teksti jossa on nollaleveä väli."]


def test_empty_or_textless_html_gives_no_pages():
    assert html_to_pages("") == []
    assert html_to_pages("<html><body><script>x()</script></body></html>") == []
    assert html_title("<html><body><h1>Otsikko</h1></body></html>") == "Otsikko"
    assert html_title("") is None


# --- the site around the document (real pages: tests/test_real_html.py) -----------------------


def test_navigation_bars_and_link_indexes_go_single_links_stay():
    html = ("<body><table><tr><td><a href='4.HTM'>Edellinen asia</a> | <a href='6.HTM'>Seuraava asia</a></td>"
            "<td><a href='5.PDF'>Kokousasia PDF-muodossa</a></td></tr></table>"
            "<div>Liitteet<table><tr><td><img src='a.gif'>&nbsp;</td><td><a href='5-1.PDF'>Äänestyslistat § 5</a>"
            "</td></tr></table></div>"
            "<p>§ 5</p><p>Liite: <a href='x.pdf'>Sopimus</a></p><p><a href='javascript:history.go(-1)'>« Paluu</a></p>"
            "</body>")
    texts = [line.text for line in lines_of(html)]
    assert texts == ["§ 5", "Liite: Sopimus"]


def test_blocks_are_a_paragraph_apart_br_lines_a_line_apart():
    lines = lines_of("<h1>Otsikko</h1><p>HEL 2024-1 T 00</p><p>rivi 1<br>rivi 2</p>")
    assert [b.y - a.y for a, b in zip(lines, lines[1:], strict=False)] == [24.0, 24.0, 12.0]


def test_glued_label_is_a_margin_heading_and_section_table_a_header_line():
    lines = lines_of("<table><tr><td>Turun kaupunki</td><td>§</td><td>Kokouspvm</td></tr>"
                     "<tr><td>Kaupunginhallitus</td><td>190</td><td>02.05.2017</td></tr></table>"
                     "<p><span class='ehdotuspaatos'>Ehdotus</span>Kaupunginhallitus päättää hyväksyä.</p>")
    assert lines[1].text == "Kaupunginhallitus § 190 02.05.2017"
    assert [(s.x0, s.text) for s in lines[2].segments] == [(0.0, "Ehdotus"),
                                                           (COLUMN_WIDTH, "Kaupunginhallitus päättää hyväksyä.")]
