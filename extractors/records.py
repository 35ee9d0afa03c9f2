"""Records, defined once: what extractors return and what the loader writes.

Each table record names its DuckDB table in ``TABLE``; `pipeline/schema.py` holds the DDL with the
same columns and `tests/test_schema.py` checks that the three (records, DDL, docs/schema.md) agree.
Layout records (`Segment`, `Line`) are the common text form every input is turned into, so that
segmentation works the same on PDF text, OCR output, HTML and plain text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import ClassVar

# --- layout: the text form shared by all inputs -------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """A run of text on one line, with its horizontal extent in points (PDF) or a column slot (HTML)."""

    x0: float
    x1: float
    text: str


@dataclass(frozen=True)
class Line:
    """One visual line of a page. ``page`` is 1-based; ``y`` grows downwards from the page top."""

    page: int
    y: float
    x0: float
    text: str
    segments: tuple[Segment, ...] = ()
    height: float = 0.0


@dataclass(frozen=True)
class PageText:
    """The lines of one page plus its size; ``ocr`` tells that the lines came from Tesseract. ``columns``:
    on a page set in two text columns, the regions (x0, top, x1, bottom) read one after another, in
    reading order (the lines are in that order too); empty on an ordinary page."""

    number: int
    lines: tuple[Line, ...]
    width: float = 0.0
    height: float = 0.0
    ocr: bool = False
    columns: tuple[tuple[float, float, float, float], ...] = ()


# --- table records -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Document:
    TABLE: ClassVar[str] = "documents"
    doc_id: str
    source: str
    file_name: str
    municipality: str | None
    municipality_code: str | None
    kind: str  # minutes | agenda | goals | followup | other
    language: str | None  # fi | sv
    pages: int | None
    ocr: bool
    ocr_repaired: bool
    status: str  # ok | partial | failed
    error: str | None
    ingested_at: dt.datetime | None = None
    source_format: str | None = None  # pdf | pdf+casem-html | html | text
    meeting_count: int = 0
    item_count: int = 0


@dataclass(frozen=True)
class Meeting:
    TABLE: ClassVar[str] = "meetings"
    meeting_id: str
    doc_id: str
    municipality: str | None
    municipality_code: str | None
    body: str | None
    meeting_date: dt.date | None
    number: str | None
    place: str | None
    start_time: str | None
    end_time: str | None
    replaced_by: str | None = None  # set by the pipeline: the meeting row of the document that wins


@dataclass(frozen=True)
class Attendee:
    TABLE: ClassVar[str] = "attendees"
    meeting_id: str
    doc_id: str
    ordinal: int
    name: str
    role: str | None  # as printed
    role_norm: str | None  # puheenjohtaja|varapuheenjohtaja|jasen|varajasen|esittelija|poytakirjanpitaja|muu
    title: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class AgendaItem:
    TABLE: ClassVar[str] = "agenda_items"
    item_id: str
    doc_id: str
    meeting_id: str | None
    municipality: str | None
    body: str | None
    meeting_date: dt.date | None
    section_number: int | None
    title: str | None
    diary_number: str | None
    page_start: int | None
    page_end: int | None
    ordinal: int = 0
    replaced_by: str | None = None  # set by the pipeline: the item of the document that wins


@dataclass(frozen=True)
class ItemHistory:
    TABLE: ClassVar[str] = "item_history"
    item_id: str
    doc_id: str
    ordinal: int
    ref: str
    body: str | None = None  # the body of that handling (as in the page's table, else as printed)
    meeting_date: dt.date | None = None
    section_number: int | None = None
    outcome: str | None = None  # what that handling decided (outcome vocabulary), when printed
    page: int | None = None  # page where that handling's sections start


@dataclass(frozen=True)
class ItemSection:
    TABLE: ClassVar[str] = "item_sections"
    item_id: str
    doc_id: str
    ordinal: int
    kind: str
    heading_raw: str | None
    text: str
    page: int | None
    text_raw: str | None = None  # the text before OCR repair, when repair changed it
    handling: str | None = None  # history ref when the section belongs to an earlier handling


@dataclass(frozen=True)
class AppealInstruction:
    """Appeal instructions printed after the last item: they belong to the meeting, each block
    with the § numbers it names ('Oikaisuvaatimus' over '§121, §122')."""

    TABLE: ClassVar[str] = "appeal_instructions"
    meeting_id: str | None
    doc_id: str
    ordinal: int
    heading_raw: str | None
    section_numbers: tuple[int, ...]
    text: str
    page: int | None = None


@dataclass(frozen=True)
class ItemTranslation:
    """Another language's version of an item (Helsinki publishes Finnish and Swedish): one item,
    decided once, with the other version's title and text kept here."""

    TABLE: ClassVar[str] = "item_translations"
    item_id: str
    doc_id: str
    language: str  # fi | sv
    title: str | None
    text: str
    source_id: str | None = None  # the version's own id at the publisher (Ahjo NativeId)


