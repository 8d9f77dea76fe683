"""`indicators backup FILE [--force]` and `indicators restore-backup FILE`: a checked copy of
the whole store (taken while the dashboard keeps reading), and putting one back while keeping
the store it replaces. Both work on the store file as it is, never seeding or migrating it, so
a damaged store can be restored. Exit 0 when done; 1 with the reason in both languages when
refused, with nothing changed.
"""

from __future__ import annotations

import argparse
import sys

from indicators.core.i18n import WordedError, both
from indicators.core.settings import load_settings
from indicators.service import store_of
from indicators.store.backup import backup, restore
from indicators.store.revisions import Store


def add_commands(sub: argparse._SubParsersAction) -> None:
    """backup and restore-backup, with their options."""
    b = sub.add_parser("backup", help="a checked copy of the whole store, even while it is read")
    b.add_argument("file")
    b.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    b.set_defaults(func=cmd_backup)
    r = sub.add_parser("restore-backup", help="replace the store with a checked backup")
    r.add_argument("file")
    r.set_defaults(func=cmd_restore)


def cmd_backup(args: argparse.Namespace) -> int:
    try:
        done = backup(_store(), args.file, force=args.force)
    except WordedError as exc:  # refused (or the store is damaged): nothing was written
        print(exc, file=sys.stderr)
        return 1
    counts = {"rev": done.revision, "tables": len(done.tables), "rows": done.rows}
    print(both("backup.done", path=args.file, **counts))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    store = _store()
    try:
        found, kept = restore(store, args.file)
    except WordedError as exc:  # refused: the store is as it was
        print(exc, file=sys.stderr)
        return 1
    said = {"store": store.path, "path": args.file, "rev": found.revision, "rows": found.rows}
    if kept is None:
        print(both("backup.restored_new", **said))
    else:
        print(both("backup.restored", kept=kept, **said))
    return 0


def _store() -> Store:
    """The store the settings name, as it is (not seeded: a backup never creates one)."""
    return store_of(load_settings())
