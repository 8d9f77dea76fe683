"""A load's rows before SQL on PostgreSQL: what differs from DuckDB (`staging`).

DuckDB scans a registered Arrow table in place; PostgreSQL gets the rows by COPY into a
temporary table, as CSV written by Arrow (a million rows in about a second, no row-by-row
Python). Staging then joins on the key with the current rows through the unique index of
current keys, and the counting and writing SQL is `staging`'s own, with `id` for DuckDB's
`rowid`. Everything runs inside the caller's transaction; the temporary tables go with it.
"""

from __future__ import annotations

import io

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from indicators.core.schema import KEY
from indicators.store.staging import Dialect, same_key, same_values
from indicators.store.tables import VALUE_COLUMNS, VERSIONED, as_of, first_row

_NUMBERS = {"value", "numerator", "denominator"}
_DATES = {"period_start", "period_end"}


def _arrow_type(column: str) -> pa.DataType:
    if column in _NUMBERS:
        return pa.float64()
    return pa.date32() if column in _DATES else pa.string()


def _csv(frame: pd.DataFrame, cols: list[str]) -> bytes:
    """The frame's columns as CSV for COPY: strings quoted, so an empty text stays empty and
    an empty unquoted field is NULL; floats written to round-trip exactly."""
    schema = pa.schema([(c, _arrow_type(c)) for c in cols])
    table = pa.Table.from_pandas(frame[cols], schema=schema, preserve_index=False)
    out = io.BytesIO()
    pacsv.write_csv(table, out, pacsv.WriteOptions(include_header=False))
    return out.getvalue()


def load_frame(con, table: str, frame: pd.DataFrame) -> None:
    """The frame as the temporary table `incoming` (`con` a `pg.PgConnection`)."""
    if table not in VERSIONED:
        raise ValueError(f"unknown table {table!r}")
    cols = VERSIONED[table]
    names = ", ".join(cols)
    con.execute(f"CREATE TEMP TABLE incoming AS SELECT {names} FROM {table} WITH NO DATA")
    data = _csv(frame, cols)
    with con.raw.cursor().copy(f"COPY incoming ({names}) FROM STDIN (FORMAT csv)") as copy:
        copy.write(data)
    con.execute("ANALYZE incoming")


def load_revision(con, table: str, rev: int) -> None:
    """The rows of `table` as of revision `rev` as `incoming` (a rollback's load)."""
    names = ", ".join(VERSIONED[table])
    con.execute(f"CREATE TEMP TABLE incoming AS SELECT {names} FROM {table} WHERE {as_of(rev)}")


def stage(con, table: str) -> None:
    """TEMP `staged`, as `staging.stage` makes it: each incoming row with the id and values of
    the current row of its key and whether anything differs. Refuses a key given twice."""
    old = ", ".join(f"c.{v} AS {v}_old" for v in VALUE_COLUMNS[table])
    con.execute(
        f"CREATE TEMP TABLE staged AS SELECT i.*, c.id AS cur_row, {old},"
        f" coalesce(c.id IS NOT NULL AND {same_values(table)}, false) AS same"
        f" FROM incoming i LEFT JOIN {table} c ON c.rev_to IS NULL AND {same_key()}"
    )
    keys = ", ".join(KEY)
    dup = first_row(
        con.execute(
            f"SELECT {keys}, count(*) FROM staged GROUP BY {keys} HAVING count(*) > 1 LIMIT 1"
        )
    )
    if dup:
        raise ValueError(f"{table}: key {dup[:-1]} appears {dup[-1]} times in one load")
    con.execute("ANALYZE staged")


def drop_staged(con) -> None:
    """Drop `staged` and `incoming`, ready for the next table."""
    con.execute("DROP TABLE IF EXISTS staged")
    con.execute("DROP TABLE IF EXISTS incoming")


POSTGRES = Dialect(load_frame, load_revision, stage, drop_staged, "id")
