"""The permission check at the moment of an action: the role is read from the store then, not
taken from what the page knew when it was drawn. A demoted, disabled, signed-out or idle person
keeps no power; single sign-on identities get their role from the token's claim or the account
table; the command line's `--as NAME` acts with that account's role."""

from __future__ import annotations

from datetime import timedelta

import pytest

from indicators.access import manage
from indicators.access.actions import save_upload
from indicators.access.guard import PermissionDenied, require, role_now
from indicators.access.identity import anonymous, operator
from indicators.access.signin import oidc_identity, sign_in, sign_out
from indicators.core.clock import utc_now
from indicators.core.i18n import WordedError
from indicators.core.roles import Action, Role
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

EMAIL = "lan.nguyen@khanhhoa.gov.vn"


@pytest.fixture
def save(store, catalog, regions):
    """Save an analyst's BTS file as `who` (what the Upload page's Save button does)."""

    def run(who, value: int = 99):
        data = bts_file(value)
        frames = frames_of(data, catalog, regions)
        return save_upload(
            store, who, CFG, frames, file_name="bts.csv", data=data, message="BTS Vĩnh Hòa"
        )

    return run


def signed_in(store, name: str = ANALYST, at=None):
    return sign_in(store, name, PASSWORD[name], CLIENT, CFG, now=at).identity


def assert_refused(store, save, who, before, *, role: str | None) -> None:
    """The save is refused in both languages, the trail says so, the data did not change."""
    mark = last_audit_id(store)
    with pytest.raises(PermissionDenied) as refused:
        save(who, 1234)
    assert "Bạn không có quyền" in str(refused.value) and "You may not" in str(refused.value)
    assert refused.value.action is Action.SAVE
    assert state(store) == before
    line = audit_since(store, mark).iloc[0]
    assert (line["event"], line["outcome"], line["account"]) == ("save", "refused", who.account)
    assert line["role"] == role or (role is None and line["role"] is None)
    assert (line["file_name"], line["detail"]) == ("bts.csv", "needs analyst")


def test_an_analyst_demoted_while_the_page_is_open_can_no_longer_save(store, save):
    who = signed_in(store)
    assert save(who).author == ANALYST  # the account, never a name typed into the form
    before = state(store)
    manage.set_role(store, operator(), CFG, ANALYST, "viewer")
    assert who.role is Role.ANALYST  # what the page knew when it was drawn
    assert_refused(store, save, who, before, role="viewer")


def test_an_account_disabled_while_signed_in_can_no_longer_save(store, save):
    who = signed_in(store)
    before = state(store)
    manage.set_disabled(store, operator(), CFG, ANALYST, True)
    assert_refused(store, save, who, before, role=None)


def test_a_signed_out_or_idle_session_can_no_longer_save(store, save):
    before = state(store)
    gone = signed_in(store)
    sign_out(store, gone)
    assert_refused(store, save, gone, before, role=None)
    idle = signed_in(store, at=utc_now() - timedelta(minutes=CFG.idle_minutes + 1))
    assert_refused(store, save, idle, before, role=None)  # a page left open over lunch


def test_an_anonymous_visitor_may_not_save(store, save):
    assert_refused(store, save, anonymous(CLIENT), state(store), role=None)


def test_the_server_operator_is_an_admin(store):
    who = operator()
    assert who.account.startswith("cli:") and who.via == "cli"
    assert require(store, who, Action.MANAGE_ACCOUNTS, CFG).role is Role.ADMIN


def test_acting_as_a_named_account_takes_that_accounts_role_from_the_table(store, save):
    as_analyst = operator("ChuyenVien")  # `--as ChuyenVien`
    assert (as_analyst.account, as_analyst.role) == (ANALYST, None)  # not trusted until checked
    assert require(store, as_analyst, Action.SAVE, CFG).role is Role.ANALYST
    assert save(as_analyst).author == ANALYST
    before = state(store)
    assert_refused(store, save, operator(VIEWER), before, role="viewer")
    assert_refused(store, save, operator("khongco"), before, role=None)
    with pytest.raises(WordedError) as bad:
        operator("=cmd|' /C calc'!A0")
    assert bad.value.rule == "access.account.bad_name"


