"""The researcher's commands (issue 12): search, export, serve, report, enrich.

Thin typer wrappers over pipeline/search.py, export.py, serve.py, report.py and enrich.py,
registered in pipeline/cli.py. Commands that only read open the database read-only, so they can
run while an ingest holds it... as far as DuckDB allows; a missing database is a usage error (2).
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from pipeline.cli_support import QuietOption, VersionOption, silenced
from pipeline.storage import DEFAULT_DB

console = Console()
err = Console(stderr=True)
DbOption = typer.Option(DEFAULT_DB, "--db", help="DuckDB database file.")


def _require_db(db: Path) -> None:
    if not db.is_file():
        err.print(f"[red]error:[/red] no database at {db} (run `minutes ingest` first)")
        raise typer.Exit(2)


def search_cli(
    text: str = typer.Argument(..., help="Words to look for; each matches its inflected forms and compounds."),
    db: Path = DbOption,
    municipality: str | None = typer.Option(None, "--municipality", help="Only this municipality."),
    body: str | None = typer.Option(None, "--body", help="Only this body (e.g. Sivistyslautakunta)."),
    year: int | None = typer.Option(None, "--year", help="Only meetings of this year."),
    kind: str | None = typer.Option(None, "--kind", help="Only sections of this kind (paatos, selostus, ...)."),
    limit: int = typer.Option(20, "--limit", min=1, help="At most this many hits."),
    json_out: bool = typer.Option(False, "--json", help="Print the hits as JSON."),
    quiet: bool = QuietOption,
    version: bool = VersionOption,
) -> None:
    """Search section texts, ranked by BM25 over Voikko baseforms and compound parts.

    With --quiet nothing is printed and the exit code says whether anything matched (0 yes, 1 no).

    Example: minutes search koulukuljetus --year 2025 --kind paatos
    """
    from pipeline.search import search

    _require_db(db)
    hits = search(db, text, municipality=municipality, body=body, year=year, kind=kind, limit=limit)
    if json_out:
        console.print_json(json.dumps([asdict(h) for h in hits], default=str, ensure_ascii=False))
        return
    if quiet:  # like grep -q: the exit code says whether anything matched
        raise typer.Exit(0 if hits else 1)
    if not hits:
        console.print(f"no sections match {text!r}")
        return
    for n, h in enumerate(hits, 1):
        snippet = escape(h.snippet)
        if console.is_terminal:  # colour marks the match; in a pipe the «» stay
            snippet = snippet.replace("«", "[bold yellow]").replace("»", "[/bold yellow]")
        section = f"§ {h.section_number}" if h.section_number is not None else "§ ?"
        console.print(f"[bold]{n}.[/bold] {h.score:.2f}  {escape(h.municipality or '?')} · {escape(h.body or '?')} · "
                      f"{h.meeting_date or '?'} · {section} {escape(h.title or '')} [dim]({h.section_kind})[/dim]")
        console.print(f"   {snippet}")
        console.print(f"   [dim]document {h.doc_id[:16]} page {h.page if h.page is not None else '?'}[/dim]")


def export_cli(
    fmt: str = typer.Option(..., "--format", help="csv | parquet | xlsx | sqlite"),
    out: Path = typer.Option(..., "--out", help="Folder (csv, parquet) or file (xlsx, sqlite) to write."),
    tables: str | None = typer.Option(None, "--tables", help="Comma-separated tables/views (default: all)."),
    db: Path = DbOption,
    json_out: bool = typer.Option(False, "--json", help="Print the files written as JSON: path and bytes."),
    quiet: bool = QuietOption,
    version: bool = VersionOption,
) -> None:
    """Export tables and views with their column descriptions from docs/schema.md.

    Example: minutes export --format xlsx --out minutes.xlsx --tables decisions,v_items
    """
    from pipeline.export import FORMATS, ExportError, export

    _require_db(db)
    if fmt not in FORMATS:
        err.print(f"[red]error:[/red] --format must be one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    chosen = [t.strip() for t in tables.split(",") if t.strip()] if tables else None
    try:
        written = export(db, fmt, out, chosen)
    except ExportError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    except Exception as exc:  # noqa: BLE001 - fatal: say why, exit 1
        err.print(f"[red]fatal:[/red] {type(exc).__name__}: {exc}")
        raise typer.Exit(1) from exc
    _print_written(written, json_out, quiet)


def _print_written(paths: list[Path], json_out: bool, quiet: bool) -> None:
    """What export and report wrote: size and path per line, or JSON."""
    if json_out:
        print(json.dumps([{"path": str(p), "bytes": p.stat().st_size} for p in paths], ensure_ascii=False))
        return
    with silenced(quiet):
        for path in paths:
            console.print(f"{path.stat().st_size:>10}  {path}")


def serve_cli(
    db: Path = DbOption,
    port: int = typer.Option(8001, "--port", help="Port to listen on."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    quiet: bool = QuietOption,
    version: bool = VersionOption,
) -> None:
    """Browse the data in Datasette: descriptions, facets and the researcher's questions as queries.

    Example: minutes serve --port 8001
    """
    from pipeline.serve import serve

    _require_db(db)
    if not quiet:
        console.print(f"serving {db} on http://{host}:{port}/ (Ctrl-C stops)")
    serve(db, host=host, port=port)


def report_cli(
    out: Path = typer.Option(..., "--out", help="HTML file to write."),
    municipality: str | None = typer.Option(None, "--municipality", help="Only this municipality."),
    db: Path = DbOption,
    json_out: bool = typer.Option(False, "--json", help="Print the file written as JSON: path and bytes."),
    quiet: bool = QuietOption,
    version: bool = VersionOption,
) -> None:
    """Write one self-contained HTML page of charts (opens offline): decisions, votes, goals, budgets.

    Example: minutes report --out report.html --municipality Ylöjärvi
    """
    from pipeline.report import build_report

    _require_db(db)
    try:
        path = build_report(db, out, municipality)
    except Exception as exc:  # noqa: BLE001 - fatal: say why, exit 1
        err.print(f"[red]fatal:[/red] {type(exc).__name__}: {exc}")
        raise typer.Exit(1) from exc
    _print_written([path], json_out, quiet)


def enrich_cli(
    db: Path = DbOption,
    force: bool = typer.Option(False, "--force", help="Extract again for every item, not only new ones."),
    json_out: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
    quiet: bool = QuietOption,
    version: bool = VersionOption,
) -> None:
    """Find organisations, people, places, euro amounts and dates in proposals and decisions.

    Runs after ingest (the nightly harvest calls it too) on a private copy published when it
    ends, so readers are never blocked; re-running only reads items not enriched yet. Writes
    `decision_entities`. Exit codes: 0 ok, 3 database busy, 2 usage, 1 fatal, 130 interrupted.

    Example: minutes enrich --db data/processed/minutes.duckdb
    """
    from pipeline.cli_support import EXIT_BUSY, EXIT_FATAL, EXIT_INTERRUPTED
    from pipeline.enrich import ModelMissing, enrich
    from pipeline.publish import DatabaseBusy, DatabaseError

    _require_db(db)
    try:
        report = enrich(db, force=force)
    except KeyboardInterrupt:
        err.print("interrupted; the items enriched so far are saved, run again to continue")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except DatabaseError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(EXIT_BUSY if isinstance(exc, DatabaseBusy) else EXIT_FATAL) from None
    except ModelMissing as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(EXIT_FATAL) from None
    except Exception as exc:  # noqa: BLE001 - fatal: say why, exit 1
        err.print(f"[red]fatal:[/red] {type(exc).__name__}: {exc}")
        raise typer.Exit(EXIT_FATAL) from exc
    if json_out:
        console.print_json(json.dumps(asdict(report)))
        return
    if quiet:
        return
    kinds = ", ".join(f"{n} {k}" for k, n in sorted(report.by_kind.items())) or "none"
    console.print(f"enriched {report.items} items ({report.sections} sections) in {report.seconds:.1f} s: "
                  f"{report.entities} entities ({kinds}); {report.skipped} items were already enriched")
