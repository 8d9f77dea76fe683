"""Commands that check files and change the store: init, validate, import, history, rollback.

Files go through `ingest.check.check_upload`, the pipeline of the Upload page; the summary goes
to stdout and every problem (row, column, value, reason, hint) to stderr, in both languages.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tomllib
from functools import partial
from pathlib import Path

from indicators.access.actions import (
    record_blocked_save,
    record_validation,
    restore_revision,
    save_upload,
)
from indicators.access.identity import operator
from indicators.cli import recipes
from indicators.cli.context import Context, open_context
from indicators.core.i18n import WordedError, both, joined
from indicators.core.problems import DataError
from indicators.core.settings import load_settings
from indicators.core.spreadsheet import csv_writer
from indicators.geography.units import build_regions
from indicators.ingest.check import Checked, check_upload
from indicators.service import seed_from, store_of
from indicators.store.accounts import list_accounts
from indicators.store.connection import StoreReadOnlyError
from indicators.store.pg import where as server_of

AS_HELP = "act as this account (its role is checked); default: the server's operator (cli:USER)"
DECIMALS = {"auto": None, "comma": ",", "point": "."}
DECIMAL_HELP = "decimal mark of text numbers: comma (1,5 and 30.000), point, or auto (detected)"
HISTORY_COLUMNS = ["id", "created_at", "author", "file_name", "content_hash", "rows_in_file",
                   "rows_new", "rows_changed", "rows_unchanged", "rows_removed", "rows_rejected",
                   "restores", "message", "recipe"]  # fmt: skip


def add_commands(sub: argparse._SubParsersAction) -> None:
    """init, validate, import, history and rollback, with their options."""
    sub.add_parser("init", help="create the store from the data folder").set_defaults(func=cmd_init)
    v = sub.add_parser("validate", help="check a CSV/XLSX file (long or yearbook-wide)")
    v.add_argument("file")
    v.add_argument("--report", default=None, help="also write the report as CSV to this file")
    v.add_argument("--decimal", choices=list(DECIMALS), default="auto", help=DECIMAL_HELP)
    v.add_argument("--recipe", default=None, metavar="NAME", help=recipes.RECIPE_HELP)
    v.set_defaults(func=cmd_validate)
    i = sub.add_parser("import", help="check and store a CSV/XLSX file as a new revision")
    i.add_argument("file")
    i.add_argument("-m", "--message", required=True)
    i.add_argument("--valid-only", action="store_true", help="store the valid rows, skip the rest")
    i.add_argument("--report", default=None, help="also write the report as CSV to this file")
    i.add_argument("--as", dest="as_account", default=None, metavar="ACCOUNT", help=AS_HELP)
    i.add_argument("--decimal", choices=list(DECIMALS), default="auto", help=DECIMAL_HELP)
    i.add_argument("--recipe", default=None, metavar="NAME", help=recipes.RECIPE_HELP)
    i.set_defaults(func=cmd_import)
    sub.add_parser("history", help="list revisions (CSV)").set_defaults(func=cmd_history)
    rb = sub.add_parser("rollback", help="new revision restoring an earlier revision's data")
    rb.add_argument("rev", type=int)
    rb.add_argument("-m", "--message", default=None)
    rb.add_argument("--as", dest="as_account", default=None, metavar="ACCOUNT", help=AS_HELP)
    rb.set_defaults(func=cmd_rollback)


def cmd_init(args: argparse.Namespace) -> int:
    """Create the store from the data folder. What is wrong with the folder is worded and no
    revision is written: a new install's first command must never end in a traceback."""
    try:
        settings = load_settings()
        store = store_of(settings)
        rev = seed_from(settings.data_dir, store)
    except (DataError, WordedError, tomllib.TOMLDecodeError, KeyError, FileNotFoundError) as exc:
        print(_init_refusal(exc), file=sys.stderr)
        print(both("install.init_refused"), file=sys.stderr)
        return 1
    where = server_of(settings.db_url) if settings.db_url else settings.db_path
    if rev is None:
        print(f"{both('cli.init_exists')}: {where}")
    else:
        print(both("cli.init_created", where=where, rev=rev.id, rows=rev.rows_new))
        if not rev.rows_new:
            print(both("install.init_no_data"))
    if not list_accounts(store):  # nobody can upload yet: say how to start
        print(both("cli.no_accounts"))
    return 0


def _init_refusal(exc: Exception) -> str:
    """Why the data folder cannot start a store, in both languages."""
    if isinstance(exc, DataError | WordedError):  # a file's report, a setting: already worded
        return str(exc)
    if isinstance(exc, tomllib.TOMLDecodeError):
        return both("install.settings_unreadable", error=exc)
    if isinstance(exc, KeyError):
        return both("install.settings_missing", name=exc.args[0] if exc.args else "?")
    return both("install.file_missing", path=getattr(exc, "filename", None) or exc)


