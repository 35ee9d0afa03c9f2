"""Shared fixtures. Tests reading ../shared skip only when it is absent and CI is unset."""

from __future__ import annotations

import os
import random
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


def command_paths(command: object, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every visible command path under a click group, e.g. ('ingest',), ('harvest',).

    Duck-typed on `.commands` because recent typer versions vendor click instead of importing it.
    """
    subcommands = getattr(command, "commands", None)
    if not subcommands:
        return [prefix]
    paths: list[tuple[str, ...]] = []
    for name, sub in sorted(subcommands.items()):
        if not getattr(sub, "hidden", False):
            paths += command_paths(sub, (*prefix, name))
    return paths


@pytest.fixture(scope="session")
def cli_commands() -> list[tuple[str, ...]]:
    """The `minutes` commands as the typer app defines them, so that tests cover commands added later."""
    import typer

    from pipeline.cli import app

    return command_paths(typer.main.get_command(app))


@pytest.fixture
def dev_corpus(shared_dir: Path) -> Path:
    return shared_dir / "corpus" / "dev"


def pytest_configure(config: pytest.Config) -> None:
    """Draw the session's fresh variant seed once, before xdist workers start (they inherit it)."""
    if not os.environ.get("VARIANTS_SEED"):
        os.environ["VARIANTS_SEED"] = str(random.SystemRandom().randrange(1000, 1_000_000))


def pytest_report_header(config: pytest.Config) -> str:
    return f"fresh variant seeds from {os.environ['VARIANTS_SEED']} (replay: VARIANTS_SEED=N)"


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample (data/raw) ingested for real into a database of its own, once per worker.
    Tests that read it must not write to it."""
    from pipeline.ingest import ingest_paths

    db = tmp_path_factory.mktemp("demo") / "minutes.duckdb"
    report = ingest_paths([ROOT / "data" / "raw"], db, workers=1)
    assert not report.failures, [r.error for r in report.failures]
    return db
