"""Load test (issue 15): officials browsing and analysts importing at the same time, against
two dashboard processes on the shared PostgreSQL store behind nginx.

    .venv/bin/python bench/load_test.py [--run-time 3m] [--officials 50] [--analysts 2]
    .venv/bin/python bench/load_test.py --db postgresql://user@127.0.0.1:5432/dbname
    .venv/bin/python bench/load_test.py --db URL --upstreams 8501,8502

By default everything runs on 127.0.0.1 and is stopped by PID afterwards: a throw-away
PostgreSQL with a new database (tests/services/postgres.py), `indicators init`, two dashboard
processes (`streamlit run ui/server.py`, each with its own INDICATORS_MIRROR) and nginx from
deploy/nginx/chiso-cntt.conf (tests/services/nginx.py). `--db` uses that database instead (a
DuckDB file path works too: one office's file shared by the processes); with `--upstreams` the
dashboard processes are already running on those ports against `--db`.

How a page is opened. A Streamlit page is an empty shell: its content is made by the page's
script, run on the server for each visitor over the websocket (/_stcore/stream), and sent as
protobuf messages. Each official is a Locust user doing what the browser does: it loads the
shell through nginx (which sets the sticky cookie), opens the websocket with that cookie, asks
for a page as a link does (`rerun_script` with the page's path and query) and reads every
message until `script_finished`. The page time is that wait: every figure, table and card is
computed and sent exactly as for a browser. Only plotly.js drawing in the official's own
browser is left out, and it costs the servers nothing; 50 Chromium tabs on the 2-core machine
of this bench would measure the load generator starving, not the servers. So one real
Chromium (the probe) opens pages through nginx during the run, and its times are reported
apart. A page fails on a Python exception or error box, a page-not-found, a closed websocket,
no answer in PAGE_TIMEOUT, or a revision older than one this tab already showed.

Analysts run `indicators import FILE -m MESSAGE` (the command line) against the same
INDICATORS_DB: each import sets one indicator for every commune of the analyst's own district
to a number no other import uses, then the analyst waits until each server shows that revision.

Nothing lost: afterwards `indicators history` must list every import that said it committed,
with the file's row counts; on each server (directly on its port), signed in as an analyst,
the History page must list the same revisions, and the data as of every committed revision
must hold each analyst's latest numbers up to it on every commune.

Writes bench/results/load_test.md with what this run measured (or --out FILE).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import itertools
import json
import math
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.TextInput_pb2 import TextInput
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.sync.client import connect
from websockets.typing import Origin, Subprotocol

ROOT = Path(__file__).resolve().parents[1]
for _path in (ROOT, ROOT / "bench"):  # tests.services and the bench's own helpers, as a
    if str(_path) not in sys.path:  # script or as Locust's locustfile
        sys.path.insert(0, str(_path))

from _local_postgres import database  # noqa: E402

from indicators.present.tables import PAGE_ROWS  # noqa: E402

BIN = Path(sys.executable).parent
OUT = ROOT / "bench" / "results" / "load_test.md"
PAGE_TIMEOUT = 120.0  # seconds for one page's script to finish
SEEN_TIMEOUT = 60.0  # seconds for an import to show on a server
INDICATOR, PERIOD, UNIT_LIST = "bts_count", "2024", "legacy"
ACCOUNT = "bench-analyst"  # signs in on each server to read the History page
# (page path, query, weight): entry pages as officials open them, from the menu or a link
PAGES = [
    ("", "", 4),
    ("xu-huong", "", 2),
    ("xu-huong", "ind=hh_internet_pct,bts_count&reg=56&gran=year&period=2016-2026", 1),
    ("dia-ban", "", 2),
    ("dia-ban", "indicator=post_commune_pct&era=legacy&period=2020&unit=574", 1),
    ("so-sanh-tinh", "", 1),
    ("du-lieu", "", 1),
    ("phuong-phap", "", 1),
    ("bao-cao", "", 1),
]
REVISION = re.compile(r"(?:phiên bản|revision) (\d+)")
IMPORTED = re.compile(r"(?:Phiên bản|Revision) (\d+):")
TICKET = re.compile(r'src="(/_auth/ticket/[^"]+)"')  # the sign-in image's address


# --- one browser tab's Streamlit session, over the websocket --------------------------------


@dataclass
class View:
    """What one run of a page sent: its time, size, revision caption, errors, tables, widgets."""

    seconds: float = 0.0
    size: int = 0
    revision: int | None = None
    errors: list[str] = field(default_factory=list)
    frames: list[bytes] = field(default_factory=list)
    text_inputs: list[TextInput] = field(default_factory=list)
    submit_ids: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)

    def table(self, index: int) -> list[dict]:
        """The `index`-th dataframe of the page as rows."""
        return pa.ipc.open_stream(self.frames[index]).read_all().to_pylist()


class Tab:
    """A Streamlit session as one browser tab holds it: `open` runs a page as a link does."""

    def __init__(self, base: str, cookie: str = "") -> None:
        self._stack = contextlib.ExitStack()
        self.ws = self._stack.enter_context(
            connect(
                base.replace("http", "ws", 1) + "/_stcore/stream",
                subprotocols=[Subprotocol("streamlit")],
                origin=Origin(base),
                additional_headers={"Cookie": cookie} if cookie else None,
                max_size=None,
                open_timeout=PAGE_TIMEOUT,
            )
        )
        self.newest = 0  # the newest revision this tab has shown

    def __enter__(self) -> Tab:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._stack.close()

    def open(self, page: str, query: str = "", states: Sequence[WidgetState] = ()) -> View:
        msg = BackMsg()
        run = msg.rerun_script
        run.page_name, run.query_string = page, query
        run.context_info.timezone, run.context_info.locale = "Asia/Ho_Chi_Minh", "vi-VN"
        run.widget_states.widgets.extend(states)
        view, started = View(), time.monotonic()
        self.ws.send(msg.SerializeToString())
        while True:
            raw = self.ws.recv(timeout=max(0.1, started + PAGE_TIMEOUT - time.monotonic()))
            view.size += len(raw)
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            kind = fwd.WhichOneof("type")
            if kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                _read_element(fwd.delta.new_element, view)
            elif kind == "page_not_found":
                view.errors.append(f"page not found: {page!r}")
            elif kind == "script_finished" and fwd.script_finished in (
                ForwardMsg.FINISHED_SUCCESSFULLY,
                ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
            ):
                if fwd.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    view.errors.append("compile error")
                break
        view.seconds = time.monotonic() - started
        if view.revision is not None:
            if view.revision < self.newest:
                view.errors.append(f"revision {view.revision} after {self.newest}")
            self.newest = max(self.newest, view.revision)
        return view


def _read_element(element, view: View) -> None:
    kind = element.WhichOneof("type")
    if kind == "exception":
        view.errors.append(f"exception: {element.exception.message[:200]}")
    elif kind == "alert" and element.alert.format == element.alert.ERROR:
        view.errors.append(f"error box: {element.alert.body[:200]}")
    elif kind == "html":
        view.texts.append(element.html.body)
    elif kind == "markdown":
        view.texts.append(element.markdown.body)
        if view.revision is None and (found := REVISION.search(element.markdown.body)):
            view.revision = int(found.group(1))
    elif kind == "dataframe":
        if element.dataframe.HasField("lazy_data"):
            view.errors.append("a table arrived in chunks: not read by this bench")
        view.frames.append(element.dataframe.arrow_data.data)
    elif kind == "text_input":
        view.text_inputs.append(element.text_input)
    elif kind == "button" and element.button.is_form_submitter:
        view.submit_ids.append(element.button.id)


def sign_in(base: str, name: str, password: str) -> str:
    """Sign in with the sidebar's form as a person does, then let the page's 1×1 image fetch
    the session cookie (ui/signin_routes.py); the cookie, for tabs opened later."""
    with Tab(base) as tab:
        view = tab.open("")
        form = [t for t in view.text_inputs if t.form_id.endswith("sign_in_sidebar")]
        user = next(t for t in form if t.type == TextInput.DEFAULT)
        secret = next(t for t in form if t.type == TextInput.PASSWORD)
        submit = next(i for i in view.submit_ids if "sign_in_sidebar" in i)
        states = [
            WidgetState(id=user.id, string_value=name),
            WidgetState(id=secret.id, string_value=password),
            WidgetState(id=submit, trigger_value=True),
        ]
        after = tab.open("", states=states)
    ticket = next((m.group(1) for t in after.texts if (m := TICKET.search(t))), None)
    if ticket is None:
        raise RuntimeError(f"could not sign in as {name} on {base}: {after.errors}")
    with urllib.request.urlopen(base + ticket, timeout=30) as reply:
        cookie = reply.headers.get("Set-Cookie", "").split(";")[0]
    if not cookie:
        raise RuntimeError(f"no session cookie from {base}{ticket.split('/')[1]}")
    return cookie


# --- the simulated people (defined when Locust imports this file) ---------------------------

if __name__ != "__main__":
    import gevent
    from locust import HttpUser, User, between, task

    PLAN = json.loads(Path(os.environ["LOAD_TEST_PLAN"]).read_text())
    _ANALYSTS = itertools.count()

    def _fire(env, kind: str, name: str, seconds: float, size: int, error: str | None) -> None:
        env.events.request.fire(
            request_type=kind,
            name=name,
            response_time=seconds * 1000,
            response_length=size,
            exception=RuntimeError(error) if error else None,
            context={},
        )

    class Official(HttpUser):
        """An official's visit: a page from a link, then a few more from the menu."""

        wait_time = between(*PLAN["think"])

        @task
        def visit(self) -> None:
            pages = random.choices(PAGES, weights=[w for *_, w in PAGES], k=random.randint(2, 5))
            entry = "/" + pages[0][0] + (f"?{pages[0][1]}" if pages[0][1] else "")
            self.client.get(entry, name="page shell (HTTP)")
            cookie = "; ".join(f"{c.name}={c.value}" for c in self.client.cookies)
            try:
                with Tab(self.host, cookie) as tab:
                    for path, query, _ in pages:
                        name = page_name(path, query)
                        view = tab.open(path, query)
                        error = "; ".join(view.errors) or None
                        _fire(self.environment, "page", name, view.seconds, view.size, error)
                        if error:
                            return
                        gevent.sleep(random.uniform(*PLAN["think"]))
            except Exception as exc:  # a closed websocket, a timeout: the visit ends
                _fire(self.environment, "page", "websocket", 0, 0, f"{type(exc).__name__}")

    class Analyst(User):
        """An analyst importing a file of their district again and again (the CLI)."""

        fixed_count = len(PLAN["analysts"])
        wait_time = between(*PLAN["import_every"])

        def on_start(self) -> None:
            self.me = PLAN["analysts"][next(_ANALYSTS)]
            self.rounds = itertools.count(1)
            self.tabs = {p: Tab(f"http://127.0.0.1:{p}") for p in PLAN["servers"]}

        def on_stop(self) -> None:
            for tab in self.tabs.values():
                tab.close()

        @task
        def import_once(self) -> None:
            i = next(self.rounds)
            value = self.me["base"] + i
            path = Path(PLAN["work"]) / f"{self.me['name']}-{i:03d}.csv"
            path.write_text(import_csv(self.me["communes"], value), encoding="utf-8")
            cmd = [str(BIN / "indicators"), "import", str(path), "-m", f"{self.me['name']} {i}"]
            env = dict(os.environ, INDICATORS_MIRROR=self.me["mirror"])
            started = time.monotonic()
            proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            _log({"event": "started", "pid": proc.pid, "file": path.name})
            out, err = proc.communicate()
            seconds = time.monotonic() - started
            found = IMPORTED.search(out.decode(errors="replace"))
            rev = int(found.group(1)) if found and proc.returncode == 0 else None
            said = err.decode(errors="replace")[-500:] if rev is None else ""
            record = {"event": "import", "analyst": self.me["name"], "round": i, "value": value,
                      "file": path.name, "rev": rev, "seconds": seconds,
                      "rows": len(self.me["communes"]), "code": proc.returncode,
                      "stderr": said}  # fmt: skip
            _log(record)
            error = None if rev else f"exit {proc.returncode}: {record['stderr'][-200:]}"
            _fire(self.environment, "import", "indicators import (CLI)", seconds, 0, error)
            if rev:
                self._wait_seen(rev)

        def _wait_seen(self, rev: int) -> None:
            """How long after the import each server shows its revision (polling a page)."""
            committed = time.monotonic()
            for port in PLAN["servers"]:
                error = f"revision {rev} not shown in {SEEN_TIMEOUT:.0f} s"
                try:
                    while time.monotonic() - committed < SEEN_TIMEOUT:
                        if (self.tabs[port].open("phuong-phap").revision or 0) >= rev:
                            error = None
                            break
                        gevent.sleep(0.5)
                except Exception as exc:  # the tab broke: say so, open a new one next time
                    error = f"{type(exc).__name__}: {exc}"[:200]
                    self.tabs[port].close()
                    self.tabs[port] = Tab(f"http://127.0.0.1:{port}")
                name = f"revision shown on :{port} after import"
                _fire(self.environment, "seen", name, time.monotonic() - committed, 0, error)

    def _log(record: dict) -> None:
        with open(Path(PLAN["work"]) / "imports.jsonl", "a", encoding="utf-8") as f:
            f.write(json.dumps(record) + "\n")


