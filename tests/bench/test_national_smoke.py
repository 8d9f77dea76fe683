"""The national-scale benchmark in small, so CI runs the scripts a ministry's figures come from
(issue 15): `bench/national_store.py --scale 0.01` builds its store on both backends, and
`bench/national_speed.py --smoke` opens every page of it in Chromium and changes filters. No
timing is judged here; the run must finish, with every page answering and the store whole."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from indicators.core.settings import REPO_ROOT
from indicators.store.location import store_at
from tests.conftest import BACKENDS, location_of, new_store

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def run(*args: str, timeout: float = 900) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=REPO_ROOT, capture_output=True, text=True,
        timeout=timeout, env=dict(os.environ, PYTHONPATH=str(REPO_ROOT)),
    )  # fmt: skip


@pytest.fixture(params=BACKENDS)
def smoke_store(request, tmp_path):
    """The 1% national store, built by the benchmark's own script on one backend."""
    store = new_store(request.param, tmp_path, request)
    folder = tmp_path / "install"
    done = run("bench/national_store.py", "--db", location_of(store), "--scale", "0.01",
               "--data-dir", str(folder))  # fmt: skip
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    return store, folder


def test_the_national_store_script_builds_a_whole_illustrative_store(smoke_store):
    store, folder = smoke_store
    built = json.loads((folder / "build.json").read_text(encoding="utf-8"))
    reader = store_at(location_of(store), store.path.with_name("reader.duckdb"))
    current = reader.read("observations")
    assert len(current) > 50_000 and len(current) == built["observations"]
    assert set(current["status"]) == {"illustrative"}  # every made-up row says so
    assert set(current["unit_list"]) == {"legacy", "2025"}
    assert reader.current_revision() == len(reader.revisions()) > 1


def test_the_speed_script_opens_every_page_of_the_small_store(tmp_path):
    out, db, folder = tmp_path / "speed.md", tmp_path / "smoke.duckdb", tmp_path / "install"
    args = ["--smoke", "--db", str(db), "--data-dir", str(folder), "--out", str(out)]
    done = run("bench/national_speed.py", *args, timeout=1500)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    table = out.read_text(encoding="utf-8")
    assert "not judged (smoke)" in table and "Overview" in table and "Trends" in table
    assert "Errors shown" not in table, table
    # an analyst's correction went through the Upload page's check and was saved
    upload = next(line for line in table.splitlines() if line.startswith("| Upload (admin)"))
    assert "failed" not in upload and re.search(r"\| \d+\.\d\d s \|", upload), upload
