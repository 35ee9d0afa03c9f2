"""Operational goals (toiminnalliset tavoitteet) inside an agenda item -> Goal, GoalAction, GoalMetric.

Committees print their goals in a handful of shapes (seeds 000, 003, corpus d07):

    Valtuustoon nähden sitovat tavoitteet          <- binding level
    Kirjastopalvelut                               <- unit
    1. Lukutaidon edistäminen                      <- numbered goal (numbering restarts per unit)
       Toimenpide: Toteutetaan lukudiplomi ...     <- one action (wrapped lines join)
       Mittarit:                                   <- a list follows: '-' lines, or plain lines
       - Osallistuva budjetointi toteutettu: kyllä/ei

or, unnumbered, a unit followed by prose whose first sentence is the goal and whose further
sentences with a passive verb ('Järjestetään', 'kehitetään') are its actions, then 'Mittari(t):'.
The chain: text -> rows (one per printed line; whitespace-collapsed text is re-broken at the
markers) -> goal blocks -> records. Strategy tables whose columns a plain text layer interleaves
(seed 004) are read column by column from word positions by `extract_strategy_columns`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from extractors import vocab
from extractors.goals.themes import theme_of
from extractors.records import Goal, GoalAction, GoalMetric, Line

# --- vocabulary of goal texts ---------------------------------------------------------------------

ACTION_SINGULAR = vocab.GOAL_ACTION_SINGULAR
ACTION_PLURAL = vocab.GOAL_ACTION_PLURAL
METRIC_SINGULAR = vocab.GOAL_METRIC_SINGULAR
METRIC_PLURAL = vocab.GOAL_METRIC_PLURAL
MARKER_WORDS = tuple(sorted(ACTION_SINGULAR + ACTION_PLURAL + METRIC_SINGULAR + METRIC_PLURAL, key=len, reverse=True))
_MARKER_ALT = "|".join(re.escape(w) for w in MARKER_WORDS)
_MARKER = re.compile(r"^[-–•]?\s*(" + _MARKER_ALT + r")\s*:\s*(.*)$", re.I)
_BINDING = re.compile(
    r"(?P<who>[A-ZÅÄÖ][\w-]*(?:\s+(?:ja|sekä)\s+[\w-]+)?|[a-zåäö][\w-]*)\s+nähden\s+"
    r"(?:[\w-]+\s+){0,3}?sitov\w*\s+(?:toiminnalliset\s+|toiminnallisiksi\s+)?tavoit\w*"
    r"|(?:Bindande|bindande)\s+(?:\w+\s+)?mål\s+i\s+förhållande\s+till\s+(?P<sv>\w+)")
# '1. Goal', '1) Goal', 'Tavoite 1: Goal', 'Mål 1. Goal'
_NUMBERED = re.compile(r"^(?:(?:Tavoite|Mål|Delmål|Målsättning)\s+(\d{1,2})\s*[:.)–-]\s*|(\d{1,2})[.)]\s+)"
                       r"(?=[A-ZÅÄÖ\"'”])(.+)$")
_DASH_ITEM = re.compile(r"^[-–•]\s*(?=\S)(.+)$")
_PASSIVE = re.compile(r"\b\w+(?:t|d)(?:aa|ää)n\b|\b\w+mme\b", re.I)
_NOT_ACTION_VERBS = {"tarkoitetaan", "todetaan", "mainitaan", "katsotaan", "voidaan"}
_CLOSING = re.compile(
    r"^(?:Tavoitteiden|Strategian|Toteutumista|Tavoitteita|Tavoitteet\s+(?:on|ovat)\s+valmisteltu)\b"
    r".*\b(?:seura|raportoi|arvioi|valmistel)", re.I)
_SECTION_STOP = re.compile(
    r"^(?:Lisätietoja(?:\s+antaa|\s+antavat)?|Lisätiedot|Valmistelija|Esittelijä|Päätösehdotus|"
    r"Ehdotus|Esitys|Päätös|Liitteet|Oheismateriaali|Tiedoksi)\b\s*:?", re.I)
_UNIT_MAX_WORDS = 6
_STRATEGY_LINE = re.compile(vocab.GOAL_STRATEGY_LINE, re.I)
_LIST_NOTE = re.compile(vocab.GOAL_LIST_NOTE, re.I)

NUMBER_WORDS = {"yksi": 1, "kaksi": 2, "kolme": 3, "neljä": 4, "viisi": 5, "kuusi": 6, "seitsemän": 7,
                "kahdeksan": 8, "yhdeksän": 9, "kymmenen": 10, "sata": 100, "tuhat": 1000}
_YES_NO = re.compile(r"\bkyllä\s*/\s*ei\b|\bk\s*/\s*e\b|\bei\s*/\s*kyllä\b", re.I)
_THRESHOLD = re.compile(
    r"\b(vähintään|enintään|yli|alle|korkeintaan|vähemmän kuin|enemmän kuin)\s+"
    r"(\d[\d\s]*(?:[,.]\d+)?\s*%?|" + "|".join(NUMBER_WORDS) + r")", re.I)
_TREND = (
    ("kasvaa", re.compile(r"\b(?:kasva|kasvu|lisäänty|lisää|nouse|nousu|nous)\w*", re.I)),
    ("paranee", re.compile(r"\b(?:parane|parantu|parempi)\w*", re.I)),
    ("vähenee", re.compile(r"\b(?:vähene|vähent|laske|lasku|pienene|alene|lyhene)\w*", re.I)),
)
_COUNT = re.compile(r"\b(?:määrä\w*|lukumäärä\w*|kpl|kertoja|käyntikert\w*|\w*määrä\w*)\b", re.I)
_TREND_WORDS = re.compile(r"\bkehitys\b|\bverrattuna\b|\bkehittyminen\b", re.I)

_PERIOD_PATTERNS = (
    re.compile(r"(?:valtuusto|strategia|suunnittelu)?kaude\w*\s+(\d{4})\s*[-–]\s*(\d{2,4})", re.I),
    re.compile(r"\bvuode(?:lle|n|ksi)\s+(\d{4})\b", re.I),
    re.compile(r"\btavoitteet\s+(?:vuodelle\s+)?(\d{4})\b(?:\s*[-–]\s*(\d{2,4}))?", re.I),
    re.compile(r"\bvuosi(?:lle|ksi|en)\s+(\d{4})\s*[-–]\s*(\d{2,4})", re.I),
    re.compile(r"\b(?:talousarvio\w*|toimintasuunnitelm\w*)\s+(\d{4})\b", re.I),
    re.compile(r"(?:fullmäktige|mandat|strategi|plan)period\w*\s+(\d{4})\s*[-–]\s*(\d{2,4})", re.I),
    re.compile(r"\bfö?r\s+år(?:en)?\s+(\d{4})\b(?:\s*[-–]\s*(\d{2,4}))?", re.I),
    re.compile(r"\b(?:budget|verksamhetsplan)\w*\s+(?:för\s+år\s+)?(\d{4})\b", re.I),
)


# --- rows: the printed lines, with paragraph breaks ------------------------------------------------


@dataclass
class _Row:
    text: str
    x0: float | None = None
    gap_before: bool = False  # a blank line (text) or a wide vertical gap (PDF) precedes it


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _rows_from_text(text: str) -> list[_Row]:
    rows: list[_Row] = []
    gap = False
    for raw in text.replace("\r", "").split("\n"):
        t = _norm(raw)
        if not t:
            gap = True
            continue
        rows.append(_Row(t, None, gap))
        gap = False
    return rows


def _rows_from_lines(lines: list[Line]) -> list[_Row]:
    rows: list[_Row] = []
    prev: Line | None = None
    for line in lines:
        t = _norm(line.text)
        if not t:
            continue
        gap = False
        if prev is not None and prev.page == line.page:
            step = line.y - prev.y
            gap = step > 1.45 * max(prev.height or 10.0, 8.0) + 2.0
        elif prev is not None:
            gap = True
        rows.append(_Row(t, line.x0, gap))
        prev = line
    return rows


_SPLIT_BEFORE = re.compile(
    r"\s+(?=(?:[-–•]\s*)?(?:" + _MARKER_ALT + r")\s*:)|\s+(?=[-–•]\s+[A-ZÅÄÖ])"
    r"|\s+(?=\d{1,2}\.\s+[A-ZÅÄÖ][a-zåäö])", re.I)


def _rebreak(row: _Row) -> list[_Row]:
    """Split a row that holds several printed lines (whitespace-collapsed text) at the markers.

    'Mittari: X kyllä/ei Nuorisopalvelut 1. Nuorten ...' becomes the metric, the unit and the goal;
    a binding heading is split off only where a unit or a numbered goal follows it, because the
    same words also occur in the intro prose ('Valtuustoon nähden sitovat tavoitteet hyväksyy').
    """
    if len(row.text) < 120 and not _BINDING.search(row.text):
        return [row]
    text = row.text
    cuts: set[int] = set()
    for m in _SPLIT_BEFORE.finditer(text):
        if m.group(0).strip() == "" and re.match(r"\d", text[m.end():]):
            if not _looks_like_goal_number(text, m.end()):
                continue
        if text[:m.end()].strip() in ("-", "–", "•"):
            continue
        cuts.add(m.end())
    for m in _BINDING.finditer(text):
        after = text[m.end():].lstrip()
        if re.match(r"(?:[A-ZÅÄÖ][\w-]*(?:\s+(?:ja|sekä)\s+[\w-]+)?\s+)?\d{1,2}\.\s+[A-ZÅÄÖ]", after) \
                or re.match(r"[A-ZÅÄÖ][\w-]*\s*$", after):
            cuts.add(m.start("who"))
            cuts.add(m.end())
    pieces: list[str] = []
    last = 0
    for cut in sorted(cuts):
        if cut > last:
            pieces.append(text[last:cut])
            last = cut
    pieces.append(text[last:])
    out: list[_Row] = []
    for i, piece in enumerate(p.strip() for p in pieces):
        if not piece:
            continue
        # a unit name glued before a restarting number: '... kyllä/ei Nuorisopalvelut' + '1. Nuorten'
        nxt = pieces[i + 1].strip() if i + 1 < len(pieces) else ""
        unit = _trailing_unit(piece) if re.match(r"\d{1,2}\.\s", nxt) else None
        if unit and unit != piece:
            out.append(_Row(piece[: -len(unit)].strip(), row.x0, row.gap_before if not out else False))
            out.append(_Row(unit, row.x0, True))
            continue
        out.append(_Row(piece, row.x0, row.gap_before if not out else (unit is not None)))
    return out


def _looks_like_goal_number(text: str, pos: int) -> bool:
    """'2. Kuntalaisten' starts a goal; '3. luokilla' and dates ('1.8.2024') do not."""
    before = text[:pos].rstrip()
    return not before or not re.search(r"(?:\d|\bja|\b[a-zåäö]{1,3})$", before) or before.endswith(
        (".", ":", "ei", "määrä"))


_UNIT_TAIL = re.compile(r"(?:[A-ZÅÄÖ][\w]*-\s+(?:ja|sekä)\s+[\w-]+|[A-ZÅÄÖ][\w-]+)$")


def _trailing_unit(piece: str) -> str | None:
    m = _UNIT_TAIL.search(piece)
    if not m or m.start() == 0 and len(piece.split()) > _UNIT_MAX_WORDS:
        return None
    return m.group(0)


def _rows(text: str, lines: list[Line] | None) -> list[_Row]:
    base = _rows_from_lines(lines) if lines else _rows_from_text(text)
    out: list[_Row] = []
    for row in base:
        out.extend(_rebreak(row))
    return out


# --- classification of rows ---------------------------------------------------------------------


def binding_of(text: str) -> str | None:
    """valtuusto | lautakunta for a binding-level heading ('Valtuustoon nähden sitovat tavoitteet')."""
    m = _BINDING.match(text)
    if not m or len(text) > m.end() + 3:
        return None
    who = (m.group("who") or m.group("sv") or "").lower()
    if "valtuusto" in who or "fullmäktige" in who:
        return "valtuusto"
    return "lautakunta"


def _is_heading(row: _Row, left: float | None) -> bool:
    """A unit or sub-heading line: short, capitalised, no closing punctuation, at the left margin."""
    t = row.text
    if not t or not t[0].isupper() or t[-1] in ".:;,!?)" or _MARKER.match(t) or _NUMBERED.match(t):
        return False
    if ":" in t or "/" in t:
        return False
    if len(t.split()) > _UNIT_MAX_WORDS or len(t) > 70 or re.search(r"\d", t):
        return False
    if row.x0 is not None and left is not None and row.x0 > left + 6:
        return False
    return not _SECTION_STOP.match(t) and binding_of(t) is None


@dataclass
class _Block:
    unit: str | None
    binding: str | None
    strategy_area: str | None
    ordinal: int | None
    text_parts: list[str] = field(default_factory=list)
    prose: list[list[str]] = field(default_factory=list)  # unnumbered goals: paragraphs of prose
    actions: list[str] = field(default_factory=list)
    metrics: list[str] = field(default_factory=list)


def _join(parts: list[str]) -> str:
    out = ""
    for p in parts:
        p = p.strip()
        if not p:
            continue
        if out.endswith(("-", "–")) and not out.endswith((" -", " –")) and p[:1].islower():
            out += p  # 'ehkäisy-' + 'työ'
        elif out.endswith(" -") and p[:1].islower():
            out = out + p  # 'koulutustarjontaa ja -' + 'polkuja'
        else:
            out = f"{out} {p}" if out else p
    return _norm(out)


_STOP, _SKIP = "stop", "skip"


class _BlockReader:
    """Rows -> goal blocks, one row at a time. The stages a row goes through: does it end (or sit
    outside) the goal list (`_boundary`); is it structure — a binding level, a numbered or titled goal,
    an action/metric marker, a unit heading (`_structure`); else an entry — a '-' item, prose, or the
    continuation of the list or title being read (`_entry`)."""

    def __init__(self, rows: list[_Row]) -> None:
        self.rows = rows
        self.left = min((r.x0 for r in rows if r.x0 is not None), default=None)
        self.blocks: list[_Block] = []
        self.unit: str | None = None
        self.prev_unit: str | None = None
        self.sub: str | None = None
        self.binding: str | None = None
        self.started = False
        self.cur: _Block | None = None
        self.target: list[str] | None = None  # where continuation lines go
        self.plural = False  # under 'Mittarit:'/'Toimenpiteet:' every line (or '-' item) is its own entry
        self.dashed = False
        self.target_x: float | None = None

    def new_block(self, ordinal: int | None, first: str | None) -> _Block:
        b = _Block(self.unit, self.binding, self.sub, ordinal)
        if first:
            b.text_parts.append(first)
        self.blocks.append(b)
        return b

    def read(self) -> list[_Block]:
        for i, row in enumerate(self.rows):
            edge = self._boundary(i, row)
            if edge == _STOP:
                break
            if edge == _SKIP or self._structure(i, row) or not self.started:
                continue
            self._entry(i, row)
        return [b for b in self.blocks if b.text_parts or b.prose]

    def _boundary(self, i: int, row: _Row) -> str | None:
        t = row.text
        if _SECTION_STOP.match(t) and (self.started or i > 0):
            if self.started:
                return _STOP
            return _SKIP
        if self.started and _CLOSING.match(t) and (self.cur is None or self.target is not self.cur.text_parts):
            return _STOP
        return None

    def _structure(self, i: int, row: _Row) -> bool:
        t = row.text
        strategy = _STRATEGY_LINE.match(t)
        if self.started and self.cur is not None and (strategy or _LIST_NOTE.match(t)):
            if strategy and not self.cur.strategy_area:
                self.cur.strategy_area = _norm(strategy.group(1))  # the goal's strategy line ends its lists
            self.target = None
            return True
        b = binding_of(t)
        if b:
            self.binding, self.unit, self.sub, self.started, self.cur, self.target = b, None, None, True, None, None
            return True
        m = _NUMBERED.match(t)
        if m and (self.started or _next_has_marker(self.rows, i) or _prev_is_heading(self.rows, i, self.left)):
            if not self.started and i > 0 and _is_heading(self.rows[i - 1], self.left):
                self.unit = self.rows[i - 1].text
            self.started = True
            self.cur = self.new_block(int(m.group(1) or m.group(2)), m.group(3))
            self.target, self.plural, self.dashed, self.target_x = self.cur.text_parts, False, False, row.x0
            return True
        mk = _MARKER.match(t)
        if mk and (self.started or self.cur is None):
            word, rest = mk.group(1).lower(), mk.group(2).strip()
            if self.cur is None:
                if not self.started and not _prev_is_heading(self.rows, i, self.left):
                    return True
                self.started = True
                self.cur = self.new_block(None, None)
            is_action = word in ACTION_SINGULAR + ACTION_PLURAL
            dest = self.cur.actions if is_action else self.cur.metrics
            self.plural = word in ACTION_PLURAL + METRIC_PLURAL or not rest
            self.dashed = False
            if rest:
                dest.append(rest)
            self.target, self.target_x = dest, row.x0
            if self.plural and rest:
                self.target = dest
            return True
        rows = self.rows
        next_is_marker = i + 1 < len(rows) and bool(_MARKER.match(rows[i + 1].text))
        if (self.started and self.cur is None and t[:1].islower() and i > 0 and not row.gap_before
                and rows[i - 1].text in (self.sub, self.unit) and next_is_marker):
            # an unnumbered goal title over two lines, whose first line was taken for a heading
            if self.rows[i - 1].text == self.sub:
                self.sub = None
            else:
                self.unit = self.prev_unit
            self.cur = self.new_block(None, _join([self.rows[i - 1].text, t]))
            self.target, self.plural, self.dashed, self.target_x = self.cur.text_parts, False, False, row.x0
            return True
        if (_is_heading(row, self.left) and next_is_marker and not rows[i + 1].gap_before
                and (self.started or _prev_is_heading(rows, i, self.left) or row.gap_before)):
            # a short title line right above 'Toimenpiteet:': an unnumbered goal, not a unit
            self.started = True
            self.cur = self.new_block(None, t)
            self.target, self.plural, self.dashed, self.target_x = self.cur.text_parts, False, False, row.x0
            return True
        if _is_heading(row, self.left) and _heading_starts_goals(self.rows, i, self.left):
            if self.cur is not None and not self.cur.text_parts and not self.cur.prose and not self.cur.metrics:
                self.blocks.remove(self.cur)
            if self.unit is not None and self.cur is None and not any(b.unit == self.unit for b in self.blocks):
                self.sub = t  # a sub-heading right under the unit ('Ennaltaehkäisevät hyvinvointipalvelut')
            else:
                self.prev_unit, self.unit, self.sub = self.unit, t, None
            self.started, self.cur, self.target = True, None, None
            return True
        return False

    def _entry(self, i: int, row: _Row) -> None:
        t = row.text
        d = _DASH_ITEM.match(t)
        if d:
            item = d.group(1)
            after = _marker_after(self.rows, i)
            if after and (self.cur is None or (after == "action" and (self.cur.actions or self.cur.metrics))
                          or (after == "metric" and self.cur.metrics)):
                # '• Goal' followed by its own 'Toimenpide:': a bulleted goal, not a list entry
                self.cur = self.new_block(None, item)
                self.target, self.plural, self.dashed, self.target_x = self.cur.text_parts, False, False, row.x0
                return
            if self.cur is None:
                self.cur = self.new_block(None, item)
                self.target = self.cur.text_parts
                return
            if self.target is None or self.target is self.cur.text_parts:
                self.target = self.cur.actions  # a bare '-' line under a goal is an action (seed 000)
            if self.target and not self.dashed and not self.plural:
                self.target.append(item) if self.target is not self.cur.text_parts else None
            else:
                self.target.append(item)
            self.dashed, self.target_x = True, row.x0
            return
        if self.cur is None:
            self.cur = self.new_block(None, None)
            self.cur.prose.append([t])
            self.target = None
            return
        if self.target is None:
            if self.cur.prose and not row.gap_before:
                self.cur.prose[-1].append(t)
            elif self.cur.metrics or self.cur.actions:
                # prose after the metrics: the next unnumbered goal under the same unit
                self.cur = self.new_block(None, None)
                self.cur.prose.append([t])
            else:
                self.cur.prose.append([t])
            return
        continues = not row.gap_before or (not self.plural and not self.target)
        if (row.x0 is not None and self.target_x is not None and row.x0 < self.target_x - 8
                and self.target is not self.cur.text_parts):
            continues = False
        if self.plural and not self.dashed and row.gap_before:
            self.target.append(t)
        elif self.plural and not self.dashed and row.x0 is None and self.target:
            self.target.append(t)
        elif self.target and continues:
            self.target[-1] = _join([self.target[-1], t])
        elif not self.target:
            self.target.append(t)
        elif self.target is self.cur.text_parts:
            self.target.append(t)
        else:
            # a new paragraph after a single entry: prose again (closing text or the next goal)
            self.target = None
            self.cur.prose.append([t]) if not (self.cur.metrics or self.cur.actions) else None
            if self.cur.metrics or self.cur.actions:
                self.cur = self.new_block(None, None)
                self.cur.prose.append([t])


def _marker_after(rows: list[_Row], i: int) -> str | None:
    """'action' or 'metric' when a marker line follows row i (after its wrapped lines), else None."""
    for row in rows[i + 1: i + 4]:
        mk = _MARKER.match(row.text)
        if mk:
            return "action" if mk.group(1).lower() in ACTION_SINGULAR + ACTION_PLURAL else "metric"
        if _DASH_ITEM.match(row.text) or _NUMBERED.match(row.text) or row.gap_before or row.text[:1].isupper():
            return None  # only wrapped lines of the item itself may come between
    return None


def _next_has_marker(rows: list[_Row], i: int) -> bool:
    for row in rows[i + 1: i + 5]:
        if _MARKER.match(row.text) or _DASH_ITEM.match(row.text):
            return True
    return False


def _prev_is_heading(rows: list[_Row], i: int, left: float | None) -> bool:
    return i > 0 and (_is_heading(rows[i - 1], left) or rows[i - 1].text.endswith(":"))


def _heading_starts_goals(rows: list[_Row], i: int, left: float | None) -> bool:
    """A heading opens the goal list when a goal (numbered, or prose ending in a metric) follows."""
    if i + 1 < len(rows) and _NUMBERED.match(rows[i + 1].text):
        return True
    headings = 0
    for k, row in enumerate(rows[i + 1: i + 14]):
        if _MARKER.match(row.text) or (k and _NUMBERED.match(row.text)):
            return True
        if _SECTION_STOP.match(row.text) or binding_of(row.text) or row.text.endswith(":"):
            return False
        if _is_heading(row, left):
            headings += 1
            if headings > 1:
                return False
    return False


# --- prose goals: first sentence is the goal, verb sentences are actions ---------------------------

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")
_ABBREV = re.compile(r"\b(?:mm|esim|ao|ks|yms|jne|n|ns|ts|vrt|klo|nro|s)\.$", re.I)


def split_sentences(text: str) -> list[str]:
    """Sentences, not cut after common abbreviations ('mm.', 'esim.', 'Ao.')."""
    out: list[str] = []
    for piece in _SENTENCE.split(text):
        if out and _ABBREV.search(out[-1]):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return [s.strip() for s in out if s.strip()]


def _is_action_sentence(sentence: str) -> bool:
    verbs = [v.lower() for v in _PASSIVE.findall(sentence)]
    return any(v not in _NOT_ACTION_VERBS for v in verbs)


def _cut_closing(entries: list[str]) -> tuple[list[str], bool]:
    """Drop a closing remark glued to the last entry in whitespace-collapsed text."""
    out: list[str] = []
    for entry in entries:
        sentences = split_sentences(entry)
        for k, sentence in enumerate(sentences):
            if k and _CLOSING.match(sentence):
                out.append(" ".join(sentences[:k]))
                return out, True
        out.append(entry)
    return out, False


def _resolve_prose(block: _Block) -> None:
    if block.text_parts or not block.prose:
        return
    first = _join(block.prose[0])
    sentences = split_sentences(first)
    head = sentences[0] if sentences else first
    colon = head.find(": ")
    if 0 < colon < 120 and len(head[:colon].split()) <= 12:
        block.text_parts = [head[:colon]]
        rest = [head[colon + 2:]] + sentences[1:]
    else:
        block.text_parts = [head]
        rest = sentences[1:]
    actions = [s for s in rest if _is_action_sentence(s)]
    for para in block.prose[1:]:
        actions.extend(s for s in split_sentences(_join(para)) if _is_action_sentence(s))
    block.actions = actions + block.actions


# --- metrics ----------------------------------------------------------------------------------------


def metric_kind(text: str) -> tuple[str, str | None]:
    """(kind, target) of a metric: kylla_ei -> 'kyllä'; counts -> 'vähintään 600'; trends -> 'kasvaa'."""
    if _YES_NO.search(text):
        return "kylla_ei", "kyllä"
    m = _THRESHOLD.search(text)
    if m:
        amount = m.group(2).strip()
        amount = str(NUMBER_WORDS.get(amount.lower(), amount))
        amount = re.sub(r"(?<=\d)\s+(?=\d{3}\b)", "", amount)
        amount = re.sub(r"\s*%", " %", amount)
        target = f"{m.group(1).lower()} {amount}"
        return ("muu" if "%" in amount else "lukumaara"), target
    for target, pattern in _TREND:
        if pattern.search(text):
            return "trendi", target
    if _TREND_WORDS.search(text):
        return "trendi", None
    if _COUNT.search(text):
        return "lukumaara", None
    return "muu", None


# --- period ------------------------------------------------------------------------------------------


def _year(value: str, base: int | None = None) -> int:
    y = int(value)
    if y < 100 and base is not None:
        y += (base // 100) * 100
    return y


def find_period(text: str) -> tuple[int | None, int | None]:
    """('valtuustokaudelle 2025-2029') -> (2025, 2029); ('vuodelle 2024') -> (2024, 2024)."""
    for pattern in _PERIOD_PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        start = _year(m.group(1))
        end = _year(m.group(2), start) if m.lastindex and m.lastindex >= 2 and m.group(2) else start
        if 1990 < start < 2100 and start <= end < start + 12:
            return start, end
    return None, None


# --- body abbreviations ('Ehk 10.03.2026 § 19') ---------------------------------------------------

_GENITIVE_TO_BODY = {"lautakunnan": "lautakunta", "hallituksen": "hallitus", "valtuuston": "valtuusto",
                     "jaoston": "jaosto", "johtokunnan": "johtokunta", "toimikunnan": "toimikunta",
                     "neuvoston": "neuvosto", "komitean": "komitea", "jaoksen": "jaos",
                     # illative and allative, as binding headings and proposals print them
                     # ('Elinvoima- ja hyvinvointilautakuntaan nähden sitovat tavoitteet')
                     "lautakuntaan": "lautakunta", "lautakunnalle": "lautakunta", "hallitukseen": "hallitus",
                     "hallitukselle": "hallitus", "valtuustoon": "valtuusto", "valtuustolle": "valtuusto",
                     "jaostoon": "jaosto", "jaostolle": "jaosto", "johtokuntaan": "johtokunta",
                     "johtokunnalle": "johtokunta", "komiteaan": "komitea", "komitealle": "komitea"}
_BODY_ENDS = tuple(sorted({*vocab.BODY_SUFFIXES, "komitea", *_GENITIVE_TO_BODY}, key=len, reverse=True))


def body_names(text: str) -> list[str]:
    """Body names printed in a text, in the nominative: each word ending in a body word, with up to
    three words before it that start the name ('Elinvoima- ja hyvinvointikomitean' -> '... komitea')."""
    out = []
    for line in text.split("\n"):
        words = line.split()
        for k, word in enumerate(words):
            bare = word.strip(",.;:()").lower()
            end = next((e for e in _BODY_ENDS if bare.endswith(e)), None)
            if end is None:
                continue
            nominative = bare[: len(bare) - len(end)] + _GENITIVE_TO_BODY.get(end, end)
            for j in range(k, max(-1, k - 4), -1):
                if j < k and (re.search(r"[.,;:)]$", words[j]) or any(
                        words[j].lower().endswith(e) for e in _BODY_ENDS)):
                    break  # a name does not run over a sentence or another body
                if words[j][:1].isupper():
                    name = " ".join([*words[j:k], nominative])
                    out.append(name[0].upper() + name[1:])
    return out


def _abbreviates(abbrev: str, name: str) -> int:
    """How many letters of ``abbrev`` start a word part of ``name`` when its letters occur in order
    from the name's first letter ('Tela' in 'Tekninen lautakunta'); -1 when they do not occur."""
    folded = re.sub(r"[^a-zåäö ]", " ", name.lower())
    starts = {m.start() for m in re.finditer(r"\b\w", folded)}
    for part in ("lautakunta", "hallitus", "valtuusto", "jaosto", "johtokunta", "toimikunta", "komitea"):
        starts |= {m.start() for m in re.finditer(part, folded)}
    letters = abbrev.lower()
    if not folded or folded[0] != letters[0]:
        return -1
    pos, hits = 0, 0
    for ch in letters:
        nxt = [k for k in range(pos, len(folded)) if folded[k] == ch]
        if not nxt:
            return -1
        at_start = [k for k in nxt if k in starts]
        k = at_start[0] if at_start and (len(at_start) == len(nxt) or at_start[0] - pos < 12) else nxt[0]
        hits += k in starts
        pos = k + 1
    return hits


