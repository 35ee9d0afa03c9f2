"""Text folding shared by the extractors: one definition of 'the same word, ignoring diacritics'."""

from __future__ import annotations

import re
import unicodedata

# The fast path for Finnish and Swedish, as a table of the 256 Latin-1 characters (3x faster than a
# dict; a character beyond it raises IndexError, a LookupError, and so stays as it is)
_COMMON = "".join(chr(c) for c in range(256)).translate(str.maketrans("äöåÄÖÅéÉüÜáÁ", "aoaAOAeEuUaA"))


class _Stripped(dict):
    """Code point -> the character without its diacritics, decomposed once per distinct character
    (NFKD works character by character, so this equals decomposing the whole text)."""

    def __missing__(self, code: int) -> str:
        decomposed = unicodedata.normalize("NFKD", chr(code))
        self[code] = out = "".join(c for c in decomposed if not unicodedata.combining(c))
        return out


_STRIPPED = _Stripped()
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def strip_diacritics(text: str) -> str:
    """'Pälkäne' -> 'Palkane', 'Paatdésehdotus' -> 'Paatdesehdotus' (case and length kept)."""
    if text.isascii():
        return text
    quick = text.translate(_COMMON)
    if quick.isascii():
        return quick
    return _NON_ASCII.sub(lambda m: _STRIPPED[ord(m.group())], quick)


def ascii_lower(text: str) -> str:
    """Lower case without diacritics, punctuation kept: 'Pälkäne' -> 'palkane' (names, e-mail parts,
    domains and file names)."""
    return strip_diacritics(text.lower())


def squash_spaces(text: object) -> str:
    """Every whitespace run as one space, ends trimmed (the gold's text convention); None -> ''."""
    return " ".join(str(text).split()) if text is not None else ""


def fold(text: str) -> str:
    """Lower case, no diacritics, punctuation as single spaces: the form headings are compared in."""
    return " ".join(_NOT_ALNUM.sub(" ", strip_diacritics(text).lower()).split())
