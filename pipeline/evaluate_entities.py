"""Entities in real decisions against hand-read gold (tests/gold/real/entities.csv).

The gold names, per decision, the organisations, people, places, euro amounts and dates a reader
finds in its proposal and decision texts (how it was read: tests/gold/real/README.md). Here each
gold decision is read the way ingest reads it (a Lapua PDF through its embedded CaseM HTML, a
Helsinki decision's Content HTML through the HTML chain), its proposal and decision sections go
through `minutes enrich`'s own extraction, and both sides are compared as sets per decision and
kind. Precision and recall per kind pool the decisions of a source.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from extractors import records as R
from extractors.text.fold import fold
from extractors.vocab import ENTITY_KINDS, ENTITY_SECTION_KINDS
from pipeline.evaluate import DocEval, Scores, add_f1, match
from pipeline.evaluate_tables import REAL_GOLD_DIR
from pipeline.realgold.outcomes import csv_rows

ENTITY_GOLD = REAL_GOLD_DIR / "entities.csv"
COLUMNS = ("source", "document", "item", "kind", "text", "value", "note")
NAME_MATCH = 0.9  # folded names this similar are the same entity
MIN_MENTION = 4  # a printed mention inside another counts when it has at least this many letters


class EntityGoldError(ValueError):
    """entities.csv is malformed: the message names the line."""


@dataclass(frozen=True)
class GoldEntity:
    kind: str
    text: str
    value: str


@dataclass
class GoldDecision:
    source: str
    document: str  # relative to ../shared/real
    item: str  # § number (Lapua) or NativeId (Helsinki)
    entities: list[GoldEntity] = field(default_factory=list)


def _check_value(kind: str, value: str, where: str) -> None:
    try:
        if kind == "money":
            float(value)
        elif kind == "date":
            dt.date.fromisoformat(value)
    except ValueError:
        raise EntityGoldError(f"{where}: {kind} value {value!r} is not normalised") from None
    if kind in ENTITY_KINDS and not value:
        raise EntityGoldError(f"{where}: an entity needs its value")


def load_entity_gold(path: Path = ENTITY_GOLD) -> list[GoldDecision]:
    """The gold decisions in file order; a bad header, kind or value is an error naming the line."""
    decisions: dict[tuple[str, str], GoldDecision] = {}
    for line, row in csv_rows(path, COLUMNS, EntityGoldError):
        source, document, item, kind, text, value, _note = row
        if kind not in (*ENTITY_KINDS, "none"):
            raise EntityGoldError(f"{path}:{line}: unknown kind {kind!r} (one of {', '.join(ENTITY_KINDS)}, none)")
        _check_value(kind, value, f"{path}:{line}")
        decision = decisions.setdefault((document, item), GoldDecision(source, document, item))
        if kind != "none":
            decision.entities.append(GoldEntity(kind, text, value))
    return list(decisions.values())


# --- reading the gold decisions the way ingest reads them -------------------------------------------


@functools.cache
def _extraction(path: Path, name: str) -> R.Extraction:
    from extractors.document import Source, extract_document

    return extract_document(path.read_bytes(), Source(str(path), name), ocr=None)


@functools.cache
def _ahjo_decisions(path: Path) -> dict[str, dict]:
    data = json.loads(path.read_text(encoding="utf-8"))
    decisions = data.get("decisions", data) if isinstance(data, dict) else data
    return {d.get("NativeId"): d for d in decisions}


def _ahjo_extraction(path: Path, native_id: str) -> R.Extraction:
    from extractors.document import Source, extract_document

    decision = _ahjo_decisions(path)[native_id]
    name = f"{native_id}.html"
    return extract_document((decision.get("Content") or "").encode("utf-8"), Source(name, name), ocr=None)


def decision_sections(real_dir: Path, decision: GoldDecision) -> list[R.ItemSection]:
    """The proposal and decision sections of one gold decision, as ingest reads them."""
    path = Path(real_dir) / decision.document
    if decision.source == "helsinki":
        ext = _ahjo_extraction(path, decision.item)
        items = {i.item_id for i in ext.of(R.AgendaItem)}
    else:
        ext = _extraction(path, path.name)
        items = {i.item_id for i in ext.of(R.AgendaItem) if str(i.section_number) == decision.item}
    return [s for s in ext.of(R.ItemSection) if s.item_id in items and s.kind in ENTITY_SECTION_KINDS]


# --- scoring --------------------------------------------------------------------------------------


@dataclass
class _Entity:
    value: str
    mentions: set[str]


def _key(value: str) -> str:
    return fold(value).replace(" ", "")


def _distinct(kind: str, pairs: Iterable[tuple[str, str]]) -> list[_Entity]:
    """(value, mention) pairs as distinct entities; a surname alone merges into a full name that
    ends with it, an organisation into a longer one that ends with it (README, 'Scoring')."""
    by_key: dict[str, _Entity] = {}
    for value, mention in pairs:
        entity = by_key.setdefault(_key(value), _Entity(value, set()))
        entity.mentions.add(mention)
    if kind in ("person", "org"):
        for key, entity in list(by_key.items()):
            words = fold(entity.value).split()
            host = next((other for k, other in by_key.items() if k != key and len(fold(other.value).split()) >
                         len(words) and fold(other.value).split()[-len(words):] == words), None)
            if host is not None and (kind == "org" or len(words) == 1):
                host.mentions |= entity.mentions
                del by_key[key]
    return list(by_key.values())


def _contains(a: str, b: str) -> bool:
    a, b = fold(a), fold(b)
    if min(len(a.replace(" ", "")), len(b.replace(" ", ""))) < MIN_MENTION:
        return False
    return f" {a} " in f" {b} " or f" {b} " in f" {a} "


def _similarity(kind: str):
    def similar(g: _Entity, p: _Entity) -> float:
        if kind == "money":
            return float(abs(float(g.value) - float(p.value)) < 0.005)
        if kind == "date":
            return float(g.value == p.value)
        ratio = fuzz.ratio(_key(g.value), _key(p.value)) / 100
        if ratio >= NAME_MATCH:
            return ratio
        if any(_contains(gm, pm) for gm in g.mentions | {g.value} for pm in p.mentions):
            return NAME_MATCH
        return 0.0
    return similar


def score_decision(gold: list[GoldEntity], found: list[R.DecisionEntity]) -> tuple[Scores, dict[str, list]]:
    """F1 counts per kind ('entities.org', …) for one decision, and what was missed and extra."""
    scores: Scores = {}
    errors: dict[str, list] = {"missed": [], "extra": []}
    for kind in ENTITY_KINDS:
        g = _distinct(kind, ((e.value, e.text) for e in gold if e.kind == kind))
        p = _distinct(kind, ((e.value or e.text, e.text) for e in found if e.kind == kind))
        pairs = match(g, p, _similarity(kind), NAME_MATCH)
        add_f1(scores, f"entities.{kind}", len(pairs), len(p) - len(pairs), len(g) - len(pairs))
        errors["missed"] += [(kind, g[i].value) for i in set(range(len(g))) - {i for i, _, _ in pairs}]
        errors["extra"] += [(kind, p[j].value) for j in set(range(len(p))) - {j for _, j, _ in pairs}]
    return scores, errors


def entity_evals(real_dir: Path, gold_path: Path = ENTITY_GOLD, nlp=None) -> list[DocEval]:
    """One DocEval per gold decision, in the group '<source> entities'."""
    from pipeline.enrich import entities_of

    out = []
    for decision in load_entity_gold(gold_path):
        if not (Path(real_dir) / decision.document).is_file():  # a smaller --real folder: not scored
            out.append(DocEval(file=f"{decision.document} {decision.item}", groups=[], scores={},
                               status="missing", note=f"not in {real_dir}"))
            continue
        sections = decision_sections(real_dir, decision)
        found = entities_of(sections, nlp) if sections else []
        scores, errors = score_decision(decision.entities, found)
        note = "; ".join(f"{what} {kind} {value!r}" for what in ("missed", "extra") for kind, value in errors[what])
        out.append(DocEval(file=f"{decision.document} {decision.item}", groups=[f"{decision.source} entities"],
                           scores=scores, status="ok" if sections else "missing",
                           note=note or (None if sections else "no proposal or decision section found")))
    return out


def pooled(evals: Iterable[DocEval]) -> dict[str, Scores]:
    """Scores pooled per group (source)."""
    out: dict[str, Scores] = {}
    for d in evals:
        for group in d.groups:
            for name, score in d.scores.items():
                out.setdefault(group, {}).setdefault(name, type(score)(score.kind)).add(score)
    return out


def summary_lines(evals: list[DocEval]) -> list[str]:
    """One line per source: precision and recall per kind, with the gold count."""
    lines = []
    for group, scores in sorted(pooled(evals).items()):
        decisions = sum(1 for d in evals if group in d.groups)
        parts = []
        for kind in ENTITY_KINDS:
            s = scores.get(f"entities.{kind}")
            if s is None:
                continue
            p = "–" if s.precision is None else f"{s.precision:.2f}"
            r = "–" if s.recall is None else f"{s.recall:.2f}"
            parts.append(f"{kind} P={p} R={r} (gold {s.tp + s.fn}, found {s.tp + s.fp})")
        lines.append(f"{group}, {decisions} decisions read by hand: " + "; ".join(parts))
    absent = sum(1 for d in evals if not d.groups)
    if absent:
        lines.append(f"entities: {absent} gold decisions not scored, their documents are not in the folder")
    return lines