def expand_body(abbrev: str | None, text: str) -> str | None:
    """The body an abbreviation in a handling line stands for ('Ehk' -> 'Elinvoima- ja
    hyvinvointikomitea'), from the bodies the document's own text names; None when none fits."""
    if not abbrev or " " in abbrev.strip() or not 2 <= len(abbrev.strip()) <= 6:
        return None
    best: tuple[int, int, str] | None = None
    for name in body_names(text[:4000]):
        hits = _abbreviates(abbrev.strip(), name)
        if hits >= 1 and (best is None or (hits, -len(name)) > best[:2]):
            best = (hits, -len(name), name)
    return best[2] if best else None


# --- public API ------------------------------------------------------------------------------------


def is_goals_text(text: str) -> bool:
    """Does an item's text hold a goal list? Goal words plus 'Mittari'/'Toimenpide' markers or a
    binding heading; a decision that merely mentions goals is not one."""
    if not text:
        return False
    folded = text.lower()
    if "tavoit" not in folded and not re.search(r"\bmål", folded):
        return False
    markers = len(re.findall(r"(?<![\w-])(?:" + _MARKER_ALT + r")\s*:", folded))
    binding = bool(re.search(r"nähden\s+(?:[\w-]+\s+){0,3}?sitov|bindande\s+(?:\w+\s+)?mål", folded))
    numbered = len(re.findall(r"(?:^|\n|\s)\d{1,2}[.)]\s+[A-ZÅÄÖ]", text))
    return markers >= 2 or (binding and (markers >= 1 or numbered >= 2))