def page_name(path: str, query: str) -> str:
    """A page as the table names it: its path, and "?…" when opened from a link with choices."""
    return f"/{path}" + ("?…" if query else "")


def import_csv(communes: Sequence[str], value: int) -> str:
    """An analyst's file: the indicator for every commune of the district, all set to `value`."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["indicator", "unit_list", "region", "period", "value", "status", "source"])
    for code in communes:
        w.writerow([INDICATOR, UNIT_LIST, code, PERIOD, value, "illustrative", "bench/load_test"])
    return out.getvalue()


# --- the driver: services, the run, the checks, the table -------------------------------------

CHART = "[data-testid=stPlotlyChart] .main-svg"
PROBE_PAGES = [("/", 2), ("/xu-huong", 2), ("/dia-ban", 3)]  # (path, charts drawn when open)
HISTORY_ID, HISTORY_FILE = "Phiên bản", "Tệp"  # the History page's column headers (Vietnamese)


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cli(env: dict, *args: str, stdin: str | None = None) -> str:
    """`indicators ARGS` with `env`; its stdout, or RuntimeError with what it said."""
    done = subprocess.run(
        [str(BIN / "indicators"), *args], env=env, input=stdin, capture_output=True, text=True
    )
    if done.returncode:
        raise RuntimeError(f"indicators {' '.join(args)}: {done.stdout}{done.stderr}")
    return done.stdout


class Servers:
    """Dashboard processes on 127.0.0.1 as chiso-cntt@PORT.service runs them (its own
    INDICATORS_MIRROR each), stopped by PID."""

    def __init__(self, count: int, env: dict, work: Path) -> None:
        self.ports = [free_port() for _ in range(count)]
        self.procs = []
        for port in self.ports:
            own = dict(env, INDICATORS_MIRROR=str(work / f"mirror-{port}.duckdb"))
            cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "ui" / "server.py"),
                   "--server.port", str(port), "--server.address", "127.0.0.1",
                   "--server.headless", "true", "--server.fileWatcherType", "none",
                   "--browser.gatherUsageStats", "false"]  # fmt: skip
            log = (work / f"server-{port}.log").open("w")
            proc = subprocess.Popen(
                cmd, cwd=ROOT, env=own, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
            self.procs.append(proc)
        for port, proc in zip(self.ports, self.procs, strict=True):
            wait_healthy(port, proc)

    def stop(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in self.procs:
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(20)
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)


def wait_healthy(port: int, proc: subprocess.Popen | None = None, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"the server on :{port} exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"the server on :{port} did not become healthy")


def analysts_plan(count: int, work: Path) -> list[dict]:
    """Each analyst's district (the home province's first ones on the old unit list, each
    with its communes), the numbers its imports write, and its own local copy of the store."""
    from indicators.core.settings import load_settings  # the driver only: Locust never needs it
    from indicators.geography.units import build_regions

    units = build_regions(load_settings().region_sources)
    units = units[units["unit_list"] == UNIT_LIST]
    home = load_settings().province_on(UNIT_LIST)
    districts = units[(units["level"] == "district") & (units["parent_code"] == home.code)]
    plan = []
    for n, district in enumerate(districts["code"]):
        communes = units[(units["level"] == "commune") & (units["parent_code"] == district)]
        if len(communes) and len(plan) < count:
            plan.append({"name": f"analyst{n + 1}", "district": district,
                         "communes": sorted(communes["code"]), "base": 10_000 * (len(plan) + 1),
                         "mirror": str(work / f"mirror-analyst{n + 1}.duckdb")})  # fmt: skip
    return plan


def warm_up(ports: Sequence[int]) -> dict[int, list[tuple[str, float, list[str]]]]:
    """Every page once on each server before the run (not counted): caches and copies warm."""
    found = {}
    for port in ports:
        with Tab(f"http://127.0.0.1:{port}") as tab:
            found[port] = []
            for path, query, _ in PAGES:
                view = tab.open(path, query)
                found[port].append((page_name(path, query), view.seconds, view.errors))
    return found


def run_locust(args: argparse.Namespace, plan: Path, proxy: str, env: dict, work: Path) -> Path:
    """The officials and analysts for `--run-time`, headless; Locust's CSV files' prefix."""
    prefix = work / "locust"
    users = args.officials + args.analysts
    cmd = [str(BIN / "locust"), "-f", str(Path(__file__).resolve()), "--headless",
           "-u", str(users), "-r", "5", "--run-time", args.run_time, "--stop-timeout", "300",
           "--host", proxy, "--csv", str(prefix), "--only-summary",
           "--loglevel", "WARNING"]  # fmt: skip
    with (work / "locust.log").open("w") as log:
        subprocess.run(cmd, env=dict(env, LOAD_TEST_PLAN=str(plan)), stdout=log, stderr=log)
    return prefix


def wait_for_imports(work: Path) -> None:
    """No import the run started may still be writing when the checks read."""
    for record in read_log(work, "started"):
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            try:
                os.kill(record["pid"], 0)
            except ProcessLookupError:
                break
            time.sleep(0.2)


def read_log(work: Path, event: str) -> list[dict]:
    path = work / "imports.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return [r for r in map(json.loads, lines) if r["event"] == event]


@dataclass
class ServerCheck:
    port: int
    caught_up_s: float  # after the run, until the History page showed the newest revision
    same_revisions: bool  # the History page lists exactly the CLI's revisions and files
    checked: int  # committed revisions read back as of themselves
    wrong: list[str]


@dataclass
class Checks:
    committed: list[dict]
    refused: list[dict]
    history: dict[int, dict]
    lost: list[str]  # committed imports missing from history, or with the wrong counts
    unreported: list[int]  # a revision of this run's files that no import said it made
    servers: list[ServerCheck]

    @property
    def ok(self) -> bool:
        servers_ok = all(s.same_revisions and not s.wrong for s in self.servers)
        return bool(self.committed) and not self.lost and not self.unreported and servers_ok


def verify(env: dict, plan: list[dict], ports: Sequence[int], password: str, work: Path) -> Checks:
    imports = read_log(work, "import")
    committed = [r for r in imports if r["rev"]]
    history = {int(r["id"]): r for r in csv.DictReader(io.StringIO(cli(env, "history")))}
    lost = []
    for r in committed:
        row = history.get(r["rev"])
        if row is None or row["file_name"] != r["file"]:
            lost.append(f"{r['file']}: revision {r['rev']} not in history as that file")
            continue
        counts = [int(row[k]) for k in ("rows_new", "rows_changed", "rows_unchanged")]
        if int(row["rows_in_file"]) != r["rows"] or sum(counts) != r["rows"]:
            lost.append(f"{r['file']}: revision {r['rev']} counts {row}")
    ours = {r["file"] for r in imports}
    made = {r["rev"] for r in committed}
    unreported = [r for r, row in history.items() if row["file_name"] in ours and r not in made]
    servers = [check_server(p, password, history, committed, plan) for p in ports]
    refused = [r for r in imports if not r["rev"]]
    return Checks(committed, refused, history, lost, unreported, servers)


def check_server(
    port: int, password: str, history: dict[int, dict], committed: list[dict], plan: list[dict]
) -> ServerCheck:
    """Directly on one server: signed in, the History page's revisions and, as of every
    committed revision, each analyst's numbers on every commune of their district."""
    base = f"http://127.0.0.1:{port}"
    cookie = sign_in(base, ACCOUNT, password)
    started = time.monotonic()
    with Tab(base, cookie) as tab:
        view = tab.open("lich-su")
        while (view.revision or 0) < max(history) and time.monotonic() - started < SEEN_TIMEOUT:
            time.sleep(0.5)
            view = tab.open("lich-su")
    caught_up = time.monotonic() - started
    listed = {int(r[HISTORY_ID]): r[HISTORY_FILE] for r in view.table(0)} if view.frames else {}
    same = listed == {rev: row["file_name"] for rev, row in history.items()}
    wrong = []
    for record in committed:
        rev = record["rev"]
        with Tab(base, cookie) as tab:  # a new tab: a link to that revision, opened afresh
            have = as_of(tab.open("lich-su", f"rev={rev}&asof={INDICATOR}&asof_period={PERIOD}"))
        for analyst in plan:
            mine = [r for r in committed if r["analyst"] == analyst["name"] and r["rev"] <= rev]
            if not mine:
                continue
            expect = max(mine, key=lambda r: r["rev"])["value"]
            bad = [c for c in analyst["communes"] if have.get(c) != expect]
            if bad:
                wrong.append(f"rev {rev}: {analyst['name']}: {len(bad)} communes, "
                             f"{bad[0]} = {have.get(bad[0])}, not {expect}")  # fmt: skip
    return ServerCheck(port, caught_up, same, len(committed), wrong)


