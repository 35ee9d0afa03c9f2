"""The records adapters pass around, and the `Adapter` protocol every publishing system implements.

References, not content: a `MeetingRef` says where a meeting is and when it was held; the runner
decides what to fetch. `raw` carries what the listing already told us (an API's JSON object, a
page's hidden comment fields), so an adapter need not fetch the same thing twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

DocKind = Literal["minutes", "agenda", "item", "attachment", "api"]
Expect = Literal["pdf", "html", "json", "document"]


@dataclass(frozen=True)
class BodyRef:
    """A decision-making body (toimielin) as the system names it."""

    id: str
    name: str
    url: str | None = None
    last_meeting: dt.date | None = None  # when the listing tells it: lets the runner skip idle bodies


@dataclass(frozen=True)
class MeetingRef:
    id: str
    body: str
    date: dt.date | None
    url: str | None = None
    title: str | None = None
    raw: Any = field(default=None, compare=False, hash=False)


@dataclass(frozen=True)
class ItemRef:
    """One agenda item (asia / pykälä) as listed by the system; `number` is the § number if any."""

    id: str
    meeting: MeetingRef
    number: int | None
    title: str
    url: str | None = None
    ordinal: int = 0
    raw: Any = field(default=None, compare=False, hash=False)


@dataclass(frozen=True)
class DocRef:
    """A file to fetch (url) or already in hand (inline: an API response)."""

    url: str
    file_name: str
    kind: DocKind
    expect: Expect = "pdf"
    inline: bytes | None = field(default=None, compare=False, hash=False)
    method: str = "GET"


class Adapter(Protocol):
    """What every publishing system offers. `documents` takes a meeting (whole-meeting files such
    as the signed minutes PDF) or an item (per-item files); the runner prefers the former."""

    def bodies(self) -> list[BodyRef]: ...

    def meetings(self, body: BodyRef, since: dt.date | None) -> list[MeetingRef]: ...

    def items(self, meeting: MeetingRef) -> list[ItemRef]: ...

    def documents(self, node: MeetingRef | ItemRef) -> list[DocRef]: ...
