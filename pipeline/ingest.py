"""Batch ingest: files -> worker processes (time and memory limits) -> one transaction per document.

Parsing runs in a fresh process per document, started from a fork server, with an address-space
limit and a wall-clock limit: a decompression bomb or a pathological page kills its own worker,
is recorded as 'failed' with the reason, and the batch goes on. Only this parent process writes
to DuckDB, one transaction per document, so a kill -9 leaves a consistent database and the next
run completes the batch (documents already loaded are recognised by their sha256 and skipped).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import multiprocessing as mp
import os
import queue
import resource
import signal
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path

from extractors.document import Source, extract_document, failed
from extractors.records import Extraction
from pipeline.goals_views import relink
from pipeline.publish import writing
from pipeline.storage import Packed, connect, known_documents, pack_extraction, write_extraction
from pipeline.supersede import supersede

DEFAULT_TIMEOUT_S = 120.0
DEFAULT_MEMORY_MB = 3072
DEFAULT_WORKERS = max(1, min(2, os.cpu_count() or 1))
INPUT_SUFFIXES = {".pdf", ".html", ".htm", ".xhtml", ".txt", ""}
SKIP_NAMES = {"readme.md", "readme.txt", "readme"}
EXECUTORS = ("local", "dask")


@dataclass
class DocResult:
    path: Path
    doc_id: str
    status: str  # ok | partial | failed | unchanged
    error: str | None = None
    municipality: str | None = None
    pages: int | None = None
    items: int = 0
    seconds: float = 0.0
    peak_rss_mb: float | None = None  # of the worker process that parsed the document


@dataclass
class IngestReport:
    results: list[DocResult] = field(default_factory=list)
    started_at: dt.datetime = field(default_factory=dt.datetime.now)
    finished_at: dt.datetime | None = None

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def failures(self) -> list[DocResult]:
        return [r for r in self.results if r.status == "failed"]


def discover(paths: Iterable[Path]) -> list[Path]:
    """Input files under the given files/folders (recursive), in a stable order."""
    found: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            candidates = sorted(p for p in path.rglob("*") if p.is_file())
        elif path.exists():
            candidates = [path]
        else:
            raise FileNotFoundError(f"no such file or folder: {path}")
        for p in candidates:
            if any(part.startswith(".") for part in p.relative_to(path if path.is_dir() else p.parent).parts):
                continue
            if p.name.lower() in SKIP_NAMES or p.name.endswith(".gold.json"):
                continue
            if p.suffix.lower() in INPUT_SUFFIXES or path == p:
                found.append(p)
    return found


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def ocr_pages(data: bytes, pages: list[int], mode: str):
    """Tesseract OCR of the given pages; numpy, PIL and Tesseract are loaded only when a page needs it."""
    from pipeline.ocr import ocr_pdf

    return ocr_pdf(data, pages, mode)


def _worker(conn: Connection, path: str, municipality: str | None, memory_mb: int, use_ocr: bool,
            embedded_html: bool = True) -> None:
    """Child process: parse one document and send the Extraction back (or the failure)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it stops us
    limit = memory_mb * 1024 * 1024
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ValueError, OSError):
        pass
    data = b""
    src = Source(source=path, file_name=Path(path).name, municipality_hint=municipality)
    try:
        data = Path(path).read_bytes()
        result = extract_document(data, src, ocr=ocr_pages if use_ocr else None,
                                  prefer_embedded_html=embedded_html)
    except MemoryError:  # reading or parsing it: the bytes may not even be in hand
        data = b""
        result = failed_path(Path(path), f"memory limit of {memory_mb} MB exceeded")
    except Exception as exc:  # noqa: BLE001 - any parser bug becomes a recorded failure, not a crash
        result = failed(data, src, f"{type(exc).__name__}: {exc}", stage="extract")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    try:
        conn.send((pack_extraction(result), peak))  # columns pickle in a fraction of the records' time
    except BrokenPipeError:  # the parent stopped (Ctrl-C) and no longer wants the result
        pass
    except Exception as exc:  # noqa: BLE001 - e.g. an unpicklable record: report it instead
        conn.send((failed(data, src, f"could not return result: {exc}", stage="extract"), peak))
    finally:
        conn.close()


