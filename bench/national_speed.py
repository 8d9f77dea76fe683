"""Speed at national scale (issue 15): the app on a national-size store, beside a bare page.

    .venv/bin/python bench/national_speed.py [--db var/national-bench.duckdb] [--runs 5]
        [--scale 1] [--changes 21] [--smoke]

Against a store built by bench/national_store.py (built first, at `--scale`, when `--db` holds
none; a DuckDB file, a URL `indicators.store.location` accepts, or `--db postgresql`: a new
database on a throw-away local PostgreSQL, bench/_local_postgres.py), on 127.0.0.1, in Debian's
Chromium, one run measures:

- the bare one-chart Streamlit page (bench/baseline_app.py): its warm open is the yardstick;
- every page of the app (ui/navigation.py), served as `dev.py start` serves it (ui/server.py):
  the first open after the server starts, then warm, the median of `--runs` later opens (fewer
  when a page's opens pass `--page-budget` seconds), taken once the server's revision watcher
  has prepared the revision it started on (its log says when; until then it competes with
  every open); the three update pages signed in as an
  admin, the others as a visitor. An open lasts from navigation until Streamlit's script has
  finished (`stApp` `data-test-script-state`) and every plotly chart on the page has drawn.
  Target: warm ≤ 1.3× the bare page;
- an upload as an analyst makes one: a 500-row correction chosen on the Upload page (as the
  admin), checked there and saved; the seconds until the page says it is saved (no target: the
  server's memory after it counts towards the peak below);
- the first open after a new revision: a small revision (500 rows) committed through the store
  interface while the server runs, `--notice` seconds given for the server to notice, then up
  to `--prepare-wait` seconds for its revision watcher to prepare it (its log says when, and
  how long that took: the table gives it), then each view page opened once (the Overview
  first), checked to show the new revision; the median of `--cycles` revisions. Target ≤ 2× the
  bare page;
- a filter change, server side: the script's run after each of `--changes` changes of the
  indicator, the period and the area on Trends and on Regions (cycling, so most are the first
  time this revision is asked that), timed with streamlit.testing's AppTest
  (`widget.set_value(...).run()`, one script cache for every run as a server has) in a child
  process once the server is stopped. The child first prepares the revision as a server's
  revision watcher does (`ui.prewarm.prepare`: the default views, every province's table and
  conversion), so the changes meet what a running server holds; the time that takes is
  written. Target: p95 ≤ 300 ms;
- the app server's peak memory (VmHWM of the streamlit process, after every page was opened
  and the upload saved),
  and the most resident memory seen during each page's opens. Target ≤ 1 GiB.

The machine is shared: a server (or the AppTest child) passing `--memory-guard` GiB is stopped
by its PID and the page is recorded as stopped there; the next page gets a new server.

Writes bench/results/national_speed.md, targets met or not. `--smoke` builds and measures the 1%
store quickly (one warm open, three changes a page, one revision) and judges nothing: it
prints the table (and writes it only to `--out` if given). Errors a page shows are listed with
the server log's traceback. Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # the pages' list lives in ui/, beside app.py
    sys.path.insert(0, str(ROOT))

import national_store as ns  # noqa: E402
from _local_postgres import OWN, database  # noqa: E402
from _national_catalog import COMMUNE, REPORTED_AT  # noqa: E402
from playwright.sync_api import Page, sync_playwright  # noqa: E402
from playwright.sync_api import TimeoutError as PageTimeout  # noqa: E402

from indicators.access.identity import operator  # noqa: E402
from indicators.access.manage import add_account  # noqa: E402
from indicators.core.i18n import t  # noqa: E402
from indicators.core.settings import COUNTRY, AccessSettings, load_settings  # noqa: E402
from indicators.export.chromium import CHROMIUM_ARGS, CHROMIUM_PATH  # noqa: E402
from indicators.geography.units import LEGACY, NEW, build_regions  # noqa: E402
from indicators.store.accounts import get_account  # noqa: E402
from indicators.store.revisions import Store  # noqa: E402
from tests.browser.helpers import SETTLED  # noqa: E402 - the page has finished drawing
from ui.navigation import MENU_ACTION, OVERVIEW, REGIONS, SECTIONS, TRENDS, UPLOAD  # noqa: E402

OUT = ROOT / "bench" / "results" / "national_speed.md"
SMOKE_DB = ROOT / "var" / "national-smoke.duckdb"
WARM_RATIO, REVISION_RATIO = 1.3, 2.0
CHANGE_P95_MS = 300
MEMORY_BYTES = 2**30
OPEN_TIMEOUT_S = 900
UPLOAD_TIMEOUT_S = 120  # a 500-row file is checked and saved in seconds
GiB = 2**30
ADMIN, PASSWORD = "bench-admin", "bench-mat-khau-quan-tri-1"
ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"]'
PREPARED = r"revision {rev}: default views prepared in ([\d.]+) s"  # ui.revision_watch's log


def say(text: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {text}", file=sys.stderr, flush=True)


# -- processes we start, watched -----------------------------------------------------------------


def _status(pid: int, key: str) -> int | None:
    """A /proc/PID/status figure in bytes (VmRSS, VmHWM), None once the process is gone."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    found = re.search(rf"^{key}:\s+(\d+) kB", text, re.M)
    return int(found.group(1)) * 1024 if found else None


