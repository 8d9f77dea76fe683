"""Connections to the shared store on PostgreSQL: one pool per database in a process, the
store's SQL taken as DuckDB takes it (`?` marks), and a failure worded for the person who asked.

The store's small tables (accounts, sessions, audit, recipes) and every write of data go to
PostgreSQL directly; pages read a local DuckDB copy (`mirror`). The same SQL text serves both
databases where it can, so `accounts`, `audit`, `recipe_table` and `revision_rows` have one
body: this module turns DuckDB's `?` parameters into psycopg's `%s`.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pandas as pd
import psycopg
from psycopg import errors
from psycopg.conninfo import conninfo_to_dict
from psycopg_pool import ConnectionPool, PoolTimeout

from indicators.store.connection import StoreError

# Conflicts a retry resolves: two sessions wrote one row at once (`small_writes.retried`).
CONFLICTS = (errors.SerializationFailure, errors.DeadlockDetected, errors.UniqueViolation)
# How long a page waits for a connection before saying the server cannot be reached.
_CHECKOUT_SECONDS = 15.0
_POOLS: dict[str, ConnectionPool] = {}
_POOLS_LOCK = threading.Lock()
# A quoted string or identifier (whose `?` is text), a `?`, or a `%` (psycopg reads every `%`
# as the start of a mark, even inside quotes).
_TOKENS = re.compile(r"'(?:[^']|'')*'|\"[^\"]*\"|\?|%")


def where(url: str) -> str:
    """The database a URL names, for messages: host, port and name, never the user or the
    password (read as libpq reads the URL, so any character in a password is fine)."""
    try:
        info = conninfo_to_dict(url)
    except psycopg.Error:
        return "PostgreSQL"
    host = info.get("host") or "localhost"
    port = f":{info['port']}" if info.get("port") else ""
    return f"{host}{port}/{info.get('dbname', '')}"


def marks(sql: str) -> str:
    """DuckDB's SQL parameters (`?`) as psycopg's (`%s`); a literal `%` doubled."""

    def swap(m: re.Match) -> str:
        token = m.group(0)
        return "%s" if token == "?" else token.replace("%", "%%")  # psycopg reads % anywhere

    return _TOKENS.sub(swap, sql)


class Result:
    """What `PgConnection.execute` returns: the calls the store makes on a DuckDB result."""

    def __init__(self, cursor: psycopg.Cursor):
        self._cursor = cursor

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    def fetchall(self) -> list[tuple]:
        return self._cursor.fetchall() if self._cursor.description else []

    def fetchone(self) -> tuple | None:
        return self._cursor.fetchone() if self._cursor.description else None

    def df(self) -> pd.DataFrame:
        cols = [d.name for d in self._cursor.description or []]
        return pd.DataFrame(self.fetchall(), columns=cols)


class PgConnection:
    """A pooled psycopg connection in autocommit mode, so `BEGIN TRANSACTION` … `COMMIT` are
    written out as in DuckDB, taking the store's SQL with `?` parameters."""

    def __init__(self, raw: psycopg.Connection):
        self.raw = raw

    def execute(self, sql: str, params: list | tuple | None = None) -> Result:
        if params is None:  # psycopg reads no marks in a query without parameters
            return Result(self.raw.execute(sql))
        return Result(self.raw.execute(marks(sql), list(params)))


def _pool(url: str) -> ConnectionPool:
    with _POOLS_LOCK:
        pool = _POOLS.get(url)
        if pool is None:
            pool = ConnectionPool(
                url,
                min_size=1,
                max_size=10,
                kwargs={"autocommit": True, "connect_timeout": 10},
                check=ConnectionPool.check_connection,  # a restarted server is met again
                timeout=_CHECKOUT_SECONDS,
                name=where(url),
                open=True,
            )
            _POOLS[url] = pool
        return pool


def unreachable(url: str, exc: BaseException) -> StoreError:
    """Why the server cannot be reached, asking it once more for its own words."""
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if isinstance(exc, PoolTimeout):
        try:
            psycopg.connect(url, connect_timeout=5).close()
        except psycopg.Error as direct:
            reason = str(direct).strip().splitlines()[0]
    return StoreError("store.server_unreachable", where=where(url), reason=reason)


# What the server says about itself rather than about the request: worded for the visitor.
_SERVER_SIDE = (
    errors.InsufficientPrivilege,
    errors.ReadOnlySqlTransaction,
    errors.DiskFull,
    errors.OutOfMemory,
    errors.TooManyConnections,
    errors.AdminShutdown,
    psycopg.InternalError,
)


def failed(url: str, exc: BaseException) -> StoreError:
    """The database refused or failed a request for a reason of its own (full disk, no
    permission, read-only after a failover, shutting down), worded."""
    reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    return StoreError("store.server_error", where=where(url), reason=reason)


@contextmanager
def connect(url: str) -> Iterator[PgConnection]:
    """A connection from this process's pool for `url`. A server that cannot be reached, or a
    connection lost while in use, is a worded `StoreError`; the pool rolls back a transaction
    an error left open before the connection is used again."""
    pool = _pool(url)
    try:
        raw = pool.getconn()
    except (PoolTimeout, psycopg.OperationalError) as exc:
        raise unreachable(url, exc) from exc
    try:
        yield PgConnection(raw)
    except psycopg.OperationalError as exc:
        if raw.broken or raw.closed:
            raise unreachable(url, exc) from exc
        raise failed(url, exc) from exc
    except _SERVER_SIDE as exc:
        raise failed(url, exc) from exc
    finally:
        pool.putconn(raw)


def close_pools() -> None:
    """Close every pool of this process (tests, and a server shutting down)."""
    with _POOLS_LOCK:
        pools = list(_POOLS.values())
        _POOLS.clear()
    for pool in pools:
        pool.close()
