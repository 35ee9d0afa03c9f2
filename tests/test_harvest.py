"""Harvest end to end against fixture sites on a real HTTP server (127.0.0.1), into a real DuckDB.

The Dynasty and Tweb sites are pages we wrote in the systems' shapes and encodings
(windows-1252, ISO-8859-1); CaseM is its OData JSON; Ahjo is the real Helsinki API responses
served in place from ../shared; minutes PDFs are generated (tests/pdfmaker.py) or a real Lapua
CaseM PDF served in place.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import duckdb
import pytest

from pipeline.harvest.config import HarvestConfig, load_config, parse_source
from pipeline.harvest.publish import parquet_link, snapshot_path
from pipeline.harvest.runner import EXIT_FAILED, EXIT_LOCKED, EXIT_OK, EXIT_ZERO_YIELD, harvest
from tests.fixtures.sites.siteserver import Site, SiteServer
from tests.pdfmaker import minutes_pdf

SITES = Path(__file__).parent / "fixtures" / "sites"
NOW = dt.datetime(2025, 3, 20, 2, 30)
LAPUA_PDF = "real/lapua/Pöytäkirja-Tekninen lautakunta - 20.05.2025, klo 16_02.pdf"
GUID = "0b7c3f7e-8d1f-4f55-9a51-2f0f6c1d2a11"


def _pdf(tmp: Path, name: str, body: str, date: str, items: list[tuple[int, str, str]]) -> bytes:
    return minutes_pdf(tmp / f"{name}.pdf", municipality="Esimerkkilän kaupunki", body=body, date=date,
                       items=items).read_bytes()


def _dynasty(site: Site, tmp: Path) -> None:
    for f in (SITES / "dynasty" / "kokous").iterdir():
        site.add_file(f"/kokous/{f.name}", f, "text/html; charset=windows-1252")
    site.add("/kokous/2025000100.PDF", _pdf(tmp, "kh100", "Kaupunginhallitus", "10.2.2025",
                                            [(20, "Kokouksen laillisuus", "Todettiin."),
                                             (22, "Hallintosäännön muuttaminen", "Hyväksyttiin.")]), "application/pdf")
    site.add("/kokous/2025000101.PDF", _pdf(tmp, "kh101", "Kaupunginhallitus", "24.2.2025",
                                            [(31, "Lausunto kaavamuutoksesta", "Hyväksyttiin.")]), "application/pdf")
    for n, title in ((1, "Koulujen työajat"), (2, "Kirjaston aukioloajat")):
        site.add(f"/kokous/2025000201-{n}.PDF", _pdf(tmp, f"sivi{n}", "Sivistyslautakunta", "12.2.2025",
                                                     [(4 + n, title, "Hyväksyttiin.")]), "application/octet-stream")


def _tweb(site: Site, tmp: Path) -> None:
    base = "/ktwebbin/dbisa.dll/ktwebscr/"
    site.add_file(base + "pk_tek_tweb.htm", SITES / "tweb" / "pk_tek_tweb.htm", "text/html; charset=ISO-8859-1")

    def meetings(method: str, path: str, form: dict[str, str]) -> tuple[int, bytes, str]:
        name = "pk_kokl_tweb_690.htm" if form.get("kirjaamo", "").startswith("690") else "pk_kokl_tweb_empty.htm"
        return 200, (SITES / "tweb" / name).read_bytes(), "text/html; charset=ISO-8859-1"

    site.routes[base + "pk_kokl_tweb.htm"] = meetings
    for bid in ("501", "480"):
        site.add_file(f"{base}pk_asil_tweb.htm?+bid={bid}", SITES / "tweb" / f"pk_asil_tweb_{bid}.htm",
                      "text/html; charset=ISO-8859-1")
    for docid, num, title in (("9001", 0, "Pöytäkirjan kansilehti"), ("9002", 10, "Yleiskaavan hyväksyminen"),
                              ("9003", 11, "Lausunto ympäristölupahakemuksesta"),
                              ("8001", 1, "Talousarvion täytäntöönpano")):
        site.add(f"/ktwebbin/ktproxy2.dll?doctype=3&docid={docid}",
                 _pdf(tmp, f"tweb{docid}", "Kaupunginhallitus", "3.3.2025", [(num, title, "Hyväksyttiin.")]),
                 "application/pdf")


def _odata(value: list) -> tuple[bytes, str]:
    return json.dumps({"odata.metadata": "x", "value": value}).encode(), "application/json; charset=utf-8"


def _casem(site: Site, lapua_pdf: Path) -> None:
    api = "/api/opennc/v1/"

    def node(nid: int, name: str) -> dict:
        return {"NodeId": nid, "ParentId": 0, "Names": [{"LanguageId": 1, "Name": name, "Link": None}], "Type": 0}

    def attach(key: str, name: str, doc_id: int) -> dict:
        return {"Id": 1, "Name": key, "Text": f"<a href='download.aspx?ID={doc_id}&GUID={{{GUID}}}' "
                                              f"target='_blank'>{name}</a>", "Number": None, "Date": None}

    routes = {
        "Nodes": [node(100, "Toimielimet"), node(90, "Viranhaltijat")],
        "Nodes(100)/SubNodes()": [node(110, "Tekninen lautakunta")],
        "Nodes(100)/SubNodes(110)/SubNodes()": [node(111, "Kokoukset")],
        "Nodes(100)/SubNodes(110)/SubNodes(111)/SubNodes()": [node(120, "Kokous 20.5.2025"),
                                                              node(121, "Kokous 17.6.2025")],
        "Contents(500)/ExtendedProperties": [
            attach("AgendaAttachment", "Pöytäkirja-Tekninen lautakunta - 20.05.2025, klo 16_02.pdf", 7001)],
        "Contents(501)/ExtendedProperties": [{"Id": 2, "Name": "Article", "Text": "45"},
                                             attach("Attachments", "Kartta.pdf", 7002)],
        "Contents(502)/ExtendedProperties": [{"Id": 2, "Name": "Article", "Text": "46"}],
        "Contents(510)/ExtendedProperties": [
            attach("AgendaAttachment", "Esityslista-Tekninen lautakunta - 17.06.2025.pdf", 7003)],
    }
    for key, value in routes.items():
        body, ctype = _odata(value)
        site.add(api + key, body, ctype)

    def contents(method: str, path: str, form: dict[str, str]) -> tuple[int, bytes, str]:
        query = unquote(path)
        if "eq 120" in query:
            return (200, *_odata([{"ContentId": 500, "Subject": ""},
                                  {"ContentId": 501, "Subject": "Katusuunnitelman hyväksyminen"},
                                  {"ContentId": 502, "Subject": "Lausunto liikenneturvallisuudesta"}]))
        return (200, *_odata([{"ContentId": 510, "Subject": ""}]))

    site.routes[api + "Contents()"] = contents
    site.add_file(f"/download/noname/{{{GUID}}}/7001", lapua_pdf, "application/pdf")


def _ahjo(site: Site, shared: Path) -> None:
    site.add_file("/ahjorest/v1/meetings", shared / "real/helsinki/meetings_latest.json", "application/json")
    site.add_file("/ahjorest/v1/decisions", shared / "real/helsinki/decisions_latest.json", "application/json")


def _generic(site: Site, tmp: Path) -> None:
    site.add("/poytakirjat/", """<html><body><h1>Pöytäkirjat</h1><ul>
