"""Round 5 of the synthetic tilinpäätös family (scripts/make_tilinpaatos_round5.py): layouts measured
unseen before the readers were changed for them. The classes fixed since are pinned here per document
kind; on the two-column pages the budget tables and the goal tables are read column by column."""

from __future__ import annotations

import pytest

from extractors.goals.followup import _runs_on, header_roles
from extractors.records import Line
from scripts import make_tilinpaatos_round5 as round5
from scripts import make_tilinpaatos_variants as gen


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> dict:
    paths = round5.make_round5(tmp_path_factory.mktemp("tp5"))
    return gen.measure(paths, per_doc=True)


def test_one_column_layouts_are_read_whole(measured: dict) -> None:
    # Arvio sentences, row fills, check marks, smiley faces, strategy headings, a header on the first
    # page only, and the 'Muutokset | Käyttö-%' / 'Käytettävissä | Ylitys (-) / alitus (+)' budgets
    docs = [d for d in measured["docs"].values() if not d["style"]["two_columns"]]
    assert {d["style"]["status"] for d in docs} == {"arvio", "rowfill", "check", "face"}
    assert any(d["style"]["header_once"] for d in docs) and any(d["style"]["strategy_heads"] for d in docs)
    gold = sum(d["gold"] for d in docs)
    assert gold >= 150
    # every row, also the row-fill row cut by a page break (its lines at the foot of pages were once taken
    # for a running footer)
    assert sum(d["matched"] for d in docs) == gold
    assert sum(d["comment"] for d in docs) == gold
    assert sum(d["pred"] for d in docs) == sum(d["matched"] for d in docs)
    assert sum(d["status"] for d in docs) >= gold - 3
    assert sum(d["budget_exact"] for d in docs) == sum(d["budget_gold"] for d in docs) == 270
    assert sum(d["budget_as_followup"] for d in docs) == 0
    arvio = [d for d in docs if d["style"]["status"] == "arvio"]
    assert sum(d["comment"] for d in arvio) == sum(d["gold"] for d in arvio)  # the sentence is the comment


def test_header_printed_once_keeps_every_row(measured: dict) -> None:
    # a ruled table going on over pages without its header: each page's first row is no cut-off rest
    for doc in measured["docs"].values():
        if doc["style"]["header_once"] and doc["style"]["rules"] == "h":
            assert doc["matched"] == doc["gold"] == doc["pred"] and doc["status"] == doc["gold"]


def test_two_column_pages_read_column_by_column(measured: dict) -> None:
    """Goal tables on pages set in two columns: each column region read on its own (the words of the
    other column never join a row), the unit heading of the column above the table, 'Tavoite' after
    'Mittari' as the target, and the column's last line kept in its column (no footer)."""
    docs = [d for d in measured["docs"].values() if d["style"]["two_columns"]]
    assert len(docs) == 2
    assert sum(d["budget_as_followup"] for d in docs) == 0
    gold = sum(d["gold"] for d in docs)
    assert sum(d["matched"] for d in docs) == sum(d["pred"] for d in docs) == gold == 29
    for field in ("values", "unit", "status"):
        assert sum(d[field] for d in docs) == gold, field
    assert sum(d["budget_exact"] for d in docs) == sum(d["budget_gold"] for d in docs) == 54


def test_a_goal_column_after_the_metric_is_its_target() -> None:
    assert header_roles(["Tavoite", "Mittari", "Tavoite", "Toteuma", "Arvio"]) == [
        "goal", "metric", "target", "actual", "status"]
    assert header_roles(["Tavoite", "Mittari", "Tavoitetaso", "Tavoite", "Tila"])[3] == "extra"  # a target already


def test_a_paragraph_is_no_unit_heading() -> None:
    """'Vesihuoltoliikelaitos vastaa tehtävistään' over 'kuntastrategian mukaisesti.' opens a paragraph."""
    first = Line(page=1, y=100.0, x0=40.0, text="Vesihuoltoliikelaitos vastaa tehtävistään", height=7.8)
    assert _runs_on(first, Line(page=1, y=111.0, x0=40.5, text="kuntastrategian mukaisesti.", height=6.3))
    assert not _runs_on(first, Line(page=1, y=111.0, x0=40.5, text="Sitovuustaso: toimintakate", height=7.8))
