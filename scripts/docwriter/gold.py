"""The answer key beside each minutes document we write, in the corpus gold format
(../shared/corpus/README.md), built from the same records the renderers print."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from extractors.text.fold import squash_spaces

from .people import Person


def section(kind: str, heading: str | None, paragraphs: Iterable[str], **extra: object) -> dict:
    """A section as printed: its kind, heading and paragraphs as one spaced text (``extra``: page, handling)."""
    return {"kind": kind, "heading_raw": heading, "text": squash_spaces(" ".join(paragraphs)), **extra}


def item(number: int | None, title: str, diary: str | None, history: Iterable[str], sections: list[dict],
         roles: list[dict], outcome: str, decision: Iterable[str] | None, recusals: Iterable[dict],
         votes: Iterable[dict], pages: list[int] | None = None) -> dict:
    """An item; ``decision`` the paragraphs of its own Päätös (None: it has none), ``pages`` [first, last]."""
    entry = {"section_number": number, "title": squash_spaces(title), "diary_number": diary,
             "history": list(history), "sections": sections, "roles": roles,
             "decision": {"outcome": outcome, "text": squash_spaces(" ".join(decision)) if decision is not None
                          else None},
             "recusals": [dict(r) for r in recusals], "votes": [dict(v) for v in votes]}
    if pages is not None:
        entry["page_start"], entry["page_end"] = pages
    return entry


def meeting(body: str, date: dt.date, number: str, place: str | None, start: str | None, end: str | None,
            attendees: Iterable[Person]) -> dict:
    """The meeting; times as 'hh:mm' whatever the document prints ('17.00')."""
    return {"body": body, "date": date.isoformat(), "number": number, "place": place,
            "start": start.replace(".", ":") if start else None, "end": end.replace(".", ":") if end else None,
            "attendees": [p.attendee() for p in attendees]}


def minutes(file: str, layout: str, layout_name: str, language: str, municipality: str, municipality_code: str,
            meeting: dict, items: list[dict], pages: int | None, **extra: object) -> dict:
    """The whole answer key of a born-digital minutes document (``extra``: e.g. the variant's features)."""
    return {"file": file, "layout": layout, "layout_name": layout_name, "base_layout": None, "kind": "minutes",
            "language": language, "municipality": municipality, "municipality_code": municipality_code,
            "needs_ocr": False, "ocr_damaged_text_layer": False, "meeting": meeting, "pages": pages,
            "items": items, **extra}
