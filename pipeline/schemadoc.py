"""Table and column descriptions read from docs/schema.md, for exports and Datasette's metadata.

docs/schema.md is where the meaning of every column is written (tests/test_schema_docs.py keeps
it true to the database), so exports carry those words instead of a second copy: a `## name`
heading per table or view, a paragraph that describes it, then `| column | type | meaning |` rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

SCHEMA_DOC = Path(__file__).resolve().parents[1] / "docs" / "schema.md"

_ROW = re.compile(r"^\|\s*([a-z][a-z0-9_]*)\s*\|\s*([^|]+?)\s*\|\s*(.*?)\s*\|\s*$")


@dataclass
class TableDoc:
    description: str = ""
    columns: dict[str, str] = field(default_factory=dict)  # column -> meaning
    types: dict[str, str] = field(default_factory=dict)  # column -> documented SQL type


def _plain(markdown: str) -> str:
    """Markdown table cell or paragraph as plain text (`code`, escaped pipes, **bold** undone)."""
    return re.sub(r"\*\*|`", "", markdown.replace("\\|", "|")).strip()


@cache
def table_docs(path: Path = SCHEMA_DOC) -> dict[str, TableDoc]:
    """table or view name -> its description and column meanings."""
    docs: dict[str, TableDoc] = {}
    for block in re.split(r"^## ", path.read_text(encoding="utf-8"), flags=re.M)[1:]:
        name, _, body = block.partition("\n")
        if not re.fullmatch(r"[a-z][a-z0-9_]*", name.strip()):
            continue
        body = body.split("\n#", 1)[0]  # a deeper heading ends the table's part
        doc = docs[name.strip()] = TableDoc()
        prose = [ln.strip() for ln in body.split("\n| column |", 1)[0].splitlines() if ln.strip()]
        doc.description = _plain(" ".join(ln for ln in prose if not ln.startswith("|")))
        for row in filter(None, map(_ROW.match, body.splitlines())):
            if row[1] != "column":
                doc.columns[row[1]] = _plain(row[3])
                doc.types[row[1]] = row[2]
    return docs
