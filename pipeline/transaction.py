"""One DuckDB transaction as a `with` block: committed when the block ends, rolled back when it
raises (Ctrl-C included), so that a batch step is applied whole or not at all."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import duckdb


@contextlib.contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
        con.execute("COMMIT")
    except BaseException:
        # a Ctrl-C may land inside COMMIT (already done) or before BEGIN took effect: then there is
        # nothing to roll back, and the interrupt, not DuckDB's complaint, is what the caller must see
        with contextlib.suppress(duckdb.TransactionException):
            con.execute("ROLLBACK")
        raise
