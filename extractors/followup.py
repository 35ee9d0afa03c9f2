"""Goal follow-up tables (tavoitteiden toteutuminen) -> FollowUp rows, with the status of each row.

Follow-up tables come in many layouts (d06, seed 002, the Kauhava tilinpäätös pp. 58-72):

    Strategiakärjet | Toiminnallinen tavoite | Teko | Mittarin tavoitetaso | Toteutuma | Kommentointi
    Tavoite | Toimenpide/mittari   +   Arviointi | Tila          (two header rows per block)
    Mittari | Nykyarvo | Tavoitearvo | Toteuma-arvo

so the header is found by meaning: every header cell is given a *role* (strategy area, goal,
action, metric, status, comment, extra value) from word stems, and a row whose cells carry two
or more roles is a header. Data rows fill a pending record under the roles of the latest header;
a row that would overwrite a filled role starts the next record. That one rule reads both the
one-row-per-record tables and the Kauhava blocks, where a second header row ('Arviointi | Tila')
adds the assessment to the record above it.

Status comes from, in order: the fill colour of the status cell (a legend line, when printed,
says what each colour means), the words in the status cell, and the opening words of the comment.
A status cell that only says the task is finished ('Valmis') yields to a comment that states the
outcome ('Ei toteutunut, tappio 8.941 €'), because finishing the evaluation is not reaching the goal.

The chain: pypdfium2 text finds the pages worth opening -> pdfplumber tables and filled shapes
per page (each page closed after use) -> rows with roles -> records.
"""

from __future__ import annotations

import colorsys
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from extractors.records import FollowUp, Line

# --- vocabulary --------------------------------------------------------------------------------------

# role -> header stems, tried in this order (the first role whose stem occurs wins).
ROLE_STEMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("extra", ("nykyarvo", "lähtötaso", "lähtöarvo", "vertailuarvo", "ta20", "tp20")),
    ("status", ("toteutuma", "toteuma", "toteutumis", "toteutuminen", "tilanne", "status",
                "onnistuminen", "liikennevalo")),
    ("comment", ("kommen", "koment", "selite", "selitys", "perustelu", "lisätie", "huomio", "arviointi",
                 "sanallinen", "analyysi", "toteutuneet toimenpiteet")),
    ("strategy_area", ("strategi", "painopiste", "kärki", "kärje", "päämäärä", "tavoitealue", "teema",
                       "visio")),
    ("action", ("toimenpi", "teko", "teot", "keino", "tehtävä")),
    ("metric", ("mittari", "tavoitetaso", "tavoitearvo", "indikaattori", "tunnusluku", "arviointikriteeri")),
    ("goal", ("tavoite", "tavoitteet", "tavoitteen")),
)
_WHOLE_WORD_ROLES = {"tila": "status", "arvio": "status", "tulos": "status"}
KEY_ROLES = {"goal", "action", "metric"}

# Status words. Negations first: 'ei toteutunut' must not be read as 'toteutunut'.
STATUS_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("osittain", re.compile(r"\bosittain\b|\bei\s+kaikilta\s+osin\b|\bkaikilta\s+osin\s+ei\b|"
                            r"\bpääosin\b|\bpääsääntöisesti\b|\bkesken\w*\b|\bkäynnissä\b|\bkeltai\w*|"
                            r"\bmuuten\s+(?:ok|kunnossa|toteutu\w*)", re.I)),
    ("ei_toteutunut", re.compile(r"\bei\s+(?:ole\s+)?(?:toteut\w*|toteud\w*|toteun\w*|saavutet\w*|valmistu\w*|"
                                 r"käynnisty\w*)|\btoteutumatta\b|\bjäi\s+toteutumatta\b|\bpunai\w*|"
                                 r"\bperuttu\b|\bperuuntui\b|\bkeskeytet\w*", re.I)),
    ("toteutunut", re.compile(r"\btoteutu(?:i|nut|neet|u|vat|ttu)\b|\btoteutettu\b|\bvalmis\b|"
                              r"\bvalmistui\b|\bvalmistunut\b|\bsaavutettu\b|\bsaavutettiin\b|"
                              r"\bkyllä\b|\btehty\b|\bvihre\w*", re.I)),
)
PROCESS_WORDS = re.compile(r"^\s*(?:valmis|kesken|käynnissä|aloitettu|aloittamatta|jatkuu)\s*\.?\s*$", re.I)

