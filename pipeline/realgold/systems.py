"""Gold from the peer scraper's expected outputs (../shared/real/systems, Paatos-Scraper test data).

The scraper (6aika/Paatos-Scraper) ships, beside each captured page, the JSON it must extract
from it: `*_actions.json` / `*_asiat.json` list a meeting's items (articleNumber, title, sourceId)
and `*_contents_<n>.json` / `*_toimenpiteet.json` list one item's parts as printed-heading /
content pairs. That is someone else's reading of the page, independent of ours; we map it to our
gold where the page it describes is in the folder:

- Espoo (Dynasty): `espoo_*_contents_<n>.json` describe the item pages `<meeting>-<k>.HTM`.
- Turku: `turku_*-<n>-toimenpiteet.json` describe `turku_*-<n>.htm`.

Oulu and Vantaa (Tweb) parts describe item PDFs that are not in the folder, and Tampere and
Mikkeli (CaseM OData) have no page at all: they are left out (see the README beside this file).
"""

from __future__ import annotations

import json
from pathlib import Path

from lxml import html as lxml_html

from pipeline.realgold import RealDoc, clean
from pipeline.realgold.casem import _text

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
    ("espoo/2017409886-4.HTM", "espoo/espoo_kh_170529_contents_4.json", None),
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
        return _text(lxml_html.fragment_fromstring(content, create_parent="div"))
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
        docs.append(RealDoc(source=f"systems ({source})", document=f"systems/{page}", gold=gold, how=HOW,
                            meta={"path": str(root / page)}))
    return docs
