"""Opening the store file: how the connections of one process share it, how they wait for other
processes, and what a refusal to open means to the person who asked.

DuckDB opens a file either read-write in one process (an exclusive lock) or read-only in any
number of processes (a shared lock). Readers open read-only, so several dashboard processes
read at once and a store file nobody may write (a read-only disk, a file owned by another
account) still serves. Inside the process a gate per file (`store.gate`) keeps readers and
writers apart and keeps one read-only connection open between reads.

Across processes the lock is DuckDB's: opening retries while another process holds it, and a
writer that waits leaves a mark asking other processes to close the connections they keep. An
error that means the file itself is the problem (damaged, not a DuckDB file, read-only, disk
full) becomes a `StoreError` that names the file and says what to do, in both languages.
"""

from __future__ import annotations

import errno
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from indicators.core.i18n import WordedError
from indicators.core.settings import duckdb_memory
from indicators.store.gate import GateTimeout, gate, waiting_mark

# Never fetch or load an extension because of what a file looks like (a SQLite file at the
# store's path would otherwise make DuckDB try to download its SQLite reader). DuckDB's memory
# is bounded (`core.settings.duckdb_memory`): by default it takes 80% of the machine's, which
# several app servers on one machine would each claim; past the bound it spills to disk.
CONFIG = {
    "autoload_known_extensions": False,
    "autoinstall_known_extensions": False,
    "memory_limit": duckdb_memory(),
}
# What DuckDB says when the bytes of the file are not a whole DuckDB database.
_DAMAGE = (
    "not a valid duckdb database file",
    "could not read enough bytes",
    "corrupt database file",
    "checksum",
    "extension",
    "with version number",
)
_LOCKED = ("could not set lock", "conflicting lock")
T = TypeVar("T")
_NO_WRITE = ("permission denied", "read-only file system")
_NO_WRITE_ERRNO = (errno.EACCES, errno.EPERM, errno.EROFS)
_FULL = "no space left on device"


class StoreError(WordedError):
    """The store file cannot be used as asked; `text(lang)` says why and what to do."""


class StoreDamagedError(StoreError):
    """The file is damaged, or is not a store of ours (`store.damaged`, `store.not_ours`)."""


class StoreBusyError(StoreError):
    """Another process (or a write of this one) held the file past the time given."""


class StoreReadOnlyError(StoreError):
    """A write was asked of a store file that this process may only read."""


class StoreFullError(StoreError):
    """The disk holding the file is full: the write was rolled back, nothing changed."""


def _reason(exc: BaseException) -> str:
    """DuckDB's (or the OS's) first line, without DuckDB's 'IO Error: ' kind."""
    line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    kind, sep, rest = line.partition(": ")
    return rest if sep and kind.endswith("Error") else line


def refusal(exc: BaseException, path: Path, *, read_only: bool) -> StoreError:
    """What a failure to open the file at `path` means, worded."""
    text = str(exc).lower()
    if _FULL in text or getattr(exc, "errno", None) == errno.ENOSPC:
        return StoreFullError("store.disk_full", path=path)
    if any(s in text for s in _NO_WRITE) or getattr(exc, "errno", None) in _NO_WRITE_ERRNO:
        if read_only:
            return StoreError("store.unreadable", path=path, reason=_reason(exc))
        return StoreReadOnlyError("store.read_only", path=path, reason=_reason(exc))
    if any(s in text for s in _DAMAGE):
        return StoreDamagedError("store.damaged", path=path, reason=_reason(exc))
    return StoreError("store.cannot_open", path=path, reason=_reason(exc))


def failure(exc: BaseException, path: Path) -> StoreError | None:
    """What an error while using an open file means, worded; None when the file is not the
    problem (a wrong query, a broken rule: those are raised as they are)."""
    text = str(exc).lower()
    if _FULL in text or getattr(exc, "errno", None) == errno.ENOSPC:
        return StoreFullError("store.disk_full", path=path)
    if any(s in text for s in _NO_WRITE):  # e.g. the write-ahead log in a read-only folder
        return StoreReadOnlyError("store.read_only", path=path, reason=_reason(exc))
    if any(s in text for s in _DAMAGE if s != "extension"):
        return StoreDamagedError("store.damaged", path=path, reason=_reason(exc))
    return None


def refuse_foreign(con, path: Path) -> None:
    """Refuse a DuckDB file that holds tables but none of a store's (another program's
    database named by mistake), before anything is written to it."""
    tables = {
        r[0]
        for r in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE NOT temporary"
        ).fetchall()
    }
    if tables and not tables & {"meta", "revisions"}:
        names = ", ".join(sorted(tables)[:5])
        raise StoreDamagedError("store.not_ours", path=path, tables=names)


