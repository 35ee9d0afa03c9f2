"""Gold from the peer scraper's expected outputs (../shared/real/systems, Paatos-Scraper test data).

The scraper (6aika/Paatos-Scraper) ships, beside each captured page, the JSON it must extract
from it: `*_actions.json` / `*_asiat.json` list a meeting's items (articleNumber, title, sourceId)
and `*_contents_<n>.json` / `*_toimenpiteet.json` list one item's parts as printed-heading /
content pairs. That is someone else's reading of the page, independent of ours; we map it to our
gold where the page it describes is in the folder:

- Espoo (Dynasty): `espoo_*_contents_<n>.json` describe the item pages `<meeting>-<k>.HTM`
  (`espoo_kh_170529_contents_4.json` describes an agenda page whose item has no § yet: left out).
- Turku: `turku_*-<n>-toimenpiteet.json` describe `turku_*-<n>.htm`.

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
    "valmistelijan yhteystiedot": "lisatiedot",
}
ITEM_FIELDS = {"dno", "functionid", "päätöshistoria"}

# (page, parts file, § number, title source) for the pages whose parts the scraper gives.
PAGES = (
    ("espoo/2017406946-3.HTM", "espoo/espoo_kh_170508_contents_127.json", "espoo/espoo_kh_actions_170508.json"),
    ("espoo/2013262303-5.HTM", "espoo/espoo_yl_130117_contents_5.json", None),
    ("turku/turku_kh_2017-02-05-190.htm", "turku/turku_kh_2017-02-05-190-toimenpiteet.json",
     "turku/turku_kh_2017-02-05-asiat.json"),
    ("turku/turku_kh_2017-02-05-195.htm", "turku/turku_kh_2017-02-05-195-toimenpiteet.json",
     "turku/turku_kh_2017-02-05-asiat.json"),
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


HOW = "Paatos-Scraper's expected outputs for the same page (its own test data)"


def load(real_dir: Path) -> list[RealDoc]:
    root = Path(real_dir) / "systems"
    docs = []
    for page, parts_file, listing in PAGES:
        if not (root / page).exists() or not (root / parts_file).exists():
            continue
        number = _number_of(parts_file)
        title = None
        if listing and (root / listing).exists():
            found = [a for a in json.loads((root / listing).read_text(encoding="utf-8"))
                     if str(a.get("articleNumber")) == str(number)]
            title = clean(found[0]["title"]) if found else None
        parts = json.loads((root / parts_file).read_text(encoding="utf-8"))
        gold = {"file": Path(page).name, "items": [item_from_parts(parts, number, title)]}
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
