"""Signing in with a password, as a person at the sign-in form meets it: the lock-out after wrong
passwords, a wrong name that looks like a wrong password, sessions that end when idle, signed
out, disabled or given a new password, and an audit line for every attempt with no password in
the store."""

from __future__ import annotations

import hashlib
import threading
import time
from datetime import timedelta

from indicators.access import manage
from indicators.access.identity import operator
from indicators.access.signin import Outcome, SignIn, resume, sign_in, sign_out
from indicators.core.clock import utc_now
from indicators.core.roles import Role
from indicators.store import accounts
from tests.access.people import (
    ANALYST,
    CFG,
    CLIENT,
    PASSWORD,
    WRONG_PASSWORD,
    audit_since,
    last_audit_id,
    store_bytes,
    store_text,
)

RIGHT = PASSWORD[ANALYST]


def attempt(store, password, at, name=ANALYST):
    return sign_in(store, name, password, CLIENT, CFG, now=at)


def test_five_wrong_passwords_lock_the_account_until_the_lock_time_has_passed(store):
    assert (CFG.max_failed, CFG.lockout_minutes) == (5, 15)
    t0, mark = utc_now(), last_audit_id(store)
    tries = [attempt(store, WRONG_PASSWORD, t0 + timedelta(seconds=i)) for i in range(5)]
    assert [r.outcome for r in tries] == [Outcome.WRONG] * 4 + [Outcome.LOCKED]
    until = t0 + timedelta(seconds=4, minutes=15)
    assert tries[-1].locked_until == until
    assert accounts.get_account(store, ANALYST).locked_until == until
    # The sixth attempt, with the right password, a minute before the lock ends: refused.
    sixth = attempt(store, RIGHT, until - timedelta(minutes=1))
    assert sixth == SignIn(Outcome.LOCKED, locked_until=until)
    assert _sessions(store) == 0
    # After the lock time the right password works and the count starts again.
    after = attempt(store, RIGHT, until + timedelta(seconds=1))
    assert after.outcome is Outcome.OK and after.identity.account == ANALYST
    found = accounts.get_account(store, ANALYST)
    assert (found.failed, found.locked_until) == (0, None)
    trail = audit_since(store, mark)
    assert trail["event"].tolist() == ["sign_in"] * 7  # one line per attempt
    assert trail["outcome"].tolist() == ["wrong"] * 4 + ["locked", "locked", "ok"]
    assert set(trail["account"]) == {ANALYST} and set(trail["client"]) == {CLIENT}
    assert trail["session"].iloc[-1] == after.identity.session
    assert trail["detail"].iloc[5] == f"until {until:%Y-%m-%d %H:%M} UTC"


def test_a_right_password_before_the_fifth_wrong_one_starts_the_count_again(store):
    t0 = utc_now()
    for i in range(4):
        assert attempt(store, WRONG_PASSWORD, t0 + timedelta(seconds=i)).outcome is Outcome.WRONG
    assert accounts.get_account(store, ANALYST).failed == 4
    assert attempt(store, RIGHT, t0 + timedelta(seconds=5)).outcome is Outcome.OK
    assert accounts.get_account(store, ANALYST).failed == 0
    # One more wrong password is the first of a new row, not the fifth.
    assert attempt(store, WRONG_PASSWORD, t0 + timedelta(seconds=6)).outcome is Outcome.WRONG
    found = accounts.get_account(store, ANALYST)
    assert (found.failed, found.locked_until) == (1, None)


def test_a_wrong_name_looks_and_takes_as_long_as_a_wrong_password(store):
    """The form's answer and its timing do not tell which account names exist."""
    mark = last_audit_id(store)
    started = time.perf_counter()
    no_such = sign_in(store, "khongco", RIGHT, CLIENT, CFG)
    no_such_s = time.perf_counter() - started
    started = time.perf_counter()
    wrong = sign_in(store, ANALYST, WRONG_PASSWORD, CLIENT, CFG)
    wrong_s = time.perf_counter() - started
    assert no_such == wrong == SignIn(Outcome.WRONG)
    # Both verify an Argon2 hash (a dummy one for the missing name): tens of ms, not micro.
    assert no_such_s > 0.02 and wrong_s > 0.02, (no_such_s, wrong_s)
    assert accounts.get_account(store, "khongco") is None  # nothing made for a guessed name
    trail = audit_since(store, mark)
    assert trail["outcome"].tolist() == ["wrong", "wrong"]
    assert trail["account"].tolist() == ["khongco", ANALYST]


def test_the_name_is_found_whatever_its_case_and_spaces(store):
    signed = sign_in(store, "  ChuyenVien ", RIGHT, CLIENT, CFG)
    assert signed.outcome is Outcome.OK and signed.identity.account == ANALYST


def test_a_disabled_account_is_refused_even_with_the_right_password(store):
    manage.set_disabled(store, operator(), CFG, ANALYST, True)
    mark = last_audit_id(store)
    refused = sign_in(store, ANALYST, RIGHT, CLIENT, CFG)
    assert refused == SignIn(Outcome.DISABLED)
    assert _sessions(store) == 0
    trail = audit_since(store, mark)
    assert trail[["event", "outcome", "account", "client"]].values.tolist() == [
        ["sign_in", "disabled", ANALYST, CLIENT]
    ]


def test_no_password_is_kept_anywhere_in_the_store(store):
    t0 = utc_now()
    attempt(store, WRONG_PASSWORD, t0)
    signed = attempt(store, RIGHT, t0 + timedelta(seconds=1))
    assert signed.outcome is Outcome.OK
    text, raw = store_text(store), store_bytes(store.path)
    assert "sign_in" in text and ANALYST in text  # the search does read the audit trail
    for secret in (RIGHT, WRONG_PASSWORD, signed.token):
        assert secret not in text
        assert secret.encode() not in raw
    found = accounts.get_account(store, ANALYST)
    assert found.password_hash.startswith("$argon2id$")


