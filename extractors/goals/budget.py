"""Budget and outturn tables -> BudgetLine rows, one per printed amount.

The layouts this reads (all from page lines with their segments, so PDF text, OCR and HTML alike):

    VAALIT            TP 2023   TA 2024   Raami 2025   TA 2025   Ero raamiin      (Lapua, per body)
    Toimintatuotot     26 182    60 000       20 000    20 000
    Kh on alittanut raamin 469 800                                                (savings lines below)

                 Alkuperäinen TA | TA Muutokset | TA muutosten jälkeen | Toteutuma | Poikkeama
    TOIMINTATUOTOT       84 000            0          84 000      85 666      1 666  (Kauhava, header
                                                                                      over three lines)
                      Talousarvio € | Toteutuma € | Poikkeama €                   (Toteutumisvertailu)
    Toimintatulot
      Alkuperäinen      192 100
      Muutos Kv 9.12. §98  8 000
      Yhteensä          200 100      205 400       5 300

A table in thousands says so ('Käyttötalous (1 000 €)', 't€') in its header, its title cell or the heading
right above it: its amounts are stored in euros.

The chain: header band (cells clustered by x over up to three lines) -> rows (label segments, then
amounts placed under the column they overlap) -> lines. Amounts after the table's last full row
that stand alone ('Säästötavoite -212 300') are kept with no column. Nothing here is a goal: the
follow-up reader skips tables with these headers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors import vocab
from extractors.records import BudgetLine, Line, PageText, Segment

# thousands apart by a space, a no-break, thin or narrow no-break space, or a point
_SEPARATORS = " \u00a0\u2009\u202f."
_AMOUNT = re.compile(rf"^[-−–]?\s?\d{{1,3}}(?:[{_SEPARATORS}]\d{{3}})*(?:,\d{{1,2}})?$|^[-−–]?\d+(?:,\d{{1,2}})?$")
_YEAR = re.compile(r"(?<!\d)(20\d{2}|19\d{2})(?!\d)")
_COLUMNS = tuple((name, re.compile(p, re.I)) for name, p in vocab.BUDGET_COLUMNS)
_LINES = tuple((name, re.compile(p, re.I)) for name, p in vocab.BUDGET_LINES)
_CHANGES = tuple((name, re.compile(p, re.I)) for name, p in vocab.BUDGET_CHANGE_ROWS)
_DECISION = re.compile(vocab.BUDGET_DECISION)
_TITLES = re.compile(vocab.BUDGET_TABLE_TITLES, re.I)
_HEADER_WORDS = set(vocab.BUDGET_HEADER_WORDS)
_UNIT_FIELD = re.compile(vocab.UNIT_FIELD_LINES, re.I)
_THOUSANDS = re.compile(vocab.BUDGET_THOUSANDS, re.I)
_INDICATOR = re.compile(vocab.KEY_FIGURE_INDICATOR, re.I)

DEFAULT_BAND_STEP = 1.7  # header lines closer than this many line heights form one header band
DEFAULT_SUMMARY_GAP = 7.0  # summary lines this many line heights below the table still belong to it


@dataclass(frozen=True)
class Column:
    x0: float
    x1: float
    raw: str
    name: str
    year: int | None


def parse_amount(text: str) -> float | None:
    """'-35 516 324' -> -35516324.0, '1 234,50' -> 1234.5, '(7 602)' -> -7602.0; None when the text is no
    amount."""
    t = text.strip().replace("−", "-").replace("–", "-")
    negative = t.startswith("(") and t.endswith(")")  # '(4 448 822)': accounting's negative
    if negative:
        t = t[1:-1].strip()
    if not _AMOUNT.match(t) or (negative and t.startswith("-")):
        return None
    value = float(re.sub(f"[{_SEPARATORS}]", "", t).replace(",", "."))
    return -value if negative else value


def column_of(raw: str) -> str | None:
    """The normalised column a header cell names ('Raami 2025' -> raami), or None."""
    folded = " ".join(raw.lower().replace("€", " ").split())
    folded = re.sub(r"\b(ta|tp|ts)-?((?:19|20)\d{2})\b", r"\1 \2", folded)  # 'TP2023'
    # a narrow cell breaks a word before its last letters ('Alkuperäine n talousarvio', 'TA+muuto kset'):
    # joined again
    for text in (_join_broken(folded), re.sub(r"(\w{4,}) (\w{1,2})\b", r"\1\2", folded), folded):
        for name, pattern in _COLUMNS:
            if pattern.search(text):
                return name
    return None


_YEAR_WORD = re.compile(r"(?:ta|tp|ts)?-?(?:19|20)\d{2}")
DEFAULT_BROKEN_TAIL = 4  # letters a narrow header cell may carry over to its next line ('TA-muutok' + 'set')


def _join_broken(folded: str) -> str:
    """Words of a header cell joined where a narrow cell broke one: 'ta+muuto kset' -> 'ta+muutokset'."""
    words = folded.split()
    out: list[str] = []
    for word in words:
        if out and 0 < len(word) <= DEFAULT_BROKEN_TAIL and word.isalpha() and out[-1][-1:].isalpha() and any(
                h.endswith(out[-1].split("+")[-1].split("-")[-1] + word) for h in _HEADER_WORDS):
            out[-1] += word
        else:
            out.append(word)
    return " ".join(out)


# the pieces of a header word that a narrow cell broke off: its last one to four letters (with at
# least four before them), and the word without up to four last letters (five or more kept)
_HEADER_TAILS = frozenset(h[-n:] for h in _HEADER_WORDS for n in range(1, DEFAULT_BROKEN_TAIL + 1)
                          if len(h) >= n + 4 and h[-n:].isalpha())
_HEADER_HEADS = frozenset(h[:n] for h in _HEADER_WORDS for n in range(max(5, len(h) - DEFAULT_BROKEN_TAIL), len(h) + 1))


def is_header_word(word: str) -> bool:
    """A word of a budget header cell: a column word, a year, a share ('Tot-%', 'Tot. %'), words joined by
    '+' or '-' ('TA+muutokset'), or a piece of a column word that a narrow cell broke ('Alkuperäine' + 'n',
    'TA-muutok' + 'set'). Set look-ups: it runs on every word of every line."""
    w = word.lower().strip("()*:.")
    if w in _HEADER_WORDS or w.endswith("%") or _YEAR_WORD.fullmatch(w):
        return True
    if "+" in w or "-" in w:
        parts = [p for p in re.split(r"[+-]", w) if p]
        if len(parts) > 1:  # 'TA+muutokset', a broken 'Talousarvi' + 'o-muutoks' + 'et'
            return all(is_header_word(part) for part in parts)
    if not w.isalpha():
        return False
    return w in _HEADER_TAILS or w in _HEADER_HEADS


def is_table_title(text: str) -> bool:
    """A cell or heading that names a budget table ('Käyttötalous', 'Talousarvion toteutuminen')."""
    return bool(_TITLES.search(text.strip()))


_WORD_CHAR = re.compile(r"\w|%")


def _header_segment(seg: Segment) -> bool:
    """All of the cell's words are header words, signs aside ('Ylitys (-) / alitus (+)'), and it has
    one at least; a share column may print only '%'. Settled at the first word that is not one: most
    cells are prose."""
    words = False
    for w in seg.text.split():
        if _WORD_CHAR.search(w):
            if not is_header_word(w):
                return False
            words = True
    return words


def line_norm(label: str) -> str | None:
    folded = " ".join(label.lower().split())
    return next((name for name, pattern in _LINES if pattern.search(folded)), None)


def _split_after_years(seg: Segment) -> list[Segment]:
    """'TA 2025 Ero raamiin' printed as one run -> 'TA 2025' + 'Ero raamiin' (a year ends a header
    cell); x positions shared out by characters."""
    text = seg.text
    cuts = [m.end() for m in _YEAR.finditer(text) if text[m.end():].strip()]
    if not cuts:
        return [seg]
    per_char = (seg.x1 - seg.x0) / max(len(text), 1)
    out, start = [], 0
    for end in [*cuts, len(text)]:
        piece = text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            out.append(Segment(seg.x0 + (start + lead) * per_char, seg.x0 + len(piece.rstrip()) * per_char
                               + start * per_char, piece.strip()))
        start = end
    return out


def _band_columns(band: list[Line]) -> list[Column] | None:
    """Header cells from a band of header lines: segments clustered by horizontal overlap."""
    clusters: list[list[Segment]] = []
    for ln in band:  # top to bottom; cells of one line never merge with each other
        taken: set[int] = set()
        for seg in sorted((p for s in ln.segments if _header_segment(s) for p in _split_after_years(s)),
                          key=lambda s: s.x0):
            hits = [i for i, cl in enumerate(clusters) if i not in taken
                    and seg.x0 < max(s.x1 for s in cl) - 1 and seg.x1 > min(s.x0 for s in cl) + 1]
            if hits:
                clusters[hits[0]].append(seg)
                taken.add(hits[0])
            else:
                clusters.append([seg])
                taken.add(len(clusters) - 1)
    out = []
    for cl in sorted(clusters, key=lambda c: min(s.x0 for s in c)):
        raw = " ".join(s.text for s in cl)  # segments were added top to bottom
        name = column_of(raw)
        if name is None:
            continue
        year = _YEAR.search(raw)
        out.append(Column(min(s.x0 for s in cl), max(s.x1 for s in cl), " ".join(raw.split()), name,
                          int(year.group(1)) if year else None))
    return out if len(out) >= 2 else None


def _header_at(lines: list[Line], k: int) -> tuple[list[Column], str | None, int] | None:
    """A header band starting at line k: (columns, the unit named in its first cell, lines used)."""
    band: list[Line] = []
    unit = None
    j = k
    while j < len(lines) and len(band) < 3:
        ln = lines[j]
        segs = list(ln.segments)
        if not segs:
            break
        label = None
        if not band and not _header_segment(segs[0]) and len(segs) >= 3 and all(
                _header_segment(s) for s in segs[1:]):
            label = segs[0].text  # 'VAALIT  TP 2023  TA 2024 ...': the first cell names the unit
        elif not all(_header_segment(s) for s in segs):
            break
        if band and ln.y - band[-1].y > DEFAULT_BAND_STEP * max(ln.height, band[-1].height, 8.0):
            break
        band.append(ln)
        if label and not _TITLES.search(label):  # 'Käyttötalous  TA 2025 ...' names the table, not a unit
            unit = label
        j += 1
    if not band:
        return None
    cols = _band_columns(band)
    if cols is None or not any(c.name in ("tp", "ta", "raami", "toteutuma", "alkuperainen", "yhteensa") for c in cols):
        return None
    return cols, unit, j - k


def _key_figure_columns(cols: list[tuple[str | None, int | None]]) -> bool:
    """(name, year) of a header's columns are a key-figure table's: outturns ('tp') of two years or more, and
    besides them only change columns ('Muutos %'); no budget, frame or plan column."""
    years = {year for name, year in cols if name == "tp" and year}
    return len(years) >= 2 and all((name == "tp" and year) or name in vocab.KEY_FIGURE_SIDE_COLUMNS
                                   for name, year in cols)


def is_key_figure_header(cells: list[str]) -> bool:
    """A header row of printed cells 'Tunnusluvut | TP 2022 | TP 2023 | TP 2024 | Muutos %': a label cell
    (or none) and the columns of a key-figure table (`_key_figure_columns`)."""
    texts = [" ".join(c.split()) for c in cells if c and c.strip()]
    if texts and column_of(texts[0]) is None:
        texts = texts[1:]
    if len(texts) < 2 or any(len(t) > 40 for t in texts):
        return False
    return _key_figure_columns([(column_of(t), int(m.group(1)) if (m := _YEAR.search(t)) else None) for t in texts])


def is_indicator(label: str) -> bool:
    """A row label of a key-figure table: no line of the operating budget ('Asukasluku', 'Työttömyysaste,
    %'), or one given per inhabitant or as a share ('Vuosikate, €/asukas')."""
    return line_norm(label) is None or bool(_INDICATOR.search(label))


def _place(seg: Segment, cols: list[Column]) -> Column | None:
    """The column an amount belongs to: the one it overlaps most, else the nearest right edge."""
    best = max(cols, key=lambda c: min(seg.x1, c.x1) - max(seg.x0, c.x0))
    if min(seg.x1, best.x1) - max(seg.x0, best.x0) > 0:
        return best
    near = min(cols, key=lambda c: abs(c.x1 - seg.x1))
    return near if abs(near.x1 - seg.x1) < 30 else None


def _split(line: Line) -> tuple[str, list[Segment], str | None]:
    """(label, amount segments, decision) of one line."""
    segs = list(line.segments) or [Segment(line.x0, line.x0 + len(line.text) * 5, line.text)]
    label_parts: list[str] = []
    amounts: list[Segment] = []
    for seg in segs:
        if parse_amount(seg.text) is not None and (label_parts or amounts):
            amounts.append(seg)
        elif amounts:
            return "", [], None  # text after amounts: prose, not a table row
        else:
            label_parts.append(seg.text)
    label = " ".join(" ".join(label_parts).split())
    m = _DECISION.search(label)
    decision = m.group(0) if m else None
    if m:
        label = (label[: m.start()] + label[m.end():]).strip(" ,;")
    return label, amounts, decision


_UNIT_ROW = re.compile(r"^\d{2,4}\s+[A-ZÅÄÖ][\w-]*(?:\s+[\w-]+){0,5}$|^[A-ZÅÄÖ][\w-]*(?:"
                       + "|".join(vocab.BODY_SUFFIXES) + r"|liikelaitos|nämnden|styrelsen)$")


def is_unit_row(label: str) -> bool:
    """A label row of a budget table that names a unit, not a group of lines: a coded unit ('4300
    Vapaa-aikalautakunta') or a body ('Sivistyslautakunta', 'Vesihuoltoliikelaitos')."""
    return bool(_UNIT_ROW.match(label.strip())) and line_norm(label) is None


def _unit_heading(line: Line) -> str | None:
    t = line.text.strip()
    if not (2 < len(t) < 70) or t.endswith((".", ",", ":", ";")) or len(t.split()) > 7:
        return None
    if _TITLES.search(t) or parse_amount(t) is not None or _UNIT_FIELD.match(t):
        return None
    body = re.sub(r"^\d{1,4}\s+", "", t)  # '130 Yleishallinto': a leading code is part of the unit
    if re.search(r"\d", body) or not body[:1].isupper():
        return None
    return t


def extract_budget_lines(pages: list[PageText], doc_id: str, municipality: str | None = None,
                         municipality_code: str | None = None, year: int | None = None,
                         skip: set[str] | None = None) -> list[BudgetLine]:
    """Every amount of every budget table in the pages. ``year`` is used for columns that print
    none (Toteutuma, Poikkeama); ``skip`` holds running header/footer texts."""
    skip = skip or set()
    out: list[BudgetLine] = []
    heading: str | None = None
    for page in pages:
        lines = [ln for ln in page.lines if ln.text.strip() and ln.text.strip() not in skip]
        k = 0
        while k < len(lines):
            found = _header_at(lines, k)
            if found is None:
                heading = _unit_heading(lines[k]) or heading
                k += 1
                continue
            cols, unit, used = found
            # '(1 000 €)' in the header, its title cell or the heading right above it
            above = lines[k - 1].text if k and len(lines[k - 1].text) < 80 else ""
            scale = 1000 if _THOUSANDS.search(" ".join([above, *(ln.text for ln in lines[k:k + used])])) else 1
            k += used
            start = k
            rows, k = _table_rows(lines, k, cols)
            if _key_figure_columns([(c.name, c.year) for c in cols]) and all(
                    is_indicator(label) for label, placed, _d, _g in rows if placed):
                # key figures of several years, not a budget: no lines; the label lines after its last
                # row (the next unit's heading) are read again
                k = max((j + 1 for j in range(start, k) if _split(lines[j])[1]), default=start)
                continue
            out.extend(_to_lines(rows, unit or heading, cols, doc_id, municipality, municipality_code, year,
                                 page.number, len(out), scale))
    return out


def _table_rows(lines: list[Line], k: int, cols: list[Column]) -> tuple[list[tuple], int]:
    """Rows under a header until prose, the next header or a wide gap: (label, amounts, decision,
    group) tuples, where group is the label-only line above change rows."""
    rows: list[tuple] = []
    group: str | None = None
    last_y: float | None = None
    pending_label = ""
    while k < len(lines):
        ln = lines[k]
        if _header_at(lines, k) is not None:
            break
        height = max(ln.height, 8.0)
        if last_y is not None and ln.y - last_y > DEFAULT_SUMMARY_GAP * height:
            break
        if rows and rows[-1][1] and all(sg.text.strip() in _DASHES for sg in ln.segments) and ln.segments:
            _apply_minus(rows[-1][1], ln.segments)  # minus signs set a little lower than their amounts
            k += 1
            continue
        label, segs, decision = _split(ln)
        if not re.search(r"[A-Za-zÅÄÖåäö]", label):
            if segs or not label:
                break
            k += 1
            continue
        if not segs:
            if not label or len(label.split()) > 6 or label.endswith("."):
                break  # prose below the table
            if re.search(r"[a-zåäö]-$", label):
                pending_label = label  # a label wrapped over two lines: 'Aineet, tarvikkeet ja tava-'
            else:
                rows.append((label, [], None, group))
                group = label
            last_y = ln.y
            k += 1
            continue
        if pending_label:
            label = pending_label[:-1] + label if label[:1].islower() else f"{pending_label} {label}"
            pending_label = ""
        placed = [[_place(s, cols), parse_amount(s.text), s] for s in segs]
        rows.append((label, placed, decision, group))
        if not any(p.search(label.lower()) for _, p in _CHANGES):
            group = label
        last_y = ln.y
        k += 1
    return rows, k


_DASHES = {"-", "−", "–"}


def _apply_minus(placed: list[list], dashes: tuple[Segment, ...]) -> None:
    """Negate the amounts whose minus sign the text layer put on a line of its own (Kauhava)."""
    for dash in dashes:
        for entry in placed:
            seg = entry[2]
            if seg is not None and 0 <= seg.x0 - dash.x1 <= 6 and entry[1] is not None and entry[1] > 0:
                entry[1] = -entry[1]
                break


def _to_lines(rows: list[tuple], unit: str | None, cols: list[Column], doc_id: str, municipality: str | None,
              code: str | None, year: int | None, page: int, start: int, scale: int = 1) -> list[BudgetLine]:
    """Budget lines of a table's rows; ``scale`` turns amounts printed in thousands into euros."""
    full = [i for i, r in enumerate(rows) if len(r[1]) >= 2]
    if not full:
        return []
    last_full = full[-1]
    first_col = cols[0]
    out: list[BudgetLine] = []
    for i, (label, placed, decision, group) in enumerate(rows):
        change = next((name for name, p in _CHANGES if p.search(label.lower())), None)
        summary = i > last_full and len(placed) <= 1
        if not placed and i < last_full and is_unit_row(label):
            unit = label  # one table for all units: '4300 Vapaa-aikalautakunta' above its lines
            continue
        if not placed:
            if not summary:
                continue  # a group label ('Tulopohja', 'Toimintatulot' above its change rows)
            placed = [[None, None, None]]
        for col, amount, _seg in placed:
            if col is not None and col.name == "prosentti":
                continue  # a share of the budget used ('Tot-%'), not euros
            line = group if change and group else label
            column, column_raw, col_year = None, None, year
            if col is not None and not summary:
                column, column_raw, col_year = col.name, col.raw, col.year or year
                if change and col is first_col:
                    column = change  # 'Muutos' under 'Talousarvio €' is the change to the budget
            out.append(BudgetLine(
                line_id=f"{doc_id[:16]}:b{start + len(out) + 1}", doc_id=doc_id, municipality=municipality,
                municipality_code=code, year=col_year, unit=unit, line=line or label,
                line_norm=line_norm(line or label), budget_column=column, column_raw=column_raw,
                amount=round(amount * scale, 2) if amount is not None else None,
                page=page, decision=decision, ordinal=start + len(out)))
    return out
