"""CaseM / CloudNC publishing (e.g. Tampere tampere.cloudnc.fi, Mikkeli, Lapua) via its OData API.

/api/opennc/v1/Nodes has a node named "Toimielimet" whose SubNodes() are the bodies; each body
has one sub node ("Kokoukset") whose SubNodes() are the meetings, named "Kokous d.m.yyyy".
Contents()?$filter=Classifications/any(f:f/NodeId eq <meeting>) lists the meeting's contents;
Contents(<id>)/ExtendedProperties gives an item's § ("Article") and attachments, and for the
meeting's own content the whole document ("AgendaAttachment": "Pöytäkirja - <body> - <date>.pdf"
or "Esityslista - ..."), linked as download.aspx?ID=<n>&GUID={<guid>}, served at
/download/noname/{<guid>}/<n>.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import quote, urljoin

from pipeline.harvest.base import SiteAdapter, safe_name
from pipeline.harvest.htmlutil import parse_fi_date, parse_page
from pipeline.harvest.model import BodyRef, DocRef, ItemRef, MeetingRef

API_PATH = "/api/opennc/v1/"
ROOT_NAMES = ("toimielimet", "organ")
MEETINGS_NAMES = ("kokoukset", "meetings", "möten")
DOWNLOAD_PATH = "/download/noname/{{{guid}}}/{id}"
LANGUAGE_ID = 1  # Finnish
_DOWNLOAD = re.compile(r"ID=(\d+)&(?:amp;)?GUID=\{?([0-9A-Fa-f-]+)\}?", re.I)
_SECTION = re.compile(r"^\s*(\d{1,4})")


def node_name(node: dict, language: int = LANGUAGE_ID) -> str:
    names = node.get("Names") or []
    for n in names:
        if n.get("LanguageId") == language:
            return n.get("Name") or ""
    return (names[0].get("Name") or "") if names else ""


def document_kind(name: str) -> str:
    low = name.lower()
    return "agenda" if low.startswith(("esityslista", "föredragningslista")) else "minutes"


class CasemAdapter(SiteAdapter):
    def __init__(self, source, fetcher) -> None:
        super().__init__(source, fetcher)
        self.api = self.base if API_PATH in self.base else urljoin(self.base, API_PATH)
        if not self.api.endswith("/"):
            self.api += "/"
        self.root: int | None = None
        self._props: dict[int, dict[str, str]] = {}
        self._contents: dict[str, list[dict]] = {}

    def _get(self, resource: str) -> list[dict]:
        sep = "&" if "?" in resource else "?"
        return self.json(f"{self.api}{resource}{sep}$format=json").get("value", [])

    def bodies(self) -> list[BodyRef]:
        roots = [n for n in self._get("Nodes") if node_name(n).strip().lower() in ROOT_NAMES]
        if not roots:
            raise LookupError("no 'Toimielimet' node in Nodes: has the site changed?")
        self.root = roots[0]["NodeId"]
        return [BodyRef(id=str(n["NodeId"]), name=node_name(n)) for n in self._get(f"Nodes({self.root})/SubNodes()")]

    def meetings(self, body: BodyRef, since: dt.date | None) -> list[MeetingRef]:
        if self.root is None:
            self.bodies()
        folders = self._get(f"Nodes({self.root})/SubNodes({body.id})/SubNodes()")
        folder = next((f for f in folders if node_name(f).strip().lower() in MEETINGS_NAMES),
                      folders[0] if len(folders) == 1 else None)
        if folder is None:
            return []
        found = []
        for n in self._get(f"Nodes({self.root})/SubNodes({body.id})/SubNodes({folder['NodeId']})/SubNodes()"):
            name = node_name(n)
            found.append(MeetingRef(id=str(n["NodeId"]), body=body.name, date=parse_fi_date(name), title=name,
                                    url=f"{self.api}Nodes({n['NodeId']})"))
        return [m for m in found if since is None or m.date is None or m.date >= since]

    def _meeting_contents(self, meeting: MeetingRef) -> list[dict]:
        if meeting.id not in self._contents:
            flt = quote(f"Classifications/any(f:f/NodeId eq {meeting.id})", safe="/():")
            self._contents[meeting.id] = self._get(f"Contents()?$filter={flt}")
        return self._contents[meeting.id]

    def _properties(self, content_id: int) -> dict[str, str]:
        if content_id not in self._props:
            rows = self._get(f"Contents({content_id})/ExtendedProperties")
            self._props[content_id] = {r["Name"]: r.get("Text") or "" for r in rows if r.get("Name")}
        return self._props[content_id]

    def items(self, meeting: MeetingRef) -> list[ItemRef]:
        items = []
        for content in self._meeting_contents(meeting):
            props = self._properties(content["ContentId"])
            if "AgendaAttachment" in props and not props.get("Article"):
                continue  # the meeting's own content, not an item
            m = _SECTION.match(props.get("Article", ""))
            items.append(ItemRef(id=str(content["ContentId"]), meeting=meeting, number=int(m.group(1)) if m else None,
                                 title=content.get("Subject") or props.get("Name", ""), ordinal=len(items),
                                 url=f"{self.api}Contents({content['ContentId']})"))
        return items

    def documents(self, node: MeetingRef | ItemRef) -> list[DocRef]:
        if isinstance(node, MeetingRef):
            docs = []
            for content in self._meeting_contents(node):
                html = self._properties(content["ContentId"]).get("AgendaAttachment")
                docs += [DocRef(url=url, file_name=safe_name(name or f"{node.id}.pdf"), kind=document_kind(name))
                         for url, name in self._downloads(html)]
            return docs
        if not self.source.attachments:
            return []
        html = self._properties(int(node.id)).get("Attachments")
        return [DocRef(url=url, file_name=safe_name(name), kind="attachment") for url, name in self._downloads(html)]

    def _downloads(self, html: str | None) -> list[tuple[str, str]]:
        out = []
        for link in parse_page(html or "").links:
            if m := _DOWNLOAD.search(link.href):
                out.append((urljoin(self.base, DOWNLOAD_PATH.format(guid=m.group(2), id=m.group(1))), link.text))
        return out