<li><a href="files/Pöytäkirja-Kunnanvaltuusto - 16.12.2024.pdf">Kunnanvaltuusto 16.12.2024</a></li>
<li><a href="files/Esityslista-Kunnanvaltuusto - 27.01.2025.pdf">Esityslista 27.1.2025</a></li>
<li><a href="http://elsewhere.example/x.pdf">Muu sivusto</a></li>
</ul></body></html>""".encode(), "text/html; charset=utf-8")
    site.add("/poytakirjat/files/Pöytäkirja-Kunnanvaltuusto - 16.12.2024.pdf",
             _pdf(tmp, "kv", "Kunnanvaltuusto", "16.12.2024", [(50, "Talousarvio 2025", "Hyväksyttiin.")]),
             "application/pdf")


def _sources(url: str, folder: Path, shared: bool) -> list[dict]:
    sources = [
        {"municipality": "Espoo", "system": "dynasty", "url": f"{url}/kokous/", "delay_s": 0, "start": "2024-01-01"},
        {"municipality": "Oulu", "system": "tweb", "url": f"{url}/ktwebbin/dbisa.dll/ktwebscr/", "delay_s": 0},
        {"municipality": "Lapua", "system": "generic", "url": f"{url}/poytakirjat/", "delay_s": 0},
        {"municipality": "Kauhava", "system": "folder", "url": str(folder)},
    ]
    if shared:
        sources += [
            {"municipality": "Lapua", "system": "casem", "url": f"{url}/", "delay_s": 0},
            {"municipality": "Helsinki", "system": "ahjo", "url": f"{url}/ahjorest/v1/", "delay_s": 0,
             "start": "2021-11-01"},
        ]
    return sources


def _config(sources: list[dict], **settings) -> HarvestConfig:
    return HarvestConfig(sources=tuple(parse_source(s, i) for i, s in enumerate(sources)), backoff_s=0.01,
                         timeout_s=5, **settings)


@pytest.fixture
def world(tmp_path: Path, shared_dir: Path):
    site = Site()
    pdfs = tmp_path / "pdfs"
    pdfs.mkdir()
    _dynasty(site, pdfs)
    _tweb(site, pdfs)
    _generic(site, pdfs)
    _casem(site, shared_dir / LAPUA_PDF)
    _ahjo(site, shared_dir)
    drop = tmp_path / "drop" / "Kunnanhallitus"
    drop.mkdir(parents=True)
    minutes_pdf(drop / "Pöytäkirja-Kunnanhallitus - 03.03.2025.pdf", body="Kunnanhallitus", date="3.3.2025")
    with SiteServer(site) as server:
        yield server, tmp_path


def _docs(db: Path) -> dict[str, tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {r[0]: r[1:] for r in con.execute(
            """SELECT h.url, h.municipality, h.body, h.kind, d.status FROM harvest_documents h
               LEFT JOIN documents d ON d.doc_id = h.sha256""").fetchall()}
    finally:
        con.close()


def test_full_harvest_then_second_run_fetches_nothing_new(world):
    server, tmp = world
    db, raw = tmp / "db" / "minutes.duckdb", tmp / "raw"
    config = _config(_sources(server.url, tmp / "drop", shared=True))
    first = harvest(config, db, raw, now=NOW)
    assert first.exit_code == EXIT_OK, first.line()
    docs = _docs(db)
    urls = {u.split("127.0.0.1")[-1].split("/", 1)[-1] for u in docs}
    # Dynasty: whole-meeting PDFs where offered, item PDFs where not; the agenda-only meeting and
    # the 2020 body (before `start`) are left alone.
    assert {"kokous/2025000100.PDF", "kokous/2025000101.PDF", "kokous/2025000201-1.PDF",
            "kokous/2025000201-2.PDF"} <= urls
    assert not any("2025000102" in u or "2020000001" in u or "-1-1.PDF" in u for u in urls)
    assert sum("ktproxy2.dll" in u for u in urls) == 4
    assert any(u.endswith("Kunnanvaltuusto - 16.12.2024.pdf") for u in urls)
    assert not any("Esityslista" in u for u in urls)
    assert any(f"{GUID}}}/7001" in u for u in urls) and not any("7003" in u or "7002" in u for u in urls)
    assert all(status is not None for _m, _b, _k, status in docs.values()), "every stored file is in documents"

    con = duckdb.connect(str(db), read_only=True)
    items = dict(con.execute("SELECT municipality, count(*) FROM harvest_items GROUP BY 1").fetchall())
    assert items["Espoo"] == 3 + 2 + 2 and items["Oulu"] == 4 and items["Lapua"] == 2
    bodies = {r[0] for r in con.execute("SELECT DISTINCT body FROM harvest_documents").fetchall()}
    assert {"Kaupunginhallitus", "Sivistyslautakunta", "Tekninen lautakunta", "Kunnanvaltuusto",
            "Kunnanhallitus"} <= bodies
    # Ahjo: straight into the schema, votes from VotingResults.
    assert con.execute("SELECT count(*) FROM meetings WHERE municipality = 'Helsinki'").fetchone()[0] == 52
    votes = con.execute("SELECT jaa, ei, tyhja, counts_match FROM votes v JOIN documents d USING (doc_id) "
                        "WHERE d.municipality = 'Helsinki'").fetchall()
    assert (14, 34, 37, True) in votes
    assert con.execute("SELECT count(*) FROM attendees a JOIN meetings m USING (meeting_id) "
                       "WHERE m.municipality = 'Helsinki'").fetchone()[0] == 2796
    cursors = dict(con.execute("SELECT body, last_date FROM harvest_cursors WHERE municipality = 'Espoo'").fetchall())
    # the agenda-only meeting of 10.3.2025 holds the cursor before it
    assert cursors["Kaupunginhallitus"] == dt.date(2025, 2, 24)
    runs = con.execute("SELECT municipality, system, new, failed, flagged FROM harvest_runs").fetchall()
    assert len(runs) == 6 and all(r[3] == 0 and not r[4] for r in runs)
    # the ingest is followed by `minutes enrich`: entities of the new items, each with its document
    assert first.enriched and first.enrich_error is None
    found = dict(con.execute("""SELECT d.municipality, count(*) FROM decision_entities e
                                JOIN documents d USING (doc_id) GROUP BY 1""").fetchall())
    assert found.get("Helsinki", 0) > 0 and found.get("Lapua", 0) > 0
    entities = con.execute("SELECT count(*) FROM decision_entities").fetchone()[0]
    con.close()
    stored = sorted(p.relative_to(raw).parts[:2] for p in raw.rglob("*")
                    if p.suffix.lower() == ".pdf" and ".harvest-cache" not in p.parts)
    assert ("Espoo", "Kaupunginhallitus") in stored and ("Oulu", "Kaupunginhallitus") in stored
    assert snapshot_path(db).exists() and (parquet_link(db) / "documents.parquet").exists()

    server.site.clear_log()
    second = harvest(config, db, raw, now=NOW + dt.timedelta(days=1))
    assert second.exit_code == EXIT_OK, second.line()
    log = server.site.log
    fetched = [h for h in log if h.status == 200 and h.method == "GET" and "/ahjorest/" not in h.path
               and "/api/opennc/" not in h.path]
    assert not any(".PDF" in h.path.upper() or "ktproxy" in h.path or "download" in h.path for h in log), \
        "documents already ingested are not requested again"
    assert fetched == [], f"pages should be answered 304: {[h.path for h in fetched]}"
    assert sum(h.status == 304 for h in log) >= 5
    assert sum(r.new for r in second.results if r.system != "ahjo") == 0
    assert sum(r.unchanged for r in second.results) >= 8
    con = duckdb.connect(str(db), read_only=True)
    again = con.execute("""SELECT count(*), count(DISTINCT (item_id, doc_id, section_ordinal, ordinal))
                           FROM decision_entities""").fetchone()
    con.close()
    assert second.enrich_error is None and again == (entities, entities), "a second harvest duplicates no entity"


def test_retry_404_oversize_robots(tmp_path: Path):
    site = Site()
    pdfs = tmp_path / "pdfs"
    pdfs.mkdir()
    _dynasty(site, pdfs)
    site.routes.pop("/kokous/2025000201-2.PDF")  # 404
    site.faults["/kokous/2025000101.PDF"] = [500, 503]  # then 200
    site.add("/kokous/2025000100.PDF", b"%PDF-1.4\n" + b"0" * 300_000, "application/pdf")  # oversize
    site.add("/robots.txt", b"User-agent: *\nDisallow: /kokous/2025000201-1.PDF\n", "text/plain")
    db, raw = tmp_path / "minutes.duckdb", tmp_path / "raw"
    with SiteServer(site) as server:
        config = _config([{"municipality": "Espoo", "system": "dynasty", "url": f"{server.url}/kokous/",
                           "delay_s": 0, "start": "2024-01-01"}], max_bytes=200_000, retries=3)
        summary = harvest(config, db, raw, now=NOW, ingest=_no_ingest)
    result = summary.results[0]
    assert summary.exit_code == EXIT_FAILED
    statuses = [h.status for h in site.log if h.path == "/kokous/2025000101.PDF"]
    assert statuses == [500, 503, 200], "5xx retried until the 200"
    assert [h.status for h in site.log if h.path == "/kokous/2025000201-2.PDF"] == [404], "no retry on 4xx"
    assert not site.hits(contains="2025000201-1.PDF"), "robots.txt disallow obeyed"
    errors = " | ".join(result.errors)
    assert "HTTP 404" in errors and "over the limit" in errors and "robots.txt" in errors
    stored = {p.name for p in raw.rglob("*") if p.is_file() and ".harvest-cache" not in p.parts}
    assert "2025000101.PDF" in stored and "2025000100.PDF" not in stored and "2025000201-2.PDF" not in stored
    con = duckdb.connect(str(db), read_only=True)
    # the failures hold the cursor: the next night tries again
    assert con.execute("SELECT count(*) FROM harvest_cursors WHERE body = 'Sivistyslautakunta'").fetchone()[0] == 0
    con.close()


class _Report:
    def __init__(self, paths):
        from types import SimpleNamespace

        self.results = [SimpleNamespace(path=p, status="ok", error=None) for p in paths]


def _no_ingest(paths, db_path, workers=2, municipality=None):
    """Fault tests need no parsing: record the files as documents the way ingest would."""
    import hashlib

    from pipeline.storage import connect

    con = connect(db_path)
    for p in paths:
        sha = hashlib.sha256(Path(p).read_bytes()).hexdigest()
        con.execute("INSERT OR REPLACE INTO documents (doc_id, source, file_name, kind, ocr, ocr_repaired, status) "
                    "VALUES (?, ?, ?, 'minutes', false, false, 'ok')", [sha, str(p), Path(p).name])
    con.close()
    return _Report(paths)


def test_two_concurrent_harvests_do_not_both_run(tmp_path: Path):
    db = tmp_path / "minutes.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; "
         "from pipeline.harvest.runner import HarvestLock; lock = HarvestLock(Path(sys.argv[1])); "
         "print(lock.acquire(), flush=True); time.sleep(60)", str(db)],
        stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[1])
    try:
        assert holder.stdout.readline().strip() == "True"
        site = Site()
        with SiteServer(site) as server:
            config = _config([{"municipality": "Espoo", "system": "dynasty", "url": f"{server.url}/kokous/",
                               "delay_s": 0}])
            summary = harvest(config, db, tmp_path / "raw", now=NOW)
        assert summary.locked and summary.exit_code == EXIT_LOCKED
        assert site.log == [], "the second harvest made no request"
        assert "another harvest" in summary.line()
    finally:
        holder.kill()
        holder.wait()
    site = Site()
    with SiteServer(site) as server:
        config = _config([{"municipality": "Espoo", "system": "dynasty", "url": f"{server.url}/kokous/", "delay_s": 0}])
        assert not harvest(config, db, tmp_path / "raw", now=NOW).locked, "the lock is free once the holder is gone"


KILLED_AT_INGEST = """
import datetime as dt, json, os, signal, sys
from pathlib import Path
from pipeline.harvest.config import HarvestConfig, parse_source
from pipeline.harvest.runner import harvest
if __name__ == "__main__":
    sources = tuple(parse_source(s, i) for i, s in enumerate(json.loads(sys.argv[1])))
    harvest(HarvestConfig(sources=sources, backoff_s=0.01, timeout_s=5), Path(sys.argv[2]), Path(sys.argv[3]),
            now=dt.datetime(2025, 3, 20, 2, 30), ingest=lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL))