class Watch(threading.Thread):
    """Samples a process's memory while it lives: the most resident memory seen per label (what
    it was doing then), its VmHWM; past `guard` bytes it stops the process group (ours: the
    process was started in a session of its own) so a shared machine is not exhausted."""

    def __init__(self, proc: subprocess.Popen, guard: int):
        super().__init__(daemon=True)
        self.proc, self.guard = proc, guard
        self.label = "start"
        self.peaks: dict[str, int] = {}
        self.hwm = 0
        self.tripped: str | None = None
        self.start()

    def run(self) -> None:
        while self.proc.poll() is None:
            rss = _status(self.proc.pid, "VmRSS") or 0
            self.hwm = max(self.hwm, _status(self.proc.pid, "VmHWM") or 0)
            self.peaks[self.label] = max(self.peaks.get(self.label, 0), rss)
            if rss > self.guard:
                self.tripped = f"{self.label}: {rss / GiB:.1f} GiB resident"
                say(f"memory guard: stopping PID {self.proc.pid} ({self.tripped})")
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, signal.SIGKILL)
                return
            time.sleep(0.2)


def stop_group(proc: subprocess.Popen) -> None:
    """Stop a process we started in a session of its own, by its PID's process group."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A Streamlit server of ours on a free port of 127.0.0.1, its log in `log`, watched."""

    def __init__(self, script: Path, env: dict[str, str], log: Path, guard: int):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log
        cmd = [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
               "--server.address", "127.0.0.1", "--server.port", str(self.port),
               "--browser.gatherUsageStats", "false"]  # fmt: skip
        t0 = time.monotonic()
        with log.open("w") as out:
            self.proc = subprocess.Popen(
                cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        self.watch = Watch(self.proc, guard)
        self.healthy_s = self._wait_healthy(t0)
        self.prepared_s: float | None = None

    def _wait_healthy(self, t0: float, timeout: float = 300) -> float:
        while time.monotonic() - t0 < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited: {self.log_path.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.read().strip() == b"ok":
                        return time.monotonic() - t0
            except OSError:
                time.sleep(0.1)
        raise TimeoutError("streamlit did not become healthy")

    @property
    def alive(self) -> bool:
        return self.proc.poll() is None

    def wait_prepared(self, timeout: float = 600, rev: int | None = None) -> float | None:
        """Wait until the server's revision watcher has prepared revision `rev` (by default
        the first it prepares: the one it started on; `ui.prewarm`: its log says so); the
        seconds that took, as the log gives them (None: not within `timeout`, or the server
        stopped)."""
        pattern = re.compile(PREPARED.format(rev=r"\d+" if rev is None else rev))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.alive:
            found = pattern.search(self.log_path.read_text(errors="replace"))
            if found:
                return float(found.group(1))
            time.sleep(0.2)
        return None

    def peak_bytes(self) -> int:
        """VmHWM: the most resident memory the server process has had."""
        return max(_status(self.proc.pid, "VmHWM") or 0, self.watch.hwm)

    def traceback(self, incident: str) -> str:
        """The exception line the server log gives after the incident id."""
        text = self.log_path.read_text(errors="replace")
        at = text.find(f"incident {incident}")
        lines = text[at:].splitlines()[1:60] if at >= 0 else []
        errors = [ln.strip() for ln in lines if re.match(r"[\w.]+(Error|Exception)\b", ln.strip())]
        return errors[-1] if errors else ""

    def stop(self) -> None:
        stop_group(self.proc)


class App:
    """The app's server, started again after the memory guard stopped it."""

    def __init__(self, env: dict[str, str], folder: Path, guard: int):
        self.env, self.folder, self.guard = env, folder, guard
        self.servers: list[Server] = []
        self.failed = ""
        self.start()

    def start(self) -> Server:
        log = self.folder / f"app-{len(self.servers) + 1}.log"
        self.servers.append(Server(ROOT / "ui" / "server.py", self.env, log, self.guard))
        return self.servers[-1]

    @property
    def server(self) -> Server | None:
        """The running server, started again if the guard stopped it; None if it will not
        start (the tree it runs from is being edited): `failed` says why."""
        if self.servers[-1].alive:
            return self.servers[-1]
        try:
            return self.start()
        except (RuntimeError, TimeoutError) as exc:
            self.failed = " ".join(str(exc).split())[-300:]
            say(f"the app server did not start again: {self.failed}")
            return None

    def stop(self) -> None:
        for srv in self.servers:
            srv.stop()

    def peaks(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for srv in self.servers:
            for label, rss in srv.watch.peaks.items():
                out[label] = max(out.get(label, 0), rss)
        return out

    def tracebacks(self, incidents: set[str]) -> dict[str, str]:
        return {
            i: next((tb for s in self.servers if (tb := s.traceback(i))), "") for i in incidents
        }


# -- page opens ----------------------------------------------------------------------------------


@dataclass
class Opened:
    seconds: float | None  # None: it did not finish (too slow, or the server was stopped)
    errors: list[str] = field(default_factory=list)
    revision: int | None = None  # the data revision the page says it shows
    stopped_after: float | None = None  # seconds into the open when the guard stopped it


def open_page(page: Page, url: str, srv: Server | None = None) -> Opened:
    """Navigate and wait until the script has finished and the charts have drawn."""
    t0 = time.monotonic()
    try:
        page.goto(url, timeout=OPEN_TIMEOUT_S * 1000)
        while True:
            try:
                page.wait_for_function(SETTLED, timeout=2000, polling=50)
                break
            except PageTimeout:
                if srv is not None and not srv.alive:
                    why = srv.watch.tripped or f"exit code {srv.proc.returncode}"
                    spent = time.monotonic() - t0
                    return Opened(
                        None, [f"server stopped by the memory guard ({why})"], None, spent
                    )
                if time.monotonic() - t0 > OPEN_TIMEOUT_S:
                    return Opened(None, [f"did not finish within {OPEN_TIMEOUT_S} s"])
    except PageTimeout:
        return Opened(None, [f"did not load within {OPEN_TIMEOUT_S} s"])
    seconds = time.monotonic() - t0
    errors = page.eval_on_selector_all(ERRORS, "els => els.map(e => e.innerText.slice(0, 400))")
    shown = re.search(r"(?:phiên bản|revision) (\d+)", page.inner_text("body"))
    return Opened(seconds, errors, int(shown.group(1)) if shown else None)


def median(found: list[Opened]) -> float | None:
    times = [o.seconds for o in found if o.seconds is not None]
    return statistics.median(times) if len(times) == len(found) and times else None


def sign_in(page: Page, url: str) -> None:
    """Sign in as the bench's admin on a guarded page's form, and wait for the session cookie."""
    open_page(page, url)
    main = page.get_by_test_id("stMain")
    wait = {"timeout": OPEN_TIMEOUT_S * 1000}
    main.get_by_label(re.compile("^(Tên tài khoản|Account name)$")).fill(ADMIN, **wait)
    main.get_by_label(re.compile("^(Mật khẩu|Password)$")).fill(PASSWORD, **wait)
    main.get_by_role("button", name=re.compile("^(Đăng nhập|Sign in)$")).click(**wait)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if any(c["name"] == "cntt_session" for c in page.context.cookies()):
            return
        page.wait_for_timeout(100)
    raise TimeoutError("the admin's sign-in gave no session cookie")


def ensure_admin(store: Store) -> None:
    if get_account(store, ADMIN) is None:
        add_account(store, operator(), AccessSettings(), ADMIN, "admin", PASSWORD, PASSWORD)


@dataclass
class PageTimes:
    name: str
    path: str
    first: Opened
    warm: list[Opened]
    after_revision: list[Opened] = field(default_factory=list)

    @property
    def errors(self) -> list[str]:
        every = [self.first, *self.warm, *self.after_revision]
        return list(dict.fromkeys(e for o in every for e in o.errors))


def app_pages() -> tuple[list, list]:
    """(view pages, update pages) in menu order."""
    every = [p for members in SECTIONS.values() for p in members]
    return [p for p in every if p not in MENU_ACTION], [p for p in every if p in MENU_ACTION]


def path_of(p) -> str:
    return "/" if p == OVERVIEW else f"/{p.url_path}"


def page_opens(page: Page, app: App, name: str, path: str, runs: int, budget: float) -> PageTimes:
    """The first open, then up to `runs` more while the page's opens stay within `budget` s."""
    srv = app.server
    if srv is None:
        return PageTimes(name, path, Opened(None, [f"no server: {app.failed}"]), [])
    srv.watch.label = name
    say(f"{name}: first open")
    first = open_page(page, srv.url + path, srv)
    if srv.prepared_s is None:  # warm opens once the start's preparation no longer competes
        srv.prepared_s = srv.wait_prepared()
        say(f"the server's start preparation took {srv.prepared_s} s")
    warm: list[Opened] = []
    spent = first.seconds or 0.0
    while first.seconds is not None and len(warm) < runs and spent < budget:
        warm.append(open_page(page, srv.url + path, srv))
        if warm[-1].seconds is None:
            break
        spent += warm[-1].seconds
    say(f"{name}: first {first.seconds}, warm {[o.seconds for o in warm]}")
    return PageTimes(name, path, first, warm)


def after_revisions(
    page: Page, app: App, store: Store, found: dict, view: list, args
) -> list[tuple[int, float | None]]:
    """`cycles` new revisions, each followed by one open of every view page once the server
    has prepared it (as the issue asks: the common views are made when a revision lands, not by
    its first visitor); each revision's id and the seconds its preparation took."""
    revisions = []
    for k in range(1, args.cycles + 1):
        if app.servers[-1].alive:  # what the server does on its own once it notices
            app.servers[-1].watch.label = "after a new revision, before any open"
        rev = ns.small_revision(store, 500, k)
        deadline = time.monotonic() + 30  # a fresh reader sees it; then the server's turn
        while store.current_revision() < rev.id and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(args.notice)
        prepared = None
        if app.servers[-1].alive and args.prepare_wait > 0:
            prepared = app.servers[-1].wait_prepared(args.prepare_wait, rev.id)
        revisions.append((rev.id, prepared))
        for p in view:
            srv = app.server
            if srv is None:
                found[p].after_revision.append(Opened(None, [f"no server: {app.failed}"]))
                continue
            srv.watch.label = found[p].name
            opened = open_page(page, srv.url + path_of(p), srv)
            if opened.seconds is not None and opened.revision != rev.id:
                opened.errors.append(f"showed revision {opened.revision}, not {rev.id}")
            found[p].after_revision.append(opened)
            say(f"revision {rev.id}: {found[p].name} {opened.seconds}")
    return revisions


@dataclass
class Uploaded:
    rev: int
    seconds: float | None
    error: str = ""


def upload_revision(page: Page, srv: Server, store: Store, tmp: Path) -> Uploaded:
    """A 500-row correction as an analyst makes one: its CSV chosen on the Upload page, checked
    there (its rows' earlier values asked of the store for the jump warnings) and saved; the
    seconds from choosing the file until the page says it is saved."""
    path = tmp / "correction.csv"
    ns.correction(store, 500, 0)[ns.OBS_COLUMNS].to_csv(path, index=False, encoding="utf-8-sig")
    nxt = store.current_revision() + 1
    opened = open_page(page, srv.url + path_of(UPLOAD), srv)
    if opened.seconds is None:
        return Uploaded(nxt, None, "; ".join(opened.errors))
    t0 = time.monotonic()
    try:
        page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path))
        save = page.get_by_role("button", name=f"Lưu thành phiên bản {nxt}")
        save.click(timeout=UPLOAD_TIMEOUT_S * 1000)
        page.get_by_text(f"Đã lưu phiên bản {nxt}").wait_for(timeout=UPLOAD_TIMEOUT_S * 1000)
    except PageTimeout as exc:
        shown = page.eval_on_selector_all(ERRORS, "els => els.map(e => e.innerText.slice(0, 200))")
        return Uploaded(nxt, None, "; ".join([str(exc).splitlines()[0][:200], *shown]))
    return Uploaded(nxt, time.monotonic() - t0)


def time_app(
    browser, app: App, store: Store, args, bare: Bare, tmp: Path
) -> tuple[dict, list, int, Uploaded | None]:
    """Every page's first and warm opens (and one more open of the bare page beside each);
    an upload through the Upload page; then the opens after new revisions; the server's peak
    memory (VmHWM) after it all."""
    view, update = app_pages()
    found: dict = {}
    size = {"viewport": {"width": 1440, "height": 2000}, "locale": "vi-VN"}
    visitor = browser.new_context(**size)
    page = visitor.new_page()
    for p in view:
        name = t(f"nav.{p.key}", "en")
        found[p] = page_opens(page, app, name, path_of(p), args.runs, args.page_budget)
        bare.again()
    admin = browser.new_context(**size)
    signed = admin.new_page()
    sign_in(signed, app.servers[-1].url + path_of(update[0]))
    for p in update:
        name = t(f"nav.{p.key}", "en") + " (admin)"
        found[p] = page_opens(signed, app, name, path_of(p), args.runs, args.page_budget)
        bare.again()
    serving = app.server
    uploaded = upload_revision(signed, serving, store, tmp) if serving is not None else None
    say(f"upload through the page: {uploaded}")
    revisions = after_revisions(page, app, store, found, view, args)
    peak = max(srv.peak_bytes() for srv in app.servers)
    visitor.close()
    admin.close()
    return found, revisions, peak, uploaded


# -- filter changes, server side (AppTest, in a child process) -----------------------------------


@dataclass
class Change:
    page: str
    kind: str
    value: str
    ms: float
    error: str = ""


def _widget(at, kind: str, prefix: str):
    return next(w for w in getattr(at, kind) if w.key and w.key.startswith(prefix))


class Places:
    """Codes to choose areas from: each list's provinces and, for each, one of its communes."""

    def __init__(self, folder: Path):
        regions = build_regions(load_settings(folder, Path(os.devnull)).region_sources)
        self.provinces: dict[str, list[str]] = {}
        self.commune: dict[tuple[str, str], str] = {}
        for ul in (LEGACY, NEW):
            own = regions[regions["unit_list"] == ul]
            self.provinces[ul] = own.loc[own["level"] == "province", "code"].tolist()
            communes = own[own["level"] == "commune"].drop_duplicates("province_code")
            for prov, code in zip(communes["province_code"], communes["code"], strict=True):
                self.commune[(ul, prov)] = code

    def area(self, ul: str, j: int) -> list[str]:
        """The j-th choice: the country and a province, every other time a province and one of
        its communes."""
        prov = self.provinces[ul][(7 * j) % len(self.provinces[ul])]
        commune = self.commune.get((ul, prov))
        return [prov, commune] if j % 2 and commune else [COUNTRY, prov]

    def unit(self, ul: str, j: int) -> str:
        """The j-th unit to look inside on Regions: a province, every third time the country."""
        return COUNTRY if j % 3 == 2 else self.provinces[ul][(5 * j + 3) % len(self.provinces[ul])]


TREND_CODES = ["mobile_subs_per100", "post_items", "fibre_commune_pct", "internet_users_per100",
               "press_articles", "dvc_full_pct", "bts_count", "hh_internet_pct",
               "records_online_pct", "public_wifi_points"]  # fmt: skip
RANGES = [("2020", "2030"), ("2016", "2024"), ("2021", "2025"), ("2025", "2030"),
          ("2018", "2028"), ("2016", "2030"), ("2023", "2027")]  # fmt: skip
REGION_CODES = [c for c in TREND_CODES if REPORTED_AT.get(c) == COMMUNE]


def trends_change(at, places: Places, i: int) -> tuple[str, str, Callable, object]:
    """The i-th change on Trends: (kind, label, setter, value)."""
    j = i // 3
    if i % 3 == 0:
        code = TREND_CODES[j % len(TREND_CODES)]
        return "indicator", code, _widget(at, "multiselect", "w_ind_").set_value, [code]
    if i % 3 == 1:
        span = RANGES[j % len(RANGES)]
        return "period", "–".join(span), _widget(at, "select_slider", "w_period_").set_value, span
    w = _widget(at, "multiselect", "w_reg_")
    area = places.area(LEGACY if w.key.endswith(LEGACY) else NEW, j)
    return "area", "+".join(area), w.set_value, area


def regions_change(at, places: Places, i: int) -> tuple[str, str, Callable, object]:
    """The i-th change on Regions: (kind, label, setter, value)."""
    j = i // 3
    ul = _widget(at, "radio", "w_era_").value
    if i % 3 == 0:
        code = REGION_CODES[(j + 1) % len(REGION_CODES)]
        return "indicator", code, _widget(at, "selectbox", "w_indicator_").set_value, code
    if i % 3 == 1:
        w = _widget(at, "selectbox", f"w_period_vi{ul}")
        pick = (w.index + 1 + j) % len(w.options)
        return "period", w.options[pick], w.select_index, pick
    unit = places.unit(ul, j)
    return "area", unit, _widget(at, "selectbox", f"w_unit_vi{ul}").set_value, unit


def filter_child(location: str, folder: Path, n: int, out: Path, only: str) -> None:
    """In the child: the page `only` (Trends or Regions) run by AppTest pointed at the store as
    the server was; each change appended to `out` as a JSON line as soon as it is timed."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import AppTest, app_test, local_script_runner

    from indicators.core.settings import settings

    # A server compiles each page script once (its runtime keeps one ScriptCache); AppTest
    # makes a new cache at every run, so each change would compile app.py and the page again
    # (30-40 ms, none of it the server's). One cache for every run, as a server has.
    one = ScriptCache()
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: one
    os.environ["INDICATORS_DB"], os.environ["INDICATORS_DATA_DIR"] = location, str(folder)
    settings.cache_clear()
    places = Places(folder)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=OPEN_TIMEOUT_S)
    at.run()
    from ui import prewarm  # as a server's watcher does for each revision (after a first run)
    from ui.cache import revision

    t0 = time.perf_counter()
    prewarm.prepare(revision())
    prepared = (time.perf_counter() - t0) * 1000
    with out.open("a", encoding="utf-8") as f:
        _write(f, Change(only, "prepared", "", prepared))
        for page, change in ((TRENDS, trends_change), (REGIONS, regions_change)):
            name = "Trends" if page == TRENDS else "Regions"
            if name != only:
                continue
            at.switch_page(page.file)
            t0 = time.perf_counter()
            at.run()
            opened = Change(name, "open", "", (time.perf_counter() - t0) * 1000, _shown(at))
            _write(f, opened)
            for i in range(n):
                try:
                    kind, label, setter, value = change(at, places, i)
                except StopIteration:  # the widget is not on the page: say what the page shows
                    _write(f, Change(name, "missing", str(i), 0.0, _shown(at) or "no widget"))
                    break
                t0 = time.perf_counter()
                setter(value).run()
                ms = (time.perf_counter() - t0) * 1000
                _write(f, Change(name, kind, label, ms, _shown(at)))


def _shown(at) -> str:
    """The exceptions and error messages the page shows, shortened."""
    found = [str(e.value) for e in at.exception] + [str(e.value) for e in at.error]
    return "; ".join(" ".join(x.split())[:200] for x in found)


def _write(f, change: Change) -> None:
    f.write(json.dumps(vars(change), ensure_ascii=False) + "\n")
    f.flush()


def filter_changes(args, folder: Path, tmp: Path) -> tuple[list[Change], dict, str | None]:
    """Run `filter_child` for Trends, then for Regions, each in a child process of ours watched
    by the memory guard: the changes, the AppTest page opens (ms) and peak memory, and why a
    child did not finish, if one did not."""
    changes: list[Change] = []
    info: dict = {"opened": {}, "prepared": {}, "peak": {}}
    why: list[str] = []
    for page in ("Trends", "Regions"):
        say(f"filter changes on {page} (AppTest)")
        out, log = tmp / f"changes-{page}.jsonl", tmp / f"changes-{page}.log"
        cmd = [sys.executable, __file__, "--filters-child", str(out), page, "--db", args.db,
               "--data-dir", str(folder), "--changes", str(args.changes)]  # fmt: skip
        with log.open("w") as f:
            proc = subprocess.Popen(cmd, stdout=f, stderr=subprocess.STDOUT, start_new_session=True)
        watch = Watch(proc, int(args.memory_guard * GiB))
        watch.label = f"{page} (AppTest)"
        t0 = time.monotonic()
        try:
            proc.wait()
        finally:
            stop_group(proc)
        rows = [json.loads(line) for line in out.read_text().splitlines()] if out.exists() else []
        info["opened"].update({r["page"]: r["ms"] for r in rows if r["kind"] == "open"})
        info["prepared"].update({r["page"]: r["ms"] for r in rows if r["kind"] == "prepared"})
        info["peak"][page] = watch.hwm
        changes += [Change(**r) for r in rows if r["kind"] not in ("open", "missing", "prepared")]
        why += [f"{r['page']}: {r['error']}" for r in rows if r["kind"] == "missing" or (
            r["kind"] == "open" and r["error"])]  # fmt: skip
        if watch.tripped:
            spent = time.monotonic() - t0
            why.append(f"{page}: stopped by the memory guard after {spent:.0f} s ({watch.tripped})")
        elif proc.returncode != 0:
            why.append(f"{page}: {' '.join(log.read_text().split())[-400:]}")
    return changes, info, "; ".join(why) or None


# -- the run -------------------------------------------------------------------------------------


def ensure_store(location: str, folder: Path, scale: float) -> dict:
    """The build's figures (build.json beside the store), building the store first if needed."""
    store = ns.store_at(location)
    if not store.is_seeded():
        say(f"building the store at {location} (scale {scale})")
        return ns.build(location, folder, scale)
    if not (folder / "catalog.csv").exists():
        ns.write_install(folder)
    stamp = folder / "build.json"
    return json.loads(stamp.read_text()) if stamp.exists() else {}


def code_version() -> str:
    """The commit measured, and whether the working tree had uncommitted edits (the tree is
    shared: other engineers' work in progress is measured with it)."""
    git = ["git", "-C", str(ROOT)]
    head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(
        [*git, "status", "--porcelain", "--untracked-files=no", "--", "src", "ui", "app.py"],
        capture_output=True, text=True,
    )  # fmt: skip
    edits = " with uncommitted edits in src/ or ui/" if dirty.stdout.strip() else ""
    return f"code {head.stdout.strip()}{edits}"


def store_figures(store: Store) -> dict:
    with store.connect(read_only=True) as con:
        rows, units = con.execute(
            "SELECT count(*), count(DISTINCT (unit_list, region)) FROM observations"
            " WHERE rev_to IS NULL"
        ).fetchall()[0]
    return {"rows": rows, "units": units, "revision": store.current_revision()}


def cpu_ticks() -> tuple[int, int] | None:
    """(stolen, all) CPU ticks since boot, from the first line of /proc/stat (None where there
    is none). On a virtual machine the host may give the CPUs to other machines for a while
    ("steal"): a run during which it took a large share is slower for reasons outside the
    app, so the table says how much it took."""
    try:
        line = Path("/proc/stat").read_text().split("\n", 1)[0].split()
        ticks = [int(x) for x in line[1:9]]  # user nice system idle iowait irq softirq steal
    except (OSError, ValueError):
        return None
    return (ticks[7], sum(ticks)) if len(ticks) == 8 else None


def stolen_share(before: tuple[int, int] | None, after: tuple[int, int] | None) -> float | None:
    """The share of the CPU time between two `cpu_ticks` readings the host took (steal)."""
    if before is None or after is None or after[1] <= before[1]:
        return None
    return (after[0] - before[0]) / (after[1] - before[1])


@dataclass
class Run:
    args: argparse.Namespace
    build: dict
    before: dict
    base_first: Opened
    base_warm: float
    base_peak: int
    healthy_s: float
    prepared_s: float | None
    pages: dict
    revisions: list[tuple[int, float | None]]  # each new revision, the seconds it took to prepare
    peak: int
    page_peaks: dict[str, int]
    restarts: list[str]
    changes: list[Change]
    apptest: dict
    stopped: str | None
    tracebacks: dict[str, str]
    load: tuple[float, float, float]
    code: str
    steal: float | None = None  # the host's share of CPU time during the page opens
    uploaded: Uploaded | None = None  # the correction saved through the Upload page


class Bare:
    """The bare one-chart page, served for the whole run: opened `runs` times at the start and
    once more beside each page of the app, so the yardstick is taken under the same load as
    the pages (the machine is shared)."""

    def __init__(self, browser, runs: int, tmp: Path):
        env = {k: v for k, v in os.environ.items() if not k.startswith("INDICATORS_")}
        self.srv = Server(ROOT / "bench" / "baseline_app.py", env, tmp / "bare.log", 2 * GiB)
        self.ctx = browser.new_context(viewport={"width": 1440, "height": 2000})
        self.page = self.ctx.new_page()
        self.first = self.open()
        self.warm = [self.open() for _ in range(runs)]
        say(f"bare page: first {self.first.seconds}, warm {[o.seconds for o in self.warm]}")

    def open(self) -> Opened:
        return open_page(self.page, self.srv.url + "/", self.srv)

    def again(self) -> None:
        self.warm.append(self.open())

    def stop(self) -> tuple[float | None, int]:
        """The warm median of every open after the first, and the server's peak memory."""
        peak = self.srv.peak_bytes()
        self.ctx.close()
        self.srv.stop()
        return median(self.warm), peak


def measure(args: argparse.Namespace) -> Run:
    folder = args.data_dir or ns.default_install(args.db)
    build = ensure_store(args.db, folder, args.scale)
    store = ns.store_at(args.db)
    ensure_admin(store)
    before = store_figures(store)
    load, code = os.getloadavg(), code_version()
    ticks = cpu_ticks()
    env = dict(os.environ, INDICATORS_DB=args.db, INDICATORS_DATA_DIR=str(folder))
    guard = int(args.memory_guard * GiB)
    with tempfile.TemporaryDirectory() as name, sync_playwright() as pw:
        tmp = Path(name)
        if ns.is_url(args.db):  # the server's own copy, as on a server of a deployment
            env["INDICATORS_MIRROR"] = str(tmp / "mirror-server.duckdb")
        browser = pw.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        bare = Bare(browser, args.runs, tmp)
        app = App(env, tmp, guard)
        try:
            pages, revisions, peak, uploaded = time_app(browser, app, store, args, bare, tmp)
        finally:
            app.stop()
            base_warm, base_peak = bare.stop()
            browser.close()
        steal = stolen_share(ticks, cpu_ticks())
        pattern = r"(?:sự cố|Incident id): (\w+)"
        incidents = {m for p in pages.values() for e in p.errors for m in re.findall(pattern, e)}
        tracebacks = app.tracebacks(incidents)
        restarts = [s.watch.tripped for s in app.servers if s.watch.tripped]
        say("filter changes (AppTest)")
        changes, apptest, stopped = filter_changes(args, folder, tmp)
    first = app.servers[0]
    return Run(args, build, before, bare.first, base_warm, base_peak,
               first.healthy_s, first.prepared_s, pages, revisions, peak, app.peaks(), restarts,
               changes, apptest, stopped, tracebacks, load, code, steal, uploaded)  # fmt: skip


# -- the table -----------------------------------------------------------------------------------


def verdict(ok: bool, smoke: bool) -> str:
    if smoke:
        return "not judged (smoke)"
    return "**met**" if ok else "**missed**"


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def secs(x: float | None) -> str:
    return "did not finish" if x is None else f"{x:.2f} s"


def ratio(x: float | None, base: float) -> str:
    return "—" if x is None else f"{x / base:.1f}×"


def _db_flag(backend: str) -> str:
    """The run's --db as the command line gave it, a given URL not written out (it may hold
    a password)."""
    if backend.startswith("DuckDB"):
        return ""
    return " --db postgresql://…" if backend.endswith("(given)") else f" --db {OWN}"


def _stolen(steal: float | None) -> str:
    if steal is None:
        return ""
    return f"; the host took {steal:.0%} of the CPU time during the page opens (steal)"


def _mib(x: float) -> str:
    return f"{x / 2**20:,.0f} MiB"


def target_rows(run: Run, frame: pd.DataFrame) -> list[tuple[str, ...]]:
    smoke, base = run.args.smoke, run.base_warm
    rows = [("bare one-chart page, warm", secs(base), "1.0×", "yardstick", "—")]
    for p in run.pages.values():
        warm = median(p.warm) if p.warm else None
        ok = warm is not None and warm <= WARM_RATIO * base
        name = f"{p.name} `{p.path}` warm" + (f" ({_n(len(p.warm), 'open')})" if p.warm else "")
        figure = secs(warm) if warm is not None else unfinished([p.first, *p.warm])
        rows.append((name, figure, ratio(warm, base), f"≤ {WARM_RATIO}×", verdict(ok, smoke)))
    for p in run.pages.values():
        if p.after_revision:
            after = median(p.after_revision)
            ok = after is not None and after <= REVISION_RATIO * base
            name = f"{p.name} first open after a new revision"
            figure = secs(after) if after is not None else unfinished(p.after_revision)
            rows.append((name, figure, ratio(after, base), f"≤ {REVISION_RATIO:g}×",
                         verdict(ok, smoke)))  # fmt: skip
    for page in ("Trends", "Regions"):
        part = frame[frame["page"] == page] if len(frame) else frame
        p95 = float(np.percentile(part["ms"], 95)) if len(part) else None
        name = f"{page}: filter change, server side, p95 of {len(part)}"
        ok = p95 is not None and p95 <= CHANGE_P95_MS and len(part) >= min(run.args.changes, 20)
        figure = "did not finish" if p95 is None else f"{p95:,.0f} ms"
        rows.append((name, figure, "—", f"≤ {CHANGE_P95_MS} ms", verdict(ok, smoke)))
    up = run.uploaded
    if up is not None:
        figure = secs(up.seconds) if up.seconds is not None else f"failed: {up.error}"
        rows.append((f"Upload (admin): a 500-row correction checked and saved as revision "
                     f"{up.rev}", figure, ratio(up.seconds, base), "—", "—"))  # fmt: skip
    rows.append(("app server peak memory (VmHWM) after every page and the upload", _mib(run.peak),
                 f"bare page {_mib(run.base_peak)}", "≤ 1,024 MiB",
                 verdict(run.peak <= MEMORY_BYTES and not run.restarts, smoke)))  # fmt: skip
    return rows


def unfinished(found: list[Opened]) -> str:
    """Why an open of these did not finish: the guard stopped the server (and when), or not."""
    stops = [o.stopped_after for o in found if o.seconds is None and o.stopped_after is not None]
    if stops:
        return f"server over the memory guard after {min(stops):.0f} s"
    return "did not finish" if any(o.seconds is None for o in found) else "—"


def _secs_ms(ms: float | None) -> str:
    return "did not finish" if ms is None else f"{ms / 1000:,.1f} s"


def _list(found: list[Opened]) -> str:
    def one(o: Opened) -> str:
        if o.seconds is not None:
            return f"{o.seconds:.2f}"
        return f"guard at {o.stopped_after:.0f}" if o.stopped_after is not None else "—"

    return ", ".join(one(o) for o in found) or "—"


def _revisions(revisions: list[tuple[int, float | None]], a: argparse.Namespace) -> str:
    """The revisions committed while the server ran, and how each was waited for."""
    ids = ", ".join(str(rev) for rev, _ in revisions)
    said = f"{ids} (500 rows each, {a.notice:g} s given to notice"
    if a.prepare_wait <= 0:
        return said + "; opened without waiting for the server to prepare them)"
    took = ", ".join("not within the wait" if s is None else f"{s:.1f} s" for _, s in revisions)
    return (
        said + "; each view page then opened once the server's watcher had prepared the "
        f"revision's default views, which took {took} by its log, waited for up to "
        f"{a.prepare_wait:g} s: until then a visitor's open competes with that preparation)"
    )


def detail_lines(run: Run, frame: pd.DataFrame) -> list[str]:
    a = run.args
    names = {p.name for p in run.pages.values()}
    lines = [
        f"Server start to healthy: {run.healthy_s:.1f} s; its revision watcher then prepared the "
        f"default views of the revision it started on in {run.prepared_s or float('nan'):.1f} s "
        "(the warm opens wait for that: the first open after start does not). "
        "Revisions committed while it ran: "
        f"{_revisions(run.revisions, a)}. "
        f"Memory guard: {a.memory_guard:g} GiB"
        + (
            f"; it stopped the server: {'; '.join(run.restarts)}. The page after each stop was "
            "opened on a new server (its caches empty), so the figures after a stop include a "
            "cold start."
            if run.restarts
            else "."
        ),
        "",
        "| page | first open after start (s) | warm opens (s) | after a new revision (s) "
        "| most resident memory during its opens |",
        "|---|---:|---|---|---:|",
        f"| bare one-chart page | {secs(run.base_first.seconds)} | — | — | {_mib(run.base_peak)} |",
        *(
            f"| {p.name} | {_list([p.first])} | {_list(p.warm)} | {_list(p.after_revision)}"
            f" | {_mib(run.page_peaks.get(p.name, 0))} |"
            for p in run.pages.values()
        ),
        "",
        "Most resident memory of the app server outside page opens: "
        + ", ".join(f"{k}: {_mib(v)}" for k, v in run.page_peaks.items() if k not in names)
        + ".",
        "",
        "Filter changes, server side (ms; AppTest, one child process a page: a first run of "
        "the app, the revision prepared as a server's watcher prepares it, the page's first run, "
        "then the changes): "
        + "; ".join(
            f"{page}: prepared in {_secs_ms(run.apptest['prepared'].get(page))}, first run "
            f"{_secs_ms(run.apptest['opened'].get(page))}, peak memory {_mib(peak)}"
            for page, peak in run.apptest["peak"].items()
        )
        + ".",
        "",
        "| page | change | n | median | p95 | max |",
        "|---|---|---:|---:|---:|---:|",
    ]
    if len(frame):
        for (page, kind), part in frame.groupby(["page", "kind"], sort=False):
            ms = part["ms"]
            lines.append(f"| {page} | {kind} | {len(part)} | {ms.median():,.0f} | "
                         f"{np.percentile(ms, 95):,.0f} | {ms.max():,.0f} |")  # fmt: skip
    if run.stopped:
        lines += ["", f"The AppTest child did not finish: {' '.join(run.stopped.split())[-400:]}"]
    return lines


def error_lines(run: Run, frame: pd.DataFrame) -> list[str]:
    out = []
    for p in run.pages.values():
        out += [f"- {p.name}: {' '.join(e.split())[:300]}" for e in p.errors]
    out += [f"- incident {i} in the server log: `{tb}`" for i, tb in run.tracebacks.items()]
    if len(frame):
        for c in frame[frame["error"] != ""].itertuples():
            out.append(f"- {c.page}, {c.kind} → {c.value}: {c.error}")
    return ["Errors shown:", "", *out] if out else ["No page showed an error."]


def report(run: Run) -> str:
    a, b = run.args, run.build
    size = ns.store_bytes(a.db)
    frame = pd.DataFrame([vars(c) for c in run.changes], columns=list(Change.__annotations__))
    built = ""
    if b:
        built = (
            f" Built by `bench/national_store.py` ({b.get('built', '?')}): "
            f"{b.get('observations', 0):,} observations and {b.get('targets', 0)} targets in "
            f"{_n(len(b.get('revisions', [])), 'revision')} of ≤ 2 M rows; "
            f"{b.get('generate_s', 0):.1f} s to generate the frames (numpy), "
            f"{b.get('commit_s', 0):.1f} s to commit them, {b.get('total_s', 0):.1f} s in all."
        )
    head = [
        "# Speed at national scale" + (" (smoke: 1% store, nothing judged)" if a.smoke else ""),
        "",
        f"`.venv/bin/python bench/national_speed.py --runs {a.runs} --changes {a.changes}"
        f"{_db_flag(a.backend)}` on "
        f"{platform.node()} ({os.cpu_count()} cores shared with other engineers' work; load "
        f"average {run.load[0]:.1f} before the run{_stolen(run.steal)}), "
        f"{time.strftime('%Y-%m-%d %H:%M')}, "
        f"{run.code}, Chromium headless on 127.0.0.1.",
        "",
        (
            f"Store: a DuckDB file of {size / 1e6:,.0f} MB"
            if size
            else f"Store: {a.backend} on 127.0.0.1, each process reading its own local DuckDB copy"
        )
        + f", {run.before['rows']:,} current observations on {run.before['units']:,} units "
        f"(both unit lists), revision {run.before['revision']} before the run.{built}",
        "",
        "Warm: the median of the opens after the first, once the server has prepared the "
        "revision it started on; an open lasts from navigation until the "
        "script has finished and every chart has drawn. The bare page was served throughout and "
        f"opened {_n(a.runs, 'time')} after its first open, then once beside each page of the app "
        "(the yardstick under the same load as the pages). Upload, History and Accounts are opened "
        "signed in as an admin, the other pages as a visitor. Filter changes are timed "
        "server side (AppTest, `set_value(...).run()`, the page compiled once as a server "
        "compiles it), the server stopped.",
        "",
        "| measure | figure | × bare page | target | target |",
        "|---|---:|---:|---|---|",
        *(f"| {' | '.join(r)} |" for r in target_rows(run, frame)),
        "",
        "## Details",
        "",
    ]
    lines = [*head, *detail_lines(run, frame), "", *error_lines(run, frame)]
    return "\n".join(lines).rstrip() + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--db",
        help="DuckDB file, store URL, or 'postgresql' for a throw-away local"
        " server (default var/national-bench.duckdb)",
    )
    ap.add_argument("--data-dir", type=Path, help="install folder (default: beside the store)")
    ap.add_argument("--scale", type=float, default=1.0, help="when building: share of communes")
    ap.add_argument("--runs", type=int, default=5, help="warm opens of each page")
    ap.add_argument("--page-budget", type=float, default=600, help="seconds of warm opens a page")
    ap.add_argument("--changes", type=int, default=21, help="filter changes on each page")
    ap.add_argument("--cycles", type=int, default=3, help="new revisions, each then opened")
    ap.add_argument("--notice", type=float, default=3.0, help="seconds given to notice one")
    ap.add_argument(
        "--prepare-wait", type=float, default=120.0,
        help="then seconds to wait for the server to prepare it (0: open at once)",
    )  # fmt: skip
    ap.add_argument("--memory-guard", type=float, default=6.0, help="GiB a process may hold")
    ap.add_argument("--smoke", action="store_true", help="1%% store, quick, nothing judged")
    ap.add_argument("--out", type=Path, help=f"table file (default {OUT.relative_to(ROOT)})")
    ap.add_argument("--filters-child", nargs=2, help=argparse.SUPPRESS)  # OUT PAGE
    args = ap.parse_args()
    if args.filters_child:
        out, page = args.filters_child
        filter_child(args.db, args.data_dir, args.changes, Path(out), page)
        return
    if args.smoke:
        args.scale, args.runs, args.changes, args.cycles, args.notice = 0.01, 1, 3, 1, 1.0
        args.db = args.db or str(SMOKE_DB)
    args.db = args.db or str(ns.DEFAULT_DB)
    with database(args.db) as (location, backend), tempfile.TemporaryDirectory() as copies:
        args.db, args.backend = location, backend
        if ns.is_url(location):  # this script's copy (its commits; the AppTest children's)
            os.environ["INDICATORS_MIRROR"] = str(Path(copies) / "mirror-bench.duckdb")
        table = report(measure(args))
    print(table)
    out = args.out or (None if args.smoke else OUT)
    if out is not None:
        out.write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main()
