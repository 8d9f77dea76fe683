"""The store file when things go wrong: readers that never need to write, a file that may not
be written, a damaged or foreign file, a full disk. Each ends in a worded error that says so
in both languages, never a traceback, and leaves the file as it was.

The read-only disk and the full disk are real (a read-only bind mount, a tiny tmpfs: see
`tests/store/disks.py`), because we run as root and root writes through `chmod`.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from indicators.core.settings import DEFAULT_DATA_DIR, REPO_ROOT
from indicators.service import seed_from
from indicators.store import connection, gate
from indicators.store.connection import (
    StoreDamagedError,
    StoreError,
    StoreFullError,
    StoreReadOnlyError,
)
from indicators.store.revisions import Store
from tests.robustness.big_frames import big_frame
from tests.store.disks import read_only_view, small_disk

ROW = "bts_count,legacy,22327,2021,{v},,,published,Viettel,"


@pytest.fixture
def store(tmp_path, seeded_store) -> Store:
    """A private copy of the seeded store (these tests damage, fill and freeze it)."""
    path = tmp_path / "indicators.duckdb"
    shutil.copyfile(seeded_store.path, path)
    return Store(path)


def _hold(path: Path, *steps: str, read_only: bool = True) -> subprocess.Popen:
    """Another process holding a connection to the file (read-only: a second dashboard;
    read-write: `indicators import` mid-way) after running `steps`, until told to stop."""
    return _holding(
        "import sys, duckdb\n"
        f"con = duckdb.connect({str(path)!r}, read_only={read_only})\n"
        + "".join(f"con.execute({step!r})\n" for step in steps)
        + "print('holding', flush=True)\n"
        "sys.stdin.readline()\n"
    )


def _holding(code: str) -> subprocess.Popen:
    """Another process running `code`, once it has said it is holding the file."""
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "holding"
    return proc


def _in_another_process(code: str) -> subprocess.CompletedProcess:
    """`code` run to its end by another Python process of this checkout (a CLI command)."""
    return subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120
    )


def _hold_read_only(path: Path) -> subprocess.Popen:
    return _hold(path, "SELECT count(*) FROM revisions")


# -- readers open read-only ----------------------------------------------------------------------


def test_two_processes_read_at_once_and_a_writer_waits_for_them(store):
    other = _hold_read_only(store.path)
    try:
        started = time.monotonic()
        assert store.current_revision() == 1  # read beside the other reader, no waiting
        assert time.monotonic() - started < 5
        with pytest.raises(StoreError) as refused:  # a write waits for the readers…
            store.commit({"observations": big_frame(10)}, lock_timeout=1)
        assert refused.value.rule == "store.busy"
        assert "still busy after waiting 1 s" in refused.value.text("en")
    finally:
        other.communicate("stop\n", timeout=30)
    rev = store.commit({"observations": big_frame(10)})  # …and lands once they are gone
    assert rev.id == 2


def _hold_for_writing(path: Path) -> subprocess.Popen:
    """`indicators import` on the same file, having written to it (the file's stamp changed)
    and holding its write lock: it opens the file as the store opens it, so it gets in while
    this process keeps the file open for reading (`store.gate`)."""
    return _holding(
        "import sys\n"
        "from indicators.store import connection\n"
        f"with connection.connect({str(path)!r}, read_only=False, timeout=30) as con:\n"
        "    con.execute('CREATE TABLE scratch AS SELECT 1 AS one')\n"
        "    con.execute('BEGIN TRANSACTION')\n"
        "    print('holding', flush=True)\n"
        "    sys.stdin.readline()\n"
    )


def test_a_process_that_keeps_the_file_open_lets_another_process_write_and_then_sees_it(store):
    """A server keeps its read-only connection between reads (`store.gate`). `indicators
    import` in another process still gets in within a second or so, not after the minute the
    connection would otherwise stay, and the server's next read sees what it wrote."""
    before = len(store.read("observations"))
    assert connection.kept_open(store.path)
    done = _in_another_process(
        "import time\n"
        "from indicators.store.revisions import Store\n"
        "from tests.robustness.big_frames import big_frame\n"
        "started = time.monotonic()\n"
        f"store = Store({str(store.path)!r})\n"
        "rev = store.commit({'observations': big_frame(10)}, lock_timeout=20)\n"
        "print(rev.id, time.monotonic() - started, len(store.read('observations')))\n"
    )
    assert done.returncode == 0, done.stderr
    rev, waited, rows = done.stdout.split()
    assert rev == "2" and float(waited) < 5
    assert store.current_revision() == 2
    assert len(store.read("observations")) == int(rows) > before
    assert not Path(f"{store.path}.writer-waiting").exists()


def test_a_file_copied_over_the_store_by_hand_is_read_afresh(store, tmp_path):
    """Someone copies a backup over the file while the server runs: the connection kept open
    between reads holds the old database, so the next read opens the file again."""
    other = tmp_path / "other.duckdb"
    shutil.copyfile(store.path, other)
    Store(other).commit({"observations": big_frame(10)}, message="elsewhere")
    assert store.current_revision() == 1 and len(store.revisions()) == 1
    assert connection.kept_open(store.path)
    shutil.copyfile(other, store.path)
    assert store.current_revision() == 2
    assert [r.message for r in store.revisions()][-1] == "elsewhere"


def test_a_file_about_to_be_renamed_is_let_go_when_its_last_reader_leaves(store):
    """`connection.let_go` asked while a page reads closes the kept connection as that read
    ends, not a minute later (a backup's checked copy is renamed next)."""
    with store.connect(read_only=True):
        connection.let_go(store.path)
        assert connection.kept_open(store.path)  # still in use
    assert not connection.kept_open(store.path)


@pytest.mark.slow
def test_a_connection_kept_between_reads_gives_its_memory_back_while_nobody_reads(file_store):
    """A kept connection holds the file's blocks it read; a server at national scale went over
    1 GB with them. A few seconds after the last read they are dropped, and the next read has
    its whole memory again (a read of every row, which needs more than the idle limit)."""
    file_store.commit({"observations": big_frame(1_500_000)})
    query = "SELECT * FROM observations"

    def read_all() -> int:
        with file_store.connect(read_only=True) as con:
            return len(con.execute(query).fetchall())

    rows = read_all()
    in_use = connection.kept_bytes(file_store.path)
    assert in_use > 12 * 2**20
    deadline = time.monotonic() + gate.IDLE_SHRINK_S + 3
    while (connection.kept_bytes(file_store.path) or 0) > 8 * 2**20:
        if time.monotonic() > deadline:
            break
        time.sleep(0.1)
    idle = connection.kept_bytes(file_store.path)
    assert idle is not None and idle <= 8 * 2**20  # still kept, but small
    assert read_all() == rows
    assert connection.kept_bytes(file_store.path) > 12 * 2**20


def test_the_revision_on_show_answers_during_another_process_import_and_follows_commits(store):
    """Pages ask the store's revision on every run: while another process imports, they get
    the last one at once instead of freezing; a commit by anyone shows on the next ask."""
    assert store.current_revision() == 1
    other = _hold_for_writing(store.path)
    try:
        started = time.monotonic()
        assert store.current_revision() == 1
        assert time.monotonic() - started < 1
    finally:
        other.communicate("stop\n", timeout=30)
    Store(store.path).commit({"observations": big_frame(10)})  # another server's or the CLI's
    assert store.current_revision() == 2
    Store(store.path).rollback(1)
    assert store.current_revision() == 3


def test_inside_a_process_a_write_waits_for_readers_and_readers_join_a_write(store):
    assert store.current_revision() == 1  # what the pages of this server showed so far
    entered, go_nested, nested, release, done = (threading.Event() for _ in range(5))

    def page_rerun() -> None:  # a session holding a read-only connection
        with store.connect(read_only=True) as con:
            con.execute("SELECT count(*) FROM observations").fetchall()
            entered.set()
            go_nested.wait(30)
            store.revisions()  # a read inside its own read never waits for itself
            nested.set()
            release.wait(30)

    def upload() -> None:
        store.commit({"observations": big_frame(10)}, message="upload")
        done.set()

    reader = threading.Thread(target=page_rerun)
    reader.start()
    assert entered.wait(30)
    writer = threading.Thread(target=upload)
    writer.start()
    assert not done.wait(0.5)  # the upload waits while the page reads…
    go_nested.set()
    assert nested.wait(10)
    late = threading.Thread(target=store.revisions)  # …and new readers wait behind it,
    late.start()
    late.join(0.5)
    assert late.is_alive() and not done.is_set()
    started = time.monotonic()  # but the revision on show answers at once (the last read)
    assert store.current_revision() == 1 and time.monotonic() - started < 0.5
    release.set()
    assert done.wait(60)
    for t in (reader, writer, late):
        t.join(60)

    with store.connect() as con:  # an upload holding its connection, mid-transaction
        con.execute("BEGIN TRANSACTION")
        con.execute("UPDATE observations SET value = -1")
        seen = []
        other = threading.Thread(target=lambda: seen.append(store.current_revision()))
        other.start()
        other.join(10)
        assert seen == [2]  # another session's read joins it at once and sees committed data
        con.execute("ROLLBACK")


def test_a_read_only_store_file_serves_and_refuses_writes_in_words(store, catalog, regions):
    before = store.content_hash()
    with read_only_view(store.path.parent) as view:
        frozen = Store(view / store.path.name)
        assert seed_from(DEFAULT_DATA_DIR, frozen) is None  # the start writes nothing
        legacy_only = regions[regions["unit_list"] == "legacy"]
        frozen.initialize(catalog, legacy_only)  # new configuration: served as it is
        assert frozen.current_revision() == 1
        assert frozen.content_hash() == before
        assert len(frozen.read("observations")) > 1000
        assert frozen.preview({"observations": big_frame(10)}).rows_new == 10
        with pytest.raises(StoreReadOnlyError) as refused:
            frozen.commit({"observations": big_frame(10)})
        assert "Read-only file system" in refused.value.text("en")
        assert "chỉ cho phép đọc" in refused.value.text("vi")
    assert store.revisions()[-1].id == 1 and store.content_hash() == before


# -- damaged and foreign files -------------------------------------------------------------------


def _truncated(store: Store) -> Store:
    os.truncate(store.path, os.path.getsize(store.path) // 2)
    return store


def _garbage(store: Store) -> Store:
    store.path.write_bytes(os.urandom(300_000))
    return store


def _sqlite(store: Store) -> Store:
    store.path.unlink()
    with sqlite3.connect(store.path) as con:
        con.execute("CREATE TABLE t (a)")
    return store


def _torn_blocks(store: Store) -> Store:
    size = os.path.getsize(store.path)
    with open(store.path, "r+b") as f:  # the middle of the file overwritten, header intact
        f.seek(size // 4)
        f.write(os.urandom(size // 2))
    return store


@pytest.mark.parametrize("damage", [_truncated, _garbage, _sqlite, _torn_blocks])
def test_a_damaged_store_is_named_as_damaged_and_left_untouched(store, damage):
    damaged = damage(store)
    kept = damaged.path.read_bytes()
    started = time.monotonic()
    with pytest.raises(StoreDamagedError) as found:
        seed_from(DEFAULT_DATA_DIR, damaged)
        damaged.content_hash()  # a torn data block shows when its rows are read
    assert time.monotonic() - started < 10  # no waiting, no extension download
    assert str(damaged.path) in found.value.text("en")
    assert "is damaged or is not a store file" in found.value.text("en")
    assert "bị hỏng" in found.value.text("vi") and "restore-backup" in found.value.text("vi")
    assert damaged.path.read_bytes() == kept
    assert not Path(f"{damaged.path}.wal").exists()


def test_another_programs_duckdb_file_is_refused_untouched(tmp_path):
    path = tmp_path / "sales.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE invoices AS SELECT 1 AS id")
    con.close()
    kept = path.read_bytes()
    with pytest.raises(StoreDamagedError) as found:
        seed_from(DEFAULT_DATA_DIR, Store(path))
    assert found.value.rule == "store.not_ours"
    assert "invoices" in found.value.text("en") and "INDICATORS_DB" in found.value.text("vi")
    assert path.read_bytes() == kept


# -- a full disk ---------------------------------------------------------------------------------


def test_a_full_disk_rolls_the_write_back_and_says_so(store):
    before = (store.current_revision(), store.content_hash())
    with small_disk(os.path.getsize(store.path) + 3_000_000) as disk:
        full = Store(disk / "indicators.duckdb")
        shutil.copyfile(store.path, full.path)
        ballast = disk / "other-files"
        ballast.write_bytes(b"\0" * 2_000_000)
        with pytest.raises(StoreFullError) as found:
            full.commit({"observations": big_frame(300_000)}, message="too big")
        assert "The disk holding" in found.value.text("en")
        assert "nothing was saved" in str(found.value) and "Hết dung lượng" in str(found.value)
        assert (full.current_revision(), full.content_hash()) == before
        ballast.unlink()  # the administrator frees some space
        assert full.commit({"observations": big_frame(5)}, message="small").id == 2
        assert full.content_hash(1) == before[1]


def test_the_cli_process_sees_a_read_only_connection_as_read_only(store):
    """A reader in another process uses DuckDB's shared lock: it never blocks this one."""
    out = _in_another_process(
        "from indicators.store.revisions import Store\n"
        f"s = Store({str(store.path)!r})\n"
        "with s.connect(read_only=True) as con:\n"
        "    print(con.execute(\"SELECT current_setting('access_mode')\").fetchall()[0][0])\n"
    )
    assert out.stdout.strip() == "read_only", out.stderr
