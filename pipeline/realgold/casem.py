"""Gold from the source HTML that CaseM embeds in each minutes PDF.

CaseM renders its minutes from one HTML template and stores that HTML, base64 in chunks, under
the info-dictionary keys `/casem-source-html_0..N`. The template marks everything we need: one
`div#article-N` per item (§ number, title and diary number as its first `div.bold` /
`div.topic-caption` children), and inside it one table per handling whose rows follow template
comments (`<!-- Draftsman -->`, `<!-- Attachments -->`, `<!-- Description -->`, `<!-- Proposal -->`,
`<!-- Decision -->`, ...). The gold below is read from those elements, never from the rendered
text; page numbers come from the PDF's own bookmarks ('§ 62 Title' -> page).
"""

from __future__ import annotations

import base64
import ctypes
import re
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from lxml import etree
from lxml import html as lxml_html

from pipeline.realgold import RealDoc, clean, element_text

HTML_KEY = "casem-source-html_"

# Template comment -> section kind. The printed label (e.g. 'Liitteet' / 'Oheismateriaali') refines
# the kind where one block can carry several (see `_LABEL_KINDS`).
BLOCK_KINDS = {
    "Draftsman": "valmistelija", "HTML": "valmistelija", "Attachments": "liitteet",
    "Description": "selostus", "Proposal": "paatosehdotus", "Votes": "kasittely",
    "Decision": "paatos", "Content (=Decision text)": "paatos", "Dissenting opinions": "muu",
    "Disqualifications": "muu", "For information": "tiedoksi",
}
_LABEL_KINDS = {"liitteet": "liitteet", "oheismateriaali": "oheismateriaali", "tiedoksi": "tiedoksi",
                "esteellisyys": "muu", "päätös": "paatos", "ehdotus": "paatosehdotus"}
NOT_SECTIONS = {"Subtitle, shown only if decision history exists", "current party and meeting",
                "Meeting content ASSM-13002", "Publicity class", "Case ID", "Decision history",
                "History of old decisions & current article", "Data"}

# Printed role word -> role_norm, longest first ('varapuheenjohtaja' before 'puheenjohtaja'). CaseM
# prints the minute-keeper as 'sihteeri' (she signs the minutes as Sihteeri).
_ROLE_WORDS = {"varapuheenjohtaja": "varapuheenjohtaja", "puheenjohtaja": "puheenjohtaja",
               "varajäsen": "varajasen", "jäsen": "jasen", "esittelijä": "esittelija",
               "pöytäkirjanpitäjä": "poytakirjanpitaja", "sihteeri": "poytakirjanpitaja"}
_NOTE = re.compile(r"^(saapui|poistui|poissa|läsnä)\b|§", re.I)
_EMAIL = re.compile(r"\S+@\S+")


# --- reading the PDF -----------------------------------------------------------------------------


def _meta_text(pdf: pdfium.PdfDocument, key: str) -> str:
    """One info-dictionary value (PDFium returns any key, UTF-16LE with a terminating NUL)."""
    size = pdfium_c.FPDF_GetMetaText(pdf.raw, key.encode(), None, 0)
    if size <= 2:
        return ""
    buf = ctypes.create_string_buffer(size)
    pdfium_c.FPDF_GetMetaText(pdf.raw, key.encode(), buf, size)
    return buf.raw[:size].decode("utf-16-le").rstrip("\x00")


def embedded_html(pdf: pdfium.PdfDocument) -> str | None:
    """The source HTML: chunks `/casem-source-html_0..N` joined in order, base64-decoded."""
    chunks = []
    while chunk := _meta_text(pdf, f"{HTML_KEY}{len(chunks)}"):
        chunks.append(chunk)
    if not chunks:
        return None
    return base64.b64decode("".join("".join(chunks).split())).decode("utf-8")


def bookmarks(pdf: pdfium.PdfDocument) -> list[tuple[int, str, int]]:
    """(§ number, title, 1-based page) of every bookmark titled '§ N ...'."""
    out = []
    for mark in pdf.get_toc():
        m = re.match(r"§\s*(\d+)\s*(.*)", clean(mark.get_title()))
        dest = mark.get_dest()
        if m and dest is not None:
            out.append((int(m.group(1)), m.group(2), dest.get_index() + 1))
    return out


def page_text(pdf: pdfium.PdfDocument, index: int) -> str:
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            return textpage.get_text_range()
        finally:
            textpage.close()
    finally:
        page.close()


# --- HTML helpers --------------------------------------------------------------------------------


def _classes(el) -> set[str]:
    return set((el.get("class") or "").split())


