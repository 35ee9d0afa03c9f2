"""Search terms of section texts: Voikko baseforms and compound parts, one row per section and term.

Search has to find 'kouluissa' and 'koulukuljetukset' for 'koulu', so each word stands for its
baseforms ('koulu', 'koulukuljetus') and the parts of a compound as Voikko's WORDBASES name them
('koulu', 'kuljettaa'). Words Voikko does not know (Swedish, names, OCR damage) stand for
themselves, lower-cased. Each row keeps the first surface form that produced the term, which is
where a search snippet is cut. Pure: `pipeline/search.py` ranks the rows with BM25.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from extractors.records import ItemSection, SectionTerm
from extractors.text.lexicon import analyses

_WORD = re.compile(r"[^\W_]+(?:-[^\W\d_]+)*")
_PART = re.compile(r"\+([^+(]+)(?:\(([^)]*)\))?")
MIN_PART = 3  # compound parts shorter than this ('ylä', 'us') are suffixes or too vague


def words(text: str) -> list[str]:
    """Lower-cased words of a text, in order ('Koulu-ja' kept whole, digits kept as words)."""
    return [w.lower() for w in _WORD.findall(text)]


def _parts(wordbases: str | None) -> set[str]:
    parts = set()
    for raw, base in _PART.findall(wordbases or ""):
        part = (base or raw).lower().replace("=", "")
        if len(part) >= MIN_PART and not part.startswith("+"):
            parts.add(part)
    return parts


@lru_cache(maxsize=200_000)
def _analyses(word: str) -> tuple[tuple[str, str | None, str | None], ...]:
    """(baseform, WORDBASES, CLASS) of each Voikko analysis of a lower-cased word."""
    if word.isdigit():
        return ()
    return tuple((str(a.get("BASEFORM", word)).lower(), a.get("WORDBASES"), a.get("CLASS"))
                 for a in analyses(word))


def baseforms(word: str) -> tuple[str, ...]:
    """A lower-cased word's baseforms, else the word itself."""
    return tuple(sorted({base for base, _, _ in _analyses(word)})) or (word,)


@lru_cache(maxsize=200_000)
def word_terms(word: str) -> tuple[str, ...]:
    """The terms a word of a text stands for: its baseforms and compound parts, else itself."""
    analyses = _analyses(word)
    terms = set(baseforms(word))
    for _, wordbases, cls in analyses:
        if len(analyses) == 1 or cls != "nimi":
            terms |= _parts(wordbases)
    return tuple(sorted(terms))


def query_terms(query: str) -> list[str]:
    """The terms of a search query: baseforms only, so 'koulukuljetus' asks for that compound and
    'koulu' finds it as a part of others. In order of first appearance."""
    seen: dict[str, None] = {}
    for w in words(query):
        for t in baseforms(w):
            seen.setdefault(t, None)
    return list(seen)


def section_terms(sections: list[ItemSection]) -> list[SectionTerm]:
    """One `SectionTerm` per (section, term): how often the term occurs and its first surface form."""
    rows: list[SectionTerm] = []
    for sec in sections:
        counts: Counter[str] = Counter()
        surface: dict[str, str] = {}
        for w, n in Counter(words(sec.text)).items():  # each word once, in the order of first appearance
            for t in word_terms(w):
                counts[t] += n
                surface.setdefault(t, w)
        rows.extend(SectionTerm(item_id=sec.item_id, doc_id=sec.doc_id, ordinal=sec.ordinal, term=t, tf=n,
                                surface=surface[t]) for t, n in counts.items())
    return rows
