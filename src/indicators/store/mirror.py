"""Each app server's local copy of the shared store: a DuckDB file caught up from PostgreSQL by
revision, which the pages, decks and the command line read with the same SQL as a one-office
store.

Rows are versioned (part of revisions [rev_from, rev_to)) and a revision never changes once
committed, so catching up from revision m to n needs only the rows a later revision inserted
(`rev_from > m`) or retired (`rev_to > m`), and the revisions' own rows. They are read through
Arrow (the ADBC driver: PostgreSQL's binary protocol into columns, no row-by-row Python),
streamed in batches, and applied in one DuckDB transaction, so a reader of the copy sees
revision m or revision n, never half of one. A copy of another database (or of a database
restored to an earlier state) is emptied and filled again.
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from typing import NamedTuple

import adbc_driver_manager as adbc_errors
import adbc_driver_postgresql.dbapi as adbc
import duckdb

from indicators.core.schema import KEY
from indicators.store import pg
from indicators.store.revision_rows import REVISION_COLUMNS, Revision
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


def _same_history(con, cur, since: int) -> bool:
    """Whether the database's revision `since` is the one the copy holds (same time of
    commit): a database restored from an older dump and written to again is not."""
    if since == 0:
        return True
    cur.execute(f"SELECT created_at FROM revisions WHERE id = {since}")
    theirs = cur.fetch_arrow_table().column(0).to_pylist()
    ours = [
        r[0]
        for r in con.execute("SELECT created_at FROM revisions WHERE id = ?", [since]).fetchall()
    ]
    return theirs == ours


def catch_up(con, url: str, head: Head) -> int:
    """Bring the copy open on `con` (read-write) to the database at `url` as `head` found it;
    returns how many revisions it applied. One DuckDB transaction: all of it or
    nothing. New rows stream from PostgreSQL in Arrow batches straight into the copy, so a
    first fill of millions of rows never holds them all in memory."""
    try:
        return _catch_up(con, url, head)
    except adbc_errors.Error as exc:  # the server failed or refused the reads: worded
        raise pg.failed(url, exc) from exc


def _catch_up(con, url: str, head: Head) -> int:
    source, latest = head.source, head.revision
    had, since = held(con)
    with adbc.connect(url) as server, server.cursor() as cur:
        fresh = had != source or since > latest or not _same_history(con, cur, since)
        if not fresh and since == latest:
            return 0
        start = 0 if fresh else since
        con.execute("BEGIN TRANSACTION")
        try:
            if fresh:
                for table in (*VERSIONED, "revisions"):
                    con.execute(f"DELETE FROM {table}")
            for table, cols in VERSIONED.items():
                _retire(con, cur, table, start, latest)
                _insert(con, cur, table, [*cols, "rev_from", "rev_to"], start, latest)
            cur.execute(
                f"SELECT {', '.join(REVISION_COLUMNS)} FROM revisions"
                f" WHERE id > {start} AND id <= {latest} ORDER BY id"
            )
            _insert_from(con, cur, "revisions", REVISION_COLUMNS)
            for key, value in ((SOURCE, source), (REVISION, str(latest))):
                con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])
            con.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(duckdb.Error):  # DuckDB may have ended it: keep the error
                con.execute("ROLLBACK")
            raise
    return latest - start


def _retire(con, cur, table: str, since: int, latest: int) -> None:
    """Rows the copy holds (stored at or before `since`) that a revision up to `latest`
    retired: the copy's row gets that revision as its end."""
    keys = ", ".join(KEY)
    cur.execute(
        f"SELECT {keys}, rev_from, rev_to FROM {table}"
        f" WHERE rev_from <= {since} AND rev_to > {since} AND rev_to <= {latest}"
    )
    retired = cur.fetch_arrow_table()
    if retired.num_rows == 0:
        return
    con.register("retired", retired)
    try:
        same = " AND ".join(f"t.{k} = r.{k}" for k in KEY)
        con.execute(
            f"UPDATE {table} AS t SET rev_to = r.rev_to FROM retired AS r"
            f" WHERE t.rev_from = r.rev_from AND {same}"
        )
    finally:
        con.unregister("retired")


def _insert(con, cur, table: str, names: list[str], since: int, latest: int) -> None:
    """Rows stored by revisions since+1 … latest, with their end if it is up to `latest` (a
    row retired by a revision committed meanwhile is still current in the copy)."""
    cols = ", ".join(names[:-1])
    cur.execute(
        f"SELECT {cols}, CASE WHEN rev_to <= {latest} THEN rev_to END AS rev_to FROM {table}"
        f" WHERE rev_from > {since} AND rev_from <= {latest}"
    )
    _insert_from(con, cur, table, names)


def _insert_from(con, cur, table: str, names: list[str]) -> None:
    """Insert what the cursor's query answers, batch by batch."""
    con.register("fetched", cur.fetch_record_batch())
    try:
        listed = ", ".join(names)
        con.execute(f"INSERT INTO {table} ({listed}) SELECT {listed} FROM fetched")
    finally:
        con.unregister("fetched")


def committed(pgcon, rev: int) -> tuple[Head, Revision]:
    """Revision `rev` as PostgreSQL committed it: the head it makes, and its row."""
    names = ", ".join(REVISION_COLUMNS)
    row = first_row(pgcon.execute(f"SELECT {names} FROM revisions WHERE id = ?", [rev]))
    fields = dict(zip(REVISION_COLUMNS, row, strict=True))
    fields["rows_rejected"] = fields["rows_rejected"] or 0
    source = first_row(pgcon.execute("SELECT value FROM meta WHERE key = 'store_id'"))[0]
    return Head(source, rev, fields["created_at"]), Revision(**fields)


def note_commit(local, head: Head, revision: Revision) -> None:
    """In the writing server's copy (`local`, in the transaction that made the same change):
    the revision's row and the copy's notes, so it holds `head` once committed."""
    names = ", ".join(REVISION_COLUMNS)
    marks = ", ".join("?" for _ in REVISION_COLUMNS)
    values = [getattr(revision, c) for c in REVISION_COLUMNS]
    local.execute(f"INSERT INTO revisions ({names}) VALUES ({marks})", values)
    for key, value in ((SOURCE, head.source), (REVISION, str(head.revision))):
        local.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])


class Head(NamedTuple):
    """The shared store as a server last saw it: which database, its latest revision and when
    that revision was committed (a database restored and written to again has another)."""

    source: str
    revision: int
    stamp: datetime | None


def latest_of(pgcon) -> Head:
    """The shared store's identity and latest revision, in one query (`pgcon`: a
    `pg.PgConnection`)."""
    row = first_row(
        pgcon.execute(
            "SELECT (SELECT value FROM meta WHERE key = 'store_id'), r.id, r.created_at"
            " FROM (SELECT 1) AS one LEFT JOIN"
            " (SELECT id, created_at FROM revisions ORDER BY id DESC LIMIT 1) AS r ON true"
        )
    )
    return Head(row[0], int(row[1] or 0), row[2])