@contextlib.contextmanager
def _sigint_deferred() -> Iterator[None]:
    """Hold a Ctrl-C that arrives inside the block and raise it when the block ends."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if caught:
            raise KeyboardInterrupt


def _release(proc: mp.process.BaseProcess) -> None:
    """Free a finished worker's handles now, with a Ctrl-C held: left to a later garbage collection,
    the finaliser that closes them can take the Ctrl-C, which Python then prints as an ignored
    exception and loses."""
    if proc.exitcode is not None:
        with _sigint_deferred():
            proc.close()


_CTX: mp.context.BaseContext | None = None
# Modules a worker would import again when it re-runs the parent's main script (the `minutes`
# console script imports pipeline.cli): preloaded when loaded in the parent. Python 3.11's fork
# server does not honour a '__main__' preload, so the real modules are named instead.
ENTRY_MODULES = ("pipeline.cli",)


def _context() -> mp.context.BaseContext:
    global _CTX
    if _CTX is None:
        ctx = mp.get_context("forkserver")
        entry = [m for m in ENTRY_MODULES if m in sys.modules]
        ctx.set_forkserver_preload(["pipeline.preload", "pipeline.ingest", *entry])
        _CTX = ctx
    return _CTX


def start_workers() -> None:
    """Start the fork server (and its preload) now, so that it loads while the parent hashes files."""
    from multiprocessing import forkserver

    _context()
    forkserver.ensure_running()


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


class _Watcher(threading.Thread):
    """Starts the worker processes and watches them, in a thread of the parent, so that a worker
    that has finished is replaced at once, while the writer may still be loading the previous
    document: with the starting and watching done between two writes, a worker that finished during
    a write waited for the write to end before the next document started (on 100 Lapua minutes,
    8 of 26 seconds with one of the two workers idle).

    A finished worker's result is not read here but left in its pipe for the writer, which reads one
    result at a time: the parent holds one extraction at a time whatever the batch. At most one
    finished worker waits to be read, so at most `slots` + 1 workers are alive. Documents start
    largest first (by file size), so that the batch does not end with one worker on a long document
    while the others have nothing left."""

    MAX_UNREAD = 1

    def __init__(self, paths: list[Path], slots: int, timeout: float,
                 start: Callable[[Path], tuple[Connection, mp.process.BaseProcess]]) -> None:
        super().__init__(name="fi-minutes-workers", daemon=True)
        # the largest first: a long document started last would leave the other workers idle at the end
        self.pending = sorted(paths, key=_size, reverse=True)
        self.slots, self.timeout, self.start_worker = max(1, slots), timeout, start
        self.running: dict[Connection, tuple[Path, mp.process.BaseProcess, float]] = {}
        self.events: queue.SimpleQueue = queue.SimpleQueue()
        self.unread = 0
        self.lock = threading.Lock()
        self.stopping = False
        self.wake_r, self.wake_w = os.pipe()

    def _wake(self) -> None:
        with contextlib.suppress(OSError):
            os.write(self.wake_w, b".")

    def _alive(self) -> int:
        with self.lock:
            return len(self.running) + self.unread

    def taken(self) -> None:
        """The writer has read a finished worker's result: another may finish unread."""
        with self.lock:
            self.unread -= 1
        self._wake()

    def run(self) -> None:
        try:
            while not self.stopping and (self.pending or self.running):
                while self.pending and len(self.running) < self.slots and self._alive() < self.slots + self.MAX_UNREAD:
                    path = self.pending.pop(0)
                    conn, proc = self.start_worker(path)
                    self.running[conn] = (path, proc, time.monotonic())
                deadline = min((start + self.timeout for _, _, start in self.running.values()), default=None)
                ready = wait([*self.running, self.wake_r],
                             timeout=None if deadline is None else max(0.0, deadline - time.monotonic()))
                now = time.monotonic()
                for conn in ready:
                    if conn == self.wake_r:
                        os.read(self.wake_r, 512)
                        continue
                    path, proc, start = self.running.pop(conn)
                    with self.lock:
                        self.unread += 1
                    self.events.put(("done", path, conn, proc, now - start))
                for conn, (path, proc, start) in list(self.running.items()):
                    if now - start >= self.timeout:
                        del self.running[conn]
                        proc.kill()
                        proc.join(5)
                        _release(proc)
                        conn.close()
                        self.events.put(("timeout", path, None, None, now - start))
        except BaseException as exc:  # noqa: BLE001 - e.g. the fork server died: the writer raises it
            self.events.put(("error", exc, None, None, 0.0))

    def stop(self) -> None:
        """Stop starting workers, and kill those still running or unread (the writer gave up)."""
        self.stopping = True
        self._wake()
        self.join()
        leftovers = [(conn, proc) for conn, (_, proc, _) in self.running.items()]
        while not self.events.empty():
            _, _, conn, proc, _ = self.events.get()
            if conn is not None:
                leftovers.append((conn, proc))
        for conn, proc in leftovers:
            proc.kill()
            proc.join(5)
            _release(proc)
            conn.close()
        os.close(self.wake_r)
        os.close(self.wake_w)