def extract_goals(text: str, doc_id: str, item_id: str | None, municipality: str | None,
                  municipality_code: str | None, body: str | None, lines: list[Line] | None = None,
                  title: str | None = None, first_number: int = 1,
                  ) -> list[Goal | GoalAction | GoalMetric]:
    """Goals with their actions and metrics from an agenda item's text (or its page lines).

    ``title`` (the item title) is searched for the period before the text; ``first_number`` lets
    a caller that extracts several items of one document keep goal ids unique.
    """
    if lines and not text:
        text = "\n".join(line.text for line in lines)
    rows = _rows(text or "", lines)
    blocks = _BlockReader(rows).read()
    for k, block in enumerate(blocks):
        _resolve_prose(block)
        block.actions, cut_a = _cut_closing(block.actions)
        block.metrics, cut_m = _cut_closing(block.metrics)
        if (cut_a or cut_m) and k + 1 < len(blocks) and not blocks[k + 1].text_parts:
            del blocks[k + 1:]
            break
    intro = text.split("\n\n")[0] if text else ""
    period = find_period(title or "") if title else (None, None)
    if period[0] is None:
        goal_start = _goal_start_text(text or "", blocks)
        period = find_period(goal_start)
    if period[0] is None:
        period = find_period(intro + " " + (text or ""))
    out: list[Goal | GoalAction | GoalMetric] = []
    n = first_number - 1
    for block in blocks:
        goal_text = _join(block.text_parts)
        if not goal_text:
            continue
        n += 1
        goal_id = f"{doc_id[:16]}:g{n}"
        out.append(Goal(goal_id=goal_id, doc_id=doc_id, item_id=item_id, municipality=municipality,
                        municipality_code=municipality_code, body=body, period_start=period[0],
                        period_end=period[1], unit=block.unit, binding=block.binding,
                        strategy_area=block.strategy_area, ordinal=block.ordinal, text=goal_text,
                        theme=theme_of(f"{goal_text} {goal_text} " + " ".join(block.actions), block.unit)))
        for k, action in enumerate(block.actions, 1):
            out.append(GoalAction(goal_id=goal_id, doc_id=doc_id, ordinal=k, text=_norm(action)))
        for k, metric in enumerate(block.metrics, 1):
            kind, target = metric_kind(metric)
            out.append(GoalMetric(goal_id=goal_id, doc_id=doc_id, ordinal=k, text=_norm(metric),
                                  kind=kind, target=target))
    return out


