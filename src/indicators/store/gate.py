"""Who holds the store file inside one process, and the connection kept open between reads.

DuckDB opens a file either read-write in one process or read-only in any number of processes,
and inside one process every connection to a file must be opened the same way. A gate per file
keeps the two ways apart (`connection` opens the file under it):

- a writer waits until the process's read-only connections are closed, and readers arriving
  meanwhile wait behind it, so a busy dashboard cannot starve an upload;
- a reader arriving while writers are in joins them on a read-write connection (it sees only
  committed data), so a page never waits for an upload of its own process;
- a connection opened while the same thread holds one is opened the same way as that one.

Opening the file starts a DuckDB database, which costs 40-50 ms whatever the file's size (an
empty in-memory one costs as much, measured on the bench machine), and a filter change at
national scale reads the store once or twice. So the gate keeps one read-only connection open
after the last read ends (`_Kept`) and lends readers cursors on it. It is closed:

- when a writer of this process comes in (DuckDB would refuse its read-write open);
- when another process waits to write: it leaves a mark beside the file (`waiting_mark`),
  which the gate looks for whenever its last reader leaves and every half second meanwhile;
- when the file changed while nobody here held it (a copy restored by hand): the next reader
  opens it afresh, as it would have with no connection kept;
- after `KEEP_IDLE_S` with no read, or when a read of another store file of this process
  came later (a server reads one file; a test process, hundreds).

Readers arriving while a writer elsewhere waits still borrow the kept connection: a process
whose reads overlap without a pause makes that writer wait, as it did before anything was
kept. DuckDB's lock is a POSIX record lock, which the process loses when it closes any other
descriptor of the file (a backup's copy of its bytes); that was so before as well.
"""

from __future__ import annotations

import atexit
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

# How long the connection stays open after the last read: a person changing a filter on a
# chart they are reading does so within a minute. Another process's write does not wait for
# it (the mark), so its cost is memory, which `IDLE_SHRINK_S` bounds.
KEEP_IDLE_S = 60.0
# After this long with no read, the kept database drops its cached blocks of the file (its
# memory limit lowered to `_IDLE_MEMORY`; the limit it had is given back before the next
# read). Kept whole, they pushed a PostgreSQL server's peak at national scale from 992 to
# 1,038 MiB; dropped as every last reader left, the peak was 997 MiB but warm Trends opens
# went 1.31 -> 1.75 s, since one page's reads come in bursts a few milliseconds apart.
IDLE_SHRINK_S = 2.0
_IDLE_MEMORY = "8MB"
_SWEEP_S = 0.5  # how often an idle kept connection looks for a waiting writer's mark
# A waiting writer touches its mark every 50 ms; an older mark was left by one that died.
_MARK_FRESH_S = 2.0


class GateTimeout(Exception):
    """The file stayed held by this process's other connections past the deadline."""


def waiting_mark(real: str) -> Path:
    """The file another process's writer leaves beside the store while it waits for the
    lock, asking the processes that keep the file open for reading to let go."""
    return Path(f"{real}.writer-waiting")


class _Kept:
    """A read-only connection kept open between reads, and the file's stamp when opened."""

    def __init__(self, con: Any, stamp: tuple) -> None:
        self.con, self.stamp = con, stamp
        # The memory limit it was opened with, read when first shrunk and given back as read
        # (DuckDB shows it rounded: read again after each restore, it would creep down).
        self.limit: str | None = None
        self.shrunk = False  # its limit is `_IDLE_MEMORY` now