# colour name -> status when no legend says otherwise
DEFAULT_COLOUR_STATUS = {"vihreä": "toteutunut", "keltainen": "osittain", "oranssi": "osittain",
                         "punainen": "ei_toteutunut"}
COLOUR_NAMES = {"vihre": "vihreä", "keltai": "keltainen", "oranss": "oranssi", "punai": "punainen",
                "harma": "harmaa", "sini": "sininen", "musta": "musta", "valkoi": "valkoinen"}
_LEGEND = re.compile(r"\b(vihre\w*|keltai\w*|oranss\w*|punai\w*|harma\w*|sini\w*)\s*(?:=|:|–|-)\s*"
                     r"([^,;=\n]+?)(?=,|;|$|\s+(?:vihre|keltai|oranss|punai|harma|sini)\w*\s*(?:=|:|–|-))",
                     re.I)
_YEAR_CONTEXT = re.compile(
    r"(?:toteutumi\w*|tilinpäätös|toimintakertomus|tavoitteet|vuosi|vuoden|seuranta\w*)\s+"
    r"(?:31\.12\.)?(20\d{2})\b", re.I)
_BODY = re.compile(r"\b([A-ZÅÄÖ][\w-]*(?:lautakunta|hallitus|valtuusto|jaosto|johtokunta|toimikunta))\b")
_ORG_HEADING = re.compile(r"(?:\bOyj?\b|\bAb\b|\bKy\b|liikelaitos\b|kuntayhtymä\b|säätiö\b|lautakunta$|hallitus$)")

DEFAULT_MIN_SATURATION = 0.18
DEFAULT_PAGE_WINDOW = 1  # pages after a header page opened too (tables that run on without a header)


# --- roles --------------------------------------------------------------------------------------------


def column_role(header: str) -> str | None:
    """The role a printed header cell names, or None ('Toimenpide/mittari' -> action)."""
    folded = " ".join(header.lower().split())
    if not folded or len(folded) > 80:
        return None
    for role, stems in ROLE_STEMS:
        if any(stem in folded for stem in stems):
            return role
    for word in re.findall(r"[a-zåäö]+", folded):
        if word in _WHOLE_WORD_ROLES:
            return _WHOLE_WORD_ROLES[word]
    return None


def header_roles(cells: list[str | None]) -> list[str | None] | None:
    """Roles of a header row, or None when the row is not a header (fewer than two roles, or long
    cells: data rows also contain words like 'tavoite')."""
    roles = [column_role(c or "") for c in cells]
    named = [r for r in roles if r]
    if len(set(named)) < 2:
        return None
    if any(c and len(c) > 80 for c in cells):
        return None
    if not (set(named) & {"status", "comment", "action", "metric"}):
        return None
    seen: set[str] = set()
    out: list[str | None] = []
    for role in roles:
        if role in seen and role in ("metric", "goal", "action", "status"):
            out.append("extra")  # 'Mittari | Tavoitearvo': the second metric column is a value
        else:
            out.append(role)
            if role:
                seen.add(role)
    return out


def status_from_words(text: str | None) -> str | None:
    """toteutunut | osittain | ei_toteutunut from words ('Toteutui', 'Osittain', 'Ei toteutunut')."""
    if not text:
        return None
    for status, pattern in STATUS_PATTERNS:
        if pattern.search(text):
            return status
    return None


def leading_clause(comment: str | None) -> str:
    """The comment's opening clause, where an explicit verdict is written ('Toteutui, nyt 1140 h')."""
    if not comment:
        return ""
    first = re.split(r"(?<=[.!?])\s+|\n", comment.strip(), maxsplit=1)[0]
    return first[:160]


def verdict(comment: str | None) -> str | None:
    """The status a comment states in its opening sentence: partial words anywhere in it
    ('..., muuten ok'), otherwise a verdict before its first comma ('Ei toteutunut, tappio ...')."""
    first = leading_clause(comment)
    if not first or not re.search(r"toteu|saavut|osittain|pääosin|pääsääntöisesti", first, re.I):
        return None  # 'Kaksi kolmesta valmis.' reports progress, it does not grade the goal
    if STATUS_PATTERNS[0][1].search(first):
        return "osittain"
    return status_from_words(first.split(",")[0])


# --- colours ------------------------------------------------------------------------------------------


