"""Validate + commit of a 1,000,000-row long CSV, against a bare `duckdb.read_csv` of the same file.

    .venv/bin/python bench/import_1m.py [--rows 1000000] [--runs 3] [--db postgresql]

The file holds valid monthly counts for real unit codes (old Khánh Hòa and Ninh Thuận: 212
units, 21 count indicators, months 2001–2024), written as Excel would save it (UTF-8 with a BOM,
periods as 06/2020). Each run, in one process and one after the other:

- `duckdb.read_csv(file).df()`: the floor, reading the same file into a DataFrame with pandas'
  defaults; and again with texts as Python strings, as the package keeps them outside ingest;
- `check_upload` (the Upload page's and CLI's check: read, reshape, validate every cell);
- `Store.preview` against a fresh store (what the page shows before saving);
- `Store.commit` into that fresh store (one revision, 1M new rows);
- the same file committed again (every row unchanged: what a re-upload costs).

The check runs under upload limits raised for a million rows, as a national install would set
them under `[uploads]` in settings.toml (the defaults refuse a file of more than 200,000 rows
while it is read): the limits are still checked, on every row.

`--db postgresql` commits into a new database on a throw-away local PostgreSQL each run
(bench/_local_postgres.py), through the store interface as an app server does: staged in its
local DuckDB copy, then pushed (the copy's time included).

Writes bench/results/import_1m.md (with `--db postgresql`: import_1m_postgresql.md) with the
median of the runs and rows per second.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import psycopg

from indicators.core.catalog import load_catalog
from indicators.core.limits import UploadLimits
from indicators.core.settings import DEFAULT_DATA_DIR, load_settings
from indicators.geography.units import LEGACY, build_regions
from indicators.ingest.check import check_upload
from indicators.store.location import store_at
from indicators.store.revisions import Store

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # tests.services (the throw-away PostgreSQL)
    sys.path.insert(0, str(ROOT))

from _local_postgres import OWN, database  # noqa: E402

OUT = ROOT / "bench" / "results" / "import_1m.md"
# `[uploads]` of an install that takes a million-row file (the defaults stop at 200,000 rows)
LIMITS = UploadLimits(max_mb=100, max_rows=1_100_000, max_cells=15_000_000)


def write_csv(path: Path, rows: int, catalog, regions) -> None:
    """A long CSV of valid observations: real indicator and unit codes, many months."""
    codes = np.array([i.code for i in catalog if i.kind == "count"])
    units = regions[regions["unit_list"] == LEGACY]
    months = pd.period_range("2001-01", "2024-12", freq="M")
    grid = np.indices((len(codes), len(units), len(months))).reshape(3, -1)
    if rows > grid.shape[1]:
        raise SystemExit(f"at most {grid.shape[1]} rows")
    i, u, m = grid[:, :rows]
    frame = pd.DataFrame(
        {
            "indicator": codes[i],
            "unit_list": LEGACY,
            "region": units["code"].to_numpy()[u],
            "region_name": units["name"].to_numpy()[u],
            "period": months.strftime("%m/%Y").to_numpy()[m],
            "value": (i * 7 + u * 3 + m) % 997,
            "numerator": "",
            "denominator": "",
            "status": "published",
            "source": "bench",
            "note": "",
        }
    )
    frame.to_csv(path, index=False, encoding="utf-8-sig")


def timed(fn):
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


@contextlib.contextmanager
def fresh_store(backend: str, workdir: Path, n: int):
    """A new empty store of `backend` for run `n`, removed afterwards."""
    if backend != OWN:
        store = Store(workdir / f"run{n}.duckdb")
        yield store
        store.path.unlink()
        return
    with database(OWN) as (url, _):
        yield store_at(url, workdir / f"copy{n}.duckdb")


def one_run(path: Path, catalog, regions, workdir: Path, n: int, backend: str) -> dict[str, float]:
    with fresh_store(backend, workdir, n) as store:
        return timed_steps(path, catalog, regions, store)


def bare_read(path: Path) -> pd.DataFrame:
    """The floor: DuckDB's reader into a DataFrame as a script that sets nothing gets it, texts
    Arrow-backed (pandas' default). The package keeps texts as Python strings
    (`indicators/__init__.py`), into which DuckDB converts faster; that read is timed too."""
    with pd.option_context("mode.string_storage", "pyarrow"):
        return duckdb.read_csv(str(path)).df()


def timed_steps(path: Path, catalog, regions, store: Store) -> dict[str, float]:
    times: dict[str, float] = {}
    times["read_csv"], df = timed(lambda: bare_read(path))
    rows = len(df)
    del df
    times["read_csv_python"], df = timed(lambda: duckdb.read_csv(str(path)).df())
    del df
    store.initialize(catalog, regions)
    data = path.read_bytes()

    def check():
        return check_upload(
            data,
            path.name,
            catalog,
            regions,
            history=partial(store.read, "observations"),
            max_bytes=LIMITS.max_bytes,
            limits=LIMITS,
        )

    times["validate"], checked = timed(check)
    if not checked.ok or len(checked.frame) != rows:
        raise SystemExit(f"bench file not valid: {checked.summary('en')}")
    frames = {"observations": checked.frame}
    times["preview"], preview = timed(lambda: store.preview(frames, limit=1000))
    assert preview.rows_new == rows
    times["commit"], rev = timed(lambda: store.commit(frames, file_name=path.name, data=data))
    assert rev.rows_new == rows
    times["recommit"], again = timed(lambda: store.commit(frames, file_name=path.name, data=data))
    assert again.rows_unchanged == rows
    times["validate_commit"] = times["validate"] + times["commit"]
    if getattr(store, "shared", False):
        times.update(other_server(store, rows))
    return times


def other_server(store, rows: int) -> dict[str, float]:
    """On PostgreSQL: what the commit left for the other servers, which read the revision's
    blocks into their own copies, and the blocks' size in the database."""
    other = store_at(store.url, store.path.with_name(f"{store.path.stem}-other.duckdb"))
    took, rev = timed(other.current_revision)
    with other.connect(read_only=True) as con:
        held = con.execute("SELECT count(*) FROM observations WHERE rev_to IS NULL").fetchall()
    assert rev == store.current_revision() and held == [(rows,)]
    with psycopg.connect(store.url) as pgcon:
        size = pgcon.execute("SELECT sum(octet_length(data)) FROM revision_parts").fetchone()[0]
    return {"other_server": took, "blocks_mb": size / 1e6}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--db", choices=("duckdb", OWN), default="duckdb", help="the store's backend")
    args = ap.parse_args()
    out = OUT if args.db == "duckdb" else OUT.with_name(f"import_1m_{args.db}.md")

    catalog = load_catalog(DEFAULT_DATA_DIR / "catalog.csv")
    regions = build_regions(load_settings(DEFAULT_DATA_DIR).region_sources)
    load = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        path = work / "observations_1m.csv"
        write_csv(path, args.rows, catalog, regions)
        size_mb = path.stat().st_size / 1e6
        runs = []
        for n in range(args.runs):
            runs.append(one_run(path, catalog, regions, work, n, args.db))
            print(f"run {n + 1}: " + ", ".join(f"{k} {v:.2f}" for k, v in runs[-1].items()))

    labels = {
        "read_csv": "`duckdb.read_csv(file).df()` (floor: pandas' defaults)",
        "read_csv_python": "the same with texts as Python strings (as this process keeps them)",
        "validate": "`check_upload` (read, reshape, validate)",
        "preview": "`Store.preview` (fresh store)",
        "commit": "`Store.commit` (fresh store, 1 revision)",
        "validate_commit": "**validate + commit**",
        "recommit": "`Store.commit` again (all rows unchanged)",
    }
    if args.db == OWN:
        labels["other_server"] = "another server's copy catches up (both revisions)"
    lines = [
        f"# Import of a {args.rows:,}-row long CSV",
        "",
        f"`.venv/bin/python bench/import_1m.py --rows {args.rows} --runs {args.runs} "
        f"--db {args.db}` on "
        f"{platform.node() or 'this machine'} ({os.cpu_count()} cores, Python "
        f"{platform.python_version()}, DuckDB {duckdb.__version__}, pandas {pd.__version__}). "
        f"File: {args.rows:,} rows, {size_mb:.0f} MB, UTF-8 with BOM, monthly counts for "
        "212 units × 21 indicators. Median of the runs; every step in the same process, one "
        "after the other. Store: "
        + (
            "a DuckDB file"
            if args.db == "duckdb"
            else "a new database on a throw-away local "
            "PostgreSQL each run (fsync off), written through the server's local DuckDB copy"
        )
        + ". Load average before the runs: "
        f"{load[0]:.1f} (other engineers' tests share the machine; figures are upper bounds).",
        "",
        "| step | median s | rows/s | runs (s) |",
        "|---|---:|---:|---|",
    ]
    for key, label in labels.items():
        values = [r[key] for r in runs]
        med = statistics.median(values)
        lines.append(
            f"| {label} | {med:.2f} | {args.rows / med:,.0f} | "
            + ", ".join(f"{v:.2f}" for v in values)
            + " |"
        )
    ratio = statistics.median(r["validate_commit"] for r in runs) / statistics.median(
        r["read_csv"] for r in runs
    )
    python = statistics.median(r["validate_commit"] for r in runs) / statistics.median(
        r["read_csv_python"] for r in runs
    )
    lines += [
        "",
        f"Validate + commit takes {ratio:.1f}× the bare `read_csv` of the same file "
        f"({python:.1f}× the read with texts as Python strings).",
    ]
    if args.db == OWN:
        size = statistics.median(r["blocks_mb"] for r in runs)
        lines.append(f"The revisions' blocks in PostgreSQL (`revision_parts`): {size:.1f} MB.")
    lines.append("")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
