"""Round 7 of the synthetic tilinpäätös family (scripts/make_tilinpaatos_round7.py), written and measured
before any reader was changed for it. First sight (branch goals6 after its round-6 fixes): rows F1 0.805
(68 of 85 gold rows matched, 84 predicted), status 56 / 68, values 68 / 68, budget 225 / 225, 10 goal rows
with a figure for a goal. Fixed on branch goals7, each layout pinned below: goals as labelled paragraphs,
a header over two rows, a page of a table with horizontal rules only taken for two text columns (the
'●●○' document), an 'Arvio' status column beside 'Toteutuminen 31.12.2024'."""

from __future__ import annotations

import pytest

from extractors.goals.followup import Cell, TableReader, header_roles, labelled_blocks, to_followups
from extractors.records import Line, PageText
from scripts import make_tilinpaatos_round7 as round7
from scripts import make_tilinpaatos_variants as gen


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return gen.measure(round7.make_round7(tmp_path_factory.mktemp("tp7")), per_doc=True)


def _whole(d: dict) -> bool:
    return d["matched"] == d["gold"] == d["pred"] == d["status"] == d["values"] == d["comment"] == d["unit"]


def test_round7_what_holds(measured: dict) -> None:
    total = measured["total"]
    assert total["budget_exact"] == total["budget_gold"] == 225
    assert total["budget_as_followup"] == 0
    by_layout = {d["style"]["layout"]: d for d in measured["docs"].values()}
    assert _whole(by_layout["sitovuus"])  # a 'Sitovuustaso' column inside the goal table


def test_round7_labelled_paragraphs(measured: dict) -> None:
    """'Tavoite: … Mittari: … Tavoitetaso: … Toteuma: … Arvio: Toteutunut. …' blocks are follow-up rows."""
    by_layout = {d["style"]["layout"]: d for d in measured["docs"].values()}
    assert _whole(by_layout["paragraphs"])


def test_round7_two_row_header(measured: dict) -> None:
    """'Vuosi 2024' over 'Tavoite | Toteuma': one header, its rows read (were 0 of 10, figures as goals)."""
    by_layout = {d["style"]["layout"]: d for d in measured["docs"].values()}
    assert _whole(by_layout["twoheader"])
    assert by_layout["twoheader"]["budget_as_followup"] == 0


def test_round7_dots_page_not_two_columns(measured: dict) -> None:
    """A table with horizontal rules drawn per cell is no page in two columns: its '●●○' cells stay in
    their rows and are read by the legend (status was 11 of 17)."""
    by_layout = {d["style"]["layout"]: d for d in measured["docs"].values()}
    assert _whole(by_layout["dots"])


def test_round7_arvio_beside_dated_toteutuminen(measured: dict) -> None:
    """'Toteutuminen 31.12.2024' beside 'Arvio': the dated column is the value, 'Arvio' the status."""
    by_layout = {d["style"]["layout"]: d for d in measured["docs"].values()}
    d = by_layout["sector"]
    assert d["matched"] == d["gold"] == d["status"] == d["values"]
    # and no extra rows: the running header at the top of the next page, set apart by a gap, is no rest of a
    # table without rules (a two-page report's header recurs too seldom to be known as one), and a one-row
    # table whose second line goes on in small letters is one row
    assert _whole(d)
    assert header_roles(["Kehittämistavoite", "Mittari", "Tavoite 2024", "Toteutuminen 31.12.2024", "Arvio",
                         "Kommentti"]) == ["goal", "metric", "target", "actual", "status", "comment"]


def test_two_row_header_read_as_one() -> None:
    reader = TableReader()
    for row in (["Tavoite", "Mittari", "Vuosi 2024", "", "Arviointi", "Perustelut"],
                ["", "", "Tavoite", "Toteuma", "", ""],
                ["Liikunta lisääntyy", "Kävijät", "100", "120", "Toteutunut", "Uusi halli avattiin."]):
        reader.feed([Cell(t) for t in row], page=1)
    rows = to_followups(reader, "d" * 16, None, None, 2024, None)
    assert [(r.goal, r.metric, r.target_value, r.actual_value, r.status, r.comment) for r in rows] == [
        ("Liikunta lisääntyy", "Kävijät", "100", "120", "toteutunut", "Uusi halli avattiin.")]


def test_labelled_lines_of_minutes_are_no_goals() -> None:
    """Labelled lines without a goal or metric and an outcome ('Esitys: …', 'Päätös: …') make no block."""
    texts = ["Esitys: Lautakunta hyväksyy talousarvion.", "Päätös: Hyväksyttiin.", "Tavoite: Talous tasapainoon"]
    page = PageText(number=1, lines=tuple(Line(page=1, y=20.0 * k, x0=50, text=t, height=10)
                                          for k, t in enumerate(texts)))
    assert labelled_blocks([page], set()) == []
