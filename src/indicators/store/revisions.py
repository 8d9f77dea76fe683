"""The store: one DuckDB file holding every revision of the data.

Rows are versioned rather than copied: a row is part of revisions [rev_from, rev_to). The current
data is the latest revision; `as_of(rev)` reads any earlier one. Each load runs in a single
transaction, so a failed or interrupted load (even a killed process: DuckDB's write-ahead log
is replayed on the next open) leaves the previous revision intact. A rollback is a new revision
whose content equals an earlier one; history is never deleted.

All comparisons (preview, commit, rollback, diff) are set-based SQL over the whole frame, so a
million-row file costs seconds, not minutes.
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from indicators.core.catalog import Catalog
from indicators.core.schema import KEY, OBS_COLUMNS, PERIOD_COLUMNS, TARGET_COLUMNS

SCHEMA_VERSION = "2"
VERSIONED = {
    "observations": [*OBS_COLUMNS, *PERIOD_COLUMNS],
    "targets": [*TARGET_COLUMNS, *PERIOD_COLUMNS],
}
VALUE_COLUMNS = {
    "observations": ["value", "numerator", "denominator", "status", "source", "note"],
    "targets": ["value", "status", "source", "note"],
}
# Every value column any table has, in the order the change frames show them.
ALL_VALUE_COLUMNS = VALUE_COLUMNS["observations"]

# The tables as schema 1 made them. Later columns come only through MIGRATIONS, so a new file and
# an old one reach the current schema by the same path (a test opens a schema-1 file made by DDL).
DDL = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS revisions (
    id INTEGER PRIMARY KEY,
    created_at TIMESTAMP NOT NULL,
    author VARCHAR NOT NULL,
    file_name VARCHAR,
    content_hash VARCHAR,
    message VARCHAR,
    rows_in_file INTEGER,
    rows_new INTEGER,
    rows_changed INTEGER,
    rows_unchanged INTEGER,
    rows_removed INTEGER
);
CREATE TABLE IF NOT EXISTS observations (
    indicator VARCHAR NOT NULL, unit_list VARCHAR NOT NULL, region VARCHAR NOT NULL,
    period VARCHAR NOT NULL, value DOUBLE, numerator DOUBLE, denominator DOUBLE,
    status VARCHAR NOT NULL, source VARCHAR, note VARCHAR,
    period_kind VARCHAR NOT NULL, period_start DATE NOT NULL, period_end DATE NOT NULL,
    rev_from INTEGER NOT NULL, rev_to INTEGER
);
CREATE TABLE IF NOT EXISTS targets (
    indicator VARCHAR NOT NULL, unit_list VARCHAR NOT NULL, region VARCHAR NOT NULL,
    period VARCHAR NOT NULL, value DOUBLE, status VARCHAR NOT NULL, source VARCHAR,
    note VARCHAR, period_kind VARCHAR NOT NULL, period_start DATE NOT NULL,
    period_end DATE NOT NULL,
    rev_from INTEGER NOT NULL, rev_to INTEGER
);
"""
# Schema 2: rows rejected by a "valid rows only" import, and which revision a rollback restored.
# ADD COLUMN IF NOT EXISTS keeps store files made by schema 1 working (old rows read 0 / NULL).
MIGRATIONS = (
    "ALTER TABLE revisions ADD COLUMN IF NOT EXISTS rows_rejected INTEGER DEFAULT 0",
    "ALTER TABLE revisions ADD COLUMN IF NOT EXISTS restores INTEGER",
)

# Progress steps of a commit: (fraction done, message key in indicators.core.i18n.history).
Progress = Callable[[float, str], None]

# DuckDB lets one process write a file at a time; inside a process, two sessions committing at
# once would both pick the same next revision id, so commits are serialised here too.
_WRITE_LOCK = threading.Lock()


@dataclass(frozen=True)
class Revision:
    """One load. `content_hash` is the SHA-256 of the uploaded file's bytes (None for a
    rollback); `Store.content_hash(rev)` is the hash of the data as of a revision."""

    id: int
    created_at: datetime
    author: str
    file_name: str | None
    content_hash: str | None
    message: str | None
    rows_in_file: int
    rows_new: int
    rows_changed: int
    rows_unchanged: int
    rows_removed: int
    rows_rejected: int = 0
    restores: int | None = None


REVISION_COLUMNS = [f.name for f in fields(Revision)]


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


class StaleRevisionError(RuntimeError):
    """The store moved on since the preview: another import committed in between."""

    def __init__(self, current: int, expected: int):
        super().__init__(f"store is at revision {current}, preview was of {expected}")
        self.current, self.expected = current, expected


