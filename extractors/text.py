"""Text folding shared by the extractors: one definition of 'the same word, ignoring diacritics'."""

from __future__ import annotations

import re
import unicodedata


def strip_diacritics(text: str) -> str:
    """'Pälkäne' -> 'Palkane', 'Paatdésehdotus' -> 'Paatdesehdotus' (case and length kept)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Lower case, no diacritics, punctuation as single spaces: the form headings are compared in."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", strip_diacritics(text).lower()).split())
