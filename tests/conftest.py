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


@pytest.fixture
def dev_corpus(shared_dir: Path) -> Path:
    return shared_dir / "corpus" / "dev"


def pytest_configure(config: pytest.Config) -> None:
    """Draw the session's fresh variant seed once, before xdist workers start (they inherit it)."""
    if not os.environ.get("VARIANTS_SEED"):
        os.environ["VARIANTS_SEED"] = str(random.SystemRandom().randrange(1000, 1_000_000))


def pytest_report_header(config: pytest.Config) -> str:
    return f"fresh variant seeds from {os.environ['VARIANTS_SEED']} (replay: VARIANTS_SEED=N)"
