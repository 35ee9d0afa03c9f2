"""Item pages carrying the case's whole handling history are one item of the body that published
them, the earlier handlings its history (issue 15). Gold for the real Turku page: the handling
table printed at its top (read here with lxml, not with our parser); outcomes read by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import lxml.html

from extractors import records as R
from extractors.document import Source, extract_document


def _extract(path: Path) -> R.Extraction:
    return extract_document(path.read_bytes(), Source(str(path), path.name))


def _table(path: Path) -> list[tuple[str, int, dt.date]]:
    rows = []
    for tr in lxml.html.fromstring(path.read_bytes()).xpath("//table")[0].xpath(".//tr")[1:]:
        body, number, date = (" ".join(td.text_content().split()) for td in tr.xpath("./td")[:3])
        rows.append((body, int(number), dt.datetime.strptime(date, "%d.%m.%Y").date()))
    return rows


def test_turku_page_with_four_earlier_handlings_is_one_item_of_the_city_board(shared_dir: Path):
    path = shared_dir / "real" / "systems" / "turku" / "turku_kh_2017-02-05-195.htm"
    table = _table(path)
    ex = _extract(path)
    [item] = ex.of(R.AgendaItem)
    [meeting] = ex.of(R.Meeting)
    own_body, own_number, own_date = table[-1]
    assert (item.body, item.section_number, item.meeting_date) == (own_body, own_number, own_date)
    assert (meeting.body, meeting.meeting_date) == (own_body, own_date)
    assert item.title == "Satava-Kakskerran osayleiskaavaluonnos" and item.diary_number == "3720-2013 (611)"
    history = ex.of(R.ItemHistory)
    assert [(h.body, h.section_number, h.meeting_date) for h in history] == table[:-1]
    # each later planning-board handling opens 'Pöydältä <date> § <n>.': the one before was tabled
    assert [h.outcome for h in history[:3]] == ["poydatty"] * 3
    # the board's own handling is the item's decision (tabled too); the earlier ones are not decisions
    assert [(d.item_id, d.outcome) for d in ex.of(R.Decision)] == [(item.item_id, "poydatty")]
    sections = ex.of(R.ItemSection)
    refs = {h.ref for h in history}
    assert {s.handling for s in sections} == refs | {None}
    assert sum(1 for s in sections if s.kind == "paatos" and s.handling is None) == 1


def test_turku_page_of_one_handling_keeps_its_title(shared_dir: Path):
    path = shared_dir / "real" / "systems" / "turku" / "turku_kh_2017-02-05-190.htm"
    ex = _extract(path)
    [item] = ex.of(R.AgendaItem)
    [own] = _table(path)
    assert (item.body, item.section_number, item.meeting_date) == own
    assert item.title == "Seudullisen joukkoliikenteen yhteistoimintasopimuksen päivittäminen"
    assert not ex.of(R.ItemHistory)


PAGE = """Esimerkin kunta § Kokouspvm Asia
Tekninen lautakunta 12 03.02.2025
Tekninen lautakunta 20 03.03.2025
Kunnanhallitus 41 17.03.2025
118/10.03.00/2025
Koulun katon korjaus
Tela § 12
Tekninen johtaja Outi Oja 27.1.2025:
Koulun katto vuotaa ja se on korjattava ennen syksyä.
Ehdotus Tekninen lautakunta päättää esittää kunnanhallitukselle katon korjaamista.
Päätös Asia palautettiin uudelleen valmisteltavaksi.
Tela § 20
Palautettiin 3.2.2025 § 12.
Ehdotus Tekninen lautakunta päättää esittää kunnanhallitukselle katon korjaamista syksyllä.
Päätös Ehdotus hyväksyttiin.
Khall § 41
Kunnanjohtaja Kari Koski:
Ehdotus Kunnanhallitus päättää hyväksyä katon korjauksen.
Päätös Ehdotus hyväksyttiin.
"""


def test_own_page_of_three_handlings_by_two_bodies():
    ex = extract_document(PAGE.encode(), Source("x", "kh_41.txt", "Kauhava"))
    [item] = ex.of(R.AgendaItem)
    assert (item.body, item.section_number, item.meeting_date, item.title) == (
        "Kunnanhallitus", 41, dt.date(2025, 3, 17), "Koulun katon korjaus")
    history = ex.of(R.ItemHistory)
    assert [(h.body, h.section_number, h.meeting_date, h.outcome) for h in history] == [
        ("Tekninen lautakunta", 12, dt.date(2025, 2, 3), "palautettu"),
        ("Tekninen lautakunta", 20, dt.date(2025, 3, 3), "hyvaksytty")]
    assert [d.outcome for d in ex.of(R.Decision)] == ["hyvaksytty"]