def to_rgb(colour: object) -> tuple[float, float, float] | None:
    """pdfplumber colour (grey, RGB or CMYK tuple, 0..1 or 0..255) -> RGB in 0..1."""
    if colour is None or isinstance(colour, str):
        return None
    values = list(colour) if isinstance(colour, (tuple, list)) else [colour]
    try:
        values = [float(v) for v in values]
    except (TypeError, ValueError):
        return None  # a pattern name
    if any(v > 1.0 for v in values):
        values = [v / 255.0 for v in values]
    if len(values) == 1:
        return (values[0],) * 3  # type: ignore[return-value]
    if len(values) == 3:
        return values[0], values[1], values[2]
    if len(values) == 4:
        c, m, y, k = values
        return (1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)
    return None


def colour_name(rgb: tuple[float, float, float] | None) -> str | None:
    """vihreä | keltainen | oranssi | punainen | sininen | harmaa | valkoinen | musta by hue."""
    if rgb is None:
        return None
    h, s, v = colorsys.rgb_to_hsv(*rgb)
    if v < 0.12:
        return "musta"
    if s < DEFAULT_MIN_SATURATION:
        return "valkoinen" if v > 0.94 else "harmaa"
    deg = h * 360
    if deg < 18 or deg >= 330:
        return "punainen"
    if deg < 40:
        return "oranssi"
    if deg < 70:
        return "keltainen"
    if deg < 170:
        return "vihreä"
    if deg < 260:
        return "sininen"
    return "punainen" if deg >= 300 else "sininen"


def parse_legend(text: str) -> dict[str, str]:
    """'Vihreä = toteutunut, keltainen = toteutunut osittain, punainen = ei toteutunut' -> colours."""
    out: dict[str, str] = {}
    for m in _LEGEND.finditer(text):
        name = next((v for k, v in COLOUR_NAMES.items() if m.group(1).lower().startswith(k)), None)
        meaning = m.group(2)
        status = None
        for candidate, pattern in STATUS_PATTERNS:
            if candidate != "osittain" and re.search(r"\bkeltai|\bvihre|\bpunai", meaning, re.I):
                continue
            if pattern.search(meaning):
                status = candidate
                break
        if name and status:
            out[name] = status
    return out


# --- table reading ------------------------------------------------------------------------------------


@dataclass
class Cell:
    text: str
    bbox: tuple[float, float, float, float] | None = None
    colour: str | None = None  # colour name of the cell's fill


@dataclass
class _Record:
    values: dict[str, str] = field(default_factory=dict)
    status_cell: Cell | None = None
    page: int | None = None
    context: str | None = None
    body: str | None = None
    extras: list[str] = field(default_factory=list)


def join_cell_lines(text: str | None) -> str:
    """Join a cell's wrapped lines: 'tulorahoituk-' + 'sella' -> 'tulorahoituksella'."""
    if not text:
        return ""
    out = ""
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if re.search(r"[a-zåäö]-$", out) and re.match(r"[a-zåäö]", line) and not re.match(
                r"(?:ja|tai|sekä)\b", line):
            out = out[:-1] + line
        else:
            out = f"{out} {line}" if out else line
    return " ".join(out.split())


