"""A local drop folder: files put there by hand or by another job (a municipality that e-mails
its minutes). Sub-folders name bodies; files directly in the folder belong to the configured
`body`. A file's meeting date comes from its name, else its modification time.

Dates do not decide what is new here: a file copied in late keeps an old modification time
(`cp -p`, `mv`, an unpacked archive) and an old meeting date in its name. So every file is listed
every night, and the runner takes those whose content (sha256) the database has not seen
(`by_content`); the date cursor of the web systems is not used. A re-dropped identical file is
not taken again, under whatever name; an edited file is a new document."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pipeline.harvest.base import safe_name
from pipeline.harvest.generic import DEFAULT_BODY, body_from_name, date_from_name
from pipeline.harvest.http import FetchError
from pipeline.harvest.model import BodyRef, DocRef, ItemRef, MeetingRef

DOCUMENT_SUFFIXES = (".pdf", ".html", ".htm", ".txt")


def folder_path(url: str) -> Path:
    parts = urlsplit(url)
    return Path(unquote(parts.path)) if parts.scheme == "file" else Path(url)


class FolderAdapter:
    by_content = True  # the runner remembers its files by sha256, not by a date cursor

    def __init__(self, source, fetcher=None) -> None:
        self.source = source
        self.root = folder_path(source.url)

    def bodies(self) -> list[BodyRef]:
        if not self.root.is_dir():
            raise FetchError(str(self.root), "drop folder does not exist")
        bodies = [BodyRef(id=".", name=self.source.body or DEFAULT_BODY)]
        bodies += [BodyRef(id=p.name, name=p.name) for p in sorted(self.root.iterdir())
                   if p.is_dir() and not p.name.startswith(".")]
        return bodies

    def meetings(self, body: BodyRef, since: dt.date | None) -> list[MeetingRef]:
        """Every file of the body; `since` (here only --since or the source's `start`, never a
        cursor) drops files dated before it."""
        folder = self.root if body.id == "." else self.root / body.id
        files = folder.iterdir() if body.id == "." else folder.rglob("*")
        found = []
        for path in sorted(files):
            if not path.is_file() or path.name.startswith(".") or path.suffix.lower() not in DOCUMENT_SUFFIXES:
                continue
            name_body = body_from_name(path.stem) if body.id == "." else None
            date = date_from_name(path.name) or dt.datetime.fromtimestamp(path.stat().st_mtime).date()
            if since is not None and date < since:
                continue
            found.append(MeetingRef(id=path.stem, body=name_body or body.name, date=date, url=path.resolve().as_uri(),
                                    title=path.name, raw={"status": "minutes", "file": path.name}))
        return found

    def items(self, meeting: MeetingRef) -> list[ItemRef]:
        return []

    def documents(self, node: MeetingRef | ItemRef) -> list[DocRef]:
        if isinstance(node, ItemRef) or not node.url:
            return []
        name = node.raw["file"]
        expect = "pdf" if name.lower().endswith(".pdf") else "document"
        return [DocRef(url=node.url, file_name=safe_name(name), kind="minutes", expect=expect)]
