"""Recipes kept by name in the store: saved, listed, read and deleted.

A recipe is the small text saying how an analyst confirmed a published table is read (see
`indicators.ingest.recipe`); the store keeps it as text and never reads it. Who may change a
recipe is decided by `indicators.access.actions`. A revision that used a recipe keeps its own
copy (`Revision.recipe_text`), so deleting or replacing a recipe never rewrites history. Times are
naive UTC, as everywhere in the store.
"""

from __future__ import annotations

from indicators.core.clock import utc_now
from indicators.store import recipe_table
from indicators.store.recipe_table import StoredRecipe
from indicators.store.revisions import Store
from indicators.store.small_writes import in_transaction


def save_recipe(store: Store, name: str, text: str, account: str | None) -> bool:
    """Insert the recipe, or replace its text keeping who made it and when; True when the
    stored recipes changed (saving the same text again writes nothing)."""
    return in_transaction(store, lambda con: recipe_table.keep(con, name, text, account, utc_now()))


def delete_recipe(store: Store, name: str) -> bool:
    """Delete a recipe; False when there is none by that name."""
    return in_transaction(store, lambda con: recipe_table.remove(con, name))


def recipe_rows(store: Store) -> list[StoredRecipe]:
    """Every stored recipe, by name."""
    with store.records(read_only=True) as con:
        return recipe_table.read_rows(con)


def recipe_text(store: Store, name: str) -> str | None:
    """The text of the recipe called `name`, or None."""
    with store.records(read_only=True) as con:
        return recipe_table.read_text(con, name)
