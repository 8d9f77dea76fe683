"""Recipes as rows of the `recipes` table, read and written inside a connection the caller holds.

The store keeps a recipe as the text an analyst confirmed or imported, by name; it never reads
the text (`indicators.ingest.recipe` does). Used by `recipes` (the store-level functions) and by
`Store.commit`, which keeps the recipe a revision used in that revision's own transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime


@dataclass(frozen=True)
class StoredRecipe:
    """A recipe as the store keeps it: its text, who made it first and who changed it last."""

    name: str
    text: str
    created_by: str | None
    created_at: datetime
    updated_by: str | None = None
    updated_at: datetime | None = None


COLUMNS = ", ".join(f.name for f in fields(StoredRecipe))


def read_rows(con) -> list[StoredRecipe]:
    rows = con.execute(f"SELECT {COLUMNS} FROM recipes ORDER BY name").fetchall()
    return [StoredRecipe(*r) for r in rows]


def read_text(con, name: str) -> str | None:
    rows = con.execute("SELECT text FROM recipes WHERE name = ?", [name]).fetchall()
    return rows[0][0] if rows else None


def keep(con, name: str, text: str, account: str | None, now: datetime) -> bool:
    """Insert the recipe, or replace its text keeping who made it first; no write when the
    stored text is already this one. True when the table changed."""
    stored = read_text(con, name)
    if stored == text:
        return False
    if stored is None:
        con.execute(
            f"INSERT INTO recipes ({COLUMNS}) VALUES (?, ?, ?, ?, NULL, NULL)",
            [name, text, account, now],
        )
    else:
        con.execute(
            "UPDATE recipes SET text = ?, updated_by = ?, updated_at = ? WHERE name = ?",
            [text, account, now, name],
        )
    return True


def remove(con, name: str) -> bool:
    """Delete a recipe by name; False when there is none (revisions keep their copies)."""
    return bool(con.execute("DELETE FROM recipes WHERE name = ? RETURNING name", [name]).fetchall())
