"""Recipes as rows of a real store file: kept by name, replaced keeping who made them, deleted;
a revision that read a published table keeps the recipe's name and text exactly as used, in its
own transaction; and an older store file gains the recipes when it is opened."""

from __future__ import annotations

import time

import duckdb
import pandas as pd
import pytest

from indicators.ingest.bundled import load_observations
from indicators.ingest.recipe import Recipe
from indicators.store.recipes import delete_recipe, recipe_rows, recipe_text, save_recipe
from indicators.store.revisions import StaleRevisionError, Store
from indicators.store.tables import DDL, MIGRATIONS, SCHEMA_VERSION

HEADER = "indicator,unit_list,region,period,value,numerator,denominator,status,source,note\n"
TITLE = "208. Số thuê bao điện thoại và internet / Number of telephone and internet subscribers"
YEARBOOK = Recipe(
    "Niên giám - Thuê bao (Bảng 208)",
    title=TITLE,
    series={"Thuê bao - Subscribers | Di động\nMobile": "mobile_subscriptions"},
    labels=("Thuê bao - Subscribers | Di động\nMobile",),
)
EDITED = YEARBOOK.mapped("Thuê bao - Subscribers | Internet", "fixed_bb_subscriptions")


def frames(catalog, regions, value: int = 17) -> dict[str, pd.DataFrame]:
    data = (HEADER + f"bts_count,legacy,22327,2021,{value},,,published,Viettel,\n").encode()
    return {"observations": load_observations(data, catalog, regions, name="t.csv")}


def test_a_recipe_is_saved_listed_replaced_and_deleted(empty_store):
    assert recipe_rows(empty_store) == [] and recipe_text(empty_store, YEARBOOK.name) is None
    assert save_recipe(empty_store, YEARBOOK.name, YEARBOOK.to_text(), "chuyenvien")
    assert save_recipe(empty_store, "Xếp hạng DTI", Recipe("Xếp hạng DTI").to_text(), "quantri")
    first = recipe_rows(empty_store)
    assert [r.name for r in first] == ["Niên giám - Thuê bao (Bảng 208)", "Xếp hạng DTI"]
    made = first[0]
    assert (made.created_by, made.updated_by, made.updated_at) == ("chuyenvien", None, None)
    assert Recipe.from_text(made.text) == YEARBOOK  # kept exactly: it reads back the same

    assert not save_recipe(empty_store, YEARBOOK.name, YEARBOOK.to_text(), "quantri")
    assert recipe_rows(empty_store)[0] == made  # the same text again changes nothing

    time.sleep(0.01)
    assert save_recipe(empty_store, YEARBOOK.name, EDITED.to_text(), "quantri")
    replaced = recipe_rows(empty_store)[0]
    assert Recipe.from_text(replaced.text) == EDITED
    assert (replaced.created_by, replaced.created_at) == ("chuyenvien", made.created_at)
    assert replaced.updated_by == "quantri" and replaced.updated_at > made.created_at

    assert delete_recipe(empty_store, YEARBOOK.name)
    assert not delete_recipe(empty_store, YEARBOOK.name)  # nothing left by that name
    assert [r.name for r in recipe_rows(empty_store)] == ["Xếp hạng DTI"]
    assert recipe_text(empty_store, YEARBOOK.name) is None


def test_a_revision_keeps_the_recipe_it_was_read_with(empty_store, catalog, regions):
    text = YEARBOOK.to_text()
    rev = empty_store.commit(
        frames(catalog, regions), author="chuyenvien", recipe=(YEARBOOK.name, text)
    )
    assert (rev.recipe, rev.recipe_text) == (YEARBOOK.name, text)
    assert empty_store.revisions()[0] == rev
    assert recipe_text(empty_store, YEARBOOK.name) == text  # kept by name for the next edition
    assert recipe_rows(empty_store)[0].created_by == "chuyenvien"

    # The analyst corrects the recipe: the revision still says how its values were read.
    save_recipe(empty_store, YEARBOOK.name, EDITED.to_text(), "chuyenvien")
    again = empty_store.commit(frames(catalog, regions, 18), recipe=(YEARBOOK.name, text))
    assert empty_store.revision(1).recipe_text == text == again.recipe_text
    assert recipe_text(empty_store, YEARBOOK.name) == text  # the latest used is the one kept
    plain = empty_store.commit(frames(catalog, regions, 19))  # our own layout: no recipe
    assert (plain.recipe, plain.recipe_text) == (None, None)


