"""Synthetic minutes in many real layout variants (scripts/make_variants.py), scored per field.

The dev corpus is near 1.0; these documents vary what real publishing systems vary (CloudNC,
KTweb, Dynasty, HTML exports, text exports, Swedish, extracts) to find where the parser breaks on
unseen documents. Thresholds are the issue's targets. Generated into memory, nothing read from
../shared.

Seeds 0-35 are regression cases the parser was tuned on; every run also draws fresh seeds it has
never seen (the base seed is printed in the test report header and in failures; VARIANTS_SEED=N
replays a run).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = 36  # three rounds of the twelve layouts: the regression cases
FRESH = 48  # four rounds of the twelve layouts on seeds drawn for this run


def _load_generator():
    spec = importlib.util.spec_from_file_location("make_variants", ROOT / "scripts" / "make_variants.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_variants"] = module
    spec.loader.exec_module(module)
    return module


mv = _load_generator()


def fresh_seed() -> int:
    """The first fresh seed of this run: VARIANTS_SEED (set by tests/conftest.py for the session)."""
    return int(os.environ["VARIANTS_SEED"])


@pytest.fixture(scope="module")
def measurement():
    return mv.measure(mv.make_variants(SEEDS))


@pytest.fixture(scope="module")
def fresh_measurement():
    return mv.measure(mv.make_variants(FRESH, first_seed=fresh_seed()))


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


def _worst(m) -> str:
    return "\n".join(f"  {d['file']}: {d['scores']}\n" + "\n".join(f"      {x}" for x in mv.diff_lines(d, 4))
                     for d in m.worst(8) if d["badness"] > 0)


def test_variant_targets(measurement) -> None:
    failing = measurement.failing()
    assert not failing, f"below target: {failing}\nworst documents:\n{_worst(measurement)}"


def test_variant_targets_on_fresh_seeds(fresh_measurement) -> None:
    first = fresh_seed()
    failing = fresh_measurement.failing()
    assert not failing, (f"below target on seeds {first}-{first + FRESH - 1} (replay: VARIANTS_SEED={first}): "
                         f"{failing}\nworst documents:\n{_worst(fresh_measurement)}")


@pytest.mark.parametrize("seed", [48, 63, 78, 133, 138])
def test_generator_returns_when_the_surnames_run_out(seed: int) -> None:
    """Large Swedish boards used to exhaust the surname list and loop for ever."""
    code = (f"import sys; sys.path.insert(0, {str(ROOT / 'scripts')!r}); import make_variants as mv; "
            f"doc = mv.make_doc({seed}); people = doc.members + doc.others + doc.absent; "
            "print(len(people), len({p.last for p in people}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    total, distinct = map(int, out.stdout.split())
    assert total == distinct


def test_a_seed_that_never_finishes_fails_instead_of_hanging(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every caller of make_variant (this test module's fresh seeds included) gets an error naming the
    seed after SECONDS_PER_DOCUMENT, whatever loop a future content change introduces."""
    from scripts.docwriter.deadline import GeneratorTimeout

    def endless(seed: int) -> None:
        while True:
            pass

    monkeypatch.setattr(mv, "make_doc", endless)
    monkeypatch.setattr(mv, "SECONDS_PER_DOCUMENT", 0.5)
    with pytest.raises(GeneratorTimeout, match="seed 4711"):
        mv.make_variant(4711)
