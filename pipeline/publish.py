"""Readers never blocked: writers work on a private copy of the database and publish it by rename.

DuckDB lets one process open a file read-write and then nobody else may open it, not even
read-only. So the `--db` path is the *published* database that readers open read-only, and a
writer (ingest, harvest) works on `.<name>.writing-<pid>.duckdb` beside it:

    lock `<db>.lock` -> adopt an orphaned copy, or copy the published file -> write
    -> CHECKPOINT -> fsync -> os.replace

The rename is atomic: a reader that opened the old file keeps reading the old inode until it
closes it, a new reader gets the new file, nobody sees half a run. A second writer is refused at
once with the holder's PID and command (`DatabaseBusy`), it does not wait.

A writer killed with kill -9 leaves the published file as it was and its private copy behind.
Writers commit one document per transaction and DuckDB's write-ahead log keeps every committed
transaction, so that copy is the published file plus whole documents: the next writer adopts it
(its writer's PID is dead, and the published file is still the one it was copied from, recorded
in `<copy>.base`) and carries on from there, so a kill loses at most the document in flight and
costs no second copy. Publishing periodically instead would cost a full copy of the database per
period, and readers would see a run in parts. Steps that are not one transaction must be ones the
adopting run redoes whole (relink and supersede recompute everything; harvest moves its cursors
only after ingesting).

The copy is a plain file copy (`cp --reflink=auto` semantics: a reflink where the file system
has one, e.g. XFS/Btrfs, otherwise bytes), made under a temporary name and renamed when complete,
so a copy cut short is never adopted; docs/operations.md has the figures behind the choice.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb

DUCKDB_MAGIC = b"DUCK"  # bytes 8..12 of every DuckDB database file
SQLITE_MAGIC = b"SQLite format 3\x00"
log = logging.getLogger(__name__)
_HELD: set[Path] = set()  # private copies this process is writing (nested writers reuse them)


class DatabaseError(Exception):
    """An expected, actionable problem with the database file: one line for a person."""


class DatabaseBusy(DatabaseError):
    """Another writer holds the database."""


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def check_database_file(db_path: Path) -> None:
    """Refuse a file that is not a DuckDB database (e.g. SQLite) before anyone opens it."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return
    with db_path.open("rb") as fh:
        head = fh.read(16)
    if head.startswith(SQLITE_MAGIC):
        raise DatabaseError(f"{db_path} is a SQLite database, not DuckDB; give --db a .duckdb file "
                            f"(DuckDB can read it: ATTACH '{db_path}' (TYPE sqlite))")
    if head[8:12] != DUCKDB_MAGIC:
        raise DatabaseError(f"{db_path} is not a DuckDB database; give --db a new or existing .duckdb file")


def _holder(fd: int) -> str:
    os.lseek(fd, 0, os.SEEK_SET)
    text = os.read(fd, 4096).decode("utf-8", "replace").strip()
    return text or "another process"


@contextlib.contextmanager
def writer_lock(db_path: Path) -> Iterator[None]:
    """Hold `<db>.lock` (flock, released by the kernel if we die); it names our PID and command."""
    path = lock_path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise DatabaseBusy(f"the database {db_path} is being written by {_holder(fd)}; try again when it "
                               f"has finished (readers are not blocked: open it read-only)") from None
        command = " ".join(["minutes", *sys.argv[1:]]) if Path(sys.argv[0]).name == "minutes" else " ".join(sys.argv)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"PID {os.getpid()} ({command[:200]})\n".encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def private_path(db_path: Path) -> Path:
    return db_path.with_name(f".{db_path.name}.writing-{os.getpid()}.duckdb")


def _base_path(private: Path) -> Path:
    return private.with_name(private.name + ".base")


def _identity(db_path: Path) -> str:
    """What says that the published file is still the one a private copy was made from."""
    try:
        st = db_path.stat()
    except FileNotFoundError:
        return "absent"
    return f"{st.st_ino} {st.st_size} {st.st_mtime_ns}"


def _remove(path: Path) -> None:
    for p in (path, path.with_name(path.name + ".wal"), _base_path(path)):
        p.unlink(missing_ok=True)


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # a copy named after us that we do not hold: left by an earlier process with our PID
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _orphans(db_path: Path) -> list[tuple[Path, int]]:
    """Private copies whose writer is dead, newest first (called under the lock)."""
    found = []
    for p in db_path.parent.glob(f".{db_path.name}.writing-*.duckdb"):
        pid = p.name.removeprefix(f".{db_path.name}.writing-").removesuffix(".duckdb")
        if pid.isdigit() and not _pid_alive(int(pid)):
            found.append((p, int(pid)))
    return sorted(found, key=lambda c: c[0].stat().st_mtime_ns, reverse=True)


