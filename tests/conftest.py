"""Shared fixtures. Tests reading ../shared skip only when it is absent and CI is unset."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def require_shared() -> Path:
    """The ../shared folder, or a skip (local clone without it) / failure (in CI)."""
    if SHARED.is_dir():
        return SHARED
    if os.environ.get("CI"):
        pytest.fail("../shared is missing in CI")
    pytest.skip("../shared is not beside this clone")


@pytest.fixture
def shared_dir() -> Path:
    return require_shared()


@pytest.fixture
def dev_corpus(shared_dir: Path) -> Path:
    return shared_dir / "corpus" / "dev"


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample (data/raw) ingested for real into a database of its own, once per worker.
    Tests that read it must not write to it."""
    from pipeline.ingest import ingest_paths

    db = tmp_path_factory.mktemp("demo") / "minutes.duckdb"
    report = ingest_paths([ROOT / "data" / "raw"], db, workers=1)
    assert not report.failures, [r.error for r in report.failures]
    return db
