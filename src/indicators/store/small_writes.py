"""Writes of the store's small tables (accounts, sessions, recipes), one at a time.

Sessions of one server write these tables at once (several tabs resuming, a burst of wrong
passwords, two analysts saving a recipe): DuckDB answers two writes of one row from two
connections with a conflict, so writes are taken one at a time in the process, and retried
when another process's write to the same row came first (on PostgreSQL too: two servers
writing one row, or one name inserted twice at once).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import duckdb

from indicators.store.pg import CONFLICTS
from indicators.store.revisions import Store

T = TypeVar("T")
_LOCK = threading.Lock()
_ATTEMPTS = 5


@contextmanager
def writing(store: Store) -> Iterator:
    """A connection for one small write, the only one of this process at a time."""
    with _LOCK, store.records() as con:
        yield con


def retried(write: Callable[[], T]) -> T:
    """Run a write again when another process's write to the same row came first."""
    for attempt in range(_ATTEMPTS):
        try:
            return write()
        except (duckdb.TransactionException, *CONFLICTS):
            if attempt == _ATTEMPTS - 1:
                raise
            time.sleep(0.02 * (attempt + 1))
    raise AssertionError("unreachable")


def in_transaction(store: Store, act: Callable[..., T]) -> T:
    """`act(con)` in one transaction, one write at a time in the process, retried."""

    def write() -> T:
        with writing(store) as con:
            con.execute("BEGIN TRANSACTION")
            try:
                done = act(con)
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
            return done

    return retried(write)