class Gate:
    """Who holds one file in this process: read-only connections or read-write ones, never
    both (DuckDB refuses a second configuration), with writers served before new readers."""

    def __init__(self, real: str) -> None:
        self._real = real
        self._cond = threading.Condition()
        self._mode: str | None = None  # "r" (read-only) or "w" (read-write) while held
        self._holders = 0
        self._writers_waiting = 0
        self._local = threading.local()  # the modes this thread holds, innermost last
        self._kept: _Kept | None = None
        self._last_read = 0.0
        self._going = False  # `let_go` asked while someone read: close when the last leaves

    def held_here(self) -> bool:
        """Whether this thread holds a connection to the file."""
        return bool(self._local.__dict__.get("modes"))

    @contextmanager
    def hold(self, want: str, deadline: float) -> Iterator[bool]:
        """Hold the gate until the block ends: `want` is "r" (read), "w" (write) or "x" (write
        with no one else in, to swap the file); yields whether to open the file read-only."""
        stack: list[str] = self._local.__dict__.setdefault("modes", [])
        mode = self._enter(want, stack[-1] if stack else None, deadline)
        stack.append(mode)
        try:
            yield mode == "r"
        finally:
            stack.pop()
            with self._cond:
                self._holders -= 1
                if self._holders == 0:
                    if self._mode == "r":
                        self._last_read = time.monotonic()
                        if self._writers_waiting or self._going or self._other_waits():
                            self._let_go()
                    self._mode = None
                    self._cond.notify_all()

    def kept(self) -> bool:
        """Whether a read-only connection is kept open now."""
        return self._kept is not None

    def kept_bytes(self) -> int | None:
        """The memory the kept database holds now (its buffer pool: cached blocks of the file
        and results), or None when none is kept: what keeping costs, for the tests. Asked
        while someone reads, it is that read's memory too."""
        with self._cond:
            if self._kept is None:
                return None
            query = "SELECT sum(memory_usage_bytes) FROM duckdb_memory()"
            with self._kept.con.cursor() as cursor:
                return int(cursor.execute(query).fetchone()[0] or 0)

    def let_go(self) -> None:
        """Close the kept connection now if nobody reads through it (the file is about to be
        renamed or removed by this process); otherwise when the last reader leaves."""
        with self._cond:
            if self._holders == 0:
                self._let_go()
            else:
                self._going = True

    def reader(self, stamp: tuple, open_file: Callable[[], Any]) -> tuple[Any, tuple]:
        """A read-only connection for a holder of the gate in mode "r", and the file's stamp
        when its database was opened: a cursor on the kept connection, or one opened by
        `open_file` when there is none or the file has changed since (`stamp`: the file's
        stamp now). Another reader may be using a kept connection to a file since replaced:
        its stamp then tells the caller that what it read is not the file's now."""
        global _newest
        with self._cond:
            if self._kept is not None and self._holders == 1 and self._kept.stamp != stamp:
                self._let_go()  # changed while nobody here held it: a fresh database
            self._limit(shrunk=False)  # a read gets its whole memory back
            if self._kept is not None:
                _newest = self
                return self._kept.con.cursor(), self._kept.stamp
        con = open_file()
        with self._cond:
            if self._kept is not None or self._other_waits() or _stopping:
                return con, stamp  # another reader kept one meanwhile (the same database),
                # or a writer elsewhere waits: this connection is closed after its read
            self._kept = _Kept(con, stamp)
            cursor = con.cursor()
        _keep_only(self)
        return cursor, stamp

    def sweep(self, now: float) -> None:
        """Close the kept connection if nobody reads and it should go (idle, a writer waits,
        or `_keep_only` moved on), or drop its cached blocks after `IDLE_SHRINK_S`."""
        with self._cond:
            if self._kept is not None and self._holders == 0:
                idle = now - self._last_read
                if idle > KEEP_IDLE_S or self._other_waits() or _newest is not self:
                    self._let_go()
                elif idle > IDLE_SHRINK_S:
                    self._limit(shrunk=True)  # drops its cached blocks

    def _limit(self, *, shrunk: bool) -> None:
        """Set the kept database's memory limit to `_IDLE_MEMORY` (`shrunk`) or to the one it
        was opened with. Should DuckDB refuse, the connection is closed: shrunk, it would
        cost the memory this is for; grown, the reader opens the file afresh instead."""
        kept = self._kept
        if kept is None or kept.shrunk == shrunk:
            return
        try:
            if kept.limit is None:
                query = "SELECT current_setting('memory_limit')"
                (kept.limit,) = kept.con.execute(query).fetchone()
            kept.con.execute(f"SET memory_limit = '{_IDLE_MEMORY if shrunk else kept.limit}'")
        except Exception:
            self._let_go()
            return
        kept.shrunk = shrunk

    def _let_go(self) -> None:
        """Close the kept connection (the caller holds `_cond`; nobody reads through it). A
        read-only connection has nothing to lose, and a failure to close it must not leave
        the gate held: whatever DuckDB says is dropped."""
        kept, self._kept, self._going = self._kept, None, False
        if kept is not None:
            with suppress(Exception):
                kept.con.close()

    def _other_waits(self) -> bool:
        """Whether another process's writer waits for the file now (its mark is fresh)."""
        try:
            touched = os.stat(waiting_mark(self._real)).st_mtime
        except OSError:
            return False
        return time.time() - touched < _MARK_FRESH_S

    def _enter(self, want: str, outer: str | None, deadline: float) -> str:
        with self._cond:
            if outer is not None:  # nested on this thread: waiting would wait for itself
                if want != "r" and outer == "r":
                    raise RuntimeError("a store write inside a read-only connection")
                self._holders += 1
                return outer
            writer = want != "r"
            self._writers_waiting += writer
            try:
                while not self._may_enter(want):
                    left = deadline - time.monotonic()
                    if left <= 0:
                        raise GateTimeout
                    self._cond.wait(left)
            finally:
                self._writers_waiting -= writer
            if self._mode is None:
                if writer:  # nobody reads now: the kept read-only connection goes first
                    self._let_go()
                self._mode = want
            self._holders += 1
            return self._mode

    def _may_enter(self, want: str) -> bool:
        if self._mode is None:
            return True
        if self._mode == "w":
            return want != "x"  # writers in: readers and writers join them
        if self._mode == "r":
            return want == "r" and not self._writers_waiting
        return False  # "x": the file is being swapped