def _goal_start_text(text: str, blocks: list[_Block]) -> str:
    """The text before the first goal: where 'tavoitteet vuodelle 2026' is said (not in the actions)."""
    if not blocks:
        return text
    first = _join(blocks[0].text_parts)[:30]
    pos = text.find(first) if first else -1
    return text[:pos] if pos > 0 else text[:600]


# --- goal tables: a budget's 'Tavoite | Toimenpiteet | Mittari | Tavoitetaso' -------------------------


@dataclass
class TableRow:
    """One row of a goal table that reports no outcome, its cells by column role (the follow-up
    table reader finds the roles; `extractors/goals/followup.py`)."""

    goal: str | None
    action: str | None = None
    metric: str | None = None
    target: str | None = None  # Tavoitetaso / Tavoitearvo as printed
    baseline: str | None = None  # Lähtötaso / Nykyarvo as printed
    strategy_area: str | None = None
    unit: str | None = None
    body: str | None = None
    binding: str | None = None
    page: int | None = None


_LIST_MARK = re.compile(r"(?:^|\s)(?:[•▪●◦■‣]|[-–](?=\s+[A-ZÅÄÖ]))\s*")
_LIST_NUMBER = re.compile(r"(?:^|\s)\d{1,2}[.)]\s+(?=[A-ZÅÄÖ])")


