"""deploy/: the one install command and the script systemd and cron run, exercised for real
(systemd itself is not running in CI: the install writes the units and says so)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import duckdb

from tests.pdfmaker import minutes_pdf

ROOT = Path(__file__).resolve().parents[1]


def _settings(path: Path) -> dict[str, str]:
    return dict(line.split("=", 1) for line in path.read_text().splitlines() if line and not line.startswith("#"))


def test_install_then_the_nightly_script_harvests_a_drop_folder(tmp_path: Path) -> None:
    etc, units = tmp_path / "etc", tmp_path / "units"
    units.mkdir()
    env = {**os.environ, "FI_MINUTES_ETC": str(etc), "FI_MINUTES_UNITS": str(units), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([str(ROOT / "deploy" / "install.sh")], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    settings = _settings(etc / "harvest.env")
    assert settings["FI_MINUTES_HOME"] == str(ROOT)
    service = (units / "fi-minutes-harvest.service").read_text()
    assert f"EnvironmentFile={etc}/harvest.env" in service and (units / "fi-minutes-harvest.timer").exists()

    drop = tmp_path / "drop"
    drop.mkdir()
    minutes_pdf(drop / "Pöytäkirja-Kunnanhallitus - 03.03.2025.pdf", body="Kunnanhallitus", date="3.3.2025")
    (tmp_path / "sources.toml").write_text(
        f'[[source]]\nmunicipality = "Kauhava"\nsystem = "folder"\nurl = "{drop}"\n')
    run_env = {**settings, "PATH": "/usr/bin:/bin", "FI_MINUTES_CONFIG": str(tmp_path / "sources.toml"),
               "FI_MINUTES_DB": str(tmp_path / "m.duckdb"), "FI_MINUTES_DATA": str(tmp_path / "raw"),
               "FI_MINUTES_LOG": str(tmp_path / "logs" / "harvest.log")}
    done = subprocess.run([str(ROOT / "deploy" / "run-harvest.sh")], env=run_env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("harvest: 1 sources, 1 new") and len(done.stdout.splitlines()) == 1
    assert "Kauhava" in (tmp_path / "logs" / "harvest.log").read_text()
    con = duckdb.connect(str(tmp_path / "m.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    con.close()
