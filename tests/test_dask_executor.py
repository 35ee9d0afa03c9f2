"""The Dask executor on a real LocalCluster (127.0.0.1, several worker processes): same rows as the
local executor, a worker killed mid-task loses and duplicates nothing, and so does a killed writer."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import dask
import pytest
from distributed import Client, LocalCluster

from pipeline.ingest import ingest_paths
from tests.dbcheck import check_whole, table_rows
from tests.pdfmaker import minutes_pdf

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def cluster():
    with dask.config.set({"distributed.worker.daemon": False}):
        with LocalCluster(n_workers=3, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address=":0", memory_limit="2GiB") as local:
            yield local


def batch(folder: Path, count: int) -> Path:
    folder.mkdir()
    for n in range(count):
        minutes_pdf(folder / f"m{n:02d}.pdf", items=[(n + 1, f"Asia numero {n}", "Hyväksyttiin."),
                                                     (n + 2, "Lausunto", "Asia palautettiin.")])
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<>> garbage")
    return folder


@pytest.mark.slow
def test_dask_gives_the_rows_of_the_local_executor(tmp_path: Path, cluster) -> None:
    src = batch(tmp_path / "in", 6)
    local = ingest_paths([src], tmp_path / "local.duckdb", workers=2)
    remote = ingest_paths([src], tmp_path / "dask.duckdb", executor="dask", scheduler=cluster.scheduler_address)
    assert sorted((r.path.name, r.status) for r in remote.results) == \
        sorted((r.path.name, r.status) for r in local.results)
    assert [r.status for r in remote.results].count("failed") == 1
    assert table_rows(tmp_path / "dask.duckdb") == table_rows(tmp_path / "local.duckdb")
    again = ingest_paths([src], tmp_path / "dask.duckdb", executor="dask", scheduler=cluster.scheduler_address)
    assert again.count("unchanged") == 6  # the corrupt file is parsed again, the rest skipped


@pytest.mark.slow
def test_a_worker_killed_mid_task_loses_and_duplicates_nothing(tmp_path: Path, cluster) -> None:
    src = batch(tmp_path / "in", 12)
    killed: list[int] = []
    with Client(cluster.scheduler_address, set_as_default=False) as observer:

        def kill_a_busy_worker(_result) -> None:
            if killed:
                return
            busy = [addr for addr, keys in observer.processing().items() if keys]
            if busy:
                pid = observer.run(os.getpid, workers=[busy[0]])[busy[0]]
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)

        report = ingest_paths([src], tmp_path / "dask.duckdb", executor="dask",
                              scheduler=cluster.scheduler_address, progress=kill_a_busy_worker)
        observer.wait_for_workers(3, timeout=60)  # the nanny restarts the killed worker
    assert killed
    assert sorted(r.status for r in report.results).count("ok") == 12
    ingest_paths([src], tmp_path / "local.duckdb", workers=2)
    assert table_rows(tmp_path / "dask.duckdb") == table_rows(tmp_path / "local.duckdb")


@pytest.mark.slow
def test_a_killed_writer_loses_and_duplicates_nothing(tmp_path: Path, cluster) -> None:
    src = batch(tmp_path / "in", 10)
    db = tmp_path / "dask.duckdb"
    code = ("from pipeline.ingest import ingest_paths; "
            f"ingest_paths([{str(src)!r}], {str(db)!r}, executor='dask', scheduler={cluster.scheduler_address!r}, "
            "progress=lambda r: print(r.status, flush=True))")
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    said = []
    while len(said) < 3 and (line := proc.stdout.readline()):
        said.append(line.strip())
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert len(said) == 3 and not db.exists()  # nothing published: readers never see a run by halves
    report = ingest_paths([src], db, executor="dask", scheduler=cluster.scheduler_address)
    saved = sum(1 for s in said if s in ("ok", "partial"))
    assert report.count("unchanged") >= saved  # the killed writer's committed documents were adopted
    assert sorted(r.status for r in report.results).count("failed") == 1
    assert check_whole(db) == 11
    ingest_paths([src], tmp_path / "local.duckdb", workers=2)
    assert table_rows(db) == table_rows(tmp_path / "local.duckdb")
