"""docs/schema.md documents the database exactly, and README.md documents every `minutes` command.

The schema is generated from the records in `extractors/records.py`; anyone may add a field, and
researchers read docs/schema.md. These tests make an undocumented column, a stale one, or a
changed type fail instead of drifting (the habit of sqlite-utils' tests/test_docs.py). The layout
they parse: one `## name` heading per table or view followed by a `| column | type | meaning |`
table listing every column.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extractors import records as R
from extractors import vocab
from extractors.goals.themes import THEME_NAMES
from pipeline.schema import table_columns
from pipeline.storage import connect
from pipeline.views import VIEWS

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_DOC = ROOT / "docs" / "schema.md"
README = ROOT / "README.md"

_TABLE_HEADING = re.compile(r"^## ([a-z][a-z0-9_]*)\s*$")
_COLUMN_ROW = re.compile(r"^\|\s*([a-z][a-z0-9_]*)\s*\|\s*([A-Z][A-Z0-9_\[\]() ,]*?)\s*\|")
_COLUMNS_HEADER = re.compile(r"^\|\s*column\s*\|\s*type\s*\|\s*meaning\s*\|\s*$")


def documented_tables(text: str) -> dict[str, dict[str, str]]:
    """table -> {column: type} from the `## table` sections of the schema page."""
    tables: dict[str, dict[str, str]] = {}
    headers: set[str] = set()
    current: str | None = None
    for line in text.splitlines():
        heading = _TABLE_HEADING.match(line)
        if heading:
            current = heading[1]
            assert current not in tables, f"docs/schema.md documents {current!r} twice"
            tables[current] = {}
            continue
        if line.startswith("#"):
            current = None
            continue
        if current is None:
            continue
        if _COLUMNS_HEADER.match(line):
            headers.add(current)
            continue
        row = _COLUMN_ROW.match(line)
        if row:
            column, typ = row[1], row[2]
            assert column not in tables[current], f"docs/schema.md lists {current}.{column} twice"
            tables[current][column] = typ
    missing_header = sorted(set(tables) - headers)
    assert not missing_header, f"sections without a '| column | type | meaning |' table: {missing_header}"
    return tables


@pytest.fixture(scope="module")
def documented() -> dict[str, dict[str, str]]:
    return documented_tables(SCHEMA_DOC.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def fresh_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real DuckDB file created by the pipeline's own `connect` (tables, extra tables, views)."""
    path = tmp_path_factory.mktemp("schema") / "schema.duckdb"
    connect(path).close()
    return path


@pytest.fixture(scope="module")
def database_columns(fresh_db: Path) -> dict[str, dict[str, str]]:
    """table or view -> {column: type} of a freshly created database (extra tables and views too)."""
    con = connect(fresh_db, read_only=True)
    try:
        rows = con.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = 'main' ORDER BY table_name, ordinal_position").fetchall()
    finally:
        con.close()
    out: dict[str, dict[str, str]] = {}
    for table, column, typ in rows:
        out.setdefault(table, {})[column] = typ
    return out


def _diff(table: str, actual: dict[str, str], written: dict[str, str]) -> list[str]:
    problems = [f"{table}.{c} ({t}) is not documented" for c, t in actual.items() if c not in written]
    problems += [f"{table}.{c} is documented but does not exist" for c in written if c not in actual]
    problems += [f"{table}.{c} is {actual[c]} but documented as {written[c]}"
                 for c in written if c in actual and written[c] != actual[c]]
    return problems


@pytest.mark.parametrize("record_type", R.TABLE_RECORDS, ids=lambda t: t.TABLE)
def test_every_record_table_is_documented_with_its_types(record_type: type, documented) -> None:
    table = record_type.TABLE
    assert table in documented, f"docs/schema.md has no '## {table}' section"
    problems = _diff(table, dict(table_columns(record_type)), documented[table])
    assert not problems, "docs/schema.md disagrees with extractors/records.py:\n" + "\n".join(problems)


def test_database_tables_and_views_match_the_docs(documented, database_columns) -> None:
    """Everything a fresh database holds (extra tables and views too) is documented, nothing more."""
    assert set(VIEWS) <= set(database_columns), "a view is missing from the fresh database"
    problems = [f"table or view {t!r} is not documented" for t in database_columns if t not in documented]
    problems += [f"'## {t}' is documented but no such table or view exists"
                 for t in documented if t not in database_columns]
    for table in set(documented) & set(database_columns):
        problems += _diff(table, database_columns[table], documented[table])
    assert not problems, "docs/schema.md disagrees with the database:\n" + "\n".join(problems)


def test_example_queries_run(fresh_db: Path) -> None:
    """Every ```sql example in docs/schema.md binds and runs against the real schema."""
    queries = re.findall(r"```sql\n(.*?)```", SCHEMA_DOC.read_text(encoding="utf-8"), re.S)
    assert len(queries) >= 5
    con = connect(fresh_db, read_only=True)
    try:
        for query in queries:
            con.execute(query).fetchall()
    finally:
        con.close()


VOCABULARIES: dict[str, tuple[str, ...]] = {
    "item_sections.kind": vocab.SECTION_KINDS,
    "decisions.outcome": vocab.OUTCOMES,
    "attendees.role_norm": vocab.ROLE_NORMS,
    "documents.kind": vocab.DOCUMENT_KINDS,
    "followups.status": vocab.FOLLOWUP_STATUSES,
    "goals.theme": THEME_NAMES,
    "decision_entities.kind": vocab.ENTITY_KINDS,
}


@pytest.mark.parametrize("column", VOCABULARIES)
def test_vocabularies_are_documented(column: str) -> None:
    """Each controlled value appears in the column's row of the Vocabularies table."""
    text = SCHEMA_DOC.read_text(encoding="utf-8")
    row = next((ln for ln in text.splitlines() if ln.startswith(f"| `{column}` |")), None)
    assert row is not None, f"docs/schema.md has no vocabulary row for {column}"
    missing = [v for v in VOCABULARIES[column] if f"`{v}`" not in row]
    assert not missing, f"{column} values missing from docs/schema.md: {missing}"


def test_documented_tables_parser_catches_drift() -> None:
    """The parser itself: a stale column, a wrong type and a missing column are all reported."""
    page = "## t\n\n| column | type | meaning |\n| --- | --- | --- |\n| a | VARCHAR | x |\n| b | INTEGER | y |\n"
    written = documented_tables(page)["t"]
    assert written == {"a": "VARCHAR", "b": "INTEGER"}
    problems = _diff("t", {"a": "DATE", "c": "VARCHAR[]"}, written)
    assert problems == ["t.c (VARCHAR[]) is not documented", "t.b is documented but does not exist",
                        "t.a is DATE but documented as VARCHAR"]


def test_every_cli_command_is_in_readme(cli_commands: list[tuple[str, ...]]) -> None:
    paths = [("minutes", *p) for p in cli_commands]
    assert README.exists(), "README.md is missing"
    readme = README.read_text(encoding="utf-8")
    missing = [" ".join(p) for p in paths
               if not re.search(r"(?<![\w-])" + r"\s+".join(map(re.escape, p)) + r"(?![\w-])", readme)]
    assert not missing, f"commands not mentioned in README.md: {missing}"
