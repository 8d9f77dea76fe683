"""Page open times of the national example install, beside a one-chart Streamlit page.

    .venv/bin/python bench/national_pages.py [--runs 5]

Three servers in one run, on 127.0.0.1, opened in Debian's Chromium: the bare one-chart page
(bench/baseline_app.py), the national example install (data/national/: the country, 34
provinces, 3,321 communes) on a new store, and the bundled Khánh Hòa install on a new store for
comparison. Each page is timed from navigation until its plotly charts have drawn: the first
open (Streamlit's caches empty) and the median of `runs` later opens. Also the store files'
sizes. Writes bench/results/national_pages.md.
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
NATIONAL = ROOT / "data" / "national"
CHART = "[data-testid=stPlotlyChart] .main-svg"
# page → (path, charts drawn when it is open). Regions opens on the home: the country's 34
# provinces in the national install, Khánh Hòa's 65 communes in the province install.
PAGES = {
    "Overview": ("/", 2),
    "Regions (the home)": ("/dia-ban", 3),
    "Regions ?unit=56 (Khánh Hòa's 65 communes)": ("/dia-ban?unit=56", 3),
    "Trends": ("/xu-huong", 2),
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(script: Path, env: dict[str, str]) -> tuple[subprocess.Popen, str, float]:
    """A Streamlit server on a free port; its process, address and seconds to healthy."""
    port = free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
           "--server.address", "127.0.0.1", "--server.port", str(port),
           "--browser.gatherUsageStats", "false"]  # fmt: skip
    t0 = time.monotonic()
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.read() == b"ok":
                    return proc, url, time.monotonic() - t0
        except OSError:
            time.sleep(0.05)


def stop(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(10)


def open_time(page, url: str, charts: int) -> float:
    t0 = time.monotonic()
    page.goto(url)
    page.wait_for_function(
        f"document.querySelectorAll('{CHART}').length >= {charts}", timeout=180_000
    )
    return time.monotonic() - t0


def timings(page, url: str, pages: dict, runs: int) -> dict[str, tuple[float, float]]:
    """Each page's first open and the median of `runs` later opens."""
    out = {}
    for name, (path, charts) in pages.items():
        first = open_time(page, url + path, charts)
        later = [open_time(page, url + path, charts) for _ in range(runs)]
        out[name] = (first, statistics.median(later))
    return out


def serve_and_time(browser, script: Path, env: dict, pages: dict, runs: int):
    proc, url, healthy = start(script, env)
    try:
        page = browser.new_page(viewport={"width": 1440, "height": 2000})
        found = timings(page, url, pages, runs)
        page.close()
        return healthy, found
    finally:
        stop(proc)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    runs = ap.parse_args().runs
    rows = []
    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        browser = p.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        env = dict(os.environ)
        _, base = serve_and_time(
            browser, ROOT / "bench" / "baseline_app.py", env, {"one chart": ("/", 1)}, runs
        )
        base_first, base_warm = base["one chart"]
        rows.append(("baseline: one-chart Streamlit page", base_first, base_warm))
        sizes = {}
        for label, folder in (("national example", NATIONAL), ("Khánh Hòa", ROOT / "data")):
            db = Path(tmp) / f"{folder.name}.duckdb"
            env = dict(os.environ, INDICATORS_DATA_DIR=str(folder), INDICATORS_DB=str(db))
            _, found = serve_and_time(browser, ROOT / "app.py", env, PAGES, runs)
            rows += [(f"{label}: {name}", *times) for name, times in found.items()]
            sizes[label] = db.stat().st_size
        browser.close()
    lines = [
        f"Page open times, national example install (data/national/) beside a one-chart "
        f"Streamlit page and the Khánh Hòa install, same run ({time.strftime('%Y-%m-%d')}, "
        f"{os.cpu_count()} cores, Chromium headless). Seconds from navigation until the page's "
        f"charts have drawn; 'first' with Streamlit's caches empty (the Overview's first open "
        f"also creates and seeds the store), 'warm' the median of {runs} later opens. Regions "
        f"opens on the home: the country's 34 provinces (national), Khánh Hòa's 65 communes "
        f"(Khánh Hòa). Two shared cores: other work ran beside it, so read ±0.5 s.",
        "",
        "| page | first (s) | warm (s) | warm vs baseline (s) |",
        "|---|---:|---:|---:|",
        *(f"| {n} | {f:.2f} | {w:.2f} | {w - base_warm:+.2f} |" for n, f, w in rows),
        "",
        "Store file after the first start (seeded from the bundled CSVs):",
        "",
        *(f"- {label}: {size / 1e6:.1f} MB" for label, size in sizes.items()),
    ]
    table = "\n".join(lines)
    out = ROOT / "bench" / "results" / "national_pages.md"
    out.write_text(table + "\n", encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