def content_hash(data: bytes) -> str:
    """SHA-256 of a file's bytes: the same file uploaded twice has the same hash."""
    return hashlib.sha256(data).hexdigest()


def as_of(rev: int, alias: str = "") -> str:
    """SQL condition selecting the rows that made up revision `rev`."""
    p = f"{alias}." if alias else ""
    rev = int(rev)
    return f"({p}rev_from <= {rev} AND ({p}rev_to IS NULL OR {p}rev_to > {rev}))"


class Store:
    """A DuckDB file. Connections are short-lived so other processes can write between reads."""

    def __init__(self, path: str | Path):
        self.path = Path(path)

    @contextmanager
    def connect(self, read_only: bool = False, timeout: float = 60.0) -> Iterator:
        """A connection that retries while another process holds the file's lock.

        Another process holds it for the whole of its import (seconds for a million rows), so
        a reader waits rather than fails.

        Every connection is opened read-write: DuckDB refuses a read-only and a read-write
        connection to one file in the same process (e.g. a page reading while an upload
        writes). `read_only` only refuses to create a missing file.
        """
        if read_only and not self.path.exists():
            raise FileNotFoundError(self.path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + timeout
        while True:
            try:
                con = duckdb.connect(str(self.path))
                break
            except duckdb.IOException as exc:  # another process holds the write lock
                if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        try:
            yield con
        finally:
            con.close()

    # -- schema and reference tables -------------------------------------------------------

    def initialize(self, catalog: Catalog, regions: pd.DataFrame) -> None:
        """Create or migrate tables and write the catalog and unit lists (configuration).

        Skipped when they are unchanged (the common case), so a start or a CLI read does not
        rewrite them.
        """
        cat = catalog.frame()  # also read by DuckDB by name below
        reg = regions  # noqa: F841
        digest = hashlib.sha256(
            cat.to_csv(index=False).encode() + regions.to_csv(index=False).encode()
        ).hexdigest()
        with self.connect() as con:
            _ensure_schema(con)
            found = _first(con.execute("SELECT value FROM meta WHERE key = 'config_hash'"))
            if found and found[0] == digest:
                return
            anc = _ancestors(regions)  # noqa: F841
            con.execute("BEGIN TRANSACTION")
            con.execute("INSERT OR REPLACE INTO meta VALUES ('config_hash', ?)", [digest])
            con.execute("CREATE OR REPLACE TABLE catalog AS SELECT * FROM cat")
            con.execute("CREATE OR REPLACE TABLE regions AS SELECT * FROM reg")
            con.execute("CREATE OR REPLACE TABLE region_ancestors AS SELECT * FROM anc")
            con.execute("COMMIT")

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
        with self.connect(read_only=True) as con:
            return int(con.execute("SELECT coalesce(max(id), 0) FROM revisions").fetchall()[0][0])

    def revisions(self) -> list[Revision]:
        with self.connect(read_only=True) as con:
            return _revisions(con)

    def revision(self, rev: int) -> Revision | None:
        with self.connect(read_only=True) as con:
            found = _revisions(con, rev)
        return found[0] if found else None

    def preview(
        self, frames: dict[str, pd.DataFrame], *, replace: bool = False, limit: int | None = None
    ) -> Preview:
        """What `commit(frames, replace=replace)` would change, computed without writing.

        Runs in a transaction that is rolled back, so nothing in the file changes. `limit`
        caps the rows of `changes` (the counts are always complete).
        """
        with self.connect(read_only=True) as con:
            con.execute("BEGIN TRANSACTION")
            try:
                base = _current(con)
                stats = _zero_stats()
                changes = []
                for table, frame in frames.items():
                    _load_frame(con, table, frame)
                    _stage(con, table)
                    _add(stats, _count(con, table, replace))
                    changes.append(_changes(con, table, replace, limit))
                    _drop_temp(con)
            finally:
                con.execute("ROLLBACK")
        return Preview(
            base_revision=base,
            rows_in_file=stats["in_file"],
            rows_new=stats["new"],
            rows_changed=stats["changed"],
            rows_unchanged=stats["unchanged"],
            rows_removed=stats["removed"],
            changes=_concat_changes(changes, limit),
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
    ) -> Revision:
        """Make one new revision from canonical frames, all or nothing.

        Rows whose key is in a frame replace the current rows with that key; with `replace`,
        current rows missing from the frame are retired too (a full reload). For a "valid rows
        only" import the caller passes the valid rows and `rows_rejected`, which the revision
        records (`rows_in_file` counts both). `expect_revision` (a `Preview.base_revision`)
        refuses the commit with `StaleRevisionError` if another import came first, so what was
        previewed is what is committed. `progress(fraction, message_key)` reports the steps.
        """

        def load(con, table: str) -> None:
            _load_frame(con, table, frames[table])

        return self._write(
            load,
            tables=list(frames),
            replace=replace,
            extra={
                "author": author or _whoami(),
                "file_name": file_name,
                "content_hash": content_hash(data) if data is not None else None,
                "message": message,
                "rows_rejected": int(rows_rejected),
            },
            expect_revision=expect_revision,
            progress=progress,
            lock_timeout=lock_timeout,
        )

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
            if not _revisions(con, to_rev):
                raise ValueError(f"no revision {to_rev}")
            cols = ", ".join(VERSIONED[table])
            con.execute(
                f"CREATE TEMP VIEW incoming AS SELECT {cols} FROM {table} WHERE {as_of(to_rev)}"
            )

        return self._write(
            load,
            tables=list(VERSIONED),
            replace=True,
            extra={
                "author": author or _whoami(),
                "file_name": None,
                "content_hash": None,
                "message": message,
                "rows_rejected": 0,
                "restores": to_rev,
            },
            expect_revision=None,
            progress=progress,
            lock_timeout=lock_timeout,
        )

    def _write(
        self,
        load: Callable,
        *,
        tables: list[str],
        replace: bool,
        extra: dict,
        expect_revision: int | None,
        progress: Progress | None,
        lock_timeout: float,
    ) -> Revision:
        """One transaction: stage the incoming rows, retire and insert, record the revision."""
        step = progress or (lambda fraction, key: None)
        step(0.0, "history.progress.waiting")
        with _WRITE_LOCK, self.connect(timeout=lock_timeout) as con:
            _ensure_schema(con)
            con.execute("BEGIN TRANSACTION")
            try:
                base = _current(con)
                if expect_revision is not None and base != int(expect_revision):
                    raise StaleRevisionError(base, int(expect_revision))
                rev = base + 1
                stats = _zero_stats()
                for n, table in enumerate(tables):
                    share = 0.85 / len(tables)
                    at = 0.05 + n * share
                    step(at, "history.progress.reading")
                    load(con, table)
                    step(at + 0.2 * share, "history.progress.comparing")
                    _stage(con, table)
                    _add(stats, _count(con, table, replace))
                    step(at + 0.4 * share, "history.progress.writing")
                    _retire_and_insert(con, table, rev, replace)
                    _drop_temp(con)
                row = {
                    "id": rev,
                    "created_at": datetime.now(UTC).replace(tzinfo=None),
                    "rows_in_file": stats["in_file"] + extra.get("rows_rejected", 0),
                    "rows_new": stats["new"],
                    "rows_changed": stats["changed"],
                    "rows_unchanged": stats["unchanged"],
                    "rows_removed": stats["removed"],
                    "restores": None,
                    **extra,
                }
                con.execute(
                    f"INSERT INTO revisions ({', '.join(REVISION_COLUMNS)})"
                    f" VALUES ({', '.join('?' * len(REVISION_COLUMNS))})",
                    [row[c] for c in REVISION_COLUMNS],
                )
                step(0.9, "history.progress.saving")
                con.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(duckdb.Error):  # keep the original error
                    con.execute("ROLLBACK")
                raise
            done = _revisions(con, rev)[0]
        step(1.0, "history.progress.done")
        return done

    # -- reading -----------------------------------------------------------------------------

    def read(
        self, table: str, rev: int | None = None, *, indicators: Sequence[str] | None = None
    ) -> pd.DataFrame:
        """A table as of a revision (default: the current one), optionally some indicators'
        rows only (filtered in the database, not after reading everything)."""
        if table not in VERSIONED:
            raise ValueError(table)
        rev = self.current_revision() if rev is None else rev
        cols = ", ".join(VERSIONED[table])
        where, params = as_of(rev), []
        if indicators is not None:
            where += " AND indicator IN (SELECT unnest(?))"
            params = [list(indicators)]
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
                parts.append(_diff(con, table, int(rev_a), int(rev_b), limit))
        return _concat_changes(parts, limit)


# -- helpers (all run inside the caller's connection) ------------------------------------------


def _whoami() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _ensure_schema(con) -> None:
    """Create missing tables and migrate older files; no write when already current."""
    tables = {
        r[0]
        for r in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE NOT temporary"
        ).fetchall()
    }
    if "meta" in tables:
        found = _first(con.execute("SELECT value FROM meta WHERE key = 'schema_version'"))
        if found and found[0] == SCHEMA_VERSION:
            return
    con.execute("BEGIN TRANSACTION")
    con.execute(DDL)
    for sql in MIGRATIONS:
        con.execute(sql)
    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
    con.execute("COMMIT")


