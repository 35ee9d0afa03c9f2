"""Recognise section headings in their many spellings, OCR damage included.

Headings are compared after folding (no diacritics, lower case, punctuation as spaces) with a
rapidfuzz ratio, so 'Paatdsehdotus', 'Esittelija' and 'PÄÄTÖS' all find their kind without any
typo being listed. Genitive-prefixed shapes ('Kunnanhallituksen päätös', 'Sivistysjohtajan
ehdotus') are recognised by their last word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from extractors.minutes.roles import is_title_word, lemmas
from extractors.minutes.segment import DATE_RE
from extractors.text.fold import fold
from extractors.vocab import (
    BODY_SUFFIXES,
    DEFAULT_HEADING_CUTOFF,
    DEFAULT_HEADING_CUTOFF_SHORT,
    HEADING_OWNER_WORDS,
    HEADING_SUFFIX_KINDS,
    NOT_HEADING_LAST_WORDS,
    SECTION_HEADINGS,
    SOLITARY_HEADINGS,
)

MAX_HEADING_WORDS = 5
SWEDISH_SUFFIXES = ("beslut", "forslag", "beslutsforslag")


@dataclass(frozen=True)
class HeadingMatch:
    kind: str
    heading_raw: str  # as printed, without a trailing colon
    rest: str  # text printed after the heading on the same line ('' when none)
    score: float


@lru_cache(maxsize=1)
def _variants() -> tuple[list[str], list[str]]:
    keys, kinds = [], []
    for kind, names in SECTION_HEADINGS.items():
        for name in names:
            keys.append(fold(name))
            kinds.append(kind)
    return keys, kinds


def _owner_ok(candidate: str) -> bool:
    """Whether the genitive before 'päätös' / 'ehdotus' names a body or an official
    ('Ympäristölautakunnan', 'Sivistysjohtajan'), not a ministry or a court ('Valtiovarainministeriön',
    'Hallinto-oikeuden'). A word the lexicon does not know (OCR damage, Swedish) passes."""
    words = candidate.split()
    found = lemmas(words[-2].strip(",;")) if len(words) >= 2 else frozenset()
    if not found:
        return True
    return any(is_title_word(base) or base.endswith(BODY_SUFFIXES) or base.endswith(HEADING_OWNER_WORDS)
               for base, _ in found)


@lru_cache(maxsize=20000)
def heading_kind(candidate: str) -> tuple[str, float] | None:
    """The section kind of a candidate heading text (already without trailing colon), or None."""
    folded = fold(candidate)
    if not candidate[:1].isupper():
        return None  # headings are printed capitalised; 'päätöstä.' in running text is not one
    if not folded or len(folded.split()) > MAX_HEADING_WORDS or any(c.isdigit() for c in folded):
        return None
    keys, kinds = _variants()
    if folded in keys:
        return kinds[keys.index(folded)], 100.0
    for variant in _umlaut_readings(folded):  # a bad OCR's 'd' / '6' for 'ä' / 'ö': 'Padtös', 'Kasittely'
        if variant in keys:
            return kinds[keys.index(variant)], 99.0
    words = folded.split()
    if words[-1] in NOT_HEADING_LAST_WORDS:
        return None  # 'Kaupunginjohtajan päätökset' is an item's title
    if len(words) >= 2 and words[-1] in HEADING_SUFFIX_KINDS and not _owner_ok(candidate):
        return None  # 'Valtiovarainministeriön päätös' quoted in a description
    if 2 <= len(words) <= 4 and words[-1] in HEADING_SUFFIX_KINDS and "," not in candidate:
        # '<genitive body> päätös' (Finnish genitive -n), '<nämndens> beslut' (Swedish -s)
        ending = "s" if words[-1] in SWEDISH_SUFFIXES else "n"
        joined = ("ja", "och")  # 'Kaupunkisuunnittelu- ja ympäristölautakunnan päätös'
        if all(w.endswith(ending) or w in joined or words[k + 1] in joined for k, w in enumerate(words[:-1])):
            return HEADING_SUFFIX_KINDS[words[-1]], 95.0
    cutoff = DEFAULT_HEADING_CUTOFF_SHORT if len(folded) <= 8 else DEFAULT_HEADING_CUTOFF
    best = process.extractOne(folded, keys, scorer=fuzz.ratio, score_cutoff=cutoff)
    if best is not None and folded.startswith(best[0] + " "):
        return None  # a heading and the first word of its text ('Täytäntöönpanotiedot Ote: ...')
    if best is not None and not (best[0].startswith(folded) and len(best[0]) - len(folded) >= 3):
        return kinds[best[2]], float(best[1])  # a truncated heading ('Oikaisuvaatimus') is another word
    if 2 <= len(words) <= 3 and words[-2].endswith(("n", "s")) and "," not in candidate:
        last = process.extractOne(words[-1], list(HEADING_SUFFIX_KINDS), scorer=fuzz.ratio,
                                  score_cutoff=DEFAULT_HEADING_CUTOFF_SHORT)
        if last is not None and _owner_ok(candidate):
            return HEADING_SUFFIX_KINDS[last[0]], float(last[1]) - 5.0
    return None


def _umlaut_readings(folded: str) -> list[str]:
    """The folded heading with each 'd' or '6' that OCR may have printed for 'ä' / 'ö' read back
    (folded, both are 'a' / 'o'), one or two at a time: 'padtos' -> 'paatos', 'p6ytakirja' -> ..."""
    spots = [k for k, c in enumerate(folded) if c in "d6"]
    if not spots or len(spots) > 4:
        return []
    out = []
    for n, k in enumerate(spots):
        for a in ("a", "o") if folded[k] == "d" else ("o",):
            one = folded[:k] + a + folded[k + 1:]
            out.append(one)
            for k2 in spots[n + 1:]:
                for b in ("a", "o") if folded[k2] == "d" else ("o",):
                    out.append(one[:k2] + b + one[k2 + 1:])
    return out


def _clean(text: str) -> str:
    return text.strip().rstrip(":").strip()


def match_line_heading(segments: list[str], has_positions: bool) -> HeadingMatch | None:
    """Find a heading at the start of a line given as its text segments (see `_match_line_heading`);
    a heading that item titles often begin with counts only alone on its line."""
    match = _match_line_heading(segments, has_positions)
    if match is not None and match.rest and fold(match.heading_raw) in SOLITARY_HEADINGS:
        return None  # 'Lausunto Pirkanmaan hyvinvointialueen palveluverkkosuunnitelmasta': a title
    return match


_COLON_TEXT = re.compile(r"^[^:]{2,45}:\s*\S")


def _match_line_heading(segments: list[str], has_positions: bool) -> HeadingMatch | None:
    """Find a heading at the start of a line given as its text segments.

    Accepted shapes: the whole line is a heading ('Päätösehdotus', 'Päätös:'); a heading with a
    colon and text ('Esittelijä: Hannele Aho, kunnanjohtaja'); a margin heading that is its own
    segment followed by the text column ('Päätösehdotus | Tekninen lautakunta päättää...'); and in
    plain text without positions, a heading word followed by a capitalised word ('Paatos
    Hyvaksyttiin.'), as minutes copied from margin layouts read.
    """
    text = " ".join(s.strip() for s in segments if s.strip())
    if not text:
        return None
    # 1. the whole line
    has_colon_text = _COLON_TEXT.match(text) is not None
    whole = heading_kind(_clean(text)) if len(text) <= 60 and not has_colon_text else None
    if whole:
        return HeadingMatch(whole[0], _clean(text), "", whole[1])
    # 2. margin segment followed by text (before 3, so that 'Täytäntöönpanotiedot | Ote: ...' keeps its heading)
    if len(segments) >= 2:
        first = _clean(segments[0])
        found = heading_kind(first)
        if found:
            rest = " ".join(s.strip() for s in segments[1:] if s.strip())
            return HeadingMatch(found[0], first, rest, found[1])
    # 3. heading, colon, text
    m = re.match(r"^([^:]{2,45}):\s*(.+)$", text)
    if m:
        found = heading_kind(_clean(m.group(1)))
        if found:
            return HeadingMatch(found[0], _clean(m.group(1)), m.group(2).strip(), found[1])
    # 4. plain text: 'Heading Text...' / 'Heading<TAB>Text'
    if "\t" in text:
        head, _, rest = text.partition("\t")
        found = heading_kind(_clean(head))
        if found and rest.strip():
            return HeadingMatch(found[0], _clean(head), rest.strip(), found[1])
    if not has_positions or len(segments) == 1:
        words = text.split()
        for n in (3, 2, 1):
            if len(words) <= n:
                continue
            head = " ".join(words[:n])
            nxt = words[n]
            if not (nxt[:1].isupper() or nxt[:1].isdigit()):
                continue
            if nxt[:1].isdigit() and n == 1:
                continue  # 'Liite 1 ...' is an attachment line, not a heading
            if re.match(DATE_RE, nxt) or nxt.startswith("§"):
                continue  # 'Kaupunginhallituksen päätös 23.6.2025 § 249:' quotes another decision
            found = heading_kind(_clean(head))
            if found and (found[1] >= 95.0 or (len(fold(head)) >= 8 and found[1] >= 88.0)):
                if has_positions and n == 1 and found[0] in ("paatosehdotus", "selostus"):
                    continue
                return HeadingMatch(found[0], _clean(head), " ".join(words[n:]), found[1])
    return None
