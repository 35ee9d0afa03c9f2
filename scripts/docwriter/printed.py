"""Strings as documents print them: Finnish dates, and slugs for file names and e-mail addresses."""

from __future__ import annotations

import datetime as dt
import re

_SCANDINAVIAN = str.maketrans("äöåÄÖÅ", "aoaAOA")


def fi_date(d: dt.date, padded: bool = True) -> str:
    """'09.03.2026' (padded) or '9.3.2026'."""
    return d.strftime("%d.%m.%Y") if padded else f"{d.day}.{d.month}.{d.year}"


def slug(text: str) -> str:
    """'Tekninen lautakunta' -> 'tekninen_lautakunta': ä, ö and å as a, o and a, any other run of
    characters outside a-z and 0-9 as one '_' ('Lindén' -> 'lind_n', as the variants' gold has it)."""
    return re.sub(r"[^a-z0-9]+", "_", text.translate(_SCANDINAVIAN).lower()).strip("_")
