"""The permission check, made on the server at the moment of an action.

The role is read again from the store when the action runs: a session that ended, an account
disabled or demoted a second ago, a page left open by someone whose role changed — none of them
keeps a power the page once showed. A refusal is written to the audit trail and raised.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from indicators.access.identity import Identity
from indicators.core.clock import utc_now
from indicators.core.i18n import WordedError
from indicators.core.roles import NEEDS, Action, Role, may
from indicators.core.settings import AccessSettings
from indicators.store import accounts
from indicators.store.audit import AuditEntry, append
from indicators.store.revisions import Store


class PermissionDenied(WordedError):
    """The identity may not do this action now (its role, read at this moment, is too low)."""

    def __init__(self, action: Action, role: Role | None):
        needed = NEEDS[action].value
        super().__init__("access.denied", action=action.value, needed=needed)
        self.action, self.role = action, role


def role_now(
    store: Store, who: Identity, cfg: AccessSettings, now: datetime | None = None
) -> Role | None:
    """The identity's role as the store says it is now (None: not signed in any more)."""
    now = now or utc_now()
    if who.via == "cli":  # the server's operator: whoever can run commands owns the store file
        return Role.ADMIN
    if who.account is None:
        return None
    account = accounts.get_account(store, who.account)
    if account is not None and account.disabled:
        return None
    if who.via == "local":
        session = accounts.get_session(store, who.token_hash or "")
        idle = timedelta(minutes=cfg.idle_minutes)
        if session is None or account is None or now - session.last_seen > idle:
            return None
        return Role(account.role)
    if who.via == "oidc":
        return who.claim_role or (Role(account.role) if account else Role.VIEWER)
    if who.via == "account":  # the operator acting as a named account (`--as NAME`)
        return Role(account.role) if account else None
    return None


def require(
    store: Store,
    who: Identity,
    action: Action,
    cfg: AccessSettings,
    *,
    file_name: str | None = None,
    file_hash: str | None = None,
) -> Identity:
    """`who` with the role read now, if it may do `action`; else the refusal is recorded in
    the audit trail and `PermissionDenied` raised."""
    role = role_now(store, who, cfg)
    if may(role, action):
        return replace(who, role=role)
    entry = AuditEntry(
        action.value,
        "refused",
        who.account,
        role.value if role else None,
        who.session,
        who.client,
        file_name,
        file_hash,
        detail=f"needs {NEEDS[action].value}",
    )
    append(store, entry)
    raise PermissionDenied(action, role)