def as_of(view: View) -> dict[str, float]:
    """The History page's 'data as of' table: commune → value in the bench's period. The page
    draws a table `PAGE_ROWS` rows at a time: the bench's period (one indicator, one year, the
    bundled communes) fits one page, and a full page is refused rather than half checked."""
    columns = {"unit_list", "region", "region_name", "period", "value", "status", "source"}
    for index in range(len(view.frames)):
        rows = view.table(index)
        if rows and columns <= set(rows[0]):
            if len(rows) >= PAGE_ROWS:
                raise RuntimeError(f"the as-of table is paged ({len(rows)} rows shown)")
            return {
                str(r["region"]): r["value"]
                for r in rows
                if r["unit_list"] == UNIT_LIST and str(r["period"]) == PERIOD
            }
    return {}


# --- the probe: one real Chromium opening pages through nginx during the run ------------------


def probe(url: str, seconds: float, out: Path) -> None:
    """A new browser context (a new visitor) every 10 s, timed until its charts are drawn."""
    from playwright.sync_api import sync_playwright  # only the probe process drives a browser

    from indicators.export.chromium import CHROMIUM_ARGS, CHROMIUM_PATH

    found: dict[str, list] = {"times": [], "errors": []}
    deadline = time.monotonic() + seconds
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        for path, charts in itertools.cycle(PROBE_PAGES):
            if time.monotonic() > deadline:
                break
            context = browser.new_context(viewport={"width": 1440, "height": 2000})
            page = context.new_page()
            started = time.monotonic()
            try:
                page.goto(url + path, timeout=PAGE_TIMEOUT * 1000)
                page.wait_for_function(
                    f"document.querySelectorAll('{CHART}').length >= {charts}",
                    timeout=PAGE_TIMEOUT * 1000,
                )
                found["times"].append([path, time.monotonic() - started])
            except Exception as exc:  # a page that did not draw: counted, the probe goes on
                found["errors"].append([path, f"{type(exc).__name__}: {str(exc)[:200]}"])
            context.close()
            time.sleep(10)
        browser.close()
    out.write_text(json.dumps(found), encoding="utf-8")