def remove_orphans(db_path: Path, keep: Path) -> None:
    """Copies cut short, and private copies of dead writers that were not adopted (all but `keep`)."""
    for p in db_path.parent.glob(f".{db_path.name}.copying-*"):
        p.unlink(missing_ok=True)
    for p, _pid in _orphans(db_path):
        if p != keep:
            _remove(p)
    for p in db_path.parent.glob(f".{db_path.name}.writing-*.duckdb.*"):  # a .wal or .base without its copy
        copy = p.with_name(p.name.rsplit(".", 1)[0])
        if copy != keep and not copy.exists():
            p.unlink(missing_ok=True)


def adopt_orphan(db_path: Path, private: Path) -> Path | None:
    """Take over the newest private copy left by a dead writer, if it was copied from the published
    file as it is now: its committed transactions (WAL folded in) become our starting point."""
    for orphan, pid in _orphans(db_path):
        base = _base_path(orphan)
        if not base.exists() or base.read_text() != _identity(db_path):
            continue  # cut short before it was complete, or the published file changed since
        try:
            con = duckdb.connect(str(orphan))
            try:
                con.execute("CHECKPOINT")
            finally:
                con.close()
        except duckdb.Error as exc:
            log.warning("could not adopt %s (%s); starting from the published file", orphan.name, exc)
            continue
        if orphan != private:
            _remove(private)  # an older copy left by a process that had our PID
            _base_path(private).write_text(base.read_text())  # before the rename: a kill in between keeps the orphan
            os.replace(orphan, private)
            _remove(orphan)
        log.warning("continuing from the work of writer PID %s, which was killed before it published", pid)
        return private
    return None


def fresh_copy(db_path: Path, private: Path) -> None:
    """Copy the published file (if any) under a temporary name, record what it was copied from,
    then rename: only a complete copy ever carries the private name."""
    identity = _identity(db_path)
    _remove(private)  # a copy left by a process that had our PID and was not adopted
    if db_path.exists():
        partial = db_path.with_name(f".{db_path.name}.copying-{os.getpid()}")
        copy_file(db_path, partial)
        _base_path(private).write_text(identity)
        os.replace(partial, private)
    else:
        _base_path(private).write_text(identity)


def fold_in_wal(db_path: Path) -> None:
    """A `<db>.wal` beside the published file (left by a crash of a writer that wrote in place,
    before this module) must be folded in before copying, and must not outlive a rename that would
    pair it with another file."""
    if not db_path.with_name(db_path.name + ".wal").exists():
        return
    try:
        con = duckdb.connect(str(db_path))
    except duckdb.IOException as exc:
        raise DatabaseError(f"{db_path} has an unfinished write-ahead log and is open elsewhere; close the "
                            f"readers once so it can be folded in ({exc})") from None
    try:
        con.execute("CHECKPOINT")
    finally:
        con.close()


def copy_file(src: Path, dst: Path) -> None:
    """Reflink where the file system can, else a byte copy (GNU cp decides)."""
    if shutil.which("cp"):
        subprocess.run(["cp", "--reflink=auto", "--", str(src), str(dst)], check=True)
    else:  # pragma: no cover - every Debian has cp
        shutil.copyfile(src, dst)


def publish(private: Path, db_path: Path) -> None:
    """Checkpoint the private copy (WAL folded in), fsync it and rename it over the published file."""
    con = duckdb.connect(str(private))
    try:
        con.execute("CHECKPOINT")
    finally:
        con.close()
    with private.open("rb") as fh:
        os.fsync(fh.fileno())
    # the record of what the copy was made from goes first: a kill between the two leaves a copy
    # that is never adopted and is removed by the next writer (the run is redone), never a record
    # without its copy beside the published file
    _base_path(private).unlink(missing_ok=True)
    os.replace(private, db_path)
    dir_fd = os.open(db_path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


@contextlib.contextmanager
def writing(db_path: str | Path) -> Iterator[Path]:
    """Yield a private copy of the database to write; publish it when the block ends.

    Published on success and on Ctrl-C (every document is its own transaction, so what was
    committed is consistent and kept); discarded on any other error, leaving the published file as
    it was. The private copy starts from what a killed writer left, when there is such a copy to
    adopt (module docstring), else from a copy of the published file. Nested use on a path this
    process already writes yields that path unchanged, so harvest can call ingest on its own
    private copy.
    """
    db_path = Path(db_path)
    if db_path.resolve() in _HELD:
        yield db_path
        return
    check_database_file(db_path)
    with writer_lock(db_path):
        fold_in_wal(db_path)
        private = private_path(db_path)
        if adopt_orphan(db_path, private) is None:
            fresh_copy(db_path, private)
        remove_orphans(db_path, keep=private)
        _HELD.add(private.resolve())
        try:
            yield private
        except KeyboardInterrupt:
            publish(private, db_path)
            raise
        except BaseException:
            _remove(private)
            raise
        else:
            publish(private, db_path)
        finally:
            _HELD.discard(private.resolve())
