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

A table whose header reports no outcome (no status, actual value, ticked status columns or
assessment: a budget's 'Tavoite | Toimenpiteet | Mittari | Tavoitetaso') sets goals: its records
become Goal, GoalAction and GoalMetric rows (`to_goals`), never status-less follow-up rows. A
table whose only comment column could describe either ('Tilannekuvaus ja riskiarvio',
'Lisätietoja') goes with the document's other tables: a report of outcomes, or a plan.

Status comes from, in order: the fill colour of the status cell (a legend line, when printed,
says what each colour means), the words in the status cell, and the opening words of the comment.
A status cell that only says the task is finished ('Valmis') yields to a comment that states the
outcome ('Ei toteutunut, tappio 8.941 €'), because finishing the evaluation is not reaching the goal.

The chain: pypdfium2 text finds the pages worth opening -> pdfplumber tables and filled shapes
per page (each page closed after use) -> rows with roles -> records.
"""

from __future__ import annotations

import colorsys
import functools
import io
import re
from dataclasses import dataclass, field

from extractors import vocab
from extractors.goals.budget import column_of, is_header_word, is_key_figure_header, is_table_title, parse_amount
from extractors.goals.plans import TableRow, binding_of, body_names, find_period, goals_from_table
from extractors.records import FollowUp, Goal, GoalAction, GoalMetric, Line, PageText

# --- vocabulary (the words live in extractors/vocab.py) -----------------------------------------------

ROLE_STEMS = vocab.FOLLOWUP_ROLE_STEMS
_WHOLE_WORD_ROLES = vocab.FOLLOWUP_WHOLE_WORD_ROLES
KEY_ROLES = {"goal", "action", "metric"}


def _any(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


# Negations and partial words first: 'ei toteutunut' must not be read as 'toteutunut'.
STATUS_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("osittain", _any(vocab.STATUS_PARTIAL_WORDS)),
    ("ei_toteutunut", _any(vocab.STATUS_NOT_WORDS)),
    ("toteutunut", _any(vocab.STATUS_DONE_WORDS)),
)
PROCESS_WORDS = re.compile(r"^\s*(?:" + "|".join(vocab.STATUS_PROCESS_WORDS) + r")\s*\.?\s*$", re.I)

DEFAULT_COLOUR_STATUS = vocab.DEFAULT_COLOUR_STATUS
COLOUR_NAMES = vocab.COLOUR_NAME_STEMS
_COLOUR_ALT = "|".join(sorted(COLOUR_NAMES, key=len, reverse=True))
_COLOUR_WORD = re.compile(r"(?<![\w])(" + _COLOUR_ALT + r")\w*", re.I)
_YEAR_CONTEXT = re.compile(
    r"(?:toteutumi\w*|tilinpäätös|toimintakertomus|tavoitteet|vuosi|vuoden|seuranta\w*|uppföljning\w*|"
    r"bokslut|målen)\s+(?:31\.12\.)?(20\d{2})\b", re.I)
_BODY = re.compile(r"\b([A-ZÅÄÖ][\w-]*(?:lautakunta|hallitus|valtuusto|jaosto|johtokunta|toimikunta|nämnden|"
                   r"styrelsen|fullmäktige|sektionen))\b")
_COMPANY = re.compile(vocab.SUBSIDIARY_FORMS)
_ORG_HEADING = re.compile(vocab.SUBSIDIARY_FORMS + r"|liikelaitos\b|lautakunta$|hallitus$")
# a unit heading of a toimintakertomus: '130 Yleishallinto', 'Tulosalue: Perusopetus'
_HEADING_TITLE = re.compile(r"\s*:\s*(?:" + "|".join(vocab.UNIT_HEADING_TITLES) + r")(?:\s+(?:v\.\s*)?20\d{2})?\s*$",
                            re.I)
_UNIT_HEADING = re.compile(r"^(?:\d{2,4}\s+[A-ZÅÄÖ][^\d.:;]{2,60}|(?:[Tt]ulosalue|[Tt]ehtäväalue|[Pp]alvelualue"
                           r"|[Vv]astuualue)\b[^.;]{2,60})$")

GLYPHS = vocab.STATUS_GLYPHS
ROUND_GLYPHS = vocab.STATUS_ROUND_GLYPHS
DEFAULT_MIN_SATURATION = 0.1
DEFAULT_PAGE_WINDOW = 1  # pages after a header page opened too (tables that run on without a header)
DEFAULT_LEGEND_RGB_DISTANCE = 0.08  # a cell fill this close to a legend box takes the box's meaning
DEFAULT_RUNNING_LINES = 3  # lines at the top and the foot of a page where running headers and footers sit
DEFAULT_PAGE_TOP = 0.1  # share of a page at its top where a running header sits ...
DEFAULT_PAGE_TOP_GAP = 2.0  # ... set apart from the text below by this many line heights
DEFAULT_RUNNING_Y = 3.0  # points: a running header or footer is printed at the same height on each page
DEFAULT_HEADER_CELL_WORDS = 8  # header cells are short; data rows also contain 'tavoite', 'mittari'
DEFAULT_LARGER_TYPE = 1.1  # a line set this much larger than a table's rows is a heading after the table
DEFAULT_HEADER_LINE_STEP = 1.75  # lines of one wrapped header cell are at most this many heights apart


# --- roles --------------------------------------------------------------------------------------------


_LETTERS = re.compile(r"[a-zåäö]+")
_SENTENCE_MARK = re.compile(r"[.:;/]")
_BROKEN_WORD = re.compile(r"(\w{3,}) (\w)\b")  # a narrow cell's last letter on its own: 'Toteutunu t'
# any stem at all: most cells hold none, and one scan tells so instead of a test per stem and role
_ANY_STEM = re.compile("|".join(re.escape(stem) for _, stems in ROLE_STEMS for stem in stems))


@functools.lru_cache(maxsize=100_000)
def column_role(header: str) -> str | None:
    """The role a printed header cell names, or None ('Toimenpide/mittari' -> action)."""
    folded = " ".join(header.lower().split())
    if not folded or len(folded) > 80:
        return None
    spaced, joined = folded + " ", folded.replace(" ", "") + " "
    if _ANY_STEM.search(joined) or _ANY_STEM.search(spaced):
        for role, stems in ROLE_STEMS:  # narrow cells break words ('Tavoiteta so 2026'): a word joined again first
            if any(len(stem) >= 7 and stem in joined and stem not in spaced for stem in stems):
                return role
        for text in (spaced, joined):  # 'Toteutumine n'
            for role, stems in ROLE_STEMS:
                if any(stem in text for stem in stems):
                    return role
    for word in _LETTERS.findall(folded):
        if word in _WHOLE_WORD_ROLES:
            return _WHOLE_WORD_ROLES[word]
    return None


def _mark_role(header: str) -> str | None:
    """'Toteutunut' / 'Osittain' / 'Ei toteutunut' as a column header: a column ticked with 'X'."""
    words = header.split()
    if not words or len(words) > 3 or _SENTENCE_MARK.search(header):
        return None
    status = status_from_words(_BROKEN_WORD.sub(r"\1\2", header))  # 'Toteutunu t'
    return f"mark:{status}" if status else None


_YEAR_COLUMN = re.compile(r"^(TA|TP)\s?-?(20\d{2})$", re.I)


def kpi_roles(texts: list[str]) -> list[str | None] | None:
    """A key-figure table 'Konsernille asetetut tavoitteet | TA2024 | TP2024 | TP2023': the budget
    year's TA is the target, the TP of the same year the actual value, older TPs extras. Budget
    tables ('TP 2023 | TA 2024 | TA 2025') have no TA and TP of the same year."""
    if len(texts) < 3 or not texts[0] or _YEAR_COLUMN.match(texts[0]):
        return None
    cols = [_YEAR_COLUMN.match(t) for t in texts[1:]]
    if not all(cols):
        return None
    ta = {m.group(2) for m in cols if m and m.group(1).upper() == "TA"}
    tp = {m.group(2) for m in cols if m and m.group(1).upper() == "TP"}
    if not ta & tp:
        return None
    year = max(ta & tp)
    roles: list[str | None] = ["metric"]
    for m in cols:
        kind = m.group(1).upper() if m else ""
        roles.append("target" if (kind, m and m.group(2)) == ("TA", year) else
                     "actual" if (kind, m and m.group(2)) == ("TP", year) else "extra")
    return roles


def header_roles(cells: list[str | None]) -> list[str | None] | None:
    """Roles of a header row, or None when the row is not a header (fewer than two roles, or long
    cells: data rows also contain words like 'tavoite')."""
    texts = [" ".join((c or "").split()) for c in cells]
    kpi = kpi_roles(texts)
    if kpi:
        return kpi
    # a cell that ends a sentence is data ('Toimenpiteet etenivät suunnitellusti.')
    roles: list[str | None] = [None if t.endswith(".") else column_role(t) for t in texts]
    marks = [_mark_role(t) if r is None else None for t, r in zip(texts, roles, strict=True)]
    ticked = [k for k, m in enumerate(marks) if m]
    if (len(ticked) >= 2 and len({marks[k] for k in ticked}) == len(ticked)
            and ticked[-1] - ticked[0] == len(ticked) - 1):  # adjacent columns, one per status
        roles = [m or r for r, m in zip(roles, marks, strict=True)]
    named = [r for r in roles if r]
    if len(set(named)) < 2:
        return None
    filled = [t for t in texts if t]
    if any(len(t) > 80 or len(t.split()) > DEFAULT_HEADER_CELL_WORDS for t in filled):
        return None
    if len(named) * 2 <= len(filled):
        return None  # most cells of a header name a column
    if not (set(named) & {"status", "comment", "action", "metric", "strategy_goal"}
            or any(r.startswith("mark:") for r in named)):
        return None
    roles = _value_columns(roles, texts)
    seen: set[str] = set()
    out: list[str | None] = []
    for role in roles:
        if role == "goal" and {"goal", "metric"} <= seen and "target" not in roles:
            out.append("target")  # 'Tavoite | Mittari | Tavoite | Toteuma': a goal column after the metric's
            seen.add("target")
        elif role in seen and role in ("metric", "goal", "action", "status"):
            out.append("extra")  # 'Mittari | Tavoitearvo': the second metric column is a value
        else:
            out.append(role)
            if role:
                seen.add(role)
    comments = [k for k, r in enumerate(out) if r == "comment"]
    if len(comments) >= 2 and "status" not in out and not any((r or "").startswith("mark:") for r in out):
        # 'Arviointi | Perustelut' and no status column: the first, an assessment, is the verdict column
        graded = [k for k in comments if any(stem in texts[k].lower() for stem in vocab.FOLLOWUP_VERDICT_STEMS)]
        if graded and graded[0] != comments[-1]:
            out[graded[0]] = "status"
    return out


_MEASURED = re.compile(r"toteuma|toteutuma|toteutunut|toteutui(?!ko)|utfall", re.I)  # measured-value headers
_HEADER_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")


def _value_columns(roles: list[str | None], texts: list[str]) -> list[str | None]:
    """Columns that hold values of a year, named like goal or status columns: 'Tavoite 2025' is the
    target, 'Toteuma 2025' / 'Toteutunut 2025' the measured value, 'TP 2024' (an earlier year than
    the others) the baseline; and where a header has a status column of its own ('Toteutuminen',
    'Arvio', 'Tila'), a 'Toteutuma' column beside it holds the measured value."""
    years = [int(m.group(1)) if (m := _HEADER_YEAR.search(t)) else None for t in texts]
    latest = max((y for y in years if y), default=None)
    out = list(roles)
    for k, (role, text, year) in enumerate(zip(roles, texts, years, strict=True)):
        if year is None or "metric" not in roles:
            continue
        if role == "goal" or (role is None and re.match(r"tavoite|mål\b", text, re.I)):
            out[k] = "target"
        elif role in ("status", None) and _MEASURED.search(text.replace(" ", "")) or (role or "").startswith("mark:"):
            out[k] = "actual"
        elif role == "extra" and re.match(r"tp\b", text, re.I) and latest and year < latest and "current" not in roles:
            out[k] = "current"
    # 'TP 2023 | TA 2024 | TP 2024' beside a metric: the reported year's budget (TA) is the target and its
    # accounts (TP) the measured value, as in a key-figure table
    years_of = {(m.group(1).upper(), m.group(2)): k for k, t in enumerate(texts) if (m := _YEAR_COLUMN.match(t))}
    both = sorted(y for kind, y in years_of if kind == "TA" and ("TP", y) in years_of)
    if both and "metric" in roles and not {"target", "actual"} & set(out):
        out[years_of[("TA", both[-1])]] = "target"
        out[years_of[("TP", both[-1])]] = "actual"
    statuses = [k for k, r in enumerate(out) if r == "status"]
    if len(statuses) >= 2 and "actual" not in out:
        # ... or the one naming the day or year it was measured ('Toteutuminen 31.12.2024' beside 'Arvio')
        measured = [k for k in statuses if _MEASURED.search(texts[k].replace(" ", ""))] or [
            k for k in statuses if _HEADER_YEAR.search(texts[k])]
        if measured and len(measured) < len(statuses):
            out[measured[0]] = "actual"
    return out


def reports_outcome(roles: list[str | None], texts: list[str]) -> bool | None:
    """Does a header name a column that reports an outcome: a status, an actual value, ticked status
    columns or an assessment ('Arviointi', 'Kommentointi')? True; a table without one ('Tavoite |
    Toimenpiteet | Mittari | Tavoitetaso', a budget's plan) sets goals: False; a comment column that
    may describe a plan or an outcome ('Tilannekuvaus ja riskiarvio', 'Lisätietoja'): None, the
    document's other tables decide."""
    unsure = False
    for role, text in zip(roles, texts, strict=False):
        if role in ("status", "actual") or (role or "").startswith("mark:"):
            return True
        if role == "comment":
            if any(stem in text.lower() for stem in vocab.FOLLOWUP_ASSESSMENT_STEMS):
                return True
            unsure = True
    return None if unsure else False


def status_from_words(text: str | None) -> str | None:
    """toteutunut | osittain | ei_toteutunut from words ('Toteutui', 'Osittain', 'Ei toteutunut',
    'Delvis uppnått') or symbols ('✓', '✗', '(✓)')."""
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
    if not first or not re.search(r"toteu|saavut|osittain|pääosin|pääsääntöisesti|uppnå|förverklig|delvis",
                                  first, re.I):
        return None  # 'Kaksi kolmesta valmis.' reports progress, it does not grade the goal
    if STATUS_PATTERNS[0][1].search(first):
        return "osittain"
    return status_from_words(first.split(",")[0])


_NUMBER = re.compile(r"(?<![\d,.])[-+−]?\d{1,3}(?:[ \u00a0.]\d{3})+(?:,\d+)?(?![\d,])|(?<![\d,.])[-+−]?\d+(?:,\d+)?")


def to_number(text: str) -> float | None:
    """'12,1' -> 12.1, '12.000' and '17 000' -> 12000.0 / 17000.0 (Finnish separators)."""
    t = re.sub(r"[ \u00a0]", "", text).replace("−", "-")
    t = re.sub(r"\.(?=\d{3}(?!\d))", "", t).replace(",", ".")
    try:
        return float(t)
    except ValueError:
        return None


def _words_re(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_TARGET = re.compile(rf"(?<!\w)({_words_re(vocab.TARGET_AT_LEAST)}|{_words_re(vocab.TARGET_AT_MOST)})\s*"
                     rf"({_NUMBER.pattern})", re.I)
_ACTUAL = re.compile(rf"(?<!\w)((?:{_words_re(vocab.ACTUAL_WORDS)})\s+)+({_NUMBER.pattern})", re.I)
_SHORTFALL = re.compile(rf"(?<!\w)(?:{_words_re(vocab.SHORTFALL_WORDS)})\s+(?:{_NUMBER.pattern})", re.I)
_LOSS = re.compile(rf"(?<!\w)(?:{_words_re(vocab.LOSS_WORDS)})|(?:^|\s)[-−]\s?\d", re.I)
_RESULT_TARGET = re.compile(rf"(?<!\w)(?:{_words_re(vocab.RESULT_TARGET_WORDS)})\b", re.I)


def measured_verdict(target_text: str | None, comment: str | None, actual_value: str | None = None) -> str | None:
    """A status from the numbers when the assessment states no verdict: the measured value
    ('oli 3,02', 'nyt vain 0,2') against the target ('vähintään 1,5'), a profit or loss against a
    result target ('Voitollinen' / '+973 316,91 €'), or a value reported as short ('vain')."""
    comment = comment or ""
    bare = actual_value if actual_value and re.fullmatch(_NUMBER.pattern + r"\s*%?", actual_value.strip()) else None
    if not comment and not bare:
        return None
    target_text = target_text or ""
    if _RESULT_TARGET.search(target_text):
        if _LOSS.search(comment):
            return "ei_toteutunut"
        if re.search(r"\+\s?\d|\bvoitollinen\b|\bylijäämä", comment, re.I):
            return "toteutunut"
        return None
    if _SHORTFALL.search(comment):
        return "ei_toteutunut"
    actual = _ACTUAL.search(comment)
    target = _TARGET.search(target_text)
    if not (actual or bare) or not target:
        return None
    got = to_number(actual.group(2)) if actual else to_number(bare.strip(" %"))
    want = to_number(target.group(2))
    if got is None or want is None:
        return None
    at_least = target.group(1).lower() in vocab.TARGET_AT_LEAST
    return "toteutunut" if (got >= want if at_least else got <= want) else "ei_toteutunut"


# --- colours ------------------------------------------------------------------------------------------

RGB = tuple[float, float, float]


def to_rgb(colour: object) -> RGB | None:
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


def colour_name(rgb: RGB | None) -> str | None:
    """vihreä | keltainen | oranssi | punainen | sininen | harmaa | valkoinen | musta by hue.

    Excel's 'Good / Neutral / Bad' cell styles are pale (#C6EFCE is only 17 % saturated), so the
    saturation floor is low; greys and white have none at all."""
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


def _colour_of_word(word: str) -> str | None:
    low = word.lower()
    return next((name for stem, name in COLOUR_NAMES.items() if low.startswith(stem)), None)


def parse_digit_legend(text: str) -> dict[str, str]:
    """Status digits from a legend ('1 = Tavoite toteutunut  2 = ... osittain  3 = ... ei toteutunut'):
    kept when two or more digits get different meanings."""
    found: dict[str, str] = {}
    for m in re.finditer(r"(?<![\d,.])([1-5])\s*[=:–]\s*([^=\n]{3,60}?)(?=\s+\S?\s*[1-5]\s*[=:–]|\n|$)", text):
        status = status_from_words(m.group(2))
        if status:
            found.setdefault(m.group(1), status)
    return found if len(set(found.values())) >= 2 else {}


# a symbol ('+', '±', '+/-', '↑') or a lone capital letter ('T = tavoite toteutunut, O = ..., E = ...')
_SYMBOL_ITEM = re.compile(r"(?:^|[,;]\s*|\s{2,})([^\w\s=,;()]{1,3}(?:/[^\w\s=,;()]{1,2})?|[A-ZÅÄÖ](?!\w))\s*=\s*"
                          r"([^=,;\n]{3,60})", re.M)


def parse_symbol_legend(text: str) -> dict[str, str]:
    """Status symbols from a legend ('+ = tavoite toteutunut, ± = ... osittain, – = ... ei toteutunut',
    '+/- = osittain', 'T = toteutunut, O = osittain, E = ei toteutunut'): kept when two or more symbols get
    different meanings."""
    found: dict[str, str] = {}
    for m in _SYMBOL_ITEM.finditer(text):
        status = status_from_words(m.group(2))
        if status:
            found.setdefault(m.group(1), status)
    return found if len(set(found.values())) >= 2 else {}


_PERCENT = r"(\d{1,3}(?:,\d+)?)\s*%"
_BAND_ITEM = re.compile(r"([^=,;\n]{0,30}?\d[^=,;\n]{0,20}%[^=,;\n]{0,20}?)\s*=\s*([^=,;\n]{3,60})")
# the meaning first: 'Tavoite toteutunut: 100 % tai enemmän; osittain toteutunut: 50–99 %'
_BAND_ITEM_AFTER = re.compile(r"([^=:,;\n\d%]{3,60}?)\s*:\s*([^=:,;\n]{0,30}?\d[^=:,;\n]{0,20}%[^=:,;\n]{0,20})")


def _band(text: str) -> tuple[float, float] | None:
    """The range of percents one legend item names: '50–99 %', '100 % tai yli', 'alle 50 %', '≥ 90 %'."""
    t = text.lower()
    m = re.search(r"(\d{1,3}(?:,\d+)?)\s*%?\s*[-–]\s*" + _PERCENT, t)
    if m:
        return to_number(m.group(1)) or 0.0, to_number(m.group(2)) or 0.0
    m = re.search(_PERCENT, t)
    if not m:
        return None
    value = to_number(m.group(1)) or 0.0
    if re.search(r"alle|<|enintään|korkeintaan|under", t):
        return -1e9, value - 1e-9 if re.search(r"alle|<|under", t) else value
    if re.search(r"tai yli|tai enemmän|≥|>=|vähintään|minst", t):
        return value, 1e9
    if re.search(r"yli|>|över", t):
        return value + 1e-9, 1e9
    return value, value


def parse_percent_legend(text: str) -> list[tuple[float, float, str]]:
    """Percent bands from a legend ('100 % tai yli = toteutunut, 50–99 % = osittain, alle 50 % = ei
    toteutunut', or the meaning first: 'toteutunut: 100 % tai enemmän; osittain toteutunut: 50–99 %'):
    (low, high, status), kept when two or more bands get different meanings."""
    for pattern, meaning, band_at in ((_BAND_ITEM, 2, 1), (_BAND_ITEM_AFTER, 1, 2)):
        found = []
        for m in pattern.finditer(text):
            status, band = status_from_words(m.group(meaning)), _band(m.group(band_at))
            if status and band:
                found.append((band[0], band[1], status))
        if len({s for _, _, s in found}) >= 2:
            return found
    return []


def parse_legend(text: str) -> dict[str, str]:
    """Colour meanings from legend lines, in any of the printed shapes:
    'Vihreä = toteutunut, keltainen = toteutunut osittain, punainen = ei toteutunut',
    'Vihreä: tavoite saavutettu / Keltainen: ...', 'Toteutunut (vihreä), osittain (keltainen)',
    'Grön = uppnått, gul = delvis uppnått'. A line counts as a legend when it gives two or more
    colours a meaning; each meaning is the words beside its colour, up to the next separator."""
    out: dict[str, str] = {}
    for line in text.split("\n"):
        if len(_COLOUR_WORD.findall(line)) < 2 or len(line) > 400:
            continue
        found: dict[str, str] = {}
        for piece in re.split(r"[,;/\n]|\s+(?=(?:" + _COLOUR_ALT + r")\w*\s*[=:–-])", line,
                              flags=re.I):
            if not piece:
                continue
            colours = [m for m in _COLOUR_WORD.finditer(piece) if _colour_of_word(m.group(0))]
            if len(colours) != 1 or len(piece) > 90:
                continue
            m = colours[0]
            meaning = (piece[: m.start()] + " " + piece[m.end():]).strip(" =:–-()")
            meaning = re.sub(r"^\s*(?:värikoodi\w*|selite|färgkod\w*)\s*:?", "", meaning, flags=re.I)
            status = status_from_words(meaning)
            name = _colour_of_word(m.group(0))
            if name and status:
                found[name] = status
        if len(found) >= 2:
            out.update(found)
    return out


# --- table reading ------------------------------------------------------------------------------------


@dataclass
class Cell:
    text: str
    bbox: tuple[float, float, float, float] | None = None
    colour: str | None = None  # colour name of the cell's fill (or of a shape drawn in the cell)
    rgb: RGB | None = None  # that fill itself, for legends that tell greys apart by shade
    ball: bool = False  # the colour is a round shape drawn in the cell (a traffic light), not a fill


@dataclass
class _Record:
    values: dict[str, str] = field(default_factory=dict)
    status_cell: Cell | None = None
    page: int | None = None
    context: str | None = None
    body: str | None = None
    unit: str | None = None
    extras: list[str] = field(default_factory=list)
    marked: str | None = None  # status from a ticked status column
    outcome: bool | None = False  # read under a header that reports an outcome (`reports_outcome`)


def _lone_goal(rec: _Record) -> bool:
    """A record of a goal and nothing else (no metric, value, status or comment yet)."""
    return (set(rec.values) - {"strategy_area"} == {"goal"} and rec.status_cell is None and not rec.marked
            and not rec.extras)


def _surer(a: bool | None, b: bool | None) -> bool | None:
    """Of two answers to 'reports an outcome?': True over unsure (None) over False."""
    return True if True in (a, b) else None if None in (a, b) else False


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
                r"(?:ja|tai|sekä|och|eller)\b", line):
            out = out[:-1] + line
        else:
            out = f"{out} {line}" if out else line
    return " ".join(out.split())


def _is_mark(text: str) -> bool:
    return text.strip().lower() in vocab.STATUS_MARKS


class TableReader:
    """Turns rows of cells (from any source: PDF tables, word positions, tab-separated text, HTML)
    into records: follow-up rows, or goals where the table reports no outcome."""

    def __init__(self, legend: dict[str, str] | None = None,
                 legend_rgb: list[tuple[RGB, str]] | None = None, digit_legend: dict[str, str] | None = None,
                 legend_text: str = "") -> None:
        self.legend = {**DEFAULT_COLOUR_STATUS, **(legend or {})}
        # '+ = toteutunut', '50–99 % = osittain': what a printed symbol or percent means; a legend may
        # wrap over lines, or print one item a line
        wrapped = " ".join(legend_text.split("\n"))
        self.symbols = parse_symbol_legend(legend_text) or parse_symbol_legend(wrapped)
        self.bands = parse_percent_legend(wrapped) or parse_percent_legend(legend_text)
        self.printed_legend = bool(legend)
        self.legend_rgb = list(legend_rgb or [])
        # status digits: the printed legend's ('1 = Tavoite toteutunut'), else what the balls they are
        # printed in mean (settled in records()), else the usual 1 = toteutunut ... 3 = ei_toteutunut
        self.digits = {**vocab.DEFAULT_DIGIT_STATUS, **(digit_legend or {})}
        self.printed_digits = bool(digit_legend)
        self.colour_is_verdict = True  # settled over the whole table in records()
        self.status_is_field = False
        self.kpi = False  # the current header is a key-figure table's (TA / TP of one year)
        self.outcome: bool | None = False  # the current header reports an outcome (see `reports_outcome`)
        self.role_boxes: list | None = None  # the header cells' boxes, to place rows of other grids
        self.roles: list[str | None] | None = None
        self.pending: _Record | None = None
        self.done: list[_Record] = []
        self.last_strategy: str | None = None
        self.last_goal: str | None = None
        self.header_above: list[str] | None = None  # the texts of a header row right above (none: data between)
        self.fed = 0  # data rows taken in (a page that adds none ends a table running over pages)
        self.last_place: tuple[int | None, str | None, str | None] | None = None  # page, unit, body of the last row

    def feed(self, cells: list[Cell], page: int | None = None, context: str | None = None,
             body: str | None = None, full_width: bool = False, unit: str | None = None,
             continued: bool = False, goal: str | None = None) -> None:
        """One table row. ``continued``: the first row of a page without a header of its own, which
        may be the rest of a row cut by the page break. ``goal``: a numbered goal heading printed right
        above a table that has no goal column ('1. Asukkaiden hyvinvointi paranee'): its rows' goal."""
        texts = [c.text for c in cells]
        roles = header_roles(texts)
        stacked = self._stacked_header(texts, roles)
        if stacked is not None:
            texts, roles = stacked
        after_header = bool(self.header_above)
        self.header_above = texts if roles is not None else None
        if roles is not None:
            rec = self.pending
            outcome = reports_outcome(roles, texts)
            if rec is not None and outcome is not False and not set(roles) & KEY_ROLES:
                rec.outcome = _surer(rec.outcome, outcome)  # a block's second header row ('Arviointi | Tila')
            if rec is not None and (rec.status_cell is not None or rec.marked or "actual" in rec.values):
                self._flush()  # an assessed row is complete: a new header starts the next block
            self.outcome = outcome
            kpi = bool(kpi_roles([" ".join(t.split()) for t in texts]))
            self.role_boxes = [c.bbox for c in cells] if any(c.bbox for c in cells) else None
            if kpi or self.kpi:  # a key-figure table names its group in its first header cell
                self.last_strategy, self.last_goal = (" ".join(texts[0].split()) if kpi else None), None
            elif "goal" in roles and page is not None and self.last_place and self.last_place[0] == page:
                # a new goal table below the last one on its page (a header repeated on the next page goes
                # on with the table; a metric table under its goal table keeps that goal): its first rows
                # have no goal of the table above
                self.last_strategy = self.last_goal = None
            self.roles, self.kpi = roles, kpi
            return
        if is_budget_header(texts):
            self._flush()  # a budget table (Talousarvio | Toteutuma | Poikkeama): no goal rows below
            self.roles = None
            return
        if self.roles is not None and self.role_boxes and len(cells) != len(self.roles):
            cells = self._under_header(cells)
        if self.roles is None or not any(t.strip() for t in texts):
            return
        if full_width or (sum(1 for t in texts if t.strip()) == 1 and len(cells) == 1 < len(self.roles)):
            # a strategy group row spanning the table: it names the area of the rows below
            self._flush()
            self.last_strategy = next(t for t in texts if t.strip())
            self.last_goal = None
            self.fed += 1
            return
        filled = {}
        status_cell = None
        extras = []
        marked = None
        for cell, role in zip(cells, self.roles, strict=False):
            if role == "status":
                status_cell = cell
            if role is None or role == "actual":
                if status_cell is None and (cell.ball or (role == "actual" and cell.colour)):
                    # a ball in an unlabelled column, or a ball or fill on the measured value
                    status_cell = Cell(_ball_digit(cell.text), cell.bbox, cell.colour, cell.rgb, ball=True)
                if role is None:
                    continue
            if role.startswith("mark:"):
                if _is_mark(cell.text) or (cell.colour and not cell.text):
                    marked = role[5:]
                continue
            if role == "extra":
                if cell.text:
                    extras.append(cell.text)
                continue
            if cell.text and role != "status":
                filled[role] = _without_own_label(cell.text, role)
        if "strategy_goal" in filled:  # 'Strateginen valinta | Strateginen tavoite': one area
            goal = filled.pop("strategy_goal")
            filled["strategy_area"] = f"{filled['strategy_area']} – {goal}" if "strategy_area" in filled else goal
        if self.kpi and parse_amount(filled.get("target", "")) is not None:
            return  # 'Vuosikate | 4 803 370 | 11 139 854': a budget comparison, not a target with a limit
        has_status = (status_cell is not None and bool(status_cell.text or status_cell.colour)) or bool(marked)
        if not filled and not has_status and not extras:
            return
        self.fed += 1
        if self.last_place is not None and (unit, body) != self.last_place[1:]:
            self.last_strategy = self.last_goal = None  # another unit's table: nothing carries over
        self.last_place = (page, unit, body)
        rec = self.pending
        if rec is not None and "goal" in filled and _lone_goal(rec) and (self.roles or []).count("goal") == 1:
            # the row above named a goal and nothing else, and this row names one of its own: that row
            # was a group heading set in the goal column ('Turvallinen ja viihtyisä ympäristö')
            self.last_strategy, self.last_goal = rec.values["goal"], None
            rec = self.pending = None
        conflict = rec is None or any(role in rec.values for role in filled) or (
            has_status and (rec.status_cell is not None or rec.marked is not None))
        if rec is not None and set(filled) == {"comment"} and not has_status and rec.values.get("comment"):
            rec.values["comment"] += " " + filled["comment"]  # a comment running on over a page break
            return
        last = self.done[-1] if self.done else None
        if (rec is None and after_header and last is not None and set(filled) == {"comment"} and not has_status
                and not extras and last.page is not None and page is not None and last.page < page
                and last.values.get("comment")):
            # the first row under a header printed again on the next page, with nothing but the rest of an
            # assessment: the end of the last row of the page before, cut by the page break
            last.values["comment"] += " " + filled["comment"]
            return
        if continued and rec is not None and rec.status_cell is None and rec.marked is None and (
                has_status or any(role not in rec.values for role in filled)):
            for role, text in filled.items():  # the rest of a row cut by the page break
                rec.values[role] = f"{rec.values[role]} {text}" if role in rec.values else text
            if status_cell is not None and (status_cell.text or status_cell.colour):
                rec.status_cell = status_cell
            return
        if goal and "goal" not in (self.roles or []) and "goal" not in filled:
            filled = {"goal": goal, **filled} if conflict else filled
            self.last_goal = goal
        if conflict:
            self._flush()
            rec = self.pending = _Record(page=page, context=context, body=body, unit=unit)
            if "strategy_area" not in filled and self.last_strategy:
                rec.values["strategy_area"] = self.last_strategy
            # a continuation row, or a metric table under its goal table, keeps the goal above
            if "goal" not in filled and self.last_goal and "strategy_area" not in filled and (
                    "goal" in self.roles or filled.keys() & {"metric", "current", "target", "actual"}):
                rec.values["goal"] = self.last_goal
        assert rec is not None
        rec.outcome = _surer(rec.outcome, self.outcome)
        rec.values.update(filled)
        rec.extras.extend(extras)
        if status_cell is not None and (status_cell.text or status_cell.colour):
            rec.status_cell = status_cell
        if marked:
            rec.marked = marked
        if "strategy_area" in filled:
            self.last_strategy = filled["strategy_area"]
            self.last_goal = filled.get("goal")
        if "goal" in filled:
            self.last_goal = filled["goal"]
        if rec.context is None:
            rec.context = context
        if rec.body is None:
            rec.body = body
        if rec.unit is None:
            rec.unit = unit

    def _stacked_header(self, texts: list[str], roles: list[str | None] | None,
                        ) -> tuple[list[str], list[str | None]] | None:
        """A header printed over two rows ('Tavoite | Mittari | Vuosi 2024 | | Arviointi' above
        '| | Tavoite | Toteuma | |'): a header row right under a header, some of its cells empty, is the
        lower half of that header. Each column is named by both rows, a lower cell under an
        empty upper one by the upper cell to its left that spans it ('Vuosi 2024' over 'Tavoite' and
        'Toteuma'). (texts, roles) of the whole header, or None."""
        above = self.header_above
        if roles is None or not above or len(above) != len(texts) or all(t.strip() for t in texts):
            return None
        combined, span = [], ""
        for top, low in zip(above, texts, strict=True):
            top, low = " ".join(top.split()), " ".join(low.split())
            if top:
                span = top if low else ""
            elif low:
                top = span
            combined.append(f"{top} {low}".strip())
        joined = header_roles(combined)
        return (combined, joined) if joined is not None else None

    def _under_header(self, cells: list[Cell]) -> list[Cell]:
        """Cells of a row drawn as a grid of its own (another table, or the rest of a row on the next
        page) placed under the header cell each overlaps most."""
        out = [Cell("") for _ in self.roles or []]
        for cell in cells:
            if cell.bbox is None:
                continue
            overlaps = [(min(cell.bbox[2], b[2]) - max(cell.bbox[0], b[0]), i)
                        for i, b in enumerate(self.role_boxes or []) if b is not None]
            best = max(overlaps, default=(0.0, -1))
            if best[0] > 0 and not out[best[1]].text and not out[best[1]].bbox:
                out[best[1]] = cell
        return out

    def _flush(self) -> None:
        if self.pending is not None and (set(self.pending.values) & (KEY_ROLES | {"comment"})):
            self.done.append(self.pending)
        self.pending = None

    def records(self) -> list[_Record]:
        self._flush()
        self._settle_status_column()
        self._settle_digits()
        reports = any(r.outcome for r in self.done)
        for rec in self.done:  # a table that could be either goes with the document's others
            if rec.outcome is None:
                rec.outcome = reports
        return self.done

    def _settle_digits(self) -> None:
        """Without a printed digit legend, a digit means what the balls it is printed in mean where
        their colours have a meaning (each digit its most frequent one, each meaning one digit): a
        report numbering from red (3 = green) is read as it means; the usual numbering is only an
        assumption, kept for digits no coloured ball explains."""
        if self.printed_digits:
            return
        votes: dict[str, dict[str, int]] = {}
        for rec in self.done:
            cell = rec.status_cell
            status = self.colour_status(cell) if cell is not None and cell.ball else None
            if status and cell is not None and re.fullmatch(r"\s*[1-5]\s*", cell.text or ""):
                count = votes.setdefault(cell.text.strip(), {})
                count[status] = count.get(status, 0) + 1
        learned = {digit: max(count, key=lambda s: count[s]) for digit, count in votes.items()}
        if len(set(learned.values())) == len(learned):  # two digits of one meaning: no numbering
            self.digits.update(learned)

    def _settle_status_column(self) -> None:
        """Is the status column a verdict at all? A colour is one where a legend or a traffic-light
        ball makes it one, or where the colours differ between rows; a column that says the same
        ('Valmis' on green) in every row is a field, not a verdict."""
        cells = [r.status_cell for r in self.done if r.status_cell is not None]
        colours = {(c.colour, tuple(round(v, 2) for v in c.rgb or ())) for c in cells if c.colour}
        self.colour_is_verdict = (self.printed_legend or bool(self.legend_rgb) or any(c.ball for c in cells)
                                  or len(colours) >= 2)
        looks = {(" ".join(c.text.lower().split()), c.colour, tuple(round(v, 2) for v in c.rgb or ())) for c in cells}
        self.status_is_field = len(cells) >= 3 and len(looks) == 1 and not any(c.ball for c in cells)

    def colour_status(self, cell: Cell | None) -> str | None:
        """A fill's meaning: the legend box of the same shade first, then the colour's name."""
        if cell is None:
            return None
        if cell.rgb is not None and self.legend_rgb:
            distance, status = min((max(abs(a - b) for a, b in zip(rgb, cell.rgb, strict=True)), s)
                                   for rgb, s in self.legend_rgb)
            if distance <= DEFAULT_LEGEND_RGB_DISTANCE:
                return status
        return self.legend.get(cell.colour) if cell.colour else None

    def text_status(self, rec: _Record) -> str | None:
        """What the assessment text says: its verdict words, else its numbers against the target."""
        comment = rec.values.get("comment")
        said = verdict(comment)
        if said:
            return said
        target = " ".join(rec.values.get(k, "") for k in ("target", "metric", "action", "goal"))
        measured = measured_verdict(target, comment, rec.values.get("actual"))
        if measured:
            return measured
        return "osittain" if comment and re.search(vocab.PARTIAL_CONTRAST, comment, re.I) else None

    def legend_status(self, text: str | None) -> tuple[str, str, bool] | None:
        """(status, source, conflict) of a status cell the document's legend explains: a symbol
        ('±'), or a percent within one of its bands ('85 %')."""
        t = " ".join((text or "").split())
        if not t:
            return None
        if t in self.symbols:
            return self.symbols[t], "symbol", False
        m = re.fullmatch(_PERCENT, t)
        value = to_number(m.group(1)) if m else None
        band = next((s for low, high, s in self.bands if value is not None and low <= value <= high), None)
        return (band, "percent", False) if band else None

    def status_of(self, rec: _Record) -> tuple[str | None, str | None, bool]:
        """(status, status_source, conflict): a ticked column; a colour or digit where the column is a
        verdict; words in the status cell; the assessment text. A process word ('Valmis') or a column
        that is a field yields to the text. Conflict: colour or digit and text disagree, or the
        colour and the digit printed beside it."""
        if rec.marked:
            return rec.marked, "symbol", False
        cell = None if self.status_is_field else rec.status_cell
        said = self.text_status(rec)
        colour_status = self.colour_status(cell) if self.colour_is_verdict else None
        digit = cell.text.strip() if cell and re.fullmatch(r"\s*[1-5]\s*", cell.text or "") else None
        digit_status = self.digits.get(digit) if digit else None
        legend_status = self.legend_status(cell.text if cell else None)
        if legend_status and not (colour_status or digit_status):
            return legend_status
        word_status = status_from_words(cell.text) if cell and cell.text and not digit else None
        process_only = bool(cell and cell.text and PROCESS_WORDS.match(cell.text))
        if colour_status or digit_status:
            status = colour_status or digit_status
            disagree = bool(said and said != status) or bool(digit_status and status != digit_status)
            return status, "color" if colour_status else "digit", disagree
        if word_status and not (process_only and said):
            symbol = not re.search(r"[a-zåäö]", cell.text.lower()) if cell else False
            return word_status, "symbol" if symbol else "text", False
        if said:
            return said, "text", False
        if self.status_is_field and rec.status_cell is not None and rec.status_cell.text:
            field_status = status_from_words(rec.status_cell.text)  # 'Valmis' where the text gives no verdict
            if field_status:
                return field_status, "text", False
        return None, None, False


_MEASURED_NUMBER = re.compile(rf"\s*(?:{_NUMBER.pattern})\s*(?:%|€|[a-zåäö]{{1,4}}\.?)?\s*", re.I)


def _measured_number(text: str) -> bool:
    """A status cell holding only a measured number ('16 110', '4,5', '80 %', '12 kpl'): a value, no words
    of assessment."""
    return bool(_MEASURED_NUMBER.fullmatch(text))


def to_followups(reader: TableReader, doc_id: str, municipality: str | None,
                 municipality_code: str | None, year: int | None, body: str | None,
                 first_number: int = 1) -> list[FollowUp]:
    """Follow-up rows of the tables that report an outcome. The document's body is the body of
    every row; a block under a company heading keeps the company apart ('Kauhavan Vesi Oy')."""
    out: list[FollowUp] = []
    for n, rec in enumerate((r for r in reader.records() if r.outcome), first_number):
        status, source, conflict = reader.status_of(rec)
        v = rec.values
        comment = v.get("comment")
        actual = v.get("actual")
        if rec.extras:
            extra = "; ".join(rec.extras)
            comment = f"{comment} ({extra})" if comment else extra
        cell = rec.status_cell
        if comment is None and cell and len(cell.text.split()) > 4 and status_from_words(cell.text):
            comment = " ".join(cell.text.split())  # 'Arvio': a verdict sentence and its reasons, the row's comment
        if cell and cell.text and not cell.ball and not glyph_only(cell.text) and not status_from_words(cell.text) \
                and not PROCESS_WORDS.match(cell.text) and not re.fullmatch(r"\s*[1-5]\s*", cell.text) \
                and not (source in ("symbol", "percent") and reader.legend_status(cell.text)):
            value = cell.text  # a measured value in the status column ('Toteutuma')
            if not _measured_number(value):  # words ('Käynnissä, valmistuu 2025') also say how it went
                comment = f"{comment} (toteuma: {value})" if comment else f"toteuma: {value}"
            actual = actual or value
        company = _company(rec)
        out.append(FollowUp(row_id=f"{doc_id[:16]}:r{n}", doc_id=doc_id, municipality=municipality,
                            municipality_code=municipality_code, year=year,
                            strategy_area=v.get("strategy_area") or rec.context, goal=v.get("goal"),
                            action=v.get("action"), metric=v.get("metric"), status=status,
                            status_source=source, comment=comment, page=rec.page,
                            body=(None if company else rec.body) or body, ordinal=n - first_number + 1,
                            unit=rec.unit or rec.body, company=company,
                            current_value=v.get("current"), target_value=v.get("target"), actual_value=actual,
                            status_conflict=conflict))
    return out


def _company(rec: _Record) -> str | None:
    """The company a block sits under (an organisation heading naming an Oy / Ab / Ky), else None."""
    return rec.body if rec.body and _COMPANY.search(rec.body) else None


def to_goals(reader: TableReader, doc_id: str, municipality: str | None, municipality_code: str | None,
             body: str | None, period: tuple[int | None, int | None]) -> list[Goal | GoalAction | GoalMetric]:
    """Goals of the tables that report no outcome (`reports_outcome`): a budget's goal tables."""
    rows = []
    for rec in reader.records():
        if rec.outcome:
            continue
        v = rec.values
        binding = binding_of(rec.context) if rec.context else None
        rows.append(TableRow(goal=v.get("goal"), action=v.get("action"), metric=v.get("metric"),
                             target=v.get("target"), baseline=v.get("current"),
                             strategy_area=v.get("strategy_area") or (None if binding else rec.context),
                             unit=rec.unit or rec.body, body=(None if _company(rec) else rec.body) or body,
                             binding=binding, page=rec.page))
    return goals_from_table(rows, doc_id, municipality, municipality_code, period)


def is_budget_header(cells: list[str]) -> bool:
    """A budget table's header row ('Talousarvio € | Toteutuma € | Poikkeama €', 'TP 2023 | TA 2024'):
    two or more budget columns and nothing that names a goal, metric or assessment; or a key-figure table's
    ('Nyckeltal | BS 2022 | BS 2023 | BS 2024 | Förändring %'): the rows under it are no goals either."""
    if is_key_figure_header(cells):
        return True
    texts = [" ".join(c.split()) for c in cells if c and c.strip()]
    rest = texts[1:] if texts and is_table_title(texts[0]) else texts  # 'Käyttötalous | TA 2025 | ...'
    # a cell a narrow column broke ('Alkuperäine' over 'n talousarvio') is a piece of a header word
    named = [t for t in rest if len(t) < 40 and (column_of(t) or all(is_header_word(w) for w in t.split()))]
    if len(named) < 2 or len(named) < len(rest) - 1 or not any(column_of(t) for t in named):
        return False
    return not any(column_role(t) in ("goal", "metric", "action", "comment", "target", "current", "actual")
                   for t in texts)


def _without_own_label(text: str, role: str) -> str:
    """A cell that repeats its column's name as a label ('Mittari: Periaatteet valmiit') without it."""
    m = re.match(r"\s*([A-Za-zÅÄÖåäö/ -]{3,30}?)\s*:\s+(?=\S)", text)
    return text[m.end():] if m and column_role(m.group(1)) == role else text


def _ball_digit(text: str) -> str:
    """The status digit printed with a ball (a lone '1' / '2' / '3'), else ''."""
    return text.strip() if re.fullmatch(r"\s*[1-5]\s*", text or "") else ""


# --- page selection, context, year ---------------------------------------------------------------------


def _line_roles(line: Line) -> set[str]:
    parts = [s.text for s in line.segments] or [line.text]
    if len(parts) == 1:
        parts = re.split(r"\t|\s{3,}|\s\|\s", parts[0])
    roles = header_roles(parts)
    if roles is not None:
        return {r for r in roles if r}
    return {r for r in (column_role(p) for p in parts) if r}


def is_header_line(line: Line) -> bool:
    roles = _line_roles(line)
    return len(roles) >= 2 and bool(roles & {"status", "comment", "action", "metric"} or
                                     any(r.startswith("mark:") for r in roles)) and len(line.text) < 200


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
        has_status = bool(roles & {"status", "comment", "actual"}) or any(r.startswith("mark:") for r in roles)
        if len(roles) >= 3 and has_status and roles & KEY_ROLES:
            return True
    lowered = text.lower()
    return bool(re.search(r"tavoite\s+toimenpide/mittari", lowered) and re.search(r"arviointi\s+tila", lowered))


def is_goal_table(text: str) -> bool:
    """Does this text hold a goal table that reports no outcome ('Tavoite | Toimenpiteet | Mittari |
    Tavoitetaso')? A header line naming three of goal, action, metric, target and baseline columns."""
    for raw in text.split("\n"):
        roles = _line_roles(Line(page=0, y=0, x0=0, text=raw.strip()))
        if len(roles & (KEY_ROLES | {"target", "current"})) >= 3 and roles & {"action", "metric"}:
            return True
    return False


def find_year(text: str) -> int | None:
    m = _YEAR_CONTEXT.search(text)
    if m:
        return int(m.group(1))
    years = re.findall(r"\b(20\d{2})\b", text)
    return int(max(set(years), key=years.count)) if years else None


def find_body(text: str) -> str | None:
    """The body a text names: in the nominative ('Sivistyslautakunta'), else in another case
    ('Hyvinvointilautakunnan talousarvio 2026')."""
    m = _BODY.search(text)
    if m:
        return m.group(1)
    names = body_names(text)
    return names[0] if names else None


def _is_heading_line(line: Line) -> bool:
    t = line.text.strip()
    return (0 < len(t) < 70 and t[0].isupper() and not t.endswith((".", ",", ":", ";"))
            and len(t.split()) <= 8 and not re.match(r"^\d+\s*/\s*\d+$", t)
            and not re.search(r"\d\s+\d", t))  # a row of figures is no heading


# --- PDF: shapes and legends --------------------------------------------------------------------------

Box = tuple[float, float, float, float]


def _shapes(page) -> list[tuple[Box, str, RGB]]:  # noqa: ANN001 - pdfplumber page
    """Filled rectangles and paths of the page (cell fills, traffic-light circles, legend boxes)
    with their colour names; borders drawn as thin rectangles and black fills are skipped."""
    out = []
    for obj in list(page.rects) + list(page.curves):
        if not obj.get("fill"):
            continue
        x0, top, x1, bottom = obj["x0"], obj["top"], obj["x1"], obj["bottom"]
        if x1 - x0 < 3 or bottom - top < 3:
            continue
        rgb = to_rgb(obj.get("non_stroking_color"))
        name = colour_name(rgb)
        if name in (None, "valkoinen", "musta") or rgb is None:
            continue
        out.append(((x0, top, x1, bottom), name, rgb))
    for char in page.chars:  # a traffic light printed as a coloured glyph ('●' in green), not drawn
        if char["text"] in GLYPHS:
            rgb = to_rgb(char.get("non_stroking_color"))
            name = colour_name(rgb)
            if name not in (None, "valkoinen", "musta") and rgb is not None:
                out.append(((char["x0"], char["top"], char["x1"], char["bottom"]), name, rgb))
    return out


def glyph_only(text: str | None) -> bool:
    """A cell that prints nothing but status glyphs ('●'): its colour is what it says."""
    t = "".join((text or "").split())
    return bool(t) and all(c in GLYPHS for c in t)


def _cell_fill(bbox: Box, shapes: list[tuple[Box, str, RGB]]) -> tuple[str | None, RGB | None]:
    """The colour of the smallest shape filling (most of) the cell or drawn inside it."""
    x0, top, x1, bottom = bbox
    area = max((x1 - x0) * (bottom - top), 1.0)
    best: tuple[float, str, RGB] | None = None
    for (a0, atop, a1, abottom), name, rgb in shapes:
        w = min(x1, a1) - max(x0, a0)
        h = min(bottom, abottom) - max(top, atop)
        if w <= 0 or h <= 0:
            continue
        inter = w * h
        shape_area = max((a1 - a0) * (abottom - atop), 1.0)
        if inter / area >= 0.5 or inter / shape_area >= 0.6:
            if best is None or shape_area < best[0]:
                best = (shape_area, name, rgb)
    return (best[1], best[2]) if best else (None, None)


def legend_boxes(words: list[dict], shapes: list[tuple[Box, str, RGB]]) -> list[tuple[RGB, str]]:
    """Legends drawn as small coloured boxes each followed by its meaning ('■ Toteutunut
    ■ Osittain toteutunut ■ Ei toteutunut'): fill -> status. Needed when the colours are greys
    or shades no colour name tells apart. Two or more boxes of different shades with different
    meanings make a legend."""
    found: list[tuple[RGB, str]] = []
    small = [s for s in shapes if s[0][2] - s[0][0] <= 25 and s[0][3] - s[0][1] <= 16]
    for (_x0, top, x1, bottom), _, rgb in small:
        mid = (top + bottom) / 2
        right = [w for w in words if abs((w["top"] + w["bottom"]) / 2 - mid) < 4 and x1 - 1 <= w["x0"] <= x1 + 15]
        if not right:
            continue
        start = min(right, key=lambda w: w["x0"])
        label_words = [start]
        for w in sorted((w for w in words if abs((w["top"] + w["bottom"]) / 2 - mid) < 4 and w["x0"] > start["x0"]),
                        key=lambda w: w["x0"]):
            if w["x0"] - label_words[-1]["x1"] > 8 or any(s[0][0] < w["x0"] and s[0][0] > label_words[-1]["x1"] - 1
                                                           for s in small if abs((s[0][1] + s[0][3]) / 2 - mid) < 4):
                break
            label_words.append(w)
        label = " ".join(w["text"] for w in label_words)
        status = status_from_words(label)
        if status and len(label_words) <= 5:
            found.append((rgb, status))
    # one shade beside every meaning (a monochrome print: the digits tell) tells nothing
    found = [(rgb, s) for rgb, s in found if not any(
        t != s and max(abs(a - b) for a, b in zip(rgb, other, strict=True)) <= DEFAULT_LEGEND_RGB_DISTANCE
        for other, t in found)]
    return found if len({s for _, s in found}) >= 2 else []


# --- PDF: tables read from word positions (no ruling lines) ---------------------------------------------


@dataclass
class WordTable:
    """Columns of a table found from its header's word positions: left edges of the columns and
    their roles, kept for the pages the table runs on to without a header."""

    starts: list[float]
    right: float
    header_bottom: float


def _word_lines(words: list[dict], tolerance: float = 2.0) -> list[list[dict]]:
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if lines and abs(lines[-1][0]["top"] - w["top"]) <= tolerance:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _chunks(line: list[dict], gap: float) -> list[list[dict]]:
    out: list[list[dict]] = []
    for w in line:
        if out and w["x0"] - out[-1][-1]["x1"] <= gap:
            out[-1].append(w)
        else:
            out.append([w])
    return out


def _text(words: list[dict]) -> str:
    return join_cell_lines("\n".join(" ".join(w["text"] for w in line) for line in _word_lines(words)))


def _header_columns(lines: list[list[dict]], k: int) -> tuple[list[list[dict]], int] | None:
    """The header cells of a header band starting at line k (wrapped header cells take several
    lines): words grouped into columns by horizontal overlap, or None if the band is no header."""
    height = max(w["bottom"] - w["top"] for w in lines[k])
    end = k + 1
    while end < len(lines) and lines[end][0]["top"] - lines[end - 1][0]["top"] <= DEFAULT_HEADER_LINE_STEP * height:
        end += 1
    for stop in range(end, k, -1):
        columns: list[list[dict]] = []
        for w in sorted((w for line in lines[k:stop] for w in line), key=lambda w: w["x0"]):
            if columns and w["x0"] - max(c["x1"] for c in columns[-1]) <= 4.5:
                columns[-1].append(w)
            else:
                columns.append([w])
        if len(columns) >= 2 and header_roles([_text(c) for c in columns]) is not None:
            return columns, stop
    return None


def _gutters(columns: list[list[dict]], data: list[dict]) -> list[float]:
    """Column starts: between two header cells, the x that the fewest data words cross (headers
    may be centred while the data is left-aligned, so the header's own edges are not enough)."""
    starts = [min(w["x0"] for w in columns[0]) - 2]
    for left, right in zip(columns, columns[1:], strict=False):
        a, b = max(w["x1"] for w in left), min(w["x0"] for w in right)
        best: tuple[int, float, float] | None = None
        x = a
        run_start = a
        prev_cover = None
        runs: list[tuple[int, float, float]] = []
        while x <= b + 0.01:
            cover = sum(1 for w in data if w["x0"] < x < w["x1"])
            if cover != prev_cover:
                if prev_cover is not None:
                    runs.append((prev_cover, run_start, x))
                run_start, prev_cover = x, cover
            x += 0.5
        runs.append((prev_cover or 0, run_start, b))
        low = min(r[0] for r in runs)
        best = max((r for r in runs if r[0] == low), key=lambda r: r[2] - r[1])
        starts.append((best[1] + best[2]) / 2 if b > a else b - 1)
    return starts


def _assign(words: list[dict], starts: list[float]) -> list[list[dict]]:
    cells: list[list[dict]] = [[] for _ in starts]
    for w in words:
        k = max((i for i, s in enumerate(starts) if s <= w["x0"] + 1), default=0)
        cells[k].append(w)
    return cells


def _word_rows(lines: list[list[dict]], hlines: list[float]) -> list[list[list[dict]]]:
    """Table rows from text lines: split at horizontal rules when the table has them, else where
    the step between lines is clearly wider than the step between a cell's wrapped lines."""
    if not lines:
        return []
    rows: list[list[list[dict]]] = [[lines[0]]]
    steps = [b[0]["top"] - a[0]["top"] for a, b in zip(lines, lines[1:], strict=False)]
    unit = min((s for s in steps if s > 0), default=0.0)
    even = max(steps, default=0.0) <= 1.3 * unit  # no cell wraps: every line is a row
    for prev, line, step in zip(lines, lines[1:], steps, strict=False):
        if even and not hlines:
            # every line a row, but a line whose every cell goes on in small letters ('paranee (1–5)
            # pienemmäksi.') is the wrapped rest of the row above (a one-row table has no other step)
            new = not all(c[0]["text"][:1].islower() or c[0]["text"][:1] == "(" for c in _chunks(line, 4.5))
        elif hlines:
            new = any(prev[0]["bottom"] - 1 < y < line[0]["top"] + 1 for y in hlines)
        else:
            new = step > 1.3 * unit
        if new:
            rows.append([line])
        else:
            rows[-1].append(line)
    return rows


def _header_bands(lines: list[list[dict]]) -> list[tuple[int, int, list[list[dict]] | None]]:
    """(first line, line after, header columns) of every table header on a page, in order: follow-up
    headers with their columns, budget headers with None (the rows under them are no goals)."""
    bands: list[tuple[int, int, list[list[dict]] | None]] = []
    k = 0
    while k < len(lines):
        found = _header_columns(lines, k)
        if found:
            bands.append((k, found[1], found[0]))
            k = found[1]
            continue
        if is_budget_header([_text(c) for c in _chunks(lines[k], 4.5)]):
            bands.append((k, k + 1, None))
        k += 1
    return bands


def _read_word_page(page, reader: TableReader, table: WordTable | None, number: int, skip: set[str],  # noqa: ANN001
                    shapes: list[tuple[Box, str, RGB]], context: _Context) -> WordTable | None:
    """Feed the rows of the tables without ruling lines on a page, read from word positions: the rest
    of a table from the page before (``table``, its columns), then each table under a header of its own.
    Returns the columns of a table that runs to the end of the page (the next page may go on without
    header)."""
    words = [w for w in page.extract_words(x_tolerance=1.5, y_tolerance=2) if w["text"].strip()]
    lines = [ln for ln in _word_lines(words) if " ".join(w["text"] for w in ln).strip() not in skip]
    bands = _header_bands(lines)
    parts: list[tuple[WordTable | None, list[str] | None, float, list[list[dict]]]] = []
    if table is not None:
        rest = lines[: bands[0][0] if bands else len(lines)]
        # the page's running header, set apart at its top, is no rest of the table (a short report's header
        # recurs on too few pages to be known as one)
        while len(rest) > 1 and rest[0][0]["bottom"] < DEFAULT_PAGE_TOP * page.height and (
                rest[1][0]["top"] - rest[0][0]["bottom"] > DEFAULT_PAGE_TOP_GAP * max(w["bottom"] - w["top"]
                                                                                      for w in rest[0])):
            rest = rest[1:]
        parts.append((table, None, 0.0, rest))
    for n, (k, stop, columns) in enumerate(bands):
        below = lines[stop: bands[n + 1][0] if n + 1 < len(bands) else len(lines)]
        if columns is None:  # a budget table: its header ends the goal table above it
            parts.append((None, [_text(c) for c in _chunks(lines[k], 4.5)], 0.0, []))
            continue
        starts = _gutters(columns, [w for line in below for w in line])
        found = WordTable(starts, max(w["x1"] for c in columns for w in c), lines[stop - 1][0]["bottom"])
        parts.append((found, [_text(c) for c in columns], lines[k][0]["top"], below))
    last = None
    for n, (found, header_cells, header_top, below) in enumerate(parts):
        if found is None:
            reader.feed([Cell(t) for t in header_cells or []], page=number)
        # the page's first table, where the page before ended inside one, is that table going on
        # (its header printed again)
        carried = table is not None and n <= 1 and all(p[0] is not None for p in parts[:n + 1])
        last = _read_word_rows(page, reader, found, header_cells, header_top, below, number, shapes,
                               context, carried) if found is not None else None
    return last


def _row_rules(page, min_length: float) -> list[float]:  # noqa: ANN001 - pdfplumber page
    """y positions of horizontal rules at least ``min_length`` long, where a rule may be drawn as one
    piece per cell (a table with horizontal rules only draws each cell's own)."""
    pieces: dict[float, list[tuple[float, float]]] = {}
    for e in page.edges:
        if e["orientation"] == "h":
            pieces.setdefault(round(e["top"], 1), []).append((e["x0"], e["x1"]))
    out = []
    for y, spans in pieces.items():
        covered, reach = 0.0, None
        for x0, x1 in sorted(spans):
            if reach is None or x0 > reach + 1:
                covered, reach = covered + (x1 - x0), x1
            elif x1 > reach:
                covered, reach = covered + (x1 - reach), x1
        if covered > min_length:
            out.append(y)
    return sorted(out)


def _read_word_rows(page, reader: TableReader, table: WordTable, header_cells: list[str] | None,  # noqa: ANN001
                    header_top: float, candidates: list[list[dict]], number: int,
                    shapes: list[tuple[Box, str, RGB]], context: _Context, carried: bool = False,
                    ) -> WordTable | None:
    """Feed one word-position table: its header (when printed on this page) and the lines below it that
    belong to it. A table ends at a legend, a wide gap, or below its bottom rule (a heading and the next
    table's text follow it). The headings above the table name its group and organisation."""
    if header_cells:
        reader.feed([Cell(t) for t in header_cells], page=number)
    body_lines: list[list[dict]] = []
    size = None  # the table's type size: a heading set larger ends a table drawn without rules
    for line in candidates:
        text = " ".join(w["text"] for w in line)
        if parse_legend(text) or (body_lines and line[0]["top"] - body_lines[-1][0]["bottom"] > 40):
            break
        height = max((w["bottom"] - w["top"] for w in line if not glyph_only(w["text"])), default=None)
        size = size or height
        if height and size and height > DEFAULT_LARGER_TYPE * size:
            break
        if max(w["x1"] for w in line) < table.starts[0] - 2 or min(w["x0"] for w in line) > table.right + 40:
            continue
        body_lines.append(line)
    if not body_lines:
        return None
    width = max(table.right, max(w["x1"] for ln in body_lines for w in ln)) - table.starts[0]
    rules = _row_rules(page, 0.5 * width)
    hlines = [y for y in rules if body_lines[0][0]["top"] - 4 < y < body_lines[-1][0]["bottom"] + 4]
    height = min(w["bottom"] - w["top"] for w in body_lines[0])
    for y in hlines:  # a ruled table ends at a rule that text follows only after a gap (a heading)
        after = next((ln for ln in body_lines if ln[0]["top"] > y), None)
        if after is not None and y > body_lines[0][0]["bottom"] and after[0]["top"] - y > 2 * height and not any(
                y < z < after[0]["top"] for z in hlines):
            body_lines = [ln for ln in body_lines if ln[0]["top"] < y]
            break
    if hlines and hlines[-1] > body_lines[0][0]["bottom"]:  # ... and at its bottom rule
        body_lines = [ln for ln in body_lines if ln[0]["top"] < hlines[-1]]
    top = body_lines[0][0]["top"]
    if hlines and not header_cells and not any(top - 1.5 * height < y <= top - 4 for y in rules):
        # the rest of a ruled table from the page before starts at its first rule, unless its first line
        # has a rule of its own right above it (a page that goes on without the header)
        body_lines = [ln for ln in body_lines if ln[0]["bottom"] > hlines[0]]
    if not body_lines:
        return None
    # text below the table on this page (a heading, the next table): the table ends here, and the next
    # page's first lines are no rest of it
    ended = any(ln[0]["top"] > body_lines[-1][0]["top"] for ln in candidates)
    context.advance(number, header_top if header_cells else body_lines[0][0]["top"], [])
    heading, body = context.heading, context.org
    context.move(number, max(w["bottom"] for w in body_lines[-1]))
    goal_column = (reader.roles or []).index("goal") if "goal" in (reader.roles or []) and len(
        reader.roles or []) == len(table.starts) else None
    centred = _centred_goals(body_lines, table, goal_column, hlines, carried or not header_cells) \
        if goal_column is not None else None
    rows, goal_texts = centred if centred else (_word_rows(body_lines, hlines), None)
    tops = [r[0][0]["top"] for r in rows]
    bottoms = [max(w["bottom"] for ln in r for w in ln) for r in rows]
    fed_before = reader.fed
    for n, row in enumerate(rows):
        words_of_row = [w for ln in row for w in ln]
        cells_words = _assign(words_of_row, table.starts)
        top = (bottoms[n - 1] + tops[n]) / 2 if n else tops[n] - 4
        bottom = (bottoms[n] + tops[n + 1]) / 2 if n + 1 < len(rows) else bottoms[n] + 4
        full = False
        if len(table.starts) > 2 and len(row) == 1:
            full = _spans_gutter(words_of_row, table.starts)
            if full and n + 1 == len(rows):
                continue  # a full-width line after the last row: a note under the table
        if full:
            reader.feed([Cell(_text(words_of_row))], page=number, context=heading, body=body, full_width=True,
                        unit=context.unit)
            continue
        cells = []
        for i, cw in enumerate(cells_words):
            x0 = table.starts[i]
            x1 = table.starts[i + 1] if i + 1 < len(table.starts) else table.right + 40
            colour, rgb = _cell_fill((x0, top, x1, bottom), shapes)
            cells.append(Cell(_text(cw), (x0, top, x1, bottom), colour, rgb))
        if goal_texts is not None and goal_column is not None:
            cells[goal_column].text = goal_texts.get(n, "")  # a merged goal cell: its first row names it
        _light_to_status(cells, cells_words, reader.roles, shapes, top, bottom)
        reader.feed(cells, page=number, context=heading, body=body, unit=context.unit, goal=context.goal_heading)
    return table if reader.fed > fed_before and not ended else None


def _spans_gutter(line: list[dict], starts: list[float]) -> bool:
    """One run of words across a gutter: a group row spanning the table (data never crosses)."""
    spans = _chunks(sorted(line, key=lambda w: w["x0"]), 4.5)
    return len(spans) == 1 and any(spans[0][0]["x0"] < s - 1 < spans[0][-1]["x1"] for s in starts[1:])


def _centred_goals(body_lines: list[list[dict]], table: WordTable, goal: int, hlines: list[float],
                   continued: bool) -> tuple[list[list[list[dict]]], dict[int, str]] | None:
    """A goal cell merged over its metric rows with its text set in the middle (how spreadsheets
    export merged cells): the rows read without the goal column, and the goal of each run of rows.
    A merged cell is as far above its text's middle as below it, so each goal takes the rows from
    where the previous one ended to the mirror of that edge. None when every goal starts on a row's
    first line (text set at the top: the rows below carry it on)."""
    goal_words: list[dict] = []
    rest: list[list[dict]] = []
    lead: list[float] = []  # goal-column lines above the first data line: a group heading row of its own
    for line in body_lines:
        if len(table.starts) > 2 and _spans_gutter(line, table.starts):
            rest.append(line)
            continue
        cells = _assign(line, table.starts)
        others = [w for i, c in enumerate(cells) if i != goal for w in c]
        if not others and len(rest) == len(lead):
            rest.append(line)
            lead.append(line[0]["top"])
            continue
        goal_words.extend(cells[goal])
        if others:
            rest.append(sorted(others, key=lambda w: w["x0"]))
    if not goal_words or not rest:
        return None
    height = min(w["bottom"] - w["top"] for w in goal_words)
    blocks: list[list[list[dict]]] = []
    for line in _word_lines(goal_words):
        if blocks and line[0]["top"] - blocks[-1][-1][0]["top"] <= 2 * height:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    rows = _word_rows(rest, hlines)
    tops = [r[0][0]["top"] for r in rows]
    data = [j for j, r in enumerate(rows) if not (len(r) == 1 and len(table.starts) > 2
                                                    and _spans_gutter(r[0], table.starts))
            and r[0][0]["top"] not in lead]
    if not data:
        return None
    # set at the top, a goal starts on a row's first line, and the table's first row has one (unless
    # the table goes on from the page before)
    if all(any(abs(b[0][0]["top"] - t) <= 2 for t in tops) for b in blocks) and (
            continued or blocks[0][0][0]["top"] <= tops[data[0]] + 2):
        return None
    bottoms = [max(w["bottom"] for ln in r for w in ln) for r in rows]
    edges = [(bottoms[j] + tops[j + 1]) / 2 if j + 1 < len(rows) else bottoms[j] + 2 for j in range(len(rows))]
    texts = {j: _text([w for ln in r for w in ln]) for j, r in enumerate(rows) if r[0][0]["top"] in lead}
    start = 0  # index into data
    for block in blocks:
        if start >= len(data):
            break
        middle = (block[0][0]["top"] + max(w["bottom"] for w in block[-1])) / 2
        edge = (edges[data[start - 1]] if start else tops[data[0]] - 2)
        end = 2 * middle - edge
        taken = [j for j in data[start:] if (tops[j] + bottoms[j]) / 2 < end] or [data[start]]
        texts[taken[0]] = _text([w for ln in block for w in ln])
        start = data.index(taken[-1]) + 1
    return rows, texts


def _light_to_status(cells: list[Cell], words: list[list[dict]], roles: list[str | None] | None,
                     shapes: list[tuple[Box, str, RGB]], top: float, bottom: float) -> None:
    """A traffic light set at the edge of a status cell of a table without rules, which the column
    bounds guessed from words put in the next cell: a small shape between the status cell's words and
    the words of the cells beside it is the status cell's."""
    k = next((i for i, r in enumerate(roles or []) if r == "status"), None)
    if k is None or k >= len(cells) or cells[k].colour or cells[k].bbox is None:
        return
    x0, _, x1, _ = cells[k].bbox
    if k and words[k - 1]:
        x0 = min(x0, max(w["x1"] for w in words[k - 1]))
    if k + 1 < len(words) and words[k + 1]:
        x1 = max(x1, min(w["x0"] for w in words[k + 1]))
    near = [sh for sh in shapes if sh[0][2] - sh[0][0] <= 24 and sh[0][3] - sh[0][1] <= 24
            and top <= (sh[0][1] + sh[0][3]) / 2 <= bottom and x0 <= (sh[0][0] + sh[0][2]) / 2 <= x1]
    if len(near) != 1:
        return
    box, name, rgb = near[0]
    for other in (cells[k - 1] if k else None, cells[k + 1] if k + 1 < len(cells) else None):
        if other is not None and other.rgb == rgb:
            other.colour, other.rgb = None, None
    cells[k].colour, cells[k].rgb = name, rgb


# --- PDF: the document --------------------------------------------------------------------------------


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
    ('Taloudelliset tavoitteet'), an organisation heading ('Kauhavan Vesi Oy') names the body, a unit
    heading ('130 Yleishallinto') the unit; a title with a year starts a new part. On a page set in two
    columns a place is (page, column region, y): the left column is read before the right one."""

    def __init__(self, pages: dict[int, list[Line]], skip: set[str],
                 regions: dict[int, tuple[Box, ...]] | None = None) -> None:
        self.pages = pages
        self.skip = skip
        self.regions = regions or {}
        self.ranks = {n: _region_ranks(lines, self.regions.get(n, ())) for n, lines in pages.items()}
        self.cursor = (min(pages, default=0), 0, -1.0)
        self.region = 0  # the column region of the current page being read (0 on a page in one column)
        self.heading: str | None = None
        self.org: str | None = None
        self.unit: str | None = None  # '130 Yleishallinto': the unit whose goals follow
        self.goal_heading: str | None = None  # '1. Asukkaiden hyvinvointi paranee' right above the table

    def advance(self, page: int, top: float, tables: list[Box]) -> None:
        here = (page, self.region, top - 1)
        last: tuple[Line, Line | None] | None = None  # the last line before the table, and the one after it
        columns = bool(self.regions.get(page))
        for number in sorted(self.pages):
            if number < self.cursor[0] or number > page:
                continue
            lines = self.pages[number]
            for k, (line, rank) in enumerate(zip(lines, self.ranks[number], strict=True)):
                place = (number, rank, line.y)
                if place <= self.cursor or place >= here:
                    continue
                if number == page and rank == self.region and any(
                        t[1] - 2 <= line.y <= t[3] and (not columns or t[0] - 2 <= line.x0 <= t[2]) for t in tables):
                    continue
                if line.text.strip() not in self.skip:
                    last = (line, lines[k + 1] if k + 1 < len(lines) else None)
                text = _HEADING_TITLE.sub("", line.text.strip())  # '6100 Ympäristölautakunta: tavoitteet'
                if text in self.skip or not (_is_heading_line(line) or _UNIT_HEADING.match(text)) or \
                        is_header_line(line) or _runs_on(line, lines[k + 1] if k + 1 < len(lines) else None):
                    continue
                if _ORG_HEADING.search(text):
                    self.org, self.unit, self.heading = text, None, None
                elif _UNIT_HEADING.match(text):
                    self.unit, self.heading = text, None
                else:  # a title naming its year ('Talousarvio 2026 – ...') is no group of goals
                    self.heading = None if re.search(r"\b20\d{2}\b", text) else text
        self.goal_heading = None if last is None else _goal_heading(*last)

    def move(self, page: int, bottom: float) -> None:
        self.cursor = (page, self.region, bottom)


_NUMBERED = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+[A-ZÅÄÖ]")


def _goal_heading(line: Line, after: Line | None) -> str | None:
    """A goal printed as a numbered heading right above its metric table ('1. Asukkaiden hyvinvointi
    paranee'): alone on its line, short, no sentence or list item (no full stop at its end, no text running
    on below it), and the last line before the table. None otherwise."""
    text = " ".join(line.text.split())
    if not _NUMBERED.match(text) or len(text) > 120 or len(text.split()) > 14 or text.endswith((".", ":", ";", ",")):
        return None
    if len(line.segments) > 1 or re.search(r"\d\s+\d", text[3:]) or _runs_on(line, after):
        return None  # cells of a row, figures, or a paragraph
    return text


def _runs_on(line: Line, after: Line | None) -> bool:
    """The first line of a paragraph, not a heading: the next line, set close below it in the same type
    from the same left edge, goes on with a small letter ('Vesihuoltoliikelaitos vastaa tehtävistään' over
    'kuntastrategian mukaisesti.')."""
    if after is None or not line.height:
        return False
    return (0 < after.y - line.y <= 1.6 * max(line.height, after.height) and abs(after.x0 - line.x0) <= 2
            and after.text[:1].islower())


def _region_ranks(lines: list[Line], regions: tuple[Box, ...]) -> list[int]:
    """For each line of a page in two columns, the column region it is read in (a title over both
    columns, or the running header, goes with the region below it; the footer after the last)."""
    if not regions:
        return [0] * len(lines)
    out = []
    for line in lines:
        inside = next((k for k, (x0, top, x1, bottom) in enumerate(regions)
                       if top <= line.y <= bottom and x0 - 1 <= line.x0 <= x1), None)
        if inside is None:
            inside = next((k for k, r in enumerate(regions) if r[1] >= line.y - 1), len(regions))
        out.append(inside)
    return out


def column_boxes(text: PageText, rules_x: list[float] | None = None) -> list[Box]:
    """The crop box of each column region of a page in two columns, in reading order: across to the
    middle of the widest stretch of the gutter no vertical rule stands in (``rules_x``: the x of the
    page's vertical rules and rectangle edges; a table's rules lie a little outside its text), and up
    and down to halfway to the nearest line outside the region."""
    out: list[Box] = []
    for x0, top, x1, bottom in text.columns:
        beside = [r for r in text.columns if r[1] < bottom and r[3] > top and r != (x0, top, x1, bottom)]
        left = max((r[2] for r in beside if r[2] <= x0 + 1), default=None)
        right = min((r[0] for r in beside if r[0] >= x1 - 1), default=None)
        bx0 = _cut(left, x0, rules_x or []) if left is not None else 0.0
        bx1 = _cut(x1, right, rules_x or []) if right is not None else text.width
        over = [ln for ln in text.lines if ln.x0 < bx1 and _line_right(ln) > bx0]
        above = [ln.y + ln.height for ln in over if ln.y + ln.height <= top + 2 and ln.y < top]
        below = [ln.y for ln in over if ln.y >= bottom - 2]
        out.append((bx0, (max(above) + top) / 2 if above else 0.0, bx1,
                    (min(below) + bottom) / 2 if below else text.height))
    return out


def _cut(a: float, b: float, rules_x: list[float]) -> float:
    """Where to cut between two columns whose text ends at ``a`` and starts at ``b``: the middle of the
    widest part of the gap that no rule stands in."""
    stops = sorted({a, b, *(x for x in rules_x if a < x < b)})
    gaps = [(q - p, (p + q) / 2) for p, q in zip(stops, stops[1:], strict=False)]
    return max(gaps)[1] if gaps else (a + b) / 2


def _line_right(line: Line) -> float:
    return max((s.x1 for s in line.segments), default=line.x0 + 1)


_PAGE_NUMBER = re.compile(r"(?:\s*(?:sivu|s\.|sida)?\s*\d{1,4}(?:\s*(?:/|\(|of)\s*\d{1,4}\)?)?)$", re.I)


def running_lines(pages: list) -> set[str]:
    """Texts that recur at the top or foot of many pages at the same height (running headers and
    footers); a table header printed again for every unit of a short report is none, nor a line of a
    long assessment that a page break happens to leave at the foot of several pages."""
    heights: dict[str, list[float]] = {}
    printed: dict[str, set[str]] = {}
    for p in pages:
        ends = {ln.text.strip(): ln.y for ln in (*p.lines[:DEFAULT_RUNNING_LINES], *p.lines[-DEFAULT_RUNNING_LINES:])}
        for line, y in ends.items():
            key = _PAGE_NUMBER.sub("", line)  # 'Keuruu – Tilinpäätös 2025  3': the page number changes
            heights.setdefault(key, []).append(y)
            printed.setdefault(key, set()).add(line)
    limit = max(3, len(pages) // 3)
    return {t for key, ys in heights.items() if key and len(ys) >= limit and max(
        sum(1 for z in ys if abs(z - y) <= DEFAULT_RUNNING_Y) for y in ys) >= limit for t in printed[key]}


def _read_ruled_page(page, tables: list, reader: TableReader, number: int, shapes: list,  # noqa: ANN001
                     context: _Context) -> None:
    boxes = [t.bbox for t in tables]
    balls = _balls(page)
    words = page.extract_words(x_tolerance=1.5, y_tolerance=2)
    first = True
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
                cells.append(_pdf_cell(join_cell_lines(text), bbox, shapes, balls))
            present = [c for c in cells if c.bbox is not None]
            full = (len(present) == 1 and present[0].bbox is not None
                    and present[0].bbox[2] - present[0].bbox[0] > 0.8 * width and len(cells) > 2)
            continued = first and header_roles([c.text for c in cells]) is None
            first = False
            for part in _split_paragraph_rows(cells, reader.roles, words, shapes, balls):
                reader.feed(part, page=number, context=context.heading, body=context.org, full_width=full,
                            unit=context.unit, continued=continued, goal=context.goal_heading)
                continued = False


def _pdf_cell(text: str, bbox: Box, shapes: list, balls: list[Box]) -> Cell:
    """A cell with its fill, or the colour of a ball drawn in it (a ball wins over the fill)."""
    inside = [b for b in balls if bbox[0] - 1 <= b[0] and b[2] <= bbox[2] + 1 and bbox[1] - 1 <= b[1]
              and b[3] <= bbox[3] + 1]
    if inside:
        colour, rgb = _cell_fill(inside[0], shapes)
        return Cell(text, bbox, colour, rgb, ball=True)
    colour, rgb = _cell_fill(bbox, shapes)
    return Cell(text, bbox, colour, rgb)


def _balls(page) -> list[Box]:  # noqa: ANN001 - pdfplumber page
    """Filled round shapes small enough to be traffic lights (drawn as curves, about as wide as high)."""
    out = []
    for obj in page.curves:
        w, h = obj["x1"] - obj["x0"], obj["bottom"] - obj["top"]
        if obj.get("fill") and 3 <= w <= 24 and 3 <= h <= 24 and 0.75 <= w / h <= 1.33:
            out.append((obj["x0"], obj["top"], obj["x1"], obj["bottom"]))
    out.extend((c["x0"], c["top"], c["x1"], c["bottom"]) for c in page.chars if c["text"] in ROUND_GLYPHS)
    return out


def _paragraph_cuts(words: list[dict], bbox: Box) -> list[float]:
    """y positions between paragraphs of one cell (an empty line between two metrics)."""
    x0, top, x1, bottom = bbox
    inside = sorted((w for w in words if x0 - 1 <= w["x0"] and w["x1"] <= x1 + 1 and top - 1 <= w["top"]
                     and w["bottom"] <= bottom + 1), key=lambda w: w["top"])
    lines = _word_lines(inside)
    if len(lines) < 2:
        return []
    height = min(ln[0]["bottom"] - ln[0]["top"] for ln in lines)
    cuts = []
    for a, b in zip(lines, lines[1:], strict=False):
        gap = b[0]["top"] - max(w["bottom"] for w in a)
        if gap > 0.9 * height:
            cuts.append((max(w["bottom"] for w in a) + b[0]["top"]) / 2)
    return cuts


def _split_paragraph_rows(cells: list[Cell], roles: list[str | None] | None, words: list[dict],
                          shapes: list, balls: list[Box]) -> list[list[Cell]]:
    """A row whose metric cell holds two metrics separated by an empty line, with their values
    likewise, becomes two rows (each with the ball beside it)."""
    if not roles:
        return [cells]
    metric = next((c for c, r in zip(cells, roles, strict=False) if r == "metric" and c.bbox), None)
    if metric is None or metric.bbox is None:
        return [cells]
    cuts = _paragraph_cuts(words, metric.bbox)
    value_cells = [c for c, r in zip(cells, roles, strict=False) if r in ("current", "target", "actual") and c.bbox]
    if not cuts or not any(len(_paragraph_cuts(words, c.bbox)) == len(cuts) for c in value_cells if c.bbox):
        return [cells]
    bounds = [metric.bbox[1], *cuts, metric.bbox[3]]
    rows = []
    for top, bottom in zip(bounds, bounds[1:], strict=False):
        row = []
        for c in cells:
            if c.bbox is None:
                row.append(Cell(""))
                continue
            box = (c.bbox[0], top, c.bbox[2], bottom)
            text = _text([w for w in words if box[0] - 1 <= w["x0"] and w["x1"] <= box[2] + 1
                          and top - 1 <= w["top"] and w["bottom"] <= bottom + 1])
            row.append(_pdf_cell(text, box, shapes, balls))
        rows.append(row)
    return rows


def _rules(page) -> list[Box]:  # noqa: ANN001 - pdfplumber page
    """Drawn ruling: stroked lines and rectangles, and hairline fills (how Excel exports borders)."""
    out: list[Box] = []
    for obj in list(page.lines) + list(page.rects):
        thin = min(obj["x1"] - obj["x0"], obj["bottom"] - obj["top"]) < 2
        if obj.get("stroke") or thin or obj.get("object_type") == "line":
            out.append((obj["x0"], obj["top"], obj["x1"], obj["bottom"]))
    return out


def _is_grid(table, rules: list[Box]) -> bool:  # noqa: ANN001 - pdfplumber table
    """Is this a ruled table? Fills alone also make pdfplumber 'tables' (a header row's fill, a
    column of status fills): a grid has drawn rules, and most of its rows two or more cells."""
    rows = table.rows
    if not rows or max(len(r.cells) for r in rows) < 2:
        return False
    x0, top, x1, bottom = table.bbox
    if not any(r[0] < x1 and r[2] > x0 and r[1] <= bottom + 1 and r[3] >= top - 1 for r in rules):
        return False
    full = sum(1 for r in rows[1:] if sum(1 for c in r.cells if c is not None) >= 2)
    return len(rows) < 3 or full * 2 >= len(rows) - 1


def _clip(box: Box, page) -> Box:  # noqa: ANN001 - pdfplumber page
    x0, top, x1, bottom = box
    px0, ptop, px1, pbottom = page.bbox
    return max(x0, px0), max(top, ptop), min(x1, px1), min(bottom, pbottom)


def _read_part(page, reader: TableReader, number: int, header_page: bool, context: _Context,  # noqa: ANN001
               word_table: WordTable | None, skip: set[str]) -> tuple[WordTable | None, bool]:
    """Feed the tables of a page (or of one column region of it): ruled tables from their cells, others
    from word positions. Returns the word table that runs on, and whether any row was taken in."""
    shapes = _shapes(page)
    words = page.extract_words(x_tolerance=1.5, y_tolerance=2)
    reader.legend_rgb.extend(legend_boxes(words, shapes))
    settings = {"explicit_horizontal_lines": _open_edges(page)}
    # a ruled table has rows and columns; filled cells of an unruled table make 1-row
    # or 1-column 'tables' of their own (the header's fill, a column of status fills)
    rules = _rules(page)
    tables = sorted((t for t in page.find_tables(settings) if _is_grid(t, rules)), key=lambda t: t.bbox[1])
    if tables and all(len(t.rows) == 1 and (header_roles(texts := [join_cell_lines(c) for c in
                                                                   t.extract()[0]]) or is_budget_header(texts))
                      for t in tables):
        tables = []  # only the header is ruled (or filled): the rows below are read from words
    before = reader.fed
    if not header_page and reader.roles is not None:
        width = len(reader.roles)
        tables = [t for t in tables if max(len(r.cells) for r in t.rows) == width]
    if tables:
        _read_ruled_page(page, tables, reader, number, shapes, context)
        word_table = None
    else:
        word_table = _read_word_page(page, reader, word_table, number, skip, shapes, context)
    return word_table, reader.fed > before


# --- goals written as labelled paragraphs -------------------------------------------------------------

_LABEL = re.compile(r"^([A-ZÅÄÖ][\wåäöÅÄÖ/ -]{2,40}?)\s*:\s+(\S.*)$")
_OUTCOME_ROLES = {"status", "actual", "comment"}


def _label_role(line: Line) -> tuple[str, str, str] | None:
    """(label, role, value) of a line 'Mittari: Käyttöaste (%)' whose label names a column role."""
    if len(line.segments) > 1:
        return None
    m = _LABEL.match(" ".join(line.text.split()))
    role = column_role(m.group(1)) if m else None
    return (m.group(1), role, m.group(2)) if m and role else None


def labelled_blocks(pages: list[PageText], skip: set[str]) -> list[tuple[int, float, list[tuple[str, str, str]]]]:
    """Goals printed as blocks of labelled paragraphs instead of table rows ('Tavoite: …', 'Mittari: …',
    'Tavoitetaso: …', 'Toteuma: …', 'Arvio: Toteutunut. …'): (page, y, [(label, role, value)]) of each
    block that names a goal or metric and reports an outcome (a status, measured value or assessment). A
    block ends at a label it has already or a second goal or metric, or at a line that is no label and does
    not go on the value above (set close below it); a strategy label before a block ('Strateginen
    painopiste: …') is a block of its own."""
    out = []
    block: list[tuple[str, str, str]] = []
    where: tuple[int, float] = (0, 0.0)
    last: Line | None = None

    def close() -> None:
        roles = {r for _, r, _ in block}
        if (roles & KEY_ROLES and roles & _OUTCOME_ROLES and len(roles) >= 3) or roles == {"strategy_area"}:
            out.append((*where, list(block)))
        block.clear()

    for page in pages:
        for line in page.lines:
            if line.text.strip() in skip:
                continue
            found = _label_role(line)
            if found is not None:
                if any(label == found[0] or (r == found[1] and r in KEY_ROLES) for label, r, _ in block) \
                        or found[1] == "strategy_area":
                    close()
                if not block:
                    where = (page.number, line.y)
                block.append(found)
                last = line
                if found[1] == "strategy_area":
                    close()
                continue
            if block and last is not None and last.page == line.page and 0 < line.y - last.y <= 1.6 * max(
                    last.height, line.height, 1.0) and abs(line.x0 - last.x0) <= 2 and line.text[:1].islower():
                label, role, value = block[-1]  # the value wraps onto the next line
                block[-1] = (label, role, join_cell_lines(f"{value}\n{line.text}"))
                last = line
                continue
            close()
    close()
    return out


def read_labelled_blocks(reader: TableReader, pages: list[PageText], skip: set[str], context: _Context) -> None:
    """Feed the labelled goal blocks of the pages to a reader as a header and a row each. A verdict
    opening the assessment ('Arvio: Osittain toteutunut. Henkilöstövaje hidasti työtä.') is the status, the
    rest of it the comment, when the block has no comment of its own."""
    strategy = None
    for number, y, block in labelled_blocks(pages, skip):
        if block[0][1] == "strategy_area":
            strategy = block[0][2]
            continue
        labels = [label for label, _, _ in block]
        values = [value for _, _, value in block]
        roles = header_roles(labels) or []
        status = next((k for k, r in enumerate(roles) if r == "status"), None)
        if status is not None and "comment" not in roles:
            clause = leading_clause(values[status])
            rest = values[status][len(clause):].strip()
            if rest and len(clause.split()) <= 4 and status_from_words(clause):
                labels, values = [*labels, vocab.FOLLOWUP_COMMENT_LABEL], [*values, rest]
                values[status] = clause.rstrip(".")
        context.advance(number, y, [])
        reader.feed([Cell(t) for t in labels], page=number)
        reader.feed([Cell(t) for t in values], page=number, context=strategy, body=context.org, unit=context.unit)
        reader.feed([Cell("") for _ in labels], page=number)  # no header carries over to the next block
        context.move(number, y)


def extract_followups(pdf_bytes: bytes, doc_id: str, municipality: str | None,
                      municipality_code: str | None, pages: list[PageText] | None = None,
                      ) -> list[FollowUp | Goal | GoalAction | GoalMetric]:
    """Follow-up rows of every follow-up table in a PDF, and the goals of its goal tables (tables
    that report no outcome, see `reports_outcome`).

    Pages with a table header are found from the text layer; a table is read from its ruling lines
    (pdfplumber cells) when it has them, else from word positions under its header. Following pages
    are read while the table goes on (rows keep coming, with or without a repeated header).
    ``pages``: the PDF's text layer when the caller has read it already."""
    from extractors.text.pdftext import PdfContent, read_pdf

    content = read_pdf(pdf_bytes) if pages is None else PdfContent(pages=pages, page_count=len(pages))
    header_pages = set(followup_pages(content.pages))
    labelled = _labelled_followups(content.pages, doc_id, municipality, municipality_code)
    if not header_pages:
        return labelled
    import pdfplumber  # ~0.3 s to import: only for documents whose text shows a follow-up table header
    page_text = {p.number: "\n".join(line.text for line in p.lines) for p in content.pages}
    first = min(header_pages)
    wanted_text = "\n".join(page_text[n] for n in sorted(header_pages))
    legend = parse_legend("\n".join(page_text.values()))
    digits = parse_digit_legend("\n".join(page_text.values()))
    first_text = page_text[first]
    year = find_year(first_text) or find_year(wanted_text)
    body = find_body("\n".join(first_text.split("\n")[:12]))
    reader = TableReader(legend, digit_legend=digits, legend_text="\n".join(page_text.values()))
    lines_of = {p.number: list(p.lines) for p in content.pages}
    # running headers and footers, but not a table header repeated on every page (nor its pieces)
    headers = {ln.text.strip() for p in content.pages if p.number in header_pages
               for k, line in enumerate(p.lines) if is_header_line(line)
               for ln in p.lines[k:k + 3] if ln is line or len(ln.text.split()) <= 6}  # with its wrapped lines
    skip = {t for t in running_lines(content.pages) if len(t) > 3 and t not in headers}
    texts_of = {p.number: p for p in content.pages}
    context = _Context({n: ln for n, ln in lines_of.items() if n >= first}, skip,
                       {p.number: p.columns for p in content.pages if p.columns})
    word_table: WordTable | None = None
    going_on = False
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        for number in range(first, len(pdf.pages) + 1):
            if number not in header_pages and not going_on:
                continue
            page = pdf.pages[number - 1]
            try:
                # a page in two columns: each column region on its own, left before right, so that the
                # rows of a table in one column never take the words beside them in the other
                text = texts_of.get(number)
                boxes = column_boxes(text, [e["x0"] for e in page.edges if e["orientation"] == "v"]
                                     ) if text is not None and text.columns else []
                parts = [page.crop(_clip(box, page), strict=False) for box in boxes] or [page]
                for region, part in enumerate(parts):
                    context.region = region
                    word_table, going_on = _read_part(part, reader, number, number in header_pages, context,
                                                      word_table if going_on else None, skip)
            finally:
                page.close()
    period = find_period("\n".join(page_text[1].split("\n")[:15]) if 1 in page_text else "")
    if period[0] is None:
        period = find_period(first_text)
    tables = to_followups(reader, doc_id, municipality, municipality_code, year, body)
    return [*tables, *_renumbered(labelled, len(tables)),
            *to_goals(reader, doc_id, municipality, municipality_code, body, period)]


def _labelled_followups(pages: list[PageText], doc_id: str, municipality: str | None,
                        municipality_code: str | None) -> list[FollowUp]:
    """Follow-up rows of the goals a document writes as labelled paragraphs (`labelled_blocks`)."""
    if not any(_label_role(line) for p in pages for line in p.lines):
        return []
    text = "\n".join(line.text for p in pages for line in p.lines)
    reader = TableReader(parse_legend(text), digit_legend=parse_digit_legend(text), legend_text=text)
    skip = {t for t in running_lines(pages) if len(t) > 3}
    read_labelled_blocks(reader, pages, skip, _Context({p.number: list(p.lines) for p in pages}, skip))
    first = "\n".join(line.text for line in pages[0].lines[:12]) if pages else ""
    return [r for r in to_followups(reader, doc_id, municipality, municipality_code,
                                    find_year(first) or find_year(text), find_body(first))
            if isinstance(r, FollowUp)]


def _renumbered(rows: list[FollowUp], before: int) -> list[FollowUp]:
    """Rows numbered on after the ``before`` rows of the document's tables."""
    from dataclasses import replace

    return [replace(r, row_id=f"{r.doc_id[:16]}:r{before + k}", ordinal=before + k) for k, r in enumerate(rows, 1)]


# --- plain text / HTML text ---------------------------------------------------------------------------


def _split_cells(line: str) -> list[str]:
    if "\t" in line:
        return [c.strip() for c in line.split("\t")]
    if " | " in line:
        return [c.strip() for c in line.split(" | ")]
    return [c.strip() for c in re.split(r"\s{3,}", line)]


def extract_followups_text(text: str, doc_id: str = "text", municipality: str | None = None,
                           municipality_code: str | None = None, year: int | None = None,
                           body: str | None = None) -> list[FollowUp | Goal | GoalAction | GoalMetric]:
    """Follow-up rows (and goals of goal tables) from text whose table cells are tab- (or ' | '-)
    separated, as HTML tables and seed 002 come out; status only from words (cell or comment), as
    there are no colours."""
    reader = TableReader(parse_legend(text), digit_legend=parse_digit_legend(text), legend_text=text)
    for raw in text.replace("\r", "").split("\n"):
        if not raw.strip():
            continue
        cells = _split_cells(raw)
        if len(cells) < 2 and reader.roles is None:
            continue
        if len(cells) == 1 and reader.roles is not None and len(reader.roles) > 2:
            continue
        if reader.roles is not None and (parse_legend(raw) or parse_digit_legend(raw)):
            continue  # a legend under the table
        if reader.roles is not None and 1 < len(cells) < len(reader.roles) and header_roles(cells) is None:
            cells = align_cells(cells, reader.roles)
        reader.feed([Cell(c) for c in cells])
    return _table_rows(reader, text, doc_id, municipality, municipality_code, year, body)


def _table_rows(reader: TableReader, text: str, doc_id: str, municipality: str | None,
                municipality_code: str | None, year: int | None, body: str | None,
                ) -> list[FollowUp | Goal | GoalAction | GoalMetric]:
    """Follow-up rows and goals of a text or HTML document, its year, body and period from its text."""
    body = body or find_body(text[:500])
    return [*to_followups(reader, doc_id, municipality, municipality_code,
                          year if year is not None else find_year(text), body),
            *to_goals(reader, doc_id, municipality, municipality_code, body, find_period(text[:1000]))]


def align_cells(cells: list[str], roles: list[str | None]) -> list[str]:
    """Put a row's cells under the right columns when empty cells were dropped (HTML text and
    PDF text layers print nothing for them): of all placements, the one where status words sit in
    the status column, sentences in the comment column, and the gaps where a continuation row
    leaves them (goal and strategy columns) scores best."""
    from itertools import combinations

    n = len(roles)
    best: tuple[float, list[str]] | None = None
    for slots in combinations(range(n), len(cells)):
        placed = [""] * n
        for slot, text in zip(slots, cells, strict=True):
            placed[slot] = text
        score = 0.0
        for k, (role, text) in enumerate(zip(roles, placed, strict=True)):
            word_status = bool(text) and len(text.split()) <= 4 and status_from_words(text) is not None
            if not text:
                score += 1.0 if role in ("strategy_area", "goal") and k < n - 1 else 0.0
                continue
            if role == "status":
                score += 3.0 if word_status else -1.0
            elif word_status:
                score -= 3.0
            if role == "comment" and text.rstrip().endswith("."):
                score += 1.0
            if role in ("goal", "strategy_area", "action", "metric") and text.rstrip().endswith("."):
                score -= 0.5
        score -= 0.01 * sum(slots)  # ties: the earliest placement (cells were printed left to right)
        if best is None or score > best[0]:
            best = (score, placed)
    return best[1] if best else cells


_CSS_COLOUR = re.compile(r"background(?:-color)?\s*:\s*([^;\"']+)", re.I)
_NAMED_CSS = {"green": (0.0, 0.5, 0.0), "lime": (0.0, 1.0, 0.0), "yellow": (1.0, 1.0, 0.0),
              "orange": (1.0, 0.65, 0.0), "red": (1.0, 0.0, 0.0), "gold": (1.0, 0.84, 0.0)}


def css_rgb(value: str | None) -> RGB | None:
    """'#00B050', '#0f0', 'rgb(0, 176, 80)', 'green' -> RGB in 0..1."""
    if not value:
        return None
    v = value.strip().lower()
    m = re.match(r"#([0-9a-f]{6}|[0-9a-f]{3})\b", v)
    if m:
        h = m.group(1)
        if len(h) == 3:
            h = "".join(c * 2 for c in h)
        return tuple(int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]
    m = re.match(r"rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)", v)
    if m:
        return tuple(int(g) / 255 for g in m.groups())  # type: ignore[return-value]
    return _NAMED_CSS.get(v.split()[0]) if v.split() else None


def extract_followups_html(html: str, doc_id: str = "html", municipality: str | None = None,
                           municipality_code: str | None = None, year: int | None = None,
                           body: str | None = None) -> list[FollowUp | Goal | GoalAction | GoalMetric]:
    """Follow-up rows (and goals of goal tables) of the <table>s of an HTML export: cells as printed,
    status from the cell's background colour (bgcolor or CSS background) when it has one, else from
    words."""
    import lxml.html

    root = lxml.html.fromstring(html)
    text = root.text_content()
    reader = TableReader(parse_legend(text), digit_legend=parse_digit_legend(text), legend_text=text)
    for table in root.iter("table"):
        for tr in table.iter("tr"):
            cells: list[Cell] = []
            for td in tr:
                if not isinstance(td.tag, str) or td.tag not in ("td", "th"):
                    continue
                parts = [p.strip() for p in td.itertext()]
                content = join_cell_lines("\n".join(p for p in parts if p))
                style = " ".join(filter(None, (td.get("style"), " ".join(
                    el.get("style") or "" for el in td.iterdescendants() if isinstance(el.tag, str)))))
                m = _CSS_COLOUR.search(style)
                rgb = css_rgb(td.get("bgcolor") or (m.group(1) if m else None))
                name = colour_name(rgb)
                if name in ("valkoinen", "musta"):
                    name = None
                span = max(1, int(td.get("colspan") or 1)) if (td.get("colspan") or "1").isdigit() else 1
                cells.append(Cell(content, None, name, rgb if name else None))
                cells.extend(Cell("") for _ in range(span - 1))
            if not cells:
                continue
            full = reader.roles is not None and sum(1 for c in cells if c.text) == 1 and len(
                [td for td in tr if isinstance(td.tag, str)]) == 1 and len(cells) > 2
            reader.feed(cells, full_width=full)
    return _table_rows(reader, text, doc_id, municipality, municipality_code, year, body)
