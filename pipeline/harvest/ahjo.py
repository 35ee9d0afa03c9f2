"""Helsinki Ahjo REST API: meetings and decisions JSON straight into the schema records.

No PDF is parsed: `meetings?start=<iso>` gives each meeting with its agenda (AgendaPoint,
Section, AgendaItem) and composition (Name, Role, DeputyOf); `decisions?handledsince=<iso>`
gives decisions with their § (Section), decision HTML (Content, whose "Päätös" section is the
decision text) and VotingResults (Ayes / Noes / Blank / Absent with counts and voters). One
meeting with its decisions becomes one `Extraction`, keyed by the sha256 of that JSON, so a
decision published later yields a new version that replaces the old rows.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from html import unescape

from extractors import records as R
from extractors.vocab import ATTENDEE_ROLES, OUTCOME_CUES, OUTCOME_ORDER
from pipeline.harvest.base import SiteAdapter, safe_name
from pipeline.harvest.model import BodyRef, DocRef, ItemRef, MeetingRef

DECISIONS_PAGE_SIZE = 1000
_DECISION_SECTION = re.compile(
    r"<h3[^>]*>\s*(?:Päätös|Beslut)\s*</h3>(.*?)(?=<h3|<div class=\"SisaltoSektio|</body>|\Z)", re.S | re.I)
_TAGS = re.compile(r"<[^>]+>")
_NUMBER = re.compile(r"(\d{1,4})")


def html_text(html: str) -> str:
    text = re.sub(r"<(br|/p|/div|/h\d|/tr)[^>]*>", "\n", html or "", flags=re.I)
    text = unescape(_TAGS.sub("", text)).replace("\xa0", " ")
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def decision_text(content_html: str) -> str:
    m = _DECISION_SECTION.search(content_html or "")
    return html_text(m.group(1)) if m else ""


def classify_outcome(text: str) -> str:
    low = text.lower()
    for outcome in OUTCOME_ORDER:
        if any(re.search(p, low) for p in OUTCOME_CUES.get(outcome, ())):
            return outcome
    return "muu"


def role_norm(role: str | None) -> str | None:
    if not role:
        return None
    key = re.sub(r"^\d+\.\s*", "", role.strip().lower())
    return ATTENDEE_ROLES.get(key, "muu")


def _section(value: object) -> int | None:
    m = _NUMBER.search(str(value or ""))
    return int(m.group(1)) if m else None


def _voter_name(voter: dict) -> str:
    name = voter.get("Name") or ""
    if "," in name:  # 'Bogomoloff, Harry' -> 'Harry Bogomoloff'
        last, first = (p.strip() for p in name.split(",", 1))
        name = f"{first} {last}".strip()
    return name


def _votes(decision: dict, item_id: str, doc_id: str) -> list[R.Vote]:
    votes = []
    for ordinal, result in enumerate(decision.get("VotingResults") or [], start=1):
        groups = {k: result.get(k) or {} for k in ("Ayes", "Noes", "Blank", "Absent")}
        names = {k: tuple(_voter_name(v) for v in (g.get("Voters") or [])) for k, g in groups.items()}
        counts = {k: g.get("NumberOfVotes") for k, g in groups.items()}
        match = all(counts[k] is None or counts[k] == len(names[k]) for k in ("Ayes", "Noes", "Blank"))
        text = " / ".join(f"{label}: {groups[k].get('Content')}" for k, label in (("Ayes", "JAA"), ("Noes", "EI"))
                          if groups[k].get("Content"))
        votes.append(R.Vote(item_id=item_id, doc_id=doc_id, ordinal=ordinal, jaa=counts["Ayes"], ei=counts["Noes"],
                            tyhja=counts["Blank"], poissa=counts["Absent"], jaa_names=names["Ayes"],
                            ei_names=names["Noes"], tyhja_names=names["Blank"], counts_match=match,
                            text=text or None))
    return votes


def meeting_extraction(payload: dict, doc_id: str, source: str, file_name: str, municipality: str,
                       municipality_code: str | None) -> R.Extraction:
    """One Ahjo meeting (+ its decisions) -> the rows of every table it feeds."""
    meeting, decisions = payload["meeting"], payload.get("decisions", [])
    body = meeting.get("DecisionMaker") or meeting.get("Name")
    when = dt.datetime.fromisoformat(meeting["DateMeeting"]) if meeting.get("DateMeeting") else None
    date = when.date() if when else None
    meeting_id = f"{municipality}/{body}/{date}"
    rows: list = [R.Meeting(meeting_id=meeting_id, doc_id=doc_id, municipality=municipality,
                            municipality_code=municipality_code, body=body, meeting_date=date,
                            number=str(meeting.get("MeetingSequenceNumber") or "") or None,
                            place=meeting.get("Location"), start_time=when.strftime("%H:%M") if when else None,
                            end_time=None)]
    for ordinal, person in enumerate(meeting.get("Composition") or [], start=1):
        deputy = person.get("DeputyOf")
        rows.append(R.Attendee(meeting_id=meeting_id, doc_id=doc_id, ordinal=ordinal, name=person.get("Name") or "",
                               role=person.get("Role"), role_norm=role_norm(person.get("Role")),
                               note=f"varalla: {deputy}" if deputy else None))
    items: list[R.AgendaItem] = []

    def add_item(section: int | None, title: str, point: object) -> R.AgendaItem:
        suffix = f"§{section}" if section is not None else f"#{point or len(items) + 1}"
        item_id, k = f"{meeting_id}/{suffix}", 1
        while any(i.item_id == item_id for i in items):  # repeated points: keep ids unique
            k += 1
            item_id = f"{meeting_id}/{suffix}-{k}"
        item = R.AgendaItem(item_id=item_id, doc_id=doc_id, meeting_id=meeting_id,
                            municipality=municipality, body=body, meeting_date=date, section_number=section,
                            title=title, diary_number=None, page_start=None, page_end=None, ordinal=len(items))
        items.append(item)
        return item

    for agenda in meeting.get("Agenda") or []:
        add_item(_section(agenda.get("Section")), agenda.get("AgendaItem") or "", agenda.get("AgendaPoint"))
    decision_rows: list = []
    for decision in decisions:
        section, title = _section(decision.get("Section")), (decision.get("Title") or "").strip()
        item = next((i for i in items if section is not None and i.section_number == section), None)
        item = item or next((i for i in items if title and i.section_number is None and i.title
                             and (title.casefold() in i.title.casefold())), None)
        if item is None:
            item = add_item(section, title, None)
        elif item.section_number is None and section is not None and not any(
                i.item_id == f"{meeting_id}/§{section}" for i in items):
            fixed = R.AgendaItem(**{**item.__dict__, "section_number": section,
                                    "item_id": f"{meeting_id}/§{section}"})
            items[items.index(item)] = fixed
            item = fixed
        if decision.get("CaseIDLabel"):
            fixed = R.AgendaItem(**{**item.__dict__, "diary_number": decision["CaseIDLabel"]})
            items[items.index(item)] = fixed
            item = fixed
        text = decision_text(decision.get("Content") or "")
        decision_rows.append(R.Decision(item_id=item.item_id, doc_id=doc_id, outcome=classify_outcome(text),
                                        text=text))
        decision_rows += _votes(decision, item.item_id, doc_id)
    rows += items + decision_rows
    doc = R.Document(doc_id=doc_id, source=source, file_name=file_name, municipality=municipality,
                     municipality_code=municipality_code, kind="minutes", language="fi", pages=None, ocr=False,
                     ocr_repaired=False, status="ok", error=None, source_format="ahjo-json", meeting_count=1,
                     item_count=len(items))
    return R.Extraction(document=doc, rows=rows)


class AhjoAdapter(SiteAdapter):
    def __init__(self, source, fetcher) -> None:
        super().__init__(source, fetcher)
        self.api = self.base if self.base.endswith("/") else self.base + "/"
        self._meetings: dict[str, list[dict]] = {}
        self._decisions: dict[str, dict[str, list[dict]]] = {}

    def bodies(self) -> list[BodyRef]:
        if self.source.bodies:
            return [BodyRef(id=name, name=name) for name in self.source.bodies]
        return [BodyRef(id="*", name="*")]

    def _since_param(self, since: dt.date | None) -> str:
        return f"{since.isoformat()}T00:00:00Z" if since else "2001-01-01T00:00:00Z"

    def meetings(self, body: BodyRef, since: dt.date | None) -> list[MeetingRef]:
        stamp = self._since_param(since)
        if stamp not in self._meetings:
            self._meetings[stamp] = self.json(f"{self.api}meetings?start={stamp}").get("meetings", [])
        found = []
        for m in self._meetings[stamp]:
            name = m.get("DecisionMaker") or m.get("Name") or ""
            if body.id != "*" and name != body.name:
                continue
            date = dt.date.fromisoformat(m["DateMeeting"][:10]) if m.get("DateMeeting") else None
            if since and date and date < since:
                continue
            self_link = next((lk["href"] for lk in m.get("links", []) if lk.get("rel") == "self"), None)
            found.append(MeetingRef(id=str(m["MeetingID"]), body=name, date=date, title=m.get("Name"),
                                    url=self_link or f"{self.api}meetings/{m['MeetingID']}",
                                    raw={"meeting": m, "since": stamp, "status": "minutes"}))
        return found

    def _decisions_by_meeting(self, stamp: str) -> dict[str, list[dict]]:
        if stamp not in self._decisions:
            url = (f"{self.api}decisions?handledsince={stamp}&size={DECISIONS_PAGE_SIZE}"
                   f"&count_limit={DECISIONS_PAGE_SIZE}")
            grouped: dict[str, list[dict]] = {}
            for d in self.json(url).get("decisions", []):
                if d.get("Meeting") and d["Meeting"].get("MeetingID"):
                    grouped.setdefault(str(d["Meeting"]["MeetingID"]), []).append(d)
            self._decisions[stamp] = grouped
        return self._decisions[stamp]

    def items(self, meeting: MeetingRef) -> list[ItemRef]:
        agenda = meeting.raw["meeting"].get("Agenda") or []
        return [ItemRef(id=f"{meeting.id}/{a.get('AgendaPoint') or i}", meeting=meeting,
                        number=_section(a.get("Section")), title=a.get("AgendaItem") or "", ordinal=i)
                for i, a in enumerate(agenda)]

    def documents(self, node: MeetingRef | ItemRef) -> list[DocRef]:
        if isinstance(node, ItemRef):
            return []
        decisions = self._decisions_by_meeting(node.raw["since"]).get(node.id, [])
        payload = {"meeting": node.raw["meeting"], "decisions": sorted(decisions, key=lambda d: d.get("NativeId", ""))}
        data = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
        return [DocRef(url=node.url or node.id, file_name=safe_name(f"{node.id}.json"), kind="api", expect="json",
                       inline=data)]

    def to_extraction(self, doc: DocRef, data: bytes) -> R.Extraction:
        payload = json.loads(data)
        return meeting_extraction(payload, hashlib.sha256(data).hexdigest(), doc.url, doc.file_name,
                                  self.source.municipality, self.source.municipality_code)
