"""Backups, restores and a store in trouble, as an IT administrator meets them in the shell:
each command a real subprocess on a real store file, a message in both languages and an exit
code, never a traceback. The read-only and full disks are real (`tests/store/disks.py`)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from indicators.core.settings import REPO_ROOT
from indicators.store.revisions import Store
from tests.conftest import app_store_at
from tests.pages.apptest import open_page
from tests.robustness.big_frames import big_frame
from tests.store.disks import as_nobody, read_only_view, shared_folder, small_disk
from tests.store.test_store_safety import _hold_read_only

pytestmark = pytest.mark.slow  # each command is a new Python process (seconds)

HEADER = "indicator,unit_list,region,period,value,numerator,denominator,status,source,note\n"


def run_cli(db: Path, *args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    env = dict(os.environ, INDICATORS_DB=str(db))
    return subprocess.run(
        [sys.executable, "-m", "indicators.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=REPO_ROOT,
    )


@pytest.fixture
def db(tmp_path, seeded_store) -> Path:
    """A store at revision 1 (the bundled data), private to the test."""
    path = tmp_path / "store" / "indicators.duckdb"
    path.parent.mkdir()
    shutil.copyfile(seeded_store.path, path)
    return path


def bts_file(folder: Path, value: int) -> Path:
    path = folder / f"bts{value}.csv"
    path.write_text(HEADER + f"bts_count,legacy,22327,2021,{value},,,published,VNPT,\n")
    return path


def refused(out: subprocess.CompletedProcess, vi: str, en: str) -> None:
    """A refusal as people should see it: non-zero, both languages, no traceback."""
    assert out.returncode != 0, out.stdout
    assert vi in out.stderr and en in out.stderr, out.stderr
    assert "Traceback" not in out.stderr + out.stdout


def revision_ids(path: Path) -> list[int]:
    return [r.id for r in Store(path).revisions()]


# -- backup and restore --------------------------------------------------------------------------


def test_backup_while_another_process_reads_then_restore_puts_it_back(db, tmp_path):
    copy = tmp_path / "backups" / "monday.duckdb"
    copy.parent.mkdir()
    reader = _hold_read_only(db)  # a dashboard process with the store open
    try:
        started = time.monotonic()
        out = run_cli(db, "backup", str(copy))
        took = time.monotonic() - started
    finally:
        reader.communicate("stop\n", timeout=30)
    assert out.returncode == 0, out.stderr
    assert "Đã sao lưu kho dữ liệu vào" in out.stdout and "revision 1" in out.stdout
    assert "the copy was reopened and matches the store" in out.stdout
    assert took < 60  # it did not wait for the reader to let go
    assert Store(copy).content_hash() == Store(db).content_hash()
    assert [p.name for p in copy.parent.iterdir()] == ["monday.duckdb"]  # no temporary left

    assert run_cli(db, "import", str(bts_file(tmp_path, 99)), "-m", "later").returncode == 0
    assert revision_ids(db) == [1, 2]
    again = run_cli(db, "backup", str(copy))
    refused(again, "đã có; không ghi đè", "already exists; it was not overwritten")
    assert revision_ids(copy) == [1]

    out = run_cli(db, "restore-backup", str(copy))
    assert out.returncode == 0, out.stderr
    kept = [p for p in db.parent.iterdir() if ".before-restore-" in p.name]
    assert len(kept) == 1 and f"kept as {kept[0]}" in out.stdout
    assert "Restart the dashboard" in out.stdout and "khởi động lại" in out.stdout
    assert revision_ids(db) == [1] and revision_ids(kept[0]) == [1, 2]
    history = run_cli(db, "history")
    assert history.returncode == 0 and "later" not in history.stdout
    assert run_cli(db, "import", str(bts_file(tmp_path, 7)), "-m", "next").returncode == 0


def test_backup_force_overwrites_and_every_table_is_carried(db, tmp_path):
    target = tmp_path / "b.duckdb"
    target.write_text("an old file")
    out = run_cli(db, "backup", str(target), "--force")
    assert out.returncode == 0, out.stderr
    tables = out.stdout.split("revision 1, ")[1].split(" tables")[0]
    with Store(target).connect(read_only=True) as con:
        names = con.execute("SELECT count(*) FROM duckdb_tables()").fetchall()[0][0]
    assert int(tables) == names >= 6  # meta, revisions, data, catalog, units, …


def test_a_damaged_or_empty_backup_is_refused_and_the_store_untouched(
    db, tmp_path, catalog, regions
):
    good = tmp_path / "good.duckdb"
    assert run_cli(db, "backup", str(good)).returncode == 0
    before = (db.read_bytes(), sorted(p.name for p in db.parent.iterdir()))

    torn = tmp_path / "torn.duckdb"
    torn.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    refused(run_cli(db, "restore-backup", str(torn)), "bị hỏng", "is damaged")
    empty = tmp_path / "empty.duckdb"
    Store(empty).initialize(catalog, regions)
    refused(run_cli(db, "restore-backup", str(empty)), "không có phiên bản", "holds no data")
    refused(run_cli(db, "restore-backup", str(tmp_path / "nope")), "Không có tệp", "no backup")
    assert (db.read_bytes(), sorted(p.name for p in db.parent.iterdir())) == before


# -- a damaged store -----------------------------------------------------------------------------


def test_a_truncated_store_is_named_and_a_backup_restores_it(db, tmp_path):
    copy = tmp_path / "b.duckdb"
    assert run_cli(db, "backup", str(copy)).returncode == 0
    os.truncate(db, db.stat().st_size // 3)
    for args in (("history",), ("value", "-i", "bts_count", "-r", "56", "-p", "2020")):
        refused(run_cli(db, *args), "bị hỏng", "is damaged or is not a store file")
    init = run_cli(db, "init")
    refused(init, "restore-backup TỆP", "Restore it from a backup")
    assert "already initialised" not in init.stdout + init.stderr

    out = run_cli(db, "restore-backup", str(copy))
    assert out.returncode == 0, out.stderr
    assert run_cli(db, "history").returncode == 0
    kept = next(p for p in db.parent.iterdir() if ".before-restore-" in p.name)
    assert kept.stat().st_size < copy.stat().st_size  # the damaged file, kept for a look


# -- a store that may not be written -------------------------------------------------------------


def test_a_read_only_disk_serves_history_values_and_backup_and_refuses_an_import(db, tmp_path):
    with read_only_view(db.parent) as view:
        frozen = view / db.name
        history = run_cli(frozen, "history")
        assert history.returncode == 0, history.stderr
        assert "seeded from bundled data" in history.stdout
        value = run_cli(frozen, "value", "-i", "post_commune_pct", "-r", "56", "-p", "2020")
        assert value.returncode == 0 and value.stdout.strip() == "99%", value.stderr
        out = run_cli(frozen, "import", str(bts_file(tmp_path, 5)), "-m", "x")
        refused(out, "chỉ cho phép đọc", "Read-only file system")
        out = run_cli(frozen, "backup", str(tmp_path / "b.duckdb"))  # a backup only reads it
        assert out.returncode == 0, out.stderr
    assert revision_ids(db) == [1]


def test_a_store_file_of_another_account_serves_history(db):
    with shared_folder() as folder:
        store = folder / "indicators.duckdb"
        shutil.copyfile(db, store)
        store.chmod(0o644)  # root's file: others may read it, not write it
        env = dict(os.environ, INDICATORS_DB=str(store), HOME=str(folder))
        cmd = [sys.executable, "-m", "indicators.cli", "history"]
        out = as_nobody(cmd, env=env, cwd=REPO_ROOT)
        assert out.returncode == 0, out.stderr
        assert "seeded from bundled data" in out.stdout
        init = as_nobody([sys.executable, "-m", "indicators.cli", "backup", str(folder / "b")],
                         env=env, cwd=REPO_ROOT)  # fmt: skip
        refused(init, "Không ghi được", "Permission denied")


def test_a_read_only_store_serves_a_page(db):
    folder = db.parent
    shutil.move(db, folder / "app.duckdb")  # the file name the app test helper points at
    with read_only_view(folder) as view, app_store_at(view):
        at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=120)
        at.query_params["period"] = "2020"  # the Overview is the first page: a link to it
        at.run()
        assert not at.exception and not at.error, [e.value for e in at.error]
        assert len(at.metric) == 8 and "99%" in [m.value for m in at.metric]


def test_a_damaged_store_page_shows_the_message_not_a_traceback(tmp_path):
    (tmp_path / "app.duckdb").write_bytes(os.urandom(100_000))
    with app_store_at(tmp_path):
        at = open_page("ui/pages/overview.py")
        assert not at.exception
        assert any("bị hỏng" in e.value and "restore-backup" in e.value for e in at.error)


# -- a full disk ---------------------------------------------------------------------------------


def test_a_full_disk_gives_a_clean_message_and_leaves_no_partial_file(db, tmp_path):
    big = tmp_path / "big.csv"
    frame = big_frame(60_000).assign(status="published", source="A", note="")
    frame[HEADER.strip().split(",")].to_csv(big, index=False)
    with small_disk(db.stat().st_size + 2_500_000) as disk:
        store = disk / db.name
        shutil.copyfile(db, store)
        (disk / "ballast").write_bytes(b"\0" * 2_000_000)
        out = run_cli(store, "import", str(big), "-m", "big")
        refused(out, "Hết dung lượng", "is full: nothing was saved")
        assert revision_ids(store) == [1]
        out = run_cli(db, "backup", str(disk / "b.duckdb"))
        refused(out, "Hết dung lượng", "no partial file was left")
        left = {p.name for p in disk.iterdir()}  # the store (and its log), nothing of the copy
        assert left - {f"{db.name}.wal"} == {"ballast", db.name}
