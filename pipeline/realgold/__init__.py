"""Gold for real documents, derived from each source's own structure and never from our parser.

Why a package of its own: accuracy on real documents must be measured against something our
segmenter and classifiers did not produce. Each module here reads one kind of source with lxml,
json and pypdfium2 only, and writes the corpus gold shape (../shared/corpus/README.md). A field a
source cannot tell is left out of the gold, and the scorer skips it rather than counting it
wrong. Nothing here may import our parser: extractors.minutes, extractors.chain or
extractors.text.htmltext (tests/test_realgold.py checks the imports).

- `casem`: CaseM minutes PDFs with their source HTML embedded in the PDF metadata (Lapua).
- `ahjo`: Helsinki Ahjo decisions (sections from the HTML headings of `Content`, votes from the
  structured voting results) and meetings (attendees).
- `systems`: CaseM OData extended properties (Tampere, Mikkeli) and the peer scraper's expected
  outputs for Espoo, Turku, Oulu and Vantaa pages.
- `outcomes`: hand-judged decision outcomes (tests/gold/real/outcomes.csv), and a held-out set
  judged after the classifier was frozen (outcomes_heldout.csv).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

_WS = re.compile(r"\s+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


def clean(text: object) -> str:
    """The gold's text convention: zero-width marks dropped, every whitespace run one space."""
    if text is None:
        return ""
    return _WS.sub(" ", unicodedata.normalize("NFC", str(text)).translate(_INVISIBLE)).strip()


def element_text(el) -> str:
    """Element text with paragraphs, list items and line breaks as spaces (the gold convention)."""
    if el is None:
        return ""
    parts: list[str] = []

    def walk(node) -> None:
        if not isinstance(node.tag, str):  # comments
            if node.tail:
                parts.append(node.tail)
            return
        if node.tag in ("style", "script"):
            if node.tail:
                parts.append(node.tail)
            return
        if node.tag in ("p", "div", "li", "tr", "br", "td", "th", "table", "ol", "ul", "h1", "h2", "h3", "h4"):
            parts.append(" ")
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
        if node.tag in ("p", "div", "li", "td", "th", "h1", "h2", "h3", "h4"):
            parts.append(" ")
        if node.tail:
            parts.append(node.tail)

    walk(el)
    return clean("".join(parts).replace("\xa0", " "))


@dataclass
class RealDoc:
    """One real document (or one record of an API dump) with its gold.

    ``source`` names the set it is reported in (e.g. 'lapua', 'helsinki'); ``document`` is the path
    relative to ../shared/real, with '#id' appended for one record of a JSON dump; ``how`` says how
    the gold was made, for the report."""

    source: str
    document: str
    gold: dict
    how: str
    meta: dict = field(default_factory=dict)


def default_real_dir() -> Path:
    """../shared/real beside this checkout."""
    return Path(__file__).resolve().parents[3] / "shared" / "real"


def default_outcomes() -> Path:
    return Path(__file__).resolve().parents[2] / "tests" / "gold" / "real" / "outcomes.csv"


def default_heldout() -> Path:
    return default_outcomes().with_name("outcomes_heldout.csv")


def load_real_gold(real_dir: Path, outcomes: Path | None = None, heldout: Path | None = None) -> list[RealDoc]:
    """Every real document with a gold derived from its source, with the hand-judged outcomes of
    ``outcomes`` (default tests/gold/real/outcomes.csv) and of ``heldout`` (default
    outcomes_heldout.csv beside it); a path that does not exist adds none."""
    from pipeline.realgold import ahjo, casem, systems
    from pipeline.realgold import outcomes as hand

    docs = casem.load(real_dir) + ahjo.load(real_dir) + systems.load(real_dir) + systems.load_casem_odata(real_dir)
    path = outcomes if outcomes is not None else default_outcomes()
    judged = hand.load(path) if path.exists() else {}
    held_path = heldout if heldout is not None else default_heldout()
    held = hand.load(held_path, heldout=True) if held_path.exists() else {}
    twice = sorted(set(judged) & set(held))
    if twice:
        raise hand.OutcomeFileError(f"{held_path}: {twice[0][0]} item {twice[0][1]} is also in {path}")
    hand.apply(docs, judged | held)
    return docs
