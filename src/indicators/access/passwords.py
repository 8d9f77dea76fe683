"""Passwords: hashed with Argon2id (argon2-cffi, RFC 9106's recommended parameters), never stored
or logged in clear, and a few rules for new ones."""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

from indicators.core.i18n import WordedError

HASHER = PasswordHasher(type=Type.ID)
MIN_LENGTH = 10
MAX_LENGTH = 256  # Argon2 takes any length; a megabyte "password" would only cost us time


@cache
def _dummy() -> str:
    """Verified against when the account does not exist, so a wrong name takes as long as a
    wrong password and the answer's timing does not tell which names exist. Made at the first
    sign-in, not at import: a hash costs about 0.2 s, and the CLI and each server start import
    this module whether anyone signs in or not."""
    return HASHER.hash("not a password of anyone")


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def verify(password_hash: str | None, password: str) -> bool:
    """Whether `password` matches; False for a missing hash (an SSO-only account)."""
    dummy = _dummy()  # made before the branch: the first sign-in of either kind pays for it
    try:
        return HASHER.verify(password_hash or dummy, password[:MAX_LENGTH]) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


def check_new_password(password: str, again: str, name: str) -> None:
    """Refuse a new password that is short, too long, the account's name, or mistyped."""
    if password != again:
        raise WordedError("access.password.mismatch")
    if len(password) < MIN_LENGTH:
        raise WordedError("access.password.short", n=MIN_LENGTH)
    if len(password) > MAX_LENGTH:
        raise WordedError("access.password.long", n=MAX_LENGTH)
    if password.strip().lower() == name.lower():
        raise WordedError("access.password.is_name")
