"""Split a document's lines into agenda items (§).

An item header is a line whose § number stands alone or beside a body name and a date:
'§ 74', 'Sivistyslautakunta  § 87  18.11.2025', 'Tekninen lautakunta 12.06.2024 § 45', '19 §'.
A § inside a sentence ('antoi 8.9.2025 § 212 talousarvion', '103 §:n mukaan') is a reference.
Runs of '§ n  Title' lines (the page-1 list of handled items) are a table of contents. A header
line of another body inside an item ('Tekninen lautakunta 18.3.2025 § 21') starts the block of
an earlier handling, and the item's own body with its own number returns to the current one.
Of the header candidates left, the items are the best rising sequence of numbers
(`choose_sequence`), so a stray '§33' or a quoted '119 §' never drops the items after it; the
page-1 list and the PDF's bookmarks, where the document has them, are its own index of items.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from extractors.records import Line
from extractors.text.fold import fold
from extractors.vocab import BODY_GENITIVES, BODY_SUFFIXES

DATE_RE = r"\d{1,2}\s?\.\s?\d{1,2}\s?\.\s?(?:\d{4}|\d{2})"
DATE_ONLY = re.compile(rf"^\s*(?:{DATE_RE}|\d{{4}}-\d{{2}}-\d{{2}})\s*$")
_SIGN_FIRST = re.compile(r"^§\s*(\d{1,4})(?!\d)\s*(.*)$")
_SIGN_LAST = re.compile(r"^(.*?)(?<![\d.])(\d{1,4})\s*§\s*(.*)$")
_NUMBER_FIRST = re.compile(r"^(\d{1,4})\s*§(?![:\w])\s*(.*)$")  # '19 §', '19 § Title' (older KTweb)
_SIGN_MID = re.compile(r"^(.*?)\s*§\s*(\d{1,4})(?!\d)\s*(.*)$")
_RANGE = re.compile(r"^\s*[-–‐]\s*\d")
# a body word also as a text layer without ä/ö prints it ('namnden', 'styrelsen')
BODY_WORD_END = re.compile("(" + "|".join(dict.fromkeys(w for s in BODY_SUFFIXES + BODY_GENITIVES
                                                        for w in (s, fold(s)))) + ")$")
DEFAULT_BODY_MATCH = 90.0  # rapidfuzz ratio of two body names (folded, without spaces) that are one body
DEFAULT_BODY_MIN_FUZZY = 10  # shorter names must be equal: 'Kh' and 'Khall' are not judged by likeness
DIARY_RE = re.compile(
    r"^\s*(?:(?:dnro|dno|dnr|diaarinumero|diarienummer|asianumero)\b\.?\s*:?\s*)?"
    r"((?:[A-ZÅÄÖ]{2,}[A-Za-zÅÄÖåäö]*-\d{4}-\d+)"  # CaseM 'LAPDno-2025-204'
    r"|(?:\d{1,6}/\d{2}(?:\.\d{2}){0,4}/\d{4})"  # '125/00.01.02.00/2025'
    r"|(?:[A-ZÅÄÖ]{1,6}/\d{1,6}/\d{2}(?:\.\d{2}){0,4}/\d{4})"  # Tweb 'OUKA/899/02.06.01.04/2017'
    r"|(?:\d{1,6}/\d{4})"  # Dynasty '730/2017'
    r"|(?:(?-i:[A-ZÅÄÖ]{2,5})\s\d{1,6}/(?:\d{2}(?:\.\d{2}){0,4}/)?\d{4})"  # registry prefix 'KST 484/2025'
    r"|(?:\d{1,6}-\d{4}\s*\(\d{2,4}\))"  # Turku '5024-2017 (010)'
    r"|(?:[A-ZÅÄÖ]{2,5}\s\d{4}-\d{4,7}(?:\s+T(?:\s\d{2})+)?))\s*$", re.I)  # Helsinki 'HEL 2024-009117 T 00 00 03'



@dataclass(frozen=True)
class HeaderCandidate:
    index: int  # line index
    number: int
    body: str  # the words before the §, dates removed ('' when none)
    date: str | None
    title: str  # text after '§ n' when it is not a date ('§ 87 Title' shape)
    diary: str | None = None  # a diary number printed on the header line ('77 §   IIDno-2025-189')


@dataclass
class RawItem:
    number: int | None
    header_index: int | None
    header: HeaderCandidate | None
    lines: list[Line] = field(default_factory=list)  # lines after the header up to the next item
    history: list[Line] = field(default_factory=list)  # handling lines printed above the header (CaseM)
    above: list[Line] = field(default_factory=list)  # every line above the header that belongs to it
    header_line: Line | None = None  # the header line itself


def _words_ok_as_body(text: str) -> bool:
    """True when text is only a body name: capitalised words, body words, 'ja', hyphens."""
    words = text.replace("-", " - ").split()
    if not words or len(words) > 7:
        return False
    for w in words:
        if w in ("-", "ja", "och", "&"):
            continue
        if w[:1].isupper() or BODY_WORD_END.search(w.lower()):
            continue
        return False
    return True


def parse_header(line: Line, index: int) -> HeaderCandidate | None:
    """Read a line as an item header candidate, or None when its § is a mere reference."""
    text = " ".join(line.text.replace("\u200b", "").split())
    if "§" not in text:
        return None
    m = _SIGN_FIRST.match(text) or _NUMBER_FIRST.match(text)
    if m:
        number, rest = int(m.group(1)), m.group(2).strip()
        if _RANGE.match(rest) or rest.startswith((":", "'", "’")):
            return None
        date = re.match(rf"^({DATE_RE})\s*$", rest)
        if date:
            return HeaderCandidate(index, number, "", date.group(1), "")
        if rest and not (rest[:1].isupper() or rest[:1].isdigit()):
            return None  # '§ 94 käsitellyt tievalot.': a reference wrapped to the line start
        diary = DIARY_RE.match(rest)
        if diary:  # the diary number beside the § (Dynasty-like prints), not a title
            return HeaderCandidate(index, number, "", None, "", diary.group(1))
        return HeaderCandidate(index, number, "", None, rest)
    number_before_sign = re.search(r"(?<![\d.])\d{1,4}\s*§", text) is not None
    for pattern in ((_SIGN_LAST,) if number_before_sign else (_SIGN_MID,)):
        m = pattern.match(text)
        if not m:
            continue
        if pattern is _SIGN_MID:
            prefix, number, suffix = m.group(1), m.group(2), m.group(3)
        else:
            prefix, number, suffix = m.group(1), m.group(2), m.group(3)
        suffix = suffix.strip()
        if _RANGE.match(suffix) or suffix.startswith((":", "'", "’", "mom", "n ")):
            return None
        dates = re.findall(DATE_RE, prefix + " " + suffix)
        body = " ".join(re.sub(DATE_RE, " ", prefix).split()).strip(" ,;")
        rest = " ".join(re.sub(DATE_RE, " ", suffix).split()).strip(" ,;")
        if rest:
            return None
        if body and not _words_ok_as_body(body):
            return None
        if not body and not dates:
            return None
        return HeaderCandidate(index, int(number), body, dates[0] if dates else None, "")
    return None


def _toc_indices(cands: list[HeaderCandidate], lines: list[Line]) -> set[int]:
    """'§ n  Title' / '§ n' lines in runs of at least two within three lines of each other: a list
    of items. Lines naming a body ('Kaupunginhallitus, § 177, 03.06.2024') are handling lines.
    Short items printed '§ n Title' one after the other ('§ 172 Val av protokolljusterare' over its
    'Förslag:' and 'Beslut: Godkändes.') look the same: a run is a list only when its numbers are
    printed again further on, or nothing between its entries ends a sentence (wrapped titles do not)."""
    toc: set[int] = set()
    run: list[HeaderCandidate] = []
    for cand in cands + [None]:  # type: ignore[list-item]
        if cand is not None and run and cand.index - run[-1].index <= 3 and cand.number > run[-1].number:
            run.append(cand)
            continue
        if len(run) >= 2 and any(c.title for c in run) and _listed(run, cands, lines):
            toc.update(c.index for c in run)  # short items ('§ 35 Muut asiat') are no list
        run = [cand] if cand is not None else []
    return toc


def _listed(run: list[HeaderCandidate], cands: list[HeaderCandidate], lines: list[Line]) -> bool:
    later = {c.number for c in cands if c.index > run[-1].index}
    if all(c.number in later for c in run):
        return True
    entries = {c.index for c in run}
    return not any(lines[k].text.rstrip().endswith((".", "!", "?")) for k in range(run[0].index, run[-1].index)
                   if k not in entries)


_FUNCTION_CODE = re.compile(r"^\s*\d{2}(\.\d{2}){1,4}\s*$")  # archive/function code '00.01.01.00'


def _own_handling_line(header: HeaderCandidate, later: HeaderCandidate, cands: list[HeaderCandidate]) -> bool:
    """Whether ``later`` ('Kaupunginhallitus 30.5.2025 § 93') is the item's own handling line printed
    after an earlier handling inside the item that ``header`` ('§ 93 Koulukuljetusten hankinta')
    opens: another body's dated handling line lies between them, and no other item's number."""
    between = [c for c in cands if header.index < c.index < later.index]
    return bool(later.body and later.date) and any(c.body and c.date and c.number != header.number for c in between) \
        and not any(not c.body and c.number != header.number for c in between)


def _above_header(line: Line) -> bool:
    """Lines printed just above an item's '§ n' that belong to it: handling lines naming a body
    (CaseM 'Tarkastuslautakunta, § 36, 08.05.2025'), the diary number and function code (Dynasty)."""
    text = " ".join(line.text.split())
    if DIARY_RE.match(text) or _FUNCTION_CODE.match(text):
        return True
    prev = parse_header(line, 0)
    return prev is not None and bool(prev.date) and bool(prev.body)


def _day(date: str | None) -> str:
    return re.sub(r"\D", "", date or "")[-6:]


def day_key(date: str | None) -> tuple[int, ...]:
    """'06.02.2024' / '6.2.2024' as (2024, 2, 6) for comparing dates printed either way."""
    return tuple(reversed([int(p) for p in re.findall(r"\d+", date or "")]))


def same_day(a: str | None, b: str | None) -> bool:
    """Do two printed dates name the same day ('6.2.2024' / '06.02.24'; a date printed without its
    year ('18.3.') matches that day of any year)?"""
    ka, kb = day_key(a), day_key(b)
    if len(ka) < 2 or len(kb) < 2 or ka[-2:] != kb[-2:]:
        return False
    return len(ka) < 3 or len(kb) < 3 or ka[0] % 100 == kb[0] % 100


def _history_table(cands: list[HeaderCandidate], main_body: str | None) -> set[tuple[int, str]]:
    """(number, date) of handling lines printed as a table: two or more dated body lines in a row
    (Dynasty's 'Kaupunkisuunnittelulautakunta  139 §  3.9.2015' list above an item). A run that
    starts with the meeting body's own header ('Tekninen lautakunta 10.02.2026 § 10' over
    'Tela 13.01.2026 § 3') is a header with its history line, not a table."""
    out: set[tuple[int, str]] = set()
    run: list[HeaderCandidate] = []
    for cand in cands + [None]:  # type: ignore[list-item]
        if cand is not None and cand.body and cand.date and (not run or cand.index - run[-1].index == 1):
            run.append(cand)
            continue
        if run and main_body and same_body(run[0].body, main_body):
            run = run[1:]
        if len(run) >= 2:
            out.update((c.number, _day(c.date)) for c in run)
        run = [cand] if cand is not None and cand.body and cand.date else []
    return out


SHAPE_BONUS = 0.4  # a header printed like most headers of the document ('§ 74', not '§74' or '119 §')
INDEX_BONUS = 0.5  # a number listed on the first pages ('§ 62 Kokouksen laillisuus ...')
PAGE_BONUS = 2.0  # a number on the very page the PDF's bookmark for it points to
NEXT_BONUS = 0.5  # numbers run on by one from the item before
# A jump of more than MAX_GAP numbers costs more than a header of an unusual shape is worth and
# less than one of the usual shape: '§ 5' then '§ 48' (an extract of two items) stay items, while
# '119 § Kokousaika' after '§ 12' (a quoted regulation) does not.
JUMP_PENALTY = 1.2
MAX_GAP = 5
_WINDOW = 400  # predecessors looked at per candidate (keeps the search linear on long documents)


def _shape(cand: HeaderCandidate, lines: list[Line]) -> tuple:
    text = " ".join(lines[cand.index].text.split())
    return (bool(cand.body), bool(cand.date), bool(cand.title), text.startswith("§"),
            bool(re.search(r"§\s", text)))


def choose_sequence(cands: list[HeaderCandidate], lines: list[Line], index: dict[int, int | None] | None,
                    toc_numbers: set[int]) -> list[HeaderCandidate]:
    """The item headers among the candidates: the best rising sequence of § numbers.

    Taking every number above the last one lets one stray '§33' (a substitute chair's signature,
    a quoted regulation '119 §', a table of earlier decisions '25.3.2024 § 88') drop every real
    item after it. Here a sequence scores one per header, more for numbers that run on by one,
    printed in the document's usual header shape, or listed in its own index, and less for a far
    jump, so a stray number is left out wherever it stands. Ties keep the earlier header.
    """
    if index:
        cands = [c for c in cands if c.number in index]
    if not cands:
        return []
    usual = Counter(_shape(c, lines) for c in cands).most_common(1)[0][0]
    weight = []
    for c in cands:
        w = 1.0 + SHAPE_BONUS * (_shape(c, lines) == usual) + INDEX_BONUS * (c.number in toc_numbers)
        if index and index.get(c.number) is not None and lines[c.index].page == index[c.number]:
            w += PAGE_BONUS
        weight.append(w)
    best: list[float] = []
    back: list[int] = []
    for k, c in enumerate(cands):
        score, prev = weight[k], -1
        for j in range(max(0, k - _WINDOW), k):
            gap = c.number - cands[j].number
            if gap <= 0:
                continue
            step = NEXT_BONUS if gap == 1 else (-JUMP_PENALTY if gap > MAX_GAP else 0.0)
            if best[j] + weight[k] + step > score + 1e-9:
                score, prev = best[j] + weight[k] + step, j
        best.append(score)
        back.append(prev)
    k = max(range(len(cands)), key=lambda i: (best[i] + 1e-9, -i))
    chain = []
    while k >= 0:
        chain.append(cands[k])
        k = back[k]
    return chain[::-1]


def same_body(a: str, b: str) -> bool:
    """One body's name, also as an OCR text layer prints it: spaces dropped ('Tekninenlautakunta') or
    a letter misread ('Bildningsndmnden'): a near-equal spelling of a long name is the same body."""
    fa, fb = (re.sub(r"[\s-]+", "", fold(x)) for x in (a, b))
    if not fa or not fb:
        return True
    if fa == fb or fa.startswith(fb) or fb.startswith(fa):
        return True
    return min(len(fa), len(fb)) >= DEFAULT_BODY_MIN_FUZZY and fuzz.ratio(fa, fb) >= DEFAULT_BODY_MATCH


def split_items(lines: list[Line], meeting_body: str | None = None,
                index: dict[int, int | None] | None = None) -> tuple[list[Line], list[RawItem], str | None]:
    """(front matter lines, items, the meeting body named in item headers).

    ``meeting_body`` (from the meeting header) tells the item headers from lines naming other
    bodies or abbreviations ('Kh § 190'); without it the most frequent body name is taken.
    ``index`` is the document's own list of items, § number -> first page (None when unknown),
    from its PDF bookmarks: when given, only those numbers open items.
    """
    cands = [c for i, line in enumerate(lines) if (c := parse_header(line, i))]
    toc = _toc_indices([c for c in cands if not c.body], lines)
    # A '§ n  Title' line whose number is printed again later as a plain header ('§ 14',
    # 'Body § 14 date') is an entry of the page-1 list, even when the list is a single line.
    plain: dict[int, list[HeaderCandidate]] = {}
    for c in cands:
        if not c.title:
            plain.setdefault(c.number, []).append(c)
    listed = {c.index for c in cands if c.title and any(
        later.index > c.index and not _own_handling_line(c, later, cands) for later in plain.get(c.number, []))} | toc
    toc_numbers = {c.number for c in cands if c.index in listed}
    cands = [c for c in cands if c.index not in listed]
    bodies = Counter(fold(c.body) for c in cands if c.body)
    main_body = meeting_body
    if bodies and not (meeting_body and any(same_body(b, meeting_body) for b in bodies)):
        top = bodies.most_common(1)[0][0]
        main_body = next(c.body for c in cands if fold(c.body) == top)
    # Headers of one document share a shape: with a body name ('Kunnanhallitus § 51 8.4.2025') or
    # without ('§ 74'); lines of the other shape are earlier handlings or history.
    # A '§ n' line of its own is the strongest sign: CaseM prints handling lines with body names
    # above it, which may outnumber the items.
    bare = sum(1 for c in cands if not c.body and not c.title)
    with_body = sum(1 for c in cands if c.body)
    bare_style = bare >= 1 or with_body * 2 < len(cands)
    history_table = _history_table(cands, main_body)
    starts: list[HeaderCandidate] = []
    for cand in cands:
        if bare_style and cand.body:
            continue
        if (cand.number, _day(cand.date)) in history_table:
            continue  # a handling listed in the item's history table, printed again as a block
        if cand.body and main_body and not same_body(cand.body, main_body):
            continue  # another body's handling or a history line
        starts.append(cand)
    # The items of one meeting carry its date: a header-shaped line of the same body with an earlier
    # date ('Hyvinvointilautakunta 15.6.2025 § 91' after the decision) is an earlier handling. A later
    # date stays (a meeting continued on the next day).
    dated = Counter(day_key(c.date) for c in starts if c.body and c.date)
    if dated:
        day, seen = dated.most_common(1)[0]
        if seen >= 2 and seen * 2 > sum(dated.values()):
            starts = [c for c in starts if not (c.body and c.date) or day_key(c.date) >= day]
    starts = choose_sequence(starts, lines, index, toc_numbers)
    if not starts:
        return [], [RawItem(number=None, header_index=None, header=None, lines=list(lines))], main_body
    # CaseM prints the handling lines ('Tarkastuslautakunta, § 36, 08.05.2025') above '§ 34':
    # they belong to the item below them, not to the end of the one above.
    above: list[int] = []
    for cand in starts:
        k = cand.index
        while k > 0 and _above_header(lines[k - 1]):
            k -= 1
        above.append(k)
    items = []
    for k, cand in enumerate(starts):
        end = above[k + 1] if k + 1 < len(starts) else len(lines)
        items.append(RawItem(number=cand.number, header_index=cand.index, header=cand,
                             lines=list(lines[cand.index + 1:end]),
                             history=[ln for ln in lines[above[k]:cand.index]
                                      if (h := parse_header(ln, 0)) is not None and h.number != cand.number],
                             above=list(lines[above[k]:cand.index]), header_line=lines[cand.index]))
    front = list(lines[:above[0]])
    return front, items, main_body
