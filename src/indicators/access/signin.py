"""Signing in and out, and finding the session again on the next request.

Local accounts: a right password opens a session whose random token goes to the browser as an
HttpOnly cookie; the store keeps only the token's hash. `max_failed` wrong passwords in a row
lock the account for `lockout_minutes`, and while it is locked even the right password is
refused. A session ends after `idle_minutes` without a request. Every outcome goes to the audit
trail. Single sign-on identities (OIDC) get their role from a claim or the account table.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from indicators.access import passwords
from indicators.access.identity import Identity, account_name, session_id, token_hash
from indicators.core.clock import utc_now
from indicators.core.i18n import WordedError
from indicators.core.roles import Role, role_of
from indicators.core.settings import AccessSettings
from indicators.store import accounts
from indicators.store.accounts import Account, Session
from indicators.store.audit import AuditEntry, append
from indicators.store.revisions import Store

TOUCH_EVERY = timedelta(minutes=1)  # last_seen is written at most this often per session


class Outcome(StrEnum):
    OK = "ok"
    WRONG = "wrong"  # no such account or a wrong password: the visitor is not told which
    LOCKED = "locked"
    DISABLED = "disabled"


@dataclass(frozen=True)
class SignIn:
    outcome: Outcome
    token: str | None = None  # for the cookie, only when the outcome is OK
    identity: Identity | None = None
    locked_until: datetime | None = None


def sign_in(
    store: Store,
    name: str,
    password: str,
    client: str | None,
    cfg: AccessSettings,
    now: datetime | None = None,
) -> SignIn:
    """Check a name and password; open a session when they are right and the account may."""
    now = now or utc_now()
    try:
        name = account_name(name)
    except WordedError:
        name = str(name).strip().lower()[:64]
    found = accounts.get_account(store, name)
    right = passwords.verify(found.password_hash if found else None, password)
    result = _decide(store, found, right, cfg, now)
    if result.outcome is Outcome.OK:
        token = secrets.token_urlsafe(32)
        digest = token_hash(token)
        accounts.insert_session(store, Session(digest, name, now, now, client))
        if found.failed or found.locked_until:
            accounts.update_account(store, name, failed=0, locked_until=None)
        who = Identity(name, Role(found.role), "local", session_id(digest), client, digest)
        result = SignIn(Outcome.OK, token, who)
    role = found.role if found else None
    sid = result.identity.session if result.identity else None
    detail = f"until {result.locked_until:%Y-%m-%d %H:%M} UTC" if result.locked_until else None
    append(store, AuditEntry("sign_in", result.outcome, name, role, sid, client, detail=detail))
    return result


def _decide(
    store: Store, found: Account | None, right: bool, cfg: AccessSettings, now: datetime
) -> SignIn:
    """The outcome of one attempt; counts a wrong password (and locks) in the store."""
    if found is None:
        return SignIn(Outcome.WRONG)
    if found.disabled:  # said only to whoever knows the password: names are not confirmed
        return SignIn(Outcome.DISABLED if right else Outcome.WRONG)
    if found.locked(now):
        return SignIn(Outcome.LOCKED, locked_until=found.locked_until)
    if right:
        return SignIn(Outcome.OK)
    lock_for = timedelta(minutes=cfg.lockout_minutes)
    failed = accounts.count_failure(store, found.name, now, cfg.max_failed, lock_for)
    if failed >= cfg.max_failed:
        return SignIn(Outcome.LOCKED, locked_until=now + lock_for)
    return SignIn(Outcome.WRONG)


def resume(
    store: Store,
    token: str | None,
    client: str | None,
    cfg: AccessSettings,
    now: datetime | None = None,
) -> Identity | None:
    """The signed-in identity of a session cookie, or None when it is unknown, idle for longer
    than `idle_minutes` (the session is then ended and the trail says so), or its account is
    disabled."""
    if not token:
        return None
    now = now or utc_now()
    digest = token_hash(token)
    found = accounts.get_session_account(store, digest)
    if found is None:
        return None
    session, account = found
    if now - session.last_seen > timedelta(minutes=cfg.idle_minutes):
        accounts.delete_session(store, digest)
        role = account.role if account else None
        entry = AuditEntry(
            "session_expired", "ok", session.account, role, session_id(digest), client
        )
        append(store, entry, at=now)
        return None
    if account is None or account.disabled:
        return None
    if now - session.last_seen > TOUCH_EVERY:
        accounts.touch_session(store, digest, now)
    sid = session_id(digest)
    return Identity(account.name, Role(account.role), "local", sid, client, digest)


def record_sso_sign_in(store: Store, who: Identity) -> None:
    """The identity server signed this person in (Streamlit keeps that session): the trail
    says so once per browser session."""
    role = who.role.value if who.role else None
    append(store, AuditEntry("sign_in", "ok", who.account, role, who.session, who.client,
                             detail="oidc"))  # fmt: skip


def sign_out(store: Store, who: Identity) -> None:
    """End the session (local) and say so in the trail."""
    if who.token_hash:
        accounts.delete_session(store, who.token_hash)
    role = who.role.value if who.role else None
    append(store, AuditEntry("sign_out", "ok", who.account, role, who.session, who.client))


def oidc_identity(
    store: Store, claims: Mapping[str, object], client: str | None, cfg: AccessSettings
) -> Identity | None:
    """The identity of a person the identity server signed in (Streamlit's `st.user`).

    The account is the e-mail (else, or when the server marks it unverified, the subject). The
    role is the highest known role named in the `role_claim` claim; without one, the role of a
    local account of that name; else viewer. A local account of that name that is disabled
    signs nobody in.
    """
    # An e-mail the identity server says it has not verified names nobody: the subject then.
    email = claims.get("email") if claims.get("email_verified") is not False else None
    raw = email or claims.get("sub")
    if not raw:
        return None
    try:
        name = account_name(str(raw))
    except WordedError:
        return None
    claim_role = claimed_role(claims.get(cfg.role_claim))
    local = accounts.get_account(store, name)
    if local is not None and local.disabled:
        return None
    role = claim_role or (Role(local.role) if local else Role.VIEWER)
    sid = session_id(token_hash(f"oidc:{name}:{claims.get('sid') or claims.get('iat') or ''}"))
    return Identity(name, role, "oidc", sid, client, claim_role=claim_role)


def claimed_role(value: object) -> Role | None:
    """The highest of our roles named by a claim (a string or a list of strings)."""
    names = value if isinstance(value, list | tuple) else [value]
    roles = [r for r in (role_of(str(n)) for n in names if n) if r is not None]
    return max(roles, key=lambda r: r.rank) if roles else None
