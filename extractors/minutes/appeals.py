"""Appeal instructions (muutoksenhakuohjeet) printed after the last item belong to the meeting.

Minutes end with one block per kind of appeal: a heading ('Oikaisuvaatimus', 'Kunnallisvalitus',
'Muutoksenhakukielto'), the § numbers it covers ('§35, §39, §42'), then the instructions. Read as
part of the last item they gave it sections that are not about it, and lost which items each
block covers. Both the page-text path (lines cut off the last item) and the CaseM markup path
(one table per block) hand their lines to `appeal_parts`, so both give the same records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.minutes.headings import heading_kind
from extractors.minutes.segment import parse_header
from extractors.records import Line
from extractors.text.fold import fold
from extractors.vocab import TRAILER_CAPS

_NUMBER = r"(?:§\s*\d{1,4}|\d{1,4}\s*§)"
SECTION_LIST = re.compile(rf"^\s*{_NUMBER}(?:\s*(?:[,;–-]|ja|och)?\s*{_NUMBER})*\s*[.,]?\s*$")
MAX_HEADING_WORDS = 5  # 'Oikaisuvaatimus', 'Kunnallisvalitus', 'Muutoksenhakukielto'
# An item's own appeal part names the appeal in a line ('Oikaisuvaatimus', 'Ei muutoksenhakuoikeutta,
# valmistelua koskeva päätös'); the meeting's instructions explain it in paragraphs. Fewer words than
# this under a part name (up to the next heading-like line) are the item's own part.
DEFAULT_OWN_APPEAL_WORDS = 20


@dataclass
class AppealText:
    heading_raw: str | None
    section_numbers: tuple[int, ...]  # the § numbers the block names; () when it names none
    lines: list[str] = field(default_factory=list)
    page: int | None = None

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.lines).split())


def section_numbers(text: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d{1,4}", text))


def is_appeal_heading(text: str) -> bool:
    """'Muutoksenhakuohje', 'Oikaisuvaatimusohje', 'Valitusosoitus', 'Besvärsanvisning' ..."""
    text = " ".join(text.split()).rstrip(":")
    if not text or len(text.split()) > MAX_HEADING_WORDS:
        return False
    found = heading_kind(text)
    return (found is not None and found[0] == "muutoksenhaku") or is_instructions(text)


def _is_short_heading(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= MAX_HEADING_WORDS and text[:1].isupper() and not text.rstrip().endswith(".")


def appeals_start(lines: list[Line]) -> int | None:
    """Index of the line that opens the appeal instructions in the last item's lines: an appeal
    heading, or a short heading over a list of § numbers ('Kunnallisvalitus' / '§35, §39')."""
    texts = [" ".join(ln.text.replace("\u200b", "").split()) for ln in lines]
    found = []
    for k, text in enumerate(texts):
        if k == 0:
            continue  # the item's own first line (its title) is never the start
        if is_appeal_heading(text) or _is_short_heading(text) and k + 1 < len(texts) \
                and SECTION_LIST.match(texts[k + 1]):
            found.append(k)
    # a handling line further on ('Hyvinvointilautakunta 15.6.2025 § 91' over its own parts) means
    # the item goes on: an appeal heading above it is the item's own part
    handling = [k for k, ln in enumerate(lines) if (c := parse_header(ln, k)) is not None and c.body and c.date]
    found = [k for k in found if not any(h > k for h in handling)]
    found = [k for k in found if not _names_own_appeal(texts, k)]
    first = found[0] if found else None
    names_items = first is not None and first + 1 < len(texts) and SECTION_LIST.match(texts[first + 1])
    if len(found) >= 2 and not names_items and not is_instructions(texts[first]) \
            and any(is_instructions(texts[k]) for k in found[1:]):
        # 'Muutoksenhaku' / 'Ei muutoksenhakuoikeutta ...' is the item's own part when the
        # meeting's instructions ('OIKAISUVAATIMUSOHJE', 'Valitusosoitus') follow it
        return next(k for k in found[1:] if is_instructions(texts[k]))
    return first


def _names_own_appeal(texts: list[str], k: int) -> bool:
    """Whether the heading at ``k`` ('MUUTOKSENHAKU', 'Muutoksenhaku') is the last item's own part:
    a part name, not instructions ('Oikaisuvaatimusohje'), over no list of § numbers, with only a
    line or two naming the appeal under it."""
    if is_instructions(texts[k]) or k + 1 < len(texts) and SECTION_LIST.match(texts[k + 1]):
        return False
    words = 0
    for text in texts[k + 1:]:
        if _is_short_heading(text):
            break
        words += len(text.split())
    return words < DEFAULT_OWN_APPEAL_WORDS


def is_instructions(text: str) -> bool:
    """'Oikaisuvaatimusohje', 'VALITUSOSOITUS (MARKKINAOIKEUDELLE)', 'Besvärsanvisning': a heading
    of appeal instructions, not the name of an item's part."""
    return fold(" ".join(text.split()).rstrip(":")).startswith(TRAILER_CAPS)


def appeal_parts(lines: list[tuple[str, int | None]]) -> list[AppealText]:
    """(text, page) lines of the appeal instructions -> one block per heading with its § list.

    A block opens at a heading over a list of § numbers; without any § list, every appeal
    heading opens a block that names no numbers (they cover the whole meeting)."""
    texts = [" ".join(t.replace("\u200b", "").split()) for t, _ in lines]
    opens = [k for k in range(len(texts) - 1) if _is_short_heading(texts[k]) and SECTION_LIST.match(texts[k + 1])]
    if not opens:
        opens = [k for k, t in enumerate(texts) if is_appeal_heading(t)] or ([0] if texts else [])
    if opens and opens[0] > 0:
        opens[0] = 0  # text before the first heading (a page header line) stays with the first block
    parts = []
    for n, start in enumerate(opens):
        end = opens[n + 1] if n + 1 < len(opens) else len(texts)
        body = texts[start + 1:end]
        numbers: tuple[int, ...] = ()
        if body and SECTION_LIST.match(body[0]):
            numbers, body = section_numbers(body[0]), body[1:]
        parts.append(AppealText(heading_raw=texts[start].rstrip(":") or None, section_numbers=numbers,
                                lines=[t for t in body if t], page=lines[start][1]))
    return parts
