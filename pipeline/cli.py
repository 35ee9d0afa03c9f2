"""The `minutes` command: thin typer commands over library functions.

Exit codes of `ingest`: 0 when every document is ok or partial (or unchanged), 4 when some failed
(recorded in the database; `--allow-failures` keeps 0), 2 for usage errors, 3 when another writer
holds the database, 1 for a fatal error such as a file that is not a DuckDB database, 130 on Ctrl-C.
Expected failures are one line with a hint on stderr, never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import typer
from rich.console import Console
from rich.table import Table

from pipeline.cli_support import (
    EXIT_BUSY,
    EXIT_FAILED,
    EXIT_FATAL,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    check_inputs,
    check_municipality,
    report_json,
    version_callback,
)
from pipeline.ingest import DEFAULT_TIMEOUT_S, DEFAULT_WORKERS, EXECUTORS, IngestReport, ingest_paths
from pipeline.publish import DatabaseBusy, DatabaseError, check_database_file
from pipeline.storage import DEFAULT_DB, connect

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Finnish municipal meeting minutes and goal follow-ups into DuckDB.")
console = Console(stderr=False)
err = Console(stderr=True, soft_wrap=True)  # one line per message, whatever the width

DbOption = typer.Option(DEFAULT_DB, "--db", help="DuckDB database file.")


@app.callback()
def main_options(
    version: bool = typer.Option(False, "--version", callback=version_callback, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Finnish municipal meeting minutes and goal follow-ups into DuckDB."""


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="Files or folders (recursive): PDF, HTML, TXT."),
    db: Path = DbOption,
    workers: int = typer.Option(DEFAULT_WORKERS, "--workers", min=1, help="Parallel parser processes."),
    municipality: str | None = typer.Option(None, "--municipality", help="Municipality of every file."),
    timeout: float = typer.Option(DEFAULT_TIMEOUT_S, "--timeout", help="Seconds allowed per document."),
    force: bool = typer.Option(False, "--force", help="Parse again even when a file is unchanged."),
    executor: str = typer.Option("local", "--executor", help="Where documents are parsed: local | dask."),
    scheduler: str | None = typer.Option(None, "--scheduler", help="Dask scheduler address, tcp://HOST:8786."),
    allow_failures: bool = typer.Option(False, "--allow-failures", help="Exit 0 even when documents failed."),
    json_out: bool = typer.Option(False, "--json", help="Print the summary as JSON instead of a table."),
) -> None:
    """Ingest minutes, goal and follow-up documents into the database.

    Readers of the database are never blocked: the run writes a private copy and publishes it
    when it ends. Exit codes: 0 ok, 4 some documents failed, 3 database busy, 2 usage, 1 fatal.

    Example: minutes ingest data/raw --db data/processed/minutes.duckdb
    Example: minutes ingest /archive --executor dask --scheduler tcp://10.0.0.5:8786
    """
    try:
        if timeout <= 0:
            raise ValueError(f"--timeout must be a positive number of seconds, not {timeout:g}")
        skipped = check_inputs(paths)
        municipality = check_municipality(municipality)
        if executor not in EXECUTORS or (executor == "dask" and not scheduler):
            raise ValueError(f"--executor is one of {', '.join(EXECUTORS)}; dask needs --scheduler tcp://HOST:8786")
    except ValueError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    saved: list = []
    try:
        options = {"workers": workers, "municipality": municipality, "timeout": timeout, "force": force,
                   "executor": executor, "scheduler": scheduler}
        report = _run_ingest(paths, db, options, saved.append)
    except KeyboardInterrupt:
        done = sum(1 for r in saved if r.status != "unchanged")
        err.print(f"interrupted; {done} documents saved, run again to continue")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except DatabaseError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(EXIT_BUSY if isinstance(exc, DatabaseBusy) else EXIT_FATAL) from None
    except Exception as exc:  # noqa: BLE001 - fatal: say why, exit 1
        err.print(f"[red]fatal:[/red] {type(exc).__name__}: {exc}")
        raise typer.Exit(EXIT_FATAL) from exc
    if json_out:
        print(report_json(report, db, skipped))
    else:
        _print_report(report, db)
        if skipped:
            console.print(f"{skipped} files skipped (not PDF, HTML or TXT)")
    if report.count("failed") and not allow_failures:
        raise typer.Exit(EXIT_FAILED)


