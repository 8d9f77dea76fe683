"""Commands for accounts and the audit trail: `indicators users …` and `indicators audit`.

Passwords are asked twice at the prompt, never taken from the command line (where the shell's
history and the process list would keep them); when standard input is not a terminal (a script,
a test) the two lines are read from it.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from indicators.access import manage
from indicators.access.identity import operator
from indicators.cli.context import open_context
from indicators.core.clock import VIETNAM
from indicators.core.i18n import both
from indicators.core.roles import Role
from indicators.core.spreadsheet import csv_writer, safe_frame
from indicators.store import accounts
from indicators.store.audit import read_trail

ROLES = [r.value for r in Role]


def add_commands(sub: argparse._SubParsersAction) -> None:
    """users (add, list, role, disable, enable, password, unlock) and audit."""
    users = sub.add_parser("users", help="accounts: add, list, role, disable, enable, password")
    cmds = users.add_subparsers(dest="users_command", required=True)
    add = cmds.add_parser("add", help="a new account (password asked twice)")
    add.add_argument("name")
    add.add_argument("--role", choices=ROLES, required=True)
    add.add_argument("--sso-only", action="store_true", help="no password: signs in by SSO only")
    add.set_defaults(func=cmd_add)
    cmds.add_parser("list", help="the accounts (CSV)").set_defaults(func=cmd_list)
    role = cmds.add_parser("role", help="change an account's role")
    role.add_argument("name")
    role.add_argument("role", choices=ROLES)
    role.set_defaults(func=cmd_role)
    for verb, disabled in (("disable", True), ("enable", False)):
        p = cmds.add_parser(verb, help=f"{verb} an account")
        p.add_argument("name")
        p.set_defaults(func=cmd_disable, disabled=disabled)
    pw = cmds.add_parser("password", help="set a new password (asked twice)")
    pw.add_argument("name")
    pw.set_defaults(func=cmd_password)
    un = cmds.add_parser("unlock", help="lift a lock-out after wrong passwords")
    un.add_argument("name")
    un.set_defaults(func=cmd_unlock)
    audit = sub.add_parser("audit", help="the audit trail (CSV, Vietnam time, newest first)")
    audit.add_argument("--limit", type=_count, default=None, help="the newest N lines only")
    audit.set_defaults(func=cmd_audit)


def _count(text: str) -> int:
    """A count for `--limit`: a whole number of at least 1."""
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(both("cli.bad_count", value=text[:20]))
    return n


def ask_password() -> tuple[str, str]:
    """The new password and its repetition, from the terminal (or two lines of stdin)."""
    if sys.stdin.isatty():
        return getpass.getpass(both("cli.password")), getpass.getpass(both("cli.password_again"))
    lines = [sys.stdin.readline().rstrip("\r\n") for _ in range(2)]
    return lines[0], lines[1]


def cmd_add(args: argparse.Namespace) -> int:
    ctx = open_context()
    password, again = (None, None) if args.sso_only else ask_password()
    done = manage.add_account(
        ctx.store, operator(), ctx.settings.access, args.name, args.role, password, again
    )
    print(both("cli.user_added", name=done.name, role=done.role))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    ctx = open_context()
    out = csv_writer(sys.stdout, lineterminator="\n")
    out.writerow(["name", "role", "disabled", "password", "locked_until"])
    for a in accounts.list_accounts(ctx.store):
        locked = f"{a.locked_until:%Y-%m-%d %H:%M}" if a.locked_until else ""
        out.writerow([a.name, a.role, a.disabled, "yes" if a.password_hash else "sso", locked])
    return 0


def cmd_role(args: argparse.Namespace) -> int:
    ctx = open_context()
    manage.set_role(ctx.store, operator(), ctx.settings.access, args.name, args.role)
    print(both("cli.user_changed", name=args.name))
    return 0


def cmd_disable(args: argparse.Namespace) -> int:
    ctx = open_context()
    manage.set_disabled(ctx.store, operator(), ctx.settings.access, args.name, args.disabled)
    print(both("cli.user_changed", name=args.name))
    return 0


def cmd_password(args: argparse.Namespace) -> int:
    ctx = open_context()
    password, again = ask_password()
    manage.set_password(ctx.store, operator(), ctx.settings.access, args.name, password, again)
    print(both("cli.user_changed", name=args.name))
    return 0


def cmd_unlock(args: argparse.Namespace) -> int:
    ctx = open_context()
    manage.unlock(ctx.store, operator(), ctx.settings.access, args.name)
    print(both("cli.user_changed", name=args.name))
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    """The trail as CSV on stdout, times in Vietnam time with their offset."""
    trail = read_trail(open_context().store, args.limit)
    trail["occurred_at"] = [
        t.tz_localize("UTC").tz_convert(VIETNAM).isoformat(timespec="seconds")
        for t in trail["occurred_at"]
    ]
    trail["revision"] = trail["revision"].astype("Int64")
    safe_frame(trail).to_csv(sys.stdout, index=False, lineterminator="\n")
    return 0
