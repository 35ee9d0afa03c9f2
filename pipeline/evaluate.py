"""`minutes eval`: score what the pipeline extracted against gold, synthetic and real apart.

Why this shape: one scorer judges a database (`evaluate`, after ingesting a folder of `.gold.json`
files), in-memory extractions of real documents (`evaluate_real`, against gold derived from each
source's own structure by `pipeline.realgold`), and the agreement of our two CaseM paths
(`compare_text_layer`: page text against embedded HTML, both through our own segmenter, so a
consistency check and never accuracy). All are first turned into the *gold JSON shape*
(../shared/corpus/README.md) and `score_document(gold, predicted)` compares two plain dicts. The
matching rules are the README's 'Scoring' section: items match on the § number; sections on equal
kind and >= 85 % text similarity (rapidfuzz ratio, whitespace-folded lower case); roles and
recusals on names (token order free, >= 90 %); goals, actions, metrics and follow-up rows on text
(>= 85 %); outcome and status must be equal. A field the gold leaves out is not scored.

Figures are micro-averaged: a field's counts are summed over documents, then divided. Real figures
are reported per source and path, never pooled with each other or with the synthetic ones.
"""

from __future__ import annotations

import dataclasses
import html
import json
import re
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from extractors.text.fold import squash_spaces
from pipeline.realgold import default_real_dir, load_real_gold

TEXT_MATCH = 0.85  # sections, goals, actions, metrics, follow-up rows
NAME_MATCH = 0.90  # attendees, roles, recusals, vote names (token order free)
TITLE_MATCH = 0.90  # item titles, role titles, places, history refs
LINK_DERIVE_MIN = 0.60  # gold-to-gold similarity needed to derive a goal <-> follow-up link

SCORED_TABLES = (
    "meetings", "attendees", "agenda_items", "item_history", "item_sections", "item_roles",
    "decisions", "votes", "recusals", "goals", "goal_actions", "goal_metrics", "followups",
)
SEEDS_REPAIR = ("001_10c487c451473a86.txt", "gold/001_10c487c451473a86.clean.txt")



# --- text comparison -------------------------------------------------------------------------------


def text_similarity(a: object, b: object) -> float:
    """rapidfuzz ratio in [0, 1] on whitespace-folded lower-case text; two empty texts are equal."""
    fa, fb = squash_spaces(a).lower(), squash_spaces(b).lower()
    if not fa and not fb:
        return 1.0
    return fuzz.ratio(fa, fb) / 100.0


def name_similarity(a: object, b: object) -> float:
    """Names compare token order free: 'Koistinen Pasi' is 'Pasi Koistinen'."""
    fa, fb = squash_spaces(a).lower(), squash_spaces(b).lower()
    if not fa and not fb:
        return 1.0
    return fuzz.token_sort_ratio(fa, fb) / 100.0


def _norm_time(value: object) -> str | None:
    """'17.00', '9:05', '17:00:00' -> 'HH:MM'; anything else folded as is."""
    if value is None or value == "":
        return None
    m = re.fullmatch(r"(\d{1,2})[.:](\d{2})(?::\d{2})?", squash_spaces(value))
    return f"{int(m.group(1)):02d}:{m.group(2)}" if m else squash_spaces(value)


def _norm_exact(value: object) -> str | None:
    return squash_spaces(value) or None


# --- scores ------------------------------------------------------------------------------------------


