"""Measure the publish step at a given database size: `python -m pipeline.bench_publish 1 [10]` (GB).

Builds a synthetic database in a temporary folder (rows shaped like agenda_items and
item_sections with random text, so it does not compress to nothing), then times the ways of
making the private copy a writer works on: a byte copy, `cp --reflink=auto`, and DuckDB
`ATTACH` + `COPY FROM DATABASE`; and the publish itself (CHECKPOINT + fsync + rename).
Figures go to stdout as JSON; docs/operations.md records them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from pipeline.publish import publish


def build(path: Path, gigabytes: float) -> None:
    """Insert synthetic rows until the file reaches the size asked for."""
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE item_sections (doc_id VARCHAR, item_id VARCHAR, n INTEGER, text VARCHAR)")
    batch = 0
    while path.stat().st_size < gigabytes * 1e9:
        con.execute(f"""INSERT INTO item_sections SELECT md5(({batch} * 1000000 + i)::VARCHAR),
            'kunta/hallitus/2024-01-01/' || (i % 400), i::INTEGER,
            repeat(md5(random()::VARCHAR) || ' päätösehdotus ', 12)
            FROM range(1000000) t(i)""")
        con.execute("CHECKPOINT")
        batch += 1
    con.close()


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return round(time.perf_counter() - t0, 2)


def drop_cache(path: Path) -> None:
    """Evict the file from the page cache so copies read from disk as a nightly run would."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


def measure(gigabytes: float, folder: Path) -> dict:
    src = folder / "published.duckdb"
    build_s = timed(lambda: build(src, gigabytes))
    out: dict = {"gb": round(src.stat().st_size / 1e9, 2), "build_s": build_s}
    dst = folder / "copy.duckdb"

    def attach_copy() -> None:
        con = duckdb.connect()
        con.execute(f"ATTACH '{src}' AS pub (READ_ONLY)")
        con.execute(f"ATTACH '{dst}' AS priv")
        con.execute("COPY FROM DATABASE pub TO priv")
        con.close()

    for name, fn in (("plain_copy_s", lambda: shutil.copyfile(src, dst)),
                     ("cp_reflink_auto_s", lambda: subprocess.run(["cp", "--reflink=auto", str(src), str(dst)],
                                                                  check=True)),
                     ("attach_copy_from_database_s", attach_copy)):
        dst.unlink(missing_ok=True)
        drop_cache(src)
        out[name] = timed(fn)
    out["copy_gb"] = round(dst.stat().st_size / 1e9, 2)
    out["publish_checkpoint_fsync_rename_s"] = timed(lambda: publish(dst, folder / "published2.duckdb"))
    return out


def main(argv: list[str]) -> None:
    sizes = [float(a) for a in argv] or [1.0]
    fs = subprocess.run(["df", "-T", tempfile.gettempdir()], capture_output=True, text=True).stdout.split("\n")[1]
    for gb in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            print(json.dumps({"filesystem": fs.split()[1], **measure(gb, Path(tmp))}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
