"""Each app server's local copy of the shared store: a DuckDB file caught up from PostgreSQL by
revision, which the pages, decks and the command line read with the same SQL as a one-office
store.

Rows are versioned (part of revisions [rev_from, rev_to)) and a revision never changes once
committed, so catching up from revision m to n needs only the rows a later revision inserted
(`rev_from > m`) or retired (`rev_to > m`), and the revisions' own rows. They are read through
Arrow (the ADBC driver: PostgreSQL's binary protocol into columns, no row-by-row Python) and
applied in one DuckDB transaction, so a reader of the copy sees revision m or revision n, never
half of one. A copy of another database (or of a database restored to an earlier state) is
emptied and filled again.
"""

from __future__ import annotations

import adbc_driver_postgresql.dbapi as adbc
import pyarrow as pa

from indicators.core.schema import KEY
from indicators.store.revision_rows import REVISION_COLUMNS
from indicators.store.tables import VERSIONED, first_row

# The copy's own notes in its `meta` table: which database and revision it holds.
SOURCE, REVISION = "mirror_of", "mirror_revision"


def held(con) -> tuple[str | None, int]:
    """The database (its `store_id`) and the revision the local copy holds."""
    rows = dict(
        con.execute(
            "SELECT key, value FROM meta WHERE key IN (?, ?)", [SOURCE, REVISION]
        ).fetchall()
    )
    return rows.get(SOURCE), int(rows.get(REVISION) or 0)


def _fetch(url: str, since: int) -> dict[str, pa.Table]:
    """What revisions after `since` inserted or retired, and their revision rows, as Arrow."""
    out = {}
    with adbc.connect(url) as pg, pg.cursor() as cur:
        for table, cols in VERSIONED.items():
            cur.execute(
                f"SELECT {', '.join(cols)}, rev_from, rev_to FROM {table}"
                f" WHERE rev_from > {since} OR rev_to > {since}"
            )
            out[table] = cur.fetch_arrow_table()
        cur.execute(
            f"SELECT {', '.join(REVISION_COLUMNS)} FROM revisions WHERE id > {since} ORDER BY id"
        )
        out["revisions"] = cur.fetch_arrow_table()
    return out


def catch_up(con, url: str, source: str, latest: int) -> int:
    """Bring the copy open on `con` (read-write) to revision `latest` of the database `source`
    at `url`; returns how many rows it fetched. One transaction: all of it or nothing."""
    had, since = held(con)
    fresh = had != source or since > latest
    if not fresh and since == latest:
        return 0
    start = 0 if fresh else since
    fetched = _fetch(url, start)
    con.execute("BEGIN TRANSACTION")
    try:
        if fresh:
            for table in (*VERSIONED, "revisions"):
                con.execute(f"DELETE FROM {table}")
        for table, cols in VERSIONED.items():
            _apply(con, table, cols, fetched[table], start)
        con.register("fetched", fetched["revisions"])
        names = ", ".join(REVISION_COLUMNS)
        con.execute(f"INSERT INTO revisions ({names}) SELECT {names} FROM fetched")
        con.unregister("fetched")
        for key, value in ((SOURCE, source), (REVISION, str(latest))):
            con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return sum(t.num_rows for t in fetched.values())


def _apply(con, table: str, cols: list[str], rows: pa.Table, since: int) -> None:
    """Rows first stored after `since` are inserted; rows the copy has (stored at or before
    `since`) get the revision that retired them."""
    if rows.num_rows == 0:
        return
    con.register("fetched", rows)
    try:
        same = " AND ".join(f"t.{k} = f.{k}" for k in KEY)
        con.execute(
            f"UPDATE {table} AS t SET rev_to = f.rev_to FROM fetched AS f"
            f" WHERE f.rev_from <= {since} AND t.rev_from = f.rev_from AND {same}"
        )
        names = ", ".join([*cols, "rev_from", "rev_to"])
        con.execute(
            f"INSERT INTO {table} ({names}) SELECT {names} FROM fetched WHERE rev_from > {since}"
        )
    finally:
        con.unregister("fetched")


def latest_of(pg) -> tuple[str, int]:
    """The shared store's identity and latest revision, in one query (`pg` a `PgConnection`)."""
    row = first_row(
        pg.execute(
            "SELECT (SELECT value FROM meta WHERE key = 'store_id'),"
            " (SELECT coalesce(max(id), 0) FROM revisions)"
        )
    )
    return row[0], int(row[1])
