"""Hand-judged decision outcomes: tests/gold/real/outcomes.csv.

Header `source,document,item,outcome,reason`: `document` is the path relative to ../shared/real
(a JSON dump for Helsinki, Tampere and Mikkeli), `item` the § number for minutes PDFs and pages,
the decision's NativeId for Helsinki and the contents id for Tampere/Mikkeli. No structure of
the sources says the outcome, so a person reads each decision and records it; these rows are the
outcome gold for the items they list, and items not listed have no outcome gold (skipped).

tests/gold/real/outcomes_heldout.csv has the same header: decisions judged after the classifier
was last changed and never used to change it. Its items carry `heldout`, and the scorer reports
them as `decision.outcome.heldout`, apart from the tuning figure (`decision.outcome`).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from extractors.vocab import OUTCOMES
from pipeline.realgold import RealDoc, clean

COLUMNS = ("source", "document", "item", "outcome", "reason")


class OutcomeFileError(ValueError):
    """outcomes.csv is malformed: the message names the line."""


@dataclass(frozen=True)
class Judged:
    source: str
    document: str
    item: str
    outcome: str
    reason: str
    heldout: bool = False


def csv_rows(path: Path, columns: tuple[str, ...], error: type[ValueError]) -> Iterator[tuple[int, list[str]]]:
    """(line number, cleaned cells) of a hand-made gold CSV with exactly this header; blank lines
    are skipped, a wrong header or row length is `error` naming the line."""
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header is None or tuple(h.strip() for h in header) != columns:
            raise error(f"{path}: header must be {','.join(columns)}, not {header}")
        for line, row in enumerate(reader, start=2):
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(columns):
                raise error(f"{path}:{line}: {len(row)} columns, expected {len(columns)}")
            yield line, [clean(c) for c in row]


def load(path: Path, heldout: bool = False) -> dict[tuple[str, str], Judged]:
    """(document, item) -> the judgement. A bad header, an unknown outcome, a missing reason or
    the same item judged twice is an error naming the line: silently dropped gold would
    inflate or deflate the figure."""
    judged: dict[tuple[str, str], Judged] = {}
    for line, row in csv_rows(path, COLUMNS, OutcomeFileError):
        source, document, item, outcome, reason = row
        if outcome not in OUTCOMES:
            raise OutcomeFileError(f"{path}:{line}: unknown outcome {outcome!r} (one of {', '.join(OUTCOMES)})")
        if not reason:
            raise OutcomeFileError(f"{path}:{line}: a judgement needs its reason")
        key = (document, item)
        if key in judged:
            raise OutcomeFileError(f"{path}:{line}: {document} item {item} is judged twice")
        judged[key] = Judged(source, document, item, outcome, reason, heldout)
    return judged


def item_key(doc: RealDoc, item: dict) -> tuple[str, str]:
    """The (document, item) key outcomes.csv uses for one gold item."""
    document = doc.document.split("#", 1)[0]
    ref = item.get("ref")
    return document, str(ref if ref is not None else item.get("section_number"))


def apply(docs: list[RealDoc], judged: dict[tuple[str, str], Judged]) -> int:
    """Put each judged outcome on its gold item (in place); returns how many were placed."""
    placed = 0
    for doc in docs:
        for item in doc.gold.get("items") or []:
            found = judged.get(item_key(doc, item))
            if found is None:
                continue
            item.setdefault("decision", {})["outcome"] = found.outcome
            item["decision"]["reason"] = found.reason
            if found.heldout:
                item["decision"]["heldout"] = True
            placed += 1
    return placed
