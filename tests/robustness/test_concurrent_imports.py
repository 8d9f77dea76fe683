"""Two imports from two processes at once both land, one after the other; readers never see
half of one.

DuckDB lets one process open a file for writing at a time; the store retries while another
process holds it, so simultaneous imports are serialised into consecutive revisions. On
PostgreSQL each process stands for another app server, with its own local copy, and the
store's write lock serialises them the same way.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from indicators.core.settings import REPO_ROOT
from indicators.store.location import store_at
from indicators.store.revisions import Store, content_hash
from tests.conftest import BACKENDS, location_of, new_store
from tests.robustness.big_frames import big_frame

pytestmark = pytest.mark.slow

ROWS = 60_000  # per file; disjoint keys
HEADER = "indicator,unit_list,region,period,value,numerator,denominator,status,source,note\n"


def _python(code: str, *args: object) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", code, *map(str, args)],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(REPO_ROOT)),
    )


def _importer() -> None:
    """Child: build file number `which`, say ready, wait for the 'go' file, commit."""
    location, which, go, copy = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
    frame = big_frame(ROWS, start=which * ROWS)
    data = f"file {which}".encode()
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.005)
    asked = time.time()
    rev = store_at(location, copy).commit(
        {"observations": frame}, author=f"analyst{which}", file_name=f"f{which}.csv", data=data
    )
    print(json.dumps({"asked": asked, "done": time.time(), "rev": rev.id}), flush=True)


def _reader() -> None:
    """Child: read the current revision, its row count and content hash until it sees
    revision `last` (each read waits while an import holds the file)."""
    store, last = store_at(sys.argv[1], sys.argv[3]), int(sys.argv[2])
    deadline = time.time() + 180
    rev = 0
    while rev < last and time.time() < deadline:
        with store.connect(read_only=True) as con:
            rev = con.execute("SELECT max(id) FROM revisions").fetchall()[0][0]
            n = con.execute("SELECT count(*) FROM observations WHERE rev_to IS NULL").fetchall()
        line = {"rev": rev, "hash": store.content_hash(rev), "rows": n[0][0]}
        print(json.dumps(line), flush=True)


@pytest.fixture(params=BACKENDS)
def base(request, tmp_path, catalog, regions) -> Store:
    store = new_store(request.param, tmp_path, request)
    store.initialize(catalog, regions)
    store.commit({"observations": big_frame(1000, start=2 * ROWS)}, message="base")
    return store


def test_two_processes_importing_at_once_both_land(base, tmp_path):
    go = tmp_path / "go"
    reader = _python(
        "from tests.robustness.test_concurrent_imports import _reader; _reader()",
        location_of(base), 3, tmp_path / "reader.duckdb",
    )  # fmt: skip
    first_read = reader.stdout.readline()  # it reads before the imports start
    procs = [
        _python("from tests.robustness.test_concurrent_imports import _importer; _importer()",
                location_of(base), which, go, tmp_path / f"importer{which}.duckdb")
        for which in (0, 1)
    ]  # fmt: skip
    for p in procs:
        assert p.stdout.readline().strip() == "ready", p.stderr.read()
    go.touch()  # both commit from the same moment
    results = []
    for p in procs:
        out, err = p.communicate(timeout=240)
        assert p.returncode == 0, err
        results.append(json.loads(out))
    seen_out, err = reader.communicate(timeout=240)
    assert reader.returncode == 0, err
    seen_out = first_read + seen_out

    # Both started before either finished: one really waited for the other.
    first, second = sorted(results, key=lambda r: r["done"])
    assert second["asked"] < first["done"]
    assert sorted(r["rev"] for r in results) == [2, 3]

    revs = base.revisions()
    assert [r.id for r in revs] == [1, 2, 3]
    by_file = {r.file_name: r for r in revs[1:]}
    for which in (0, 1):
        rev = by_file[f"f{which}.csv"]
        assert rev.author == f"analyst{which}"
        assert rev.content_hash == content_hash(f"file {which}".encode())
        assert (rev.rows_new, rev.rows_changed) == (ROWS, 0)
    current = base.read("observations")
    assert len(current) == 1000 + 2 * ROWS  # nothing lost
    for which in (0, 1):
        expected = big_frame(ROWS, start=which * ROWS)
        got = current.merge(expected, on=["indicator", "region", "period"], suffixes=("", "_f"))
        assert len(got) == ROWS and (got["value"] == got["value_f"]).all()
    # The earlier revision holds the base and its own file only.
    assert len(base.read("observations", rev=2)) == 1000 + ROWS

    # The reader saw only whole revisions: each (revision, hash, rows) is one of the three.
    whole = {r: (base.content_hash(r), 1000 + (r - 1) * ROWS) for r in (1, 2, 3)}
    seen = pd.DataFrame([json.loads(line) for line in seen_out.splitlines()])
    assert seen["rev"].nunique() >= 2  # it read before and after the imports
    for row in seen.itertuples():
        assert (row.hash, row.rows) == whole[row.rev]


@pytest.mark.parametrize("backend", BACKENDS)
def test_two_cli_imports_at_once_both_land(backend, tmp_path, request):
    """The analysts' command line, twice at the same moment, on one store."""
    store = new_store(backend, tmp_path, request)
    env = dict(os.environ, INDICATORS_DB=location_of(store), INDICATORS_MIRROR=str(store.path))

    def cli(*args: str) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "-m", "indicators.cli", *args],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    assert cli("init").wait(timeout=120) == 0
    files = []
    for which, region in enumerate(("22327", "22330")):
        path = tmp_path / f"bts{which}.csv"
        rows = [f"bts_count,legacy,{region},{y},{y - 2000 + which},,,published,VNPT,"
                for y in range(2001, 2025)]  # fmt: skip
        path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
        files.append(path)
    procs = [cli("import", str(p), "-m", p.stem) for p in files]
    for p in procs:
        out, err = p.communicate(timeout=240)
        assert p.returncode == 0, err
    history = cli("history")
    out, _ = history.communicate(timeout=120)
    lines = pd.read_csv(io.StringIO(out))
    assert lines["id"].tolist() == [1, 2, 3]
    assert sorted(lines["message"][1:]) == ["bts0", "bts1"]
    current = store.read("observations")
    for which, region in enumerate(("22327", "22330")):
        got = current[(current["indicator"] == "bts_count") & (current["region"] == region)]
        got = got[got["period"].str.fullmatch(r"20\d\d")].set_index("period")["value"]
        assert got.loc["2001"] == 1 + which and got.loc["2024"] == 24 + which