# --- one item ------------------------------------------------------------------------------------


def _split_person(line: str) -> dict:
    """'Ulpu Viimaluoto, Kunnallistekniikan päällikkö, ulpu.viimaluoto@lapua.fi' -> role fields."""
    parts = [p.strip() for p in clean(line).split(",") if p.strip()]
    email = next((p for p in parts if _EMAIL.fullmatch(p)), None)
    rest = [p for p in parts if p != email]
    return {"name": rest[0] if rest else None, "title": ", ".join(rest[1:]) or None, "email": email}


def _preparers(block: str, lines: list[str]) -> list[dict]:
    """The preparers of a Draftsman block.

    Two template variants: `<!-- Draftsman -->` prints one line per person ('Name, Title, email');
    `<!-- HTML -->` prints three lines, names / e-mails / titles, each a comma-separated list in the
    same order ('Mika Kamunen, Tiina Lassila' / 'mika.kamunen@..., tiina.lassila@...' / ...)."""
    if block != "HTML" or len(lines) != 3:
        return [_split_person(line) for line in lines]
    names, emails, titles = ([p.strip() for p in line.split(",")] for line in lines)
    if not all(_EMAIL.fullmatch(e) for e in emails) or not (len(names) == len(emails) == len(titles)):
        return [_split_person(line) for line in lines]
    return [{"name": n, "title": t or None, "email": e} for n, e, t in zip(names, emails, titles, strict=True)]


def _proposal(td, sections: list[dict], roles: list[dict], current: bool) -> None:
    """'Ehdotus' heading, an optional 'Esittelijä: Name, Title' line, then the proposal text.

    A proposal that opens with a bold paragraph ending in ':' ('Kaupunginjohtajan ehdotus:') prints
    that paragraph as its heading."""
    heading = None
    for child in td:
        if not isinstance(child.tag, str):
            continue
        cls = _classes(child)
        text = element_text(child)
        if "bold" in cls and not heading:
            heading = text
        elif "ckeditor-content-container" in cls:
            paras = [p for p in child if isinstance(p.tag, str)]
            if paras and paras[0].tag == "p":
                strong = "".join(element_text(s) for s in paras[0].iter("strong", "b"))
                first = element_text(paras[0])
                if first and first.endswith(":") and clean(strong) == first:
                    heading = first.rstrip(":").strip()
                    paras[0].getparent().remove(paras[0])
            sections.append({"kind": "paatosehdotus", "heading_raw": heading, "text": element_text(child)})
        elif text.startswith("Esittelijä"):
            person = text.split(":", 1)[1].strip() if ":" in text else ""
            sections.append({"kind": "esittelija", "heading_raw": "Esittelijä", "text": person})
            if current and person:
                roles.append({"role": "esittelija", **_split_person(person)})


def _labelled(td) -> tuple[str | None, str]:
    """A block's printed heading (its first bold element) and the text after it."""
    bold = next((e for e in td.iter() if isinstance(e.tag, str) and e is not td and "bold" in _classes(e)), None)
    heading = element_text(bold) or None
    if bold is not None:
        bold_text = element_text(bold)
        full = element_text(td)
        return heading, clean(full[len(bold_text):]) if full.startswith(bold_text) else full
    return None, element_text(td)


def _handling_sections(table, current: bool) -> tuple[list[dict], list[dict]]:
    """Sections (printed order) and roles of one handling's table."""
    sections: list[dict] = []
    roles: list[dict] = []
    block = None
    label = None  # e.g. 'Liitteet' printed in a row of its own before the list
    for node in table:
        if isinstance(node, etree._Comment):
            block = clean(node.text)
            label = None
            continue
        if not isinstance(node.tag, str) or node.tag != "tr" or block in NOT_SECTIONS or block is None:
            continue
        if "spacer" in _classes(node):
            continue
        cells = [td for td in node if isinstance(td.tag, str) and td.tag == "td"]
        filled = [td for td in cells if element_text(td)]
        if not filled:
            continue
        kind = BLOCK_KINDS.get(block, "muu")
        if kind == "valmistelija":
            divs = [element_text(d) for d in filled[-1].iter("div") if element_text(d)]
            heading = divs[0].rstrip(":").strip() if divs and divs[0].endswith(":") else None
            people = divs[1:] if heading else divs
            sections.append({"kind": "valmistelija", "heading_raw": heading, "text": " ".join(people)})
            if current:
                roles += [{"role": "valmistelija", **p} for p in _preparers(block, people)]
        elif kind == "paatosehdotus":
            _proposal(filled[-1], sections, roles, current)
        elif len(filled) == 1 and len(cells) >= 1 and not filled[0].xpath(".//div") and block in (
                "Attachments", "Dissenting opinions", "Disqualifications", "For information"):
            label = element_text(filled[0])  # a heading row; the text follows in the next row
        else:
            heading, text = _labelled(filled[-1])
            heading = heading or label
            label = None
            kind = _LABEL_KINDS.get((heading or "").lower(), kind)
            if sections and text and sections[-1]["kind"] == kind and sections[-1]["heading_raw"] == heading \
                    and block in ("Attachments", "For information"):
                sections[-1]["text"] = clean(sections[-1]["text"] + " " + text)
            elif text:
                sections.append({"kind": kind, "heading_raw": heading, "text": text})
    return sections, roles


