"""Scores against the hand-checked gold of real documents (tests/gold/real/): follow-up rows and
budget lines. Kept apart from the synthetic corpus scorer because the gold has its own shape
(`tests/gold/real/README.md`): a real gold names its document by a path under ../shared, and rows
carry the unit and company they belong to.

Follow-up rows match on goal + metric text (>= 85 %, the corpus rule) and then must agree on
status; rows whose status took reading beyond a verdict word (`judgement`) are counted apart too.
Budget lines match on (unit, line, column, year) and must be equal to the euro.
"""

from __future__ import annotations

import json
from pathlib import Path

from extractors.text.fold import squash_spaces
from pipeline.evaluate import TEXT_MATCH, match, text_similarity

REAL_GOLD_DIR = Path(__file__).resolve().parent.parent / "tests" / "gold" / "real"


def _row_text(row: dict) -> str:
    return f"{row.get('goal') or ''} {row.get('metric') or row.get('action') or ''}"


def _row_similarity(g: dict, p: dict) -> float:
    return text_similarity(_row_text(g), _row_text(p))


def score_real_followups(gold: dict, rows: list[dict]) -> dict:
    """F1 of follow-up rows, status / unit / company / strategy-area accuracy over the matched rows."""
    expected = list(gold.get("rows") or []) + list(gold.get("kpi_rows") or [])
    pairs = match(expected, rows, _row_similarity, TEXT_MATCH)
    tp = len(pairs)
    out: dict = {"gold": len(expected), "predicted": len(rows), "matched": tp,
                 "precision": tp / len(rows) if rows else None, "recall": tp / len(expected) if expected else None}
    p, r = out["precision"], out["recall"]
    out["f1"] = 2 * p * r / (p + r) if p and r else 0.0
    status_ok = [expected[i].get("status") == rows[j].get("status") for i, j, _ in pairs]
    judged = [ok for (i, _j, _s), ok in zip(pairs, status_ok, strict=True) if expected[i].get("judgement")]
    out["status"] = sum(status_ok) / len(expected) if expected else None  # unmatched rows count as wrong
    out["status_matched"] = sum(status_ok) / tp if tp else None
    out["status_judgement_rows"] = f"{sum(judged)}/{len(judged)}"
    for name in ("unit", "company"):
        out[name] = sum(1 for i, j, _ in pairs if text_similarity(expected[i].get(name), rows[j].get(name))
                        >= TEXT_MATCH) / tp if tp else None
    out["strategy_area"] = sum(1 for i, j, _ in pairs if text_similarity(
        expected[i].get("strategy_area"), rows[j].get("strategy_area")) >= TEXT_MATCH) / tp if tp else None
    out["wrong_status"] = [(expected[i].get("goal") or expected[i].get("metric"), expected[i]["status"],
                            rows[j].get("status")) for (i, j, _s), ok in zip(pairs, status_ok, strict=True) if not ok]
    return out


def _budget_key(line: dict) -> tuple:
    column = line["budget_column"] if "budget_column" in line else line.get("column")
    return (squash_spaces(line.get("unit")).lower(), squash_spaces(line.get("line")).lower(), column, line.get("year"))


def score_real_budget(gold: dict, lines: list[dict], followup_rows: int = 0) -> dict:
    """Budget lines: how many gold amounts were found exactly (to the euro), how many were found
    with another amount, how many extracted lines the gold does not have; plus the follow-up rows
    taken from a document that holds none."""
    expected = {_budget_key(g): g["amount"] for g in gold.get("budget_lines") or []}
    expected.update({(squash_spaces(g["unit"]).lower(), squash_spaces(g["line"]).lower(), None, None): g.get("amount")
                     for g in gold.get("summary_lines") or []})
    got: dict[tuple, object] = {}
    for line in lines:
        key = _budget_key(line)
        if key[2] is None:
            key = (key[0], key[1], None, None)
        got[key] = line.get("amount")
    exact = sum(1 for k, v in expected.items() if k in got and got[k] == v)
    wrong = sorted(str(k) for k, v in expected.items() if k in got and got[k] != v)
    missing = sorted(str(k) for k in expected if k not in got)
    extra = sorted(str(k) for k in got if k not in expected)
    return {"gold": len(expected), "predicted": len(got), "exact": exact,
            "exact_share": exact / len(expected) if expected else None, "wrong_amount": wrong,
            "missing": missing, "extra": extra,
            "followup_rows": followup_rows, "followup_rows_expected": gold.get("followup_rows")}


def load_real_golds(gold_dir: Path = REAL_GOLD_DIR) -> list[dict]:
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))]
    return [g for g in golds if g.get("kind") in ("followup", "budget")]


def _scores_of(gold: dict, followups: list[dict], budget: list[dict]) -> dict:
    """The report's Score objects for one real table gold."""
    from pipeline.evaluate import add_accuracy, add_f1

    scores: dict = {}
    if gold.get("kind") == "followup":
        s = score_real_followups(gold, followups)
        add_f1(scores, "followups", s["matched"], s["predicted"] - s["matched"], s["gold"] - s["matched"])
        for name in ("status", "unit", "company", "strategy_area"):
            value = s["status_matched" if name == "status" else name]
            if value is not None:
                correct = round(value * s["matched"])
                scores[f"followups.{name}"] = _acc_score(correct, s["matched"])
    else:
        s = score_real_budget(gold, budget, len(followups))
        add_f1(scores, "budget_lines", s["exact"], len(s["extra"]) + len(s["wrong_amount"]),
            len(s["missing"]) + len(s["wrong_amount"]))
        add_accuracy(scores, "budget.no_followup_rows", len(followups) == 0)
    return scores


def _acc_score(correct: int, total: int):  # noqa: ANN202 - pipeline.evaluate.Score
    from pipeline.evaluate import Score

    return Score("acc", correct=correct, total=total)


def table_gold_evals(shared_dir: Path, gold_dir: Path = REAL_GOLD_DIR) -> list:
    """One DocEval per hand-checked follow-up or budget gold, its document extracted in memory."""
    import dataclasses

    from extractors.document import Source, extract_document
    from extractors.records import BudgetLine, FollowUp
    from pipeline.evaluate import DocEval

    out = []
    for gold in load_real_golds(gold_dir):
        path = shared_dir / gold["path"]
        if not path.exists():
            continue  # a real folder without this document (a subset): nothing to score
        group = f"{gold['municipality'].lower()} {gold['kind']} tables"
        try:
            extraction = extract_document(path.read_bytes(), Source(str(path), path.name))
        except Exception as exc:  # noqa: BLE001 - a crash scores as nothing found, and says why
            out.append(DocEval(file=gold["file"], groups=[group], scores={}, status="failed",
                               note=f"{type(exc).__name__}: {exc}"))
            continue
        followups = [dataclasses.asdict(r) for r in extraction.of(FollowUp)]
        budget = [dataclasses.asdict(r) for r in extraction.of(BudgetLine)]
        out.append(DocEval(file=gold["file"], groups=[group], scores=_scores_of(gold, followups, budget),
                           status=extraction.document.status, note=None))
    return out