def _run_ingest(paths, db, options: dict, on_result) -> IngestReport:
    if not sys.stderr.isatty():  # cron, systemd, a pipe: one plain line per document parsed
        def log_doc(result) -> None:
            on_result(result)
            if result.status != "unchanged":
                print(f"{result.status} {result.path} ({result.items} items, {result.seconds:.1f} s)",
                      file=sys.stderr, flush=True)

        return ingest_paths(paths, db, **options, progress=log_doc)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True) as bar:
        task = bar.add_task("ingesting", total=None)

        def on_start(n: int) -> None:
            bar.update(task, total=n)

        def on_doc(result) -> None:
            on_result(result)
            if result.status != "unchanged":
                bar.advance(task)
                bar.update(task, description=f"ingesting {result.path.name[:40]}")

        return ingest_paths(paths, db, **options, progress=on_doc, on_start=on_start)


def _print_report(report: IngestReport, db: Path) -> None:
    table = Table(title=f"ingest into {db}")
    for col in ("municipality", "documents", "ok", "partial", "failed", "unchanged", "items"):
        table.add_column(col, justify="right" if col != "municipality" else "left")
    by_muni: dict[str, list] = {}
    for r in report.results:
        by_muni.setdefault(r.municipality or "?", []).append(r)
    for muni, rs in sorted(by_muni.items()):
        table.add_row(muni, str(len(rs)), *(str(sum(1 for r in rs if r.status == s))
                                           for s in ("ok", "partial", "failed", "unchanged")),
                      str(sum(r.items for r in rs)))
    table.add_row("all", str(len(report.results)), *(str(report.count(s)) for s in
                                                    ("ok", "partial", "failed", "unchanged")),
                  str(sum(r.items for r in report.results)), style="bold")
    console.print(table)
    for r in report.results:
        if r.status in ("failed", "partial"):
            console.print(f"[{'red' if r.status == 'failed' else 'yellow'}]{r.status}[/] {r.path}: {r.error}")


@app.command()
def status(
    db: Path = DbOption,
    harvest_sources: bool = typer.Option(False, "--harvest", help="Per harvest source: last run, last success, "
                                         "what it fetched, failing or yielding nothing."),
) -> None:
    """Summarise the database: documents by status, municipality, body and year, and last failures.

    Opens the database read-only: it never waits for, nor disturbs, a running ingest or harvest.

    Example: minutes status --db data/processed/minutes.duckdb
    Example: minutes status --harvest
    """
    if not db.exists():
        err.print(f"[red]error:[/red] no database at {db}")
        raise typer.Exit(2)
    try:
        check_database_file(db)
        con = connect(db, read_only=True)
    except (DatabaseError, duckdb.Error) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(EXIT_FATAL) from None
    try:
        queries = {
            "documents by status": """SELECT status, kind, count(*) AS documents FROM documents
                GROUP BY ALL ORDER BY ALL""",
            "by municipality": """SELECT coalesce(d.municipality, '?') AS municipality,
                    count(DISTINCT d.doc_id) AS documents,
                    count(DISTINCT m.meeting_id) AS meetings, count(DISTINCT i.item_id) AS items
                FROM documents d LEFT JOIN meetings m USING (doc_id) LEFT JOIN agenda_items i USING (doc_id)
                GROUP BY ALL ORDER BY ALL""",
            "by body and year": """SELECT coalesce(body, '?') AS body, year(meeting_date) AS year,
                    count(*) AS meetings FROM meetings GROUP BY ALL ORDER BY ALL""",
            "contents": """SELECT (SELECT count(*) FROM agenda_items) AS items,
                    (SELECT count(*) FROM item_sections) AS sections, (SELECT count(*) FROM decisions) AS decisions,
                    (SELECT count(*) FROM votes) AS votes, (SELECT count(*) FROM recusals) AS recusals,
                    (SELECT count(*) FROM goals) AS goals, (SELECT count(*) FROM followups) AS followups""",
            "last failures": """SELECT file_name, status, error FROM documents WHERE status <> 'ok'
                ORDER BY ingested_at DESC LIMIT 10""",
        }
        if harvest_sources:
            from pipeline.harvest.state import SOURCE_HEALTH_SQL

            if not con.execute("SELECT 1 FROM duckdb_tables() WHERE table_name = 'harvest_runs'").fetchall():
                err.print(f"no harvest has run on {db}")
                raise typer.Exit(EXIT_USAGE)
            queries = {"harvest sources": SOURCE_HEALTH_SQL}
        for title, sql in queries.items():
            rel = con.execute(sql)
            cols = [d[0] for d in rel.description]
            rows = rel.fetchall()
            table = Table(title=title)
            for c in cols:
                table.add_column(c)
            for row in rows:
                table.add_row(*("" if v is None else str(v) for v in row))
            console.print(table)
    finally:
        con.close()


