"""A backup is the whole store file, taken while others read and write, and kept only once a
reopened copy matches; a restore checks the backup first and keeps the store it replaces."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from indicators.core.settings import REPO_ROOT
from indicators.store.backup import BackupError, backup, fingerprint, restore
from indicators.store.connection import StoreDamagedError
from indicators.store.revisions import Store
from tests.robustness.big_frames import big_frame


@pytest.fixture
def store(tmp_path, seeded_store) -> Store:
    path = tmp_path / "live" / "indicators.duckdb"
    path.parent.mkdir()
    shutil.copyfile(seeded_store.path, path)
    return Store(path)


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_backup_carries_every_table_even_ones_it_does_not_know(store, tmp_path):
    with store.connect() as con:  # e.g. a table a later version adds (accounts, audit…)
        con.execute("CREATE TABLE later_table (id INTEGER PRIMARY KEY, who VARCHAR UNIQUE)")
        con.execute("INSERT INTO later_table VALUES (1, 'an'), (2, 'bình')")
    done = backup(store, tmp_path / "b.duckdb")
    copy = Store(tmp_path / "b.duckdb")
    assert fingerprint(copy) == done == fingerprint(store)
    assert done.tables["later_table"][0] == 2 and done.revision == 1
    assert {"observations", "revisions", "meta", "catalog", "regions"} <= done.tables.keys()
    assert copy.revisions() == store.revisions()
    with copy.connect() as con, pytest.raises(duckdb.ConstraintException):
        con.execute("INSERT INTO later_table VALUES (3, 'an')")  # constraints came along
    assert files_in(tmp_path) == ["b.duckdb", "live"]


def test_a_backup_taken_while_imports_land_is_one_whole_revision(store, tmp_path):
    stop = threading.Event()

    def imports() -> None:
        start = 0
        while not stop.is_set():
            store.commit({"observations": big_frame(2_000, start=start)}, message="busy")
            start += 2_000

    writer = threading.Thread(target=imports)
    writer.start()
    try:
        taken = [backup(store, tmp_path / f"b{n}.duckdb") for n in range(3)]
    finally:
        stop.set()
        writer.join()
    for n, done in enumerate(taken):
        copy = Store(tmp_path / f"b{n}.duckdb")
        assert copy.current_revision() == done.revision
        assert copy.content_hash() == store.content_hash(done.revision)  # a whole revision
    assert store.current_revision() > 1


def _commit_and_die(path: Path) -> None:
    """Child: commit a revision, then write one more row and die without closing: that row
    is only in the write-ahead log beside the file."""
    code = (
        "import os\n"
        "from indicators.store import connection\n"
        "from indicators.store.revisions import Store\n"
        "from tests.robustness.big_frames import big_frame\n"
        f"s = Store({str(path)!r})\n"
        "s.commit({'observations': big_frame(50)}, message='before the crash')\n"
        "with connection.connect(s.path, read_only=False, timeout=60) as con:\n"
        "    con.execute(\"INSERT INTO meta VALUES ('crash', 'yes')\")\n"
        "    os._exit(0)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr


def test_a_log_left_by_a_crash_goes_into_the_backup(store, tmp_path):
    _commit_and_die(store.path)
    assert Path(f"{store.path}.wal").exists()
    done = backup(store, tmp_path / "b.duckdb")
    copy = Store(tmp_path / "b.duckdb")
    assert copy.current_revision() == done.revision == 2
    assert not Path(f"{copy.path}.wal").exists()  # the copy is one self-contained file
    with copy.connect(read_only=True) as con:
        assert con.execute("SELECT value FROM meta WHERE key = 'crash'").fetchall() == [("yes",)]


def test_backup_refusals_leave_everything_as_it_was(store, tmp_path):
    target = tmp_path / "b.duckdb"
    target.write_text("yesterday's backup")
    cases = [
        (lambda: backup(store, target), "backup.exists"),
        (lambda: backup(store, tmp_path / "no" / "b.duckdb"), "backup.no_folder"),
        (lambda: backup(store, store.path, force=True), "backup.same_file"),
        (lambda: backup(Store(tmp_path / "none.duckdb"), tmp_path / "c"), "backup.no_store"),
    ]
    for attempt, rule in cases:
        with pytest.raises(BackupError) as refused:
            attempt()
        assert refused.value.rule == rule
    assert target.read_text() == "yesterday's backup"
    assert files_in(tmp_path) == ["b.duckdb", "live"]
    backup(store, target, force=True)
    assert Store(target).current_revision() == 1


def test_restore_keeps_the_current_store_and_readers_see_the_backup(store, tmp_path):
    saved = backup(store, tmp_path / "b.duckdb")
    store.commit({"observations": big_frame(100)}, message="after the backup")
    after = fingerprint(store)
    assert store.current_revision() == 2  # this process has read the store: it is open again

    found, kept = restore(store, tmp_path / "b.duckdb")
    assert found == saved == fingerprint(store)
    assert store.current_revision() == 1 and store.content_hash() == saved.content_hash
    assert fingerprint(Store(kept)) == after and kept.name.startswith("indicators.duckdb.before")
    assert files_in(store.path.parent) == sorted([store.path.name, kept.name])
    assert store.commit({"observations": big_frame(5)}, message="on").id == 2


def test_restore_waits_for_a_read_in_progress(store, tmp_path):
    backup(store, tmp_path / "b.duckdb")
    store.commit({"observations": big_frame(100)}, message="after the backup")
    reading, release, seen, times = threading.Event(), threading.Event(), [], {}

    def page() -> None:
        with store.connect(read_only=True) as con:
            reading.set()
            release.wait(30)
            seen.append(con.execute("SELECT max(id) FROM revisions").fetchall()[0][0])

    def restorer() -> None:
        restore(store, tmp_path / "b.duckdb")
        times["restored"] = time.monotonic()

    threads = [threading.Thread(target=page), threading.Thread(target=restorer)]
    threads[0].start()
    assert reading.wait(30)
    threads[1].start()
    time.sleep(4)  # the restore checks its copy (about a second), then waits for the read
    times["released"] = time.monotonic()
    release.set()
    for t in threads:
        t.join(60)
    assert times["restored"] > times["released"]
    assert seen == [2] and store.current_revision() == 1


@pytest.mark.parametrize("kind", ["torn", "garbage", "foreign", "no_revisions"])
def test_a_bad_backup_is_refused_and_the_store_untouched(store, tmp_path, kind, catalog, regions):
    bad = tmp_path / "bad.duckdb"
    if kind == "torn":
        backup(store, bad)
        os.truncate(bad, bad.stat().st_size // 2)
    elif kind == "garbage":
        bad.write_bytes(os.urandom(200_000))
    elif kind == "foreign":
        con = duckdb.connect(str(bad))
        con.execute("CREATE TABLE invoices AS SELECT 1 AS id")
        con.close()
    else:
        Store(bad).initialize(catalog, regions)
    before = (store.path.read_bytes(), files_in(store.path.parent))
    with pytest.raises(BackupError) as refused:
        restore(store, bad)
    rule = "backup.no_revisions" if kind == "no_revisions" else "backup.damaged"
    assert refused.value.rule == rule
    assert "the store was not changed" in refused.value.text("en")
    assert (store.path.read_bytes(), files_in(store.path.parent)) == before


def test_a_damaged_store_is_replaced_and_kept_for_a_look(store, tmp_path):
    saved = backup(store, tmp_path / "b.duckdb")
    os.truncate(store.path, 5_000)
    with pytest.raises(StoreDamagedError):
        store.current_revision()
    found, kept = restore(store, tmp_path / "b.duckdb")
    assert found == saved == fingerprint(store)
    assert kept.stat().st_size == 5_000


def test_a_backup_restores_where_there_was_no_store(tmp_path, seeded_store):
    fresh = Store(tmp_path / "new" / "indicators.duckdb")
    found, kept = restore(fresh, seeded_store.path)
    assert kept is None and found == fingerprint(seeded_store) == fingerprint(fresh)
