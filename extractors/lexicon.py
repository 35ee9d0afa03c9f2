"""The Finnish lexicon: one libvoikko analyser (Debian libvoikko1 + voikko-fi) for every extractor.

Loaded once per process (the ingest fork server loads it before forking workers). `voikko()`
returns None when the library is missing, so that callers can degrade without morphology;
`require_voikko()` (OCR repair, which cannot) raises an error that says how to install it.
"""

from __future__ import annotations

from functools import cache

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


def require_voikko(purpose: str):
    """The Finnish analyser, or an error naming what needs it and how to install it."""
    analyser, error = _load()
    if analyser is None:
        raise LexiconUnavailable(f"Voikko is needed {purpose}: {INSTALL_HINT} ({error})")
    return analyser
