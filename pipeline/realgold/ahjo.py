"""Gold from Helsinki's Ahjo API dumps (../shared/real/helsinki).

Each decision's `Content` is one HTML page written by Ahjo's own template: the § number in
`div.Asiapykala`, the title in `h1.AsiaOtsikko`, the diary number in `div.DnroTmuoto`, and each
part under an `h3` whose class names it (`SisaltoOtsikko` for Päätös / Päätöksen perustelut /
Käsittely / Esitys / Lausunto, `EsittelijaTiedot`, `LisatiedotOtsikko`, `LiitteetOtsikko`,
`OtteetOtsikko`, `TiedoksiOtsikko`, `MuutoksenhakuOtsikko`). 'Otteet' lists who is sent an extract
of the decision, a distribution list like 'Tiedoksi', so both are `tiedoksi`. Votes come from the structured
`VotingResults`; attendees from each meeting's `Composition` in meetings_latest.json.
"""

from __future__ import annotations

import json
from pathlib import Path

from lxml import html as lxml_html

from pipeline.realgold import RealDoc, clean, element_text

DECISIONS = "helsinki/decisions_latest.json"
MEETINGS = "helsinki/meetings_latest.json"

# Printed h3 heading (lower case) -> section kind; the h3 class decides where the text does not.
HEADING_KINDS = {
    "päätös": "paatos", "käsittely": "kasittely", "esitys": "paatosehdotus",
    "päätöksen perustelut": "selostus", "lausunto": "muu",
}
CLASS_KINDS = {
    "EsittelijaTiedot": "esittelija", "LisatiedotOtsikko": "lisatiedot", "LiitteetOtsikko": "liitteet",
    "OtteetOtsikko": "tiedoksi", "TiedoksiOtsikko": "tiedoksi", "MuutoksenhakuOtsikko": "muutoksenhaku",
}
PART_CLASSES = {"SisaltoOtsikko", *CLASS_KINDS}


def _first(root, xpath: str) -> str | None:
    found = root.xpath(xpath)
    return clean(element_text(found[0])) or None if found else None


def _starts_part(el) -> bool:
    """An h3 of one of the template's part classes; other h3s (e.g. 'OHJEET HANKINTAOIKAISU-
    VAATIMUKSEN TEKEMISEKSI' inside the appeal part) are text of the part they stand in."""
    return el.tag == "h3" and (el.get("class") or "") in PART_CLASSES


def _sections(root) -> list[dict]:
    """Every part in printed order: heading, kind, and the text up to the next part."""
    sections = []
    for h3 in [el for el in root.iter("h3") if _starts_part(el)]:
        heading = clean(element_text(h3))
        kind = CLASS_KINDS.get(h3.get("class") or "") or HEADING_KINDS.get(heading.lower().rstrip(":"), "muu")
        parts = []
        for sib in h3.itersiblings():
            if _starts_part(sib) or (isinstance(sib.tag, str) and any(_starts_part(e) for e in sib.iter("h3"))):
                break
            parts.append(element_text(sib) if isinstance(sib.tag, str) else "")
        sections.append({"kind": kind, "heading_raw": heading, "text": clean(" ".join(parts)),
                         "_element": h3})
    return sections


def _presenter(h3) -> dict | None:
    """The Esittelijä part prints the title and the name as two divs ('tarkastusjohtaja', 'Timo
    Terävä'); one div is a title alone (name null, as the gold format says); none, no presenter."""
    divs = []
    for sib in h3.itersiblings():
        if sib.tag == "h3":
            break
        if sib.tag == "div":
            divs.append(clean(element_text(sib)))
    divs = [d for d in divs if d]
    if not divs:
        return None
    if len(divs) == 1:  # a title (or a body: 'Kaupunginhallitus' presents the council's items) alone
        return {"role": "esittelija", "name": None, "title": divs[0]}
    return {"role": "esittelija", "title": divs[0], "name": divs[-1]}


