"""Page open times of the national example install, beside a one-chart Streamlit page.

    .venv/bin/python bench/national_pages.py [--runs 5] [--cycles 3] [--root DIR] [--out FILE]

Servers on 127.0.0.1, opened in Debian's Chromium (1440×2000): the bare one-chart page
(bench/baseline_app.py, timed before and after the others: its warm open is the yardstick),
the national example install (data/national/: the country, 34 provinces, 3,321 communes) on a
new store, served as `dev.py start` serves it (ui/server.py), and the bundled Khánh Hòa install
for comparison. An open lasts from navigation until Streamlit's script has finished and every
plotly chart of the page has drawn. Measured for Overview, Regions (the home) and Trends:

- warm: the median of `--runs` opens after the first (Streamlit's caches filled);
- first open after a new revision: a one-value revision committed with the command line
  (`indicators import`, another process) while the server runs; once the server's log says the
  revision's default views are prepared (at most `--wait` s; a server without a revision
  watcher is given 3 s), each page opened once, Overview first; the median of `--cycles`
  revisions, and how long after the commit the views were ready;
- a filter change, server side: Streamlit's AppTest runs the page in a child process (with the
  revision watcher when the code has one, as the server runs it) and times the script's run
  after each change of the indicator, the period and the area on Trends and on Regions.

`--root` measures another checkout of the app (e.g. `git archive <commit> | tar -x -C DIR`,
to compare before and after) with this checkout's virtualenv. Writes
bench/results/national_pages.md (or `--out`).
"""

from __future__ import annotations

import argparse
import json
import os
import re
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

HERE = Path(__file__).resolve().parents[1]
# page → (path, charts drawn when it is open). Regions opens on the home: the country's 34
# provinces in the national install, Khánh Hòa's 65 communes in the province install.
PAGES = {"Overview": ("/", 2), "Regions (the home)": ("/dia-ban", 3), "Trends": ("/xu-huong", 2)}
DONE = """(n) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.dataset.testScriptState !== 'notRunning') return false;
  const charts = document.querySelectorAll('[data-testid="stPlotlyChart"]');
  if (charts.length < n) return false;
  for (const c of charts) if (!c.querySelector('.main-svg')) return false;
  return true;
}"""
PREPARED = re.compile(r"revision (\d+): default views prepared in ([\d.]+) s")
WARM_RATIO, REVISION_RATIO, CHANGE_P95_MS = 1.3, 2.0, 300


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A Streamlit server of `script` on a free port, its log in `log`; stopped by its PID."""

    def __init__(self, script: Path, env: dict[str, str], log: Path, root: Path):
        port = free_port()
        cmd = [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless",
               "true", "--server.address", "127.0.0.1", "--server.port", str(port),
               "--browser.gatherUsageStats", "false"]  # fmt: skip
        self.log, self.url = log, f"http://127.0.0.1:{port}"
        with log.open("wb") as out:
            self.proc = subprocess.Popen(
                cmd, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        while True:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.read() == b"ok":
                        return
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError(log.read_text(errors="replace")[-3000:]) from None
                time.sleep(0.05)

    def prepared(self) -> dict[int, float]:
        """Revision → seconds its default views took, as the server's log says."""
        text = self.log.read_text(errors="replace")
        return {int(m[1]): float(m[2]) for m in PREPARED.finditer(text)}

    def stop(self) -> None:
        os.killpg(self.proc.pid, signal.SIGTERM)
        self.proc.wait(10)


def open_time(page, url: str, charts: int) -> float:
    t0 = time.monotonic()
    page.goto(url)
    page.wait_for_function(DONE, arg=charts, timeout=300_000)
    return time.monotonic() - t0


def warm(page, url: str, pages: dict, runs: int) -> dict[str, tuple[float, float]]:
    """Each page's first open and the median of `runs` later opens."""
    out = {}
    for name, (path, charts) in pages.items():
        first = open_time(page, url + path, charts)
        later = [open_time(page, url + path, charts) for _ in range(runs)]
        out[name] = (first, statistics.median(later))
    return out


def baseline(browser, root: Path, env: dict, log: Path, runs: int) -> list[float]:
    """Later opens of the bare page (its first open discarded)."""
    srv = Server(HERE / "bench" / "baseline_app.py", env, log, root)
    try:
        page = browser.new_page(viewport={"width": 1440, "height": 2000})
        open_time(page, srv.url, 1)
        times = [open_time(page, srv.url, 1) for _ in range(runs)]
        page.close()
        return times
    finally:
        srv.stop()