def run_parsers(paths: list[Path], workers: int = DEFAULT_WORKERS, municipality: str | None = None,
                timeout: float = DEFAULT_TIMEOUT_S, memory_mb: int = DEFAULT_MEMORY_MB,
                use_ocr: bool = True, embedded_html: bool = True
                ) -> Iterator[tuple[Path, Extraction | Packed, float, float | None]]:
    """Parse documents in child processes, yielding (path, extraction, seconds, worker peak RSS in MB)
    as each finishes; a parsed document's extraction comes as columns (`Packed`). Workers are
    started and watched by a thread (`_Watcher`); results are read here, one at a time."""
    ctx = _context()

    def start(path: Path) -> tuple[Connection, mp.process.BaseProcess]:
        parent, child = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_worker, args=(child, str(path), municipality, memory_mb, use_ocr, embedded_html),
                           daemon=True)
        with _sigint_deferred():  # a Ctrl-C halfway through the start would crash the fork server
            proc.start()
        child.close()
        return parent, proc

    watcher = _Watcher(paths, workers, timeout, start)
    watcher.start()
    try:
        for _ in range(len(paths)):
            kind, path, conn, proc, seconds = watcher.events.get()
            if kind == "error":
                raise path
            if kind == "timeout":
                yield path, failed_path(path, f"timed out after {timeout:g} s"), seconds, None
                continue
            peak = None
            try:
                extraction, peak = conn.recv()
            except (EOFError, OSError):
                proc.join(5)
                reason = f"worker died (exit code {proc.exitcode})"
                if proc.exitcode is not None and proc.exitcode < 0:
                    # SIGABRT: a C++ allocation failed under the address-space limit (pdfium does that)
                    sig = -proc.exitcode
                    reason = f"worker killed by signal {sig}, {signal.strsignal(sig)} (over the memory limit of " \
                             f"{memory_mb} MB?)"
                extraction = failed_path(path, reason)
            conn.close()
            proc.join(5)
            _release(proc)
            watcher.taken()
            yield path, extraction, seconds, peak
    finally:
        watcher.stop()


def failed_path(path: Path, reason: str) -> Extraction:
    """The failure of a document whose worker gave no result, hashed in chunks: the file may be
    larger than the memory any process here should take for it."""
    try:
        doc_id = sha256_file(path)
    except OSError:
        doc_id = None
    return failed(b"", Source(source=str(path), file_name=path.name), reason, stage="extract", doc_id=doc_id)