def cell_items(text: str | None) -> list[str]:
    """The entries of a table cell that lists several ('• A • B', '- A - B', '1. A 2. B'); a cell
    without list marks is one entry. Numbering is dropped, the entries keep their words."""
    text = _norm(text or "")
    if not text:
        return []
    if _LIST_MARK.match(text) or len(_LIST_MARK.findall(text)) >= 2:
        parts = _LIST_MARK.split(text)
    elif re.match(r"1[.)]\s", text) and len(_LIST_NUMBER.findall(text)) >= 2:
        parts = _LIST_NUMBER.split(text)
    else:
        return [text]
    return [p.strip() for p in parts if p.strip()]


def _paired(metrics: list[str], values: list[str], whole: str | None) -> list[str | None]:
    """One value per metric: the cell's entries when there are as many, else the whole cell for a
    single metric, else none (which value belongs to which metric is not printed)."""
    if len(values) == len(metrics):
        return list(values)
    return [whole if len(metrics) == 1 else None for _ in metrics]


def goals_from_table(rows: list[TableRow], doc_id: str, municipality: str | None,
                     municipality_code: str | None,
                     period: tuple[int | None, int | None] = (None, None)) -> list[Goal | GoalAction | GoalMetric]:
    """Goals with their actions and metrics from the rows of goal tables: consecutive rows under
    the same goal (a goal cell spans them, or is repeated) make one goal. A table without a goal
    column gives each row's action (else metric) as the goal. Ids are ``<doc_id[:16]>:t<n>``."""
    out: list[Goal | GoalAction | GoalMetric] = []
    key: tuple | None = None
    goal_id = ""
    n = actions = metrics = 0
    ordinals: dict[str | None, int] = {}
    for row in rows:
        text = _norm(row.goal or row.action or row.metric or "")
        if not text:
            continue
        if (row.unit, row.strategy_area, text) != key:
            key = (row.unit, row.strategy_area, text)
            n += 1
            actions = metrics = 0
            goal_id = f"{doc_id[:16]}:t{n}"
            numbered = _NUMBERED.match(text)
            ordinals[row.unit] = ordinals.get(row.unit, 0) + 1
            ordinal = int(numbered.group(1) or numbered.group(2)) if numbered else ordinals[row.unit]
            text = _norm(numbered.group(3)) if numbered else text
            out.append(Goal(goal_id=goal_id, doc_id=doc_id, item_id=None, municipality=municipality,
                            municipality_code=municipality_code, body=row.body, period_start=period[0],
                            period_end=period[1], unit=row.unit, binding=row.binding,
                            strategy_area=row.strategy_area, ordinal=ordinal, text=text,
                            theme=theme_of(f"{text} {text} {row.action or ''}", row.unit), page=row.page))
        if row.goal and row.action:
            for action in cell_items(row.action):
                actions += 1
                out.append(GoalAction(goal_id=goal_id, doc_id=doc_id, ordinal=actions, text=action, page=row.page))
        if row.metric:
            names = cell_items(row.metric)
            targets = _paired(names, cell_items(row.target), _norm(row.target or "") or None)
            baselines = _paired(names, cell_items(row.baseline), _norm(row.baseline or "") or None)
            if len(names) > 1 and row.target and not any(targets):  # unpaired: keep the cells whole
                names, targets = [_norm(row.metric)], [_norm(row.target)]
                baselines = [_norm(row.baseline or "") or None]
            for name, target, baseline in zip(names, targets, baselines, strict=True):
                kind, said = metric_kind(f"{name} {target or ''}")
                metrics += 1
                out.append(GoalMetric(goal_id=goal_id, doc_id=doc_id, ordinal=metrics, text=name, kind=kind,
                                      target=target or said, page=row.page, baseline=baseline))
    return out