def file_stamp(path: Path) -> tuple:
    """What changes whenever anything writes the store file: the file's and its write-ahead
    log's identity, size and modification time. A commit appends to the log and a checkpoint
    rewrites the file, so an unchanged stamp means unchanged data, known without opening it
    (opening costs tens of milliseconds; a stat, microseconds)."""
    stamp: list[tuple[int, int, int] | None] = []
    for file in (Path(path), Path(f"{path}.wal")):
        try:
            st = file.stat()
        except FileNotFoundError:
            stamp.append(None)
            continue
        stamp.append((st.st_ino, st.st_size, st.st_mtime_ns))
    return tuple(stamp)


def unless_unchanged(
    path: Path, seen: tuple[tuple, T] | None, read: Callable[[Any], T]
) -> tuple[tuple, T]:
    """(stamp, `read(con)`) on a read-only connection, or `seen` as it is while the file's
    stamp is unchanged: no connection opened. While another process (or a write of this one)
    holds the file, `seen` is returned at once rather than waited for: nothing it writes
    shows before it commits, and a page should not freeze meanwhile. The stamp kept is the
    one the connection's database was opened at (`Gate.reader`), so a read through a kept
    connection to a file since replaced is read again next time."""
    stamp = file_stamp(path)
    if seen is not None and seen[0] == stamp:
        return seen
    if stamp[0] is None:
        raise FileNotFoundError(path)
    try:  # stamp first, then read: a commit in between is seen as a change next time
        with _connected(path, read_only=True, timeout=0 if seen else 60) as (con, opened):
            return opened, read(con)
    except StoreBusyError:
        if seen is None:
            raise
        return seen


def held_here(path: Path) -> bool:
    """Whether this thread already holds a connection to the file at `path` (a write asked
    for now would wait for itself)."""
    return gate(os.path.realpath(path)).held_here()


def kept_open(path: Path) -> bool:
    """Whether this process keeps a read-only connection to the file at `path` open."""
    return gate(os.path.realpath(path)).kept()


def kept_bytes(path: Path) -> int | None:
    """The memory held by the connection this process keeps to `path`, or None if none is."""
    return gate(os.path.realpath(path)).kept_bytes()


def let_go(path: Path) -> None:
    """Close the connection this process keeps to the file at `path` (it is about to be
    renamed), as soon as nobody reads through it."""
    gate(os.path.realpath(path)).let_go()


@contextmanager
def connect(path: Path, *, read_only: bool, timeout: float, alone: bool = False) -> Iterator:
    """A DuckDB connection to `path`: read-only if asked and no writer of this process holds
    the file, retrying while another process holds its lock, for at most `timeout` seconds.
    `alone` (a write) also keeps every other connection of this process out until it ends."""
    with _connected(path, read_only=read_only, timeout=timeout, alone=alone) as (con, _):
        yield con


@contextmanager
def _connected(
    path: Path, *, read_only: bool, timeout: float, alone: bool = False
) -> Iterator[tuple[Any, tuple]]:
    """`connect`'s connection, and the file's stamp its database was opened at."""
    real = os.path.realpath(path)  # one gate, and one DuckDB instance, whatever the spelling
    deadline = time.monotonic() + timeout
    want = "r" if read_only else "x" if alone else "w"
    try:
        held = gate(real)
        with held.hold(want, deadline) as as_reader:
            stamp = file_stamp(real)
            if as_reader:
                opened = partial(_open, real, path, True, deadline, timeout)
                con, stamp = held.reader(stamp, opened)
            else:
                con = _open(real, path, False, deadline, timeout)
            try:
                yield con, stamp
            except (duckdb.Error, OSError) as exc:
                problem = failure(exc, path)
                if problem is None:
                    raise
                raise problem from exc
            finally:
                con.close()
    except GateTimeout as exc:
        raise StoreBusyError("store.busy", path=path, seconds=round(timeout)) from exc


def _open(real: str, path: Path, read_only: bool, deadline: float, timeout: float):
    """Open the file, waiting while another process holds its lock; a writer that waits
    leaves the mark (`gate.waiting_mark`) until it gets in or gives up."""
    if not read_only:
        try:
            Path(real).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise refusal(exc, path, read_only=False) from exc
    mark = None if read_only else waiting_mark(real)
    try:
        while True:
            try:
                return duckdb.connect(real, read_only=read_only, config=CONFIG)
            except duckdb.Error as exc:
                if not any(s in str(exc).lower() for s in _LOCKED):
                    raise refusal(exc, path, read_only=read_only) from exc
                if time.monotonic() > deadline:
                    raise StoreBusyError("store.busy", path=path, seconds=round(timeout)) from exc
                _leave(mark)
                time.sleep(0.05)
    finally:
        if mark is not None:
            with suppress(OSError):
                mark.unlink(missing_ok=True)


def _leave(mark: Path | None) -> None:
    """Leave the waiting writer's mark (again: another writer that got in took it away). A
    folder this process may not write to gets none: its writes are refused anyway."""
    if mark is not None:
        with suppress(OSError):
            mark.touch()
