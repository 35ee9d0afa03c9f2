"""The fork server from which `pipeline.ingest` starts one parser process per document.

Its preload (`pipeline.preload`: the extractors, Voikko, the common-word lists, ~0.5 CPU-s) lies
on the way to the first document. `minutes ingest` starts it before its own imports (DuckDB, the
CLI, ~0.5 s), so that the two load side by side instead of one after the other; a run that then
finds nothing to parse has spent that on a second core, and the server exits with the run.
"""

from __future__ import annotations

import multiprocessing as mp
import sys

_CTX: mp.context.BaseContext | None = None
# Modules a worker would import again when it re-runs the parent's main script (the `minutes`
# console script imports pipeline.cli): preloaded when loaded in the parent (or being loaded:
# the CLI starts the server from its first lines). Python 3.11's fork server does not honour a
# '__main__' preload, so the real modules are named instead.
ENTRY_MODULES = ("pipeline.cli",)


def context() -> mp.context.BaseContext:
    global _CTX
    if _CTX is None:
        ctx = mp.get_context("forkserver")
        entry = [m for m in ENTRY_MODULES if m in sys.modules]
        ctx.set_forkserver_preload(["pipeline.preload", "pipeline.ingest", *entry])
        _CTX = ctx
    return _CTX


def start_workers() -> None:
    """Start the fork server (and its preload) now, so that it loads while this process works."""
    from multiprocessing import forkserver

    context()
    forkserver.ensure_running()


def start_for_command(args: list[str]) -> None:
    """Start the server at once when the command line is a local ingest (the dask executor parses
    on its cluster; any other command parses nothing)."""
    if args[:1] == ["ingest"] and not {"dask", "--executor=dask"} & set(args):
        start_workers()
