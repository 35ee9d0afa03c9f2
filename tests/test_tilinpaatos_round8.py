"""Round 8 of the synthetic tilinpäätös family (scripts/make_tilinpaatos_round8.py), written and measured
before any reader was changed for it. First sight (branch goals7 after its round-7 and page-break fixes): rows
F1 0.698 (22 of 26 gold rows matched, 37 predicted), status 22 / 22 matched, comments 16 / 22, budget
180 / 195 exact (231 predicted). Branch goals8 (key-figure tables, a measured number in the status column):
rows 22 / 26 matched, 22 predicted (F1 0.917), comments 22 / 22, budget 195 / 195 (195 predicted). What holds
is pinned here; the open class is asserted as open, so a fix shows up as a change to these figures (and
docs/quality.md)."""

from __future__ import annotations

import pytest

from scripts import make_tilinpaatos_round8 as round8
from scripts import make_tilinpaatos_variants as gen


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return gen.measure(round8.make_round8(tmp_path_factory.mktemp("tp8")), per_doc=True)


def test_round8_what_holds(measured: dict) -> None:
    by_layout = {d["style"]["layout"]: d for d in measured["docs"].values()}
    card = by_layout["tuloskortti"]  # a 'Näkökulma' column printed on each group's first row
    assert card["matched"] == card["gold"] == card["pred"] == card["status"] == card["values"] == card["comment"]
    shade = by_layout["rowcolour"]  # the row's shade, by a legend of boxes printed at the end of the document
    # the 'Toteuma' number in the status column is the measured value only, not '(toteuma: 16 110)' in the comment
    assert shade["matched"] == shade["gold"] == shade["pred"] == shade["status"] == shade["values"] == shade["comment"]
    sv = by_layout["sv"]  # 'Måluppfyllelse'; the 'Nyckeltal | BS 2022 | … | Förändring %' rows are no follow-ups
    assert sv["matched"] == sv["gold"] == sv["pred"] == sv["status"] == sv["comment"]
    # 'Tunnusluvut | TP 2022 | TP 2023 | TP 2024 | Muutos %' gives no budget lines, and the unit heading under it
    # names the next budget table
    assert all(d["budget_exact"] == d["budget_gold"] == d["budget_pred"] for d in by_layout.values())


def test_round8_known_open(measured: dict) -> None:
    by_layout = {d["style"]["layout"]: d for d in measured["docs"].values()}
    assert by_layout["keskeiset"]["pred"] == 0  # a bold goal line and '… (toteutui osittain)' is not read