class TableReader:
    """Turns rows of cells (from any source: PDF tables, tab-separated text) into FollowUp rows."""

    def __init__(self, legend: dict[str, str] | None = None) -> None:
        self.legend = {**DEFAULT_COLOUR_STATUS, **(legend or {})}
        self.roles: list[str | None] | None = None
        self.pending: _Record | None = None
        self.done: list[_Record] = []
        self.last_strategy: str | None = None
        self.last_goal: str | None = None

    def feed(self, cells: list[Cell], page: int | None = None, context: str | None = None,
             body: str | None = None, full_width: bool = False) -> None:
        texts = [c.text for c in cells]
        roles = header_roles(texts)
        if roles is not None:
            self.roles = roles
            return
        if self.roles is None or not any(t.strip() for t in texts):
            return
        if full_width or (sum(1 for t in texts if t.strip()) == 1 and len(cells) == 1 < len(self.roles)):
            # a strategy group row spanning the table: it names the area of the rows below
            self._flush()
            self.last_strategy = next(t for t in texts if t.strip())
            self.last_goal = None
            return
        filled = {}
        status_cell = None
        extras = []
        for cell, role in zip(cells, self.roles, strict=False):
            if role == "status":
                status_cell = cell
            if role is None:
                continue
            if role == "extra":
                if cell.text:
                    extras.append(cell.text)
                continue
            if cell.text and role != "status":
                filled[role] = cell.text
        has_status = status_cell is not None and bool(status_cell.text or status_cell.colour)
        if not filled and not has_status and not extras:
            return
        rec = self.pending
        conflict = rec is None or any(role in rec.values for role in filled) or (
            has_status and rec.status_cell is not None)
        if rec is not None and set(filled) == {"comment"} and not has_status and rec.values.get("comment"):
            rec.values["comment"] += " " + filled["comment"]  # a comment running on over a page break
            return
        if conflict:
            self._flush()
            rec = self.pending = _Record(page=page, context=context, body=body)
            if "strategy_area" in self.roles and "strategy_area" not in filled:
                if self.last_strategy:
                    rec.values["strategy_area"] = self.last_strategy
            if "goal" in self.roles and "goal" not in filled and self.last_goal and (
                    "strategy_area" not in filled):
                rec.values["goal"] = self.last_goal
        assert rec is not None
        rec.values.update(filled)
        rec.extras.extend(extras)
        if status_cell is not None and (status_cell.text or status_cell.colour):
            rec.status_cell = status_cell
        if "strategy_area" in filled:
            self.last_strategy = filled["strategy_area"]
            self.last_goal = filled.get("goal")
        if "goal" in filled:
            self.last_goal = filled["goal"]
        if rec.context is None:
            rec.context = context
        if rec.body is None:
            rec.body = body

    def _flush(self) -> None:
        if self.pending is not None and (set(self.pending.values) & (KEY_ROLES | {"comment"})):
            self.done.append(self.pending)
        self.pending = None

    def records(self) -> list[_Record]:
        self._flush()
        return self.done

    def status_of(self, rec: _Record) -> tuple[str | None, str | None]:
        """(status, status_source) from colour, cell words, then the comment's opening clause."""
        cell = rec.status_cell
        comment_status = verdict(rec.values.get("comment"))
        colour_status = self.legend.get(cell.colour) if cell and cell.colour else None
        word_status = status_from_words(cell.text) if cell and cell.text else None
        process_only = bool(cell and cell.text and PROCESS_WORDS.match(cell.text))
        if process_only and comment_status and comment_status != (colour_status or word_status):
            return comment_status, "text"
        if colour_status:
            return colour_status, "color"
        if word_status:
            return word_status, "text"
        if cell and cell.text:
            value_status = status_from_words(cell.text)
            if value_status:
                return value_status, "text"
        if comment_status:
            return comment_status, "text"
        return None, None


def to_followups(reader: TableReader, doc_id: str, municipality: str | None,
                 municipality_code: str | None, year: int | None, body: str | None,
                 first_number: int = 1) -> list[FollowUp]:
    out: list[FollowUp] = []
    for n, rec in enumerate(reader.records(), first_number):
        status, source = reader.status_of(rec)
        v = rec.values
        comment = v.get("comment")
        if rec.extras:
            extra = "; ".join(rec.extras)
            comment = f"{comment} ({extra})" if comment else extra
        if rec.status_cell and rec.status_cell.text and not status_from_words(rec.status_cell.text) \
                and not PROCESS_WORDS.match(rec.status_cell.text):
            value = rec.status_cell.text  # a measured value in the status column ('Toteuma-arvo')
            comment = f"{comment} (toteuma: {value})" if comment else f"toteuma: {value}"
        out.append(FollowUp(row_id=f"{doc_id[:16]}:r{n}", doc_id=doc_id, municipality=municipality,
                            municipality_code=municipality_code, year=year,
                            strategy_area=v.get("strategy_area") or rec.context, goal=v.get("goal"),
                            action=v.get("action"), metric=v.get("metric"), status=status,
                            status_source=source, comment=comment, page=rec.page,
                            body=rec.body or body, ordinal=n - first_number + 1))
    return out


# --- page selection, context, year ---------------------------------------------------------------------


def _line_roles(line: Line) -> set[str]:
    parts = [s.text for s in line.segments] or [line.text]
    if len(parts) == 1:
        parts = re.split(r"\t|\s{3,}|\s\|\s", parts[0])
    return {r for r in (column_role(p) for p in parts) if r}


def is_header_line(line: Line) -> bool:
    roles = _line_roles(line)
    return len(roles) >= 2 and bool(roles & {"status", "comment", "action", "metric"}) and len(line.text) < 200


def followup_pages(pages: list) -> list[int]:
    """1-based numbers of pages holding a follow-up table header, and the page after each."""
    hits = [p.number for p in pages if any(is_header_line(line) for line in p.lines)]
    wanted: set[int] = set()
    last = max((p.number for p in pages), default=0)
    for n in hits:
        wanted.update(range(n, min(last, n + DEFAULT_PAGE_WINDOW) + 1))
    return sorted(wanted)