@dataclass(frozen=True)
class ItemRole:
    TABLE: ClassVar[str] = "item_roles"
    item_id: str
    doc_id: str
    role: str  # valmistelija | esittelija
    name: str | None
    title: str | None
    email: str | None
    phone: str | None = None
    page: int | None = None  # page of the section the person was read from


@dataclass(frozen=True)
class Decision:
    TABLE: ClassVar[str] = "decisions"
    item_id: str
    doc_id: str
    outcome: str
    text: str
    page: int | None = None  # page of the paatos section


@dataclass(frozen=True)
class Vote:
    TABLE: ClassVar[str] = "votes"
    item_id: str
    doc_id: str
    ordinal: int
    jaa: int | None
    ei: int | None
    tyhja: int | None
    poissa: int | None
    jaa_names: tuple[str, ...] = ()
    ei_names: tuple[str, ...] = ()
    tyhja_names: tuple[str, ...] = ()
    counts_match: bool | None = None  # do the counts equal the number of names printed?
    text: str | None = None
    page: int | None = None  # page of the sentence the vote was read from


@dataclass(frozen=True)
class Recusal:
    TABLE: ClassVar[str] = "recusals"
    item_id: str
    doc_id: str
    name: str
    role: str | None
    note: str | None
    replaced_by: str | None = None
    page: int | None = None  # page of the sentence the recusal was read from


@dataclass(frozen=True)
class SectionTerm:
    """A search term of one section (`extractors/text/terms.py`): a baseform or compound part."""

    TABLE: ClassVar[str] = "section_terms"
    item_id: str
    doc_id: str
    ordinal: int  # the section's ordinal in item_sections
    term: str
    tf: int  # occurrences of the term in the section
    surface: str  # the first word in the section that stands for the term, lower-cased


@dataclass(frozen=True)
class TextRepair:
    TABLE: ClassVar[str] = "text_repairs"
    doc_id: str
    page: int | None
    original: str
    repaired: str
    method: str
    score: float | None


@dataclass(frozen=True)
class DocumentPage:
    """Where each page's text came from, so a few scanned pages in a born-digital PDF are told
    apart from a scanned document."""

    TABLE: ClassVar[str] = "document_pages"
    doc_id: str
    page: int
    text_source: str  # text | ocr
    chars: int  # characters of text read from the page


@dataclass(frozen=True)
class Goal:
    TABLE: ClassVar[str] = "goals"
    goal_id: str
    doc_id: str
    item_id: str | None
    municipality: str | None
    municipality_code: str | None
    body: str | None
    period_start: int | None
    period_end: int | None
    unit: str | None
    binding: str | None  # valtuusto | lautakunta | None
    strategy_area: str | None
    ordinal: int | None
    text: str
    theme: str | None
    page: int | None = None  # page where the goal is written


@dataclass(frozen=True)
class GoalAction:
    TABLE: ClassVar[str] = "goal_actions"
    goal_id: str
    doc_id: str
    ordinal: int
    text: str
    page: int | None = None  # page of its goal


@dataclass(frozen=True)
class GoalMetric:
    TABLE: ClassVar[str] = "goal_metrics"
    goal_id: str
    doc_id: str
    ordinal: int
    text: str
    kind: str | None  # kylla_ei | lukumaara | trendi | muu
    target: str | None
    page: int | None = None  # page of its goal
    baseline: str | None = None  # Lähtötaso / Nykyarvo as printed in a goal table