def ingest_into(paths: Iterable[Path], db_path: Path | str, workers: int = DEFAULT_WORKERS,
                 municipality: str | None = None, timeout: float = DEFAULT_TIMEOUT_S,
                 memory_mb: int = DEFAULT_MEMORY_MB, use_ocr: bool = True, force: bool = False,
                 embedded_html: bool = True, executor: str = "local", scheduler: str | None = None,
                 progress: Callable[[DocResult], None] | None = None,
                 on_start: Callable[[int], None] | None = None) -> IngestReport:
    """Ingest into `db_path` itself: for a writer that already holds a private copy (the harvest);
    everyone else calls ingest_paths."""
    if executor not in EXECUTORS:
        raise ValueError(f"unknown executor {executor!r} (one of {', '.join(EXECUTORS)})")
    if executor == "dask" and not scheduler:
        raise ValueError("the dask executor needs a scheduler address (tcp://HOST:8786)")
    files = discover(paths)
    report = IngestReport()
    con = connect(db_path)
    try:
        known = known_documents(con)
        todo: list[Path] = []
        for path in files:
            doc_id = sha256_file(path)
            if not force and known.get(doc_id) in ("ok", "partial"):
                result = DocResult(path=path, doc_id=doc_id, status="unchanged")
                report.results.append(result)
                if progress:
                    progress(result)
            else:
                if not todo and executor == "local":
                    start_workers()  # the first document to parse: the fork server loads while we hash the rest
                todo.append(path)
        if on_start:
            on_start(len(todo))
        run_id, stamp = _begin_run(con, report.started_at)
        if executor == "dask":
            from pipeline.dask_executor import run_parsers_dask

            parsed = run_parsers_dask(todo, scheduler, municipality, timeout, memory_mb, use_ocr, embedded_html)
        else:
            parsed = run_parsers(todo, workers, municipality, timeout, memory_mb, use_ocr, embedded_html)
        with contextlib.closing(parsed):  # its workers are stopped even when a write fails or Ctrl-C comes
            for path, extraction, seconds, peak in parsed:
                doc = extraction.document
                write_extraction(con, extraction, now=stamp)
                result = DocResult(path=path, doc_id=doc.doc_id, status=doc.status, error=doc.error,
                                   municipality=doc.municipality, pages=doc.pages,
                                   items=doc.item_count, seconds=seconds, peak_rss_mb=peak)
                report.results.append(result)
                if progress:
                    progress(result)
        _after_batch(con)
        report.finished_at = dt.datetime.now()
        _finish_run(con, run_id, report)
    finally:
        con.close()
    return report


def _after_batch(con) -> None:
    """Cross-document steps after a batch: link follow-up rows to the goals they report on, and
    point rows of a meeting printed by several documents at the ones that win."""
    relink(con)
    supersede(con)


def _begin_run(con, started_at: dt.datetime) -> tuple[str, dt.datetime]:
    """The run's id and the time every document it loads is stamped with (`ingested_at`).

    One time for the whole run: the order in which workers finish is arbitrary and must not decide
    which of two documents of one meeting is the later version (pipeline/supersede.py). A run that
    was interrupted (Ctrl-C, kill -9; its row has no `finished_at`) is continued under its own id
    and time, so interrupting and re-running gives what one uninterrupted run gives.
    """
    row = con.execute("SELECT run_id, started_at FROM ingest_runs WHERE finished_at IS NULL "
                      "ORDER BY started_at DESC LIMIT 1").fetchone()
    if row:
        return row[0], row[1]
    run_id = uuid.uuid4().hex
    con.execute("INSERT INTO ingest_runs (run_id, started_at) VALUES (?, ?)", [run_id, started_at])
    return run_id, started_at


def _finish_run(con, run_id: str, report: IngestReport) -> None:
    con.execute(
        "UPDATE ingest_runs SET finished_at = ?, documents = ?, ok = ?, partial = ?, failed = ?, skipped = ? "
        "WHERE run_id = ?",
        [report.finished_at, len(report.results), report.count("ok"), report.count("partial"),
         report.count("failed"), report.count("unchanged"), run_id],
    )


def ingest_paths(paths: Iterable[Path], db_path: Path | str, **options) -> IngestReport:
    """Ingest files/folders into the database; unchanged documents are skipped, others replaced.

    Works on a private copy published when the batch ends (pipeline/publish.py), so readers of
    `db_path` are never blocked; options are those of ingest_into.
    """
    with writing(db_path) as private:
        return ingest_into(paths, private, **options)
