"""Accounts and the audit trail from the shell, as the department's IT staff use them: each command
a real subprocess on a real store file. Passwords come from standard input, never the command
line; `--as NAME` acts with that account's role; refusals are bilingual, never a traceback."""

from __future__ import annotations

import csv
import getpass
import io
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from indicators.access import manage
from indicators.access.actions import record_validation, save_upload
from indicators.access.identity import operator
from indicators.access.signin import Outcome, sign_in
from indicators.cli import build_parser, main
from indicators.core.settings import REPO_ROOT
from indicators.store import accounts
from indicators.store.audit import read_trail
from indicators.store.revisions import Store
from tests.access.people import CFG, bts_file, frames_of, state, store_bytes, store_text

ANALYST = "chuyenvien"
PASSWORD = "Mật-khẩu của Lan 2025"


def run_cli(db: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    """`indicators ARGS` with the store at `db`; `stdin` is a pipe, not a terminal."""
    return subprocess.run(
        [sys.executable, "-m", "indicators.cli", *args],
        env=dict(os.environ, INDICATORS_DB=str(db)),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO_ROOT,
    )


def refused(out: subprocess.CompletedProcess, vi: str, en: str) -> None:
    assert out.returncode == 1, out.stdout + out.stderr
    assert vi in out.stderr and en in out.stderr, out.stderr
    assert "Traceback" not in out.stderr + out.stdout


@pytest.fixture(scope="module")
def analyst_file(seeded_store, tmp_path_factory, catalog, regions) -> Path:
    """The bundled data (revision 1), an analyst account and the analyst's BTS file saved as
    revision 2, made in this process once."""
    path = tmp_path_factory.mktemp("cli-access") / "indicators.duckdb"
    shutil.copyfile(seeded_store.path, path)
    store = Store(path)
    manage.add_account(store, operator(), CFG, ANALYST, "analyst", None, None)
    data = bts_file(99)
    frames = frames_of(data, catalog, regions)
    who = operator(ANALYST)
    save_upload(store, who, CFG, frames, file_name="bts.csv", data=data, message="BTS Vĩnh Hòa")
    return path


@pytest.fixture
def db(analyst_file, tmp_path) -> Path:
    path = tmp_path / "indicators.duckdb"
    shutil.copyfile(analyst_file, path)
    return path


def test_the_password_is_never_a_command_line_argument(capsys):
    """Arguments show in `ps` and the shell's history: there is no option to pass one."""
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args(["users", "add", "lan", "--role", "analyst", "--password", "x"])
    assert exit_.value.code == 2
    assert "--password" in capsys.readouterr().err  # refused as an unknown argument


def test_users_add_reads_the_password_twice_from_stdin_and_keeps_only_its_hash(db):
    added = run_cli(
        db, "users", "add", "Lan.Nguyen", "--role", "analyst", stdin=f"{PASSWORD}\n" * 2
    )
    assert added.returncode == 0, added.stderr
    assert "lan.nguyen" in added.stdout and PASSWORD not in added.stdout + added.stderr
    store = Store(db)
    account = accounts.get_account(store, "lan.nguyen")
    assert account.role == "analyst" and account.password_hash.startswith("$argon2id$")
    assert sign_in(store, "lan.nguyen", PASSWORD, None, CFG).outcome is Outcome.OK
    listed = run_cli(db, "users", "list")
    rows = list(csv.reader(io.StringIO(listed.stdout)))
    assert rows[0] == ["name", "role", "disabled", "password", "locked_until"]
    assert rows[1:] == [
        [ANALYST, "analyst", "False", "sso", ""],
        ["lan.nguyen", "analyst", "False", "yes", ""],
    ]
    audit = run_cli(db, "audit")
    assert audit.returncode == 0 and "account_add" in audit.stdout
    assert PASSWORD not in audit.stdout
    assert PASSWORD not in store_text(store) and PASSWORD.encode() not in store_bytes(db)


def test_a_mistyped_repetition_is_refused_in_both_languages(db):
    out = run_cli(
        db, "users", "add", "lan.nguyen", "--role", "analyst", stdin=f"{PASSWORD}\n{PASSWORD}x\n"
    )
    refused(out, "Hai lần nhập mật khẩu không khớp", "The two passwords do not match")
    assert accounts.get_account(Store(db), "lan.nguyen") is None
    assert PASSWORD not in out.stderr


def test_audit_is_csv_in_vietnam_time_newest_first_and_never_a_formula(db):
    store = Store(db)
    hostile = '=HYPERLINK("http://evil.example","bấm vào đây")'
    sign_in(store, hostile, "không phải mật khẩu", "+1+1", CFG)  # typed into the sign-in form
    record_validation(store, operator(ANALYST), CFG, "=1+2.csv", b"x", errors=1)
    out = run_cli(db, "audit")
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert len(rows) == len(read_trail(store))
    ids = [int(r["id"]) for r in rows]
    assert ids == sorted(ids, reverse=True)  # newest first
    times = [datetime.fromisoformat(r["occurred_at"]) for r in rows]
    assert all(r["occurred_at"].endswith("+07:00") for r in rows)
    assert times == sorted(times, reverse=True)
    assert abs(times[0] - datetime.now(UTC)) < timedelta(minutes=5)  # converted, not relabelled
    newest, attempt = rows[0], rows[1]
    assert (newest["event"], newest["outcome"], newest["account"]) == (
        "validate",
        "errors",
        ANALYST,
    )
    assert newest["file_name"] == "'=1+2.csv" and newest["detail"] == "1 errors"
    assert (attempt["event"], attempt["outcome"]) == ("sign_in", "wrong")
    assert attempt["account"] == "'" + hostile.lower()
    assert attempt["client"] == "'+1+1"
    saved = next(r for r in rows if r["event"] == "save")
    assert (saved["account"], saved["revision"]) == (ANALYST, "2")  # a whole number, not 2.0


def test_import_as_an_analyst_is_stored_under_that_account(db, tmp_path):
    bts = tmp_path / "bts-vnpt.csv"
    bts.write_bytes(bts_file(120))
    out = run_cli(db, "import", str(bts), "-m", "BTS VNPT", "--as", "ChuyenVien")
    assert out.returncode == 0, out.stderr
    rev = Store(db).revisions()[-1]
    assert (rev.id, rev.author, rev.file_name, rev.message) == (
        3,
        ANALYST,
        "bts-vnpt.csv",
        "BTS VNPT",
    )
    line = read_trail(Store(db), limit=1).iloc[0]
    assert (line["event"], line["outcome"], line["account"], line["client"]) == (
        "save",
        "ok",
        ANALYST,
        "cli",
    )


def test_rollback_as_an_analyst_is_refused_and_changes_nothing(db):
    store = Store(db)
    before = state(store)
    out = run_cli(db, "rollback", "1", "--as", ANALYST)
    refused(out, "Bạn không có quyền thực hiện việc này (restore)", "it needs the admin role")
    assert state(store) == before
    line = read_trail(store, limit=1).iloc[0]
    assert (line["event"], line["outcome"], line["account"]) == ("restore", "refused", ANALYST)


def test_rollback_without_as_is_the_servers_operator(db):
    store = Store(db)
    out = run_cli(db, "rollback", "1")
    assert out.returncode == 0, out.stderr
    rev = store.revisions()[-1]
    assert (rev.id, rev.author, rev.restores) == (3, f"cli:{getpass.getuser()}", 1)
    assert store.content_hash() == store.content_hash(1)
    line = read_trail(store, limit=1).iloc[0]
    assert (line["event"], line["outcome"], line["revision"], line["detail"]) == (
        "restore",
        "ok",
        3,
        "to 1",
    )


def test_a_negative_audit_limit_is_refused_without_a_traceback(db, monkeypatch, capsys):
    monkeypatch.setenv("INDICATORS_DB", str(db))  # the command's own code, in this process
    try:
        code = main(["audit", "--limit", "-1"])
    except SystemExit as usage:  # argparse's refusal of the argument
        code = usage.code
    assert code not in (0, None) and "limit" in capsys.readouterr().err.lower()


def test_checking_a_file_and_a_refused_import_are_in_the_trail(db, tmp_path):
    bad = tmp_path / "sai.csv"
    bad.write_text("Mã chỉ tiêu,Mã đơn vị,Năm,Giá trị\nhh_internet_pct,56,2026,140\n", "utf-8")
    assert run_cli(db, "validate", str(bad)).returncode == 1
    out = run_cli(db, "import", str(bad), "-m", "thử", "--as", ANALYST)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    blocked, checked = read_trail(Store(db)).iloc[:2].itertuples()
    assert (checked.event, checked.outcome, checked.account) == (
        "validate",
        "errors",
        f"cli:{getpass.getuser()}",
    )
    assert (blocked.event, blocked.outcome, blocked.account) == ("save", "blocked", ANALYST)
    assert checked.file_name == blocked.file_name == "sai.csv" and len(checked.file_hash) == 64
