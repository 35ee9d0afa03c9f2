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

from pipeline.evaluate import TEXT_MATCH, fold, match, text_similarity

REAL_GOLD_DIR = Path(__file__).resolve().parent.parent / "tests" / "gold" / "real"


def _row_text(row: dict) -> str:
    return f"{row.get('goal') or ''} {row.get('metric') or row.get('action') or ''}"


def _row_similarity(g: dict, p: dict) -> float:
    return text_similarity(_row_text(g), _row_text(p))


def score_real_followups(gold: dict, rows: list[dict]) -> dict:
    """F1 of follow-up rows, status / unit / strategy-area accuracy over the matched rows."""
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
    out["unit"] = sum(1 for i, j, _ in pairs if text_similarity(expected[i].get("unit"), rows[j].get("unit"))
                      >= TEXT_MATCH) / tp if tp else None
    out["strategy_area"] = sum(1 for i, j, _ in pairs if text_similarity(
        expected[i].get("strategy_area"), rows[j].get("strategy_area")) >= TEXT_MATCH) / tp if tp else None
    out["wrong_status"] = [(expected[i].get("goal") or expected[i].get("metric"), expected[i]["status"],
                            rows[j].get("status")) for (i, j, _s), ok in zip(pairs, status_ok, strict=True) if not ok]
    return out


def _budget_key(line: dict) -> tuple:
    column = line["budget_column"] if "budget_column" in line else line.get("column")
    return (fold(line.get("unit")).lower(), fold(line.get("line")).lower(), column, line.get("year"))


def score_real_budget(gold: dict, lines: list[dict], followup_rows: int = 0) -> dict:
    """Budget lines: how many gold amounts were found exactly (to the euro), how many were found
    with another amount, how many extracted lines the gold does not have; plus the follow-up rows
    taken from a document that holds none."""
    expected = {_budget_key(g): g["amount"] for g in gold.get("budget_lines") or []}
    expected.update({(fold(g["unit"]).lower(), fold(g["line"]).lower(), None, None): g.get("amount")
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
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))]
