"""Gold from the peer scraper's expected outputs (../shared/real/systems, Paatos-Scraper test data).

The scraper (6aika/Paatos-Scraper) ships, beside each captured page, the JSON it must extract
from it: `*_actions.json` / `*_asiat.json` list a meeting's items (articleNumber, title, sourceId)
and `*_contents_<n>.json` / `*_toimenpiteet.json` list one item's parts as printed-heading /
content pairs. That is someone else's reading of the page, independent of ours; we map it to our
gold where the page it describes is in the folder:

- Espoo (Dynasty): `espoo_*_contents_<n>.json` describe the item pages `<meeting>-<k>.HTM`
  (`espoo_kh_170529_contents_4.json` describes an agenda page whose item has no § yet: left out).
- Turku: `turku_*-<n>-toimenpiteet.json` describe `turku_*-<n>.htm`.

What the scraper's parts leave out, and how each is scored (README.md, "Systems pages"):
- earlier handlings: the parts are the current handling's only. Espoo prints the earlier ones
  under 'Päätöshistoria' and Turku under each 'Ksylk § 84' line; `espoo_handlings` and
  `turku_handlings` read them from the page's own markup (Dynasty's `p.Sivuotsikko` part headings,
  Turku's `div.XSDoc` blocks with `span.ehdotuspaatos` labels), each section with its `handling`.
- attachments: Espoo's scraper lists them in `*_attachments_<n>.json`, read here as the `liitteet`
  part numbered as the page prints them ('1 Name'); Turku's come from the page's markup
  (`p.liiteoheis` lines in each handling, and the 'Liitteet:' index of links at the end); where
  neither exists (Espoo 2013) the gold does not tell attachments (`sections_left_out`).
- mapping: 'Tiivistelmä' (the case in brief, above the handlings) is description (`selostus`, as
  our vocabulary and Ahjo's template have it), 'Jakelu' / 'Täytäntöönpanotiedot' (who is sent
  the decision) are `tiedoksi` like Ahjo's 'Otteet', Turku's 'Päätöksenteko' (how the decision
  was reached: the votes) is `kasittely`. Turku's 'Jakelu' text is read from the page
  (`p.jakelu`): the scraper rewrites 'ao Kaarinan kaupunki' as 'Kaarinan kaupunki (ao)'.
- diary number: Espoo's older pages print the function code inside it ('3700/11.01.00/2011'),
  the scraper splits it off ('3700/2011' + functionId '11 01 00'); the printed form is the gold
  where the page prints it so.

Oulu and Vantaa (Tweb) parts describe item PDFs that are not in the folder: left out.

Tampere and Mikkeli (CaseM OData, `casem/contents_<id>_extended_properties.json`) give each item as
named fields: Name, Article (§), CaseNativeId, Description, Decisionproposal, Decision,
Eventhandling, Inform, Draftsmans / Presenters ('Name;#title;#;#email;#'). No rendered page of
these items is in the folder, so `load_casem_odata` is gold for what reads the fields themselves
(the outcome classifier on the decision text; a harvest of the item pages when they are fetched).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from lxml import html as lxml_html

from pipeline.realgold import RealDoc, clean, element_text

# Printed part heading (lower case) -> section kind. Dno, Päätöshistoria and functionId are item
# fields, not sections.
PART_KINDS = {
    "valmistelijat / lisätiedot": "valmistelija", "valmistelijat": "valmistelija", "valmistelija": "valmistelija",
    "päätösehdotus": "paatosehdotus", "ehdotus": "paatosehdotus", "päätösesitys": "paatosehdotus",
    "kaupunginjohtajan esitys": "paatosehdotus", "käsittely": "kasittely", "päätös": "paatos",
    "selostus": "selostus", "esittelyteksti": "selostus", "kuvaus": "selostus", "liitteet": "liitteet",
    "oheismateriaali": "oheismateriaali", "esittelijä": "esittelija", "esittelijät": "esittelija",
    "muutoksenhaku": "muutoksenhaku", "lisätietoja päätöksestä": "lisatiedot",
    "valmistelijan yhteystiedot": "lisatiedot", "tiivistelmä": "selostus", "jakelu": "tiedoksi",
    "täytäntöönpanotiedot": "tiedoksi", "päätöksenteko": "kasittely", "liite": "liitteet",
}
ATTACHMENT_KINDS = ["liitteet", "oheismateriaali"]
ITEM_FIELDS = {"dno", "functionid", "päätöshistoria"}

# (page, parts file, title source, attachments file) for the pages whose parts the scraper gives.
PAGES = (
    ("espoo/2017406946-3.HTM", "espoo/espoo_kh_170508_contents_127.json", "espoo/espoo_kh_actions_170508.json",
     "espoo/espoo_kh_170508_attachments_127.json"),
    ("espoo/2013262303-5.HTM", "espoo/espoo_yl_130117_contents_5.json", None, None),
    ("turku/turku_kh_2017-02-05-190.htm", "turku/turku_kh_2017-02-05-190-toimenpiteet.json",
     "turku/turku_kh_2017-02-05-asiat.json", None),
    ("turku/turku_kh_2017-02-05-195.htm", "turku/turku_kh_2017-02-05-195-toimenpiteet.json",
     "turku/turku_kh_2017-02-05-asiat.json", None),
)


def _content_text(content: str | None) -> str:
    """Espoo's contents are HTML fragments, the others plain text with newlines."""
    if not content:
        return ""
    if "<" in content and ">" in content:
        return element_text(lxml_html.fragment_fromstring(content, create_parent="div"))
    return clean(content)