def is_followup(text: str) -> bool:
    """Does this text hold a follow-up table? A header line naming goal/action/metric columns
    together with a status or comment column, found by meaning."""
    for raw in text.split("\n"):
        line = Line(page=0, y=0, x0=0, text=raw.strip())
        roles = _line_roles(line)
        if len(roles) >= 3 and roles & {"status", "comment"} and roles & KEY_ROLES:
            return True
    lowered = text.lower()
    return bool(re.search(r"tavoite\s+toimenpide/mittari", lowered) and re.search(r"arviointi\s+tila", lowered))


def find_year(text: str) -> int | None:
    m = _YEAR_CONTEXT.search(text)
    if m:
        return int(m.group(1))
    years = re.findall(r"\b(20\d{2})\b", text)
    return int(max(set(years), key=years.count)) if years else None


def find_body(text: str) -> str | None:
    m = _BODY.search(text)
    return m.group(1) if m else None


def _is_heading_line(line: Line) -> bool:
    t = line.text.strip()
    return (0 < len(t) < 70 and t[0].isupper() and not t.endswith((".", ",", ":", ";"))
            and len(t.split()) <= 8 and not re.match(r"^\d+\s*/\s*\d+$", t))


# --- PDF --------------------------------------------------------------------------------------------


def _shapes(page) -> list[tuple[tuple[float, float, float, float], str]]:  # noqa: ANN001 - pdfplumber page
    """Filled rectangles and paths of the page with their colour names (borders drawn as thin
    rectangles are skipped; white and black fills carry no status)."""
    out = []
    for obj in list(page.rects) + list(page.curves):
        if not obj.get("fill"):
            continue
        x0, top, x1, bottom = obj["x0"], obj["top"], obj["x1"], obj["bottom"]
        if x1 - x0 < 3 or bottom - top < 3:
            continue
        name = colour_name(to_rgb(obj.get("non_stroking_color")))
        if name in (None, "valkoinen", "musta"):
            continue
        out.append(((x0, top, x1, bottom), name))
    return out


def _cell_colour(bbox: tuple[float, float, float, float],
                 shapes: list[tuple[tuple[float, float, float, float], str]]) -> str | None:
    x0, top, x1, bottom = bbox
    area = max((x1 - x0) * (bottom - top), 1.0)
    best: tuple[float, str] | None = None
    for (a0, atop, a1, abottom), name in shapes:
        w = min(x1, a1) - max(x0, a0)
        h = min(bottom, abottom) - max(top, atop)
        if w <= 0 or h <= 0:
            continue
        inter = w * h
        shape_area = max((a1 - a0) * (abottom - atop), 1.0)
        if inter / area >= 0.5 or inter / shape_area >= 0.6:
            if best is None or shape_area < best[0]:
                best = (shape_area, name)
    return best[1] if best else None


def _open_edges(page) -> list[float]:  # noqa: ANN001 - pdfplumber page
    """y positions where column rules start or end without a horizontal rule: a table row cut by
    a page break (Kauhava p. 61 begins with the rest of a block from p. 60). Closing them lets
    pdfplumber find the cells of that row."""
    edges = page.edges
    horizontal = [e for e in edges if e["orientation"] == "h" and e["x1"] - e["x0"] > 5]
    out: set[float] = set()
    for e in edges:
        if e["orientation"] != "v" or e["bottom"] - e["top"] < 8:
            continue
        for y in (e["top"], e["bottom"]):
            if not any(abs(h["top"] - y) < 2.5 and h["x0"] - 2 <= e["x0"] <= h["x1"] + 2 for h in horizontal):
                out.add(round(y, 1))
    return sorted(out)


class _Context:
    """Headings read between tables, in document order: the nearest one names the group of goals
    ('Taloudelliset tavoitteet'), an organisation heading ('Kauhavan Vesi Oy') names the body."""

    def __init__(self, pages: dict[int, list[Line]], skip: set[str]) -> None:
        self.pages = pages
        self.skip = skip
        self.cursor = (0, -1.0)
        self.heading: str | None = None
        self.org: str | None = None

    def advance(self, page: int, top: float, tables: list[tuple[float, float, float, float]]) -> None:
        for number in sorted(self.pages):
            if number < self.cursor[0] or number > page:
                continue
            for line in self.pages[number]:
                if number == self.cursor[0] and line.y <= self.cursor[1]:
                    continue
                if number == page and line.y >= top - 1:
                    break
                if number == page and any(t[1] - 2 <= line.y <= t[3] for t in tables):
                    continue
                text = line.text.strip()
                if text in self.skip or not _is_heading_line(line) or is_header_line(line):
                    continue
                if _ORG_HEADING.search(text):
                    self.org, self.heading = text, None
                else:
                    self.heading = text

    def move(self, page: int, bottom: float) -> None:
        self.cursor = (page, bottom)


