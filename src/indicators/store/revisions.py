"""The store: one DuckDB file holding every revision of the data.

Rows are versioned rather than copied: a row is part of revisions [rev_from, rev_to). The current
data is the latest revision; `as_of(rev)` reads any earlier one. Each load runs in a single
transaction, so a failed or interrupted load (even a killed process: DuckDB's write-ahead log
is replayed on the next open) leaves the previous revision intact. A rollback is a new revision
whose content equals an earlier one; history is never deleted.

All comparisons (preview, commit, rollback, diff) are set-based SQL over the whole frame
(`staging`, `changes`), so a million-row file costs seconds, not minutes. The tables and their
migrations are in `tables`.
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from indicators.core.catalog import Catalog
from indicators.core.clock import utc_now
from indicators.core.schema import KEY
from indicators.store import changes, connection, recipe_table, staging
from indicators.store.revision_rows import Entry, Revision, read_revisions, record, whoami
from indicators.store.staging import Counts, Loader, Progress
from indicators.store.tables import VERSIONED, as_of, ensure_schema, write_reference

# DuckDB lets one process write a file at a time; inside a process, two sessions committing at
# once would both pick the same next revision id, so commits are serialised here too (and a
# backup holds it to copy a file no write of this process is changing).
_WRITE_LOCK = threading.Lock()


@dataclass(frozen=True)
class Preview:
    """What a commit of these frames would do to the current revision, without doing it.

    `changes` has one row per changed key (and per removed key with `replace`): columns
    `table`, the key columns, `change` ("changed" or "removed"), and `<col>_old` / `<col>_new`
    for each of value, numerator, denominator, status, source, note.
    """

    base_revision: int
    rows_in_file: int
    rows_new: int
    rows_changed: int
    rows_unchanged: int
    rows_removed: int
    changes: pd.DataFrame


@dataclass(frozen=True)
class Write:
    """One revision to write: how each table's incoming rows are put before SQL (`load`),
    which tables, whether rows left out are retired (`replace`), what the revision records,
    and the revision a preview was of (None: any)."""

    load: Loader
    tables: list[str]
    replace: bool
    entry: Entry
    expect_revision: int | None

    def next_revision(self, con) -> int:
        """The number this revision gets, inside the write's transaction; refused as stale when
        another import came after the preview."""
        base = _current(con)
        if self.expect_revision is not None and base != int(self.expect_revision):
            raise StaleRevisionError(base, int(self.expect_revision))
        return base + 1


class StaleRevisionError(RuntimeError):
    """The store moved on since the preview: another import committed in between."""

    def __init__(self, current: int, expected: int):
        super().__init__(f"store is at revision {current}, preview was of {expected}")
        self.current, self.expected = current, expected


def content_hash(data: bytes) -> str:
    """SHA-256 of a file's bytes: the same file uploaded twice has the same hash."""
    return hashlib.sha256(data).hexdigest()


