"""The one-transaction block used by the writer, relink and supersede."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipeline.transaction import transaction


def test_a_failure_rolls_the_block_back_and_an_interrupt_stays_an_interrupt(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "t.duckdb"))
    con.execute("CREATE TABLE t (a INTEGER)")
    with pytest.raises(ValueError):
        with transaction(con):
            con.execute("INSERT INTO t VALUES (1)")
            raise ValueError("a stage failed")
    assert con.execute("SELECT count(*) FROM t").fetchone() == (0,)
    # Ctrl-C landing after the transaction already ended: nothing to roll back, and the caller
    # still sees KeyboardInterrupt (not DuckDB's 'no transaction is active')
    with pytest.raises(KeyboardInterrupt):
        with transaction(con):
            con.execute("INSERT INTO t VALUES (2)")
            con.execute("COMMIT")
            raise KeyboardInterrupt
    assert con.execute("SELECT count(*) FROM t").fetchone() == (1,)