def _history_refs(article) -> list[str]:
    """Earlier handlings as printed at the top of the item ('Kaupunginhallitus, § 177,03.06.2024');
    the last line of that table is the current handling and is not history."""
    rows = [clean(element_text(td)) for td in article.xpath("./div[1]/table[1]//td[contains(@class,'bold')]")]
    return rows[:-1] if len(rows) > 1 else []


def parse_article(article) -> dict:
    """One `div#article-N` -> a gold item (sections of earlier handlings carry `handling`)."""
    box = article.xpath("./div[contains(@class,'max-width')]")[0]
    bold = [element_text(d) for d in box.xpath("./div[@class='bold']")]
    number = int(re.search(r"\d+", bold[0]).group())
    captions = [element_text(d) for d in box.xpath("./div[@class='topic-caption']") if element_text(d)]
    history = _history_refs(article)
    sections: list[dict] = []
    roles: list[dict] = []
    earlier = box.xpath("./div[contains(@class,'max-width')]")  # one per earlier handling
    for k, part in enumerate(earlier):
        table = part.find("table")
        secs, _ = _handling_sections(table, current=False)
        ref = history[k] if k < len(history) else element_text(table.xpath(".//div[@class='bold']")[0])
        sections += [{**s, "handling": ref} for s in secs]
    current_tables = box.xpath("./table") + article.xpath("./table")
    current_tables = [t for t in current_tables if t.xpath(".//comment()")]
    for table in current_tables:
        secs, rls = _handling_sections(table, current=True)
        sections += secs
        roles += rls
    decision = next((s["text"] for s in reversed(sections) if s["kind"] == "paatos" and not s.get("handling")),
                    None)
    item = {"section_number": number, "title": bold[1] if len(bold) > 1 else "",
            "diary_number": captions[0] if captions else None, "history": history,
            "sections": sections, "roles": roles}
    if decision is not None:
        item["decision"] = {"text": decision}  # the outcome is judged by hand (outcomes.csv)
    return item


# --- the meeting ---------------------------------------------------------------------------------


def _cells(tr) -> list[str]:
    return [element_text(td) for td in tr if isinstance(td.tag, str) and td.tag == "td"]


def _attendee(line: str, group: str) -> dict:
    parts = [p.strip() for p in clean(line).split(",") if p.strip()]
    name = clean(parts[0]) if parts else ""
    rest = parts[1:]
    notes = [p for p in rest if _NOTE.search(p)]
    words = [p for p in rest if p not in notes]
    person: dict = {"name": name}
    if group == "members":
        role = words[0] if words else "jäsen"
        role_norm = next((v for k, v in _ROLE_WORDS.items() if k in role.lower()), "muu")
        person.update(role=role, role_norm=role_norm)
    else:  # others: 'Satu Kankare, Kaupunginjohtaja, esittelijä' (title, then the meeting role)
        role = next((w for w in words if w.lower() in _ROLE_WORDS), None)
        titles = [w for w in words if w != role]
        person.update(role=role, role_norm=_ROLE_WORDS[role.lower()] if role else "muu")
        if titles:
            person["title"] = ", ".join(titles)
    if notes:
        person["note"] = ", ".join(notes)
    return person


