"""Helsinki Ahjo API JSON -> records: the one reader of that JSON, for `minutes ingest` and the harvest.

The shape is told by content (`ahjo_shape`), never by file name: a `decisions` list whose entries
carry `NativeId` and decision HTML (`Content`), a `meetings` list with `MeetingID`, or the harvest's
own `{"meeting": ..., "decisions": [...]}`. Each decision is one item: of its meeting when it has
one (body, date and § from the API), else of its decision maker (an office holder decides without
a meeting, so `meeting_id` is NULL and the body is the office). Sections, roles, outcome and
recusals come from the decision HTML through the same chain as any HTML page; votes come from the
structured `VotingResults` when the API gives them, else from the text.

Ahjo publishes a decision once per language: versions with the same decision maker, § and case are
one item, in the document's main language, and the other versions become `item_translations`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from dataclasses import replace

from extractors import records as R
from extractors.municipality import detect_language, recognise_municipality
from extractors.vocab import ATTENDEE_ROLES

_NUMBER = re.compile(r"(\d{1,4})")
# item-level records read from a decision's HTML: re-keyed to the API's item
_ITEM_ROWS = (R.ItemHistory, R.ItemSection, R.ItemRole, R.Decision, R.Vote, R.Recusal)


def ahjo_shape(data: bytes) -> tuple[str, dict] | None:
    """('decisions' | 'meetings' | 'meeting', payload) when the bytes are Ahjo API JSON, else None."""
    head = data[:64].lstrip()
    if not head.startswith((b"{", b"\xef\xbb\xbf{")):
        return None
    try:
        payload = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(payload, dict):
        return None

    def entries(key: str, marker: str) -> bool:
        value = payload.get(key, [])
        return isinstance(value, list) and all(isinstance(e, dict) and marker in e for e in value)

    meeting = payload.get("meeting")
    if isinstance(meeting, dict) and "MeetingID" in meeting and entries("decisions", "NativeId"):
        return "meeting", payload
    if payload.get("decisions") and entries("decisions", "NativeId") and entries("decisions", "Content"):
        return "decisions", payload
    if payload.get("meetings") and entries("meetings", "MeetingID"):
        return "meetings", payload
    return None


def role_norm(role: str | None) -> str | None:
    if not role:
        return None
    key = re.sub(r"^\d+\.\s*", "", role.strip().lower())
    return ATTENDEE_ROLES.get(key, "muu")


def section_number(value: object) -> int | None:
    m = _NUMBER.search(str(value or ""))
    return int(m.group(1)) if m else None


def _voter_name(voter: dict) -> str:
    name = voter.get("Name") or ""
    if "," in name:  # 'Bogomoloff, Harry' -> 'Harry Bogomoloff'
        last, first = (p.strip() for p in name.split(",", 1))
        name = f"{first} {last}".strip()
    return name


def structured_votes(decision: dict, item_id: str, doc_id: str) -> list[R.Vote]:
    """VotingResults (Ayes / Noes / Blank / Absent with counts and voters) as vote rows."""
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


def _when(meeting: dict) -> dt.datetime | None:
    return dt.datetime.fromisoformat(meeting["DateMeeting"]) if meeting.get("DateMeeting") else None


class _Reader:
    """Collects the rows of one Ahjo JSON document."""

    def __init__(self, doc_id: str, municipality: str, code: str | None) -> None:
        self.doc_id, self.municipality, self.code = doc_id, municipality, code
        self.rows: list = []
        self.meetings: dict[str, str] = {}  # Ahjo MeetingID -> meeting_id
        self.items: dict[str, list[R.AgendaItem]] = {}  # meeting_id -> its items
        self.errors: list[R.IngestError] = []

    def meeting(self, meeting: dict) -> str:
        key = str(meeting.get("MeetingID") or meeting.get("Name"))
        if key in self.meetings:
            return self.meetings[key]
        body = meeting.get("DecisionMaker") or meeting.get("Name")
        when = _when(meeting)
        # the document in the id, as for minutes: the same meeting read from two documents is two rows
        # until `pipeline.supersede` points the replaced one at the one that wins
        meeting_id = f"{self.municipality}/{body}/{when.date() if when else None}/{self.doc_id[:8]}"
        self.meetings[key] = meeting_id
        self.items[meeting_id] = []
        self.rows.append(R.Meeting(
            meeting_id=meeting_id, doc_id=self.doc_id, municipality=self.municipality,
            municipality_code=self.code, body=body, meeting_date=when.date() if when else None,
            number=str(meeting.get("MeetingSequenceNumber") or "") or None, place=meeting.get("Location"),
            start_time=when.strftime("%H:%M") if when else None, end_time=None))
        for ordinal, person in enumerate(meeting.get("Composition") or [], start=1):
            deputy = person.get("DeputyOf")
            self.rows.append(R.Attendee(
                meeting_id=meeting_id, doc_id=self.doc_id, ordinal=ordinal, name=person.get("Name") or "",
                role=person.get("Role"), role_norm=role_norm(person.get("Role")),
                note=f"varalla: {deputy}" if deputy else None))
        for agenda in meeting.get("Agenda") or []:
            point = agenda.get("AgendaPoint") or len(self.items[meeting_id]) + 1
            self.add_item(meeting_id, body, when.date() if when else None, section_number(agenda.get("Section")),
                          agenda.get("AgendaItem") or "", f"#{point}")
        return meeting_id

    def add_item(self, meeting_id: str | None, body: str | None, date: dt.date | None, section: int | None,
                 title: str, fallback: str, base: str | None = None) -> R.AgendaItem:
        items = self.items.setdefault(meeting_id or "", [])
        suffix = f"§{section}" if section is not None else fallback
        item_id, k = f"{base or meeting_id}/{suffix}", 1
        while any(i.item_id == item_id for i in items):  # repeated points: keep ids unique
            k += 1
            item_id = f"{base or meeting_id}/{suffix}-{k}"
        item = R.AgendaItem(item_id=item_id, doc_id=self.doc_id, meeting_id=meeting_id,
                            municipality=self.municipality, body=body, meeting_date=date, section_number=section,
                            title=title, diary_number=None, page_start=None, page_end=None, ordinal=len(items))
        items.append(item)
        return item

    def item_for(self, decision: dict, meeting_id: str | None) -> R.AgendaItem:
        """The agenda item a decision belongs to (by §, else by title), or a new one."""
        section, title = section_number(decision.get("Section")), (decision.get("Title") or "").strip()
        case = printed_diary_number(decision)
        if meeting_id is None:  # an office holder's decision: the office is the body
            body = (decision.get("Organization") or {}).get("Name")
            base = f"{self.municipality}/{body}/{decision.get('CaseIDLabel') or decision['NativeId']}/{self.doc_id[:8]}"
            item = self.add_item(None, body, None, section, title, "#", base=base)
            return self._update(item, None, diary_number=case)
        items = self.items[meeting_id]
        item = next((i for i in items if section is not None and i.section_number == section), None)
        item = item or next((i for i in items if title and i.section_number is None and i.title
                             and title.casefold() in i.title.casefold()), None)
        if item is None:
            meeting_row = next(r for r in self.rows if isinstance(r, R.Meeting) and r.meeting_id == meeting_id)
            item = self.add_item(meeting_id, meeting_row.body, meeting_row.meeting_date, section, title,
                                 f"#{len(items) + 1}")
        elif item.section_number is None and section is not None and not any(
                i.item_id == f"{meeting_id}/§{section}" for i in items):
            item = self._update(item, meeting_id, section_number=section, item_id=f"{meeting_id}/§{section}")
        return self._update(item, meeting_id, diary_number=case or item.diary_number, title=item.title or title)

    def _update(self, item: R.AgendaItem, meeting_id: str | None, **changes) -> R.AgendaItem:
        items = self.items[meeting_id or ""]
        fixed = replace(item, **changes)
        items[items.index(item)] = fixed
        return fixed


def _read_html(data: bytes, name: str) -> R.Extraction:
    from extractors.chain import extract_minutes  # the HTML chain (it imports this module's caller)
    from extractors.document import Source

    return extract_minutes(data, "html", Source(name, name))


def printed_diary_number(decision: dict) -> str | None:
    """The diary number as the decision page prints it: the case id and its filing class
    ('HEL 2021-000123 T 00 01 00'; the API gives them apart as CaseIDLabel and ClassificationCode),
    so that the harvested and the parsed page agree."""
    case = (decision.get("CaseIDLabel") or "").strip()
    if not case:
        return None
    filing = (decision.get("ClassificationCode") or "").strip()
    return f"{case} T {filing}" if filing else case


def _content_rows(decision: dict, item_id: str, doc_id: str) -> tuple[list, list[str], str | None]:
    """Item-level rows of one decision's HTML, re-keyed to `item_id`, the errors met reading it, and
    the diary number the page prints ('HEL 2016-005582 T 10 06 00') for decisions whose
    `CaseIDLabel` the API leaves empty."""
    content = decision.get("Content") or ""
    if not content.strip():
        return [], [], None
    ext = _read_html(content.encode("utf-8"), f"{decision.get('NativeId')}.html")
    diary = next((r.diary_number for r in ext.of(R.AgendaItem) if r.diary_number), None)
    out: list = []
    decided = False
    for row in ext.rows:
        if not isinstance(row, _ITEM_ROWS):
            continue
        if isinstance(row, R.Decision):
            if decided:  # a decision page is one item: one decision
                continue
            decided = True
        out.append(replace(row, item_id=item_id, doc_id=doc_id))
    return out, [f"{e.stage}: {e.message}" for e in ext.of(R.IngestError)], diary


def _version_key(decision: dict) -> tuple:
    """Language versions of one decision share decision maker, § and case (each has its own NativeId)."""
    meeting = decision.get("Meeting") or {}
    maker = meeting.get("MeetingID") or (decision.get("Organization") or {}).get("ID") or decision.get("NativeId")
    case = decision.get("CaseIDLabel")
    if decision.get("Section") in (None, "") and not case:
        return ("id", decision.get("NativeId"))
    return (maker, section_number(decision.get("Section")), case)


def _language(decision: dict) -> str:
    """A version's language: Ahjo may print a Swedish version's title over Finnish text and headings,
    so a Swedish title (or text) makes it Swedish."""
    text = re.sub(r"<[^>]+>", " ", decision.get("Content") or "")
    verdicts = (detect_language(decision.get("Title") or ""), detect_language(text))
    return "sv" if "sv" in verdicts else "fi"


def _plain(sections: list[R.ItemSection]) -> str:
    return "\n\n".join(f"{s.heading_raw}\n{s.text}" if s.heading_raw else s.text for s in sections)


def extract_ahjo(shape: str, payload: dict, doc_id: str, source: str, file_name: str, municipality: str | None,
                 code: str | None) -> R.Extraction:
    """Every meeting, item, section, decision and vote of one Ahjo JSON document (see `ahjo_shape`)."""
    meetings = [payload["meeting"]] if shape == "meeting" else payload.get("meetings") or []
    meetings = [m for m in meetings if isinstance(m, dict) and m.get("MeetingID")]
    decisions = [d for d in payload.get("decisions") or [] if isinstance(d, dict)]
    languages = {d.get("NativeId"): _language(d) for d in decisions}
    main_language = Counter(languages.values()).most_common(1)[0][0] if languages else "fi"
    if municipality is None or code is None:  # read from the decisions themselves (links, addresses)
        sample = "\n".join(re.sub(r"<[^>]+>", " ", d.get("Content") or "") for d in decisions[:20])
        sample += "\n" + json.dumps(meetings[:5], ensure_ascii=False)[:20000]
        municipality, code = recognise_municipality(sample, file_name, municipality)
    reader = _Reader(doc_id, municipality or "x", code)
    for meeting in meetings:
        reader.meeting(meeting)
    versions: dict[tuple, list[dict]] = {}
    for decision in decisions:
        versions.setdefault(_version_key(decision), []).append(decision)
    for group in versions.values():
        group.sort(key=lambda d: languages[d.get("NativeId")] != main_language)  # main language first
        decision, others = group[0], group[1:]
        own = payload["meeting"] if shape == "meeting" and payload["meeting"].get("MeetingID") else None
        own = own or decision.get("Meeting")
        meeting_id = reader.meeting(own) if own else None  # none: an office holder's decision
        item = reader.item_for(decision, meeting_id)
        rows, errors, diary = _content_rows(decision, item.item_id, doc_id)
        if diary and not item.diary_number:
            item = reader._update(item, meeting_id, diary_number=diary)
        if decision.get("VotingResults"):
            rows = [r for r in rows if not isinstance(r, R.Vote)] + structured_votes(decision, item.item_id, doc_id)
        reader.rows.extend(rows)
        reader.errors.extend(R.IngestError(doc_id=doc_id, stage=f"decision {decision.get('NativeId')}", message=e)
                             for e in errors)
        for other in others:
            text_rows, _, _ = _content_rows(other, item.item_id, doc_id)
            reader.rows.append(R.ItemTranslation(
                item_id=item.item_id, doc_id=doc_id, language=languages[other.get("NativeId")],
                title=(other.get("Title") or "").strip() or None,
                text=_plain([r for r in text_rows if isinstance(r, R.ItemSection)]),
                source_id=other.get("NativeId")))
    items = [i for group in reader.items.values() for i in group]
    rows = [r for r in reader.rows if isinstance(r, (R.Meeting, R.Attendee))] + items + \
        [r for r in reader.rows if not isinstance(r, (R.Meeting, R.Attendee))]
    status = "ok" if items and not reader.errors else "partial"
    error = "; ".join(f"{e.stage}: {e.message}" for e in reader.errors)[:2000] or None
    if not items:
        error = error or "no meetings or decisions in the Ahjo JSON"
        reader.errors.append(R.IngestError(doc_id=doc_id, stage="ahjo", message=error))
    doc = R.Document(doc_id=doc_id, source=source, file_name=file_name, municipality=municipality,
                     municipality_code=code, kind="minutes", language=main_language, pages=None, ocr=False,
                     ocr_repaired=False, status=status, error=error, source_format="ahjo-json",
                     meeting_count=sum(isinstance(r, R.Meeting) for r in rows), item_count=len(items))
    return R.Extraction(document=doc, rows=rows + reader.errors)