@dataclass
class Score:
    """Counts for one field. kind: 'f1' (tp/fp/fn), 'acc' (correct/total) or 'mean' (total/n)."""

    kind: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    correct: int = 0
    total: float = 0
    n: int = 0

    def add(self, other: Score) -> None:
        for name in ("tp", "fp", "fn", "correct", "total", "n"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def support(self) -> int:
        """How many gold (or, for precision-only fields, predicted) things the figure rests on."""
        if self.kind == "f1":
            return self.tp + self.fn
        return int(self.total) if self.kind == "acc" else self.n

    @property
    def value(self) -> float | None:
        """F1, accuracy or mean; None when there was nothing to score."""
        if self.kind == "f1":
            if self.tp + self.fp + self.fn == 0:
                return None
            return 2 * self.tp / (2 * self.tp + self.fp + self.fn)
        if self.kind == "acc":
            return self.correct / self.total if self.total else None
        return self.total / self.n if self.n else None

    def to_dict(self) -> dict:
        out: dict = {"kind": self.kind, "value": self.value, "support": self.support}
        if self.kind == "f1":
            out.update(precision=self.precision, recall=self.recall, tp=self.tp, fp=self.fp, fn=self.fn)
        elif self.kind == "acc":
            out.update(correct=self.correct, total=int(self.total))
        return out


Scores = dict[str, Score]


def add_f1(scores: Scores, name: str, tp: int, fp: int, fn: int) -> None:
    scores.setdefault(name, Score("f1")).add(Score("f1", tp=tp, fp=fp, fn=fn))


def add_accuracy(scores: Scores, name: str, ok: bool) -> None:
    scores.setdefault(name, Score("acc")).add(Score("acc", correct=int(ok), total=1))


def _mean(scores: Scores, name: str, value: float) -> None:
    scores.setdefault(name, Score("mean")).add(Score("mean", total=value, n=1))


def merge(into: Scores, other: Scores) -> None:
    for name, score in other.items():
        into.setdefault(name, Score(score.kind)).add(score)


# --- matching ----------------------------------------------------------------------------------------


def match(gold: list, pred: list, similarity: Callable[[object, object], float],
          threshold: float) -> list[tuple[int, int, float]]:
    """One-to-one pairs (gold index, predicted index, similarity) with similarity >= threshold,
    taken greedily from the most similar pair down (ties: document order)."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            s = similarity(g, p)
            if s >= threshold:
                candidates.append((-s, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for neg, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi, -neg))
    return sorted(pairs)


def _count(scores: Scores, name: str, gold: list, pred: list, pairs: list) -> None:
    add_f1(scores, name, len(pairs), len(pred) - len(pairs), len(gold) - len(pairs))


def _kind_and_text(g: dict, p: dict) -> float:
    return text_similarity(g.get("text"), p.get("text")) if g.get("kind") == p.get("kind") else 0.0


def _by_name(g: dict, p: dict) -> float:
    return name_similarity(g.get("name"), p.get("name"))


def _role_similarity(g: dict, p: dict) -> float:
    """Roles match on name within the same role; a title-only role ('Sivistysjohtaja', no name)
    matches a predicted nameless role of the same kind."""
    if g.get("role") != p.get("role"):
        return 0.0
    if not g.get("name") and not p.get("name"):
        return 1.0
    if not g.get("name") or not p.get("name"):
        return 0.0
    return name_similarity(g["name"], p["name"])


def _attendee_similarity(g: dict, p: dict) -> float:
    """Name within the same role_norm; a gold that does not tell role_norm matches on the name."""
    if "role_norm" in g and g.get("role_norm") != p.get("role_norm"):
        return 0.0
    return name_similarity(g.get("name"), p.get("name"))


def _text_of(key: str) -> Callable[[object, object], float]:
    return lambda g, p: text_similarity(g.get(key), p.get(key))


def followup_text(row: dict) -> str:
    """What identifies a follow-up row: its goal, action and metric cells (not status/comment)."""
    return " | ".join(squash_spaces(row.get(k)) for k in ("goal", "action", "metric"))


def _row_similarity(g: dict, p: dict) -> float:
    return text_similarity(followup_text(g), followup_text(p))


# --- scoring one document --------------------------------------------------------------------------


DOCUMENT_FIELDS = ("municipality", "municipality_code", "kind", "language")


def score_document(gold: dict, pred: dict | None) -> Scores:
    """Every field of one document. ``pred`` None (not found / not ingested) scores as all missed.

    A field absent from the gold (a key not there at all, unlike a key whose value is null) is one
    the gold's source cannot tell: it is skipped, not counted wrong. Real gold derived from a
    source's structure leaves out what that structure does not say (e.g. outcomes, votes)."""
    pred = pred or {}
    scores: Scores = {}
    for key in DOCUMENT_FIELDS:
        if key in gold:
            add_accuracy(scores, f"document.{key}", _norm_exact(gold.get(key)) == _norm_exact(pred.get(key)))
    if gold.get("meeting"):
        _score_meeting(scores, gold["meeting"], pred.get("meeting") or {})
    if "items" in gold:
        _score_items(scores, gold.get("items") or [], pred.get("items") or [])
    if gold.get("kind") == "goals" or gold.get("goals"):
        _score_goals(scores, gold.get("goals") or [], pred.get("goals") or [])
    if gold.get("kind") == "followup" or gold.get("rows"):
        _score_followups(scores, gold.get("rows") or [], pred.get("rows") or [])
    return scores


def _score_meeting(scores: Scores, gold: dict, pred: dict) -> None:
    if "body" in gold:
        same = squash_spaces(gold.get("body")).lower() == squash_spaces(pred.get("body")).lower()
        add_accuracy(scores, "meeting.body", same)
    for key in ("date", "number"):
        if key in gold:
            add_accuracy(scores, f"meeting.{key}", _norm_exact(gold.get(key)) == _norm_exact(pred.get(key)))
    g_place, p_place = gold.get("place"), pred.get("place")
    if "place" in gold:
        add_accuracy(scores, "meeting.place", (not g_place and not p_place)
             or (bool(g_place) and bool(p_place) and text_similarity(g_place, p_place) >= TITLE_MATCH))
    for key in ("start", "end"):
        if key in gold:
            add_accuracy(scores, f"meeting.{key}", _norm_time(gold.get(key)) == _norm_time(pred.get(key)))
    if "attendees" not in gold:
        return
    g_att, p_att = gold.get("attendees") or [], pred.get("attendees") or []
    _count(scores, "attendees", g_att, p_att, match(g_att, p_att, _attendee_similarity, NAME_MATCH))
    _count(scores, "attendees.name", g_att, p_att, match(g_att, p_att, _by_name, NAME_MATCH))


def _pair_items(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """Items match on the § number; with repeated numbers, the n-th gold takes the n-th predicted."""
    queue: dict[object, list[int]] = {}
    for pi, p in enumerate(pred):
        queue.setdefault(p.get("section_number"), []).append(pi)
    pairs = []
    for gi, g in enumerate(gold):
        waiting = queue.get(g.get("section_number"))
        if waiting:
            pairs.append((gi, waiting.pop(0)))
    return pairs


ITEM_CHILDREN = ("sections", "roles", "recusals", "votes", "history")


def _score_items(scores: Scores, gold: list[dict], pred: list[dict]) -> None:
    pairs = _pair_items(gold, pred)
    add_f1(scores, "items", len(pairs), len(pred) - len(pairs), len(gold) - len(pairs))
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    for gi, pi in pairs:
        _score_item_pair(scores, gold[gi], pred[pi])
    # Children of unmatched items are missed (gold) or spurious (predicted) too, in the fields the
    # gold tells at all.
    told = [k for k in ITEM_CHILDREN if not gold or any(k in g for g in gold)]
    empty: dict = {k: [] for k in told}
    for gi, g in enumerate(gold):
        if gi not in matched_g:
            _score_children(scores, g, empty)
            if _gold_outcome(g):
                add_accuracy(scores, _outcome_field(g), False)
    for pi, p in enumerate(pred):
        if pi not in matched_p:
            _score_children(scores, empty, p)


def _gold_outcome(g: dict) -> str | None:
    """The item's gold outcome, or None when the gold does not tell it (no decision, or a
    decision whose outcome no one has judged)."""
    return (g.get("decision") or {}).get("outcome")


def _outcome_field(g: dict) -> str:
    """Held-out judgements (never used to tune the classifier) are scored apart from the rest."""
    return "decision.outcome.heldout" if (g.get("decision") or {}).get("heldout") else "decision.outcome"


def _score_item_pair(scores: Scores, g: dict, p: dict) -> None:
    if "title" in g:
        add_accuracy(scores, "item.title", text_similarity_cased(g.get("title"), p.get("title")) >= TITLE_MATCH)
    if "diary_number" in g:
        add_accuracy(scores, "item.diary_number",
             _norm_exact(g.get("diary_number")) == _norm_exact(p.get("diary_number")))
    for key in ("page_start", "page_end"):
        if g.get(key) is not None:
            add_accuracy(scores, f"item.{key}", g.get(key) == p.get(key))
    if _gold_outcome(g):
        add_accuracy(scores, _outcome_field(g), (p.get("decision") or {}).get("outcome") == _gold_outcome(g))
    _score_children(scores, g, p)


def text_similarity_cased(a: object, b: object) -> float:
    """Titles keep their case: only whitespace is folded."""
    fa, fb = squash_spaces(a), squash_spaces(b)
    return 1.0 if not fa and not fb else fuzz.ratio(fa, fb) / 100.0


def _score_children(scores: Scores, g: dict, p: dict) -> None:
    """History, sections, roles, recusals and votes of one (possibly unmatched) item pair; each
    only when the gold item has the key."""
    if "history" in g:
        g_hist = [{"text": h} for h in g.get("history") or []]
        p_hist = [{"text": h} for h in p.get("history") or []]
        _count(scores, "item.history", g_hist, p_hist, match(g_hist, p_hist, _text_of("text"), TITLE_MATCH))
    if "sections" in g:
        _score_sections(scores, g.get("sections") or [], told_sections(g, p.get("sections") or []))
    if "roles" in g:
        _score_roles(scores, g.get("roles") or [], p.get("roles") or [])
    if "recusals" in g:
        g_rec, p_rec = g.get("recusals") or [], p.get("recusals") or []
        _count(scores, "recusals", g_rec, p_rec, match(g_rec, p_rec, _by_name, NAME_MATCH))
    if "votes" in g:
        _score_votes(scores, g.get("votes") or [], p.get("votes") or [])


def told_sections(g: dict, p_sec: list[dict]) -> list[dict]:
    """The predicted sections of the kinds the gold item tells: kinds it cannot tell
    (`sections_left_out`, e.g. attachments a scraper keeps in a file we do not have) are not
    counted spurious."""
    left_out = set(g.get("sections_left_out") or ())
    return [s for s in p_sec if s.get("kind") not in left_out]


def _score_sections(scores: Scores, g_sec: list[dict], p_sec: list[dict]) -> None:
    pairs = match(g_sec, p_sec, _kind_and_text, TEXT_MATCH)
    _count(scores, "sections", g_sec, p_sec, pairs)
    for _, _, sim in pairs:
        _mean(scores, "sections.similarity", sim)
    for gs in g_sec:  # how close each gold section came, matched or not
        best = max((_kind_and_text(gs, ps) for ps in p_sec), default=0.0)
        _mean(scores, "sections.best_similarity", best)
    g_kinds = [{"kind": s.get("kind")} for s in g_sec]
    p_kinds = [{"kind": s.get("kind")} for s in p_sec]
    _count(scores, "sections.kind", g_kinds, p_kinds,
           match(g_kinds, p_kinds, lambda a, b: float(a["kind"] == b["kind"]), 1.0))



def _same_title(g: dict, p: dict) -> bool:
    return (not g.get("title") and not p.get("title")) or text_similarity(g.get("title"), p.get("title")) >= TITLE_MATCH


def _score_roles(scores: Scores, g_roles: list[dict], p_roles: list[dict]) -> None:
    """Roles match on name within the role; 'roles.with_title' also needs the title right (a role
    found without its title counts as missed there), 'roles.title' is the title among matches."""
    pairs = match(g_roles, p_roles, _role_similarity, NAME_MATCH)
    _count(scores, "roles", g_roles, p_roles, pairs)
    titled = [(gi, pi, sim) for gi, pi, sim in pairs if _same_title(g_roles[gi], p_roles[pi])]
    _count(scores, "roles.with_title", g_roles, p_roles, titled)
    for gi, pi, _ in pairs:
        gr, pr = g_roles[gi], p_roles[pi]
        add_accuracy(scores, "roles.title", _same_title(gr, pr))
        if "email" in gr:
            add_accuracy(scores, "roles.email",
                 squash_spaces(gr.get("email")).lower() == squash_spaces(pr.get("email")).lower())


def _score_votes(scores: Scores, gold: list[dict], pred: list[dict]) -> None:
    """Votes pair up in order; counts must all be equal, names score as (side, name) F1."""
    for i in range(max(len(gold), len(pred))):
        gv = gold[i] if i < len(gold) else None
        pv = pred[i] if i < len(pred) else None
        ok = gv is not None and pv is not None and all(
            (gv.get(k) or 0) == (pv.get(k) or 0) for k in ("jaa", "ei", "tyhja", "poissa"))
        add_accuracy(scores, "votes.counts", ok)
        g_names = [{"side": s, "name": n} for s in ("jaa", "ei") for n in (gv or {}).get(f"{s}_names") or []]
        p_names = [{"side": s, "name": n} for s in ("jaa", "ei") for n in (pv or {}).get(f"{s}_names") or []]
        sim = lambda a, b: _by_name(a, b) if a["side"] == b["side"] else 0.0  # noqa: E731
        _count(scores, "votes.names", g_names, p_names, match(g_names, p_names, sim, NAME_MATCH))


def _score_goals(scores: Scores, gold: list[dict], pred: list[dict]) -> None:
    pairs = match(gold, pred, _text_of("text"), TEXT_MATCH)
    _count(scores, "goals", gold, pred, pairs)
    for gi, pi, _ in pairs:
        g, p = gold[gi], pred[pi]
        add_accuracy(scores, "goals.unit", squash_spaces(g.get("unit")).lower() == squash_spaces(p.get("unit")).lower())
        add_accuracy(scores, "goals.binding", g.get("binding") == p.get("binding"))
    # Actions and metrics are scored over the whole document, so that one mis-split goal does not
    # hide correctly read actions.
    for key in ("actions", "metrics"):
        g_all = [{"text": t} for goal in gold for t in goal.get(key) or []]
        p_all = [{"text": t} for goal in pred for t in goal.get(key) or []]
        _count(scores, f"goals.{key}", g_all, p_all, match(g_all, p_all, _text_of("text"), TEXT_MATCH))
    g_det = [d for goal in gold for d in goal.get("metric_details") or []]
    p_det = [d for goal in pred for d in goal.get("metric_details") or []]
    for gi, pi, _ in match(g_det, p_det, _text_of("text"), TEXT_MATCH):
        add_accuracy(scores, "goals.metrics.kind", g_det[gi].get("kind") == p_det[pi].get("kind"))


def _score_followups(scores: Scores, gold: list[dict], pred: list[dict]) -> None:
    pairs = match(gold, pred, _row_similarity, TEXT_MATCH)
    _count(scores, "followups", gold, pred, pairs)
    for gi, pi, _ in pairs:
        g, p = gold[gi], pred[pi]
        add_accuracy(scores, "followups.status", g.get("status") == p.get("status"))
        add_accuracy(scores, "followups.strategy_area",
             text_similarity(g.get("strategy_area"), p.get("strategy_area")) >= TEXT_MATCH)
        add_accuracy(scores, "followups.comment", text_similarity(g.get("comment"), p.get("comment")) >= TEXT_MATCH)
        if "goal_link" in g and p.get("goal_link") is not None:
            _score_link(scores, g["goal_link"], p["goal_link"])


def _score_link(scores: Scores, gold_link: dict | None, pred_link: dict) -> None:
    """Precision of a predicted goal link: is it the goal the gold row reports on?

    Links into documents outside the gold set cannot be judged and are left out."""
    if pred_link.get("file") is None or not pred_link.get("judgeable", True):
        return
    ok = (gold_link is not None and gold_link.get("file") == pred_link.get("file")
          and text_similarity(gold_link.get("text"), pred_link.get("text")) >= TEXT_MATCH)
    add_accuracy(scores, "links.precision", ok)


# --- goal <-> follow-up link gold, derived from the golds themselves -----------------------------


def _strip_number(text: object) -> str:
    return re.sub(r"^\s*\d+[.)]\s*", "", squash_spaces(text))


def derive_link_gold(golds: dict[str, dict]) -> None:
    """Give every gold follow-up row without one a ``goal_link`` ({file, text} or None), in place.

    The gold format has no links, but when the gold folder holds the goals document of the same
    municipality and body, the goal a row reports on can be found between the two (clean) golds.
    A row of a municipality whose goals are not in the folder links to nothing: a predicted link
    for it (necessarily into another municipality) is wrong."""
    goal_docs = [(f, g) for f, g in golds.items() if g.get("goals")]
    for gold in golds.values():
        if not gold.get("rows"):
            continue
        candidates = []
        for file, goals_doc in goal_docs:
            if goals_doc.get("municipality_code") != gold.get("municipality_code"):
                continue
            body_a, body_b = squash_spaces(goals_doc.get("body")).lower(), squash_spaces(gold.get("body")).lower()
            if body_a and body_b and body_a != body_b:
                continue
            candidates += [(file, goal) for goal in goals_doc["goals"]]
        for row in gold["rows"]:
            if "goal_link" in row:  # a gold that states its links is taken at its word
                continue
            best, best_score = None, LINK_DERIVE_MIN
            for file, goal in candidates:
                s = max(fuzz.token_set_ratio(_strip_number(row.get("goal")).lower(),
                                             squash_spaces(goal.get("text")).lower()) / 100.0,
                        max((text_similarity(_strip_number(row.get("action")), a)
                             for a in goal.get("actions") or []), default=0.0))
                if s >= best_score:
                    best, best_score = {"file": file, "text": goal.get("text")}, s
            row["goal_link"] = best


LINK_GOLD_DIR = Path(__file__).resolve().parents[1] / "tests" / "gold" / "links"


@dataclass(frozen=True)
class LinkGold:
    """Hand-read goal links between one follow-up document and one goals document (tests/gold/links).

    ``role`` keeps tuning data apart from reported data: 'tuning' (the link threshold was set on
    it, so its figure only shows the tuning held) or 'held-out' (never used to set anything)."""

    name: str
    role: str
    followup: str
    goals: str
    links: tuple[tuple[str, str], ...]  # (phrase of a row's action, phrase of the goal it reports on)


def load_link_gold(folder: Path = LINK_GOLD_DIR) -> list[LinkGold]:
    golds = []
    for path in sorted(Path(folder).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("role") not in ("tuning", "held-out"):
            raise ValueError(f"{path}: role must be 'tuning' or 'held-out', not {data.get('role')!r}")
        golds.append(LinkGold(path.stem, data["role"], data["followup"], data["goals"],
                              tuple((link["row"], link["goal"]) for link in data["links"])))
    return golds


def _contains(phrase: str, text: object) -> bool:
    return fuzz.partial_ratio(phrase.lower(), squash_spaces(text).lower()) >= 90


def score_seed_links(rows: list[dict], goals: dict[str, dict], gold: tuple[tuple[str, str], ...]) -> dict:
    """Link precision/recall of follow-up rows (dicts with action, goal_id) against ``gold`` pairs.

    ``goals`` maps goal_id -> {unit, text, actions}. A link is right when the linked goal is the
    one extracted goal that carries the gold goal phrase."""
    def carriers(phrase: str) -> set[str]:
        found = {gid for gid, g in goals.items() if _contains(phrase, g.get("text"))}
        return found or {gid for gid, g in goals.items()
                         if _contains(phrase, " ".join([squash_spaces(g.get("unit")), *g.get("actions", [])]))}

    judged = correct = 0
    for row_phrase, goal_phrase in gold:
        row = next((r for r in rows if _contains(row_phrase, r.get("action"))), None)
        if row is None or not row.get("goal_id"):
            continue
        judged += 1
        correct += row["goal_id"] in carriers(goal_phrase)
    return {"gold_links": len(gold), "predicted": judged, "correct": correct,
            "precision": correct / judged if judged else None, "recall": correct / len(gold) if gold else None,
            "goals_extracted": len(goals), "rows_extracted": len(rows)}


def evaluate_seed_links(seeds_dir: Path, gold: LinkGold, db_path: Path | None = None) -> dict | None:
    """Ingest the gold's follow-up and goals seeds (into a temporary database) and score their links."""
    from pipeline.ingest import ingest_paths
    from pipeline.storage import connect

    paths = [Path(seeds_dir) / name for name in (gold.followup, gold.goals)]
    if not all(p.exists() for p in paths):
        return None
    with tempfile.TemporaryDirectory(prefix="minutes-links-") as tmp:
        db = Path(db_path) if db_path else Path(tmp) / "links.duckdb"
        ingest_paths(paths, db, workers=2)
        con = connect(db)
        try:
            docs = {r["file_name"]: r["doc_id"] for r in _fetch(con, "SELECT file_name, doc_id FROM documents", [])}
            rows = _fetch(con, "SELECT action, goal_id FROM followups WHERE doc_id = ? ORDER BY rowid",
                          [docs.get(gold.followup)])
            goals = {g["goal_id"]: {**g, "actions": []} for g in _fetch(
                con, "SELECT goal_id, unit, text FROM goals WHERE doc_id = ?", [docs.get(gold.goals)])}
            for a in _fetch(con, "SELECT goal_id, text FROM goal_actions WHERE doc_id = ? ORDER BY ordinal",
                            [docs.get(gold.goals)]):
                goals.get(a["goal_id"], {"actions": []})["actions"].append(a["text"])
        finally:
            con.close()
    return {"gold": gold.name, "role": gold.role, **score_seed_links(rows, goals, gold.links)}


# --- predicted side: table rows -> gold shape ------------------------------------------------------


def _as_dict(record: object) -> dict:
    return dataclasses.asdict(record) if dataclasses.is_dataclass(record) else dict(record)


def _iso(value: object) -> str | None:
    return value.isoformat() if hasattr(value, "isoformat") else (str(value) if value else None)


def predicted_from_tables(document: dict, tables: dict[str, list[dict]],
                          goal_index: dict[str, dict] | None = None) -> dict:
    """Rows of the contract tables for one document -> a dict in the gold JSON shape.

    ``goal_index`` maps goal_id -> {file, text, judgeable} for resolving follow-up links, which
    may point into another document."""
    by_item: dict[str, dict[str, list[dict]]] = {}
    for table in ("item_history", "item_sections", "item_roles", "decisions", "votes", "recusals"):
        for row in tables.get(table, []):
            by_item.setdefault(row["item_id"], {}).setdefault(table, []).append(row)

    meetings = tables.get("meetings", [])
    meeting = None
    if meetings:
        m = meetings[0]
        attendees = sorted((a for a in tables.get("attendees", []) if a.get("meeting_id") == m["meeting_id"]),
                           key=lambda a: a.get("ordinal") or 0)
        meeting = {"body": m.get("body"), "date": _iso(m.get("meeting_date")), "number": m.get("number"),
                   "place": m.get("place"), "start": m.get("start_time"), "end": m.get("end_time"),
                   "attendees": [{k: a.get(k) for k in ("name", "role", "role_norm", "title", "note")}
                                 for a in attendees]}

    items = []
    for it in sorted(tables.get("agenda_items", []), key=lambda r: r.get("ordinal") or 0):
        kids = by_item.get(it["item_id"], {})
        decisions = kids.get("decisions", [])
        items.append({
            "section_number": it.get("section_number"), "title": it.get("title"),
            "diary_number": it.get("diary_number"), "page_start": it.get("page_start"),
            "page_end": it.get("page_end"),
            "history": [h["ref"] for h in sorted(kids.get("item_history", []), key=lambda h: h["ordinal"])],
            "sections": [{k: s.get(k) for k in ("kind", "heading_raw", "text", "page", "handling")}
                         for s in sorted(kids.get("item_sections", []), key=lambda s: s["ordinal"])],
            "roles": [{k: r.get(k) for k in ("role", "title", "name", "email")}
                      for r in kids.get("item_roles", [])],
            "decision": ({"outcome": decisions[0].get("outcome"), "text": decisions[0].get("text")}
                         if decisions else None),
            "recusals": [{k: r.get(k) for k in ("name", "role", "note", "replaced_by")}
                         for r in kids.get("recusals", [])],
            "votes": [{k: (list(v.get(k) or []) if k.endswith("_names") else v.get(k))
                       for k in ("jaa", "ei", "tyhja", "poissa", "jaa_names", "ei_names")}
                      for v in sorted(kids.get("votes", []), key=lambda v: v.get("ordinal") or 0)],
        })

    actions: dict[str, list[dict]] = {}
    metrics: dict[str, list[dict]] = {}
    for a in tables.get("goal_actions", []):
        actions.setdefault(a["goal_id"], []).append(a)
    for m in tables.get("goal_metrics", []):
        metrics.setdefault(m["goal_id"], []).append(m)
    goals = []
    for g in tables.get("goals", []):
        gm = sorted(metrics.get(g["goal_id"], []), key=lambda m: m["ordinal"])
        goals.append({
            "unit": g.get("unit"), "binding": g.get("binding"), "strategy_area": g.get("strategy_area"),
            "ordinal": g.get("ordinal"), "text": g.get("text"),
            "actions": [a["text"] for a in sorted(actions.get(g["goal_id"], []), key=lambda a: a["ordinal"])],
            "metrics": [m["text"] for m in gm],
            "metric_details": [{"text": m["text"], "kind": m.get("kind"), "target": m.get("target")} for m in gm],
        })

    rows = []
    for r in sorted(tables.get("followups", []), key=lambda r: r.get("ordinal") or 0):
        row = {k: r.get(k) for k in ("strategy_area", "goal", "action", "metric", "status",
                                     "status_source", "comment")}
        goal_id = r.get("goal_id")
        row["goal_link"] = (goal_index or {}).get(goal_id, {"file": None}) if goal_id else None
        rows.append(row)

    return {
        "file": document.get("file_name"), "municipality": document.get("municipality"),
        "municipality_code": document.get("municipality_code"), "kind": document.get("kind"),
        "language": document.get("language"), "status": document.get("status"),
        "source_format": document.get("source_format"), "error": document.get("error"),
        "meeting": meeting, "items": items,
        "goals": goals, "rows": rows,
    }


def tables_from_extraction(rows: Iterable[object]) -> dict[str, list[dict]]:
    """Group an Extraction's records by table, as dicts, in extraction order."""
    tables: dict[str, list[dict]] = {}
    for record in rows:
        table = getattr(type(record), "TABLE", None)
        if table:
            tables.setdefault(table, []).append(_as_dict(record))
    return tables


def predicted_from_extraction(extraction: object) -> dict:
    """An `extractors.records.Extraction` -> gold shape (links resolve within the document only)."""
    document = _as_dict(extraction.document)
    tables = tables_from_extraction(extraction.rows)
    index = {g["goal_id"]: {"file": document["file_name"], "text": g["text"]} for g in tables.get("goals", [])}
    return predicted_from_tables(document, tables, index)


def _fetch(con, sql: str, params: list) -> list[dict]:
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def predicted_from_db(con, file_names: Iterable[str]) -> dict[str, dict]:
    """file name -> predicted gold-shaped dict, for the newest document of each name in the DB."""
    wanted = set(file_names)
    latest: dict[str, dict] = {}
    for doc in _fetch(con, "SELECT * FROM documents ORDER BY ingested_at NULLS FIRST, rowid", []):
        if doc["file_name"] in wanted:
            latest[doc["file_name"]] = doc
    goal_index = {
        g["goal_id"]: {"file": g["file_name"], "text": g["text"], "judgeable": g["file_name"] in wanted}
        for g in _fetch(con, "SELECT g.goal_id, g.text, d.file_name FROM goals g "
                             "JOIN documents d USING (doc_id)", [])
    }
    out = {}
    for name, doc in latest.items():
        tables = {t: _fetch(con, f"SELECT * FROM {t} WHERE doc_id = ? ORDER BY rowid", [doc["doc_id"]])
                  for t in SCORED_TABLES}
        out[name] = predicted_from_tables(doc, tables, goal_index)
    return out


# --- reports -----------------------------------------------------------------------------------------


@dataclass
class DocEval:
    file: str
    groups: list[str]
    scores: Scores
    status: str | None = None
    note: str | None = None


@dataclass
class EvalReport:
    """Overall scores, the same per group (e.g. 'ocr') and per document, plus side measurements."""

    overall: Scores = field(default_factory=dict)
    groups: dict[str, Scores] = field(default_factory=dict)
    documents: list[DocEval] = field(default_factory=list)
    repair: dict | None = None
    links: list[dict] | None = None  # one result per link gold, each with its role (tuning / held-out)
    notes: list[str] = field(default_factory=list)
    title: str = "evaluation"
    by_group: bool = False  # the groups are different sources/paths: no pooled figure is printed

    def add(self, doc: DocEval) -> None:
        self.documents.append(doc)
        merge(self.overall, doc.scores)
        for group in doc.groups:
            merge(self.groups.setdefault(group, {}), doc.scores)

    def value(self, name: str) -> float | None:
        score = self.overall.get(name)
        return score.value if score else None

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "overall": (None if self.by_group else {k: v.to_dict() for k, v in sorted(self.overall.items())}),
            "groups": {g: {k: v.to_dict() for k, v in sorted(s.items())} for g, s in self.groups.items()},
            "documents": [{"file": d.file, "groups": d.groups, "status": d.status, "note": d.note,
                           "scores": {k: v.to_dict() for k, v in sorted(d.scores.items())}}
                          for d in self.documents],
            "repair": self.repair,
            "seed_links": self.links,
            "notes": self.notes,
        }


def doc_groups(gold: dict) -> list[str]:
    """Groups a document is also reported in: its kind, and 'ocr' for scanned / damaged text."""
    groups = [gold.get("kind") or "other"]
    if gold.get("needs_ocr") or gold.get("ocr_damaged_text_layer"):
        groups.append("ocr")
    return groups


def load_golds(gold_dir: Path) -> dict[str, tuple[Path, dict]]:
    """document file name -> (document path, gold) for every `<stem>.gold.json` with its document."""
    found = {}
    for gold_path in sorted(Path(gold_dir).glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        stem = gold_path.name[: -len(".gold.json")]
        doc_path = gold_dir / gold["file"] if gold.get("file") else None
        if doc_path is None or not doc_path.exists():
            siblings = [p for p in gold_path.parent.glob(stem + ".*") if not p.name.endswith(".gold.json")]
            doc_path = siblings[0] if siblings else None
        if doc_path is not None:
            found[doc_path.name] = (doc_path, gold)
    return found


def score_documents(golds: dict[str, dict], predicted: dict[str, dict], title: str = "evaluation") -> EvalReport:
    """Score gold dicts against predicted dicts (both keyed by file name)."""
    report = EvalReport(title=title)
    for name, gold in sorted(golds.items()):
        pred = predicted.get(name)
        report.add(DocEval(file=name, groups=doc_groups(gold), scores=score_document(gold, pred),
                           status=(pred or {}).get("status", "missing"),
                           note=(pred or {}).get("error") if pred else "not found in the database"))
    return report


def evaluate(gold_dir: Path, db_path: Path | None = None, ingest: bool = True) -> EvalReport:
    """Ingest the documents of ``gold_dir`` (into a temporary database unless ``db_path`` is given),
    read them back from DuckDB and score them against their `.gold.json` files."""
    from pipeline.storage import connect

    gold_dir = Path(gold_dir)
    found = load_golds(gold_dir)
    golds = {name: gold for name, (_, gold) in found.items()}
    derive_link_gold(golds)
    with tempfile.TemporaryDirectory(prefix="minutes-eval-") as tmp:
        db = Path(db_path) if db_path else Path(tmp) / "eval.duckdb"
        if ingest:
            from pipeline.ingest import ingest_paths

            ingest_paths([path for path, _ in found.values()], db, workers=2)
        con = connect(db, read_only=not ingest and db.exists())
        try:
            predicted = predicted_from_db(con, golds)
        finally:
            con.close()
    report = score_documents(golds, predicted, title=f"eval {gold_dir}")
    seeds = find_seeds(gold_dir)
    report.repair = measure_seed_repair(seeds)
    report.links = []
    for gold in load_link_gold() if seeds else []:
        try:
            result = evaluate_seed_links(seeds, gold)
        except Exception as exc:  # noqa: BLE001 - a broken side measurement is reported, not fatal
            report.notes.append(f"seed link measurement {gold.name} failed: {type(exc).__name__}: {exc}")
            continue
        if result is not None:
            report.links.append(result)
    return report


# --- real documents: gold from each source's own structure (pipeline/realgold) ------------------


def default_dev_dir() -> Path:
    return Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"


def _extract(data: bytes, file_name: str, embedded_html: bool = True) -> dict:
    from extractors.document import Source, extract_document

    src = Source(source=file_name, file_name=file_name)
    return predicted_from_extraction(extract_document(data, src, ocr=None, prefer_embedded_html=embedded_html))


def _ahjo_adapter(meeting: dict | None, decisions: list[dict]) -> dict:
    """What `minutes harvest` stores for an Ahjo meeting: the adapter's records, not a parse."""
    from pipeline.harvest.ahjo import meeting_extraction

    payload = {"meeting": meeting or {}, "decisions": decisions}
    return predicted_from_extraction(meeting_extraction(payload, "real", "ahjo", "ahjo.json", "Helsinki", "091"))


def _outcome_from_fields(doc) -> dict:
    """The outcome classifier on CaseM OData's own decision, proposal and handling texts."""
    from extractors.minutes.decisions import classify_outcome

    # OData strings keep the HTML entities of the editor they were typed in ('P&auml;ivi')
    fields = {key: html.unescape(value) if isinstance(value, str) else value
              for key, value in doc.meta["odata"].items()}
    items = [{"section_number": item["section_number"],
              "decision": {"outcome": classify_outcome(fields.get("Decision") or "", fields.get("Decisionproposal"),
                                                       fields.get("Eventhandling"))}}
             for item in doc.gold["items"]]
    return {"items": items}


# Groups that read only some fields of their gold: the others are not scored there.
OUTCOME_ONLY = ("decision.outcome", "decision.outcome.heldout")


def real_predictions(doc) -> list[tuple[str, Callable[[], dict]]]:
    """(group, predict) pairs for one real document: the paths our pipeline would read it by."""
    if "odata" in doc.meta:
        return [(f"{doc.source} outcome", lambda: _outcome_from_fields(doc))]
    if doc.source == "lapua":
        data = Path(doc.meta["path"]).read_bytes()
        name = Path(doc.meta["path"]).name
        return [("lapua html", lambda: _extract(data, name, True)),
                ("lapua page text", lambda: _extract(data, name, False))]
    if doc.source == "helsinki" and "decision" in doc.meta:
        decision = doc.meta["decision"]
        html = (decision.get("Content") or "").encode("utf-8")
        return [("helsinki html", lambda: _extract(html, doc.gold["file"])),
                ("helsinki adapter", lambda: _ahjo_adapter(decision.get("Meeting"), [decision]))]
    if doc.source == "helsinki":
        return [("helsinki adapter", lambda: _ahjo_adapter(doc.meta["meeting"], []))]
    if "path" in doc.meta:
        path = Path(doc.meta["path"])
        return [(doc.source, lambda: _extract(path.read_bytes(), path.name))]
    if "html" in doc.meta:
        html = doc.meta["html"].encode("utf-8")
        return [(doc.source, lambda: _extract(html, doc.gold["file"]))]
    return []


def evaluate_real(real_dir: Path | None = None, outcomes: Path | None = None) -> EvalReport:
    """Score every path of every real document against its source-derived gold, per source."""
    real_dir = Path(real_dir) if real_dir else default_real_dir()
    report = EvalReport(title=f"REAL documents ({real_dir}): gold from each source's own structure, "
                                    "value (n) per source and path", by_group=True)
    docs = load_real_gold(real_dir, outcomes)
    for doc in docs:
        for group, predict in real_predictions(doc):
            try:
                pred, status, note = predict(), None, None
                status = pred.get("status")
                note = pred.get("error")
            except Exception as exc:  # noqa: BLE001 - a crash scores as nothing found, and says why
                pred, status, note = None, "failed", f"{type(exc).__name__}: {exc}"
            scores = score_document(doc.gold, pred)
            if "odata" in doc.meta:
                scores = {k: v for k, v in scores.items() if k in OUTCOME_ONLY}
            report.add(DocEval(file=f"{doc.document} [{group}]", groups=[group],
                               scores=scores, status=status, note=note))
    report.notes.append("paths: " + "; ".join(f"{g}: {what}" for g, what in REAL_PATHS.items()))
    _add_table_golds(report, real_dir)
    _add_entity_gold(report, real_dir)
    report.notes.append("how each gold was made: " + "; ".join(
        sorted({f"{d.source}: {d.how}" for d in docs})))
    return report


def _add_table_golds(report: EvalReport, real_dir: Path) -> None:
    """Follow-up and budget tables of real documents against hand-checked gold (tests/gold/real)."""
    from pipeline.evaluate_tables import table_gold_evals

    for doc_eval in table_gold_evals(real_dir.parent):
        report.add(doc_eval)
    report.notes.append("follow-up and budget tables: gold read by hand from the rendered pages "
                        "(tests/gold/real/README.md)")


def _add_entity_gold(report: EvalReport, real_dir: Path) -> None:
    """Entities of `minutes enrich` in 50 real decisions against hand-read gold (tests/gold/real)."""
    from pipeline.enrich import ModelMissing
    from pipeline.evaluate_entities import entity_evals, summary_lines

    try:
        evals = entity_evals(real_dir)
    except ModelMissing as exc:
        report.notes.append(f"entities: not scored ({exc})")
        return
    for doc_eval in evals:
        report.add(doc_eval)
    report.notes += ["entities (precision P and recall R per kind; gold read by hand, "
                     "tests/gold/real/README.md):", *summary_lines(evals)]


REAL_PATHS = {
    "lapua html": "the PDF read through its embedded CaseM source HTML (what ingest does)",
    "lapua page text": "the same PDFs with the embedded HTML ignored (the path for CaseM PDFs without it)",
    "helsinki html": "each Ahjo decision's Content HTML through the parser",
    "helsinki adapter": "what `minutes harvest` stores for Ahjo (the adapter's records, no parsing)",
    "espoo, turku": "the captured item pages through the parser",
    "tampere outcome, mikkeli outcome": "the outcome classifier on CaseM OData's decision and proposal texts",
}


# --- CaseM page-text path vs embedded HTML --------------------------------------------------------


def compare_text_layer(pdf_paths: Iterable[Path]) -> EvalReport:
    """Extract each CaseM PDF twice: normally (embedded source HTML preferred) and forcing the
    page-text path; score the second against the first with the eval metrics.

    Both runs share the segmenter and classifiers, so this is agreement between two of our own
    paths, never accuracy: the reference is our own output. Accuracy is `evaluate_real`."""
    from extractors.document import Source, extract_document

    report = EvalReport(title="AGREEMENT between two of our own paths (page text vs embedded HTML, same "
                              "segmenter and classifiers): a consistency check, not accuracy")
    for path in pdf_paths:
        path = Path(path)
        data = path.read_bytes()
        src = Source(source=str(path), file_name=path.name)
        try:
            reference = predicted_from_extraction(
                extract_document(data, src, ocr=None, prefer_embedded_html=True))
            page_text = predicted_from_extraction(
                extract_document(data, src, ocr=None, prefer_embedded_html=False))
        except Exception as exc:  # noqa: BLE001 - one broken file is reported, the others still run
            report.add(DocEval(file=path.name, groups=["failed"], scores={}, status="failed",
                               note=f"{type(exc).__name__}: {exc}"))
            continue
        notes = []
        if reference.get("source_format") != "pdf+casem-html":
            notes.append(f"no embedded HTML used (source_format={reference.get('source_format')})")
        if reference.get("meeting") and not reference["meeting"].get("attendees"):
            notes.append("reference has no attendees")
        # The embedded HTML has no pages of its own: page numbers are not scored (gold None).
        for item in reference.get("items") or []:
            item["page_start"] = item["page_end"] = None
        note = "; ".join(notes) or None
        report.add(DocEval(file=path.name, groups=[reference.get("kind") or "other"],
                           scores=score_document(reference, page_text), status=page_text.get("status"),
                           note=note))
    return report


# --- OCR repair --------------------------------------------------------------------------------------


def find_seeds(gold_dir: Path | None = None) -> Path | None:
    """The seeds folder: beside the corpus of ``gold_dir`` (../shared/seeds), else ../shared/seeds
    of this checkout; None when neither exists."""
    roots = []
    if gold_dir is not None:
        resolved = Path(gold_dir).resolve()
        roots += [resolved / "seeds", resolved.parent / "seeds", resolved.parent.parent / "seeds"]
    roots.append(Path(__file__).resolve().parents[2] / "shared" / "seeds")
    return next((r for r in roots if r.is_dir()), None)


def measure_seed_repair(seeds: Path | None) -> dict | None:
    """`extractors.text.repair.measure_repair` on seed 001 vs its hand-corrected text, when both exist;
    None when the files are absent (the report prints n/a)."""
    from extractors.text.repair import measure_repair

    if seeds is None:
        return None
    damaged, clean = seeds / SEEDS_REPAIR[0], seeds / SEEDS_REPAIR[1]
    if not (damaged.exists() and clean.exists()):
        return None
    try:
        result = measure_repair(damaged.read_text(encoding="utf-8"), clean.read_text(encoding="utf-8"))
    except Exception as exc:  # noqa: BLE001 - a broken side measurement is reported, not fatal
        return {"file": damaged.name, "error": f"{type(exc).__name__}: {exc}"}
    return {"file": damaged.name, **dict(result)}


# --- presentation ------------------------------------------------------------------------------------

# Fields in the order they are printed; any others follow alphabetically.
FIELD_ORDER = (
    "document.municipality", "document.municipality_code", "document.kind", "document.language",
    "meeting.body", "meeting.date", "meeting.number", "meeting.place", "meeting.start", "meeting.end",
    "attendees", "attendees.name", "items", "item.title", "item.diary_number", "item.history",
    "item.page_start", "item.page_end", "sections", "sections.kind", "sections.similarity",
    "sections.best_similarity", "roles", "roles.with_title", "roles.title", "roles.email", "decision.outcome",
    "decision.outcome.heldout",
    "votes.counts", "votes.names", "recusals", "goals", "goals.unit", "goals.binding", "goals.actions",
    "goals.metrics", "goals.metrics.kind", "followups", "followups.status", "followups.strategy_area",
    "followups.comment", "followups.unit", "followups.company", "budget_lines", "budget.no_followup_rows",
    "links.precision",
)
# Per-document columns: field -> short header.
DOC_COLUMNS = {"items": "items", "sections": "sect", "roles": "roles", "decision.outcome": "outc",
               "meeting.date": "date", "goals": "goals", "followups": "fup"}


def _worth_a_line(d: DocEval) -> bool:
    """In a per-source report, a document gets a line when something on it is not perfect."""
    return d.status not in (None, "ok") or any(
        s.value is not None and s.value < 1.0 for name, s in d.scores.items() if name in DOC_COLUMNS)


def _ordered(names: Iterable[str]) -> list[str]:
    names = set(names)
    return [n for n in FIELD_ORDER if n in names] + sorted(names - set(FIELD_ORDER))


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


_LINK_ROLES = {"tuning": "TUNING set: the threshold was set on it, not a held-out measure",
               "held-out": "held out: never used to set anything"}


def format_report(report: EvalReport):
    """A rich renderable: one table of fields (overall, and per group), one line per document."""
    from rich.console import Group
    from rich.table import Table

    fields_table = Table(title=report.title, title_justify="left")
    pooled = not report.by_group
    for col in ("field", "measure") + (("n", "P", "R", "value") if pooled else ()):
        fields_table.add_column(col, justify="left" if col in ("field", "measure") else "right",
                                no_wrap=col in ("field", "measure"))
    groups = [g for g in sorted(report.groups) if (len(report.groups) > 1 or g == "ocr") and report.groups[g]]
    for g in groups:
        fields_table.add_column(g, justify="right")
    for name in _ordered(report.overall):
        s = report.overall[name]
        measure = {"f1": "F1", "acc": "accuracy", "mean": "mean"}[s.kind]
        cells = [name, measure]
        if pooled:
            cells += [str(s.support), _fmt(s.precision) if s.kind == "f1" else "",
                      _fmt(s.recall) if s.kind == "f1" else "", _fmt(s.value)]
            cells += [_fmt(report.groups[g][name].value) if name in report.groups[g] else "" for g in groups]
        else:
            cells += [f"{_fmt(report.groups[g][name].value)} ({report.groups[g][name].support})"
                      if name in report.groups[g] else "" for g in groups]
        fields_table.add_row(*cells)

    docs_table = Table(title="per document" + (" (only those with a field below 1)" if report.by_group else ""),
                       title_justify="left")
    docs_table.add_column("document", no_wrap=True, overflow="ellipsis", max_width=48)
    docs_table.add_column("status", no_wrap=True, min_width=7)
    for header in DOC_COLUMNS.values():
        docs_table.add_column(header, justify="right", no_wrap=True, min_width=5)
    docs_table.add_column("note", no_wrap=True, overflow="ellipsis", max_width=50)
    for d in report.documents:
        if report.by_group and not _worth_a_line(d):
            continue
        note = squash_spaces(d.note)[:200]
        docs_table.add_row(d.file, d.status or "", *[_fmt(d.scores[c].value) if c in d.scores else ""
                                                      for c in DOC_COLUMNS], note)
    repair = report.repair
    repair_line = ("OCR repair (seed 001): n/a" if repair is None else
                   "OCR repair (seed 001): " + ", ".join(f"{k}={_fmt(v) if isinstance(v, float) else v}"
                                                         for k, v in repair.items()))
    links_lines = [
        f"goal ↔ follow-up links, {links['gold']} ({_LINK_ROLES[links['role']]}): "
        f"precision={_fmt(links['precision'])} recall={_fmt(links['recall'])} "
        f"({links['correct']}/{links['predicted']} linked rows right, {links['gold_links']} gold links)"
        for links in report.links or []] or ["goal ↔ follow-up links: n/a"]
    if report.links and not any(r["role"] == "held-out" for r in report.links):
        links_lines.append("no held-out link gold yet: link quality on unseen documents is not measured")
    parts = [fields_table, docs_table]
    if report.links is not None:  # an `evaluate` report: the seed side measurements belong to it
        parts += [repair_line, *links_lines]
    parts += report.notes
    return Group(*parts)


def eval_command(gold_dir: Path, db: Path | None, json_out: bool) -> int:
    """`minutes eval GOLD_DIR [--db DB] [--json]`: print the report; 0 ok, 2 for a bad folder."""
    from rich.console import Console

    console = _console()
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir() or not load_golds(gold_dir):
        Console(stderr=True).print(f"[red]no documents with a .gold.json beside them in {gold_dir}[/red]")
        return 2
    with Console(stderr=True).status(f"ingesting and scoring {gold_dir} ..."):
        report = evaluate(gold_dir, db)
    _print(console, report, json_out)
    return 0


def eval_both_command(dev_dir: Path, real_dir: Path, outcomes: Path | None, json_out: bool) -> int:
    """`minutes eval` without a folder: the synthetic dev corpus and the real set, reported apart."""
    from rich.console import Console

    err = Console(stderr=True)
    if not dev_dir.is_dir() or not load_golds(dev_dir):
        err.print(f"[red]no synthetic gold folder at {dev_dir}[/red]")
        return 2
    if not real_dir.is_dir():
        err.print(f"[red]no real documents at {real_dir}[/red]")
        return 2
    if outcomes is not None and not outcomes.exists():
        err.print(f"[red]no outcomes file at {outcomes}[/red]")
        return 2
    with err.status(f"ingesting and scoring {dev_dir} ..."):
        synthetic = evaluate(dev_dir)
    synthetic.title = f"SYNTHETIC documents ({dev_dir}): written for this project, gold by their generator"
    with err.status(f"scoring the real documents in {real_dir} ..."):
        real = evaluate_real(real_dir, outcomes)
    if json_out:
        print(json.dumps({"synthetic": synthetic.to_dict(), "real": real.to_dict()}, ensure_ascii=False, indent=1))
    else:
        console = _console()
        console.print(format_report(synthetic))
        console.print()
        console.print(format_report(real))
    return 0


def text_layer_command(pdf_paths: list[Path], json_out: bool) -> int:
    """`minutes eval-text-layer PDF...`: agreement of the CaseM page-text path with the embedded-HTML
    path (a consistency check, not accuracy)."""
    from rich.console import Console

    from pipeline.ingest import discover

    try:
        pdfs = [p for p in discover(pdf_paths) if p.suffix.lower() == ".pdf"]
    except FileNotFoundError as exc:
        Console(stderr=True).print(f"[red]{exc}[/red]")
        return 2
    if not pdfs:
        Console(stderr=True).print("[red]no PDF files given[/red]")
        return 2
    _print(_console(), compare_text_layer(pdfs), json_out)
    return 0


def _console():
    """A terminal-wide console, or 160 columns when piped (rich would fall back to 80)."""
    from rich.console import Console

    return Console() if sys.stdout.isatty() else Console(width=160)


def _print(console, report: EvalReport, json_out: bool) -> None:
    if json_out:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    else:
        console.print(format_report(report))
