"""What the `minutes` commands share at their edges: exit codes, input checks that turn a
mistake into one line with a hint, the JSON summary scripts read, and the options every command
has (`-h`, `--version`, `--quiet`)."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import typer

from extractors.municipality import nearest_names, resolve_name
from pipeline.ingest import INPUT_SUFFIXES, IngestReport, discover

EXIT_OK, EXIT_FATAL, EXIT_USAGE, EXIT_BUSY, EXIT_FAILED, EXIT_INTERRUPTED = 0, 1, 2, 3, 4, 130


# typer's rich help panel prints every option's type, flags too (`--force <bool>`, even `--help
# <bool>`: typer/rich_utils.py `_print_options_panel` does not ask `is_flag`); the plain click
# formatter shows flags as flags. So the apps use it (rich_markup_mode=None), with -h beside --help.
TYPER_SETTINGS = {"rich_markup_mode": None, "context_settings": {"help_option_names": ["-h", "--help"]}}


def version_callback(value: bool) -> None:
    if value:
        print(f"minutes {metadata.version('fi-minutes')}")
        raise typer.Exit(EXIT_OK)


VersionOption = typer.Option(False, "--version", callback=version_callback, is_eager=True,
                             help="Print the version and exit.")
QuietOption = typer.Option(False, "--quiet", "-q", help="Print nothing but errors (on stderr); the exit code "
                           "says how it went. With --json the JSON is still printed.")


@contextlib.contextmanager
def silenced(quiet: bool) -> Iterator[None]:
    """Standard output thrown away while `quiet` (errors go to stderr and stay)."""
    if not quiet:
        yield
        return
    with open(os.devnull, "w") as null, contextlib.redirect_stdout(null):
        yield


def check_inputs(paths: list[Path]) -> int:
    """Number of files that will be skipped; ValueError when a path is missing or nothing is left."""
    for p in paths:
        if not p.exists():
            raise ValueError(f"no such file or folder: {p}")
    every = [f for p in paths for f in ([p] if p.is_file() else p.rglob("*"))
             if f.is_file() and not any(part.startswith(".") for part in f.parts[len(p.parts):])]
    found = discover(paths)
    if not found:
        kinds = ", ".join(sorted(s for s in INPUT_SUFFIXES if s))
        what = f"only {len(every)} files of other kinds" if every else "no files at all"
        raise ValueError(f"nothing to ingest in {', '.join(map(str, paths))}: {what} (ingest reads {kinds})")
    return max(0, len(every) - len(found))


def check_municipality(name: str | None) -> str | None:
    """The name as given when it names a municipality; ValueError with the nearest names otherwise."""
    if name is None or resolve_name(name)[1]:
        return name
    near = nearest_names(name)
    hint = f"; did you mean {', '.join(near)}?" if near else "; give a Finnish or Swedish name or the code"
    raise ValueError(f"--municipality {name!r} is not a Finnish municipality{hint}")


def report_json(report: IngestReport, db: Path, skipped: int) -> str:
    """The ingest summary for scripts: counts by status, skipped files, and each failure."""
    counts = {s: report.count(s) for s in ("ok", "partial", "failed", "unchanged")}
    return json.dumps({
        "database": str(db), "documents": len(report.results), **counts, "skipped": skipped,
        "items": sum(r.items for r in report.results),
        "started_at": report.started_at.isoformat(timespec="seconds"),
        "finished_at": report.finished_at.isoformat(timespec="seconds") if report.finished_at else None,
        "problems": [{"path": str(r.path), "status": r.status, "error": r.error}
                     for r in report.results if r.status in ("failed", "partial")],
    }, ensure_ascii=False)