def commit(env: dict, k: int, csv: Path) -> int:
    """A one-value revision through the command line; its number."""
    value = 86.5 + k / 10
    csv.write_text(
        "indicator,unit_list,region,period,value,numerator,denominator,status,source\n"
        f"hh_internet_pct,2025,00004,2026,{value},{round(value * 109.85)},10985,illustrative,"
        "bench\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "indicators.cli", "import", str(csv), "-m", f"bench {k}"],
        env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    found = re.search(r"Revision (\d+):", done.stdout + done.stderr)
    if done.returncode != 0 or not found:
        raise RuntimeError(done.stdout + done.stderr)
    return int(found[1])


def after_revisions(page, srv: Server, env: dict, tmp: Path, cycles: int, wait: float):
    """Per page, the first open after each of `cycles` new revisions; and per revision the
    seconds from the commit until the server's log said its views were prepared (None: no
    such log line, a server without a revision watcher)."""
    opens: dict[str, list[float]] = {name: [] for name in PAGES}
    ready: list[float | None] = []
    for k in range(1, cycles + 1):
        t0 = time.monotonic()
        rev = commit(env, k, tmp / f"revision-{k}.csv")
        deadline = t0 + wait
        while rev not in srv.prepared() and time.monotonic() < deadline:
            time.sleep(0.1)
        if rev in srv.prepared():
            ready.append(time.monotonic() - t0)
        else:
            ready.append(None)
            time.sleep(3.0)  # no watcher: at least what one would need to notice it
        for name, (path, charts) in PAGES.items():
            opens[name].append(open_time(page, srv.url + path, charts))
    return {n: statistics.median(v) for n, v in opens.items()}, ready


def filter_changes(root: Path, env: dict, out: Path) -> dict[str, list[list[float]]]:
    """The filter changes, timed in a child process that imports the app of `root`."""
    child = [sys.executable, str(HERE / "bench" / "national_pages.py"), "--child-filters",
             str(out), "--root", str(root)]  # fmt: skip
    subprocess.run(child, env=env, check=True, timeout=3600, cwd=root)
    return json.loads(out.read_text())


def child_filters(root: Path, out: Path) -> None:
    """In a child process: AppTest on `root`'s app; each change's script run in seconds."""
    sys.path.insert(0, str(root))
    import logging

    from streamlit.testing.v1 import AppTest

    logging.disable(logging.WARNING)  # "No runtime found": AppTest has none, as it should
    try:
        from ui import prewarm  # the code under test may have no watcher (before issue 15)
    except ImportError:
        prewarm = None
    if prewarm is not None:
        watch = prewarm.start(serving=False)
        while watch.prepared() is None:
            time.sleep(0.2)
    at = AppTest.from_file(str(root / "app.py"), default_timeout=600)
    at.run()
    times: dict[str, list[tuple[float, float]]] = {}

    def timed(kind: str, widget: str, key: str, how: str, values: list) -> None:
        """Set the widget `key` to each of `values` in turn; time the run after each (wall
        and this process's CPU seconds)."""
        for value in values:
            setter = getattr(getattr(at, widget)(key=key), how)
            setter(*value) if isinstance(value, tuple) else setter(value)
            t0, c0 = time.perf_counter(), time.process_time()
            at.run()
            spent = (time.perf_counter() - t0, time.process_time() - c0)
            times.setdefault(kind, []).append(spent)
            assert not at.exception, at.exception

    at.switch_page("ui/pages/trends.py").run()
    ind, period, area = "w_ind_vi_trends", "w_period_vi_trends", "w_reg_vi_trends2025"
    codes = at.multiselect(key=ind).options
    timed("Trends: indicator", "multiselect", ind, "set_value", [[c] for c in codes[:12]])
    at.multiselect(key=ind).set_value([codes[0]]).run()
    years = at.select_slider(key=period).options
    ranges = [(years[0], years[-1]), (years[-1], years[-1]), (years[0], years[0])] * 2
    timed("Trends: period", "select_slider", period, "set_range", ranges)
    areas = at.multiselect(key=area).options
    timed("Trends: area", "multiselect", area, "set_value", [[areas[0], a] for a in areas[1:13]])
    at.switch_page("ui/pages/regions.py").run()
    ind, period, unit = "w_indicator_vi", "w_period_vi2025", "w_unit_vi2025"
    timed("Regions: indicator", "selectbox", ind, "select", at.selectbox(key=ind).options[:12])
    at.selectbox(key=ind).select_index(0).run()
    timed("Regions: period", "selectbox", period, "select", at.selectbox(key=period).options * 3)
    timed("Regions: area", "selectbox", unit, "select", at.selectbox(key=unit).options[1:13])
    out.write_text(json.dumps(times))


def p95(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(0.95 * (len(xs) - 1)))]


def app_env(root: Path, data: Path, db: Path) -> dict[str, str]:
    """The environment of a server (and its command line) on `data` with a new store `db`,
    importing the package of `root`."""
    folders = {"INDICATORS_DATA_DIR": str(data), "INDICATORS_DB": str(db)}
    return dict(os.environ, **folders, PYTHONPATH=str(root / "src"))


