"""What identifies a meeting, an item and a decision (docs/schema.md, 'Identity'), kept on real
documents of each system in ../shared/real: CaseM (Lapua PDF with embedded HTML), Ahjo (Helsinki
API JSON), Dynasty (Espoo item pages) and Turku's ah pages.

Each document is ingested, then a second version of it (the same bytes plus a trailing newline,
as a re-published file is): every real item is one current row, of the later version, and the
earlier version's rows point at it."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from pipeline.ingest import ingest_paths

DOCUMENTS = [
    "lapua/Pöytäkirja-Tarkastuslautakunta - 19.11.2025, klo 15_01.pdf",
    "systems/espoo/2017406946-3.HTM",
    "systems/espoo/2013262303-5.HTM",
    "systems/turku/turku_kh_2017-02-05-190.htm",
    "systems/turku/turku_kh_2017-02-05-195.htm",
    "helsinki/decisions_latest.json",
]
IDENTITY = ("coalesce(municipality, ''), lower(body), coalesce(CAST(meeting_date AS VARCHAR), diary_number, title), "
            "section_number")


def _versions(shared: Path, name: str, folder: Path) -> tuple[Path, Path]:
    data = (shared / "real" / name).read_bytes()
    if name.endswith(".json"):  # a smaller real response: two meetings' decisions and five office holders'
        decisions = json.loads(data)["decisions"]
        meetings = sorted({d["Meeting"]["MeetingID"] for d in decisions if d["Meeting"]})[:2]
        keep = [d for d in decisions if d["Meeting"] and d["Meeting"]["MeetingID"] in meetings]
        keep += [d for d in decisions if not d["Meeting"]][:5]
        data = json.dumps({"decisions": keep}, ensure_ascii=False).encode()
    suffix = Path(name).suffix
    first, second = folder / f"v1{suffix}", folder / f"v2{suffix}"
    first.write_bytes(data)
    second.write_bytes(data + b"\n")
    return first, second


@pytest.mark.parametrize("name", DOCUMENTS)
def test_one_current_row_per_real_item_across_versions(shared_dir: Path, tmp_path: Path, name: str):
    first, second = _versions(shared_dir, name, tmp_path)
    db = tmp_path / "m.duckdb"
    for path in (first, second):
        [result] = ingest_paths([path], db, workers=1).results
        assert result.status == "ok", result.error
    con = duckdb.connect(str(db), read_only=True)
    doc = dict(con.execute("SELECT file_name, doc_id FROM documents").fetchall())
    items = con.execute(f"SELECT doc_id, {IDENTITY}, replaced_by FROM agenda_items").fetchall()
    per_doc = {d: [i[1:5] for i in items if i[0] == d] for d in doc.values()}
    # within one document every item has its identity, and no two share it
    for keys in per_doc.values():
        assert keys and all(k[1] and k[2] and k[3] is not None for k in keys)
        assert len(set(keys)) == len(keys)
    # across the two versions: one current row per item, the later version's
    current = [i for i in items if i[5] is None]
    assert len(current) == len(per_doc[doc[second.name]])
    assert all(i[0] == doc[second.name] for i in current)
    assert all(i[5] is not None for i in items if i[0] == doc[first.name])
    # an item's meeting is the same meeting: body and date agree
    assert con.execute("SELECT count(*) FROM agenda_items i JOIN meetings m USING (meeting_id) "
                       "WHERE lower(i.body) <> lower(m.body) OR i.meeting_date <> m.meeting_date").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM meetings WHERE replaced_by IS NULL").fetchone()[0] == \
        con.execute("SELECT count(*) FROM meetings WHERE doc_id = ?", [doc[second.name]]).fetchone()[0]
    # one decision per current item at most
    assert con.execute("SELECT max(n) FROM (SELECT count(*) n FROM decisions d JOIN agenda_items i "
                       "USING (item_id) WHERE i.replaced_by IS NULL GROUP BY item_id)").fetchone()[0] in (None, 1)
    con.close()