def test_a_session_is_found_again_by_its_token_and_kept_only_as_its_hash(store):
    t0 = utc_now()
    signed = attempt(store, RIGHT, t0)
    who = resume(store, signed.token, "10.56.0.8", CFG, now=t0 + timedelta(minutes=30))
    assert (who.account, who.role, who.via) == (ANALYST, Role.ANALYST, "local")
    assert who.client == "10.56.0.8" and who.session == signed.identity.session
    with store.connect(read_only=True) as con:
        kept = con.execute("SELECT token_hash, account, client FROM sessions").fetchall()
    assert kept == [(hashlib.sha256(signed.token.encode()).hexdigest(), ANALYST, CLIENT)]
    assert signed.token not in store_text(store)
    assert resume(store, signed.token[:-1] + "x", CLIENT, CFG) is None  # a guessed cookie
    assert resume(store, None, CLIENT, CFG) is None


def test_a_session_idle_for_longer_than_idle_minutes_ends(store):
    assert CFG.idle_minutes == 60
    t0 = utc_now()
    token = attempt(store, RIGHT, t0).token
    # Activity keeps it alive: 50 minutes, then another 50 (100 in all, never 60 idle).
    assert resume(store, token, CLIENT, CFG, now=t0 + timedelta(minutes=50)) is not None
    assert resume(store, token, CLIENT, CFG, now=t0 + timedelta(minutes=100)) is not None
    mark = last_audit_id(store)
    assert resume(store, token, CLIENT, CFG, now=t0 + timedelta(minutes=161)) is None
    assert _sessions(store) == 0  # ended, not only refused
    assert resume(store, token, CLIENT, CFG, now=t0 + timedelta(minutes=162)) is None
    trail = audit_since(store, mark)
    assert trail[["event", "outcome", "account"]].values.tolist() == [
        ["session_expired", "ok", ANALYST]
    ]


def test_signing_out_ends_the_session(store):
    signed = attempt(store, RIGHT, utc_now())
    mark = last_audit_id(store)
    sign_out(store, signed.identity)
    assert resume(store, signed.token, CLIENT, CFG) is None
    assert _sessions(store) == 0
    trail = audit_since(store, mark)
    assert trail[["event", "outcome", "account", "session"]].values.tolist() == [
        ["sign_out", "ok", ANALYST, signed.identity.session]
    ]


def test_disabling_an_account_ends_its_sessions_for_good(store):
    token = attempt(store, RIGHT, utc_now()).token
    manage.set_disabled(store, operator(), CFG, ANALYST, True)
    assert resume(store, token, CLIENT, CFG) is None
    assert _sessions(store) == 0
    manage.set_disabled(store, operator(), CFG, ANALYST, False)
    assert resume(store, token, CLIENT, CFG) is None  # enabling does not bring it back


def test_a_new_password_ends_the_sessions_opened_with_the_old_one(store):
    token = attempt(store, RIGHT, utc_now()).token
    new = "Mật-khẩu mới sau sự cố"
    manage.set_password(store, operator(), CFG, ANALYST, new, new)
    assert resume(store, token, CLIENT, CFG) is None
    assert _sessions(store) == 0
    assert sign_in(store, ANALYST, RIGHT, CLIENT, CFG).outcome is Outcome.WRONG
    assert sign_in(store, ANALYST, new, CLIENT, CFG).outcome is Outcome.OK


def test_a_new_password_set_with_the_name_in_capitals_still_ends_the_sessions(store):
    token = attempt(store, RIGHT, utc_now()).token
    new = "Mật-khẩu mới sau sự cố"
    manage.set_password(store, operator(), CFG, "ChuyenVien", new, new)  # `users password …`
    assert resume(store, token, CLIENT, CFG) is None


def test_disabling_with_the_name_in_capitals_ends_the_sessions_for_good(store):
    token = attempt(store, RIGHT, utc_now()).token
    manage.set_disabled(store, operator(), CFG, "ChuyenVien", True)  # `users disable ChuyenVien`
    manage.set_disabled(store, operator(), CFG, ANALYST, False)
    assert resume(store, token, CLIENT, CFG) is None


def _at_once(n: int, do) -> tuple[list, list[BaseException]]:
    """`do()` from `n` threads released together (requests of several browser tabs)."""
    start, results, errors = threading.Barrier(n), [], []

    def run() -> None:
        start.wait()
        try:
            results.append(do())
        except BaseException as exc:  # collected: the test says what went wrong
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(n)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return results, errors


def test_wrong_passwords_sent_at_once_are_all_answered_counted_and_audited(store):
    mark = last_audit_id(store)
    results, errors = _at_once(6, lambda: sign_in(store, ANALYST, WRONG_PASSWORD, CLIENT, CFG))
    assert errors == []
    assert {r.outcome for r in results} <= {Outcome.WRONG, Outcome.LOCKED}
    assert accounts.get_account(store, ANALYST).failed == 6
    assert len(audit_since(store, mark)) == 6


def test_one_session_resumed_by_several_tabs_at_once(store):
    t0 = utc_now()
    token = attempt(store, RIGHT, t0).token
    later = t0 + timedelta(minutes=5)  # past TOUCH_EVERY, so every request writes last_seen
    results, errors = _at_once(6, lambda: resume(store, token, CLIENT, CFG, now=later))
    assert errors == []
    assert [who.account for who in results] == [ANALYST] * 6


def _sessions(store) -> int:
    with store.connect(read_only=True) as con:
        return con.execute("SELECT count(*) FROM sessions").fetchall()[0][0]
