"""`make bench`: whole-process `minutes ingest` beside raw pypdfium2 text extraction, in one run.

Users pay for the whole run (interpreter start, imports, fork server, parsing, DuckDB writes), so
every figure here is a cold process timed from outside, and each ingest is set against raw
pypdfium2 text extraction of the same files measured in the same run, alternately, so that a
loaded machine slows both sides alike. Batches of the size of a real one (≈ 100 documents,
≈ 3,000 pages) are built in a temporary folder from the real born-digital CaseM minutes: copies whose
bytes differ (a different sha256, so nothing is skipped as unchanged) and whose embedded CaseM
HTML is renamed away (so the page-text path is measured, as for minutes without it). Peak memory
is the largest sum of RSS over the ingest process tree (shared pages counted in every process,
so an upper bound); CPU seconds are those of the whole tree (this process is made a subreaper and
reaps every descendant), so that a loaded machine's figures can still be compared per CPU second.
Results go to data/processed/bench.json.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REAL_MINUTES = SHARED / "real" / "lapua"  # born-digital CaseM minutes that embed their HTML
REAL_LONG = SHARED / "real" / "kauhava"  # a 158-page born-digital financial statement
CASEM_KEY = b"/casem-source-html_"
HIDDEN_KEY = b"/casem-ignore-html_"  # same length: the PDF's cross-reference offsets stay valid
BIN = Path(sys.executable).parent
REPEATS = 2

_RAW_SCRIPT = """
import sys, pathlib, pypdfium2 as pdfium
pages = 0
for path in sorted(pathlib.Path(sys.argv[1]).rglob('*.pdf')):
    pdf = pdfium.PdfDocument(str(path))
    for page in pdf:
        tp = page.get_textpage(); tp.get_text_range(); tp.close(); page.close(); pages += 1
    pdf.close()
print(pages)
"""


def make_batch(dest: Path, sources: list[Path], count: int, hide_html: bool = True, first: int = 0) -> list[Path]:
    """`count` PDFs cycled from `sources`, each copy with its own bytes (a trailing comment)."""
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for n in range(first, first + count):
        src = sources[n % len(sources)]
        data = src.read_bytes()
        if hide_html:
            data = data.replace(CASEM_KEY, HIDDEN_KEY)
        path = dest / f"{n:03d}-{src.name}"
        path.write_bytes(data + f"\n%fi-minutes bench copy {n}\n".encode())
        out.append(path)
    return out


def _tree_usage(pid: int, cpu: dict[int, float]) -> float:
    """Sum of RSS (MB) over a process and its descendants, from /proc; records each one's CPU
    seconds so far in ``cpu`` (sampled: a process that lives less than a sample is missed)."""
    total, stack = 0, [pid]
    tick = os.sysconf("SC_CLK_TCK")
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/statm") as fh:
                total += int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            with open(f"/proc/{p}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            cpu[p] = (int(fields[11]) + int(fields[12])) / tick
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError, IndexError):
            continue
    return total / 2**20


def _become_subreaper() -> bool:
    """Orphaned descendants (the fork server outlives the ingest by a moment) are re-parented to
    this process, so that their CPU time is counted in RUSAGE_CHILDREN once they are reaped."""
    import ctypes

    try:
        return ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        return False


def _reap_orphans(grace_s: float = 2.0) -> None:
    deadline = time.monotonic() + grace_s
    while time.monotonic() < deadline:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            time.sleep(0.05)


def timed(cmd: list[str], capture: bool = False) -> dict:
    """Wall seconds and peak tree RSS of a command run as a fresh process (its
    stdout kept when ``capture``)."""
    peak = [0.0]
    cpu: dict[int, float] = {}
    done = threading.Event()
    exact = _become_subreaper()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, text=True)

    def sample() -> None:  # never reaps the child: only os.wait4 below does
        while not done.is_set():
            peak[0] = max(peak[0], _tree_usage(proc.pid, cpu))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out = proc.stdout.read() if proc.stdout else ""
    _, status, _ = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    if exact:
        _reap_orphans()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = {0: after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime}
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}")
    return {"seconds": round(seconds, 3), "cpu_s": round(sum(cpu.values()), 2), "peak_rss_mb": round(peak[0], 1),
            "stdout": out}


def raw_run(folder: Path) -> dict:
    run = timed([sys.executable, "-c", _RAW_SCRIPT, str(folder)], capture=True)
    run["pages"] = int(run.pop("stdout").split()[-1])
    return run


def ingest_run(folder: Path, db: Path, workers: int = 2, extra: tuple[str, ...] = (), fresh: bool = True) -> dict:
    if fresh:
        db.unlink(missing_ok=True)
    run = timed([str(BIN / "minutes"), "ingest", str(folder), "--db", str(db), "--workers", str(workers),
                 *extra])
    run.pop("stdout")
    import duckdb  # noqa: PLC0415 - only the bench parent reads the result

    con = duckdb.connect(str(db), read_only=True)
    try:
        run["documents"], run["pages"], run["failed"] = con.execute(
            "SELECT count(*), sum(pages), count(*) FILTER (status = 'failed') FROM documents").fetchone()
    finally:
        con.close()
    return run


def side_by_side(folder: Path, db: Path, repeats: int = REPEATS, workers: int = 2) -> dict:
    """Raw pypdfium2 and ingest of the same folder, alternately; the median ratio of the pairs."""
    pairs = []
    for _ in range(repeats):
        raw = raw_run(folder)
        ing = ingest_run(folder, db, workers)
        pairs.append((raw, ing))
    ratios = [ing["seconds"] / raw["seconds"] for raw, ing in pairs]
    best = min(pairs, key=lambda p: p[1]["seconds"])[1]
    return {"documents": best["documents"], "pages": best["pages"], "failed": best["failed"],
            "raw_seconds": [raw["seconds"] for raw, _ in pairs],
            "ingest_seconds": [ing["seconds"] for _, ing in pairs],
            "raw_cpu_s": [raw["cpu_s"] for raw, _ in pairs],
            "ingest_cpu_s": [ing["cpu_s"] for _, ing in pairs],
            "ratio_median": round(statistics.median(ratios), 2),
            "pages_per_s_best": round(best["pages"] / best["seconds"], 1),
            "peak_rss_mb": max(ing["peak_rss_mb"] for _, ing in pairs)}


def tree_cpu_s(pid: int) -> float:
    """CPU seconds of a live process and its live descendants, with what each has reaped of its
    own children (/proc utime, stime, cutime, cstime): all the work done under it so far."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            total += sum(int(f) for f in fields[11:15])
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError, IndexError):
            continue
    return total / os.sysconf("SC_CLK_TCK")


