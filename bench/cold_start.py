"""Cold start of the dashboard, against a one-chart Streamlit page measured in the same run.

    .venv/bin/python bench/cold_start.py [--runs 3]

For each case: start Streamlit on 127.0.0.1, open the page in Debian's Chromium, and time until
every expected plotly chart has drawn. "first start" also creates and seeds the store; "warm"
reuses it. Writes bench/results/cold_start.md.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

from indicators.export.chromium import CHROMIUM_ARGS, CHROMIUM_PATH

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def measure(browser, script: Path, charts: int, env: dict[str, str]) -> tuple[float, float]:
    port = free_port()
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        "--server.headless",
        "true",
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--browser.gatherUsageStats",
        "false",
    ]
    t0 = time.monotonic()
    proc = subprocess.Popen(
        cmd,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health") as r:
                    if r.read() == b"ok":
                        break
            except OSError:
                time.sleep(0.05)
        healthy = time.monotonic() - t0
        page = browser.new_page(viewport={"width": 1440, "height": 2000})
        page.goto(f"http://127.0.0.1:{port}/")
        page.wait_for_function(
            "n => document.querySelectorAll('[data-testid=stPlotlyChart] .main-svg').length >= n",
            arg=charts,
            timeout=120_000,
        )
        visible = time.monotonic() - t0
        page.close()
        return healthy, visible
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(10)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    runs = ap.parse_args().runs
    rows = []
    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        browser = p.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        cases = {
            "baseline: one-chart Streamlit page": [],
            "dashboard, first start (seeds store)": [],
            "dashboard, warm (store exists)": [],
        }
        for i in range(runs):
            env = dict(os.environ)
            cases["baseline: one-chart Streamlit page"].append(
                measure(browser, ROOT / "bench" / "baseline_app.py", 1, env)
            )
            env["INDICATORS_DB"] = str(Path(tmp) / f"run{i}.duckdb")
            cases["dashboard, first start (seeds store)"].append(
                measure(browser, ROOT / "app.py", 2, env)
            )
            cases["dashboard, warm (store exists)"].append(
                measure(browser, ROOT / "app.py", 2, env)
            )
        browser.close()
    base = statistics.median(v for _, v in cases["baseline: one-chart Streamlit page"])
    for name, values in cases.items():
        healthy = statistics.median(h for h, _ in values)
        visible = statistics.median(v for _, v in values)
        rows.append(f"| {name} | {healthy:.2f} | {visible:.2f} | {visible - base:+.2f} |")
    table = "\n".join(
        [
            f"Cold start, median of {runs} runs "
            f"({time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores)",
            "",
            "| case | server healthy (s) | charts visible (s) | vs baseline (s) |",
            "|---|---:|---:|---:|",
            *rows,
        ]
    )
    out = ROOT / "bench" / "results" / "cold_start.md"
    out.write_text(table + "\n", encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
