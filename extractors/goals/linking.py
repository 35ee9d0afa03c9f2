"""Link follow-up rows to the planned goals they report on, with a similarity score.

A follow-up table rarely repeats its goal word for word: the number goes ('1. Kehitetään ...'),
inflections change ('kirjastopalveluja' / 'kirjastopalvelut'), words are added ('kaupungin
tapahtumissa ja tiloissa' for 'kulttuuripalveluiden tapahtumatuotannossa'). So texts are reduced
to Voikko base forms (without stop words and list prefixes) and compared with rapidfuzz; a row is
compared with the goal text and with each of the goal's actions and metrics, and takes the goal
of its best pair when that pair reaches the threshold. The threshold was set on seeds 002/003
and on unrelated pairs (d06 rows vs d07 goals), where precision must stay at or above 0.9.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz

from extractors.records import FollowUp, Goal, GoalAction, GoalMetric
from extractors.text.lexicon import voikko

DEFAULT_LINK_THRESHOLD = 0.8  # 0..1; unrelated pairs (d06 vs d07, seeds 000/002) peak at 0.77
ACTION_WEIGHT = 0.95  # an action or metric pair is slightly weaker evidence than the goal text
STOP_WORDS = frozenset({
    "ja", "sekä", "tai", "on", "ovat", "ei", "se", "ne", "että", "myös", "mm", "esim", "eli", "kuin",
    "mittari", "mittarit", "toimenpide", "toimenpiteet", "tavoite", "kyllä", "olla", "joka", "jotka",
})
_PREFIX = re.compile(r"^\s*(?:\d{1,2}[.)]\s*|[-–•]\s*|(?:mittari|mittarit|toimenpide|toimenpiteet|teko)\s*:\s*)+",
                     re.I)
_WORD = re.compile(r"[a-zåäö0-9]+(?:-[a-zåäö0-9]+)*")


@lru_cache(maxsize=50_000)
def lemma(word: str) -> str:
    """Voikko's base form of one word ('kirjastopalveluja' -> 'kirjastopalvelu'), else the word."""
    analyser = voikko()
    if analyser is None:  # no dictionary: surface forms
        return word
    analyses = analyser.analyze(word)
    if not analyses:
        return word
    return str(analyses[0].get("BASEFORM", word)).lower()


def lemmatise(text: str | None) -> str:
    """Base forms of the content words of a text, prefixes ('1.', 'Mittari:') and stop words gone."""
    if not text:
        return ""
    text = _PREFIX.sub("", text.strip())
    words = [lemma(w) for w in _WORD.findall(text.lower())]
    return " ".join(w for w in words if w not in STOP_WORDS and not w.isdigit())


def similarity(a: str, b: str) -> float:
    """0..1 similarity of two lemmatised texts: the mean of rapidfuzz's token sort and token set
    ratios (set alone rates any subset 100, sort alone punishes added words too much)."""
    if not a or not b:
        return 0.0
    return (fuzz.token_sort_ratio(a, b) + fuzz.token_set_ratio(a, b)) / 200.0


@dataclass(frozen=True)
class GoalTexts:
    """A goal with its actions and metrics, lemmatised once."""

    goal_id: str
    goal: str
    actions: tuple[str, ...]
    metrics: tuple[str, ...]


def goal_texts(records: Iterable[Goal | GoalAction | GoalMetric]) -> list[GoalTexts]:
    """Group extract_goals() output (goals, actions, metrics in any order) per goal."""
    records = list(records)
    actions: dict[str, list[str]] = {}
    metrics: dict[str, list[str]] = {}
    for r in records:
        if isinstance(r, GoalAction):
            actions.setdefault(r.goal_id, []).append(lemmatise(r.text))
        elif isinstance(r, GoalMetric):
            metrics.setdefault(r.goal_id, []).append(lemmatise(r.text))
    return [GoalTexts(g.goal_id, lemmatise(g.text), tuple(actions.get(g.goal_id, ())),
                      tuple(metrics.get(g.goal_id, ()))) for g in records if isinstance(g, Goal)]


def score_row(row: FollowUp, goal: GoalTexts) -> float:
    """How well a follow-up row matches a goal: its best pair of texts (goal, action or metric)."""
    best = similarity(lemmatise(row.goal), goal.goal) if row.goal else 0.0
    row_action = lemmatise(row.action)
    row_metric = lemmatise(row.metric)
    for text in (row_action, row_metric):
        if not text:
            continue
        best = max(best, similarity(text, goal.goal) * ACTION_WEIGHT)
        for other in goal.actions + goal.metrics:
            best = max(best, similarity(text, other) * ACTION_WEIGHT)
    if not row.goal and not row_action and not row_metric and row.comment:
        best = max(best, similarity(lemmatise(row.comment), goal.goal) * 0.8)
    return round(best, 4)


def link_followups(followups: Sequence[FollowUp], goals: Iterable[Goal | GoalAction | GoalMetric],
                   threshold: float = DEFAULT_LINK_THRESHOLD) -> list[FollowUp]:
    """Each row with ``goal_id`` and ``link_score`` set to its best goal when the score reaches the
    threshold (else goal_id None and the best score kept, so near misses can be reviewed)."""
    candidates = goal_texts(goals)
    out: list[FollowUp] = []
    for row in followups:
        best_id, best = None, 0.0
        for goal in candidates:
            s = score_row(row, goal)
            if s > best:
                best_id, best = goal.goal_id, s
        if best >= threshold:
            out.append(replace(row, goal_id=best_id, link_score=best))
        else:
            out.append(replace(row, goal_id=None, link_score=best if candidates else None))
    return out