def cmd_validate(args: argparse.Namespace) -> int:
    data = _file_bytes(Path(args.file))
    if data is None:
        return 2
    ctx = open_context()
    checked = _check_file(Path(args.file), data, ctx, args)
    _report(checked, args)
    errors = len(checked.errors)
    with contextlib.suppress(StoreReadOnlyError):  # a read-only store checks files, untracked
        record_validation(
            ctx.store, operator(), ctx.settings.access, Path(args.file).name, data, errors
        )
    if not checked.ok:
        print(both("upload.rejected"), file=sys.stderr)
        return 1
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    data = _file_bytes(path)
    if data is None:
        return 2
    ctx = open_context()
    checked = _check_file(path, data, ctx, args)
    _report(checked, args)
    who = operator(args.as_account)
    if checked.frame.empty or not (checked.ok or args.valid_only):
        print(both("upload.nothing_stored"), file=sys.stderr)
        errors = len(checked.errors)
        record_blocked_save(ctx.store, who, ctx.settings.access, path.name, data, errors)
        return 1
    rev = save_upload(
        ctx.store,
        who,
        ctx.settings.access,
        {"observations": checked.frame},
        file_name=path.name,
        data=data,
        message=args.message,
        rows_rejected=len(checked.rejected_rows),
        recipe=recipes.used(checked),
    )
    if checked.rejected_rows:
        kept = {"valid": len(checked.frame), "rejected": len(checked.rejected_rows)}
        print(both("upload.stored_valid_only", **kept))
    counts = {"new": rev.rows_new, "changed": rev.rows_changed, "unchanged": rev.rows_unchanged}
    print(both("cli.imported", rev=rev.id, **counts))
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    store = open_context().store
    out = csv_writer(sys.stdout, lineterminator="\n")  # text cells never run as formulas
    out.writerow(HISTORY_COLUMNS)
    for r in store.revisions():
        out.writerow(
            [
                r.id,
                f"{r.created_at:%Y-%m-%d %H:%M:%S}",
                r.author,
                r.file_name,
                r.content_hash,
                r.rows_in_file,
                r.rows_new,
                r.rows_changed,
                r.rows_unchanged,
                r.rows_removed,
                r.rows_rejected,
                r.restores,
                r.message,
                r.recipe,
            ]
        )
    return 0


def cmd_rollback(args: argparse.Namespace) -> int:
    ctx = open_context()
    store = ctx.store
    known = [r.id for r in store.revisions()]
    if args.rev not in known:
        known_text = ", ".join(map(str, known))
        print(both("history.rollback.unknown", rev=args.rev, known=known_text), file=sys.stderr)
        return 1
    message = args.message or both("history.rollback.default_message", rev=args.rev)
    rev = restore_revision(
        ctx.store, operator(args.as_account), ctx.settings.access, args.rev, message
    )
    print(
        both(
            "history.rollback.done",
            rev=rev.id,
            to=args.rev,
            changed=rev.rows_changed,
            new=rev.rows_new,
            removed=rev.rows_removed,
        )
    )
    return 0


def _file_bytes(path: Path) -> bytes | None:
    """The file's bytes, or None after saying in both languages why it cannot be opened."""
    try:
        return path.read_bytes()
    except OSError as exc:
        error = exc.strerror or type(exc).__name__
        print(both("upload.file_missing", path=path, error=error), file=sys.stderr)
        return None


def _check_file(path: Path, data: bytes, ctx: Context, args: argparse.Namespace) -> Checked:
    """The file through the upload pipeline (the same as the Upload page), never raising."""
    return check_upload(
        data,
        path.name,
        ctx.catalog,
        build_regions(ctx.settings.region_sources),
        history=partial(ctx.store.read, "observations"),
        max_bytes=ctx.settings.max_upload_bytes,
        limits=ctx.settings.upload_limits,
        decimal=DECIMALS[getattr(args, "decimal", "auto")],
        **recipes.check_arguments(ctx, getattr(args, "recipe", None)),
    )


def _report(checked: Checked, args: argparse.Namespace) -> None:
    """Summary on stdout; every problem (row, column, value, reason, hint) on stderr."""
    print(joined(checked.describe("vi"), checked.describe("en")))
    print(joined(checked.summary("vi"), checked.summary("en")))
    recipes.say(checked)
    for p in checked.problems:
        print(p.message(), file=sys.stderr if p.is_error else sys.stdout)
    if getattr(args, "report", None):
        Path(args.report).write_bytes(checked.report_csv())