def _name(voter: dict) -> str:
    """'Bogomoloff, Harry' -> 'Harry Bogomoloff' (the gold writes first name first)."""
    name = clean(voter.get("Name"))
    if "," in name:
        last, first = (p.strip() for p in name.split(",", 1))
        name = f"{first} {last}"
    return name


def votes_of(decision: dict) -> list[dict]:
    votes = []
    for result in decision.get("VotingResults") or []:
        side = {k: result.get(k) or {} for k in ("Ayes", "Noes", "Blank", "Absent")}
        votes.append({"jaa": side["Ayes"].get("NumberOfVotes") or 0, "ei": side["Noes"].get("NumberOfVotes") or 0,
                      "tyhja": side["Blank"].get("NumberOfVotes") or 0,
                      "poissa": side["Absent"].get("NumberOfVotes") or 0,
                      "jaa_names": [_name(v) for v in side["Ayes"].get("Voters") or []],
                      "ei_names": [_name(v) for v in side["Noes"].get("Voters") or []]})
    return votes


def item_of(decision: dict) -> dict:
    """One decision -> one gold item (its `ref` is the decision's NativeId, as outcomes.csv names it)."""
    root = lxml_html.fromstring(decision.get("Content") or "<html/>")
    pykala = _first(root, "//div[@class='Asiapykala']") or ""
    digits = "".join(ch for ch in pykala if ch.isdigit())
    sections = _sections(root)
    roles = []
    for s in sections:
        element = s.pop("_element")
        if s["kind"] == "esittelija":
            person = _presenter(element)
            if person:
                roles.append(person)
    sections = [s for s in sections if s["text"] or s["kind"] != "esittelija"]
    item = {"ref": decision.get("NativeId"), "section_number": int(digits) if digits else None,
            "title": _first(root, "//h1[contains(@class,'AsiaOtsikko')]") or clean(decision.get("Title")),
            "diary_number": _first(root, "//div[@class='DnroTmuoto']"),
            "sections": sections, "roles": roles, "votes": votes_of(decision)}
    decision_text = next((s["text"] for s in sections if s["kind"] == "paatos"), None)
    if decision_text is not None:
        item["decision"] = {"text": decision_text}
    return item


def attendees_of(meeting: dict) -> list[dict]:
    """Composition rows: name and role as Ahjo gives them (role_norm is left to the scorer's
    name-only field, since Ahjo's roles are not the corpus vocabulary)."""
    return [{"name": clean(p.get("Name")), "role": p.get("Role")} for p in meeting.get("Composition") or []]


HOW_DECISION = "Ahjo decision HTML template elements (Asiapykala, AsiaOtsikko, DnroTmuoto, h3 classes), VotingResults"
HOW_MEETING = "Ahjo meeting Composition (attendees)"


def load(real_dir: Path) -> list[RealDoc]:
    """One RealDoc per decision (its Content HTML), and one per meeting with a Composition."""
    real_dir = Path(real_dir)
    docs = []
    path = real_dir / DECISIONS
    if path.exists():
        for decision in json.loads(path.read_text(encoding="utf-8"))["decisions"]:
            gold = {"file": f"{decision.get('NativeId')}.html", "kind": "minutes", "language": "fi",
                    "items": [item_of(decision)]}
            docs.append(RealDoc(source="helsinki", document=f"{DECISIONS}#{decision.get('NativeId')}",
                                gold=gold, how=HOW_DECISION, meta={"decision": decision}))
    path = real_dir / MEETINGS
    if path.exists():
        for meeting in json.loads(path.read_text(encoding="utf-8"))["meetings"]:
            if not meeting.get("Composition"):
                continue
            gold = {"file": f"{meeting.get('MeetingID')}.json",
                    "meeting": {"attendees": attendees_of(meeting)}}
            docs.append(RealDoc(source="helsinki", document=f"{MEETINGS}#{meeting.get('MeetingID')}",
                                gold=gold, how=HOW_MEETING, meta={"meeting": meeting}))
    return docs