def _number_of(parts_file: str) -> int:
    """The § number the scraper names its parts file by ('..._contents_127.json', '...-190-...')."""
    stem = Path(parts_file).stem
    digits = [tok for tok in stem.replace("-", "_").split("_") if tok.isdigit()]
    return int(digits[-1])


def item_from_parts(parts: list[dict], number: int, title: str | None) -> dict:
    """The scraper's parts of one item -> a gold item (sections in its order; roles not given)."""
    by_title = {clean(p.get("title")).lower(): p for p in parts}
    sections = []
    for part in sorted(parts, key=lambda p: p.get("order", 0)):
        heading = clean(part.get("title"))
        if heading.lower() in ITEM_FIELDS:
            continue
        text = _content_text(part.get("content"))
        if text:
            sections.append({"kind": PART_KINDS.get(heading.lower(), "muu"), "heading_raw": heading, "text": text})
    item: dict = {"section_number": number, "sections": sections}
    if title:
        item["title"] = title
    if "dno" in by_title:
        item["diary_number"] = _content_text(by_title["dno"].get("content")) or None
    history = _content_text((by_title.get("päätöshistoria") or {}).get("content"))
    if "päätöshistoria" in by_title:
        item["history"] = [history] if history else []
    decision = next((s["text"] for s in sections if s["kind"] == "paatos"), None)
    if decision:
        item["decision"] = {"text": decision}
    return item


def add_attachments(item: dict, attachments: list[dict] | None) -> None:
    """The scraper's attachment list as the item's `liitteet` part, numbered as the page prints
    them ('1 Name'); without a list the gold does not tell attachments at all."""
    if attachments is None:
        item["sections_left_out"] = list(ATTACHMENT_KINDS)
        return
    names = [f"{int(a.get('number') or 0) + 1} {clean(a.get('name'))}"
             for a in sorted(attachments, key=lambda a: a.get("number") or 0)]
    if names:
        at = next((k + 1 for k, s in enumerate(item["sections"]) if s["kind"] == "paatos"), len(item["sections"]))
        item["sections"].insert(at, {"kind": "liitteet", "heading_raw": "Liite", "text": " ".join(names)})


def correct_from_page(item: dict, parts: list[dict], page) -> None:
    """Where the scraper rewrites what the page prints (module docstring), the page's own text:
    Turku's distribution list (`p.jakelu`) and Espoo's diary number with its function code."""
    jakelu = page.xpath("//p[@class='jakelu']")
    for sec in item["sections"]:
        if sec["heading_raw"].lower() == "jakelu" and jakelu:
            sec["text"] = clean(" ".join(jakelu[0].itertext()))  # 'ao' is a span of its own before the name
    fields = {clean(p.get("title")).lower(): _content_text(p.get("content")) for p in parts}
    diary, function = fields.get("dno") or "", fields.get("functionid") or ""
    if "/" in diary and function:
        number, year = diary.rsplit("/", 1)
        printed = f"{number}/{function.replace(' ', '.')}/{year}"
        if printed in clean(page.text_content()):
            item["diary_number"] = printed


_TURKU_HANDLING = re.compile(r"^\S+ § \d+$")  # 'Ksylk § 84', 'Kh § 195'


