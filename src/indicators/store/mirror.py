"""Each app server's local copy of the shared store: a DuckDB file caught up from PostgreSQL by
revision, which the pages, decks and the command line read with the same SQL as a one-office
store.

Rows are versioned (part of revisions [rev_from, rev_to)) and a revision never changes once
committed, so catching up from revision m to n is applying, revision by revision, what each of
m+1 ... n did (`pg_parts`: the rows it retired, the rows it inserted), then the revisions' own
rows, each revision in one DuckDB transaction. A reader of the copy sees revision m or revision
n, never half of one: the catch-up holds the copy alone throughout. The copy is then tallied
against the database (current rows and the sum of their `rev_from`, per table); a copy that
does not agree, a copy of another database, or of a database restored to an earlier state, is
emptied and filled again (`_fill`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import datetime
from typing import NamedTuple

import duckdb

from indicators.store import pg_parts
from indicators.store.revision_rows import REVISION_COLUMNS, Revision
from indicators.store.staging import same_key
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


def _same_history(con, server, since: int) -> bool:
    """Whether the database's revision `since` is the one the copy holds (same time of
    commit): a database restored from an older dump and written to again is not."""
    if since == 0:
        return True
    query = "SELECT created_at FROM revisions WHERE id = ?"
    return server.execute(query, [since]).fetchall() == con.execute(query, [since]).fetchall()


class Disagrees(Exception):
    """The database's blocks, applied to an empty copy, do not give the rows they tally:
    the database was changed other than by this program (restore it from a dump)."""


def catch_up(con, server, head: Head, verify: bool = False) -> int:
    """Bring the copy open on `con` (read-write, alone: `connection.connect(alone=True)`) to
    the database on `server` (a `pg.PgConnection`) as `head` found it; returns how many
    revisions it applied. With `verify` (before a commit is worked out on the copy), a copy
    already at `head` is tallied against the database too.

    What this checks: every retired row a block names is found current, once; no inserted row
    meets a current row of its key; afterwards the current rows' count and `rev_from` sum are
    the database's. A copy built only by applying blocks is then the database. What it cannot
    see before a commit is a copy edited behind the store's back that keeps both sums (a key
    changed in place): a key-sensitive sum costs a hash of every current row (0.75 s for 10 M
    rows with DuckDB's `hash`, whose values may change between DuckDB versions; 8.6 s with
    `md5`), so it is not taken. The other servers then refuse the revision that copy wrote."""
    had, since = held(con)
    fresh = had != head.source or since > head.revision or not _same_history(con, server, since)
    if not fresh and since == head.revision and not verify:
        return 0
    try:  # blocks are decoded from here on
        if not fresh and _forward(con, server, head, since):
            return head.revision - since
        if not _fill(con, server, head):
            raise Disagrees("the database's blocks do not add up to its revisions")
        return head.revision
    finally:
        pg_parts.release()


class _Refused(Exception):
    """A block the copy cannot apply as it stands (inside one revision's transaction)."""


def _forward(con, server, head: Head, since: int) -> bool:
    """Apply revisions since+1 ... head, each in one DuckDB transaction that also moves the
    copy's note to it: a failure (the database lost half way) leaves the copy whole at the last
    revision applied, to go on from. Whether the copy then tallies with the database."""
    rows = _revision_rows(server, since, head.revision)
    rev_at = REVISION_COLUMNS.index("id")
    try:
        for row in rows:
            rev = row[rev_at]
            with _transaction(con):
                for part in pg_parts.read(server, rev - 1, rev):
                    if not _apply_part(con, part):
                        raise _Refused
                _note(con, [row], head.source, rev)
    except _Refused:
        return False
    return _tallies(con) == pg_parts.tallies(server, head.revision)


def _fill(con, server, head: Head) -> bool:
    """Empty the copy and fill it again, whether it then tallies with the database.

    Each block is committed as it is applied: one DuckDB transaction holding a fill of the
    national bench store (9.6 M rows) took 2.1 GiB of memory until its commit, block by block
    0.5 GiB. So the copy's note of what it holds is taken away first and written back last: a
    fill stopped half way, or one that does not tally, leaves a copy holding nothing as far as
    the next catch-up knows, which fills it again. Nobody reads it meanwhile: the catch-up
    holds the copy alone (`gate`, mode "x"), and another process cannot open a file being
    written."""
    latest = head.revision
    with _transaction(con):
        con.execute("DELETE FROM meta WHERE key IN (?, ?)", [SOURCE, REVISION])
        for table in (*VERSIONED, "revisions"):
            con.execute(f"DELETE FROM {table}")
    for part in pg_parts.read(server, 0, latest):
        with _transaction(con):
            if not _apply_part(con, part):
                return False
    rows = _revision_rows(server, 0, latest)
    with _transaction(con):
        if _tallies(con) != pg_parts.tallies(server, latest):
            return False
        _note(con, rows, head.source, latest)
    return True


def _revision_rows(server, since: int, latest: int) -> list[tuple]:
    """The database's rows of revisions since+1 ... latest, in order."""
    names = ", ".join(REVISION_COLUMNS)
    query = f"SELECT {names} FROM revisions WHERE id > ? AND id <= ? ORDER BY id"
    return server.execute(query, [since, latest]).fetchall()


def _note(con, rows: list[tuple], source: str, rev: int) -> None:
    """The revisions' own rows, and the copy's note that it holds `source` at `rev`."""
    if rows:
        names = ", ".join(REVISION_COLUMNS)
        marks = ", ".join("?" for _ in REVISION_COLUMNS)
        con.executemany(f"INSERT INTO revisions ({names}) VALUES ({marks})", rows)
    for key, value in ((SOURCE, source), (REVISION, str(rev))):
        con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])