class Store:
    """A DuckDB file. Connections are short-lived so other processes can write between reads.

    `PgStore` (`store.postgres`) is the same store on PostgreSQL, for several app servers.
    """

    shared = False  # several app servers share it (PostgreSQL); `path` is then a local copy

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._seen: tuple[tuple, int] | None = None  # (file stamp, revision) read last

    @contextmanager
    def connect(self, read_only: bool = False, timeout: float = 60.0) -> Iterator:
        """A connection that retries while another process holds the file's lock.

        Another process holds it for the whole of its import (seconds for a million rows), so
        a reader waits rather than fails. `read_only` opens the file read-only unless a writer
        of this process holds it (`connection` says why) and refuses to create a missing file.
        A damaged file, one this process may not write, or a full disk raise a `StoreError`.
        """
        if read_only and not self.path.exists():
            raise FileNotFoundError(self.path)
        with connection.connect(self.path, read_only=read_only, timeout=timeout) as con:
            yield con

    # -- schema and reference tables -------------------------------------------------------

    def initialize(self, catalog: Catalog, regions: pd.DataFrame) -> None:
        """Create or migrate tables and write the catalog and unit lists (configuration)
        unless unchanged: checked read-only first, so a start that changes nothing writes
        nothing and a read-only store file serves (as it is, if seeded). A DuckDB file that is
        not a store is refused untouched."""

        def set_up(con) -> None:
            connection.refuse_foreign(con, self.path)
            ensure_schema(con)
            write_reference(con, catalog, regions)

        with _WRITE_LOCK:
            if self.path.exists():
                try:
                    with self.connect(read_only=True) as con:
                        return set_up(con)
                except duckdb.InvalidInputException as exc:  # it has to write
                    if "read-only" not in str(exc):
                        raise
            try:
                with self.connect() as con:
                    set_up(con)
            except connection.StoreReadOnlyError:
                if not self.is_seeded():
                    raise

    @contextmanager
    def held(self, *, swap: bool = False, timeout: float = 300.0) -> Iterator:
        """A connection during which no write of any process changes the file, to copy it
        (readers go on), or with `swap` to replace it (every other connection waits)."""
        held = connection.connect(self.path, read_only=not swap, timeout=timeout, alone=swap)
        with _WRITE_LOCK, held as con:
            yield con

    def is_seeded(self) -> bool:
        if not self.path.exists():
            return False
        with self.connect(read_only=True) as con:
            tables = {
                r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()
            }
            if "revisions" not in tables:
                return False
            return con.execute("SELECT count(*) FROM revisions").fetchall()[0][0] > 0

    # -- revisions ---------------------------------------------------------------------------

    def current_revision(self) -> int:
        """The latest revision, cheap enough for every run of every page (they ask it each
        time, so a commit by any process shows at the next page view).

        The file is opened only when its stamp (`connection.file_stamp`) changed since the
        last read. While another process holds the file for its import, the revision read
        last is returned at once rather than waiting: nothing is committed until that import
        ends, and a page should not freeze for it.
        """
        return self._file_revision()

    def _file_revision(self) -> int:
        self._seen = connection.unless_unchanged(self.path, self._seen, _current)
        return self._seen[1]

    def revisions(self) -> list[Revision]:
        with self.connect(read_only=True) as con:
            return read_revisions(con)

    def revision(self, rev: int) -> Revision | None:
        with self.connect(read_only=True) as con:
            found = read_revisions(con, rev)
        return found[0] if found else None

    def preview(
        self, frames: dict[str, pd.DataFrame], *, replace: bool = False, limit: int | None = None
    ) -> Preview:
        """What `commit(frames, replace=replace)` would change, computed without writing.

        Runs in a transaction that is rolled back, so nothing in the file changes. `limit`
        caps the rows of `changes` (the counts are always complete).
        """
        with self._rolled_back() as con:
            base = _current(con)
            counts, found = Counts(), []
            for table, frame in frames.items():
                staging.load_frame(con, table, frame)
                staging.stage(con, table)
                counts += staging.count(con, table, replace)
                found.append(changes.staged_changes(con, table, replace, limit))
                staging.drop_staged(con)
        return Preview(
            base_revision=base,
            rows_in_file=counts.in_file,
            rows_new=counts.new,
            rows_changed=counts.changed,
            rows_unchanged=counts.unchanged,
            rows_removed=counts.removed,
            changes=changes.concat_changes(found, limit),
        )

    def commit(
        self,
        frames: dict[str, pd.DataFrame],
        *,
        author: str | None = None,
        file_name: str | None = None,
        data: bytes | None = None,
        message: str = "",
        replace: bool = False,
        rows_rejected: int = 0,
        expect_revision: int | None = None,
        progress: Progress | None = None,
        lock_timeout: float = 300.0,
        recipe: tuple[str, str] | None = None,
    ) -> Revision:
        """Make one new revision from canonical frames, all or nothing.

        Rows whose key is in a frame replace the current rows with that key; with `replace`,
        current rows missing from the frame are retired too (a full reload). For a "valid rows
        only" import the caller passes the valid rows and `rows_rejected`, which the revision
        records (`rows_in_file` counts both). `expect_revision` (a `Preview.base_revision`)
        refuses the commit with `StaleRevisionError` if another import came first, so what was
        previewed is what is committed. `progress(fraction, message_key)` reports the steps.
        `recipe` (name, text) is the recipe that read a published table: the revision keeps
        both, and the recipe is kept by name (inserted, or its text replaced) in the same
        transaction, so a failed commit changes no recipe either.
        """
        digest = content_hash(data) if data is not None else None
        name, text = recipe if recipe else (None, None)
        entry = Entry(author, file_name, digest, message, int(rows_rejected), None, name, text)

        def load(con, table: str) -> None:
            staging.load_frame(con, table, frames[table])

        job = Write(load, list(frames), replace, entry, expect_revision)
        return self._write(job, progress, lock_timeout)

    def rollback(
        self,
        to_rev: int,
        *,
        author: str | None = None,
        message: str = "",
        progress: Progress | None = None,
        lock_timeout: float = 300.0,
    ) -> Revision:
        """A new revision whose content equals revision `to_rev`; nothing is deleted.

        Later revisions stay readable, and rolling back the rollback is another rollback.
        """
        to_rev = int(to_rev)

        def load(con, table: str) -> None:
            if not con.execute("SELECT 1 FROM revisions WHERE id = ?", [to_rev]).fetchall():
                raise ValueError(f"no revision {to_rev}")
            staging.load_revision(con, table, to_rev)

        entry = Entry(author, message=message, restores=to_rev)
        return self._write(Write(load, list(VERSIONED), True, entry, None), progress, lock_timeout)

    def _write(self, job: Write, progress: Progress | None, lock_timeout: float) -> Revision:
        """One transaction: stage the incoming rows, retire and insert, record the revision."""
        step = progress or (lambda fraction, key: None)
        step(0.0, "history.progress.waiting")
        rev, done = self._write_revision(job, step, lock_timeout)
        done = done or self.revision(rev)
        step(1.0, "history.progress.done")
        return done

    def _write_revision(
        self, job: Write, step: Progress, lock_timeout: float
    ) -> tuple[int, Revision | None]:
        """The revision's transaction; returns its number (and the revision when already read,
        else the caller reads it)."""
        with self._transaction(lock_timeout) as con:
            rev = job.next_revision(con)
            counts = staging.write(con, job.load, job.tables, rev, job.replace, step)
            record(con, rev, counts, job.entry)
            keep_recipe(con, job.entry)
            step(0.9, "history.progress.saving")
        return rev, None

    @contextmanager
    def _transaction(self, timeout: float) -> Iterator:
        """A connection in a transaction, the only writer of the store while it lasts: committed
        when the block ends, rolled back (keeping the original error) when it raises."""
        with _WRITE_LOCK, self.connect(timeout=timeout) as con:
            ensure_schema(con)
            con.execute("BEGIN TRANSACTION")
            try:
                yield con
                con.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(duckdb.Error):  # keep the original error
                    con.execute("ROLLBACK")
                raise

    @contextmanager
    def _rolled_back(self) -> Iterator:
        """A read connection in a transaction that is always rolled back (a preview)."""
        with self.connect(read_only=True) as con:
            con.execute("BEGIN TRANSACTION")
            try:
                yield con
            finally:
                con.execute("ROLLBACK")

    @contextmanager
    def records(self, read_only: bool = False) -> Iterator:
        """A connection to the small tables every server shares (accounts, sessions, the audit
        trail, recipes): the store file itself here; the PostgreSQL database for a shared
        store, where a page's data comes from a local copy instead."""
        with self.connect(read_only=read_only) as con:
            yield con

    # -- reading -----------------------------------------------------------------------------

    def read(
        self,
        table: str,
        rev: int | None = None,
        *,
        indicators: Sequence[str] | None = None,
        regions: Sequence[str] | None = None,
    ) -> pd.DataFrame:
        """A table as of a revision (default: the current one), optionally only the rows of
        some indicators and of some unit codes (on either unit list), filtered in the database:
        a national store's whole table is ten million rows, gigabytes as a frame."""
        if table not in VERSIONED:
            raise ValueError(table)
        rev = self.current_revision() if rev is None else rev
        cols = ", ".join(VERSIONED[table])
        where, params = as_of(rev), []
        for column, wanted in (("indicator", indicators), ("region", regions)):
            if wanted is not None:
                where += f" AND {column} IN (SELECT unnest(?))"
                params.append(list(wanted))
        with self.connect(read_only=True) as con:
            return con.execute(
                f"SELECT {cols} FROM {table} WHERE {where} ORDER BY {', '.join(KEY)}", params
            ).df()

    def content_hash(self, rev: int | None = None) -> str:
        """A hash of the data as of `rev` (default: current): every versioned table, in key
        order. Two revisions with equal data have equal hashes, whatever their history."""
        with self.connect(read_only=True) as con:
            rev = _current(con) if rev is None else int(rev)
            h = hashlib.sha256()
            for table, cols in VERSIONED.items():
                packed = ", ".join(f"{c} := {c}" for c in cols)
                n, digest = con.execute(
                    f"SELECT count(*), coalesce(md5(string_agg(md5(to_json(struct_pack({packed}))),"
                    f" '' ORDER BY {', '.join(KEY)})), '') FROM {table} WHERE {as_of(rev)}"
                ).fetchall()[0]
                h.update(f"{table}\t{n}\t{digest}\n".encode())
        return h.hexdigest()

    def diff(self, rev_a: int, rev_b: int, *, limit: int | None = None) -> pd.DataFrame:
        """What differs between two revisions: rows `new` in b, `changed`, `removed` from a.

        Columns as `Preview.changes`; `diff(r - 1, r)` is what revision r changed.
        """
        parts = []
        with self.connect(read_only=True) as con:
            for table in VERSIONED:
                parts.append(changes.diff(con, table, int(rev_a), int(rev_b), limit))
        return changes.concat_changes(parts, limit)


# -- helpers (all run inside the caller's connection) ------------------------------------------


def keep_recipe(con, entry: Entry) -> None:
    """The recipe that read the file, kept by name in the revision's own transaction."""
    if entry.recipe and entry.recipe_text is not None:
        author = entry.author or whoami()
        recipe_table.keep(con, entry.recipe, entry.recipe_text, author, utc_now())


def _current(con) -> int:
    return int(con.execute("SELECT coalesce(max(id), 0) FROM revisions").fetchall()[0][0])