def _turku_parts(blocks, handling: str | None) -> list[dict]:
    """Parts of the `div.XSDoc` blocks of one Turku handling: a `span.ehdotuspaatos` label opens
    Ehdotus / Päätös / Päätöksenteko, `p.liiteoheis` lines ('Liite 1' + name) are attachments, the
    other paragraphs the description. As the scraper reads the current handling, a paragraph after
    attachment lines goes on with the part they cut (its 'Esittelyteksti' has no 'Liite' lines)."""
    parts: list[dict] = []
    cut: dict | None = None

    def new(kind: str, heading: str | None) -> dict:
        parts.append({"kind": kind, "heading_raw": heading, "text": "", "handling": handling})
        return parts[-1]

    part: dict | None = None
    for block in blocks:
        for p in block.iter("p"):
            label = p.xpath("./span[@class='ehdotuspaatos' or @class='liiteoheis']")
            text = clean(" ".join(p.itertext()))
            if not text:
                continue
            if label and label[0].get("class") == "ehdotuspaatos":
                heading = clean(label[0].text_content())
                part, cut = new(PART_KINDS.get(heading.lower(), "muu"), heading), None
                text = clean(text[len(heading):])
            elif label:
                kind = PART_KINDS.get(clean(label[0].text_content()).split()[0].lower(), "muu")
                if part is None or part["kind"] != kind:
                    cut = part if part is not None and part["kind"] not in ATTACHMENT_KINDS else cut
                    part = new(kind, None)
            elif part is None or part["kind"] in ATTACHMENT_KINDS:
                part = cut or new("selostus", None)
                cut = None
            part["text"] = clean(f"{part['text']} {text}")
    return [q for q in parts if q["text"]]


def turku_handlings(page, number: int) -> list[dict]:
    """From a Turku item page's own markup, what the scraper leaves out: every earlier handling
    ('Ksylk § 84' and its blocks), the current handling's attachment lines, and the page's
    'Liitteet:' index of attachment links (kind `liitteet`, heading 'Liitteet')."""
    sections: list[dict] = []
    body = page.find("body")
    handling, blocks = None, []
    for el in list(body) + [None]:
        line = clean(el.text_content()) if el is not None and el.tag == "p" else ""
        if el is None or _TURKU_HANDLING.match(line) or el.tag == "hr":
            if handling is not None:
                current = handling.endswith(f"§ {number}")
                found = _turku_parts(blocks, None if current else handling)
                sections += [q for q in found if not current or q["kind"] in ATTACHMENT_KINDS]
            handling, blocks = (line, []) if el is not None and _TURKU_HANDLING.match(line) else (None, [])
        elif handling is not None and el.tag == "div" and "XSDoc" in (el.get("class") or ""):
            blocks.append(el)
    index = page.xpath("//p[strong[normalize-space()='Liitteet:']]")
    if index:
        rest = [clean(" ".join(p.itertext())) for p in index[0].itersiblings("p")]
        sections.append({"kind": "liitteet", "heading_raw": "Liitteet", "text": clean(" ".join(rest))})
    return sections


def espoo_handlings(page) -> list[dict]:
    """Espoo's earlier handlings, printed under 'Päätöshistoria' (the scraper reads the current one
    only): each handling line ('Kaupunginhallitus 10.4.2017 § 105') opens a handling, each
    `p.Sivuotsikko` with a bold heading (or a paragraph that is one bold heading, 'Tiedoksi') a
    part ('Päätösehdotus', its presenter after the heading as in the scraper's current parts), and
    the `p.Sisennetty` paragraphs under it are its text."""
    sections: list[dict] = []
    handling, part, started = None, None, False
    for p in page.iter("p"):
        text = clean(" ".join(p.itertext()))
        if not started:
            started = text == "Päätöshistoria"
            continue
        if re.fullmatch(r".+ \d{1,2}\.\d{1,2}\.\d{4} § \d+", text):
            handling, part = text, None
            continue
        bold = p.xpath("./b")
        if handling and bold and ("Sivuotsikko" in (p.get("class") or "") or clean(bold[0].text_content()) == text):
            heading = clean(bold[0].text_content())
            part = {"kind": PART_KINDS.get(heading.lower(), "muu"), "heading_raw": heading,
                    "text": clean(text[len(heading):]), "handling": handling}
            sections.append(part)
        elif part is not None and text:
            part["text"] = clean(f"{part['text']} {text}")
    return [q for q in sections if q["text"]]  # 'Tiedoksi' over an empty table names no one


HOW = "Paatos-Scraper's expected outputs for the same page (its own test data)"


