"""Generic sites: one HTML page linking minutes PDFs (small municipalities' own pages).

Each PDF link is one meeting. The body and date come from the link text or file name, in the
common 'Pöytäkirja-<body> - dd.mm.yyyy' form (as CaseM names its files), else the configured
`body`; agendas (Esityslista) are left out since the minutes will follow.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from urllib.parse import unquote, urlsplit

from pipeline.harvest.base import SiteAdapter, safe_name
from pipeline.harvest.dynasty import meeting_status
from pipeline.harvest.htmlutil import parse_fi_date
from pipeline.harvest.model import BodyRef, DocRef, ItemRef, MeetingRef

DEFAULT_BODY = "Muut"
_NAMED = re.compile(r"^(?:pöytäkirja|protokoll|esityslista)[\s_-]+(?P<body>.+?)\s+-\s+\d", re.I)


def body_from_name(name: str) -> str | None:
    m = _NAMED.match(name.strip())
    return m.group("body").strip() if m else None


def date_from_name(name: str) -> dt.date | None:
    return parse_fi_date(name) or parse_fi_date(name.replace("_", ".").replace("-", "."))


class GenericAdapter(SiteAdapter):
    def bodies(self) -> list[BodyRef]:
        return [BodyRef(id="page", name=self.source.body or DEFAULT_BODY, url=self.base)]

    def meetings(self, body: BodyRef, since: dt.date | None) -> list[MeetingRef]:
        found: dict[str, MeetingRef] = {}
        for link in self.page(self.base).links:
            url = self.resolve(link.href, self.base)
            name = unquote(posixpath.basename(urlsplit(url).path))
            host = urlsplit(url).hostname
            if not name.lower().endswith(".pdf") or url in found or (
                    host != urlsplit(self.base).hostname and host not in self.source.allow_hosts):
                continue
            label = f"{link.text} {name}"
            if meeting_status(label) == "agenda":
                continue
            wanted = self.source.bodies
            found_body = body_from_name(link.text) or body_from_name(name) or body.name
            if wanted and found_body not in wanted:
                continue
            found[url] = MeetingRef(id=name.rsplit(".", 1)[0], body=found_body,
                                    date=date_from_name(link.text) or date_from_name(name), url=url,
                                    title=link.text or name, raw={"status": "minutes", "file": name})
        return [m for m in found.values() if since is None or m.date is None or m.date >= since]

    def items(self, meeting: MeetingRef) -> list[ItemRef]:
        return []

    def documents(self, node: MeetingRef | ItemRef) -> list[DocRef]:
        if isinstance(node, ItemRef) or not node.url:
            return []
        return [DocRef(url=node.url, file_name=safe_name(node.raw["file"]), kind="minutes")]
