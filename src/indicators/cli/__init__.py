"""`indicators`: the analysts' command line, over the same code the pages use.

indicators init                      create the store from the data folder (first start)
indicators validate FILE [--report R.csv]   check a CSV/XLSX file; exit 1 with the report if bad
indicators import FILE -m MESSAGE [--valid-only] [--recipe NAME]   check, then store it as a
                                     new revision (a published table: with that recipe, or
                                     one of the stored recipes that recognises it)
indicators history                   list the revisions (CSV)
indicators recipes [list]            the stored recipes of published tables (CSV)
indicators recipes export NAME [-o FILE] | import FILE [--name NAME] | delete NAME
indicators rollback REV [-m MESSAGE] a new revision restoring the data of revision REV
indicators catalog                   the indicator catalog (CSV)
indicators regions [--unit-list L]   the administrative units (CSV)
indicators template [--format xlsx|csv] -o FILE   the upload template
indicators value -i CODE -r REGION -p PERIOD [-u UNIT_LIST] [--rev N]
indicators export -i CODE -r REGION -p PERIOD -f png|svg|pptx|pdf -o FILE
                                     a chart as an image, or a deck (-i may repeat)
indicators users add NAME --role viewer|analyst|admin   an account (password asked twice)
indicators users list|role|disable|enable|password|unlock   manage accounts
indicators audit [--limit N]         the audit trail (CSV, Vietnam time)
indicators backup FILE [--force]     a checked copy of the whole store (while it is read)
indicators restore-backup FILE       put a backup back, keeping the current store beside it
indicators serve [--port 8501]       start the dashboard

The commands live by what they do: `data` (files and the store), `lookup` (catalog, units,
template, one value), `charts` (export), `recipes`; `context` opens what they share.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

from indicators.cli import access, backup, charts, data, lookup, recipes
from indicators.core.i18n import WordedError
from indicators.core.settings import REPO_ROOT


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="indicators", description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="command", required=True)
    data.add_commands(sub)
    lookup.add_commands(sub)
    charts.add_commands(sub)
    access.add_commands(sub)
    recipes.add_commands(sub)
    backup.add_commands(sub)
    s = sub.add_parser("serve", help="start the dashboard")
    s.add_argument("--port", type=int, default=8501)
    s.add_argument("--address", default="localhost")
    s.set_defaults(func=cmd_serve)
    return p


def cmd_serve(args: argparse.Namespace) -> int:
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(REPO_ROOT / "ui" / "server.py"),
        "--server.port", str(args.port), "--server.address", args.address,
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    return subprocess.call(cmd, cwd=REPO_ROOT, env=os.environ.copy())


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except WordedError as exc:  # a refusal the catalog words (permission, account, …)
        print(exc, file=sys.stderr)
        return 1
