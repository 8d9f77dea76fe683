"""Recipes from the shell: `indicators recipes [list|export|import|delete]`, and how `validate`
and `import` read a published table with a recipe (`--recipe NAME`, or recognised among the
stored ones).

A recipe file is read as the Upload page's recipes are (`Recipe.from_text`): at most
`MAX_TEXT` characters, UTF-8, the recipe format; anything else is refused in both languages
before the store is touched. Changing recipes is guarded by `access.actions` (`--as ACCOUNT`).
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC
from pathlib import Path
from typing import Any

from indicators.access import actions
from indicators.access.identity import operator
from indicators.cli.context import Context, open_context
from indicators.core.clock import VIETNAM
from indicators.core.i18n import WordedError, both
from indicators.core.spreadsheet import csv_writer
from indicators.ingest.check import Checked
from indicators.ingest.recipe import MAX_BYTES, Recipe, RecipeError, valid_name
from indicators.store.recipes import recipe_rows, recipe_text

AS_HELP = "act as this account (its role is checked); default: the server's operator (cli:USER)"
RECIPE_HELP = "read a published table with this stored recipe (default: recognise it)"
LIST_COLUMNS = ["name", "updated_by", "updated_at", "series"]
USED = ("given", "recognised")  # how a recipe read the file when the revision keeps it


def add_commands(sub: argparse._SubParsersAction) -> None:
    """recipes (list, export, import, delete)."""
    r = sub.add_parser("recipes", help="stored recipes of published tables (CSV list by default)")
    r.set_defaults(func=cmd_list)
    cmds = r.add_subparsers(dest="recipes_command")
    cmds.add_parser("list", help="the stored recipes (CSV)").set_defaults(func=cmd_list)
    ex = cmds.add_parser("export", help="write a recipe file (stdout unless -o)")
    ex.add_argument("name")
    ex.add_argument("-o", "--output", default=None)
    ex.set_defaults(func=cmd_export)
    im = cmds.add_parser("import", help="store a recipe file (replaces one of the same name)")
    im.add_argument("file")
    im.add_argument("--name", default=None, help="store it under this name")
    im.add_argument("--as", dest="as_account", default=None, metavar="ACCOUNT", help=AS_HELP)
    im.set_defaults(func=cmd_import)
    de = cmds.add_parser("delete", help="delete a stored recipe (revisions keep their copy)")
    de.add_argument("name")
    de.add_argument("--as", dest="as_account", default=None, metavar="ACCOUNT", help=AS_HELP)
    de.set_defaults(func=cmd_delete)


def cmd_list(args: argparse.Namespace) -> int:
    """Name, who saved it last and when (Vietnam time), and how many series it maps."""
    out = csv_writer(sys.stdout, lineterminator="\n")
    out.writerow(LIST_COLUMNS)
    for row in recipe_rows(open_context().store):
        at = (row.updated_at or row.created_at).replace(tzinfo=UTC)
        by = row.updated_by or row.created_by
        out.writerow([row.name, by, at.astimezone(VIETNAM).isoformat(timespec="seconds"),
                      _series(row.text)])  # fmt: skip
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    text = _stored(open_context(), args.name)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    Path(args.output).write_text(text, encoding="utf-8")
    print(both("recipe.cli.exported", name=args.name, path=args.output))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    recipe = read_recipe_file(Path(args.file))
    if args.name is not None:
        if not valid_name(args.name):
            raise RecipeError("recipe.error.name")
        recipe = recipe.renamed(args.name)
    ctx = open_context()
    who = operator(args.as_account)
    changed = actions.import_recipe(
        ctx.store, who, ctx.settings.access, recipe.name, recipe.to_text()
    )
    key = "recipe.imported" if changed else "recipe.cli.same"
    print(both(key, name=recipe.name, series=len(recipe.series)))
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    ctx = open_context()
    actions.delete_recipe(ctx.store, operator(args.as_account), ctx.settings.access, args.name)
    print(both("recipe.cli.deleted", name=args.name))
    return 0


def read_recipe_file(path: Path) -> Recipe:
    """A recipe file, read no further than a recipe can be long (a huge file or a device costs
    nothing); a `WordedError` says what is wrong with it."""
    try:
        with path.open("rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise WordedError("upload.file_missing", path=path, error=exc.strerror or "") from None
    return Recipe.from_bytes(data)


# -- `validate` and `import` of a published table -------------------------------------------------


def check_arguments(ctx: Context, name: str | None) -> dict[str, Any]:
    """What `check_upload` needs to read a published table: the recipe named on the command
    line, or every stored recipe so the next edition of a known table is recognised; and the
    home province of each unit list (the area of a table that names none)."""
    home = {r.unit_list: r.code for r in ctx.settings.province_units}
    if name is not None:
        return {"recipe": Recipe.from_text(_stored(ctx, name)), "home": home}
    stored = []
    for row in recipe_rows(ctx.store):
        try:
            stored.append(Recipe.from_text(row.text))
        except RecipeError:  # kept by an older version: it cannot recognise a table
            continue
    return {"recipes": stored, "home": home}


def used(checked: Checked) -> tuple[str, str] | None:
    """(name, text) of the recipe that read the file, for the revision to keep."""
    if checked.recipe is None or checked.recipe_use not in USED:
        return None
    return checked.recipe.name, checked.recipe.to_text()


def say(checked: Checked) -> None:
    """That a stored recipe recognised the table (stdout), or that it needs one (stderr)."""
    if checked.recipe is not None and checked.recipe_use == "recognised":  # given: a note says
        print(both("recipe.cli.recognised", name=checked.recipe.name))
    if checked.needs_mapping:
        print(both("recipe.cli.needs_mapping"), file=sys.stderr)


def _stored(ctx: Context, name: str) -> str:
    text = recipe_text(ctx.store, name)
    if text is None:
        raise WordedError("recipe.unknown", name=name[:80])
    return text


def _series(text: str) -> int | str:
    try:
        return len(Recipe.from_text(text).series)
    except RecipeError:
        return ""