_GATES: dict[str, Gate] = {}
_GATES_LOCK = threading.Lock()
_newest: Gate | None = None  # the gate that lent a kept connection last
_sweeper: threading.Thread | None = None
_stopping = False  # the interpreter is exiting: keep nothing more


def gate(real: str) -> Gate:
    """The gate of the file at the real path `real`."""
    with _GATES_LOCK:
        return _GATES.setdefault(real, Gate(real))


def _keep_only(newest: Gate) -> None:
    """`newest` now keeps a connection: the others' are closed as soon as they are idle, and
    a thread sweeps until none is kept."""
    global _newest, _sweeper
    with _GATES_LOCK:
        _newest = newest
        if not _stopping and (_sweeper is None or not _sweeper.is_alive()):
            _sweeper = threading.Thread(target=_sweep, name="store-keeper", daemon=True)
            _sweeper.start()


def _sweep() -> None:
    """The sweeper's loop: what `Gate.sweep` lets go, every `_SWEEP_S`, until none is kept.
    A gate whose sweep fails is tried again next time rather than ending the loop."""
    global _sweeper
    while not _stopping:
        time.sleep(_SWEEP_S)
        with _GATES_LOCK:
            gates = list(_GATES.values())
        for g in gates:
            with suppress(Exception):
                g.sweep(time.monotonic())
        with _GATES_LOCK:
            if not any(g.kept() for g in _GATES.values()):
                _sweeper = None
                return


@atexit.register
def _close_all() -> None:
    """At exit, close the kept connections from the main thread, not from the sweeper while
    the interpreter is being torn down (DuckDB may abort then)."""
    global _stopping
    _stopping = True
    with _GATES_LOCK:
        gates = list(_GATES.values())
    for g in gates:
        g.let_go()