def _running_lines(pages: list) -> set[str]:
    """Texts that recur on many pages (running headers and footers)."""
    counts: dict[str, int] = {}
    for p in pages:
        for line in p.lines:
            counts[line.text.strip()] = counts.get(line.text.strip(), 0) + 1
    limit = max(3, len(pages) // 3)
    return {t for t, c in counts.items() if c >= limit}


def extract_followups(pdf_bytes: bytes, doc_id: str, municipality: str | None,
                      municipality_code: str | None) -> list[FollowUp]:
    """Follow-up rows of every follow-up table in a PDF (pages found from the text layer first)."""
    import pdfplumber

    from extractors.pdftext import read_pdf

    content = read_pdf(pdf_bytes)
    numbers = followup_pages(content.pages)
    if not numbers:
        return []
    page_text = {p.number: "\n".join(line.text for line in p.lines) for p in content.pages}
    wanted_text = "\n".join(page_text[n] for n in numbers)
    legend = parse_legend(wanted_text)
    first_text = page_text[numbers[0]]
    year = find_year(first_text) or find_year(wanted_text)
    body = find_body("\n".join(first_text.split("\n")[:12]))
    reader = TableReader(legend)
    lines_of = {p.number: list(p.lines) for p in content.pages}
    context = _Context(lines_of, _running_lines(content.pages))
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        for number in numbers:
            page = pdf.pages[number - 1]
            try:
                shapes = _shapes(page)
                settings = {"explicit_horizontal_lines": _open_edges(page)}
                tables = sorted(page.find_tables(settings), key=lambda t: t.bbox[1])
                boxes = [t.bbox for t in tables]
                for table in tables:
                    context.advance(number, table.bbox[1], boxes)
                    context.move(number, table.bbox[3])
                    width = table.bbox[2] - table.bbox[0]
                    for row, texts in zip(table.rows, table.extract(), strict=False):
                        cells = []
                        for bbox, text in zip(row.cells, texts, strict=False):
                            if bbox is None:
                                cells.append(Cell(""))
                                continue
                            cells.append(Cell(join_cell_lines(text), bbox, _cell_colour(bbox, shapes)))
                        present = [c for c in cells if c.bbox is not None]
                        full = (len(present) == 1 and present[0].bbox is not None
                                and present[0].bbox[2] - present[0].bbox[0] > 0.8 * width
                                and len(cells) > 2)
                        reader.feed(cells, page=number, context=context.heading, body=context.org,
                                    full_width=full)
            finally:
                page.close()
    return to_followups(reader, doc_id, municipality, municipality_code, year, body)


# --- plain text / HTML text ---------------------------------------------------------------------------


def _split_cells(line: str) -> list[str]:
    if "\t" in line:
        return [c.strip() for c in line.split("\t")]
    if " | " in line:
        return [c.strip() for c in line.split(" | ")]
    return [c.strip() for c in re.split(r"\s{3,}", line)]


def extract_followups_text(text: str, doc_id: str = "text", municipality: str | None = None,
                           municipality_code: str | None = None, year: int | None = None,
                           body: str | None = None) -> list[FollowUp]:
    """Follow-up rows from text whose table cells are tab- (or ' | '-) separated, as HTML tables
    and seed 002 come out; status only from words (cell or comment), as there are no colours."""
    reader = TableReader(parse_legend(text))
    for raw in text.replace("\r", "").split("\n"):
        if not raw.strip():
            continue
        cells = _split_cells(raw)
        if len(cells) < 2 and reader.roles is None:
            continue
        if len(cells) == 1 and reader.roles is not None:
            if parse_legend(raw) or len(reader.roles) > 2:
                continue
        reader.feed([Cell(c) for c in cells])
    return to_followups(reader, doc_id, municipality, municipality_code,
                        year if year is not None else find_year(text), body or find_body(text[:500]))


def rows_from(records: Iterable[FollowUp]) -> list[dict]:
    """FollowUp rows as plain dicts (for scoring and notebooks)."""
    return [r.__dict__.copy() for r in records]
