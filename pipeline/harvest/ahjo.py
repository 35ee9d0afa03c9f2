"""Helsinki Ahjo REST API: meetings and decisions JSON straight into the schema records.

No PDF is parsed: `meetings?start=<iso>` gives each meeting with its agenda (AgendaPoint,
Section, AgendaItem) and composition (Name, Role, DeputyOf); `decisions?handledsince=<iso>`
gives decisions with their § (Section), decision HTML (Content, read by the HTML chain
into sections and outcome) and VotingResults (Ayes / Noes / Blank / Absent with counts and voters). One
meeting with its decisions becomes one `Extraction`, keyed by the sha256 of that JSON, so a
decision published later yields a new version that replaces the old rows.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from extractors import records as R
from extractors.minutes.ahjo import extract_ahjo, section_number
from pipeline.harvest.base import SiteAdapter, safe_name
from pipeline.harvest.model import BodyRef, DocRef, ItemRef, MeetingRef

DECISIONS_PAGE_SIZE = 1000


def meeting_extraction(payload: dict, doc_id: str, source: str, file_name: str, municipality: str,
                       municipality_code: str | None) -> R.Extraction:
    """One Ahjo meeting (+ its decisions) -> the rows of every table it feeds, read by the same
    reader as a saved API response given to `minutes ingest` (`extractors.minutes.ahjo`)."""
    return extract_ahjo("meeting", payload, doc_id, source, file_name, municipality, municipality_code)


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
                        number=section_number(a.get("Section")), title=a.get("AgendaItem") or "", ordinal=i)
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