def _first(result) -> tuple | None:
    """The first row, reading the rest so the connection is free (DuckDB 2 refuses
    `register` while a result is unfinished)."""
    rows = result.fetchall()
    return rows[0] if rows else None


def _current(con) -> int:
    return int(con.execute("SELECT coalesce(max(id), 0) FROM revisions").fetchall()[0][0])


def _revisions(con, rev: int | None = None) -> list[Revision]:
    have = {r[0] for r in con.execute("DESCRIBE revisions").fetchall()}
    cols = ", ".join(c if c in have else f"NULL AS {c}" for c in REVISION_COLUMNS)
    where = "" if rev is None else f"WHERE id = {int(rev)}"
    rows = con.execute(f"SELECT {cols} FROM revisions {where} ORDER BY id").fetchall()
    return [Revision(*r[:-2], rows_rejected=r[-2] or 0, restores=r[-1]) for r in rows]


def _zero_stats() -> dict[str, int]:
    return dict.fromkeys(("in_file", "new", "changed", "unchanged", "removed"), 0)


def _add(stats: dict[str, int], more: dict[str, int]) -> None:
    for k, v in more.items():
        stats[k] += v


def _load_frame(con, table: str, frame: pd.DataFrame) -> None:
    """Expose a canonical frame to SQL as `incoming` (no copy; `_stage` casts and copies)."""
    if table not in VERSIONED:
        raise ValueError(f"unknown table {table!r}")
    con.register("incoming", _arrow(frame[VERSIONED[table]]))