# --- the table ---------------------------------------------------------------------------------


def stats_rows(prefix: Path) -> list[dict]:
    path = Path(f"{prefix}_stats.csv")
    return list(csv.DictReader(path.open(encoding="utf-8"))) if path.exists() else []


def seconds(ms: str) -> str:
    return f"{float(ms) / 1000:.2f}" if ms not in ("", "N/A") else "–"


def report(ctx: dict, prefix: Path, checks: Checks, warm: dict, probed: dict) -> str:
    rows = stats_rows(prefix)
    lines = [
        f"# Load test: {ctx['officials']} officials browsing, {ctx['analysts']} analysts "
        f"importing, {len(ctx['ports'])} app servers, {ctx['backend']}, nginx",
        "",
        f"`bench/load_test.py`, run {time.strftime('%Y-%m-%d %H:%M')} on one machine with "
        f"{os.cpu_count()} cores shared with other work (load generator, servers, database and "
        f"proxy all on it; load average {ctx['load'][0]:.1f} as the load began, "
        f"{ctx['load'][1]:.1f} as it ended): {ctx['run_time']} of load after every page was "
        f"opened once on each "
        f"server. {ctx['versions']}. Officials read {ctx['think'][0]}–{ctx['think'][1]} s "
        f"between pages (2–5 pages a visit, each over Streamlit's websocket as the browser "
        f"does, until the page's script finished: see the script's docstring); analysts "
        f"import a file of {ctx['rows']} rows with `indicators import` every "
        f"{ctx['import_every'][0]}–{ctx['import_every'][1]} s, then wait until each server "
        f"shows it.",
        "",
        "| what | count | errors | p50 (s) | p95 (s) | max (s) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        name = "all of the above" if r["Name"] == "Aggregated" else f"{r['Type']} {r['Name']}"
        lines.append(
            f"| {name} | {r['Request Count']} | {r['Failure Count']} | {seconds(r['50%'])} "
            f"| {seconds(r['95%'])} | {seconds(r['Max Response Time'])} |"
        )
    times = sorted(t for _, t in probed.get("times", []))
    if times or probed.get("errors"):
        p95 = times[max(0, math.ceil(0.95 * len(times)) - 1)] if times else 0.0  # nearest rank
        lines.append(
            f"| Chromium probe: page drawn (charts), through nginx | {len(times)} "
            f"| {len(probed.get('errors', []))} | {statistics.median(times or [0]):.2f} "
            f"| {p95:.2f} | {max(times, default=0):.2f} |"
        )
    lines += ["", *NOTES, "", *failures(prefix)]
    lines += [f"- Chromium probe {path}: {error[:160]}" for path, error in probed.get("errors", [])]
    lines += ["", *nothing_lost(checks), "", "Before the run (each page once "
              "on each server, not counted above; seconds):", ""]  # fmt: skip
    for port, pages in warm.items():
        said = ", ".join(f"{p} {s:.1f}" + (" (error)" if e else "") for p, s, e in pages)
        lines.append(f"- :{port}: {said}")
    return "\n".join(lines) + "\n"


NOTES = [
    "`page`: from asking for the page on the open websocket until its script finished (the "
    "first page of a visit also includes opening the websocket). `seen`: from an import's end "
    "until a page opened afterwards on that server showed its revision; the analyst polls one "
    "server, then the other, each poll a page run under this load, so it is an upper bound. "
    "The Chromium probe: a new browser (empty cache) every 10 s opening /, /xu-huong and "
    "/dia-ban through nginx, shell and static files included, until their charts are drawn.",
]


def failures(prefix: Path) -> list[str]:
    path = Path(f"{prefix}_failures.csv")
    found = list(csv.DictReader(path.open(encoding="utf-8"))) if path.exists() else []
    if not found:
        return ["No page, import or check failed."]
    out = ["Failures (Locust's words):", ""]
    return out + [f"- {f['Name']}: {f['Error'][:160]} × {f['Occurrences']}" for f in found[:12]]


def nothing_lost(checks: Checks) -> list[str]:
    c = checks
    out = [
        f"Nothing lost ({'yes' if c.ok else 'NO'}): {len(c.committed)} imports committed, "
        f"{len(c.refused)} did not; `indicators history` lists {len(c.history)} revisions.",
        "",
        f"- every committed import is in the history as its file with its row counts: "
        f"{'yes' if not c.lost else 'no: ' + '; '.join(c.lost[:5])}",
        f"- no revision of this run's files that its import did not report: "
        f"{'yes' if not c.unreported else 'no: ' + ', '.join(map(str, c.unreported))}",
    ]
    for s in c.servers:
        out.append(
            f"- server :{s.port} (directly, signed in): History lists the same revisions as "
            f"the CLI: {'yes' if s.same_revisions else 'NO'}; as of each of the {s.checked} "
            f"committed revisions every commune holds the analysts' numbers: "
            f"{'yes' if not s.wrong else 'NO: ' + '; '.join(s.wrong[:3])}; it showed the "
            f"newest revision {s.caught_up_s:.1f} s after the run"
        )
    return out


# --- main --------------------------------------------------------------------------------------


def parse_args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", help="INDICATORS_DB (default: a throw-away PostgreSQL)")
    ap.add_argument("--upstreams", help="ports of dashboard processes already running on --db")
    ap.add_argument("--servers", type=int, default=2, help="dashboard processes to start")
    ap.add_argument("--officials", type=int, default=50)
    ap.add_argument("--analysts", type=int, default=2)
    ap.add_argument("--run-time", default="3m", help="Locust's --run-time (e.g. 90s, 3m)")
    ap.add_argument("--think", type=float, nargs=2, default=[5, 15], metavar=("MIN", "MAX"))
    ap.add_argument("--import-every", type=float, nargs=2, default=[10, 20], metavar=("MIN", "MAX"))
    ap.add_argument("--no-probe", action="store_true", help="no Chromium probe")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--probe", nargs=3, metavar=("URL", "SECONDS", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.upstreams and not args.db:
        ap.error("--upstreams needs --db: the database those servers use")
    return args


def run_seconds(text: str) -> float:
    units = {"h": 3600, "m": 60, "s": 1}
    return sum(float(n) * units[u] for n, u in re.findall(r"(\d+(?:\.\d+)?)([hms])", text))


def versions() -> str:
    """The code (its commit; LOAD_TEST_COMMIT names it for a copy made with `git archive`),
    nginx and Streamlit."""
    import streamlit

    nginx = subprocess.run(["/usr/sbin/nginx", "-v"], capture_output=True, text=True).stderr
    git = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                         capture_output=True, text=True)  # fmt: skip
    commit = os.environ.get("LOAD_TEST_COMMIT") or git.stdout.strip() or "unknown"
    return f"Code {commit}, {nginx.strip().split(': ')[-1]}, Streamlit {streamlit.__version__}"


