"""The store on PostgreSQL, for several app servers: the same `Store`, with its data and its
small tables in one shared database and a local DuckDB copy of the data on each server.

Writes (a commit, a rollback, an account, a session, a line of the audit trail, a recipe) go
to PostgreSQL in its transactions, one revision at a time across every server (an advisory
lock), with the same "another import landed after your preview" refusal. Reads of data go to
the server's local copy (`mirror`), caught up to the database's latest revision whenever a
connection is asked for, so a page's SQL is the DuckDB SQL of a one-office store and an import
on one server is read on the others at their next page view. A revision never changes once
committed, so what a server cached by revision stays right.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd
import psycopg
import pyarrow as pa
from psycopg import errors

from indicators.core.catalog import Catalog
from indicators.store import connection, mirror, pg, pg_staging, pg_tables, staging
from indicators.store.revision_rows import Revision, record
from indicators.store.revisions import Store, Write, keep_recipe
from indicators.store.staging import Progress
from indicators.store.tables import ensure_schema

# Seconds a server reads its copy as it is, after the database did not answer, before asking
# again (each question waits for the pool's time-out); and seconds a catch-up that failed is
# answered with its error before it is tried again.
_RETRY_AFTER = 10.0
# One catch-up of a local copy at a time in the process (the file's gate lets writers join
# each other, which suits commits of one DuckDB file but would apply a revision twice here).
_CATCHING_UP: dict[str, threading.Lock] = {}
_CATCHING_UP_LOCK = threading.Lock()


def _catch_up_lock(path: Path) -> threading.Lock:
    with _CATCHING_UP_LOCK:
        return _CATCHING_UP.setdefault(os.path.realpath(path), threading.Lock())


class PgStore(Store):
    """The store in the PostgreSQL database at `url`, read through the DuckDB copy at `copy`
    (`path`, as for a one-office store: what decks and the command line open)."""

    shared = True

    def __init__(self, url: str, copy: str | Path):
        super().__init__(copy)
        self.url = url
        self._held: mirror.Head | None = None  # what this process last saw the copy hold
        self._unreachable_until = 0.0
        self._failed: tuple[float, connection.StoreError] | None = None  # until, why

    def __repr__(self) -> str:
        return f"PgStore({pg.where(self.url)!r}, copy={str(self.path)!r})"

    # -- reading: the local copy ---------------------------------------------------------------

    @contextmanager
    def connect(self, read_only: bool = False, timeout: float = 60.0) -> Iterator:
        """A read-only connection to this server's copy, caught up with the database first.
        Data is written only through `commit`, `rollback` and `records`."""
        if not read_only:
            raise RuntimeError("the shared store's data is written by commit and rollback")
        self.catch_up(timeout)
        with super().connect(read_only=True, timeout=timeout) as con:
            yield con

    def catch_up(self, timeout: float = 60.0) -> None:
        """Bring the local copy to the database's latest revision (nothing to do, the common
        case, costs one small query). Inside a read this thread already holds, the copy is
        served as it is: a write now would wait for that read. While the database cannot be
        reached, pages go on reading the copy as it is (writes say why they cannot).

        The catch-up holds the copy alone: no reader of this process meets it half done. One
        that failed may leave the copy behind (it goes on from there) or half filled (it then
        notes no revision held, and is filled again): it is not read from, and for
        `_RETRY_AFTER` seconds a page that needs it gets the same error rather than starting
        another (each would)."""
        if connection.held_here(self.path):
            return
        if self._held is not None and time.monotonic() < self._unreachable_until:
            return  # the database did not answer a moment ago: no page waits for it again
        try:
            with pg.connect(self.url) as con:
                seen = mirror.latest_of(con)
        except connection.StoreError:
            if self._held is None:  # nothing read yet: say the database cannot be reached
                raise
            self._unreachable_until = time.monotonic() + _RETRY_AFTER
            return
        if seen == self._held:
            return
        self._recent_failure()
        with _catch_up_lock(self.path):
            if seen == self._held:  # another thread of this process caught up meanwhile
                return
            self._recent_failure()
            try:
                with (
                    connection.connect(
                        self.path, read_only=False, timeout=timeout, alone=True
                    ) as local,
                    pg.connect(self.url) as server,
                ):
                    ensure_schema(local)
                    self._held = None  # until the copy is whole again
                    self._held = self._bring(local, server)
            except connection.StoreError as exc:
                self._failed = (time.monotonic() + _RETRY_AFTER, exc)
                raise
            self._failed = None

    def _recent_failure(self) -> None:
        """Raise again what the last catch-up failed with, if that was a moment ago."""
        failed = self._failed  # read once: another thread may clear it
        if failed is not None and time.monotonic() < failed[0]:
            raise type(failed[1])(failed[1].rule, **failed[1].params) from failed[1]

    def current_revision(self) -> int:
        """The database's latest revision, as this server's copy now holds it: one small query
        to the database (and a catch-up when another server committed), then the copy's
        revision, read without opening it while it is unchanged."""
        self.catch_up()
        return self._file_revision()

    def _bring(self, local, server, verify: bool = False) -> mirror.Head:
        """Catch the copy open on `local` up to the head read now on `server`: under the
        copy's lock, so no other thread or process moves the copy between reading the head and
        applying it (a copy ahead of a head read earlier would look like a restored database).
        With `verify`, a copy already at the head is tallied against the database too. What
        the database answers that cannot be applied is worded."""
        head = mirror.latest_of(server)
        try:
            mirror.catch_up(local, server, head, verify)
        except (psycopg.Error, pa.ArrowException, mirror.Disagrees) as exc:
            raise pg.failed(self.url, exc) from exc
        return head

    # -- the database ------------------------------------------------------------------------

    def initialize(self, catalog: Catalog, regions: pd.DataFrame) -> None:
        """Create or migrate the database's tables (versioned migrations, once, whichever
        server starts first), then the local copy's tables and this server's configuration."""
        with pg.connect(self.url) as con:
            pg_tables.ensure_schema(con, self.url)
        Store(self.path).initialize(catalog, regions)

    def is_seeded(self) -> bool:
        with pg.connect(self.url) as con:
            if pg_tables.schema_version(con) == 0:
                return False
            return bool(con.execute("SELECT count(*) FROM revisions").fetchall()[0][0])

    @contextmanager
    def records(self, read_only: bool = False) -> Iterator:
        with pg.connect(self.url) as con:
            yield con

    def _write_revision(
        self, job: Write, step: Progress, lock_timeout: float
    ) -> tuple[int, Revision | None]:
        """One revision, all or nothing, one at a time across every server.

        Under the store's write lock the local copy is the database as of the base revision,
        so the load is staged and compared there (DuckDB, as for a store file) and only its
        result is written to PostgreSQL. The copy makes the same change in its own transaction,
        committed after PostgreSQL's: a copy that fails then is behind, and catches up at the
        next read, and the revision is answered from PostgreSQL's row (it is saved)."""
        with pg.connect(self.url) as pgcon:
            pg_tables.ensure_schema(pgcon, self.url)
            pgcon.execute("BEGIN")
            committed, done = False, None
            try:
                self._lock(pgcon, lock_timeout)
                rev = job.next_revision(pgcon)
                with (
                    _catch_up_lock(self.path),
                    connection.connect(
                        self.path, read_only=False, timeout=lock_timeout, alone=True
                    ) as local,
                ):
                    ensure_schema(local)
                    # now exactly the database at `base`, tallied (else filled again)
                    self._held = None
                    self._held = self._bring(local, pgcon, verify=True)
                    local.execute("BEGIN TRANSACTION")
                    try:
                        write_rows = pg_staging.pushing(pgcon)
                        counts = staging.write(
                            local, job.load, job.tables, rev, job.replace, step, write_rows
                        )
                        record(pgcon, rev, counts, job.entry)
                        keep_recipe(pgcon, job.entry)
                        step(0.9, "history.progress.saving")
                        pgcon.execute("COMMIT")
                        committed = True
                        head, done = mirror.committed(pgcon, rev)
                        mirror.note_commit(local, head, done)
                        local.execute("COMMIT")
                        self._held = head
                    except BaseException:
                        with contextlib.suppress(duckdb.Error):
                            local.execute("ROLLBACK")
                        if done is None:  # not saved, or not known to be: say why
                            raise
                        self._held = None  # saved; the copy is behind and catches up later
            except BaseException:
                if not committed:
                    with contextlib.suppress(psycopg.Error):  # keep the original error
                        pgcon.execute("ROLLBACK")
                raise
        return rev, done

    def _lock(self, pgcon, timeout: float) -> None:
        """The store's write lock, waited for at most `timeout` seconds."""
        pgcon.execute(f"SET LOCAL lock_timeout = '{max(1, int(timeout * 1000))}ms'")
        try:
            pgcon.execute("SELECT pg_advisory_xact_lock(?)", [pg_tables.WRITE_LOCK])
        except errors.LockNotAvailable as exc:
            raise connection.StoreBusyError(
                "store.busy", path=pg.where(self.url), seconds=round(timeout)
            ) from exc
        pgcon.execute("SET LOCAL lock_timeout = 0")