@dataclass(frozen=True)
class FollowUp:
    TABLE: ClassVar[str] = "followups"
    row_id: str
    doc_id: str
    municipality: str | None
    municipality_code: str | None
    year: int | None
    strategy_area: str | None
    goal: str | None
    action: str | None
    metric: str | None
    status: str | None  # toteutunut | osittain | ei_toteutunut | None
    status_source: str | None  # color | digit | text | symbol | None
    comment: str | None
    page: int | None
    goal_id: str | None = None
    link_score: float | None = None
    body: str | None = None
    ordinal: int = 0
    unit: str | None = None  # tulosalue / tehtäväalue or the company the block sits under
    company: str | None = None  # the subsidiary company, when the block belongs to one
    current_value: str | None = None  # Nykyarvo as printed
    target_value: str | None = None  # Tavoitearvo as printed
    actual_value: str | None = None  # Toteuma-arvo as printed
    status_conflict: bool = False  # the colour says one status, the text another


@dataclass(frozen=True)
class BudgetLine:
    TABLE: ClassVar[str] = "budget_lines"
    line_id: str
    doc_id: str
    municipality: str | None
    municipality_code: str | None
    year: int | None  # the column's year (TP 2023 -> 2023), else the document's budget year
    unit: str | None  # the body or tulosalue the table belongs to
    line: str  # the row label as printed ('Toimintatuotot', 'Kh on alittanut raamin')
    line_norm: str | None  # toimintatuotot | toimintakulut | toimintakate | ... | None
    budget_column: str | None  # tp | ta | raami | ero_raamiin | alkuperainen | muutos | yhteensa | toteutuma | ...
    column_raw: str | None  # the printed column header ('Raami 2025')
    amount: float | None  # euros, sign as printed
    page: int | None
    decision: str | None = None  # council decision on a change, as printed ('Kv 9.12. §98')
    ordinal: int = 0


@dataclass(frozen=True)
class DecisionEntity:
    """An organisation, person or place (spaCy's Finnish model) or a euro amount or date (rules)
    named in a proposal or decision section; written by `minutes enrich`, not by ingest."""

    TABLE: ClassVar[str] = "decision_entities"
    item_id: str
    doc_id: str
    section_ordinal: int  # the section's ordinal in item_sections
    section_kind: str  # paatosehdotus | paatos
    ordinal: int  # order within the section
    kind: str  # org | person | place | money | date
    text: str  # as printed
    value: str | None  # normalised: a name in the nominative, euros as a number, an ISO date
    start: int  # character offset in the section's text
    page: int | None  # page on which the section starts
    method: str  # model | rule
    amount: float | None = None  # money: euros
    day: dt.date | None = None  # date: the day


@dataclass(frozen=True)
class EnrichedItem:
    """An item whose sections `minutes enrich` has read, so that a re-run skips it."""

    TABLE: ClassVar[str] = "enriched_items"
    item_id: str
    doc_id: str
    model: str  # the spaCy model and its version
    entities: int
    enriched_at: dt.datetime | None = None


@dataclass(frozen=True)
class IngestError:
    TABLE: ClassVar[str] = "ingest_errors"
    doc_id: str
    stage: str
    message: str


TABLE_RECORDS: tuple[type, ...] = (
    Document, Meeting, Attendee, AgendaItem, ItemHistory, ItemSection, ItemTranslation, AppealInstruction,
    ItemRole, Decision, Vote, Recusal, SectionTerm, TextRepair, DocumentPage, Goal, GoalAction, GoalMetric, FollowUp,
    BudgetLine, DecisionEntity, EnrichedItem, IngestError,
)


def columns(record_type: type) -> list[str]:
    """Column names of a table record, in declaration order."""
    return [f.name for f in fields(record_type)]


@dataclass
class Extraction:
    """Everything extracted from one document: the `documents` row plus rows for the other tables."""

    document: Document
    rows: list = field(default_factory=list)

    def of(self, record_type: type) -> list:
        return [r for r in self.rows if type(r) is record_type]
