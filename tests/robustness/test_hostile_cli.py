"""Hostile files through the analysts' command line: refused cleanly, fast, in bounded memory.

Each file of `hostile_files.HOSTILE` goes through `indicators validate` and `indicators import`
as a child process on a seeded store. The child's peak memory is the high-water mark of its own
memory (/proc's VmHWM, read every 10 ms while it runs: `os.wait4`'s ru_maxrss would also count
the memory of this test process it was started from, which passes 1 GB late in a full run), its
processor time from the kernel (ru_utime + ru_stime), its wall time from the clock: under 1 GB
and 10 s of processor time (before the limits, a 2 KB workbook took the CLI to 5.4 GB and was
killed at 120 s). Wall time gets room for a machine shared with other work: on a quiet machine
each run takes 1-3 s, most of it the CLI's start. The refusal is in Vietnamese
and English and says what was wrong, no traceback; the store's revision and data are unchanged.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook

from indicators.core.i18n import t
from indicators.store.revisions import Store
from tests.conftest import DATA
from tests.robustness.hostile_files import EXPECTED, HOSTILE

pytestmark = pytest.mark.slow

MAX_SECONDS = 10.0  # processor time of the child
MAX_WALL_SECONDS = 30.0
MAX_MB = 1024
COMMANDS = {"validate": [], "import": ["-m", "hostile file"]}


@dataclass
class Run:
    code: int
    seconds: float  # wall time
    cpu_seconds: float
    peak_mb: float
    out: str
    err: str


def run_cli(args: list[str], env: dict[str, str], folder: Path, limit: float = 60.0) -> Run:
    """`indicators ARGS` as a child process: its exit code, wall time and peak memory."""
    out, err = folder / "stdout.txt", folder / "stderr.txt"
    cmd = [sys.executable, "-m", "indicators.cli", *args]
    start = time.perf_counter()
    with out.open("wb") as o, err.open("wb") as e:
        child = subprocess.Popen(cmd, env=env, stdout=o, stderr=e, stdin=subprocess.DEVNULL)
    peak = 0.0
    while True:  # os.wait4 reaps the child and reports its processor time
        peak = max(peak, _high_water_mb(child.pid))
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - start > limit:
            os.kill(child.pid, signal.SIGKILL)
            pid, status, usage = os.wait4(child.pid, 0)
            break
        time.sleep(0.01)
    child.returncode = os.waitstatus_to_exitcode(status)  # Popen must not wait for it again
    seconds = time.perf_counter() - start
    return Run(
        child.returncode,
        seconds,
        usage.ru_utime + usage.ru_stime,
        peak,
        out.read_text(encoding="utf-8", errors="replace"),
        err.read_text(encoding="utf-8", errors="replace"),
    )


def _high_water_mb(pid: int) -> float:
    """The most resident memory process `pid` has had since it started its program (0 once
    it has ended)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    line = next((x for x in status.splitlines() if x.startswith("VmHWM:")), None)
    return int(line.split()[1]) / 1024 if line else 0.0  # kilobytes


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    return {name: make(folder) for name, make in HOSTILE.items()}


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory) -> tuple[dict[str, str], Store]:
    """A store seeded by `indicators init`, and the environment that points the CLI at it."""
    db = tmp_path_factory.mktemp("store") / "indicators.duckdb"
    env = dict(os.environ, INDICATORS_DB=str(db), PYTHONIOENCODING="utf-8")
    seeded = run_cli(["init"], env, db.parent)
    assert seeded.code == 0, seeded.err
    return env, Store(db)


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_file_is_refused_fast_in_bounded_memory(case, command, hostile, cli_env, tmp_path):
    env, store = cli_env
    rev, content = store.current_revision(), store.content_hash()
    run = run_cli([command, str(hostile[case]), *COMMANDS[command]], env, tmp_path)
    said = run.out + run.err
    assert run.code == 1, said
    assert "Traceback" not in said
    assert EXPECTED[case] in said, said  # the English half names what is wrong
    assert t("upload.rejected", "vi") in said or t("upload.nothing_stored", "vi") in said
    assert run.cpu_seconds < MAX_SECONDS, f"{case}: {run.cpu_seconds:.1f} s of processor time"
    assert run.seconds < MAX_WALL_SECONDS, f"{case}: {run.seconds:.1f} s"
    assert run.peak_mb < MAX_MB, f"{case}: {run.peak_mb:.0f} MB"
    assert (store.current_revision(), store.content_hash()) == (rev, content)


def test_normal_files_still_validate(cli_env, tmp_path):
    """2,000 rows of the bundled data, as CSV and as an XLSX written by openpyxl, pass the
    limits untouched (no regression)."""
    env, _ = cli_env
    rows = pd.read_csv(DATA / "observations.csv", dtype=str, keep_default_na=False).head(2_000)
    csv_file = tmp_path / "normal.csv"
    csv_file.write_bytes(rows.to_csv(index=False).encode("utf-8-sig"))
    xlsx_file = tmp_path / "normal.xlsx"
    wb = Workbook()
    wb.active.append(list(rows.columns))
    for row in rows.itertuples(index=False):
        wb.active.append(list(row))
    wb.save(xlsx_file)
    for path in (csv_file, xlsx_file):
        run = run_cli(["validate", str(path)], env, tmp_path)
        assert run.code == 0, run.out + run.err
        assert "2000 rows read, 2000 valid, 0 errors" in run.out, run.out
