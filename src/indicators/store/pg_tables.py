"""The tables of the shared store on PostgreSQL and their versioned migrations.

The small tables' columns are those of the DuckDB file (`tables`), so the same revision rows
and the same small-table SQL serve both. The data is not kept as rows: since schema 6 each
revision's rows are blocks (`pg_parts`), which each server's local copy applies.

Migrations are numbered after the DuckDB schema they bring the database to; each runs once, in
one transaction, under an advisory lock, so two servers starting at once migrate once.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby

import pyarrow as pa

from indicators.core.schema import KEY
from indicators.store import pg_parts
from indicators.store.connection import StoreError
from indicators.store.pg import PgConnection, where
from indicators.store.tables import SCHEMA_VERSION, VERSIONED

# pg_advisory_xact_lock keys: schema changes, and writes of data (one revision at a time).
SCHEMA_LOCK, WRITE_LOCK = 0x1D1C_0001, 0x1D1C_0002


def _versioned(table: str, values: str) -> str:
    keys = ", ".join(KEY)
    return f"""
    CREATE TABLE {table} (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        indicator TEXT NOT NULL, unit_list TEXT NOT NULL, region TEXT NOT NULL,
        period TEXT NOT NULL, {values},
        period_kind TEXT NOT NULL, period_start DATE NOT NULL, period_end DATE NOT NULL,
        rev_from INTEGER NOT NULL, rev_to INTEGER);
    CREATE UNIQUE INDEX {table}_current ON {table} ({keys}) WHERE rev_to IS NULL;
    CREATE INDEX {table}_rev_from ON {table} (rev_from);
    CREATE INDEX {table}_rev_to ON {table} (rev_to) WHERE rev_to IS NOT NULL;"""


_OBSERVATION_VALUES = (
    "value DOUBLE PRECISION, numerator DOUBLE PRECISION, denominator DOUBLE PRECISION,"
    " status TEXT NOT NULL, source TEXT, note TEXT"
)
_TARGET_VALUES = "value DOUBLE PRECISION, status TEXT NOT NULL, source TEXT, note TEXT"
# Rows read as Python tuples before they become one block, in the move to schema 6.
_MIGRATED_ROWS = 50_000
# The Arrow type of each column of a block, as DuckDB gives it for the copy's columns.
_ARROW = {
    **{c: pa.string() for c in (*KEY, "status", "source", "note", "period_kind")},
    **{c: pa.float64() for c in ("value", "numerator", "denominator")},
    **{c: pa.date32() for c in ("period_start", "period_end")},
    "rev_from": pa.int32(),
}


def _rows_to_parts(con: PgConnection) -> None:
    """Schema 6: each revision's rows moved out of the row tables into its blocks (what it
    inserted, what it retired), then the row tables dropped. Under the write lock too, so a
    server of the last version finishing a commit is waited for, and one starting a commit
    after this finds no table to write to (its commit fails whole)."""
    con.execute("SELECT pg_advisory_xact_lock(?)", [WRITE_LOCK])
    con.execute(pg_parts.TABLE_SQL)
    for table, cols in VERSIONED.items():
        _blocks(con, table, pg_parts.INSERTED, cols, "rev_from")
        _blocks(con, table, pg_parts.RETIRED, [*KEY, "rev_from"], "rev_to")
        con.execute(f"DROP TABLE {table}")


def _blocks(con: PgConnection, table: str, kind: str, cols: list[str], by: str) -> None:
    """One table's rows grouped by the revision that inserted (`by` = rev_from) or retired
    (`by` = rev_to) them, each revision's written as its blocks. Read through a server-side
    cursor, so a national store never sits whole in this process."""
    schema = pa.schema([(c, _ARROW[c]) for c in cols])
    query = (
        f"SELECT {by}, {', '.join(cols)} FROM {table} WHERE {by} IS NOT NULL"
        f" ORDER BY {by}, {', '.join(KEY)}"
    )
    with con.raw.cursor(name=f"to_blocks_{table}_{kind}") as cur:
        cur.itersize = 10_000
        cur.execute(query)
        for rev, rows in groupby(cur, key=lambda row: row[0]):
            pg_parts.save(con, rev, table, kind, _row_batches(rows, schema))


def _row_batches(rows, schema: pa.Schema):
    """Fetched rows (the revision first) as record batches of `_MIGRATED_ROWS` rows: as Python
    tuples a batch costs some 100 times its size in Arrow, so it is kept small (each is
    written as a block of its own)."""
    chunk: list[tuple] = []
    for row in rows:
        chunk.append(row[1:])
        if len(chunk) == _MIGRATED_ROWS:
            yield _batch(chunk, schema)
            chunk = []
    if chunk:
        yield _batch(chunk, schema)


def _batch(chunk: list[tuple], schema: pa.Schema) -> pa.RecordBatch:
    columns = zip(*chunk, strict=True)
    return pa.RecordBatch.from_arrays(
        [pa.array(values, type=f.type) for values, f in zip(columns, schema, strict=True)],
        schema=schema,
    )


# Each DuckDB schema version has its twin here (a test checks the last numbers agree).
MIGRATIONS: dict[int, str | Callable[[PgConnection], None]] = {
    # Schema 4, as a DuckDB file of schema 4 has it (revisions with rejected rows, restores and
    # recipes; accounts, sessions, the audit trail; recipes kept by name).
    4: f"""
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
    INSERT INTO meta VALUES ('store_id', gen_random_uuid()::text);
    CREATE TABLE revisions (
        id INTEGER PRIMARY KEY, created_at TIMESTAMP NOT NULL, author TEXT NOT NULL,
        file_name TEXT, content_hash TEXT, message TEXT, rows_in_file INTEGER,
        rows_new INTEGER, rows_changed INTEGER, rows_unchanged INTEGER, rows_removed INTEGER,
        rows_rejected INTEGER DEFAULT 0, restores INTEGER, recipe TEXT, recipe_text TEXT);
    {_versioned("observations", _OBSERVATION_VALUES)}
    {_versioned("targets", _TARGET_VALUES)}
    CREATE TABLE accounts (
        name TEXT PRIMARY KEY, role TEXT NOT NULL, password_hash TEXT,
        created_at TIMESTAMP NOT NULL, disabled BOOLEAN NOT NULL DEFAULT false,
        failed INTEGER NOT NULL DEFAULT 0, locked_until TIMESTAMP);
    CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY, account TEXT NOT NULL, created_at TIMESTAMP NOT NULL,
        last_seen TIMESTAMP NOT NULL, client TEXT);
    CREATE TABLE audit (
        id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        occurred_at TIMESTAMP NOT NULL, event TEXT NOT NULL, outcome TEXT NOT NULL,
        account TEXT, role TEXT, session TEXT, client TEXT, file_name TEXT, file_hash TEXT,
        revision INTEGER, detail TEXT);
    CREATE TABLE recipes (
        name TEXT PRIMARY KEY, text TEXT NOT NULL, created_by TEXT,
        created_at TIMESTAMP NOT NULL, updated_by TEXT, updated_at TIMESTAMP);
    """,
    # Schema 5: the key columns compared byte by byte (COLLATE "C"), as DuckDB compares them.
    # Equality is byte equality under any collation, and no PostgreSQL query sorts by these
    # columns, so no answer changes; but the index of current keys no longer goes through the
    # server's locale at each comparison. The import bench's commit of 1 M rows, median of 3
    # (server locale C.UTF-8; another locale costs more): 22.4 s before, 19.2 s after, in runs
    # that overlap (20.0-23.5 s, 17.4-21.1 s). Rebuilds the indexes on those columns: 1.6 s
    # per million rows.
    5: ";".join(
        f"ALTER TABLE {table} "
        + ", ".join(f'ALTER COLUMN {key} TYPE TEXT COLLATE "C"' for key in KEY)
        for table in ("observations", "targets")
    ),
    # Schema 6: the data as each revision's blocks (`pg_parts`) instead of rows. A commit of a
    # million rows wrote them by COPY into an indexed table: 19.2 s, 5.1x a bare read of the
    # file (target 2x). The local copies read the same revisions from the blocks.
    6: _rows_to_parts,
}


def _tables(con: PgConnection) -> set[str]:
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
    ).fetchall()
    return {r[0] for r in rows}


def schema_version(con: PgConnection) -> int:
    """The version the database is at; 0 for a database with none of the store's tables."""
    if "meta" not in _tables(con):
        return 0
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def ensure_schema(con: PgConnection, url: str) -> None:
    """Create or migrate the tables: nothing is written when the database is current. A
    database holding other tables, or a newer schema than this install knows, is refused."""
    known = int(SCHEMA_VERSION)
    if schema_version(con) == known:
        return
    con.execute("BEGIN")
    try:
        con.execute("SELECT pg_advisory_xact_lock(?)", [SCHEMA_LOCK])
        tables = _tables(con)
        if tables and not tables & {"meta", "revisions"}:
            names = ", ".join(sorted(tables)[:5])
            raise StoreError("store.not_ours_server", where=where(url), tables=names)
        found = schema_version(con)
        if found > known:
            raise StoreError("store.newer_schema", where=where(url), found=found, known=known)
        for number in sorted(n for n in MIGRATIONS if n > found):
            step = MIGRATIONS[number]
            if callable(step):
                step(con)
            else:
                con.execute(step)
        con.execute(
            "INSERT INTO meta VALUES ('schema_version', ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [str(known)],
        )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