def _arrow(frame: pd.DataFrame):
    """The frame as an Arrow table: DuckDB scans it several times faster than a frame whose
    dates are Python objects. Mixed-type object columns fall back to the frame itself."""
    try:
        return pa.Table.from_pandas(frame, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return frame


def _same(table: str, a: str = "c", b: str = "i") -> str:
    return " AND ".join(f"{a}.{v} IS NOT DISTINCT FROM {b}.{v}" for v in VALUE_COLUMNS[table])


def _key_eq(a: str = "c", b: str = "i") -> str:
    return " AND ".join(f"{a}.{k} = {b}.{k}" for k in KEY)


def _stage(con, table: str) -> None:
    """TEMP `staged`: each incoming row, cast to the table's types, with the current row of its
    key (rowid, old values) and whether anything differs. Refuses a key given twice."""
    types = {r[0]: r[1] for r in con.execute(f"DESCRIBE {table}").fetchall()}
    cast = ", ".join(f"CAST({c} AS {types[c]}) AS {c}" for c in VERSIONED[table])
    old = ", ".join(f"c.{v} AS {v}_old" for v in VALUE_COLUMNS[table])
    con.execute(
        f"CREATE TEMP TABLE staged AS WITH i AS (SELECT {cast} FROM incoming)"
        f" SELECT i.*, c.cur_row, {old},"
        f" coalesce(c.cur_row IS NOT NULL AND {_same(table)}, false) AS same"
        f" FROM i LEFT JOIN"
        f" (SELECT rowid AS cur_row, * FROM {table} WHERE rev_to IS NULL) c ON {_key_eq()}"
    )
    dup = _first(
        con.execute(
            f"SELECT {', '.join(KEY)}, count(*) FROM staged GROUP BY ALL"
            " HAVING count(*) > 1 LIMIT 1"
        )
    )
    if dup:
        raise ValueError(f"{table}: key {dup[:-1]} appears {dup[-1]} times in one load")


def _drop_temp(con) -> None:
    con.execute("DROP TABLE IF EXISTS temp.staged")
    with contextlib.suppress(duckdb.Error):  # a registered frame
        con.unregister("incoming")
    con.execute("DROP VIEW IF EXISTS temp.incoming")


def _removed_sql(table: str, what: str) -> str:
    """Current rows of `table` whose key is not staged (retired by a full reload)."""
    return (
        f"SELECT {what} FROM {table} c WHERE c.rev_to IS NULL AND NOT EXISTS"
        f" (SELECT 1 FROM staged s WHERE s.cur_row = c.rowid)"
    )


def _count(con, table: str, replace: bool) -> dict[str, int]:
    total, new, unchanged = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE cur_row IS NULL),"
        " count(*) FILTER (WHERE same) FROM staged"
    ).fetchall()[0]
    removed = con.execute(_removed_sql(table, "count(*)")).fetchall()[0][0] if replace else 0
    return {
        "in_file": total,
        "new": new,
        "changed": total - new - unchanged,
        "unchanged": unchanged,
        "removed": removed,
    }