@app.command("eval")
def eval_(
    gold_dir: Path | None = typer.Argument(None, help="Folder of documents with <stem>.gold.json beside them. "
                                           "Without it: the synthetic dev corpus and the real documents."),
    db: Path | None = typer.Option(None, "--db", help="Database to ingest GOLD_DIR into (default: a temporary one)."),
    json_out: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    real: Path | None = typer.Option(None, "--real", help="Real documents (default: ../shared/real)."),
    dev: Path | None = typer.Option(None, "--dev", help="Synthetic gold folder (default: ../shared/corpus/dev)."),
    outcomes: Path | None = typer.Option(None, "--outcomes",
                                         help="Hand-judged outcomes CSV (default: tests/gold/real/outcomes.csv)."),
) -> None:
    """Score extraction against gold (precision, recall, accuracy per field).

    Without GOLD_DIR: two reports apart, the SYNTHETIC dev corpus and the REAL documents of
    ../shared/real per source and path (gold from each source's own structure, outcomes by hand).

    Example: minutes eval            (synthetic and real)
    Example: minutes eval ../shared/corpus/dev
    """
    from pipeline.evaluate import default_dev_dir, default_real_dir, eval_both_command, eval_command

    if gold_dir is None:
        raise typer.Exit(eval_both_command(dev or default_dev_dir(), real or default_real_dir(), outcomes, json_out))
    if not gold_dir.is_dir():
        err.print(f"[red]error:[/red] not a folder: {gold_dir}")
        raise typer.Exit(2)
    raise typer.Exit(eval_command(gold_dir, db, json_out))


@app.command("eval-text-layer")
def eval_text_layer(
    pdfs: list[Path] = typer.Argument(..., help="CaseM PDFs (or folders of them) that embed their source HTML."),
    json_out: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Agreement (NOT accuracy) between our two CaseM paths: page text vs the embedded HTML.

    Both paths share the segmenter and classifiers: a high figure says they agree, not that
    either is right. Accuracy on real documents: `minutes eval` without a folder.

    Example: minutes eval-text-layer ../shared/real/lapua
    """
    from pipeline.evaluate import text_layer_command

    raise typer.Exit(text_layer_command(pdfs, json_out))


from pipeline.harvest.cli import harvest_cli  # noqa: E402 - registered after the core commands

app.command("harvest")(harvest_cli)

from pipeline import research_cli  # noqa: E402 - the researcher's commands (issue 12)

app.command("search")(research_cli.search_cli)
app.command("export")(research_cli.export_cli)
app.command("serve")(research_cli.serve_cli)
app.command("report")(research_cli.report_cli)
app.command("enrich")(research_cli.enrich_cli)


def main() -> None:  # pragma: no cover - console entry point alias
    app()


if __name__ == "__main__":  # pragma: no cover
    app()
