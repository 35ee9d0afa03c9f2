"""`minutes ingest --executor dask`: parse documents on a dask.distributed cluster, write locally.

The work per document is the same as on one machine: on the Dask worker, the document is parsed
in a child process of that worker's own fork server, with the same time and memory limits
(`pipeline.ingest.run_parsers`), and its extraction (as columns, `pipeline.storage.Packed`) comes
back to this process, the only writer, which loads it into DuckDB in one transaction. The file's
bytes travel with the task, so workers need the package but not the input files. At most a few
tasks per worker thread are in flight, so memory stays bounded whatever the batch size.

Failure model: a worker killed mid-task (kill -9, OOM) is noticed by the scheduler, which runs
the task again elsewhere; a document that kills `ALLOWED_FAILURES` workers in a row is recorded
as failed. The writer is `pipeline.ingest.ingest_into`, as with the local executor: it commits one
document at a time, so if it dies the next run adopts its private copy (pipeline/publish.py), skips
what was committed (by sha256) and parses the rest: nothing lost, nothing twice.

Dask workers run as daemonic processes by default, and daemonic processes may not start
children: start them with `DASK_DISTRIBUTED__WORKER__DAEMON=False` (see docs/scale.md).
"""

from __future__ import annotations

import dataclasses
import itertools
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

from extractors.records import Extraction
from pipeline.storage import Packed

IN_FLIGHT_PER_THREAD = 2  # queued tasks per worker thread: enough to keep workers busy


def parse_on_worker(data: bytes, source: str, file_name: str, municipality: str | None, timeout: float,
                    memory_mb: int, use_ocr: bool, embedded_html: bool) -> tuple[Extraction | Packed, float | None]:
    """Runs on a Dask worker: parse one document's bytes in a limited child process."""
    from pipeline.ingest import run_parsers

    with tempfile.TemporaryDirectory(prefix="fi-minutes-") as tmp:
        path = Path(tmp) / file_name
        path.write_bytes(data)
        ((_, extraction, _, peak),) = list(run_parsers([path], 1, municipality, timeout, memory_mb, use_ocr,
                                                       embedded_html))
    return dataclasses.replace(extraction, document=dataclasses.replace(extraction.document, source=source)), peak


def check_workers(client) -> None:  # noqa: ANN001 - distributed.Client
    """Workers must be able to start the per-document child processes (not daemonic)."""
    import multiprocessing as mp

    daemonic = [addr for addr, flag in client.run(lambda: mp.current_process().daemon).items() if flag]
    if daemonic:
        raise RuntimeError(f"Dask workers {', '.join(sorted(daemonic))} run as daemonic processes and cannot "
                           "start the per-document parser processes: start them with "
                           "DASK_DISTRIBUTED__WORKER__DAEMON=False (see docs/scale.md)")


def run_parsers_dask(paths: list[Path], scheduler: str, municipality: str | None, timeout: float,
                     memory_mb: int, use_ocr: bool, embedded_html: bool
                     ) -> Iterator[tuple[Path, Extraction | Packed, float, float | None]]:
    """Parse documents on the cluster at `scheduler`, yielding (path, extraction, seconds, peak RSS MB)
    as each finishes, like `pipeline.ingest.run_parsers`."""
    from distributed import Client, as_completed

    from pipeline.ingest import failed_path

    with Client(scheduler, set_as_default=False) as client:
        check_workers(client)
        window = max(2, IN_FLIGHT_PER_THREAD * sum(client.nthreads().values()))
        pending = enumerate(paths)
        run = uuid.uuid4().hex[:12]  # keys unique on a shared scheduler: same names in many folders and runs
        started: dict[str, tuple[Path, float]] = {}

        def submit(count: int) -> list:
            futures = []
            for number, path in itertools.islice(pending, count):
                future = client.submit(parse_on_worker, path.read_bytes(), str(path), path.name, municipality,
                                       timeout, memory_mb, use_ocr, embedded_html, pure=False,
                                       key=f"parse-{run}-{number}-{path.name}")
                started[future.key] = (path, time.monotonic())
                futures.append(future)
            return futures

        first = submit(window)
        if not first:
            return
        queue = as_completed(first, loop=client.loop)
        for future in queue:
            path, start = started.pop(future.key)
            try:
                extraction, peak = future.result()
            except Exception as exc:  # noqa: BLE001 - KilledWorker and the like: recorded, the batch goes on
                extraction, peak = failed_path(path, f"worker failed: {type(exc).__name__}: {exc}"), None
            future.release()
            yield path, extraction, time.monotonic() - start, peak
            queue.update(submit(1))