def _retire_and_insert(con, table: str, rev: int, replace: bool) -> None:
    cols = ", ".join(VERSIONED[table])
    if replace:
        con.execute(
            f"UPDATE {table} SET rev_to = {rev} WHERE rowid IN ({_removed_sql(table, 'c.rowid')})"
        )
    con.execute(
        f"UPDATE {table} SET rev_to = {rev} WHERE rowid IN"
        " (SELECT cur_row FROM staged WHERE cur_row IS NOT NULL AND NOT same)"
    )
    con.execute(
        f"INSERT INTO {table} ({cols}, rev_from, rev_to)"
        f" SELECT {cols}, {rev}, NULL FROM staged WHERE NOT same"
    )


def _change_columns(table: str, old: str | None, new: str | None) -> str:
    """old/new pairs for every value column, NULL where a table lacks one."""
    out = []
    for v in ALL_VALUE_COLUMNS:
        has = v in VALUE_COLUMNS[table]
        for side, src in (("old", old), ("new", new)):
            expr = src.format(v=v) if (has and src) else "NULL"
            out.append(f"{expr} AS {v}_{side}")
    return ", ".join(out)


def _changes(con, table: str, replace: bool, limit: int | None) -> pd.DataFrame:
    keys = ", ".join(KEY)
    lim = "" if limit is None else f" LIMIT {int(limit)}"
    sql = (
        f"SELECT '{table}' AS \"table\", {keys}, 'changed' AS change,"
        f" {_change_columns(table, '{v}_old', '{v}')} FROM staged"
        " WHERE cur_row IS NOT NULL AND NOT same"
    )
    if replace:
        sql += (
            f" UNION ALL SELECT '{table}', {keys}, 'removed',"
            f" {_change_columns(table, 'c.{v}', None)} FROM (" + _removed_sql(table, "c.*") + ") c"
        )
    return con.execute(f"SELECT * FROM ({sql}) ORDER BY {keys}{lim}").df()


def _diff(con, table: str, rev_a: int, rev_b: int, limit: int | None) -> pd.DataFrame:
    cols = ", ".join(VERSIONED[table])
    keys = ", ".join(f"coalesce(a.{k}, b.{k}) AS {k}" for k in KEY)
    lim = "" if limit is None else f" LIMIT {int(limit)}"
    sql = (
        f"WITH a AS (SELECT {cols} FROM {table} WHERE {as_of(rev_a)}),"
        f" b AS (SELECT {cols} FROM {table} WHERE {as_of(rev_b)})"
        f" SELECT '{table}' AS \"table\", {keys},"
        " CASE WHEN a.indicator IS NULL THEN 'new' WHEN b.indicator IS NULL THEN 'removed'"
        " ELSE 'changed' END AS change,"
        f" {_change_columns(table, 'a.{v}', 'b.{v}')}"
        f" FROM a FULL OUTER JOIN b ON {_key_eq('a', 'b')}"
        f" WHERE a.indicator IS NULL OR b.indicator IS NULL OR NOT ({_same(table, 'a', 'b')})"
    )
    return con.execute(f"SELECT * FROM ({sql}) ORDER BY {', '.join(KEY)}{lim}").df()


def _concat_changes(parts: list[pd.DataFrame], limit: int | None) -> pd.DataFrame:
    parts = [p for p in parts if not p.empty] or parts[:1]
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    return out.head(limit) if limit is not None else out


def _ancestors(regions: pd.DataFrame) -> pd.DataFrame:
    """Each unit with each unit above it and how many levels below that unit it sits."""
    depth = {"province": 0, "district": 1, "commune": 2}
    rows = []
    for r in regions.itertuples(index=False):
        d = depth[r.level]
        if r.level != "province":
            rows.append((r.unit_list, r.code, r.province_code, "province", d))
        if r.level == "commune" and isinstance(r.district_code, str):
            rows.append((r.unit_list, r.code, r.district_code, "district", d - 1))
    return pd.DataFrame(rows, columns=["unit_list", "code", "ancestor", "ancestor_level", "depth"])