def test_a_failed_commit_changes_neither_the_revisions_nor_the_recipes(
    empty_store, catalog, regions
):
    save_recipe(empty_store, YEARBOOK.name, YEARBOOK.to_text(), "chuyenvien")
    rows = frames(catalog, regions)["observations"]
    twice = {"observations": pd.concat([rows, rows.assign(value=99.0)], ignore_index=True)}
    with pytest.raises(ValueError, match="appears 2 times"):
        empty_store.commit(twice, recipe=(YEARBOOK.name, EDITED.to_text()))
    with pytest.raises(ValueError, match="appears 2 times"):
        empty_store.commit(twice, recipe=("Bảng mới", EDITED.to_text()))
    with pytest.raises(StaleRevisionError):
        empty_store.commit(
            frames(catalog, regions), expect_revision=5, recipe=("Bảng mới", EDITED.to_text())
        )
    assert empty_store.revisions() == []
    assert [(r.name, r.text) for r in recipe_rows(empty_store)] == [
        (YEARBOOK.name, YEARBOOK.to_text())
    ]


def _schema_3_file(path) -> None:
    """A store file as schema 3 left it: accounts and the audit trail, no recipes."""
    con = duckdb.connect(str(path))
    con.execute(DDL)
    for sql in MIGRATIONS[:6]:  # rows_rejected, restores, accounts, sessions, audit
        con.execute(sql)
    con.execute("INSERT INTO meta VALUES ('schema_version', '3')")
    con.execute(
        "INSERT INTO revisions VALUES (1, TIMESTAMP '2025-01-02 03:04:05', 'chuyenvien', 'a.csv',"
        " 'abc', 'from schema 3', 1, 1, 0, 0, 0, 0, NULL)"
    )
    con.execute(
        "INSERT INTO observations VALUES ('bts_count', 'legacy', '22327', '2021', 17, NULL,"
        " NULL, 'published', 'A', NULL, 'year', DATE '2021-01-01', DATE '2021-12-31', 1, NULL)"
    )
    con.execute(
        "INSERT INTO accounts (name, role, created_at) VALUES"
        " ('chuyenvien', 'analyst', TIMESTAMP '2025-01-01 00:00:00')"
    )
    con.close()


def test_a_store_file_from_schema_3_gains_recipes_and_keeps_its_history(tmp_path, catalog, regions):
    path = tmp_path / "old.duckdb"
    _schema_3_file(path)
    assert "recipes" not in MIGRATIONS[5] and "recipes" in " ".join(MIGRATIONS[6:])
    store = Store(path)
    store.initialize(catalog, regions)  # what opening it for the dashboard or the CLI does
    with store.connect(read_only=True) as con:
        version = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
        accounts = con.execute("SELECT name FROM accounts").fetchall()
    assert version == [(SCHEMA_VERSION,)] and int(SCHEMA_VERSION) >= 4  # recipes came with 4
    assert accounts == [("chuyenvien",)]
    old = store.revisions()[0]
    assert (old.message, old.recipe, old.recipe_text) == ("from schema 3", None, None)
    assert recipe_rows(store) == []
    rev = store.commit(frames(catalog, regions, 18), recipe=(YEARBOOK.name, YEARBOOK.to_text()))
    assert (rev.id, rev.recipe) == (2, YEARBOOK.name)
    assert store.read("observations")["value"].tolist() == [18.0]
    store.initialize(catalog, regions)  # opening it again changes nothing
    assert [r.name for r in recipe_rows(store)] == [YEARBOOK.name]
