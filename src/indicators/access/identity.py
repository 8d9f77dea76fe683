"""Who is asking: an account and role, how they signed in, the session and the client address.

An `Identity` is what a page or the command line knows at the start of a request. The role in
it is only for drawing the page: `guard.require` reads the role again from the store at the
moment of an action.
"""

from __future__ import annotations

import getpass
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from indicators.core.i18n import WordedError
from indicators.core.roles import Role

NAME = re.compile(r"[a-z0-9][a-z0-9._@+-]{1,63}")


@dataclass(frozen=True)
class Identity:
    """`via` is "local" (a password and a session cookie), "oidc" (the identity server),
    "cli" (the server's operator at a shell), "account" (the operator acting as a named
    account) or "anonymous"."""

    account: str | None
    role: Role | None
    via: str
    session: str | None = None  # a short id of the session, for the audit trail
    client: str | None = None
    token_hash: str | None = None  # local sessions: checked again at the moment of an action
    claim_role: Role | None = None  # oidc: the role the identity server's token names

    @property
    def signed_in(self) -> bool:
        return self.account is not None


def anonymous(client: str | None = None) -> Identity:
    return Identity(None, None, "anonymous", client=client)


def operator(as_account: str | None = None) -> Identity:
    """The command line's identity: the server's operator (the OS user, who owns the store file
    anyway, so an admin), or with `--as NAME` that account, with its own role."""
    if as_account:
        return Identity(account_name(as_account), None, "account", client="cli")
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "unknown"
    return Identity(f"cli:{user}", Role.ADMIN, "cli", client="cli")


def token_hash(token: str) -> str:
    """What the store keeps of a session token: its SHA-256, never the token."""
    return hashlib.sha256(token.encode()).hexdigest()


def session_id(digest: str) -> str:
    """The part of a session's hash the audit trail shows: enough to tell sessions apart."""
    return digest[:12]


def account_name(text: str) -> str:
    """An account name as stored: lower case, letters, digits and . _ @ + - (an e-mail fits)."""
    name = str(text).strip().lower()
    if not NAME.fullmatch(name):
        raise WordedError("access.account.bad_name", name=name[:64])
    return name


def client_address(peer: str | None, headers: Mapping[str, str], trusted_proxy: bool) -> str | None:
    """The client's address: the connection's peer, or behind a reverse proxy we run (and only
    then, `[access] trusted_proxy`) the address the proxy saw: X-Real-IP, else the last entry of
    X-Forwarded-For (the one our proxy added; earlier ones are the client's own claims)."""
    if trusted_proxy:
        lower = {k.lower(): v for k, v in headers.items()}
        if real := lower.get("x-real-ip", "").strip():
            return real[:64]
        if forwarded := lower.get("x-forwarded-for", ""):
            return forwarded.split(",")[-1].strip()[:64] or peer
    return peer