def dask_curve(folder: Path, db: Path, processes: tuple[int, ...] = (1, 2, 4)) -> dict:
    """Pages per second of `--executor dask` on a LocalCluster of 1, 2, 4 single-thread worker
    processes on this machine (the cluster is started before the clock runs, as a standing one is),
    with the CPU seconds the workers (and the per-document processes under them) spent."""
    import dask
    from distributed import Client, LocalCluster

    out = {}
    for n in processes:
        with dask.config.set({"distributed.worker.daemon": False}), \
                LocalCluster(n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1",
                             dashboard_address=":0") as cluster, Client(cluster) as client:
            pids = list(client.run(os.getpid).values())
            before = sum(tree_cpu_s(pid) for pid in pids)
            run = ingest_run(folder, db, extra=("--executor", "dask", "--scheduler", cluster.scheduler_address))
            workers_cpu = sum(tree_cpu_s(pid) for pid in pids) - before
        _reap_orphans(5.0)  # the cluster's processes, so that the next run's CPU figures do not count them
        out[f"{n}_workers"] = {"pages": run["pages"], "seconds": run["seconds"],
                               "pages_per_s": round(run["pages"] / run["seconds"], 1), "failed": run["failed"],
                               "writer_cpu_s": run["cpu_s"], "workers_cpu_s": round(workers_cpu, 2),
                               "pages_per_worker_cpu_s": round(run["pages"] / workers_cpu, 1) if workers_cpu else None,
                               "load_after": load()}
    return out


def load() -> str:
    return Path("/proc/loadavg").read_text().split(" ", 3)[:3].__str__()


def main() -> int:
    if not REAL_MINUTES.is_dir():
        print(f"no benchmark sample at {REAL_MINUTES}", file=sys.stderr)
        return 1
    minutes = sorted(REAL_MINUTES.glob("*.pdf"))
    long_docs = sorted(REAL_LONG.glob("*.pdf"))
    results: dict = {"load_before": load()}
    with tempfile.TemporaryDirectory(prefix="fi-minutes-bench-") as tmp:
        tmp_path = Path(tmp)
        db = tmp_path / "bench.duckdb"
        # a run with nothing to do: its one document is in the database already (an empty folder is
        # a usage error)
        done = make_batch(tmp_path / "done", minutes[:1], 1)[0].parent
        ingest_run(done, db)
        results["nothing_to_do_run_s"] = [ingest_run(done, db, fresh=False)["seconds"] for _ in range(3)]
        make_batch(tmp_path / "batch100", minutes, 100)
        make_batch(tmp_path / "batch20", minutes, 20)
        make_batch(tmp_path / "long", long_docs, 2)
        results["page_text_100"] = side_by_side(tmp_path / "batch100", db)
        results["page_text_20"] = side_by_side(tmp_path / "batch20", db)
        # a long financial statement whose follow-up tables are read with pdfplumber
        results["followup_report_2"] = side_by_side(tmp_path / "long", db, repeats=1)
        make_batch(tmp_path / "html", minutes, 24, hide_html=False)
        results["embedded_html_24"] = side_by_side(tmp_path / "html", db)
        results["dask_100"] = dask_curve(tmp_path / "batch100", db)
    try:
        from pipeline.bench_ocr import bench_ocr

        results["ocr_and_repair"] = bench_ocr()
    except Exception as exc:  # noqa: BLE001 - OCR needs ../shared and Tesseract; report, don't die
        results["ocr_and_repair"] = {"error": f"{type(exc).__name__}: {exc}"}
    results["load_after"] = load()
    text = json.dumps(results, indent=2, ensure_ascii=False)
    print(text)
    out = ROOT / "data" / "processed" / "bench.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
