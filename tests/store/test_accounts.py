"""Accounts, sign-in sessions and the audit trail as rows of a real store file, and an older
store file that gains these tables when it is opened."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

import duckdb
import pytest

from indicators.store import accounts
from indicators.store.accounts import Account, Session
from indicators.store.audit import AUDIT_COLUMNS, AuditEntry, append, read_trail
from indicators.store.revisions import Store
from indicators.store.tables import DDL, MIGRATIONS, SCHEMA_VERSION

T0 = datetime(2025, 7, 1, 8, 0, 0)  # naive UTC, as the store keeps times


def account(name: str, role: str = "analyst", **more) -> Account:
    return Account(name, role, "$argon2id$not-a-real-hash", T0, **more)


def test_an_account_is_kept_and_read_back(empty_store):
    assert accounts.insert_account(empty_store, account("chuyenvien"))
    assert accounts.insert_account(empty_store, account("an.nguyen@khanhhoa.gov.vn", "viewer"))
    found = accounts.get_account(empty_store, "chuyenvien")
    assert found == account("chuyenvien")
    assert not found.disabled and found.failed == 0 and not found.locked(T0)
    names = [a.name for a in accounts.list_accounts(empty_store)]
    assert names == ["an.nguyen@khanhhoa.gov.vn", "chuyenvien"]  # by name
    assert accounts.get_account(empty_store, "khongco") is None


def test_a_name_already_taken_is_refused_and_the_first_account_stays(empty_store):
    assert accounts.insert_account(empty_store, account("chuyenvien", "analyst"))
    assert not accounts.insert_account(empty_store, account("chuyenvien", "admin"))
    assert accounts.get_account(empty_store, "chuyenvien").role == "analyst"


def test_only_the_columns_people_may_change_can_be_changed(empty_store):
    accounts.insert_account(empty_store, account("chuyenvien"))
    assert accounts.update_account(empty_store, "chuyenvien", role="viewer", disabled=True)
    changed = accounts.get_account(empty_store, "chuyenvien")
    assert (changed.role, changed.disabled) == ("viewer", True)
    with pytest.raises(ValueError, match="not editable"):
        accounts.update_account(empty_store, "chuyenvien", created_at=T0)
    assert not accounts.update_account(empty_store, "khongco", role="admin")
    assert [a.name for a in accounts.list_accounts(empty_store)] == ["chuyenvien"]


def test_wrong_passwords_are_counted_and_lock_at_the_limit(empty_store):
    accounts.insert_account(empty_store, account("chuyenvien"))
    lock_for = timedelta(minutes=15)
    counts = [accounts.count_failure(empty_store, "chuyenvien", T0, 3, lock_for) for _ in range(3)]
    assert counts == [1, 2, 3]
    locked = accounts.get_account(empty_store, "chuyenvien")
    assert locked.locked_until == T0 + lock_for
    assert locked.locked(T0 + lock_for - timedelta(seconds=1))
    assert not locked.locked(T0 + lock_for)
    assert accounts.count_failure(empty_store, "khongco", T0, 3, lock_for) == 0


def test_wrong_passwords_sent_at_once_all_count(empty_store):
    """Someone guessing from many connections at once gets no free attempts."""
    accounts.insert_account(empty_store, account("chuyenvien"))
    lock_for = timedelta(minutes=15)
    start = threading.Barrier(8)
    errors: list[BaseException] = []

    def guess() -> None:
        start.wait()
        try:
            accounts.count_failure(empty_store, "chuyenvien", T0, 5, lock_for)
        except BaseException as exc:  # re-raised below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=guess) for _ in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    if errors:
        raise errors[0]
    found = accounts.get_account(empty_store, "chuyenvien")
    assert found.failed == 8 and found.locked_until == T0 + lock_for


def test_sessions_are_kept_by_hash_touched_and_ended(empty_store):
    for name in ("chuyenvien", "quantri"):
        accounts.insert_account(empty_store, account(name))
    mine = [Session(f"{'a' * 63}{i}", "chuyenvien", T0, T0, "10.0.0.7") for i in range(2)]
    other = Session("b" * 64, "quantri", T0, T0, None)
    for s in [*mine, other]:
        accounts.insert_session(empty_store, s)
    assert accounts.get_session(empty_store, mine[0].token_hash) == mine[0]
    later = T0 + timedelta(minutes=5)
    accounts.touch_session(empty_store, mine[0].token_hash, later)
    assert accounts.get_session(empty_store, mine[0].token_hash).last_seen == later
    accounts.delete_session(empty_store, mine[0].token_hash)
    assert accounts.get_session(empty_store, mine[0].token_hash) is None
    accounts.delete_sessions_of(empty_store, "chuyenvien")  # signed out everywhere
    assert accounts.get_session(empty_store, mine[1].token_hash) is None
    assert accounts.get_session(empty_store, other.token_hash) == other


def test_the_audit_trail_reads_newest_first(empty_store):
    for i, event in enumerate(["sign_in", "save", "sign_out"]):
        entry = AuditEntry(event, "ok", "chuyenvien", "analyst", client="10.0.0.7", revision=i)
        append(empty_store, entry, at=T0 + timedelta(minutes=i))
    trail = read_trail(empty_store)
    assert list(trail.columns) == AUDIT_COLUMNS
    assert trail["event"].tolist() == ["sign_out", "save", "sign_in"]
    assert trail["occurred_at"].iloc[0] == T0 + timedelta(minutes=2)
    assert trail["client"].tolist() == ["10.0.0.7"] * 3
    assert read_trail(empty_store, limit=1)["event"].tolist() == ["sign_out"]


def test_an_audit_line_without_a_time_gets_the_current_utc_time(empty_store):
    before = datetime.utcnow().replace(microsecond=0)
    append(empty_store, AuditEntry("sign_in", "wrong", "khongco"))
    at = read_trail(empty_store)["occurred_at"].iloc[0].to_pydatetime()
    assert before <= at <= before + timedelta(minutes=1)  # UTC, not Vietnam time (+7 h)


def _schema_2_file(path) -> None:
    """A store file as schema 2 left it: revisions with the schema-2 columns, no accounts."""
    con = duckdb.connect(str(path))
    con.execute(DDL)
    for sql in MIGRATIONS[:2]:  # rows_rejected, restores
        con.execute(sql)
    con.execute("INSERT INTO meta VALUES ('schema_version', '2')")
    con.execute(
        "INSERT INTO revisions VALUES (1, TIMESTAMP '2024-01-02 03:04:05', 'old', 'a.csv',"
        " 'abc', 'from schema 2', 1, 1, 0, 0, 0, 0, NULL)"
    )
    con.close()


def test_a_store_file_from_schema_2_gains_accounts_sessions_and_audit(tmp_path, catalog, regions):
    path = tmp_path / "old.duckdb"
    _schema_2_file(path)
    store = Store(path)
    store.initialize(catalog, regions)  # what opening it for the dashboard or the CLI does
    with store.connect(read_only=True) as con:
        tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        version = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    assert {"accounts", "sessions", "audit"} <= tables
    assert version == [(SCHEMA_VERSION,)]  # migrated to the current schema
    assert store.revisions()[0].message == "from schema 2"  # the old history is kept
    assert accounts.insert_account(store, account("quantri", "admin"))
    append(store, AuditEntry("account_add", "ok", "cli:root", "admin", detail="quantri"))
    append(store, AuditEntry("sign_in", "ok", "quantri", "admin"))
    assert read_trail(store)["id"].tolist() == [2, 1]  # ids from the new sequence
    store.initialize(catalog, regions)  # opening it again changes nothing
    assert read_trail(store)["id"].tolist() == [2, 1]