"""


def test_a_harvest_killed_before_its_ingest_loses_no_meeting(tmp_path: Path):
    """kill -9 between fetching and ingesting: the next harvest adopts the killed one's private copy,
    whose cursors have not moved past what was never ingested, and ingests every meeting."""
    site = Site()
    _dynasty(site, tmp_path)
    db, raw = tmp_path / "minutes.duckdb", tmp_path / "raw"
    script = tmp_path / "killed.py"
    script.write_text(KILLED_AT_INGEST)
    with SiteServer(site) as server:
        sources = [{"municipality": "Espoo", "system": "dynasty", "url": f"{server.url}/kokous/", "delay_s": 0,
                    "start": "2024-01-01", "overlap_days": 0}]
        killed = subprocess.run([sys.executable, str(script), json.dumps(sources), str(db), str(raw)],
                                cwd=Path(__file__).resolve().parents[1], timeout=120)
        assert killed.returncode == -9 and not db.exists()
        assert list(tmp_path.glob(".minutes.duckdb.writing-*.duckdb"))
        summary = harvest(_config(sources), db, raw, now=NOW + dt.timedelta(days=1))
    assert summary.exit_code == EXIT_OK, summary.line()
    docs = _docs(db)
    assert len(docs) == 4 and all(status == "ok" for *_, status in docs.values()), docs
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT last_date FROM harvest_cursors WHERE body = 'Kaupunginhallitus'").fetchone() == \
        (dt.date(2025, 2, 24),)
    con.close()
    assert not list(tmp_path.glob(".minutes.duckdb.*"))


def test_zero_yield_is_flagged_and_one_failing_source_does_not_stop_the_others(tmp_path: Path):
    site = Site()
    _dynasty(site, tmp_path)
    db, raw = tmp_path / "minutes.duckdb", tmp_path / "raw"
    with SiteServer(site) as server:
        sources = [{"municipality": "Espoo", "system": "dynasty", "url": f"{server.url}/kokous/", "delay_s": 0,
                    "start": "2025-02-20"},
                   {"municipality": "Vantaa", "system": "tweb", "url": f"{server.url}/nothing/", "delay_s": 0}]
        first = harvest(_config(sources), db, raw, now=NOW, ingest=_no_ingest)
        assert [r.ok for r in first.results] == [True, False] and first.exit_code == EXIT_FAILED
        # the site is redesigned: the body list now lists no meetings
        site.add("/kokous/TELIN-3001.HTM", b"<html><body>Uusi sivusto</body></html>")
        site.add("/kokous/TELIN-3002.HTM", b"<html><body>Uusi sivusto</body></html>")
        second = harvest(_config(sources[:1]), db, raw, now=NOW + dt.timedelta(days=1), ingest=_no_ingest)
    assert second.results[0].flagged and "ZERO YIELD" in second.line()
    assert second.exit_code == EXIT_ZERO_YIELD and second.as_dict()["sources"][0]["flagged"]
    shown = subprocess.run([str(Path(sys.executable).with_name("minutes")), "status", "--harvest", "--db", str(db)],
                           capture_output=True, text=True, timeout=120, env={**os.environ, "COLUMNS": "250"})
    assert shown.returncode == 0, shown.stderr
    rows = {line.split("│")[1].strip(): line for line in shown.stdout.splitlines() if line.count("│") > 3}
    assert "ZERO YIELD" in rows["Espoo"] and "FAILING" in rows["Vantaa"]


def test_a_refused_connection_is_reported_as_such_not_as_robots(tmp_path: Path):
    with socket.socket() as sock:  # a port nobody listens on: bind, note it, close
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = _config([{"municipality": "Espoo", "system": "dynasty", "url": f"http://127.0.0.1:{port}/kokous/",
                       "delay_s": 0}])
    summary = harvest(config, tmp_path / "minutes.duckdb", tmp_path / "raw", now=NOW)
    errors = " ".join(summary.results[0].errors)
    assert summary.exit_code == EXIT_FAILED and "cannot connect" in errors and "robots" not in errors, errors


def test_a_reader_holding_the_database_through_a_harvest_is_not_disturbed(world):
    server, tmp = world
    db, raw = tmp / "minutes.duckdb", tmp / "raw"
    sources = [s for s in _sources(server.url, tmp / "drop", shared=False) if s["system"] == "dynasty"]
    first = harvest(_config(sources), db, raw, now=NOW, since=dt.date(2025, 2, 20))
    assert first.exit_code == EXIT_OK
    reader = subprocess.Popen(
        [sys.executable, "-c", "import sys, duckdb; con = duckdb.connect(sys.argv[1], read_only=True); "
         "q = 'SELECT count(*) FROM documents'; print(con.execute(q).fetchone()[0], flush=True); "
         "sys.stdin.readline(); print(con.execute(q).fetchone()[0], flush=True)", str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    before = reader.stdout.readline().strip()
    second = harvest(_config(sources), db, raw, now=NOW + dt.timedelta(days=1), since=dt.date(2025, 1, 1))
    out, _ = reader.communicate("go\n", timeout=60)
    assert second.exit_code == EXIT_OK, second.line()
    con = duckdb.connect(str(db), read_only=True)
    after = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    con.close()
    assert out.split() == [before] and after > int(before)  # the reader kept its view; the new file has more


def test_dry_run_writes_nothing(world):
    server, tmp = world
    db, raw = tmp / "minutes.duckdb", tmp / "raw"
    sources = [s for s in _sources(server.url, tmp / "drop", shared=False) if s["system"] in ("dynasty", "tweb")]
    summary = harvest(_config(sources), db, raw, dry_run=True, now=NOW)
    assert summary.exit_code == EXIT_OK and sum(r.new for r in summary.results) == 4 + 4
    assert not db.exists() and not raw.exists()
    assert not server.site.hits(contains=".PDF") and not server.site.hits(contains="ktproxy")


def test_sources_toml_example_is_valid():
    config = load_config(Path(__file__).resolve().parents[1] / "sources.toml")
    assert {s.system for s in config.sources} >= {"dynasty", "tweb", "casem", "ahjo"}


def test_unknown_system_lists_known_ones():
    with pytest.raises(ValueError, match="known systems: dynasty, tweb, casem, ahjo, generic, folder"):
        parse_source({"municipality": "X", "system": "sharepoint", "url": "https://x.fi/"}, 0)


def test_cli_exit_code_and_one_line_summary(tmp_path: Path):
    (tmp_path / "sources.toml").write_text('[[source]]\nmunicipality = "X"\nsystem = "nope"\nurl = "https://x.fi/"\n')
    proc = subprocess.run([sys.executable, "-c", "import sys; from pipeline.harvest.cli import harvest_app; "
                           "harvest_app()", "--config", str(tmp_path / "sources.toml"), "--db",
                           str(tmp_path / "m.duckdb")], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[1], timeout=60)
    assert proc.returncode == 2 and "known systems" in proc.stderr
