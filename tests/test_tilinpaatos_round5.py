"""Round 5 of the synthetic tilinpäätös family (scripts/make_tilinpaatos_round5.py): layouts measured
unseen before the readers were changed for them. The classes fixed since are pinned here per document
kind; on the two-column pages the budget tables are read whole (the text layer reads column by column),
while the follow-up values are still read wrong and asserted only where they already hold (the rows are
found, none is a budget line), so a fix there shows up as a change to the docs' figures."""

from __future__ import annotations

import pytest

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
    assert sum(d["matched"] for d in docs) >= gold - 1  # one row-fill row across a page break still lost
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


def test_two_column_pages_known_open(measured: dict) -> None:
    docs = [d for d in measured["docs"].values() if d["style"]["two_columns"]]
    assert len(docs) == 2
    assert sum(d["budget_as_followup"] for d in docs) == 0
    assert sum(d["matched"] for d in docs) >= 20  # rows found; their values and units are not yet right
    # the text layer reads the columns one after the other: the budget tables in them are whole
    assert sum(d["budget_exact"] for d in docs) == sum(d["budget_gold"] for d in docs) == 54
