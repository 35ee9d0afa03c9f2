"""The researcher's notebook runs end to end as JupyterLab runs it: the kernel (the venv's python3)
starts in the notebook's folder and no FI_MINUTES_DB is set, so the notebook must find
data/processed/minutes.duckdb from the repository root. The repository is a copy in tmp (its
pyproject.toml and notebook) holding the bundled sample ingested for real, plus a follow-up table
whose municipality nobody can tell (NULL), which used to crash the chart cell."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import nbformat
import pytest
from nbclient import NotebookClient

from pipeline.ingest import ingest_paths
from pipeline.questions import DB_ENV, DB_RELATIVE, find_db
from tests.conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "researcher.ipynb"
RAW = ROOT / "data" / "raw"


def demo_repository(tmp_path: Path) -> Path:
    """A fi-minutes checkout in tmp with the sample (and an anonymous follow-up table) ingested."""
    repo = tmp_path / "repo"
    (repo / "notebooks").mkdir(parents=True)
    shutil.copy(ROOT / "pyproject.toml", repo / "pyproject.toml")
    shutil.copy(NOTEBOOK, repo / "notebooks" / NOTEBOOK.name)
    anonymous = tmp_path / "anonymous"
    anonymous.mkdir()
    followup = next(RAW.glob("*toteutuminen*.txt")).read_text(encoding="utf-8")
    (anonymous / "seuranta.txt").write_text(followup.replace("2025", "2024"), encoding="utf-8")
    report = ingest_paths([RAW, anonymous], repo / DB_RELATIVE, workers=1)
    assert not report.failures, [r.error for r in report.failures]
    con = duckdb.connect(str(repo / DB_RELATIVE), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM v_theme_by_municipality WHERE municipality IS NULL").fetchone()[0]
    finally:
        con.close()
    return repo


def test_find_db_walks_up_to_the_repository_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DB_ENV, raising=False)
    (tmp_path / "repo" / "notebooks" / "deep").mkdir(parents=True)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "repo" / "pyproject.toml")
    assert find_db(tmp_path / "repo" / "notebooks" / "deep") == (tmp_path / "repo" / DB_RELATIVE).resolve()
    with pytest.raises(FileNotFoundError, match=DB_ENV):
        find_db(tmp_path)
    monkeypatch.setenv(DB_ENV, str(tmp_path / "elsewhere.duckdb"))
    assert find_db(tmp_path / "repo") == tmp_path / "elsewhere.duckdb"


def test_researcher_notebook_executes_like_jupyterlab(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = demo_repository(tmp_path)
    monkeypatch.delenv(DB_ENV, raising=False)
    nb = nbformat.read(repo / "notebooks" / NOTEBOOK.name, as_version=4)
    NotebookClient(nb, timeout=180, kernel_name="python3",
                   resources={"metadata": {"path": str(repo / "notebooks")}}).execute()
    code = [c for c in nb.cells if c.cell_type == "code"]
    outputs = [o for c in code for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert all(c.get("outputs") for c in code[:-1]), "every question cell shows something"
    printed = "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
    assert str((repo / DB_RELATIVE).resolve()) in printed
    html = "\n".join(o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {}))
    assert sum(1 for o in outputs if "image/png" in o.get("data", {})) == 2  # both charts drew
    for expected in ("Ylöjärvi", "Kangasala", "Timo Alanko", "palautettu", "toteutunut",
                     "Toiminnalliset tavoitteet 2025", "Vahvistetaan lukutaitoa", "«kouluissa»"):
        assert expected in html, expected
    assert "budget_lines" in printed  # no budget table in the sample: the cell says it skipped