def main() -> int:
    args = parse_args()
    if args.probe:
        probe(args.probe[0], float(args.probe[1]), Path(args.probe[2]))
        return 0
    if not (BIN / "locust").exists():  # said before minutes of setting up a database and servers
        print("Locust is not installed: .venv/bin/pip install -e '.[bench]'", file=sys.stderr)
        return 2
    from tests.services.nginx import running_nginx  # the deployed site, on 127.0.0.1

    work = Path(tempfile.mkdtemp(prefix="indicators-load-"))
    password = "bench-" + os.urandom(12).hex()
    with contextlib.ExitStack() as stack:
        url, backend = stack.enter_context(database(args.db))
        env = dict(os.environ, INDICATORS_DB=url,
                   INDICATORS_MIRROR=str(work / "mirror-cli.duckdb"))  # fmt: skip
        print(cli(env, "init"), flush=True)
        cli(env, "users", "add", ACCOUNT, "--role", "analyst", stdin=f"{password}\n{password}\n")
        if args.upstreams:
            ports = [int(p) for p in args.upstreams.split(",")]
        else:
            servers = Servers(args.servers, env, work)
            stack.callback(servers.stop)
            ports = servers.ports
        proxy = stack.enter_context(running_nginx(ports))
        plan = analysts_plan(args.analysts, work)
        plan_path = work / "plan.json"
        plan_path.write_text(json.dumps({"servers": ports, "work": str(work), "think": args.think,
                                         "import_every": args.import_every,
                                         "analysts": plan}))  # fmt: skip
        print(f"servers {ports}, nginx {proxy.url}, work {work}; warming up", flush=True)
        warm = warm_up(ports)
        prober = None
        if not args.no_probe:
            cmd = [sys.executable, __file__, "--probe", proxy.url,
                   str(run_seconds(args.run_time)), str(work / "probe.json")]  # fmt: skip
            prober = subprocess.Popen(cmd, cwd=ROOT, start_new_session=True)
        print(f"load for {args.run_time}", flush=True)
        load_before = os.getloadavg()[0]
        prefix = run_locust(args, plan_path, proxy.url, env, work)
        load_after = os.getloadavg()[0]
        if prober is not None:
            prober.wait(PAGE_TIMEOUT + 60)
        wait_for_imports(work)
        checks = verify(env, plan, ports, password, work)
    probed_path = work / "probe.json"
    probed = json.loads(probed_path.read_text()) if probed_path.exists() else {}
    ctx = {"officials": args.officials, "analysts": args.analysts, "ports": ports,
           "backend": backend, "run_time": args.run_time, "versions": versions(),
           "think": args.think, "import_every": args.import_every,
           "rows": len(plan[0]["communes"]) if plan else 0,
           "load": (load_before, load_after)}  # fmt: skip
    table = report(ctx, prefix, checks, warm, probed)
    args.out.write_text(table, encoding="utf-8")
    print(table)
    print(f"(work folder: {work})")
    return 0 if checks.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
