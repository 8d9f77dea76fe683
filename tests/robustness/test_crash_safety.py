"""A commit killed at any moment leaves the store at the old revision or the new one, complete.

A child process commits a large frame into a real store file; the test SIGKILLs it after a
seeded random delay spread over the commit's measured duration, 20 times, then reopens the
file and checks its content hash and row count, and that the next commit works.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from indicators.core.settings import REPO_ROOT
from indicators.store.revisions import Store
from tests.robustness.big_frames import big_frame

pytestmark = pytest.mark.slow

BASE_ROWS = 50_000  # revision 1
NEW_ROWS = 200_000  # revision 2: the first 50k again (half changed) and 150k new
KILLS = 20


def _worker() -> None:
    """Child process: build revision 2's frame, say 'ready', commit it."""
    store = Store(sys.argv[1])
    frame = big_frame(NEW_ROWS, changed=BASE_ROWS)
    print("ready", flush=True)
    store.commit({"observations": frame}, author="crash", message="big")
    print("done", flush=True)


def start_worker(path: Path) -> subprocess.Popen:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from tests.robustness.test_crash_safety import _worker; _worker()",
            str(path),
        ],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(REPO_ROOT)),
    )
    line = proc.stdout.readline().strip()
    assert line == "ready", proc.stderr.read()
    return proc


def rows_now(store: Store) -> int:
    with store.connect(read_only=True) as con:
        return con.execute("SELECT count(*) FROM observations WHERE rev_to IS NULL").fetchall()[0][
            0
        ]


def test_a_killed_commit_leaves_the_old_or_the_new_revision(tmp_path, catalog, regions):
    base = Store(tmp_path / "base.duckdb")
    base.initialize(catalog, regions)
    base.commit({"observations": big_frame(BASE_ROWS)}, author="t", message="base")
    old_hash = base.content_hash()

    # Uninterrupted runs: how long the commit takes (the faster of two, as other work on the
    # machine only slows it) and what it ends at.
    durations = []
    for n in range(2):
        full = Store(tmp_path / f"full{n}.duckdb")
        shutil.copy(base.path, full.path)
        proc = start_worker(full.path)
        t0 = time.monotonic()
        assert proc.stdout.readline().strip() == "done"
        durations.append(time.monotonic() - t0)  # until commit() returned
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    duration = min(durations)
    new_hash = full.content_hash()
    assert full.current_revision() == 2 and rows_now(full) == NEW_ROWS

    rng = random.Random(20250701)
    # Stratified delays from 0 to 1.3 × the commit's duration: early, middle, late, after.
    delays = [duration * 1.3 * (k + rng.random()) / KILLS for k in range(KILLS)]
    outcomes = []
    for k, delay in enumerate(delays):
        store = Store(tmp_path / f"kill{k}.duckdb")
        shutil.copy(base.path, store.path)
        proc = start_worker(store.path)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        proc.stdout.close()
        proc.stderr.close()

        rev, digest = store.current_revision(), store.content_hash()
        if rev == 1:
            assert digest == old_hash and rows_now(store) == BASE_ROWS, f"kill {k}"
        else:
            assert rev == 2 and digest == new_hash and rows_now(store) == NEW_ROWS, f"kill {k}"
        outcomes.append(rev)
        # The store is usable: the next commit makes the next revision.
        more = store.commit({"observations": big_frame(10, changed=10, every=1)}, message="after")
        assert more.id == rev + 1 and store.current_revision() == rev + 1
        store.path.unlink()

    print(
        f"commit {duration:.2f} s; kills ended at old {outcomes.count(1)}, new {outcomes.count(2)}"
    )
    assert 1 in outcomes  # some kills did land before the commit finished
