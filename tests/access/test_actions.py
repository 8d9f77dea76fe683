"""The actions that change the store, as the Upload and History pages call them: each checked at
the moment it runs, authored by the signed-in account, and written to the audit trail."""

from __future__ import annotations

import hashlib

import pytest

from indicators.access.actions import record_validation, restore_revision, save_upload
from indicators.access.guard import PermissionDenied
from indicators.access.identity import operator
from indicators.access.signin import sign_in
from indicators.store.revisions import StaleRevisionError
from tests.access.people import (
    ADMIN,
    ANALYST,
    CFG,
    CLIENT,
    PASSWORD,
    VIEWER,
    audit_since,
    bts_file,
    frames_of,
    last_audit_id,
    state,
)


def signed_in(store, name: str):
    return sign_in(store, name, PASSWORD[name], CLIENT, CFG).identity


@pytest.fixture
def saved(store, catalog, regions):
    """The store at revision 2: an analyst's BTS file saved over the bundled data."""
    data = bts_file(99)
    save_upload(
        store, operator(ANALYST), CFG, frames_of(data, catalog, regions),
        file_name="bts.csv", data=data, message="BTS Vĩnh Hòa",
    )  # fmt: skip
    return store


def test_a_saved_revision_is_authored_by_the_account_and_audited(store, catalog, regions):
    who = signed_in(store, ANALYST)
    data = bts_file(99)
    mark = last_audit_id(store)
    rev = save_upload(
        store, who, CFG, frames_of(data, catalog, regions),
        file_name="bts.csv", data=data, message="BTS Vĩnh Hòa",
    )  # fmt: skip
    assert (rev.id, rev.author, rev.file_name, rev.rows_changed) == (2, ANALYST, "bts.csv", 1)
    assert store.current_revision() == 2
    line = audit_since(store, mark).iloc[0]
    assert line[["event", "outcome", "account", "role", "client"]].tolist() == [
        "save", "ok", ANALYST, "analyst", CLIENT,
    ]  # fmt: skip
    assert line["session"] == who.session and line["revision"] == 2
    assert (line["file_name"], line["file_hash"]) == ("bts.csv", hashlib.sha256(data).hexdigest())


def test_an_analyst_cannot_restore_an_earlier_revision(saved):
    who = signed_in(saved, ANALYST)
    before, mark = state(saved), last_audit_id(saved)
    with pytest.raises(PermissionDenied) as refused:
        restore_revision(saved, who, CFG, 1, "back to the bundled data")
    assert "cần vai trò admin" in str(refused.value) and "needs the admin role" in str(
        refused.value
    )
    assert state(saved) == before  # no revision 3, the same data
    line = audit_since(saved, mark).iloc[0]
    assert line[["event", "outcome", "account", "role", "detail"]].tolist() == [
        "restore", "refused", ANALYST, "analyst", "needs admin",
    ]  # fmt: skip


def test_an_admin_restores_and_the_trail_names_the_new_revision(saved):
    who = signed_in(saved, ADMIN)
    mark = last_audit_id(saved)
    rev = restore_revision(saved, who, CFG, 1, "back to the bundled data")
    assert (rev.id, rev.author, rev.restores) == (3, ADMIN, 1)
    assert saved.content_hash() == saved.content_hash(1)
    line = audit_since(saved, mark).iloc[0]
    assert line[["event", "outcome", "account", "role", "detail"]].tolist() == [
        "restore", "ok", ADMIN, "admin", "to 1",
    ]  # fmt: skip
    assert line["revision"] == 3


def test_restoring_a_revision_that_does_not_exist_changes_nothing_and_says_so(saved):
    before, mark = state(saved), last_audit_id(saved)
    with pytest.raises(ValueError, match="no revision 7"):
        restore_revision(saved, operator(), CFG, 7, "?")
    assert state(saved) == before
    line = audit_since(saved, mark).iloc[0]
    assert (line["event"], line["outcome"], line["detail"]) == (
        "restore",
        "failed",
        "to 7: ValueError",
    )


def test_a_save_made_stale_by_another_analyst_is_not_stored_and_is_audited(saved, catalog, regions):
    data = bts_file(100)
    before, mark = state(saved), last_audit_id(saved)
    with pytest.raises(StaleRevisionError):
        save_upload(
            saved, operator(ANALYST), CFG, frames_of(data, catalog, regions),
            file_name="bts.csv", data=data, message="previewed at revision 1",
            expect_revision=1,
        )  # fmt: skip
    assert state(saved) == before
    assert audit_since(saved, mark)["outcome"].tolist() == ["stale"]


def test_checking_a_file_is_audited_with_its_hash_and_needs_an_analyst(store):
    data = bts_file(99)
    mark = last_audit_id(store)
    record_validation(store, operator(ANALYST), CFG, "bts.csv", data, errors=0)
    record_validation(store, operator(ANALYST), CFG, "bad.csv", b"x", errors=3)
    with pytest.raises(PermissionDenied):
        record_validation(store, operator(VIEWER), CFG, "bts.csv", data, errors=0)
    trail = audit_since(store, mark)
    assert trail[["event", "outcome", "account", "file_name", "detail"]].values.tolist() == [
        ["validate", "ok", ANALYST, "bts.csv", None],
        ["validate", "errors", ANALYST, "bad.csv", "3 errors"],
        ["validate", "refused", VIEWER, "bts.csv", "needs analyst"],
    ]
    assert trail["file_hash"].tolist() == [
        hashlib.sha256(d).hexdigest() for d in (data, b"x", data)
    ]
