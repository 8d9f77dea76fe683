"""The actions a role guards, each checked at the moment it runs and written to the audit trail:
validating a file, saving it as a revision, restoring an earlier revision, and keeping, importing
or deleting the recipes that read published tables.

The revision's author is the identity's account, never a name typed into a form.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from indicators.access.guard import require
from indicators.access.identity import Identity
from indicators.core.i18n import WordedError
from indicators.core.roles import Action
from indicators.core.settings import AccessSettings
from indicators.store import recipes
from indicators.store.audit import AuditEntry, append
from indicators.store.revisions import Revision, StaleRevisionError, Store, content_hash

Progress = Callable[[float, str], None] | None


def record_validation(
    store: Store, who: Identity, cfg: AccessSettings, file_name: str, data: bytes, errors: int
) -> None:
    """A file was checked: may this identity check files, and the trail says it did."""
    outcome = "ok" if errors == 0 else "errors"
    _record_file(store, who, cfg, Action.VALIDATE, outcome, file_name, data, errors)


def record_blocked_save(
    store: Store, who: Identity, cfg: AccessSettings, file_name: str, data: bytes, errors: int
) -> None:
    """A save that was not made because the file has errors (and not "valid rows only"): the
    trail says who tried, with which file."""
    _record_file(store, who, cfg, Action.SAVE, "blocked", file_name, data, errors)


def _record_file(
    store: Store,
    who: Identity,
    cfg: AccessSettings,
    action: Action,
    outcome: str,
    file_name: str,
    data: bytes,
    errors: int,
) -> None:
    """Check the role for `action` with this file, then write what happened to the trail."""
    digest = content_hash(data)
    who = require(store, who, action, cfg, file_name=file_name, file_hash=digest)
    detail = f"{errors} errors" if errors else None
    append(store, _entry(who, action, outcome, file_name, digest, detail=detail))


def save_upload(
    store: Store,
    who: Identity,
    cfg: AccessSettings,
    frames: dict[str, pd.DataFrame],
    *,
    file_name: str,
    data: bytes,
    message: str,
    rows_rejected: int = 0,
    expect_revision: int | None = None,
    progress: Progress = None,
    recipe: tuple[str, str] | None = None,
) -> Revision:
    """Save a checked file as a new revision authored by the signed-in account.

    `recipe` (name, text) is the recipe that read a published table: the revision keeps it, and
    it is kept by name in the same transaction. When that adds or changes a stored recipe, the
    role is checked for editing recipes too and the trail says which recipe changed.
    """
    digest = content_hash(data)
    who = require(store, who, Action.SAVE, cfg, file_name=file_name, file_hash=digest)
    edits = recipe is not None and recipes.recipe_text(store, recipe[0]) != recipe[1]
    if edits:
        who = require(store, who, Action.EDIT_RECIPES, cfg, file_name=file_name, file_hash=digest)
    try:
        done = store.commit(
            frames,
            author=who.account,
            file_name=file_name,
            data=data,
            message=message,
            rows_rejected=rows_rejected,
            expect_revision=expect_revision,
            progress=progress,
            recipe=recipe,
        )
    except StaleRevisionError:
        append(store, _entry(who, Action.SAVE, "stale", file_name, digest))
        raise
    except Exception as exc:  # the commit is one transaction: nothing was written
        append(store, _entry(who, Action.SAVE, "failed", file_name, digest, detail=_kind(exc)))
        raise
    append(store, _entry(who, Action.SAVE, "ok", file_name, digest, revision=done.id))
    if edits and recipe is not None:
        detail = f"save {recipe[0]}"
        append(store, _entry(who, Action.EDIT_RECIPES, "ok", revision=done.id, detail=detail))
    return done


def import_recipe(store: Store, who: Identity, cfg: AccessSettings, name: str, text: str) -> bool:
    """Keep a recipe file under `name` (replacing the text of a recipe by that name). The caller
    has read it (`Recipe.from_text`); True when the stored recipes changed."""
    who = require(store, who, Action.EDIT_RECIPES, cfg)
    try:
        changed = recipes.save_recipe(store, name, text, who.account)
    except Exception as exc:
        detail = f"import {name}: {_kind(exc)}"
        append(store, _entry(who, Action.EDIT_RECIPES, "failed", detail=detail))
        raise
    append(store, _entry(who, Action.EDIT_RECIPES, "ok", detail=f"import {name}"))
    return changed


def delete_recipe(store: Store, who: Identity, cfg: AccessSettings, name: str) -> None:
    """Delete the recipe called `name` (revisions that used it keep their copy of its text);
    a name with no recipe is a worded error."""
    who = require(store, who, Action.EDIT_RECIPES, cfg)
    if not recipes.delete_recipe(store, name):
        append(store, _entry(who, Action.EDIT_RECIPES, "failed", detail=f"delete {name}: none"))
        raise WordedError("recipe.unknown", name=name[:80])
    append(store, _entry(who, Action.EDIT_RECIPES, "ok", detail=f"delete {name}"))


def restore_revision(
    store: Store,
    who: Identity,
    cfg: AccessSettings,
    rev: int,
    message: str,
    progress: Progress = None,
) -> Revision:
    """A new revision with the data of revision `rev` (admins only), authored by the account."""
    who = require(store, who, Action.RESTORE, cfg)
    try:
        done = store.rollback(rev, author=who.account, message=message, progress=progress)
    except Exception as exc:
        append(store, _entry(who, Action.RESTORE, "failed", detail=f"to {rev}: {_kind(exc)}"))
        raise
    append(store, _entry(who, Action.RESTORE, "ok", revision=done.id, detail=f"to {rev}"))
    return done


def _entry(
    who: Identity,
    action: Action,
    outcome: str,
    file_name: str | None = None,
    file_hash: str | None = None,
    *,
    revision: int | None = None,
    detail: str | None = None,
) -> AuditEntry:
    role = who.role.value if who.role else None
    return AuditEntry(
        action.value, outcome, who.account, role, who.session, who.client,
        file_name, file_hash, revision, detail,
    )  # fmt: skip


def _kind(exc: BaseException) -> str:
    """What went wrong, for the trail: the error's kind, not its text (which may hold data)."""
    return type(exc).__name__
