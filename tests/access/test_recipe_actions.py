"""Recipes are kept, imported and deleted only by an analyst or an admin, with the role read at the
moment of the action, and the audit trail says who changed which recipe."""

from __future__ import annotations

import pytest

from indicators.access import manage
from indicators.access.actions import delete_recipe, import_recipe, save_upload
from indicators.access.guard import PermissionDenied
from indicators.access.identity import operator
from indicators.core.i18n import WordedError
from indicators.ingest.recipe import Recipe
from indicators.store.recipes import recipe_rows, recipe_text
from indicators.store.revisions import StaleRevisionError
from tests.access.people import (
    ANALYST,
    CFG,
    VIEWER,
    audit_since,
    bts_file,
    frames_of,
    last_audit_id,
    state,
)

LABEL = "Trạm BTS - BTS stations"
RECIPE = Recipe(
    "Niên giám - Trạm BTS", title="215. Số trạm BTS / Number of BTS stations",
    series={LABEL: "bts_count"}, labels=(LABEL,),
)  # fmt: skip
EDITED = RECIPE.mapped("Trạm 5G - 5G stations", "bts_count")


def trail_of(store, mark: int) -> list[list]:
    cols = ["event", "outcome", "account", "role", "revision", "detail"]
    return audit_since(store, mark)[cols].values.tolist()


def test_a_viewer_cannot_import_or_delete_a_recipe_and_each_refusal_is_audited(store):
    import_recipe(store, operator(ANALYST), CFG, RECIPE.name, RECIPE.to_text())
    mark = last_audit_id(store)
    with pytest.raises(PermissionDenied) as refused:
        import_recipe(store, operator(VIEWER), CFG, "Bảng khác", EDITED.to_text())
    assert "cần vai trò analyst" in str(refused.value)
    with pytest.raises(PermissionDenied):
        delete_recipe(store, operator(VIEWER), CFG, RECIPE.name)
    assert [(r.name, r.text) for r in recipe_rows(store)] == [(RECIPE.name, RECIPE.to_text())]
    assert trail_of(store, mark) == [
        ["edit_recipes", "refused", VIEWER, "viewer", None, "needs analyst"],
        ["edit_recipes", "refused", VIEWER, "viewer", None, "needs analyst"],
    ]


def test_an_analyst_demoted_a_moment_ago_can_no_longer_edit_recipes(store):
    who = operator(ANALYST)
    import_recipe(store, who, CFG, RECIPE.name, RECIPE.to_text())
    manage.set_role(store, operator(), CFG, ANALYST, "viewer")
    with pytest.raises(PermissionDenied):
        import_recipe(store, who, CFG, RECIPE.name, EDITED.to_text())
    assert recipe_text(store, RECIPE.name) == RECIPE.to_text()


def test_an_analysts_save_keeps_the_new_recipe_and_the_trail_names_it(store, catalog, regions):
    data = bts_file(99)
    mark = last_audit_id(store)
    rev = save_upload(
        store, operator(ANALYST), CFG, frames_of(data, catalog, regions), file_name="nien-giam.csv",
        data=data, message="Niên giám 2021", recipe=(RECIPE.name, RECIPE.to_text()),
    )  # fmt: skip
    assert (rev.id, rev.author, rev.recipe, rev.recipe_text) == (
        2, ANALYST, RECIPE.name, RECIPE.to_text(),
    )  # fmt: skip
    kept = recipe_rows(store)
    assert [(r.name, r.created_by) for r in kept] == [(RECIPE.name, ANALYST)]
    assert trail_of(store, mark) == [
        ["save", "ok", ANALYST, "analyst", 2, None],
        ["edit_recipes", "ok", ANALYST, "analyst", 2, f"save {RECIPE.name}"],
    ]

    # The next edition, recognised by the same recipe: saved, but no recipe was edited.
    mark = last_audit_id(store)
    data = bts_file(100)
    again = save_upload(
        store, operator(ANALYST), CFG, frames_of(data, catalog, regions), file_name="nien-giam.csv",
        data=data, message="Niên giám 2022", recipe=(RECIPE.name, RECIPE.to_text()),
    )  # fmt: skip
    assert again.recipe == RECIPE.name and recipe_rows(store) == kept
    assert [line[:2] for line in trail_of(store, mark)] == [["save", "ok"]]


def test_a_save_that_fails_keeps_no_recipe(store, catalog, regions):
    data = bts_file(99)
    before, mark = state(store), last_audit_id(store)
    with pytest.raises(StaleRevisionError):
        save_upload(
            store, operator(ANALYST), CFG, frames_of(data, catalog, regions), file_name="a.csv",
            data=data, message="m", expect_revision=0, recipe=(RECIPE.name, RECIPE.to_text()),
        )  # fmt: skip
    assert state(store) == before and recipe_rows(store) == []
    assert [line[:2] for line in trail_of(store, mark)] == [["save", "stale"]]


def test_an_analyst_imports_replaces_and_deletes_a_recipe(store):
    who = operator(ANALYST)
    mark = last_audit_id(store)
    assert import_recipe(store, who, CFG, RECIPE.name, RECIPE.to_text())
    assert not import_recipe(store, who, CFG, RECIPE.name, RECIPE.to_text())  # the same again
    assert import_recipe(store, who, CFG, RECIPE.name, EDITED.to_text())
    assert Recipe.from_text(recipe_text(store, RECIPE.name)) == EDITED
    delete_recipe(store, who, CFG, RECIPE.name)
    with pytest.raises(WordedError) as missing:
        delete_recipe(store, who, CFG, RECIPE.name)
    assert "Không có công thức nào tên" in str(missing.value)
    assert "There is no recipe named" in str(missing.value)
    assert recipe_rows(store) == []
    assert trail_of(store, mark) == [
        ["edit_recipes", "ok", ANALYST, "analyst", None, f"import {RECIPE.name}"],
        ["edit_recipes", "ok", ANALYST, "analyst", None, f"import {RECIPE.name}"],
        ["edit_recipes", "ok", ANALYST, "analyst", None, f"import {RECIPE.name}"],
        ["edit_recipes", "ok", ANALYST, "analyst", None, f"delete {RECIPE.name}"],
        ["edit_recipes", "failed", ANALYST, "analyst", None, f"delete {RECIPE.name}: none"],
    ]
