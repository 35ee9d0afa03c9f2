"""The Finnish lexicon: one libvoikko analyser (Debian libvoikko1 + voikko-fi) for every extractor,
and the commonest words of Finnish, Swedish and English with their frequencies.

Loaded once per process (the ingest fork server loads it before forking workers). `voikko()`
returns None when the library is missing, so that callers can degrade without morphology;
`require_voikko()` (OCR repair, which cannot) raises an error that says how to install it.
"""

from __future__ import annotations

import threading
from functools import cache, lru_cache

INSTALL_HINT = "apt-get install libvoikko1 voikko-fi and pip install libvoikko"


class LexiconUnavailable(RuntimeError):
    """libvoikko or its Finnish dictionary is not installed."""


@cache
def _load():
    try:
        from libvoikko import Voikko

        return Voikko("fi"), None
    except Exception as exc:  # noqa: BLE001 - missing shared library or dictionary
        return None, exc


def voikko():
    """The Finnish analyser, or None when libvoikko or its dictionary is missing."""
    return _load()[0]


_LOCK = threading.Lock()  # one libvoikko handle: analyse from one thread at a time


@lru_cache(maxsize=100_000)  # bounded: a worker parsing a 10,000-page document keeps its memory
def analyses(word: str) -> tuple[dict, ...]:
    """Voikko's analyses of one word, the one cache every extractor reads (names, outcome verbs,
    search terms, OCR repair); empty without libvoikko. Callers must not change the dicts."""
    analyser = voikko()
    if analyser is None or not word:
        return ()
    with _LOCK:
        return tuple(analyser.analyze(word))


def word_classes(word: str) -> frozenset[str]:
    """Voikko word classes ('etunimi', 'sukunimi', 'nimisana', ...) of a word; a word in capitals
    is looked up capitalised, and an unknown hyphenated name by its parts ('Ala-Honkola')."""
    classes = _classes(word)
    if classes or "-" not in word:
        return classes
    parts = [_classes(p.capitalize()) for p in word.split("-") if p]
    if parts and all("etunimi" in c for c in parts):
        return frozenset({"etunimi"})
    if parts and any("sukunimi" in c for c in parts):
        return frozenset({"sukunimi"})
    return frozenset()


@lru_cache(maxsize=20000)
def _classes(word: str) -> frozenset[str]:
    probe = word.capitalize() if word.isupper() and len(word) > 1 else word
    return frozenset(a.get("CLASS", "") for a in analyses(probe))


def is_first_name(word: str) -> bool:
    """Does libvoikko know the word as a first name ('Laura', 'Anna-Maija')?"""
    return "etunimi" in word_classes(word)


def require_voikko(purpose: str):
    """The Finnish analyser, or an error naming what needs it and how to install it."""
    analyser, error = _load()
    if analyser is None:
        raise LexiconUnavailable(f"Voikko is needed {purpose}: {INSTALL_HINT} ({error})")
    return analyser


@cache
def common_zipf(lang: str) -> dict[str, float]:
    """word -> Zipf frequency of the commonest words of a language (zipf >= 3: wordfreq's small list).

    Read straight from wordfreq's data file (its cBpack format: a header, then bucket k holding
    the words of Zipf frequency 9 - k/100), ~0.05 s a language, instead of importing wordfreq and
    loading its large table (~1 s): a word missing here has a Zipf frequency below 3.
    """
    import gzip
    from importlib.util import find_spec
    from pathlib import Path

    import msgpack

    # the package's folder without importing it (its import pulls in ftfy and langcodes, ~0.1 s)
    folder = Path(next(iter(find_spec("wordfreq").submodule_search_locations)))
    packed = (folder / "data" / f"small_{lang}.msgpack.gz").read_bytes()
    header, *buckets = msgpack.unpackb(gzip.decompress(packed), raw=False)
    if not isinstance(header, dict) or header.get("format") != "cB":
        raise ValueError(f"unexpected wordfreq data format for {lang}: {header!r}")
    return {word: round(9 - k / 100, 2) for k, bucket in enumerate(buckets) for word in bucket}
