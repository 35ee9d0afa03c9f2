"""Write small minutes PDFs for tests (docwriter's DocPdf): text we write, in the CloudNC-like layout."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from scripts.docwriter.pdf import DocPdf

# (heading or None, text; a blank line in the text is a paragraph gap), or (None, rows): a ruled
# table whose rows are tuples of cell texts, the header first
Block = tuple[str | None, str | list[tuple[str, ...]]]


def minutes_pdf(path: Path, municipality: str = "Ylöjärven kaupunki", body: str = "Tekninen lautakunta",
                date: str = "10.2.2026", items: list[tuple[int, str, str]] | None = None,
                password: str | None = None) -> Path:
    """A minutes PDF: a page-1 header and one page per item (number, title, decision text)."""
    items = items or [(12, "Katuvalaistuksen saneeraus", "Hyväksyttiin."),
                      (13, "Lausunto kaavamuutoksesta", "Asia palautettiin uudelleen valmisteltavaksi.")]
    return minutes_with_blocks(path, [(number, title, [
        ("Valmistelija", "Tekninen johtaja Aino Virtanen, aino.virtanen@example.fi"),
        ("Esittelijä", "Tekninen johtaja Aino Virtanen"),
        ("Päätösehdotus", f"Lautakunta päättää asiasta {title.lower()} esityksen mukaisesti."),
        ("Päätös", decision)]) for number, title, decision in items],
        municipality=municipality, body=body, date=date, password=password)


def minutes_with_blocks(path: Path, items: list[tuple[int, str, list[Block]]],
                        municipality: str = "Ylöjärven kaupunki", body: str = "Tekninen lautakunta",
                        date: str = "10.2.2026", number: str = "2/2026", tos: str = "10.03.02",
                        password: str | None = None) -> Path:
    """Minutes in the layout of ``minutes_pdf`` whose items hold any blocks: a heading on its own line
    above its text, or text alone."""
    pdf = DocPdf(created=dt.datetime(2026, 2, 11))
    pdf.font()
    if password:
        pdf.set_encryption(owner_password=password + "-owner", user_password=password)
    total = len(items) + 1

    def header(n: int) -> None:
        pdf.set_xy(20, 10)
        pdf.cell(80, 5, municipality)
        pdf.cell(50, 5, f"Pöytäkirja {number}")
        pdf.cell(30, 5, f"{n} ({total})")
        pdf.set_xy(20, 15)
        pdf.cell(80, 5, body)
        pdf.cell(50, 5, date)
        pdf.set_xy(20, 30)

    pdf.add_page()
    header(1)
    for label, value in (("Kokousaika", f"{date} klo 17:00 - 18:30"), ("Kokouspaikka", "Virastotalo")):
        pdf.cell(40, 6, label)
        pdf.cell(120, 6, value, new_x="LMARGIN", new_y="NEXT")
        pdf.set_x(20)
    for k, (section, title, blocks) in enumerate(items, start=2):
        pdf.add_page()
        header(k)
        pdf.cell(80, 6, body)
        pdf.cell(30, 6, f"§ {section}")
        pdf.cell(30, 6, date, new_x="LMARGIN", new_y="NEXT")
        pdf.set_x(20)
        pdf.cell(100, 6, f"{100 + section}/{tos}/2026", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        pdf.set_x(20)
        pdf.cell(150, 7, title, new_x="LMARGIN", new_y="NEXT")
        for heading, text in blocks:
            pdf.ln(2)
            if heading:
                pdf.set_x(20)
                pdf.cell(150, 6, heading, new_x="LMARGIN", new_y="NEXT")
            if not isinstance(text, str):
                _ruled_table(pdf, text)
                continue
            for line in text.split("\n"):
                pdf.set_x(20)
                if line.strip():
                    pdf.multi_cell(160, 5, line, new_x="LMARGIN", new_y="NEXT")
                else:
                    pdf.ln(3)
    pdf.output(str(path))
    return path


def _ruled_table(pdf: DocPdf, rows: list[tuple[str, ...]]) -> None:
    """Rows of equal-width ruled cells, 12 mm high, across the 160 mm text column."""
    for cells in rows:
        y, x = pdf.get_y(), 20.0
        for cell in cells:
            pdf.rect(x, y, 160 / len(cells), 12)
            pdf.set_xy(x + 1, y + 1)
            pdf.multi_cell(160 / len(cells) - 2, 5, cell)
            x += 160 / len(cells)
        pdf.set_xy(20, y + 12)


def tweb_item_pdf(path: Path, title: str = "Leikkipuiston peruskorjaus",
                  sections: list[tuple[str, str]] | None = None) -> Path:
    """A KTweb-style single-item PDF: headings in a left margin column, text beside them, no § line."""
    sections = sections or [
        ("Valmistelija", "Kaupungininsinööri Lehto Sami, puh. 044 123 4567, sami.lehto@example.fi"),
        ("", "Leikkipuiston välineet ovat käyttöikänsä lopussa. Peruskorjaus on kilpailutettu, ja "
             "edullisimman tarjouksen teki Puistorakenne Oy."),
        ("Esittelijä", "Tekninen johtaja Kallio Anna"),
        ("Päätösehdotus", "Tekninen lautakunta päättää hyväksyä Puistorakenne Oy:n tarjouksen."),
        ("Päätös", "Hyväksyttiin."),
    ]
    pdf = DocPdf(created=dt.datetime(2026, 3, 4))
    pdf.font()
    pdf.add_page()
    pdf.set_xy(20, 10)
    pdf.cell(90, 5, "Oulun kaupunki")
    pdf.cell(50, 5, "Pöytäkirja 3/2026")
    pdf.cell(20, 5, "1 (1)")
    pdf.set_xy(20, 15)
    pdf.cell(90, 5, "Tekninen lautakunta")
    pdf.cell(50, 5, "3.3.2026")
    pdf.set_xy(20, 30)
    pdf.font(size=12)
    pdf.cell(150, 7, title, new_x="LMARGIN", new_y="NEXT")
    pdf.font()
    for heading, text in sections:
        pdf.ln(3)
        y = pdf.get_y()
        pdf.set_xy(20, y)
        pdf.cell(35, 5, heading)
        pdf.set_xy(60, y)
        pdf.multi_cell(130, 5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def bomb_pdf(path: Path, megabytes: int = 256) -> Path:
    """A one-page PDF whose content stream inflates from ~0.5 MB to `megabytes` of path operators:
    parsing it takes about ten times that in memory (a decompression bomb)."""
    import zlib

    packer = zlib.compressobj(9)
    chunk = b"0 0 m 1 1 l S\n" * 65536
    parts, size = [], 0
    while size < megabytes << 20:
        parts.append(packer.compress(chunk))
        size += len(chunk)
    stream = b"".join(parts) + packer.flush()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path
