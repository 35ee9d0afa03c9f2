"""The researcher's notebook runs end to end (nbclient, the venv's python3 kernel) on a small
database, so it cannot rot: its three answers are tables and its chart is an image."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from tests.conftest import ROOT
from tests.test_linking import build_goal_db

NOTEBOOK = ROOT / "notebooks" / "researcher.ipynb"


def test_researcher_notebook_executes(shared_dir: Path, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    db = build_goal_db(tmp_path / "minutes.duckdb", shared_dir)
    monkeypatch.setenv("FI_MINUTES_DB", str(db))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    tables = [o for o in outputs if "text/html" in o.get("data", {})]
    assert len(tables) >= 4  # overview + one table per question
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the chart
    html = "\n".join(o["data"]["text/html"] for o in tables)
    for municipality in ("Loimaa", "Kankaanpää", "Kokemäki", "Kunta A"):
        assert municipality in html
    assert os.environ["FI_MINUTES_DB"] == str(db)
