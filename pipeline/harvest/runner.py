"""One harvest run: every configured source through its adapter, then ingest and publish.

    lock -> for each source: bodies -> meetings since the cursor (minus an overlap) -> items
    -> documents (whole-meeting minutes preferred, else the items' files) -> fetch what the
    database does not hold yet -> store under data/raw/<municipality>/<body>/<date>_<meeting>/
    -> ingest -> advance the cursor -> record the source's counts in harvest_runs
    -> publish the read-only snapshot.

A failing source is recorded and the next one runs; the exit code says whether any failed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import logging
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import httpx

from pipeline.harvest import state
from pipeline.harvest.base import safe_name
from pipeline.harvest.config import HarvestConfig, SourceConfig
from pipeline.harvest.folder import folder_path
from pipeline.harvest.http import BadContent, Fetcher, FetchError, FetchSettings, TooLarge, check_content
from pipeline.harvest.model import DocRef, ItemRef, MeetingRef
from pipeline.harvest.publish import publish_snapshot
from pipeline.harvest.registry import make_adapter
from pipeline.harvest.state import SourceResult
from pipeline.publish import DatabaseBusy, writing
from pipeline.storage import connect, write_extraction

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED, EXIT_CONFIG, EXIT_LOCKED, EXIT_ZERO_YIELD = 0, 1, 2, 3, 5
SUFFIXES = {"pdf": ".pdf", "json": ".json", "html": ".html"}
MEETING_DOC_KINDS = ("minutes", "api")

IngestFunc = Callable[..., object]


@dataclass
class RunSummary:
    run_id: str
    started: dt.datetime
    finished: dt.datetime | None = None
    results: list[SourceResult] = field(default_factory=list)
    dry_run: bool = False
    locked: bool = False
    lock_reason: str = "another harvest is running (lock held)"
    enriched: int | None = None  # items `minutes enrich` read after the ingest (None: it did not run)
    enrich_error: str | None = None

    @property
    def exit_code(self) -> int:
        if self.locked:
            return EXIT_LOCKED
        if any(r.flagged for r in self.results):  # a site redesign needs a person more than a failed fetch
            return EXIT_ZERO_YIELD
        return EXIT_OK if all(r.ok for r in self.results) else EXIT_FAILED

    def as_dict(self) -> dict:
        """The summary for scripts (`minutes harvest --json`)."""
        return {"run_id": self.run_id, "started": self.started.isoformat(timespec="seconds"),
                "finished": self.finished.isoformat(timespec="seconds") if self.finished else None,
                "dry_run": self.dry_run, "locked": self.locked, "exit_code": self.exit_code,
                "enriched": self.enriched, "enrich_error": self.enrich_error,
                "sources": [{k: getattr(r, k) for k in ("municipality", "system", "url", "meetings_seen", "items",
                                                        "new", "unchanged", "failed", "flagged", "errors")}
                            for r in self.results]}

    def line(self) -> str:
        """The one-line summary printed even without a terminal."""
        if self.locked:
            return f"harvest: {self.lock_reason}; nothing done"
        tot = {k: sum(getattr(r, k) for r in self.results) for k in ("new", "unchanged", "failed", "items")}
        flagged = [f"{r.municipality}/{r.system}" for r in self.results if r.flagged]
        failed = [f"{r.municipality}/{r.system}" for r in self.results if not r.ok]
        text = (f"harvest{' (dry run)' if self.dry_run else ''}: {len(self.results)} sources, {tot['new']} new, "
                f"{tot['unchanged']} unchanged, {tot['failed']} failed, {tot['items']} items")
        if failed:
            text += f"; failed sources: {', '.join(failed)}"
        if flagged:
            text += f"; ZERO YIELD (site changed?): {', '.join(flagged)}"
        if self.enriched is not None or self.enrich_error:
            text += f"; enrich: {self.enrich_error or f'{self.enriched} items'}"
        return text + f" [exit {self.exit_code}]"


class HarvestLock:
    """One harvest at a time: an fcntl lock on a file beside the database."""

    def __init__(self, db_path: Path) -> None:
        self.path = db_path.parent / f"{db_path.name}.harvest.lock"
        self.fd: int | None = None

    def acquire(self) -> bool:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self.fd = fd
        return True

    def release(self) -> None:
        if self.fd is not None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None


def _open_state(db_path: Path, dry_run: bool) -> duckdb.DuckDBPyConnection:
    """The main database; in a dry run an in-memory copy of just the harvest state (nothing written)."""
    if not dry_run:
        con = connect(db_path)
        state.ensure_tables(con)
        return con
    con = duckdb.connect(":memory:")
    from pipeline.schema import ensure_schema

    ensure_schema(con)
    state.ensure_tables(con)
    if db_path.exists():
        con.execute(f"ATTACH '{db_path}' AS src (READ_ONLY)")
        have = {r[0] for r in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = 'src'").fetchall()}
        for table in ("harvest_fetches", "harvest_documents", "harvest_cursors", "harvest_runs",
                      "harvest_seen_files"):
            if table in have:
                con.execute(f"INSERT INTO {table} SELECT * FROM src.{table}")
        if "documents" in have:
            con.execute("INSERT INTO documents (doc_id, source, file_name, kind, ocr, ocr_repaired, status) "
                        "SELECT doc_id, source, file_name, kind, ocr, ocr_repaired, status FROM src.documents")
        con.execute("DETACH src")
    return con


def harvest(config: HarvestConfig, db_path: Path, data_dir: Path, since: dt.date | None = None,
            dry_run: bool = False, now: dt.datetime | None = None, ingest: IngestFunc | None = None,
            transport: httpx.BaseTransport | None = None, workers: int = 2) -> RunSummary:
    """Harvest every source of `config`; see the module docstring for the chain."""
    db_path, data_dir = Path(db_path), Path(data_dir)
    started = now or dt.datetime.now()
    summary = RunSummary(run_id=uuid.uuid4().hex[:12], started=started, dry_run=dry_run)
    lock = HarvestLock(db_path)
    if not lock.acquire():
        summary.locked = True
        log.warning("another harvest holds %s", lock.path)
        return summary
    writer = contextlib.ExitStack()
    try:
        published, db_path = db_path, db_path if dry_run else writer.enter_context(writing(db_path))
        con = _open_state(db_path, dry_run)
        settings = FetchSettings(user_agent=config.user_agent, max_bytes=config.max_bytes,
                                 timeout_s=config.timeout_s, retries=config.retries, backoff_s=config.backoff_s)
        memory = state.DuckMemory(con, started, read_only=dry_run)
        cache = None if dry_run else data_dir / ".harvest-cache"
        with Fetcher(settings, memory, cache, transport=transport) as fetcher:
            for source in config.sources:
                t0 = dt.datetime.now()
                result = SourceResult(source.municipality, source.system, source.url)
                previous = state.previous_yield(con, source.municipality, source.system, source.url)
                run = SourceRun(source, con, fetcher, data_dir, since, dry_run, started, result)
                try:
                    run.harvest()
                    if run.to_ingest and not dry_run:
                        run.ingest(db_path, ingest, workers)
                    run.advance_cursors()
                except FetchError as exc:  # expected (site down, timeout): one line, no traceback
                    log.error("source %s failed: %s", source.label, exc)
                    result.errors.append(str(exc))
                    result.failed += 1
                except Exception as exc:  # one failing source does not stop the others
                    log.exception("source %s failed", source.label)
                    result.errors.append(f"{type(exc).__name__}: {exc}")
                    result.failed += 1
                # a drop folder emptied after its files were taken is not a redesigned site
                result.flagged = result.meetings_seen == 0 and bool(previous) and not run.by_content
                if result.flagged:
                    log.warning("%s listed no meetings, earlier runs listed up to %s: has the site changed?",
                                source.label, previous)
                if not dry_run:
                    state.record_run(con, summary.run_id, t0, dt.datetime.now(), result, dry_run)
                summary.results.append(result)
                log.info("%s: %s new, %s unchanged, %s failed, %s meetings, %s items%s", source.label,
                         result.new, result.unchanged, result.failed, result.meetings_seen, result.items,
                         f"; errors: {result.errors}" if result.errors else "")
        con.close()
        writer.close()  # publishes the private copy
        if not dry_run and config.enrich:
            _enrich(published, summary)
        summary.finished = dt.datetime.now()
        if not dry_run and config.publish:
            publish_snapshot(published, now=started)
    except DatabaseBusy as exc:
        summary.locked, summary.lock_reason = True, str(exc)
    except BaseException as exc:
        writer.__exit__(type(exc), exc, exc.__traceback__)  # Ctrl-C publishes, anything else discards
        raise
    finally:
        lock.release()
    return summary


def _enrich(db_path: Path, summary: RunSummary) -> None:
    """Entities of the new items, once the ingest is published (readers have the new minutes while
    this runs, on its own private copy). A failure is reported, never fatal: the next run catches up."""
    from pipeline.enrich import enrich

    try:
        summary.enriched = enrich(db_path).items
    except Exception as exc:  # noqa: BLE001 - a busy database or a missing model must not fail the harvest
        summary.enrich_error = f"{type(exc).__name__}: {exc}"
        log.error("enrich after harvest failed (run `minutes enrich`): %s", summary.enrich_error)


class SourceRun:
    """Walks one source: adapter calls, fetching, storing; collects files to ingest."""

    def __init__(self, source: SourceConfig, con: duckdb.DuckDBPyConnection, fetcher: Fetcher, data_dir: Path,
                 since: dt.date | None, dry_run: bool, now: dt.datetime, result: SourceResult) -> None:
        self.source, self.con, self.fetcher, self.data_dir = source, con, fetcher, data_dir
        self.since, self.dry_run, self.now, self.result = since, dry_run, now, result
        self.to_ingest: list[tuple[Path, DocRef]] = []
        self.cursors: list[tuple[str, dt.date]] = []  # (body, last date done), moved after the ingest
        self.taken: dict[str, str] = {}  # drop-folder files this run takes: sha256 -> url
        if source.system != "folder":
            fetcher.allow_site(source.url, source.delay_s)
            fetcher.allowed_hosts.update(h.lower() for h in source.allow_hosts)
        self.adapter = make_adapter(source, fetcher)
        # a drop folder: files are new by their content, whatever their date (pipeline/harvest/folder.py)
        self.by_content: bool = getattr(self.adapter, "by_content", False)

    def _fail(self, what: str, exc: Exception) -> None:
        log.warning("%s: %s: %s", self.source.label, what, exc)
        self.result.errors.append(f"{what}: {exc}")
        self.result.failed += 1

    def harvest(self) -> None:
        bodies = self.adapter.bodies()
        if not bodies:
            raise LookupError("no bodies found: has the site changed?")
        for body in bodies:
            if self.source.bodies and body.id != "*" and body.name not in self.source.bodies:
                continue
            cursor = None if self.by_content else state.cursor(self.con, self.source.municipality, body.name)
            since = self.since or \
                (cursor - dt.timedelta(days=self.source.overlap_days) if cursor else None) or self.source.start
            if body.last_meeting and since and body.last_meeting < since:
                continue
            try:
                meetings = self.adapter.meetings(body, since)
            except FetchError as exc:
                self._fail(f"meetings of {body.name}", exc)
                continue
            self.result.meetings_seen += len(meetings)
            done: list[dt.date] = []
            held: list[dt.date] = []
            for meeting in meetings:
                if since and meeting.date and meeting.date < since:
                    continue
                ok = self.meeting(meeting)
                if meeting.date:
                    (done if ok else held).append(meeting.date)
            if done and not self.dry_run and not self.by_content:
                last = max(done)
                if held and min(held) <= last:
                    last = min(held) - dt.timedelta(days=1)
                if cursor is None or last > cursor:
                    self.cursors.append((body.name, last))

    def advance_cursors(self) -> None:
        """Move the cursors, and remember the drop-folder files taken, once the documents they cover
        are ingested: a harvest killed before that lists those meetings again (its private copy is
        adopted by the next run, publish.py)."""
        for body, last in self.cursors:
            state.advance_cursor(self.con, self.source.municipality, body, last, self.now)
        if not self.dry_run:
            state.remember_content(self.con, [(sha, self.source.municipality, url) for sha, url in self.taken.items()],
                                   self.now)

    def meeting(self, meeting: MeetingRef) -> bool:
        """Fetch one meeting's documents; False if it is not complete yet (agenda only, failures)."""
        status = meeting.raw.get("status") if isinstance(meeting.raw, dict) else None
        if status == "agenda":
            return False
        try:
            items = self.adapter.items(meeting)
            docs = self.adapter.documents(meeting)
            whole = [d for d in docs if d.kind in MEETING_DOC_KINDS]
            if not whole and any(d.kind == "agenda" for d in docs):
                return False  # only the agenda is out; the minutes will follow
            per_item: dict[str, list[DocRef]] = {}
            if not whole or self.source.attachments:
                for item in items:
                    per_item[item.id] = [d for d in self.adapter.documents(item)
                                         if (d.kind == "item" and not whole) or
                                         (d.kind == "attachment" and self.source.attachments)]
        except FetchError as exc:
            self._fail(f"meeting {meeting.body} {meeting.date} ({meeting.url})", exc)
            return False
        if not whole and not any(per_item.values()):
            return False
        ok = True
        meeting_sha = None
        for doc in whole:
            sha = self.document(doc, meeting)
            ok = ok and sha is not None
            meeting_sha = meeting_sha or sha
        item_rows = []
        for item in items:
            item_sha = meeting_sha
            for doc in per_item.get(item.id, []):
                sha = self.document(doc, meeting)
                ok = ok and sha is not None
                if doc.kind == "item":
                    item_sha = sha
            item_rows.append(self._item_row(item, item_sha))
        self.result.items += len(items)
        if not self.dry_run:
            state.record_items(self.con, item_rows, self.now)
        return ok

    def _item_row(self, item: ItemRef, sha: str | None) -> tuple:
        m = item.meeting
        key = f"{self.source.system}:{self.source.municipality}:{m.id}:{item.id}"
        return (key, self.source.municipality, m.body, m.date, m.id, item.number, item.title, item.url,
                item.ordinal, sha)

    def _dest(self, doc: DocRef, meeting: MeetingRef) -> Path:
        folder = self.data_dir / safe_name(self.source.municipality) / safe_name(meeting.body, "elin") / \
            safe_name(f"{meeting.date or 'undated'}_{meeting.id}", "meeting")
        name = safe_name(doc.file_name)
        suffix = SUFFIXES.get(doc.expect)
        if suffix and not name.lower().endswith(suffix):
            name += suffix
        path = (folder / name).resolve()
        if not path.is_relative_to(self.data_dir.resolve()):
            raise ValueError(f"refusing to write outside the data folder: {path}")
        return path

    def document(self, doc: DocRef, meeting: MeetingRef) -> str | None:
        """Fetch and store one document unless already held; its sha256, or None if it failed."""
        inline_sha = hashlib.sha256(doc.inline).hexdigest() if doc.inline is not None else None
        if self.by_content:
            try:
                file_sha = self._file_sha(folder_path(doc.url))
            except OSError as exc:
                self._fail(f"document {doc.url}", exc)
                return None
            if file_sha in self.taken or state.seen_content(self.con, file_sha):
                self.result.unchanged += 1
                return file_sha
            self.taken[file_sha] = doc.url
        else:
            known = state.known_document(self.con, doc.url)
            if known and (inline_sha is None or inline_sha == known[0]):
                self.result.unchanged += 1
                return known[0]
        if self.dry_run:
            self.result.new += 1
            return inline_sha or "dry-run"
        try:
            data = doc.inline if doc.inline is not None else self._read(doc)
        except FetchError as exc:
            self._fail(f"document {doc.url}", exc)
            return None
        sha = hashlib.sha256(data).hexdigest()
        path = self._dest(doc, meeting)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        state.remember_document(self.con, doc.url, self.source.municipality, meeting.body, meeting.date,
                                meeting.id, doc.kind, sha, str(path), self.now)
        to_extraction = getattr(self.adapter, "to_extraction", None)
        if doc.inline is not None and to_extraction is not None:
            try:
                write_extraction(self.con, to_extraction(doc, data), now=self.now)
            except Exception as exc:  # a malformed record fails this document only
                self._fail(f"records of {doc.url}", exc)
                return None
            self.result.new += 1
        else:
            self.to_ingest.append((path, doc))
        return sha

    def _file_sha(self, path: Path) -> str:
        """sha256 of a drop-folder file, remembered by its stat signature (inode, size, mtime,
        ctime): a file left in the folder is not read again every night, a replaced one is."""
        from pipeline.ingest import sha256_file

        st = path.stat()
        signature = f"{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}"
        memory = state.DuckMemory(self.con, self.now, read_only=self.dry_run)
        key = f"file-sha:{path.resolve()}"
        known = memory.recall(key)
        if known and known.etag == signature and known.sha256:
            return known.sha256
        sha = sha256_file(path)
        memory.remember(key, path.resolve().as_uri(), 0, signature, None, sha, str(path), None)
        return sha

    def _read(self, doc: DocRef) -> bytes:
        if doc.url.startswith("file:"):
            path = folder_path(doc.url)
            try:
                size = path.stat().st_size
                if size > self.fetcher.settings.max_bytes:
                    raise TooLarge(doc.url, f"{size} bytes is over the limit of {self.fetcher.settings.max_bytes}")
                data = path.read_bytes()
            except OSError as exc:  # gone or unreadable since it was listed: this file fails, not the source
                raise FetchError(doc.url, f"cannot read: {exc.strerror or exc}") from exc
            if doc.expect == "pdf":
                check_content(doc.url, data, "", "pdf")
            return data
        resp = self.fetcher.fetch(doc.url, expect=doc.expect, method=doc.method, conditional=False)
        if doc.expect == "document" and not resp.content:
            raise BadContent(doc.url, "empty document")
        return resp.content

    def ingest(self, db_path: Path, ingest: IngestFunc | None, workers: int) -> None:
        options: dict = {}
        if ingest is None:
            # db_path is already this run's private copy (see harvest()): write into it, no second copy
            from pipeline.ingest import ingest_into as ingest

            options["progress"] = _log_document
        paths = [p for p, _ in self.to_ingest]
        report = ingest(paths, db_path, workers=workers, municipality=self.source.municipality, **options)
        for res in getattr(report, "results", []):
            if res.status in ("ok", "partial"):
                self.result.new += 1
            elif res.status == "unchanged":
                self.result.unchanged += 1
            else:
                self.result.failed += 1
                self.result.errors.append(f"ingest {res.path}: {res.error}")


def _log_document(result) -> None:
    """One log line per document parsed (a failure is expected: one line with its reason)."""
    if result.status == "unchanged":
        return
    level = logging.WARNING if result.status == "failed" else logging.INFO
    log.log(level, "ingest %s %s (%s items, %.1f s)%s", result.status, result.path, result.items, result.seconds,
            f": {result.error}" if result.error else "")