def national(browser, root: Path, tmp: Path, args) -> tuple[dict, dict, list, dict]:
    env = app_env(root, root / "data" / "national", tmp / "national.duckdb")
    srv = Server(root / "ui" / "server.py", env, tmp / "national.log", root)
    try:
        page = browser.new_page(viewport={"width": 1440, "height": 2000})
        found = warm(page, srv.url, PAGES, args.runs)
        first, ready = after_revisions(page, srv, env, tmp, args.cycles, args.wait)
        page.close()
    finally:
        srv.stop()
    changes = filter_changes(root, env, tmp / "changes.json")
    return found, first, ready, changes


def khanh_hoa(browser, root: Path, tmp: Path, runs: int) -> dict:
    env = app_env(root, root / "data", tmp / "khanh-hoa.duckdb")
    srv = Server(root / "ui" / "server.py", env, tmp / "khanh-hoa.log", root)
    try:
        page = browser.new_page(viewport={"width": 1440, "height": 2000})
        found = warm(page, srv.url, PAGES, runs)
        page.close()
        return found
    finally:
        srv.stop()


def report(args, base: list[float], found, first, ready, changes, kh, load) -> str:
    b = statistics.median(base)
    ready_s = [r for r in ready if r is not None]
    lines = [
        f"Page open times, national example install (data/national/), served by ui/server.py, "
        f"beside a one-chart Streamlit page, same run ({time.strftime('%Y-%m-%d')}, "
        f"{os.cpu_count()} cores shared with other work: load average {load[0]:.1f} at the "
        f"start, {load[1]:.1f} at the end; Chromium headless, 1440×2000). Seconds from "
        f"navigation until the script has finished and every chart has drawn. Warm: the median "
        f"of {args.runs} opens after the first. First after a revision: a one-value revision "
        f"committed with `indicators import` while the server runs, each page opened once "
        f"when the server's log says its views are prepared, median of {args.cycles}. Filter "
        f"change: the page script's run after the change (AppTest, server side).",
        "",
        f"Bare page warm: {b:.2f} s (median of {len(base)} opens, before and after the app).",
        "",
        "| page | first after the start (s) | warm (s) | warm ÷ bare "
        "| first after a revision (s) | ÷ bare |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, (start, w) in found.items():
        f = first[name]
        lines.append(f"| {name} | {start:.2f} | {w:.2f} | {w / b:.2f} | {f:.2f} | {f / b:.2f} |")
    lines += [
        "",
        f"Targets: warm ≤ {WARM_RATIO}× and first after a revision ≤ {REVISION_RATIO}× the "
        f"bare page. Views prepared after the commit in "
        + (", ".join(f"{r:.1f}" for r in ready_s) + " s" if ready_s else "— (no revision watcher)")
        + " (the command line's import included).",
        "",
        "| filter change (server side) | n | median (ms) | p95 (ms) | max (ms) | CPU p95 (ms) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    every: list[list[float]] = []
    for kind, xs in [*changes.items(), ("all", [])]:
        every += xs
        xs = xs or every
        wall, cpu = [x[0] * 1e3 for x in xs], [x[1] * 1e3 for x in xs]
        lines.append(
            f"| {kind} | {len(xs)} | {statistics.median(wall):.0f} | {p95(wall):.0f} "
            f"| {max(wall):.0f} | {p95(cpu):.0f} |"
        )
    lines += [
        "",
        f"Target: p95 ≤ {CHANGE_P95_MS} ms. CPU: the AppTest process's CPU seconds during the "
        "run (the script's thread and DuckDB's), what the run takes on an idle core; the wall "
        "time grows with the other work on the machine.",
    ]
    if kh:
        head = ["| page | first (s) | warm (s) | warm ÷ bare |", "|---|---:|---:|---:|"]
        lines += ["", "Khánh Hòa install (data/), same run:", "", *head]
        lines += [f"| {n} | {f:.2f} | {w:.2f} | {w / b:.2f} |" for n, (f, w) in kh.items()]
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--cycles", type=int, default=3)
    ap.add_argument("--wait", type=float, default=120.0, help="most seconds to wait for views")
    ap.add_argument("--root", type=Path, default=HERE, help="the checkout of the app to time")
    ap.add_argument("--out", type=Path, default=HERE / "bench" / "results" / "national_pages.md")
    ap.add_argument("--no-khanh-hoa", action="store_true")
    ap.add_argument("--child-filters", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    root = args.root.resolve()
    if args.child_filters:
        return child_filters(root, args.child_filters)
    load = [os.getloadavg()[0]]
    with sync_playwright() as p, tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        browser = p.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        env = dict(os.environ)
        base = baseline(browser, root, env, tmp / "baseline.log", args.runs)
        found, first, ready, changes = national(browser, root, tmp, args)
        kh = {} if args.no_khanh_hoa else khanh_hoa(browser, root, tmp, args.runs)
        base += baseline(browser, root, env, tmp / "baseline-2.log", args.runs)
        browser.close()
    load.append(os.getloadavg()[0])
    table = report(args, base, found, first, ready, changes, kh, load)
    args.out.write_text(table, encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
