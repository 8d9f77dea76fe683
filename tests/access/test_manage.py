"""Managing accounts, as an admin on the Accounts page or the operator with `indicators users`:
names kept in one form, bad names and weak passwords refused in both languages, and every
change in the audit trail under the name of whoever made it."""

from __future__ import annotations

import pytest

from indicators.access import manage
from indicators.access.guard import PermissionDenied
from indicators.access.identity import operator
from indicators.access.signin import Outcome, sign_in
from indicators.core.clock import utc_now
from indicators.core.i18n import WordedError
from indicators.store import accounts
from tests.access.people import (
    ADMIN,
    ANALYST,
    CFG,
    CLIENT,
    PASSWORD,
    VIEWER,
    audit_since,
    last_audit_id,
    store_text,
)


def refused_with(rule: str, vi: str, en: str, call) -> WordedError:
    """`call()` is refused by `rule`, worded in Vietnamese and English."""
    with pytest.raises(WordedError) as refused:
        call()
    assert refused.value.rule == rule
    assert vi in refused.value.text("vi") and en in refused.value.text("en")
    assert str(refused.value) == f"{refused.value.text('vi')} / {refused.value.text('en')}"
    return refused.value


def test_names_are_kept_in_lower_case_without_spaces(store):
    added = manage.add_account(
        store, operator(), CFG, " Lan.Nguyen@KhanhHoa.gov.vn ", "Analyst", None, None
    )
    assert (added.name, added.role, added.password_hash) == (
        "lan.nguyen@khanhhoa.gov.vn",
        "analyst",
        None,  # signs in only through the identity server
    )
    assert accounts.get_account(store, "lan.nguyen@khanhhoa.gov.vn") == added


@pytest.mark.parametrize(
    "name",
    ["a", "lan nguyen", "nguyễn", "=cmd|' /C calc'!A0", "-lan", "", "x" * 65, "lan/../../etc"],
)
def test_a_bad_account_name_is_refused_and_nothing_is_written(store, name):
    mark = last_audit_id(store)
    refused_with(
        "access.account.bad_name",
        "không hợp lệ",
        "is not valid",
        lambda: manage.add_account(store, operator(), CFG, name, "viewer", None, None),
    )
    assert [a.name for a in accounts.list_accounts(store)] == sorted([ADMIN, ANALYST, VIEWER])
    assert audit_since(store, mark).empty


@pytest.mark.parametrize(
    ("password", "again", "rule", "vi", "en"),
    [
        ("ngan-qua", "ngan-qua", "access.password.short", "ít nhất 10", "at least 10"),
        ("Mật-khẩu-dài-đủ", "Mật-khẩu-dài-dủ", "access.password.mismatch", "không khớp", "do not"),
        ("Thu.Ha-2025", "Thu.Ha-2025", "access.password.is_name", "trùng tên", "account's name"),
        ("x" * 257, "x" * 257, "access.password.long", "dài quá 256", "longer than 256"),
    ],
)
def test_a_weak_or_mistyped_password_is_refused_and_no_account_is_made(
    store, password, again, rule, vi, en
):
    refused_with(
        rule,
        vi,
        en,
        lambda: manage.add_account(
            store, operator(), CFG, "thu.ha-2025", "analyst", password, again
        ),
    )
    assert accounts.get_account(store, "thu.ha-2025") is None
    assert password not in store_text(store)


def test_a_second_account_of_the_same_name_is_refused(store):
    refused_with(
        "access.account.exists",
        f"Đã có tài khoản “{ANALYST}”",
        f"already an account “{ANALYST}”",
        lambda: manage.add_account(store, operator(), CFG, "ChuyenVien", "admin", None, None),
    )
    assert accounts.get_account(store, ANALYST).role == "analyst"  # not promoted by the attempt


def test_a_role_we_do_not_have_and_an_account_that_does_not_exist_are_refused(store):
    refused_with(
        "access.account.bad_role",
        "Vai trò “superuser” không có",
        "no role “superuser”",
        lambda: manage.set_role(store, operator(), CFG, ANALYST, "superuser"),
    )
    refused_with(
        "access.account.unknown",
        "Không có tài khoản “khongco”",
        "no account “khongco”",
        lambda: manage.set_role(store, operator(), CFG, "khongco", "admin"),
    )
    assert accounts.get_account(store, ANALYST).role == "analyst"


def test_every_change_is_audited_under_the_name_of_the_admin_who_made_it(store):
    admin = sign_in(store, ADMIN, PASSWORD[ADMIN], CLIENT, CFG).identity
    mark = last_audit_id(store)
    manage.add_account(store, admin, CFG, "thu.ha", "viewer", None, None)
    manage.set_role(store, admin, CFG, "thu.ha", "analyst")
    manage.set_disabled(store, admin, CFG, "thu.ha", True)
    manage.set_disabled(store, admin, CFG, "thu.ha", False)
    manage.unlock(store, admin, CFG, "thu.ha")
    trail = audit_since(store, mark)
    assert trail[["event", "detail"]].values.tolist() == [
        ["account_add", "thu.ha: role viewer"],
        ["account_role", "thu.ha: role analyst"],
        ["account_disable", "thu.ha"],
        ["account_enable", "thu.ha"],
        ["account_unlock", "thu.ha"],
    ]
    assert set(trail["account"]) == {ADMIN} and set(trail["outcome"]) == {"ok"}
    assert set(trail["client"]) == {CLIENT} and set(trail["session"]) == {admin.session}


def test_the_operators_changes_are_audited_under_cli_and_the_os_user(store):
    mark = last_audit_id(store)
    manage.set_role(store, operator(), CFG, VIEWER, "analyst")
    line = audit_since(store, mark).iloc[0]
    assert line["account"] == operator().account and line["account"].startswith("cli:")
    assert (line["role"], line["client"]) == ("admin", "cli")


def test_a_new_password_replaces_the_old_one_and_is_audited_without_it(store):
    new = "Mật-khẩu mới sau sự cố"
    mark = last_audit_id(store)
    manage.set_password(store, operator(), CFG, ANALYST, new, new)
    assert sign_in(store, ANALYST, new, CLIENT, CFG).outcome is Outcome.OK
    assert audit_since(store, mark)["event"].tolist() == ["account_password", "sign_in"]
    assert new not in store_text(store) and PASSWORD[ANALYST] not in store_text(store)


def test_unlocking_lifts_a_lock_out_before_its_time(store):
    accounts.update_account(store, ANALYST, failed=5, locked_until=utc_now().replace(year=2099))
    manage.unlock(store, operator(), CFG, ANALYST)
    found = accounts.get_account(store, ANALYST)
    assert (found.failed, found.locked_until) == (0, None)
    assert sign_in(store, ANALYST, PASSWORD[ANALYST], CLIENT, CFG).outcome is Outcome.OK


def test_an_analyst_cannot_manage_accounts(store):
    analyst = sign_in(store, ANALYST, PASSWORD[ANALYST], CLIENT, CFG).identity
    mark = last_audit_id(store)
    with pytest.raises(PermissionDenied):
        manage.set_role(store, analyst, CFG, ANALYST, "admin")
    with pytest.raises(PermissionDenied):
        manage.add_account(store, analyst, CFG, "ban.than", "admin", None, None)
    assert accounts.get_account(store, ANALYST).role == "analyst"
    assert accounts.get_account(store, "ban.than") is None
    trail = audit_since(store, mark)
    assert (
        trail[["event", "outcome", "account"]].values.tolist()
        == [["manage_accounts", "refused", ANALYST]] * 2
    )
