"""The document-writing library of the generators and fixtures (scripts/docwriter): the parts whose
failure would not show as a wrong figure elsewhere but as a hang, a lost character or a moved row."""

from __future__ import annotations

import random
import time

import pytest

from extractors.text.htmltext import decode_html
from extractors.text.pdftext import read_pdf
from scripts.docwriter.deadline import GeneratorTimeout, deadline
from scripts.docwriter.fonts import DEBIAN_DIR, FACES, font_file
from scripts.docwriter.html import encode
from scripts.docwriter.pdf import DocPdf, with_page_total
from scripts.docwriter.people import SV_LAST, invent_person


def test_a_loop_that_never_ends_is_stopped_with_its_name() -> None:
    started = time.monotonic()
    with pytest.raises(GeneratorTimeout, match="seed 63"), deadline(0.3, "seed 63"):
        while True:
            pass
    assert time.monotonic() - started < 5


def test_deadline_leaves_no_timer_behind() -> None:
    with deadline(0.2, "quick"):
        pass
    time.sleep(0.4)  # an alarm left armed would raise here


def test_surnames_stay_distinct_after_the_list_runs_out() -> None:
    rng, used = random.Random(5), set()
    people = [invent_person(rng, "sv", used) for _ in range(len(SV_LAST) + 6)]
    surnames = [p.last for p in people]
    assert len(set(surnames)) == len(surnames) and set(SV_LAST) <= set(surnames)
    assert all("-" in s for s in surnames[len(SV_LAST):])


def test_latin1_pages_print_plain_dashes_and_euros() -> None:
    text = "Määräraha 95 000 € – “lisämääräraha”"
    assert decode_html(encode(f'<meta charset="iso-8859-1"><p>{text}</p>', "iso-8859-1")).endswith(
        'Määräraha 95 000 euroa - "lisämääräraha"</p>')
    assert text in decode_html(encode(f'<meta charset="windows-1252"><p>{text}</p>', "windows-1252"))


def test_a_row_that_does_not_fit_moves_whole_under_a_repeated_header() -> None:
    pdf = DocPdf(faces=("", "B"), size=9, bottom=60)
    pdf.add_page()
    pdf.set_y(20)

    def header() -> None:
        pdf.table_row(20, [60, 40], ["Tavoite", "Tila"], line_height=4, bold=True, fills=[(210, 210, 210)] * 2)

    header()
    for n in range(6):
        pdf.table_row(20, [60, 40], [f"Tavoite {n} " + "pitkä teksti " * 6, "Toteutunut"], line_height=4,
                      on_break=header)
    pages = [" ".join(ln.text for ln in page.lines) for page in read_pdf(bytes(pdf.output())).pages]
    assert len(pages) > 1 and all(page.startswith("Tavoite Tila") for page in pages)
    assert [t for page in pages for t in page.split() if t.isdigit()] == [str(n) for n in range(6)]


def test_page_total_must_not_change_between_passes() -> None:
    def render(total: int) -> DocPdf:
        pdf = DocPdf()
        for _ in range(1 if total else 2):
            pdf.add_page()
        return pdf

    with pytest.raises(RuntimeError, match="page count changed"):
        with_page_total(render)


@pytest.mark.skipif(not (DEBIAN_DIR / FACES[""]).exists(), reason="fonts-dejavu-core not installed")
@pytest.mark.parametrize("face", ["", "B"])
def test_either_copy_of_a_face_wraps_text_the_same(face: str) -> None:
    """Faces come from matplotlib's copy; Debian's must measure the same, or layouts would depend on
    which copy a machine has."""
    text = "Päätösehdotus: Sivistyslautakunta hyväksyy ÅÄÖ åäö € – § 12"
    widths = []
    for path in (font_file(face), DEBIAN_DIR / FACES[face]):
        pdf = DocPdf()
        pdf.add_font("copy", face, path)
        pdf.set_font("copy", face, 10)
        widths.append(pdf.get_string_width(text))
    assert widths[0] == pytest.approx(widths[1])
