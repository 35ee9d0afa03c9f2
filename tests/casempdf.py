"""Write a CaseM-like PDF from minutes HTML we wrote: the pages print the HTML's lines, and the
HTML itself rides in the info dictionary as base64 chunks '/casem-source-html_0..N', as CaseM does."""

from __future__ import annotations

import base64
import re
from pathlib import Path

from extractors.text.htmltext import html_to_pages
from scripts.docwriter.pdf import DocPdf

CHUNK = 4000  # characters of base64 per metadata key


def casem_pdf(path: Path, html: str, embed: bool = True, bookmarks: bool = True) -> Path:
    pages = html_to_pages(html)
    header = [ln.text for ln in pages[0].lines[:2]]
    pdf = DocPdf(size=9)
    pdf.font()
    pdf.set_auto_page_break(False)
    for page in pages:
        pdf.add_page()
        pdf.set_xy(15, 8)
        pdf.cell(150, 5, f"{header[0]}  {pdf.page_no()} ({len(pages)})")
        y = 22.0
        for k, line in enumerate(page.lines):
            if page.number > 1 and k < 2 and line.text in header:
                continue
            number = re.match(r"^§\s*(\d+)$", line.text)
            if bookmarks and number and page.number > 2:
                pdf.start_section(f"§ {number.group(1)} {page.lines[k + 1].text}")
            for seg in line.segments:
                pdf.set_xy(15 + seg.x0 * 0.35, y)
                pdf.cell(150 - seg.x0 * 0.35, 5, seg.text)
            y += 6.0
            if y > 280:
                pdf.add_page()
                y = 22.0
    data = bytes(pdf.output())
    if embed:
        data = _with_embedded_html(data, html)
    path.write_bytes(data)
    return path


def _with_embedded_html(data: bytes, html: str) -> bytes:
    """An incremental update whose new info dictionary carries the HTML in chunks."""
    encoded = base64.b64encode(html.encode("utf-8")).decode("ascii")
    chunks = [encoded[i:i + CHUNK] for i in range(0, len(encoded), CHUNK)]
    size = int(re.search(rb"/Size (\d+)", data).group(1))
    root = re.search(rb"/Root (\d+ \d+ R)", data).group(1).decode()
    prev = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    keys = " ".join(f"/casem-source-html_{n} ({c})" for n, c in enumerate(chunks))
    body = f"\n{size} 0 obj\n<< /Producer (tests) {keys} >>\nendobj\n".encode()
    offset = len(data) + 1
    xref_at = len(data) + len(body)
    tail = (f"xref\n0 1\n0000000000 65535 f \n{size} 1\n{offset:010d} 00000 n \n"
            f"trailer\n<< /Size {size + 1} /Root {root} /Info {size} 0 R /Prev {prev} >>\n"
            f"startxref\n{xref_at}\n%%EOF\n").encode()
    return data + body + tail
