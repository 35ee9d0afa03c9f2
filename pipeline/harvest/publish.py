"""Extra copies for readers after a harvest: a snapshot file and a Parquet export.

The main database is itself published atomically (pipeline/publish.py); the snapshot and the
Parquet export remain for readers that used them.

DuckDB lets one process write a database file and no other process open it meanwhile, so
researchers do not read the file the nightly job writes. After a run the harvest checkpoints
and closes the main database, copies it to a temporary file beside the snapshot and renames it
over `<db>.snapshot.duckdb` with os.replace (atomic on POSIX): a reader that opened the old
snapshot keeps reading the old file until it closes it, a new reader gets the new one, and
nobody ever sees half a document. The Parquet export is written to a new folder
`parquet-<stamp>/` and published by atomically replacing the symlink `parquet` that points at
it; the previous export is kept for readers still using it, older ones are removed.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import duckdb

KEEP_EXPORTS = 2


def snapshot_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.stem + ".snapshot.duckdb")


def parquet_link(db_path: Path) -> Path:
    return db_path.parent / "parquet"


def publish_snapshot(db_path: Path, now: dt.datetime | None = None, parquet: bool = True) -> Path:
    """Copy the published database (checkpointed by pipeline/publish.py; never opened read-write
    here, readers may hold it) to the read-only snapshot, then export Parquet."""
    db_path = Path(db_path)
    target = snapshot_path(db_path)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    shutil.copyfile(db_path, tmp)
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, target)
    if parquet:
        export_parquet(target, parquet_link(db_path), now or dt.datetime.now())
    return target


def export_parquet(snapshot: Path, link: Path, now: dt.datetime) -> Path:
    folder = link.parent / f"parquet-{now:%Y%m%dT%H%M%S}-{os.getpid()}"
    con = duckdb.connect(str(snapshot), read_only=True)
    try:
        con.execute(f"EXPORT DATABASE '{folder}' (FORMAT parquet)")
    finally:
        con.close()
    tmp_link = link.with_name(f".{link.name}.{os.getpid()}.tmp")
    if tmp_link.is_symlink() or tmp_link.exists():
        tmp_link.unlink()
    tmp_link.symlink_to(folder.name)
    os.replace(tmp_link, link)
    exports = sorted(p for p in link.parent.glob("parquet-*") if p.is_dir())
    for old in exports[:-KEEP_EXPORTS]:
        if old != folder:
            shutil.rmtree(old, ignore_errors=True)
    return folder
