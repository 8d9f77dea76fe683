"""Who may do what: the three roles in order, the role each action needs, and the `[access]`
settings that say how people sign in."""

from __future__ import annotations

import pytest

from indicators.core.roles import NEEDS, Action, Role, may, role_of
from indicators.core.settings import DEFAULT_DATA_DIR, AccessSettings, load_settings

ANALYST_WORK = {Action.VALIDATE, Action.READ_HISTORY, Action.SAVE, Action.EDIT_RECIPES}
ADMIN_WORK = {Action.RESTORE, Action.MANAGE_ACCOUNTS, Action.READ_AUDIT}


def test_each_role_may_do_what_the_roles_below_it_may():
    assert [r.value for r in Role] == ["viewer", "analyst", "admin"]
    assert Role.VIEWER.rank < Role.ANALYST.rank < Role.ADMIN.rank
    for action in Action:
        allowed = [may(role, action) for role in Role]
        assert allowed == sorted(allowed), action  # never allowed below and refused above


def test_an_analyst_uploads_and_saves_but_only_an_admin_restores_or_manages():
    assert set(NEEDS) == set(Action)  # every action checked has a rule
    assert {a for a in Action if may(Role.ANALYST, a)} == ANALYST_WORK
    assert {a for a in Action if may(Role.ADMIN, a)} == ANALYST_WORK | ADMIN_WORK
    assert {a for a in Action if may(Role.VIEWER, a)} == set()


def test_an_anonymous_visitor_may_do_nothing_that_is_guarded():
    assert not any(may(None, a) for a in Action)


def test_a_role_read_from_the_account_table_is_checked_like_the_enum():
    assert may("admin", Action.RESTORE) and not may("analyst", Action.RESTORE)
    with pytest.raises(ValueError):
        may("superuser", Action.SAVE)  # never a silent grant for a role we do not know


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("admin", Role.ADMIN),
        (" Analyst ", Role.ANALYST),
        ("VIEWER", Role.VIEWER),
        ("superuser", None),
        ("quản trị", None),
        ("", None),
        (None, None),
    ],
)
def test_a_role_named_in_settings_a_claim_or_the_table(text, role):
    assert role_of(text) is role


def test_the_shipped_settings_lock_after_five_wrong_passwords_for_fifteen_minutes():
    access = load_settings(DEFAULT_DATA_DIR).access
    assert access == AccessSettings(
        sign_in="local",
        require_sign_in=False,
        idle_minutes=60,
        max_failed=5,
        lockout_minutes=15,
        trusted_proxy=False,
        oidc_provider="",
        role_claim="roles",
    )


def test_access_settings_default_when_the_section_is_missing_and_ignore_unknown_keys():
    assert AccessSettings.from_toml({}) == AccessSettings()
    assert AccessSettings.from_toml({"idle_minutes": 5, "colour": "red"}).idle_minutes == 5


def test_a_sign_in_way_we_do_not_offer_is_refused_at_start():
    with pytest.raises(ValueError, match="sign_in must be one of"):
        AccessSettings.from_toml({"sign_in": "ldap"})
