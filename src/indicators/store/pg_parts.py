"""Each revision's rows in the shared store on PostgreSQL, kept as compressed Arrow blocks.

Why blocks and not a table of rows: every server reads the data from its own DuckDB copy
(`mirror`), and a revision never changes once committed, so all PostgreSQL has to keep of a
revision is what it did to each table: the rows it retired (their key and the revision that
stored them) and the rows it inserted. Kept as rows, a million-row import cost PostgreSQL
17-19 s of COPY and index upkeep on this project's machines (9.1 s even into a table with no
index at all), 5.1x a bare `read_csv` of the file against a target of 2x. Kept as Arrow IPC
blocks (zstd) of at most `PART_ROWS` rows, it is two writes of about 10 MB: the commit took
1.37-1.61 s (its rows sorted by key included), and validate + commit 1.5-1.7x the bare read
(`bench/results/import_1m_postgresql.md` and the run before it).

Each block also says how many rows it holds and the sum of their `rev_from`, so SQL over the
blocks tallies what a copy at any revision must hold (current rows and the sum of their
`rev_from`, per table) without reading a block: a copy that does not agree is not the database
and is filled again (`mirror`). The observations as rows are read in any server's copy, a DuckDB
file, or exported by the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

import pyarrow as pa
import pyarrow.compute as pc

# What a block holds: rows a revision retired (key and rev_from), or rows it inserted.
RETIRED, INSERTED = "retired", "inserted"
# Rows in one block: a million-row import is two blocks of about 10 MB (20.4 MB for the import
# bench's file); a reader holds one block decoded at a time.
PART_ROWS = 500_000
_OPTIONS = pa.ipc.IpcWriteOptions(compression="zstd")

TABLE_SQL = f"""
CREATE TABLE revision_parts (
    revision INTEGER NOT NULL, table_name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('{RETIRED}', '{INSERTED}')),
    part INTEGER NOT NULL, rows BIGINT NOT NULL, rev_sum BIGINT NOT NULL, data BYTEA NOT NULL,
    PRIMARY KEY (revision, table_name, kind, part));
ALTER TABLE revision_parts ALTER COLUMN data SET STORAGE EXTERNAL;"""


class Part(NamedTuple):
    """One block as read back: the revision, its table, what it holds and its rows."""

    revision: int
    table: str
    kind: str
    rows: pa.Table


def encode(batch: pa.RecordBatch) -> bytes:
    """One block's bytes: an Arrow IPC stream, compressed (the data is compressed already,
    so PostgreSQL stores it as it is: `STORAGE EXTERNAL`)."""
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, batch.schema, options=_OPTIONS) as writer:
        writer.write_batch(batch)
    return sink.getvalue().to_pybytes()


def decode(data: bytes) -> pa.Table:
    return pa.ipc.open_stream(pa.py_buffer(data)).read_all()


def release() -> None:
    """Give the memory blocks were decoded in back to the system. pyarrow's allocator
    (mimalloc) keeps the pages it freed for its next allocation, and after a catch-up there is
    none for a long while: a server that had filled its copy of the national bench store held
    about 40 MiB more for it (265 MiB resident, 223 MiB after this)."""
    pa.default_memory_pool().release_unused()


def _batches(rows: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """The rows again, cut into batches of at most `PART_ROWS` (a reader may give any size)."""
    for batch in rows:
        for start in range(0, batch.num_rows, PART_ROWS):
            yield batch.slice(start, PART_ROWS)


def save(pgcon, rev: int, table: str, kind: str, rows: Iterable[pa.RecordBatch]) -> int:
    """Write what revision `rev` did to `table` (`kind`: retired or inserted rows), block by
    block, inside the caller's transaction; returns the rows written. Retired rows carry their
    `rev_from`; inserted ones are stored from `rev` on, so they do not."""
    written = 0
    for n, batch in enumerate(b for b in _batches(rows) if b.num_rows):
        if kind == RETIRED:
            rev_sum = pc.sum(batch.column("rev_from")).as_py() or 0
        else:
            rev_sum = batch.num_rows * rev
        pgcon.raw.execute(
            "INSERT INTO revision_parts VALUES (%s, %s, %s, %s, %s, %s, %b)",
            [rev, table, kind, n, batch.num_rows, rev_sum, encode(batch)],
        )
        written += batch.num_rows
    return written


def read(pgcon, since: int, latest: int) -> Iterator[Part]:
    """The blocks of revisions since+1 ... latest, in the order they apply: revision by
    revision, each table's retired rows before its inserted ones. One block is fetched and
    decoded at a time, so a copy filled from millions of rows never holds them all."""
    listed = pgcon.execute(
        "SELECT revision, table_name, kind, part FROM revision_parts"
        " WHERE revision > ? AND revision <= ? ORDER BY revision, table_name, kind DESC, part",
        [since, latest],
    ).fetchall()
    with pgcon.raw.cursor(binary=True) as cur:
        for revision, table, kind, part in listed:
            cur.execute(
                "SELECT data FROM revision_parts"
                " WHERE revision = %s AND table_name = %s AND kind = %s AND part = %s",
                [revision, table, kind, part],
            )
            yield Part(revision, table, kind, decode(cur.fetchone()[0]))


def tallies(pgcon, rev: int) -> dict[str, tuple[int, int]]:
    """Per table, what a copy at revision `rev` holds as current rows: how many, and the sum
    of their `rev_from` (tables no block touched are absent: none)."""
    rows = pgcon.execute(
        "SELECT table_name,"
        f" sum(CASE kind WHEN '{INSERTED}' THEN rows ELSE -rows END),"
        f" sum(CASE kind WHEN '{INSERTED}' THEN rev_sum ELSE -rev_sum END)"
        " FROM revision_parts WHERE revision <= ? GROUP BY table_name",
        [rev],
    ).fetchall()
    return {table: (int(n), int(s)) for table, n, s in rows if n}