def parse_meeting(body) -> dict:
    """Body, date, number, time, place and attendees from the header and the first-page tables."""
    head = body.xpath(".//table[contains(@class,'header-table')]")[0]
    rows = [_cells(tr) for tr in head.xpath("./tr")]
    filled = [r for r in rows if any(r)]
    meeting: dict = {"body": filled[1][0], "date": _iso(filled[1][1]),
                     "number": (filled[0][2] if len(filled[0]) > 2 else None) or None}
    group = None
    attendees = []
    for tr in body.xpath("./div[contains(@class,'max-width')]/table/tr"):
        cells = _cells(tr)
        if len(cells) == 2 and cells[0] in ("Aika", "Paikka"):
            if cells[0] == "Paikka":
                meeting["place"] = cells[1]
            else:
                meeting["date"] = _iso(cells[1]) or meeting["date"]  # the header of an agenda dates the invitation
                m = re.search(r"klo\s*(\d{1,2}[:.]\d{2})\s*[-–]\s*(\d{1,2}[:.]\d{2})", cells[1])
                if m:
                    meeting["start"], meeting["end"] = (t.replace(".", ":").zfill(5) for t in m.groups())
        elif len(cells) == 1 and cells[0]:
            group = {"Saapuvilla olleet jäsenet": "members", "Muut saapuvilla olleet": "others"}.get(cells[0])
        elif len(cells) == 2 and not cells[0] and cells[1] and group:
            attendees.append(_attendee(cells[1], group))
    meeting["attendees"] = attendees
    return meeting


def _iso(date: str) -> str | None:
    m = re.search(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", date or "")
    return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}" if m else None


# --- the document --------------------------------------------------------------------------------


def gold_from_html(html: str) -> dict:
    """The gold of one minutes (or agenda) HTML, without page numbers."""
    root = lxml_html.fromstring(html)
    body = root.find("body")
    header = body.xpath(".//table[contains(@class,'header-table')]")[0]
    first = [c for c in _cells(header.xpath("./tr")[1])]
    town = first[0].split()[0] if first and first[0] else ""
    doc_kind = first[1].lower() if len(first) > 1 else ""
    gold = {
        "municipality": town[:-1] if town.endswith("n") else town,  # 'Lapuan kaupunki' -> 'Lapua'
        "kind": "agenda" if doc_kind.startswith(("esityslista", "kokouskutsu")) else "minutes",
        "language": (root.get("lang") or "fi")[:2],
        "meeting": parse_meeting(body),
        "items": [parse_article(a) for a in body.xpath(".//div[starts-with(@id,'article-')]")],
    }
    if gold["kind"] == "agenda":
        gold["meeting"].pop("attendees", None)  # an agenda lists who is invited, not who came
    return gold


def _appendix_heading(html: str) -> str | None:
    """The first bold heading after the last item (e.g. 'Muutoksenhakukielto'), which starts the
    appeal instructions on a page of their own."""
    body = lxml_html.fromstring(html).find("body")
    articles = body.xpath(".//div[starts-with(@id,'article-')]")
    if not articles:
        return None
    for node in articles[-1].itersiblings():
        for td in node.iter("td"):
            if "bold" in _classes(td) and element_text(td):
                return element_text(td)
    return None


def add_pages(gold: dict, pdf: pdfium.PdfDocument, html: str) -> None:
    """page_start from the bookmarks; page_end the page before the next item (every item starts on
    a new page), for the last item the page before the appeal instructions."""
    marks = {number: page for number, _, page in bookmarks(pdf)}
    items = gold["items"]
    ending = _appendix_heading(html)
    for k, item in enumerate(items):
        start = marks.get(item["section_number"])
        if start is None:
            continue
        item["page_start"] = start
        if k + 1 < len(items) and items[k + 1]["section_number"] in marks:
            item["page_end"] = max(start, marks[items[k + 1]["section_number"]] - 1)
        elif k + 1 == len(items):
            end = len(pdf)
            for index in range(start, len(pdf)):  # pages after the start page, 0-based
                if ending and clean(page_text(pdf, index)).find(ending) >= 0:
                    end = index
                    break
            item["page_end"] = max(start, end)


def gold_for_pdf(path: Path) -> dict | None:
    """The gold of one CaseM PDF; None when it embeds no source HTML."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        html = embedded_html(pdf)
        if html is None:
            return None
        gold = gold_from_html(html)
        gold["file"] = Path(path).name
        gold["pages"] = len(pdf)
        add_pages(gold, pdf, html)
        return gold
    finally:
        pdf.close()


HOW = ("CaseM source HTML embedded in the PDF: items, parts and roles from the template's elements, "
       "pages from the PDF bookmarks")


def load(real_dir: Path) -> list[RealDoc]:
    """Gold for every CaseM PDF under ``real_dir``/lapua that embeds its source HTML."""
    docs = []
    for path in sorted((Path(real_dir) / "lapua").glob("*.pdf")):
        gold = gold_for_pdf(path)
        if gold is not None:
            docs.append(RealDoc(source="lapua", document=f"lapua/{path.name}", gold=gold, how=HOW,
                                meta={"path": str(path)}))
    return docs