# --- strategy tables read by columns (seed 004) -----------------------------------------------------

_STRATEGY_AREA = re.compile(r"^STRATEGI\w*\s+PÄÄMÄÄRÄ\s*:?\s*(.+)$|^Strateginen päämäärä\s*:?\s*(.+)$", re.I)
_COLUMN_LABEL = re.compile(r"^([A-ZÅÄÖ][\w-]*(?:strategia|suunnitelma|ohjelma)\w*)\s*(\d{4}\s*[-–]\s*\d{2,4})?\s*:\s*$")


def column_texts(lines: list[Line], gutter: float = 12.0) -> list[list[Line]]:
    """Split lines into columns at x positions where no segment crosses (the gutters).

    Plain text extraction reads a multi-column table row by row and interleaves the columns;
    here every segment is assigned to the column whose span holds its start, so each column can be
    read top to bottom on its own.
    """
    segs = [(s.x0, s.x1) for line in lines for s in line.segments] or [(ln.x0, ln.x0 + 1) for ln in lines]
    if not segs:
        return []
    extent = max(b for _, b in segs) - min(a for a, _ in segs)
    narrow = [(a, b) for a, b in segs if b - a < 0.5 * extent]  # full-width headings cross the gutters
    segs = sorted(narrow or segs)
    spans: list[list[float]] = []
    for x0, x1 in segs:
        if spans and x0 <= spans[-1][1] + gutter:
            spans[-1][1] = max(spans[-1][1], x1)
        else:
            spans.append([x0, x1])
    columns: list[list[Line]] = [[] for _ in spans]
    for line in lines:
        parts = line.segments or ()
        for k, (a, b) in enumerate(spans):
            inside = [s for s in parts if a - 1 <= s.x0 <= b]
            if inside:
                text = " ".join(s.text for s in inside)
                columns[k].append(Line(page=line.page, y=line.y, x0=inside[0].x0, text=text,
                                       segments=tuple(inside), height=line.height))
    return [c for c in columns if c]


