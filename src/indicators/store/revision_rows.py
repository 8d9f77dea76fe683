"""A revision as a row of the `revisions` table: what it records, how it is written and read.

Kept apart from `revisions` (the `Store` and its transactions) so that module stays about
loading data; both run inside the connection the caller holds.
"""

from __future__ import annotations

import getpass
from dataclasses import asdict, dataclass, fields
from datetime import datetime

from indicators.core.clock import utc_now
from indicators.store.staging import Counts


@dataclass(frozen=True)
class Revision:
    """One load. `content_hash` is the SHA-256 of the uploaded file's bytes (None for a
    rollback); `Store.content_hash(rev)` is the hash of the data as of a revision. `recipe` and
    `recipe_text` name the recipe that read a published table and keep its text as it was used
    (None for our own layouts and for revisions made before schema 4)."""

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
    recipe: str | None = None
    recipe_text: str | None = None


REVISION_COLUMNS = [f.name for f in fields(Revision)]


@dataclass(frozen=True)
class Entry:
    """What a revision records about its load besides the row counts (the author defaults to
    the user running the process)."""

    author: str | None
    file_name: str | None = None
    content_hash: str | None = None
    message: str = ""
    rows_rejected: int = 0
    restores: int | None = None
    recipe: str | None = None
    recipe_text: str | None = None


def whoami() -> str:
    """The user running this process: the author of a revision nobody signed."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def read_revisions(con, rev: int | None = None) -> list[Revision]:
    """Every revision (or revision `rev` only), oldest first; a column an older store file
    lacks reads as its default."""
    have = {r[0] for r in con.execute("DESCRIBE revisions").fetchall()}
    cols = ", ".join(c if c in have else f"NULL AS {c}" for c in REVISION_COLUMNS)
    where = "" if rev is None else f"WHERE id = {int(rev)}"
    rows = con.execute(f"SELECT {cols} FROM revisions {where} ORDER BY id").fetchall()
    found = []
    for r in rows:
        row = dict(zip(REVISION_COLUMNS, r, strict=True))
        row["rows_rejected"] = row["rows_rejected"] or 0
        found.append(Revision(**row))
    return found


def record(con, rev: int, counts: Counts, entry: Entry) -> None:
    """The revision's row: when, who, what file, what its load did, and which recipe read it."""
    row = {
        "id": rev,
        "created_at": utc_now(),
        "rows_in_file": counts.in_file + entry.rows_rejected,
        "rows_new": counts.new,
        "rows_changed": counts.changed,
        "rows_unchanged": counts.unchanged,
        "rows_removed": counts.removed,
        **asdict(entry),
        "author": entry.author or whoami(),
    }
    con.execute(
        f"INSERT INTO revisions ({', '.join(REVISION_COLUMNS)})"
        f" VALUES ({', '.join('?' * len(REVISION_COLUMNS))})",
        [row[c] for c in REVISION_COLUMNS],
    )