@pytest.mark.parametrize(
    ("claim", "role"),
    [
        ("analyst", Role.ANALYST),
        ("Admin", Role.ADMIN),
        (["viewer", "admin", "analyst"], Role.ADMIN),  # the highest wins
        (["ke-toan", "analyst", "superuser"], Role.ANALYST),  # names we do not know are ignored
    ],
)
def test_a_single_sign_on_role_comes_from_the_roles_claim(store, claim, role):
    who = oidc_identity(store, {"email": EMAIL, "roles": claim, "sid": "s1"}, CLIENT, CFG)
    assert (who.account, who.role, who.via) == (EMAIL, role, "oidc")
    assert role_now(store, who, CFG) is role


def test_without_a_known_claim_the_role_is_the_local_accounts_else_viewer(store):
    assert CFG.role_claim == "roles"
    claims = {"email": "Lan.Nguyen@KhanhHoa.gov.vn", "roles": ["ke-toan"]}
    stranger = oidc_identity(store, claims, CLIENT, CFG)
    assert (stranger.account, stranger.role) == (EMAIL, Role.VIEWER)
    manage.add_account(store, operator(), CFG, EMAIL, "analyst", None, None)  # SSO-only account
    known = oidc_identity(store, claims, CLIENT, CFG)
    assert known.role is Role.ANALYST and role_now(store, known, CFG) is Role.ANALYST
    no_claim = oidc_identity(store, {"email": EMAIL}, CLIENT, CFG)
    assert no_claim.role is Role.ANALYST


def test_a_single_sign_on_analyst_saves_under_the_email(store, save):
    who = oidc_identity(
        store, {"email": "Lan.Nguyen@KhanhHoa.gov.vn", "roles": "analyst"}, None, CFG
    )
    assert save(who).author == EMAIL
    viewer = oidc_identity(store, {"email": "khach@example.vn"}, None, CFG)
    assert_refused(store, save, viewer, state(store), role="viewer")


def test_a_disabled_local_account_blocks_its_single_sign_on_identity(store, save):
    manage.add_account(store, operator(), CFG, EMAIL, "analyst", None, None)
    claims = {"email": EMAIL, "roles": "admin"}
    before_disable = oidc_identity(store, claims, CLIENT, CFG)
    manage.set_disabled(store, operator(), CFG, EMAIL, True)
    assert oidc_identity(store, claims, CLIENT, CFG) is None  # cannot sign in
    assert_refused(store, save, before_disable, state(store), role=None)  # nor keep acting


def test_an_identity_server_answer_without_a_usable_name_signs_nobody_in(store):
    assert oidc_identity(store, {"roles": "admin"}, CLIENT, CFG) is None
    assert oidc_identity(store, {"email": "=HYPERLINK(x)", "roles": "admin"}, CLIENT, CFG) is None
    by_subject = oidc_identity(store, {"sub": "248289761001"}, CLIENT, CFG)
    assert (by_subject.account, by_subject.role) == ("248289761001", Role.VIEWER)


def test_an_admin_may_manage_accounts_and_an_analyst_may_not(store):
    admin = signed_in(store, ADMIN)
    assert require(store, admin, Action.MANAGE_ACCOUNTS, CFG).role is Role.ADMIN
    mark = last_audit_id(store)
    analyst = signed_in(store)
    with pytest.raises(PermissionDenied):
        require(store, analyst, Action.MANAGE_ACCOUNTS, CFG)
    refused = audit_since(store, mark).iloc[-1]
    assert (refused["event"], refused["outcome"], refused["account"], refused["role"]) == (
        "manage_accounts",
        "refused",
        ANALYST,
        "analyst",
    )
    assert refused["session"] == analyst.session and refused["client"] == CLIENT
