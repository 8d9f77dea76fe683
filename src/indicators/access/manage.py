"""Managing accounts (admins on the Accounts page, the operator with `indicators users`): each
change is checked at the moment it is made and written to the audit trail."""

from __future__ import annotations

from indicators.access import passwords
from indicators.access.guard import require
from indicators.access.identity import Identity, account_name
from indicators.core.clock import utc_now
from indicators.core.i18n import WordedError
from indicators.core.roles import Action, Role, role_of
from indicators.core.settings import AccessSettings
from indicators.store import accounts
from indicators.store.accounts import Account
from indicators.store.audit import AuditEntry, append
from indicators.store.revisions import Store


def add_account(
    store: Store,
    who: Identity,
    cfg: AccessSettings,
    name: str,
    role: str,
    password: str | None,
    again: str | None,
) -> Account:
    """A new account. Without a password it can sign in only through the identity server."""
    who = require(store, who, Action.MANAGE_ACCOUNTS, cfg)
    name, new_role = account_name(name), _role(role)
    hashed = None
    if password is not None:
        passwords.check_new_password(password, again or "", name)
        hashed = passwords.hash_password(password)
    account = Account(name, new_role.value, hashed, utc_now())
    if not accounts.insert_account(store, account):
        raise WordedError("access.account.exists", name=name)
    _audit(store, who, "account_add", name, f"role {new_role.value}")
    return account


def set_role(store: Store, who: Identity, cfg: AccessSettings, name: str, role: str) -> None:
    who = require(store, who, Action.MANAGE_ACCOUNTS, cfg)
    name, new_role = account_name(name), _role(role)
    _change(store, name, role=new_role.value)
    _audit(store, who, "account_role", name, f"role {new_role.value}")


def set_disabled(
    store: Store, who: Identity, cfg: AccessSettings, name: str, disabled: bool
) -> None:
    """Disable (and sign out everywhere) or enable an account."""
    who = require(store, who, Action.MANAGE_ACCOUNTS, cfg)
    name = account_name(name)
    _change(store, name, disabled=disabled)
    if disabled:
        accounts.delete_sessions_of(store, name)
    _audit(store, who, "account_disable" if disabled else "account_enable", name)


def set_password(
    store: Store, who: Identity, cfg: AccessSettings, name: str, password: str, again: str
) -> None:
    """A new password (the account's sessions end, its lock-out is lifted)."""
    who = require(store, who, Action.MANAGE_ACCOUNTS, cfg)
    name = account_name(name)
    passwords.check_new_password(password, again, name)
    hashed = passwords.hash_password(password)
    _change(store, name, password_hash=hashed, failed=0, locked_until=None)
    accounts.delete_sessions_of(store, name)
    _audit(store, who, "account_password", name)


def unlock(store: Store, who: Identity, cfg: AccessSettings, name: str) -> None:
    who = require(store, who, Action.MANAGE_ACCOUNTS, cfg)
    name = account_name(name)
    _change(store, name, failed=0, locked_until=None)
    _audit(store, who, "account_unlock", name)


def _role(text: str) -> Role:
    role = role_of(text)
    if role is None:
        raise WordedError("access.account.bad_role", role=str(text)[:32])
    return role


def _change(store: Store, name: str, **changes: object) -> None:
    """Change a stored account (`name` already normalised by `account_name`)."""
    if not accounts.update_account(store, name, **changes):
        raise WordedError("access.account.unknown", name=name)


def _audit(store: Store, who: Identity, event: str, name: str, detail: str | None = None) -> None:
    role = who.role.value if who.role else None
    text = f"{name}: {detail}" if detail else name
    append(store, AuditEntry(event, "ok", who.account, role, who.session, who.client, detail=text))
