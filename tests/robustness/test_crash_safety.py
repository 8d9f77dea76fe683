"""A commit killed at any moment leaves the store at the old revision or the new one, complete.

A child process commits a large frame into a real store (a DuckDB file, or a PostgreSQL
database the child reaches through its own local copy); the test SIGKILLs it after a seeded
random delay spread over the commit's measured duration, 20 times, then reopens the store and
checks its content hash and row count, and that the next commit works.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from indicators.core.settings import REPO_ROOT
from indicators.store.location import store_at
from indicators.store.revisions import Store
from tests.conftest import BACKENDS, clone_store, location_of, new_store
from tests.robustness.big_frames import big_frame

pytestmark = pytest.mark.slow

# backend → rows of revision 1, rows of revision 2 (the first ones again, half changed, and
# the rest new), kills. PostgreSQL's commit runs in the server and the child also fills its
# local copy, so fewer rows and kills keep the test within its time; the moments still spread
# over the whole commit.
SIZES = {"duckdb": (50_000, 200_000, 20), "postgresql": (20_000, 80_000, 12)}


def _worker() -> None:
    """Child process: build revision 2's frame, say 'ready', commit it."""
    store = store_at(sys.argv[1], sys.argv[2])
    base_rows, new_rows = int(sys.argv[3]), int(sys.argv[4])
    frame = big_frame(new_rows, changed=base_rows)
    print("ready", flush=True)
    store.commit({"observations": frame}, author="crash", message="big")
    print("done", flush=True)


def start_worker(store: Store, base_rows: int, new_rows: int) -> subprocess.Popen:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from tests.robustness.test_crash_safety import _worker; _worker()",
            location_of(store),
            str(store.path.with_name(f"child-{store.path.name}")),
            str(base_rows),
            str(new_rows),
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


@pytest.mark.timeout(900)
@pytest.mark.parametrize("backend", BACKENDS)
def test_a_killed_commit_leaves_the_old_or_the_new_revision(
    backend, tmp_path, catalog, regions, request
):
    base_rows, new_rows, kills = SIZES[backend]
    base = new_store(backend, tmp_path, request)
    base.initialize(catalog, regions)
    base.commit({"observations": big_frame(base_rows)}, author="t", message="base")
    old_hash = base.content_hash()

    # Uninterrupted runs: how long the commit takes (the faster of two, as other work on the
    # machine only slows it) and what it ends at.
    durations = []
    for n in range(2):
        full = clone_store(base, tmp_path / f"full{n}.duckdb", request)
        proc = start_worker(full, base_rows, new_rows)
        t0 = time.monotonic()
        assert proc.stdout.readline().strip() == "done"
        durations.append(time.monotonic() - t0)  # until commit() returned
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    duration = min(durations)
    new_hash = full.content_hash()
    assert full.current_revision() == 2 and rows_now(full) == new_rows

    rng = random.Random(20250701)
    # Stratified delays from 0 to 1.3 × the commit's duration: early, middle, late, after.
    delays = [duration * 1.3 * (k + rng.random()) / kills for k in range(kills)]
    outcomes = []
    for k, delay in enumerate(delays):
        store = clone_store(base, tmp_path / f"kill{k}.duckdb", request)
        proc = start_worker(store, base_rows, new_rows)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        proc.stdout.close()
        proc.stderr.close()

        rev, digest = store.current_revision(), store.content_hash()
        if rev == 1:
            assert digest == old_hash and rows_now(store) == base_rows, f"kill {k}"
        else:
            assert rev == 2 and digest == new_hash and rows_now(store) == new_rows, f"kill {k}"
        outcomes.append(rev)
        # The store is usable: the next commit makes the next revision.
        more = store.commit({"observations": big_frame(10, changed=10, every=1)}, message="after")
        assert more.id == rev + 1 and store.current_revision() == rev + 1
        store.path.unlink()

    print(
        f"commit {duration:.2f} s; kills ended at old {outcomes.count(1)}, new {outcomes.count(2)}"
    )
    assert 1 in outcomes  # some kills did land before the commit finished
