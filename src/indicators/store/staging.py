"""The set-based SQL of one load: stage the incoming rows against the current ones, count what
they change, then retire the replaced rows and insert the new ones.

Everything runs inside the caller's connection and transaction, over whole tables, so a
million-row file costs seconds, not minutes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass

import duckdb
import pandas as pd
import pyarrow as pa

from indicators.core.schema import KEY
from indicators.store.tables import VALUE_COLUMNS, VERSIONED, as_of, first_row

# Progress steps of a commit: (fraction done, message key in indicators.core.i18n.history).
Progress = Callable[[float, str], None]
# Puts one table's incoming rows before SQL as `incoming`, inside the write's connection.
Loader = Callable[[duckdb.DuckDBPyConnection, str], None]


@dataclass(frozen=True)
class Counts:
    """Rows of a load: in the file, and new / changed / unchanged / removed in the store."""

    in_file: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.in_file + other.in_file,
            self.new + other.new,
            self.changed + other.changed,
            self.unchanged + other.unchanged,
            self.removed + other.removed,
        )


def load_frame(con, table: str, frame: pd.DataFrame) -> None:
    """Expose a canonical frame to SQL as `incoming` (no copy; `stage` casts and copies)."""
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


def same_values(table: str, a: str = "c", b: str = "i") -> str:
    """SQL: rows `a` and `b` hold the same value columns (NULL equal to NULL)."""
    return " AND ".join(f"{a}.{v} IS NOT DISTINCT FROM {b}.{v}" for v in VALUE_COLUMNS[table])


def same_key(a: str = "c", b: str = "i") -> str:
    """SQL: rows `a` and `b` have the same key (indicator, unit list, region, period)."""
    return " AND ".join(f"{a}.{k} = {b}.{k}" for k in KEY)


def stage(con, table: str) -> None:
    """TEMP `staged`: each incoming row, cast to the table's types, with the current row of its
    key (rowid, old values) and whether anything differs. Refuses a key given twice."""
    types = {r[0]: r[1] for r in con.execute(f"DESCRIBE {table}").fetchall()}
    cast = ", ".join(f"CAST({c} AS {types[c]}) AS {c}" for c in VERSIONED[table])
    old = ", ".join(f"c.{v} AS {v}_old" for v in VALUE_COLUMNS[table])
    con.execute(
        f"CREATE TEMP TABLE staged AS WITH i AS (SELECT {cast} FROM incoming)"
        f" SELECT i.*, c.cur_row, {old},"
        f" coalesce(c.cur_row IS NOT NULL AND {same_values(table)}, false) AS same"
        f" FROM i LEFT JOIN"
        f" (SELECT rowid AS cur_row, * FROM {table} WHERE rev_to IS NULL) c ON {same_key()}"
    )
    dup = first_row(
        con.execute(
            f"SELECT {', '.join(KEY)}, count(*) FROM staged GROUP BY ALL"
            " HAVING count(*) > 1 LIMIT 1"
        )
    )
    if dup:
        raise ValueError(f"{table}: key {dup[:-1]} appears {dup[-1]} times in one load")


def drop_staged(con) -> None:
    """Drop `staged` and `incoming`, ready for the next table."""
    con.execute("DROP TABLE IF EXISTS temp.staged")
    with contextlib.suppress(duckdb.Error):  # a registered frame
        con.unregister("incoming")
    con.execute("DROP VIEW IF EXISTS temp.incoming")


def removed_sql(table: str, what: str) -> str:
    """Current rows of `table` whose key is not staged (retired by a full reload)."""
    return (
        f"SELECT {what} FROM {table} c WHERE c.rev_to IS NULL AND NOT EXISTS"
        f" (SELECT 1 FROM staged s WHERE s.cur_row = c.rowid)"
    )


def count(con, table: str, replace: bool) -> Counts:
    """What the staged rows would do to `table`; `replace` counts the rows a reload removes."""
    total, new, unchanged = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE cur_row IS NULL),"
        " count(*) FILTER (WHERE same) FROM staged"
    ).fetchall()[0]
    removed = 0
    if replace:
        removed = con.execute(removed_sql(table, "count(*)")).fetchall()[0][0]
    return Counts(total, new, total - new - unchanged, unchanged, removed)


def retire_and_insert(con, table: str, rev: int, replace: bool) -> None:
    """Close the rows the staged ones replace (and, with `replace`, the missing ones) at `rev`,
    and insert the staged rows that differ as part of revision `rev` onwards."""
    cols = ", ".join(VERSIONED[table])
    if replace:
        gone = removed_sql(table, "c.rowid")
        con.execute(f"UPDATE {table} SET rev_to = {rev} WHERE rowid IN ({gone})")
    con.execute(
        f"UPDATE {table} SET rev_to = {rev} WHERE rowid IN"
        " (SELECT cur_row FROM staged WHERE cur_row IS NOT NULL AND NOT same)"
    )
    con.execute(
        f"INSERT INTO {table} ({cols}, rev_from, rev_to)"
        f" SELECT {cols}, {rev}, NULL FROM staged WHERE NOT same"
    )


def load_revision(con, table: str, rev: int) -> None:
    """Expose the rows of `table` as of revision `rev` as `incoming` (a rollback's load)."""
    cols = ", ".join(VERSIONED[table])
    con.execute(f"CREATE TEMP VIEW incoming AS SELECT {cols} FROM {table} WHERE {as_of(rev)}")


def write(
    con,
    load: Loader,
    tables: list[str],
    rev: int,
    replace: bool,
    step: Progress,
    write_rows: Callable[[duckdb.DuckDBPyConnection, str, int, bool], None] = retire_and_insert,
) -> Counts:
    """Each table in turn: its incoming rows loaded, staged, counted, then written as
    revision `rev` by `write_rows` (the shared store also pushes them to PostgreSQL:
    `pg_staging.pushing`); `step` hears how far it got."""
    counts = Counts()
    for n, table in enumerate(tables):
        share = 0.85 / len(tables)
        at = 0.05 + n * share
        step(at, "history.progress.reading")
        load(con, table)
        step(at + 0.2 * share, "history.progress.comparing")
        stage(con, table)
        counts += count(con, table, replace)
        step(at + 0.4 * share, "history.progress.writing")
        write_rows(con, table, rev, replace)
        drop_staged(con)
    return counts