def load(real_dir: Path) -> list[RealDoc]:
    root = Path(real_dir) / "systems"
    docs = []
    for page, parts_file, listing, attachments_file in PAGES:
        if not (root / page).exists() or not (root / parts_file).exists():
            continue
        number = _number_of(parts_file)
        title = None
        if listing and (root / listing).exists():
            found = [a for a in json.loads((root / listing).read_text(encoding="utf-8"))
                     if str(a.get("articleNumber")) == str(number)]
            title = clean(found[0]["title"]) if found else None
        parts = json.loads((root / parts_file).read_text(encoding="utf-8"))
        item = item_from_parts(parts, number, title)
        attachments = None
        if attachments_file and (root / attachments_file).exists():
            attachments = json.loads((root / attachments_file).read_text(encoding="utf-8"))
        markup = lxml_html.document_fromstring((root / page).read_bytes())
        correct_from_page(item, parts, markup)
        if page.startswith("turku/"):
            item["sections"] += turku_handlings(markup, number)
            attachments = []  # told by the page's own markup above
        else:
            item["sections"] += espoo_handlings(markup)
        add_attachments(item, attachments)
        gold = {"file": Path(page).name, "items": [item]}
        source = page.split("/", 1)[0]
        docs.append(RealDoc(source=source, document=f"systems/{page}", gold=gold, how=HOW,
                            meta={"path": str(root / page)}))
    return docs


# CaseM OData field -> section kind, in the order CaseM prints an item.
ODATA_FIELDS = (("Description", "selostus"), ("Decisionproposal", "paatosehdotus"),
                ("Eventhandling", "kasittely"), ("Decision", "paatos"), ("Disqualification", "muu"),
                ("DissentingOpinion", "muu"), ("Inform", "tiedoksi"))
ODATA_ROLES = (("Draftsmans", "valmistelija"), ("Presenters", "esittelija"))


def _odata_people(text: str | None, role: str) -> list[dict]:
    """'Ari Liikanen;#hallintojohtaja;#;#ari.liikanen@mikkeli.fi;#' (people separated by '!#')."""
    people = []
    for person in (text or "").split("!#"):
        fields = [clean(f) for f in person.split(";#")]
        if fields and fields[0]:
            people.append({"role": role, "name": fields[0], "title": (fields[1] if len(fields) > 1 else "") or None,
                           "email": (fields[3] if len(fields) > 3 else "") or None})
    return people


def item_from_odata(properties: list[dict], content_id: int) -> dict:
    """One item's ExtendedProperties -> a gold item (`ref` the contents id, as outcomes.csv names it)."""
    fields: dict[str, str] = {}
    for prop in properties:
        fields.setdefault(prop.get("Name") or "", prop.get("Text") or "")
    sections = []
    for name, kind in ODATA_FIELDS:
        text = _content_text(fields.get(name))
        if text:
            sections.append({"kind": kind, "heading_raw": None if kind == "selostus" else name, "text": text})
    article = re.search(r"\d+", fields.get("Article") or "")
    item = {"ref": content_id, "section_number": int(article.group()) if article else None,
            "title": clean(fields.get("Name")), "diary_number": clean(fields.get("CaseNativeId")) or None,
            "sections": sections,
            "roles": [p for name, role in ODATA_ROLES for p in _odata_people(fields.get(name), role)]}
    decision = next((s["text"] for s in sections if s["kind"] == "paatos"), None)
    if decision:
        item["decision"] = {"text": decision}
    return item


HOW_ODATA = "CaseM OData ExtendedProperties (Name, Article, Description, Decisionproposal, Decision, ...)"


def load_casem_odata(real_dir: Path) -> list[RealDoc]:
    """One RealDoc per item of the Tampere and Mikkeli OData dumps (no page of ours to read)."""
    docs = []
    for path in sorted((Path(real_dir) / "systems").glob("*/casem/contents_*_extended_properties.json")):
        content_id = int(path.name.split("_")[1])
        properties = json.loads(path.read_text(encoding="utf-8")).get("value") or []
        item = item_from_odata(properties, content_id)
        if item["section_number"] is None:
            continue  # the meeting's own record (attendees, agenda attachment), not an item
        town = path.parts[-3]
        rel = path.relative_to(Path(real_dir)).as_posix()
        docs.append(RealDoc(source=town, document=rel, gold={"file": path.name, "items": [item]},
                            how=HOW_ODATA, meta={"odata": fields_of(properties)}))
    return docs


def fields_of(properties: list[dict]) -> dict[str, str]:
    """The raw texts by field name (first value of each), for readers of the fields themselves."""
    fields: dict[str, str] = {}
    for prop in properties:
        fields.setdefault(prop.get("Name") or "", _content_text(prop.get("Text")))
    return fields
