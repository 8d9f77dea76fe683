"""Who may do what: the three roles and the role each action needs.

The one home of the permission rule. Pages hide the controls a role may not use, but that is a
courtesy: every action asks `may(role, action)` again on the server at the moment it runs
(`indicators.access.guard`), with the role read from the store then, not from the page.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """Ordered: each role may do everything the roles before it may."""

    VIEWER = (
        "viewer"  # reads every page; anonymous visitors are viewers (unless sign-in is required)
    )
    ANALYST = "analyst"  # uploads files, saves revisions, edits recipes
    ADMIN = "admin"  # restores revisions, manages accounts, reads the audit trail

    @property
    def rank(self) -> int:
        return list(Role).index(self)


class Action(StrEnum):
    """The actions a role is checked for (also the `event` words of the audit trail)."""

    VALIDATE = "validate"
    READ_HISTORY = "read_history"
    SAVE = "save"
    EDIT_RECIPES = "edit_recipes"
    RESTORE = "restore"
    MANAGE_ACCOUNTS = "manage_accounts"
    READ_AUDIT = "read_audit"


NEEDS: dict[Action, Role] = {
    Action.VALIDATE: Role.ANALYST,
    Action.READ_HISTORY: Role.ANALYST,
    Action.SAVE: Role.ANALYST,
    Action.EDIT_RECIPES: Role.ANALYST,
    Action.RESTORE: Role.ADMIN,
    Action.MANAGE_ACCOUNTS: Role.ADMIN,
    Action.READ_AUDIT: Role.ADMIN,
}


def may(role: Role | str | None, action: Action) -> bool:
    """Whether `role` (None: an anonymous visitor) may do `action`."""
    if role is None:
        return False
    return Role(role).rank >= NEEDS[action].rank


def role_of(text: str | None) -> Role | None:
    """A role named in settings, a claim or the account table; None for anything else."""
    try:
        return Role(str(text).strip().lower()) if text else None
    except ValueError:
        return None
