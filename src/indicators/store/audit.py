"""The audit trail: who did what, when, from where. Only ever appended to.

This module offers no update or delete, so nothing in the product rewrites the trail; a
database that supports it (PostgreSQL) can also revoke UPDATE and DELETE on the table.
Times are stored in UTC and shown in Vietnam time.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

import pandas as pd

from indicators.core.clock import utc_now
from indicators.store.revisions import Store

AUDIT_COLUMNS = [
    "id", "occurred_at", "event", "outcome", "account", "role", "session", "client",
    "file_name", "file_hash", "revision", "detail",
]  # fmt: skip


@dataclass(frozen=True)
class AuditEntry:
    """One line of the trail. `event` is an action word (`core.roles.Action`) or a sign-in
    event; `outcome` says how it ended ("ok", "refused", "failed", "locked", …)."""

    event: str
    outcome: str
    account: str | None = None
    role: str | None = None
    session: str | None = None
    client: str | None = None
    file_name: str | None = None
    file_hash: str | None = None
    revision: int | None = None
    detail: str | None = None


def append(store: Store, entry: AuditEntry, at: datetime | None = None) -> None:
    """Add a line to the trail (the time is now, in UTC, unless given)."""
    row = {"occurred_at": at or utc_now(), **asdict(entry)}
    cols = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    with store.records() as con:
        con.execute(f"INSERT INTO audit ({cols}) VALUES ({marks})", list(row.values()))


def read_trail(store: Store, limit: int | None = None) -> pd.DataFrame:
    """The trail, newest first (`limit` lines at most)."""
    sql = f"SELECT {', '.join(AUDIT_COLUMNS)} FROM audit ORDER BY id DESC"
    with store.records(read_only=True) as con:
        if limit is not None:
            return con.execute(f"{sql} LIMIT ?", [int(limit)]).df()
        return con.execute(sql).df()
