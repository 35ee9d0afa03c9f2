"""Agendas are not minutes: an esityslista is stored with kind 'agenda', its items kept out of
v_items, and the minutes of the same meeting are the record (v_agenda_items points to them)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from extractors.document import Source, extract_document
from extractors.records import AgendaItem, Decision
from pipeline.ingest import ingest_paths
from tests.pdfmaker import minutes_pdf


def test_lapua_agenda_and_minutes_of_one_meeting(shared_dir: Path, tmp_path: Path) -> None:
    folder = shared_dir / "real" / "lapua"
    agenda = next(folder.glob("Esityslista-Tarkastuslautakunta*.pdf"))
    minutes = next(folder.glob("Pöytäkirja-Tarkastuslautakunta*.pdf"))
    for embedded in (True, False):
        ex = extract_document(agenda.read_bytes(), Source(str(agenda), agenda.name), prefer_embedded_html=embedded)
        assert (ex.document.kind, ex.document.status) == ("agenda", "ok")
        assert not ex.of(Decision)
    db = tmp_path / "m.duckdb"
    ingest_paths([agenda], db, workers=1)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM v_items").fetchone()[0] == 0
    waiting = con.execute("SELECT count(*), count(minutes_item_id) FROM v_agenda_items").fetchone()
    assert waiting == (8, 0)
    con.close()
    ingest_paths([minutes], db, workers=1)
    con = duckdb.connect(str(db), read_only=True)
    items = con.execute("SELECT section_number, doc_id FROM v_items ORDER BY 1").fetchall()
    assert [n for n, _ in items] == list(range(62, 70))
    assert {d for _, d in items} == {con.execute("SELECT doc_id FROM documents WHERE kind = 'minutes'").fetchone()[0]}
    pairs = con.execute("SELECT a.section_number, i.section_number, i.doc_id <> a.doc_id "
                        "FROM v_agenda_items a JOIN agenda_items i ON i.item_id = a.minutes_item_id").fetchall()
    assert sorted(pairs) == [(n, n, True) for n in range(62, 70)]


def test_agenda_pages_of_another_system_decide_nothing(shared_dir: Path) -> None:
    """Espoo's Dynasty item page of an Esityslista prints earlier handlings with their decisions:
    the agenda is stored as one, with no decision of its own."""
    path = shared_dir / "real" / "systems" / "espoo" / "2017409886-26.HTM"
    ex = extract_document(path.read_bytes(), Source(str(path), path.name))
    assert ex.document.kind == "agenda" and ex.of(AgendaItem) and not ex.of(Decision)


def test_minutes_naming_an_agenda_item_stay_minutes(tmp_path: Path) -> None:
    """'Esityslistan hyväksyminen' is an item of minutes, not a sign of an agenda."""
    path = minutes_pdf(tmp_path / "m.pdf", items=[(1, "Esityslistan hyväksyminen", "Hyväksyttiin."),
                                                   (2, "Kokouskutsu ja esityslista", "Hyväksyttiin.")])
    ex = extract_document(path.read_bytes(), Source(str(path), path.name))
    assert ex.document.kind == "minutes"
