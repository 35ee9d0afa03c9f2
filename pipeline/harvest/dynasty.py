"""Dynasty (Innofactor / Documenta) publishing: the static tree and the newer DREQUEST.PHP pages.

Static tree (e.g. Espoo, espoo04.hosting.documenta.fi/kokous/): TELIMET.HTM lists the bodies,
each `<!--TIETUE:TELIN-<id>-->` record followed by the body name in a comment and the date of its
latest meeting; TELIN-<id>.HTM lists meetings as `<!--TIETUE:<id>-->` records with the date
(`<!--2017-05-08-->`) and file (`<!--2017406946.HTM-->`) in comments; <meeting>.HTM links the
whole minutes as <meeting>.PDF and the items as <meeting>-<n>.HTM, whose pages link
<meeting>-<n>.PDF (the item) and <meeting>-<n>-<k>.PDF (attachments).

Newer installs serve the same tree from /cgi/DREQUEST.PHP?page=meeting_handlers | meetings&id= |
meeting&id= | meetingitem&id=<meeting>-<n>; the RSS feed page=rss/meetingitems lists new items.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from html import unescape
from urllib.parse import parse_qs, urljoin, urlsplit

from pipeline.harvest.base import SiteAdapter, safe_name
from pipeline.harvest.htmlutil import parse_fi_date, squash
from pipeline.harvest.model import BodyRef, DocRef, ItemRef, MeetingRef

_RECORD = re.compile(r"<!--\s*TIETUE:\s*([^>\s]+?)\s*-->(.*?)(?=<!--\s*TIETUE|<!--\s*DATA_END|\Z)", re.S)
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_HREF = re.compile(r"""<a\s[^>]*href\s*=\s*["']([^"']+)["'][^>]*>(.*?)</a>""", re.S | re.I)
_TAGS = re.compile(r"<[^>]+>")
_NUMBER = re.compile(r"^\s*(\d{1,4})\b")
MINUTES_WORDS = ("pöytäkirja", "protokoll")
AGENDA_WORDS = ("esityslista", "föredragningslista")


def meeting_status(text: str) -> str | None:
    """'minutes' | 'agenda' | None from a listing's link text ('Pöytäkirja', 'Esityslista')."""
    low = text.lower()
    if any(w in low for w in MINUTES_WORDS):
        return "minutes"
    if any(w in low for w in AGENDA_WORDS):
        return "agenda"
    return None


def _records(html: str) -> list[tuple[str, list[str], list[tuple[str, str]], str]]:
    """Each TIETUE record: (id, its comments, its links (href, text), its visible text)."""
    out = []
    for m in _RECORD.finditer(html):
        chunk = m.group(2)
        comments = [squash(unescape(c)) for c in _COMMENT.findall(chunk)]  # 'Ymp&auml;rist&ouml;...'

        links = [(unescape(h), squash(unescape(_TAGS.sub("", t)))) for h, t in _HREF.findall(chunk)]
        text = squash(unescape(_TAGS.sub(" ", _COMMENT.sub(" ", chunk))))
        out.append((m.group(1), [c for c in comments if c and c != "TIETUE"], links, text))
    return out


