"""`minutes export` in every format, read back with the tools researchers use (pyarrow, openpyxl,
sqlite3, csv): every table and view arrives whole, and the column descriptions of docs/schema.md
travel with it. The researcher's questions give the same answers on the SQLite export as on DuckDB."""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import duckdb
import openpyxl
import pyarrow.parquet as pq
import pytest

from extractors.records import Decision, columns
from pipeline.export import ExportError, export
from pipeline.questions import QUESTIONS
from pipeline.schemadoc import table_docs
from tests.conftest import ROOT

MINUTES = Path(sys.executable).with_name("minutes")


def counts(db: Path, tables: list[str]) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        con.close()


def test_csv_has_every_table_and_view_and_a_columns_file(demo_db: Path, tmp_path: Path) -> None:
    written = export(demo_db, "csv", tmp_path / "csv")
    names = {p.stem for p in written}
    assert {"decisions", "votes", "goals", "followups", "v_items", "v_goal_outcomes", "v_vote_names",
            "columns"} <= names
    assert "section_terms" not in names  # the search index only when asked for
    for table, n in counts(demo_db, sorted(names - {"columns"})).items():
        with (tmp_path / "csv" / f"{table}.csv").open(encoding="utf-8") as fh:
            assert sum(1 for _ in csv.DictReader(fh)) == n, table
    with (tmp_path / "csv" / "votes.csv").open(encoding="utf-8") as fh:
        assert "Timo Alanko; Eeva Kallioniemi" in next(csv.DictReader(fh))["ei_names"]
    with (tmp_path / "csv" / "columns.csv").open(encoding="utf-8") as fh:
        described = {(r["table"], r["column"]): r["description"] for r in csv.DictReader(fh)}
    assert described[("followups", "link_score")] == table_docs()["followups"].columns["link_score"]


def test_parquet_carries_descriptions_as_metadata(demo_db: Path, tmp_path: Path) -> None:
    export(demo_db, "parquet", tmp_path / "pq", ["decisions", "votes", "v_items"])
    assert sorted(p.name for p in (tmp_path / "pq").iterdir()) == [
        "columns.csv", "decisions.parquet", "v_items.parquet", "votes.parquet"]
    table = pq.read_table(tmp_path / "pq" / "votes.parquet")
    assert table.num_rows == counts(demo_db, ["votes"])["votes"]
    assert table.column("ei_names").to_pylist()[0][0] == "Timo Alanko"  # lists stay lists
    docs = table_docs()["votes"]
    assert table.schema.field("ei_names").metadata[b"description"].decode() == docs.columns["ei_names"]
    assert table.schema.metadata[b"description"].decode() == docs.description
    assert json.loads(table.schema.metadata[b"columns"])["jaa"] == docs.columns["jaa"]


def test_xlsx_has_a_sheet_per_table_and_a_columns_sheet(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "minutes.xlsx"
    export(demo_db, "xlsx", out, ["agenda_items", "decisions", "v_theme_by_municipality"])
    book = openpyxl.load_workbook(out, read_only=True)
    assert book.sheetnames == ["columns", "agenda_items", "decisions", "v_theme_by_municipality"]
    rows = list(book["decisions"].values)
    assert rows[0] == tuple(columns(Decision)) and len(rows) - 1 == counts(demo_db, ["decisions"])["decisions"]
    described = {(r[0], r[1]): r[3] for r in list(book["columns"].values)[1:]}
    assert described[("decisions", "outcome")] == "outcome class (vocabulary above)"


def test_sqlite_export_answers_the_questions_like_duckdb(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "minutes.sqlite"
    export(demo_db, "sqlite", out)
    lite = sqlite3.connect(out)
    con = duckdb.connect(str(demo_db), read_only=True)
    try:
        for q in QUESTIONS:
            want = [tuple(str(v) for v in r) for r in con.execute(q.sql).fetchall()]
            got = [tuple(str(v) for v in r) for r in lite.execute(q.sql).fetchall()]
            assert want and got == want, q.name
        assert lite.execute("SELECT description FROM columns WHERE \"table\" = 'votes' AND \"column\" = 'ei'"
                            ).fetchone()[0] == table_docs()["votes"].columns["ei"]
    finally:
        lite.close()
        con.close()


def test_unknown_tables_and_formats_are_usage_errors(demo_db: Path, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="nosuch"):
        export(demo_db, "csv", tmp_path / "x", ["decisions", "nosuch"])
    done = subprocess.run([str(MINUTES), "export", "--db", str(demo_db), "--format", "dbf", "--out", str(tmp_path)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 2
    done = subprocess.run([str(MINUTES), "export", "--db", str(demo_db), "--format", "csv", "--out",
                           str(tmp_path / "c"), "--tables", "decisions,section_terms"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "c").iterdir()) == ["columns.csv", "decisions.csv", "section_terms.csv"]
