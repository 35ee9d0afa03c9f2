"""`minutes serve` as a researcher meets it: a real Datasette on 127.0.0.1, fetched over HTTP. The
pages carry docs/schema.md's descriptions, tables facet on municipality, body, year and outcome,
and the notebook's questions are canned queries that answer as they do on DuckDB."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import httpx
import pytest

from pipeline.questions import QUESTIONS
from pipeline.schemadoc import table_docs
from tests.conftest import ROOT

MINUTES = Path(sys.executable).with_name("minutes")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(demo_db: Path, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    db = tmp_path / "minutes.duckdb"
    shutil.copy(demo_db, db)
    port = free_port()
    proc = subprocess.Popen([str(MINUTES), "serve", "--db", str(db), "--port", str(port)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if httpx.get(f"{base}/-/versions.json", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert proc.poll() is None, proc.stdout.read()
            assert time.monotonic() < deadline, "Datasette did not start"
            time.sleep(0.5)
        yield base, db
    finally:
        proc.terminate()
        proc.wait(10)


def test_tables_are_described_and_faceted(server: tuple[str, Path]) -> None:
    base, _ = server
    page = httpx.get(f"{base}/minutes/followups", timeout=30)
    assert page.status_code == 200
    docs = table_docs()["followups"]
    assert docs.description in page.text
    assert "similarity of the row to its best goal candidate" in page.text  # column descriptions shown
    data = httpx.get(f"{base}/minutes/v_items.json", timeout=30).json()
    facets = data["facet_results"]
    facets = facets.get("results", facets)  # Datasette 1.x nests them
    assert {"municipality", "body", "year", "outcome"} <= set(facets)
    years = {v["value"] for v in facets["year"]["results"]}
    assert {2025, 2026} <= years
    outcomes = {v["value"]: v["count"] for v in facets["outcome"]["results"]}
    assert outcomes.get("palautettu") == 1


def test_canned_queries_answer_like_duckdb(server: tuple[str, Path]) -> None:
    base, db = server
    con = duckdb.connect(str(db), read_only=True)
    try:
        for q in QUESTIONS:
            rows = httpx.get(f"{base}/minutes/{q.name}.json", params={"_shape": "arrays"}, timeout=30).json()["rows"]
            want = con.execute(q.sql).fetchall()
            assert [[str(v) for v in r] for r in rows] == [[str(v) for v in r] for r in want], q.name
        page = httpx.get(f"{base}/minutes/votes_against", timeout=30)
        assert page.status_code == 200 and "Who voted against" in page.text and "Timo Alanko" in page.text
    finally:
        con.close()