class DynastyAdapter(SiteAdapter):
    def __init__(self, source, fetcher) -> None:
        super().__init__(source, fetcher)
        self.dynamic = "DREQUEST.PHP" in source.url.upper()
        if not self.dynamic and not self.base.endswith("/") and not self.base.upper().endswith(".HTM"):
            self.base += "/"

    # --- bodies -------------------------------------------------------------------------------

    def bodies(self) -> list[BodyRef]:
        if self.dynamic:
            return self._dynamic_bodies()
        url = self.base if self.base.upper().endswith(".HTM") else urljoin(self.base, "TELIMET.HTM")
        html = self.text(url)
        bodies = []
        for rid, comments, links, text in _records(html):
            if not rid.upper().startswith("TELIN-"):
                continue
            href = next((h for h, _ in links if rid.upper() in h.upper()), f"{rid}.HTM")
            name = comments[0] if comments else next((t for h, t in links if rid.upper() in h.upper()), rid)
            bodies.append(BodyRef(id=rid.split("-", 1)[1], name=name, url=self.resolve(href, url),
                                  last_meeting=parse_fi_date(text)))
        return bodies

    def _dynamic_bodies(self) -> list[BodyRef]:
        url = self._dynamic_url("meeting_handlers")
        bodies, seen = [], set()
        for link in self.page(url).links:
            q = _query(link.href)
            if q.get("page") == "meetings" and q.get("id") and q["id"] not in seen and link.text:
                seen.add(q["id"])
                bodies.append(BodyRef(id=q["id"], name=link.text, url=self.resolve(link.href, url)))
        return bodies

    # --- meetings -----------------------------------------------------------------------------

    def meetings(self, body: BodyRef, since: dt.date | None) -> list[MeetingRef]:
        if self.dynamic:
            found = self._dynamic_meetings(body)
        else:
            url = body.url or urljoin(self.base, f"TELIN-{body.id}.HTM")
            found = []
            for rid, comments, links, text in _records(self.text(url)):
                date = next((d for c in comments if (d := _iso(c))), None) or parse_fi_date(text)
                file = next((c for c in comments if c.upper().endswith((".HTM", ".HTML"))), f"{rid}.HTM")
                link_text = next((t for h, t in links if posixpath.basename(h).upper() == file.upper()), "")
                found.append(MeetingRef(id=rid, body=body.name, date=date, url=self.resolve(file, url),
                                        title=link_text or None, raw={"status": meeting_status(link_text)}))
        return [m for m in found if since is None or m.date is None or m.date >= since]

    def _dynamic_meetings(self, body: BodyRef) -> list[MeetingRef]:
        url = body.url or self._dynamic_url("meetings", body.id)
        page = self.page(url)
        found, seen = [], set()
        for row in page.rows:
            for link in row.links:
                q = _query(link.href)
                if q.get("page") == "meeting" and q.get("id") and q["id"] not in seen:
                    seen.add(q["id"])
                    found.append(MeetingRef(id=q["id"], body=body.name,
                                            date=parse_fi_date(link.text) or parse_fi_date(row.text),
                                            url=self.resolve(link.href, url), title=link.text,
                                            raw={"status": meeting_status(row.text)}))
        return found

    # --- items and documents ------------------------------------------------------------------

    def items(self, meeting: MeetingRef) -> list[ItemRef]:
        page = self.page(meeting.url or "")
        items: list[ItemRef] = []
        for row in page.rows:
            for link in row.links:
                item_id = self._item_id(link.href, meeting.id)
                if item_id is None or any(i.id == item_id for i in items):
                    continue
                number = next((int(m.group(1)) for c in row.cells if (m := _NUMBER.match(c.text))
                               and not c.links), None)
                items.append(ItemRef(id=item_id, meeting=meeting, number=number, title=link.text,
                                     url=self.resolve(link.href, meeting.url or self.base), ordinal=len(items)))
        return items

    def _item_id(self, href: str, meeting_id: str) -> str | None:
        if self.dynamic:
            q = _query(href)
            return q["id"] if q.get("page") == "meetingitem" and q.get("id") else None
        name = posixpath.basename(urlsplit(href).path).upper()
        m = re.fullmatch(rf"({re.escape(meeting_id.upper())}-\d+)\.HTML?", name)
        return m.group(1) if m else None

    def documents(self, node: MeetingRef | ItemRef) -> list[DocRef]:
        url = node.url or ""
        own = node.id if isinstance(node, ItemRef) else node.id
        docs = []
        for link in self.page(url).links:
            href = self.resolve(link.href, url)
            name = posixpath.basename(urlsplit(href).path)
            if not _is_pdf(href):
                continue
            stem = name.rsplit(".", 1)[0].upper()
            if stem == own.upper() or (self.dynamic and own.upper() in href.upper() and "pdf" in href.lower()):
                kind = "item" if isinstance(node, ItemRef) else "minutes"
                if not any(d.url == href for d in docs):
                    docs.append(DocRef(url=href, file_name=safe_name(name or f"{own}.pdf"), kind=kind))
            elif self.source.attachments and isinstance(node, ItemRef) and stem.startswith(own.upper() + "-"):
                docs.append(DocRef(url=href, file_name=safe_name(name), kind="attachment"))
        return docs

    def _dynamic_url(self, page: str, ident: str | None = None) -> str:
        base = self.base.split("?", 1)[0]
        return f"{base}?page={page}" + (f"&id={ident}" if ident else "")


def _query(href: str) -> dict[str, str]:
    return {k.lower(): v[0] for k, v in parse_qs(urlsplit(href).query).items()}


def _iso(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return None


def _is_pdf(href: str) -> bool:
    parts = urlsplit(href)
    return parts.path.lower().endswith(".pdf") or "format=pdf" in parts.query.lower()
