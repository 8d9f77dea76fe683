"""Accounts and their sign-in sessions, as rows of the store.

Only storage lives here: which password is right, when an account locks and when a session has
been idle too long are decided by `indicators.access`. A session is kept by the SHA-256 of its
token, so a copy of the store (a backup) signs nobody in. Times are naive UTC, as everywhere in
the store.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime, timedelta

from indicators.store.revisions import Store
from indicators.store.small_writes import retried, writing


@dataclass(frozen=True)
class Account:
    """A person who may sign in. `password_hash` is None for an account that signs in only
    through the province's identity server (its name is then the e-mail the server sends)."""

    name: str
    role: str
    password_hash: str | None
    created_at: datetime
    disabled: bool = False
    failed: int = 0
    locked_until: datetime | None = None

    def locked(self, now: datetime) -> bool:
        return self.locked_until is not None and self.locked_until > now


@dataclass(frozen=True)
class Session:
    token_hash: str
    account: str
    created_at: datetime
    last_seen: datetime
    client: str | None


_ACCOUNT_COLUMNS = ", ".join(f.name for f in fields(Account))
_SESSION_COLUMNS = ", ".join(f.name for f in fields(Session))
_EDITABLE = {"role", "password_hash", "disabled", "failed", "locked_until"}


def get_account(store: Store, name: str) -> Account | None:
    with store.records(read_only=True) as con:
        rows = con.execute(
            f"SELECT {_ACCOUNT_COLUMNS} FROM accounts WHERE name = ?", [name]
        ).fetchall()
    return Account(*rows[0]) if rows else None


def list_accounts(store: Store) -> list[Account]:
    with store.records(read_only=True) as con:
        rows = con.execute(f"SELECT {_ACCOUNT_COLUMNS} FROM accounts ORDER BY name").fetchall()
    return [Account(*r) for r in rows]


def insert_account(store: Store, account: Account) -> bool:
    """Add an account; False (and no change) when the name is taken."""

    def write() -> bool:
        with writing(store) as con:
            taken = con.execute("SELECT 1 FROM accounts WHERE name = ?", [account.name]).fetchall()
            if taken:
                return False
            values = [getattr(account, f.name) for f in fields(Account)]
            marks = ", ".join("?" for _ in values)
            con.execute(f"INSERT INTO accounts ({_ACCOUNT_COLUMNS}) VALUES ({marks})", values)
        return True

    return retried(write)


def update_account(store: Store, name: str, **changes: object) -> bool:
    """Change some columns of an account; False when there is no such account."""
    unknown = set(changes) - _EDITABLE
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    sets = ", ".join(f"{col} = ?" for col in changes)
    sql = f"UPDATE accounts SET {sets} WHERE name = ? RETURNING name"
    return bool(_execute(store, sql, [*changes.values(), name]))


def _execute(store: Store, sql: str, params: list) -> list[tuple]:
    """One write statement, one at a time in the process, retried on a conflict."""

    def write() -> list[tuple]:
        with writing(store) as con:
            return con.execute(sql, params).fetchall()

    return retried(write)


def count_failure(store: Store, name: str, now: datetime, limit: int, lock_for: timedelta) -> int:
    """One more wrong password for `name`, counted in one statement so two attempts at once
    both count; the account locks for `lock_for` when the count reaches `limit`. A lock that has
    ended starts the count again. Returns the count (0 when there is no such account)."""
    rows = _execute(
        store,
        """UPDATE accounts SET
               failed = CASE WHEN locked_until IS NOT NULL AND locked_until <= ? THEN 1
                             ELSE failed + 1 END,
               locked_until = CASE
                   WHEN locked_until IS NOT NULL AND locked_until <= ? THEN NULL
                   WHEN failed + 1 >= ? THEN ? ELSE locked_until END
           WHERE name = ? RETURNING failed""",
        [now, now, limit, now + lock_for, name],
    )
    return int(rows[0][0]) if rows else 0


def insert_session(store: Store, session: Session) -> None:
    values = [getattr(session, f.name) for f in fields(Session)]
    _execute(store, f"INSERT INTO sessions ({_SESSION_COLUMNS}) VALUES (?, ?, ?, ?, ?)", values)


def get_session(store: Store, token_hash: str) -> Session | None:
    with store.records(read_only=True) as con:
        rows = con.execute(
            f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE token_hash = ?", [token_hash]
        ).fetchall()
    return Session(*rows[0]) if rows else None


def get_session_account(store: Store, token_hash: str) -> tuple[Session, Account | None] | None:
    """A session and its account, read in one query (this runs on every page view of a
    signed-in person)."""
    cols = ", ".join(
        [*(f"s.{f.name}" for f in fields(Session)), *(f"a.{f.name}" for f in fields(Account))]
    )
    with store.records(read_only=True) as con:
        rows = con.execute(
            f"SELECT {cols} FROM sessions s LEFT JOIN accounts a ON a.name = s.account "
            "WHERE s.token_hash = ?",
            [token_hash],
        ).fetchall()
    if not rows:
        return None
    n = len(fields(Session))
    session, account = rows[0][:n], rows[0][n:]
    return Session(*session), (Account(*account) if account[0] is not None else None)


def touch_session(store: Store, token_hash: str, now: datetime) -> None:
    _execute(store, "UPDATE sessions SET last_seen = ? WHERE token_hash = ?", [now, token_hash])


def delete_session(store: Store, token_hash: str) -> None:
    _execute(store, "DELETE FROM sessions WHERE token_hash = ?", [token_hash])


def delete_sessions_of(store: Store, account: str) -> None:
    """Sign an account out everywhere (disabled, password reset)."""
    _execute(store, "DELETE FROM sessions WHERE account = ?", [account])
