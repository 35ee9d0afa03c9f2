"""`minutes harvest`: thin command over `runner.harvest` (wired into pipeline/cli.py by the lead).

Without a terminal (cron, systemd) nothing but the one-line summary goes to stdout; the log
goes to one rotating file (`[harvest] log_file`, default harvest.log beside the database; at
`log_max_mb` it is renamed to .1, .2 ... and the oldest of `log_backups` is dropped). Expected
failures (a site down, a busy database, Ctrl-C) are one line in it; anything else is logged with
its traceback and is one line on stderr. No progress bars.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

import typer

from pipeline.cli_support import EXIT_BUSY, EXIT_FATAL, EXIT_INTERRUPTED, TYPER_SETTINGS, QuietOption, VersionOption
from pipeline.harvest.config import DEFAULT_CONFIG, ConfigError, HarvestConfig, load_config
from pipeline.publish import DatabaseBusy, DatabaseError
from pipeline.storage import DEFAULT_DB

DEFAULT_DATA_DIR = Path("data/raw")
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
log = logging.getLogger("pipeline.harvest")


def _setup_logging(log_file: Path, cfg: HarvestConfig, quiet: bool) -> list[logging.Handler]:
    """The rotating log file (and, in a terminal and not quiet, the same lines on stderr)."""
    log_file.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    handler = RotatingFileHandler(log_file, maxBytes=cfg.log_max_bytes, backupCount=cfg.log_backups,
                                  encoding="utf-8")
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handlers: list[logging.Handler] = [handler]
    if sys.stderr.isatty() and not quiet:
        console = logging.StreamHandler(sys.stderr)
        console.setLevel(logging.INFO)
        console.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
        handlers.append(console)
    for h in handlers:
        root.addHandler(h)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    return handlers


def harvest_command(config: Path, db: Path, data_dir: Path, since: dt.date | None, dry_run: bool,
                    json_out: bool = False, log_file: Path | None = None, quiet: bool = False) -> int:
    """Run one harvest; returns the exit code (0 ok, 1 a source failed or a fatal error, 2 bad
    config, 3 locked, 5 a source that listed meetings before now lists none: has the site changed?)."""
    from pipeline.harvest.runner import EXIT_CONFIG, harvest  # httpx and the adapters: only when harvesting

    try:
        cfg = load_config(config)
    except ConfigError as exc:
        print(f"harvest: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    log_path = log_file or cfg.log_file or Path(db).parent / "harvest.log"
    handlers = _setup_logging(log_path, cfg, quiet)
    try:
        return _run(cfg, Path(db), Path(data_dir), since, dry_run, json_out, quiet, log_path, harvest)
    finally:
        for h in handlers:
            logging.getLogger().removeHandler(h)
            h.close()


def _run(cfg: HarvestConfig, db: Path, data_dir: Path, since: dt.date | None, dry_run: bool, json_out: bool,
         quiet: bool, log_path: Path, harvest) -> int:
    """One harvest with its outcome in the log: every ending, expected or not, leaves a line there."""
    def say(message: str, code: int, level: int = logging.ERROR) -> int:
        log.log(level, "%s [exit %s]", message, code)
        print(f"harvest: {message}", file=sys.stderr)
        return code

    try:
        summary = harvest(cfg, db, data_dir, since=since, dry_run=dry_run)
    except KeyboardInterrupt:
        return say("interrupted; what was fetched and ingested is saved, run again to continue",
                   EXIT_INTERRUPTED, logging.WARNING)
    except DatabaseError as exc:
        return say(str(exc), EXIT_BUSY if isinstance(exc, DatabaseBusy) else EXIT_FATAL)
    except Exception as exc:  # a bug: its traceback goes to the log, one line to the operator
        log.exception("harvest stopped by an unexpected error")
        return say(f"fatal: {type(exc).__name__}: {exc} (traceback in {log_path})", EXIT_FATAL)
    log.info("%s", summary.line())
    if json_out:
        print(json.dumps(summary.as_dict(), ensure_ascii=False))
    elif not quiet:
        print(summary.line())
    return summary.exit_code


def harvest_cli(
    config: Path = typer.Option(DEFAULT_CONFIG, "--config", help="sources.toml naming the sites"),
    db: Path = typer.Option(DEFAULT_DB, "--db", help="DuckDB database to fill"),
    data_dir: Path = typer.Option(DEFAULT_DATA_DIR, "--data-dir", help="where fetched files are kept"),
    since: str | None = typer.Option(None, "--since", help="YYYY-MM-DD: harvest from this date (overrides the cursor)"),
    dry_run: bool = typer.Option(False, "--dry-run", help="list what would be fetched; write nothing"),
    json_out: bool = typer.Option(False, "--json", help="print the summary as JSON instead of one line"),
    log_file: Path | None = typer.Option(None, "--log-file", help="the detailed log, rotated (default: [harvest] "
                                         "log_file, else harvest.log beside the database)"),
    quiet: bool = QuietOption,
    version: bool = VersionOption,
) -> None:
    """Fetch new minutes from the configured publishing systems and ingest them.

    Example: minutes harvest --config sources.toml --since 2025-01-01
    """
    try:
        day = dt.date.fromisoformat(since) if since else None
    except ValueError:
        raise typer.BadParameter("--since must be YYYY-MM-DD") from None
    raise typer.Exit(harvest_command(config, db, data_dir, day, dry_run, json_out, log_file, quiet))


harvest_app = typer.Typer(add_completion=False, **TYPER_SETTINGS)
harvest_app.command("harvest")(harvest_cli)
