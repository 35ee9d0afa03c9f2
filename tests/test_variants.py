"""Synthetic minutes in many real layout variants (scripts/make_variants.py), scored per field.

The dev corpus is near 1.0; these documents vary what real publishing systems vary (CloudNC,
KTweb, Dynasty, HTML exports, text exports, Swedish, extracts) to find where the parser breaks on
unseen documents. Thresholds are the issue's targets. Generated into memory (deterministic seeds),
nothing read from ../shared.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = 36  # three rounds of the twelve layouts


def _load_generator():
    spec = importlib.util.spec_from_file_location("make_variants", ROOT / "scripts" / "make_variants.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_variants"] = module
    spec.loader.exec_module(module)
    return module


mv = _load_generator()


@pytest.fixture(scope="module")
def measurement():
    return mv.measure(mv.make_variants(SEEDS))


def test_generator_is_deterministic_and_gold_is_consistent() -> None:
    a, b = mv.make_variant(7), mv.make_variant(7)
    assert a.data == b.data and a.gold == b.gold
    layouts = {mv.make_variant(s).features["layout"] for s in range(len(mv.LAYOUT_PLAN))}
    assert layouts == set(mv.LAYOUT_PLAN)
    for seed in range(12):
        gold = mv.make_variant(seed).gold
        for item in gold["items"]:
            current = [s for s in item["sections"] if s["kind"] == "paatos" and not s.get("handling")]
            assert len(current) == 1 and current[0]["text"] == item["decision"]["text"]


def test_written_files_have_gold(tmp_path: Path) -> None:
    paths = mv.write_variants(tmp_path, n=3)
    for path in paths:
        assert path.exists() and path.with_name(path.name.rsplit(".", 1)[0] + ".gold.json").exists()


def test_variant_targets(measurement) -> None:
    failing = measurement.failing()
    worst = "\n".join(f"  {d['file']}: {d['scores']}\n" + "\n".join(f"      {x}" for x in mv.diff_lines(d, 4))
                      for d in measurement.worst(8) if d["badness"] > 0)
    assert not failing, f"below target: {failing}\nworst documents:\n{worst}"
