"""`minutes report` opened in a real headless Debian chromium, with the network cut off: the page
renders, every chart draws as SVG, nothing reaches the console, and a screenshot is kept in the
test's tmp folder (pytest keeps the last runs' folders: /tmp/pytest-of-$USER/)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.report import build_report
from tests.conftest import ROOT

MINUTES = Path(sys.executable).with_name("minutes")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--enable-logging=stderr", "--v=0",
                  "--virtual-time-budget=15000", "--host-resolver-rules=MAP * ~NOTFOUND",
                  "--proxy-server=127.0.0.1:9")


def chromium(page: Path, profile: Path, *args: str) -> tuple[str, list[str]]:
    """(stdout, console lines) of one headless chromium run on a local page."""
    exe = shutil.which("chromium")
    if exe is None:
        pytest.fail("chromium is not installed: run make setup (it is in the Makefile's APT_PACKAGES)")
    done = subprocess.run([exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
                          capture_output=True, text=True, timeout=180)
    return done.stdout, [ln for ln in done.stderr.splitlines() if ":CONSOLE" in ln]


def test_console_errors_are_seen(tmp_path: Path) -> None:
    """The check below can fail: a broken page's error reaches us."""
    page = tmp_path / "broken.html"
    page.write_text("<html><body><script>notDefined();</script></body></html>", encoding="utf-8")
    _, console = chromium(page, tmp_path / "profile", "--dump-dom")
    assert any("notDefined" in ln for ln in console)


def test_report_renders_offline_in_chromium(demo_db: Path, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    done = subprocess.run([str(MINUTES), "report", "--db", str(demo_db), "--out", str(page)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    text = page.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=", text)  # nothing fetched at view time
    dom, console = chromium(page, tmp_path / "profile", "--dump-dom")
    assert not console, console
    body = re.search(r"<body ([^>]*)>", dom)[1]
    charts = int(re.search(r'data-charts="(\d+)"', body)[1])
    assert charts == 3  # decisions, votes, goals; no budget lines in the sample
    assert f'data-charts-drawn="{charts}"' in body
    assert dom.count('class="marks"') == charts  # each chart an SVG
    assert re.search(r'id="errors">\s*</pre>', dom)
    for label in ("hyvaksytty", "palautettu", "toteutunut", "Sivistyslautakunta", "No budget lines"):
        assert label in dom, label
    shot = tmp_path / "report.png"
    chromium(page, tmp_path / "profile2", f"--screenshot={shot}", "--window-size=1200,2400")
    assert shot.stat().st_size > 20_000 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_report_of_one_municipality(demo_db: Path, tmp_path: Path) -> None:
    page = build_report(demo_db, tmp_path / "kangasala.html", municipality="Kangasala")
    text = page.read_text(encoding="utf-8")
    assert "Kangasala" in text and "Ylöjärvi" not in text.split("const specs", 1)[1]
    dom, console = chromium(page, tmp_path / "profile", "--dump-dom")
    assert not console, console
    assert 'data-charts-drawn="1"' in dom  # Kangasala has decisions, no votes or goals