def extract_strategy_goals(text: str, doc_id: str, municipality: str | None = None,
                           municipality_code: str | None = None, body: str | None = None,
                           item_id: str | None = None, first_number: int = 1) -> list[Goal]:
    """Goals of a strategy table read column by column: 'STRATEGINEN PÄÄMÄÄRÄ X' sets the strategy
    area, 'Kaupunkistrategia 2022-25:' / 'Hyvinvointisuunnitelma 2022-25:' name the column (unit)
    and its period, and each paragraph under a label is one goal (wrapped lines joined). The
    document's title line printed again at the top of each page ('Hyvinvointisuunnitelman
    toimenpiteet 2022-25') is no goal."""
    lines = [_norm(raw) for raw in text.replace("\r", "").split("\n")]
    title = next((t for t in lines if t), None)
    out: list[Goal] = []
    area: str | None = None
    label: str | None = None
    period: tuple[int | None, int | None] = (None, None)
    para: list[str] = []
    n = first_number - 1

    def flush() -> None:
        nonlocal n
        goal_text = _join(para)
        para.clear()
        if not goal_text or label is None:
            return
        n += 1
        out.append(Goal(goal_id=f"{doc_id[:16]}:g{n}", doc_id=doc_id, item_id=item_id,
                        municipality=municipality, municipality_code=municipality_code, body=body,
                        period_start=period[0], period_end=period[1], unit=label, binding=None,
                        strategy_area=area, ordinal=sum(1 for g in out if g.unit == label
                                                        and g.strategy_area == area) + 1,
                        text=goal_text, theme=theme_of(goal_text)))

    for t in lines:
        if t == title and out:
            continue
        m = _STRATEGY_AREA.match(t)
        if m:
            flush()
            area, label = (m.group(1) or m.group(2)).strip().capitalize(), None
            continue
        c = _COLUMN_LABEL.match(t)
        if c:
            flush()
            label = c.group(1)
            if c.group(2):
                a, b = re.split(r"\s*[-–]\s*", c.group(2))
                period = (_year(a), _year(b, _year(a)))
            continue
        if not t:
            flush()
            continue
        if label is not None:
            para.append(t)
    flush()
    return out


def extract_strategy_columns(source: bytes | list[Line], doc_id: str, **kwargs: object) -> list[Goal]:
    """`extract_strategy_goals` over a PDF (bytes) or its page lines, each table column read on its
    own from word positions, because plain text extraction interleaves them (seed 004)."""
    if isinstance(source, (bytes, bytearray)):
        from extractors.text.pdftext import read_pdf

        lines = [line for page in read_pdf(bytes(source)).pages for line in page.lines]
    else:
        lines = source
    by_page: dict[int, list[Line]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    chunks: list[str] = []
    for page_lines in by_page.values():
        for column in column_texts(page_lines):
            steps = sorted(b.y - a.y for a, b in zip(column, column[1:], strict=False) if b.y > a.y)
            usual = steps[len(steps) // 2] if steps else 12.0  # the column's ordinary line step
            prev_y: float | None = None
            for line in column:
                if prev_y is not None and line.y - prev_y > 1.5 * usual:
                    chunks.append("")
                chunks.append(line.text)
                prev_y = line.y
            chunks.append("")
    # area headings span the full width and land in the first column: keep them in reading order
    return extract_strategy_goals("\n".join(chunks), doc_id, **kwargs)  # type: ignore[arg-type]