@contextlib.contextmanager
def _transaction(con) -> Iterator[None]:
    """A DuckDB transaction, committed when the block ends (a failed check in `_fill`
    included: what it wrote is harmless while the copy notes no revision held) and rolled
    back when it raises, the error kept."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        with contextlib.suppress(duckdb.Error):  # DuckDB may have ended it already
            con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def _apply_part(con, part: pg_parts.Part) -> bool:
    """What one block says its revision did to its table, done to the copy: retired rows get
    the revision as their end, inserted rows start at it. False when the copy did not hold
    exactly the current rows the block retires, or already holds a current row of a key the
    block inserts: the checks PostgreSQL's unique index of current keys made when the data
    was kept as rows, made here by every server."""
    table, rev = part.table, int(part.revision)
    same = same_key("t", "r")
    con.register("part", part.rows)
    try:
        if part.kind == pg_parts.RETIRED:
            done = con.execute(
                f"UPDATE {table} AS t SET rev_to = {rev} FROM part AS r"
                f" WHERE t.rev_to IS NULL AND t.rev_from = r.rev_from AND {same}"
            ).fetchall()
            return done[0][0] == part.rows.num_rows
        clash = con.execute(
            f"SELECT count(*) FROM part AS r JOIN {table} AS t ON t.rev_to IS NULL AND {same}"
        ).fetchall()
        if clash[0][0]:
            return False
        cols = ", ".join(VERSIONED[table])
        con.execute(
            f"INSERT INTO {table} ({cols}, rev_from, rev_to) SELECT {cols}, {rev}, NULL FROM part"
        )
        return True
    finally:
        con.unregister("part")


def _tallies(con) -> dict[str, tuple[int, int]]:
    """Per table, the copy's current rows: how many and the sum of their `rev_from`."""
    found = {}
    for table in VERSIONED:
        n, rev_sum = con.execute(
            f"SELECT count(*), coalesce(sum(rev_from), 0) FROM {table} WHERE rev_to IS NULL"
        ).fetchall()[0]
        if n:
            found[table] = (int(n), int(rev_sum))
    return found


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
    row = tuple(getattr(revision, c) for c in REVISION_COLUMNS)
    _note(local, [row], head.source, head.revision)


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
