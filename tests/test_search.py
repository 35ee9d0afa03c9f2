"""Search over section texts as a researcher uses it: the `minutes search` command, the search()
function and the SQL macros from a plain DuckDB connection, on the bundled sample ingested for real
(so the terms come from the ingest's own extraction, Voikko included)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb

from extractors.records import ItemSection
from extractors.text.terms import query_terms, section_terms, word_terms
from pipeline.search import search
from tests.conftest import ROOT

MINUTES = Path(sys.executable).with_name("minutes")


def test_words_stand_for_baseforms_and_compound_parts() -> None:
    assert "koulu" in word_terms("kouluissa")
    assert {"koulu", "koulukuljetus"} <= set(word_terms("koulukuljetukset"))
    assert "koulu" in word_terms("peruskoulun")
    assert word_terms("skolan") == ("skolan",)  # unknown to Voikko: itself
    asked = query_terms("Koulukuljetuksista 2025")
    assert "koulukuljetus" in asked and "2025" in asked and "koulu" not in asked  # a query asks for baseforms


def test_section_terms_count_and_keep_the_first_surface_form() -> None:
    sec = ItemSection(item_id="i", doc_id="d", ordinal=2, kind="selostus", heading_raw=None, page=1,
                      text="Kouluissa ja koulukuljetuksissa. Koulut avataan.")
    terms = {t.term: t for t in section_terms([sec])}
    assert terms["koulu"].tf == 3 and terms["koulu"].surface == "kouluissa"
    assert terms["koulukuljetus"].tf == 1 and terms["koulukuljetus"].ordinal == 2


def test_koulu_finds_inflected_forms_and_compounds(demo_db: Path) -> None:
    hits = search(demo_db, "koulu", limit=50)
    snippets = " ".join(h.snippet for h in hits)
    assert "«kouluissa»" in snippets and "«koulukuljetukset»" in snippets
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert {h.municipality for h in hits} >= {"Ylöjärvi", "Kangasala"}
    for h in hits:
        assert h.doc_id and h.section_kind and h.title and h.meeting_date
    assert any(h.page for h in hits)  # PDF sections carry their page


def test_filters_narrow_the_hits(demo_db: Path) -> None:
    every = search(demo_db, "koulu", limit=100)
    for hits, keep in ((search(demo_db, "koulu", year=2025, limit=100), lambda h: h.meeting_date.year == 2025),
                       (search(demo_db, "koulu", municipality="kangasala", limit=100),
                        lambda h: h.municipality == "Kangasala"),
                       (search(demo_db, "koulu", kind="paatosehdotus", limit=100),
                        lambda h: h.section_kind == "paatosehdotus"),
                       (search(demo_db, "koulu", body="Sivistyslautakunta", limit=100),
                        lambda h: h.body == "Sivistyslautakunta")):
        assert hits and len(hits) < len(every) and all(keep(h) for h in hits)
        assert [h for h in every if keep(h)] == hits
    assert len(search(demo_db, "koulu", limit=2)) == 2
    assert search(demo_db, "zyxwvu") == []


def test_the_rarer_term_ranks_its_section_first(demo_db: Path) -> None:
    hits = search(demo_db, "koulukuljetus")
    assert hits[0].snippet.count("«koulukuljetukset»") == 1


def test_sql_macros_from_a_plain_duckdb_connection(demo_db: Path) -> None:
    con = duckdb.connect(str(demo_db), read_only=True)
    try:
        typed = con.execute("SELECT snippet, year FROM minutes_search('kouluissa') WHERE year = 2025").fetchall()
        by_terms = con.execute("SELECT item_id FROM minutes_search_terms(['koulu'])").fetchall()
    finally:
        con.close()
    assert typed and all(y == 2025 for _, y in typed) and "«kouluissa»" in typed[0][0]
    assert [h.item_id for h in search(demo_db, "koulu", limit=1000)] == [r[0] for r in by_terms]


def test_search_command_prints_hits_and_json(demo_db: Path) -> None:
    done = subprocess.run([str(MINUTES), "search", "koulu", "--db", str(demo_db), "--limit", "3"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "«" in done.stdout and "document" in done.stdout and "Ylöjärvi" in done.stdout
    done = subprocess.run([str(MINUTES), "search", "koulu", "--db", str(demo_db), "--json", "--kind", "paatosehdotus"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    hits = json.loads(done.stdout)
    assert hits and {h["section_kind"] for h in hits} == {"paatosehdotus"}
    fields = {"municipality", "body", "meeting_date", "section_number", "title", "snippet", "doc_id", "page"}
    assert fields <= set(hits[0])
    missing = subprocess.run([str(MINUTES), "search", "koulu", "--db", "/nonexistent/m.duckdb"],
                             capture_output=True, text=True, timeout=120)
    assert missing.returncode == 2
