"""KTweb / Tweb (Triplan) publishing, e.g. Oulu asiakirjat.ouka.fi, Vantaa paatokset.vantaa.fi.

The search form pk_tek_tweb.htm lists the bodies as `<select name="kirjaamo">` options (ids like
"690" or "102686.000000"); the meeting list comes by POSTing the form (oper=where, kirjaamo,
pvm1, pvm2 as d.m.yyyy) to its action, pk_kokl_tweb.htm; each meeting pk_asil_tweb.htm?+bid=<id>
lists its items, each a PDF at /ktwebbin/ktproxy2.dll?doctype=3&docid=<id>. There is no whole-
minutes file: the minutes are the item PDFs, including the unnumbered cover page
(kansilehti), opening items (järjestäytymispykälät) and appeal instructions (muutoksenhakuohjeet).
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs, urljoin, urlsplit

from pipeline.harvest.base import SiteAdapter, safe_name
from pipeline.harvest.htmlutil import parse_fi_date
from pipeline.harvest.model import BodyRef, DocRef, ItemRef, MeetingRef

SEARCH_PAGE = "pk_tek_tweb.htm"
LIST_PAGE = "pk_kokl_tweb.htm"
_BID = re.compile(r"bid=(\d+)")
_SECTION = re.compile(r"^\s*(\d{1,4})\s*$")


class TwebAdapter(SiteAdapter):
    def __init__(self, source, fetcher) -> None:
        super().__init__(source, fetcher)
        self.search_url = self.base if self.base.lower().endswith(".htm") else urljoin(
            self.base if self.base.endswith("/") else self.base + "/", SEARCH_PAGE)
        self.list_url = urljoin(self.search_url, LIST_PAGE)

    def bodies(self) -> list[BodyRef]:
        page = self.page(self.search_url)
        action = next((f["action"] for f in page.forms if "kokl" in f["action"].lower()), None)
        if action:
            self.list_url = urljoin(self.search_url, action)
        bodies, seen = [], set()
        for select, value, text in page.options:
            if select == "kirjaamo" and value and value not in seen:
                seen.add(value)
                bodies.append(BodyRef(id=value, name=text, url=self.list_url))
        return bodies

    def meetings(self, body: BodyRef, since: dt.date | None) -> list[MeetingRef]:
        form = {"oper": "where", "kirjaamo": body.id, "pvm1": _fi(since) if since else "", "pvm2": ""}
        page = self.page(self.list_url, method="POST", data=form)
        found: list[MeetingRef] = []
        for row in page.rows:
            link = next((lk for lk in row.links if "_asil_tweb" in lk.href.lower()), None)
            if link is None or not (m := _BID.search(link.href)):
                continue
            found.append(MeetingRef(id=m.group(1), body=body.name, date=parse_fi_date(link.text),
                                    url=self.resolve(link.href, self.list_url),
                                    title=row.cells[-1].text if row.cells else None, raw={"status": "minutes"}))
        return [m for m in found if since is None or m.date is None or m.date >= since]

    def items(self, meeting: MeetingRef) -> list[ItemRef]:
        url = meeting.url or ""
        items: list[ItemRef] = []
        for row in self.page(url).rows:
            link = next((lk for lk in row.links if "ktproxy" in lk.href.lower() and "docid=" in lk.href.lower()),
                        None)
            if link is None:
                continue
            docid = _docid(link.href)
            number = next((int(m.group(1)) for c in row.cells if not c.links and (m := _SECTION.match(c.text))),
                          None)
            items.append(ItemRef(id=docid, meeting=meeting, number=number, title=link.text,
                                 url=self.resolve(link.href, url), ordinal=len(items)))
        return items

    def documents(self, node: MeetingRef | ItemRef) -> list[DocRef]:
        if isinstance(node, MeetingRef) or not node.url:
            return []
        prefix = f"{node.ordinal:03d}" + (f"_{node.number}" if node.number is not None else "")
        return [DocRef(url=node.url, file_name=safe_name(f"{prefix}_{node.id}.pdf"), kind="item")]


def _docid(href: str) -> str:
    q = {k.lower(): v[0] for k, v in parse_qs(urlsplit(href).query).items()}
    return q.get("docid", href.rsplit("=", 1)[-1])


def _fi(day: dt.date) -> str:
    return f"{day.day}.{day.month}.{day.year}"
