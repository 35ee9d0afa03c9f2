"""Same meeting, several documents: one meeting and one item per § for researchers, the replaced
rows pointing at what replaced them (issue 15). Real Lapua agenda and minutes of one meeting, and
minutes, versions and item pages of our own."""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipeline.ingest import ingest_paths

HEAD = """ESIMERKIN KUNTA
Tekninen lautakunta
PÖYTÄKIRJA 2/2025

Kokousaika 11.03.2025 klo 17.00 - 18.30
Kokouspaikka Kunnantalo
"""
ITEM_14 = """
§ 14
Katuvalojen uusiminen
Päätösehdotus
Lautakunta päättää hyväksyä katuvalojen uusimisen.
Päätös
{decision}
"""
ITEM_15 = """
§ 15
Koulun katon korjaus
Päätösehdotus
Lautakunta päättää esittää katon korjaamista.
Päätös
Asia pantiin pöydälle.
"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _ingest(db: Path, *paths: Path) -> None:
    for path in paths:  # one run each: the order of arrival is the order of versions
        report = ingest_paths([path], db, workers=1, municipality="Kauhava")
        assert all(r.status in ("ok", "unchanged") for r in report.results), [(r.path, r.error) for r in report.results]


def test_later_version_wins_and_replaced_rows_point_at_it(tmp_path: Path):
    v1 = _write(tmp_path, "v1.txt", HEAD + ITEM_14.format(decision="Hyväksyttiin.") + ITEM_15)
    returned = ITEM_14.format(decision="Asia palautettiin uudelleen valmisteltavaksi.")
    v2 = _write(tmp_path, "v2_korjattu.txt", HEAD + returned + ITEM_15)
    db = tmp_path / "m.duckdb"
    _ingest(db, v1, v2)
    con = duckdb.connect(str(db), read_only=True)
    current = con.execute("SELECT section_number, outcome, doc_id FROM v_items ORDER BY 1").fetchall()
    v2_doc = con.execute("SELECT doc_id FROM documents WHERE file_name = 'v2_korjattu.txt'").fetchone()[0]
    assert current == [(14, "palautettu", v2_doc), (15, "poydatty", v2_doc)]
    pointers = con.execute("SELECT old.section_number, new.section_number, new.doc_id FROM agenda_items old "
                           "JOIN agenda_items new ON new.item_id = old.replaced_by").fetchall()
    assert sorted(pointers) == [(14, 14, v2_doc), (15, 15, v2_doc)]
    meetings = con.execute("SELECT doc_id, replaced_by FROM meetings").fetchall()
    assert len(meetings) == 2 and sum(r is None for _d, r in meetings) == 1
    assert next(d for d, r in meetings if r is None) == v2_doc
    con.close()


def test_whole_minutes_and_an_item_page_give_one_item_per_section(tmp_path: Path):
    whole = _write(tmp_path, "poytakirja.txt", HEAD + ITEM_14.format(decision="Hyväksyttiin.") + ITEM_15)
    page = _write(tmp_path, "pykala_15.txt", HEAD + ITEM_15)
    db = tmp_path / "m.duckdb"
    _ingest(db, whole, page)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT section_number, count(*) FROM v_items GROUP BY 1 ORDER BY 1").fetchall() == \
        [(14, 1), (15, 1)]
    assert con.execute("SELECT count(*) FROM agenda_items").fetchone()[0] == 3  # every document keeps its rows
    assert con.execute("SELECT count(*) FROM meetings WHERE replaced_by IS NULL").fetchone()[0] == 1
    con.close()
    _ingest(db, whole, page)  # ingesting again changes nothing
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM v_items").fetchone()[0] == 2
    con.close()


def test_real_agenda_then_minutes_of_one_meeting(shared_dir: Path, tmp_path: Path):
    lapua = shared_dir / "real" / "lapua"
    agenda = next(lapua.glob("Esityslista-Tarkastuslautakunta*.pdf"))
    minutes = next(lapua.glob("Pöytäkirja-Tarkastuslautakunta*.pdf"))
    db = tmp_path / "m.duckdb"
    for path in (agenda, minutes):
        ingest_paths([path], db, workers=1)
    con = duckdb.connect(str(db), read_only=True)
    docs = dict(con.execute("SELECT file_name, doc_id FROM documents").fetchall())
    minutes_numbers = {r[0] for r in con.execute(
        "SELECT section_number FROM agenda_items WHERE doc_id = ?", [docs[minutes.name]]).fetchall()}
    assert minutes_numbers
    current = con.execute("SELECT section_number, doc_id FROM v_items").fetchall()
    # one row per § and the minutes' row wherever the minutes print the §
    assert len(current) == len({n for n, _ in current})
    assert all(d == docs[minutes.name] for n, d in current if n in minutes_numbers)
    stale = con.execute("SELECT count(*) FROM agenda_items a JOIN agenda_items b ON b.item_id = a.replaced_by "
                        "WHERE a.doc_id = ? AND b.doc_id = ?", [docs[agenda.name], docs[minutes.name]]).fetchone()[0]
    agenda_numbers = {r[0] for r in con.execute(
        "SELECT section_number FROM agenda_items WHERE doc_id = ?", [docs[agenda.name]]).fetchall()}
    assert stale == len(agenda_numbers & minutes_numbers) > 0
    con.close()
