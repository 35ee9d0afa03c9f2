"""`minutes harvest`: thin command over `runner.harvest` (wired into pipeline/cli.py by the lead).

Without a terminal (cron, systemd) nothing but the one-line summary goes to stdout; the log
goes to a file (`[harvest] log_file`, default beside the database). No progress bars.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from pathlib import Path

import typer

from pipeline.harvest.config import DEFAULT_CONFIG, ConfigError, load_config
from pipeline.publish import DatabaseError
from pipeline.storage import DEFAULT_DB

DEFAULT_DATA_DIR = Path("data/raw")
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def _setup_logging(log_file: Path) -> None:
    log_file.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(handler)
    if sys.stderr.isatty():
        console = logging.StreamHandler(sys.stderr)
        console.setLevel(logging.INFO)
        console.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
        root.addHandler(console)
    logging.getLogger("httpx").setLevel(logging.WARNING)


def harvest_command(config: Path, db: Path, data_dir: Path, since: dt.date | None, dry_run: bool,
                    json_out: bool = False, log_file: Path | None = None) -> int:
    """Run one harvest; returns the exit code (0 ok, 1 a source failed, 2 bad config, 3 locked,
    5 a source that listed meetings before now lists none: has the site changed?)."""
    from pipeline.harvest.runner import EXIT_CONFIG, harvest  # httpx and the adapters: only when harvesting

    try:
        cfg = load_config(config)
    except ConfigError as exc:
        print(f"harvest: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    _setup_logging(log_file or cfg.log_file or Path(db).parent / "harvest.log")
    try:
        summary = harvest(cfg, Path(db), Path(data_dir), since=since, dry_run=dry_run)
    except KeyboardInterrupt:
        print("harvest: interrupted; what was fetched and ingested is saved, run again to continue", file=sys.stderr)
        return 130
    except DatabaseError as exc:
        print(f"harvest: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(summary.as_dict(), ensure_ascii=False) if json_out else summary.line())
    return summary.exit_code


def harvest_cli(
    config: Path = typer.Option(DEFAULT_CONFIG, "--config", help="sources.toml naming the sites"),
    db: Path = typer.Option(DEFAULT_DB, "--db", help="DuckDB database to fill"),
    data_dir: Path = typer.Option(DEFAULT_DATA_DIR, "--data-dir", help="where fetched files are kept"),
    since: str | None = typer.Option(None, "--since", help="YYYY-MM-DD: harvest from this date (overrides the cursor)"),
    dry_run: bool = typer.Option(False, "--dry-run", help="list what would be fetched; write nothing"),
    json_out: bool = typer.Option(False, "--json", help="print the summary as JSON instead of one line"),
    log_file: Path | None = typer.Option(None, "--log-file", help="the detailed log (default: [harvest] log_file, "
                                         "else harvest.log beside the database)"),
) -> None:
    """Fetch new minutes from the configured publishing systems and ingest them.

    Example: minutes harvest --config sources.toml --since 2025-01-01
    """
    try:
        day = dt.date.fromisoformat(since) if since else None
    except ValueError:
        raise typer.BadParameter("--since must be YYYY-MM-DD") from None
    raise typer.Exit(harvest_command(config, db, data_dir, day, dry_run, json_out, log_file))


harvest_app = typer.Typer(add_completion=False)
harvest_app.command("harvest")(harvest_cli)
