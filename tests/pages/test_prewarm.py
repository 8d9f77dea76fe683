"""A new revision is prepared before anyone opens a page (issue 15): when another process (the
command line) commits, the app server's revision watcher notices it and builds the default
views of the Overview, the Regions, Trends, Data and Methodology pages, in both languages, and
the Quick briefing's ready-made decks into the caches keyed by revision. The first official who
opens a page then finds them ready.

Two ways to see it: in this process, with AppTest, the first visitors' pages build no view and
read nothing from the store (`ui.cache.built` counts both); and on a real server (ui/server.py, as
`dev.py start` runs it), opened over Streamlit's websocket as a browser tab does, the first
open after the commit shows the new revision in about the time of a warm open.
"""

from __future__ import annotations

import contextlib
import gc
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import weakref
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.sync.client import connect
from websockets.typing import Origin, Subprotocol

from indicators.core.settings import REPO_ROOT, settings
from indicators.query import read
from indicators.service import open_store
from tests.pages.apptest import app_data_at, open_page, open_section
from ui import cache, prewarm
from ui.cache import built
from ui.revision_entries import noted
from ui.views import overview

NATIONAL = REPO_ROOT / "data" / "national"
PAGES = (
    "ui/pages/overview.py",
    "ui/pages/regions.py",
    "ui/pages/trends.py",
    "ui/pages/data.py",
    "ui/pages/briefing.py",
    "ui/pages/methodology.py",
)
REVISION = re.compile(r"(?:phiên bản|revision) (\d+)")
PREPARED = re.compile(r"revision (\d+): default views prepared")
CHANGE = (
    "indicator,unit_list,region,period,value,numerator,denominator,status,source\n"
    "hh_internet_pct,2025,00004,2026,86.5,9502,10985,illustrative,bench\n"
)


def commit_elsewhere(db: Path, folder: Path) -> int:
    """A revision made by another process: `indicators import`, as an analyst's shell runs it."""
    csv = folder / "change.csv"
    csv.write_text(CHANGE, encoding="utf-8")
    env = dict(os.environ, INDICATORS_DB=str(db), INDICATORS_DATA_DIR=str(NATIONAL))
    done = subprocess.run(
        [sys.executable, "-m", "indicators.cli", "import", str(csv), "-m", "another process"],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return int(re.search(r"Revision (\d+):", done.stdout).group(1))


def wait_for(check, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if found := check():
            return found
        time.sleep(0.2)
    raise AssertionError(f"not within {seconds:.0f} s: {what}")


def revision_shown(at) -> int:
    return int(REVISION.search(" ".join(c.value for c in at.caption)).group(1))


def test_a_revision_committed_by_another_process_is_built_before_any_visitor(tmp_path):
    with app_data_at(NATIONAL, tmp_path / "national.duckdb") as db:
        watch = prewarm.start(every=0.5, serving=False)
        try:
            first = open_store(settings()).current_revision()
            wait_for(lambda: watch.prepared() == first, 300, f"revision {first} prepared")
            rev = commit_elsewhere(db, tmp_path)
            assert rev == first + 1
            wait_for(lambda: watch.prepared() == rev, 300, f"revision {rev} prepared")
            ready = built()
            for lang in ("vi", "en"):
                for page in PAGES:  # the first visitors, in each language
                    at = open_page(page, lang=lang)
                    assert not at.exception and not at.error
                    assert revision_shown(at) == rev
                    if page.endswith("data.py"):  # its table: every indicator, the provinces
                        assert len(at.dataframe[0].value) > 100
                    elif page.endswith("briefing.py"):  # its ready-made decks, with their size
                        decks = [b.label for b in at.button if b.key.startswith("preset_")]
                        assert len(decks) == 2 and all(re.search(r"\(\d+", d) for d in decks)
                    elif page.endswith("methodology.py"):  # the status legend's tab
                        at = open_section(at, "statuses")
                        assert len(at.get("plotly_chart")) == 1
                    else:
                        assert len(at.get("plotly_chart")) >= 2
            # every view they drew was built, every answer read, before they came
            assert built() == ready
        finally:
            cache.stop_watching()


def test_without_a_watcher_the_pages_read_the_revision_from_the_store(tmp_path):
    """AppTest, the command line's charts and any process that starts no watcher: the revision
    on show is read from the store on every run, so a commit elsewhere shows at once."""
    with app_data_at(NATIONAL, tmp_path / "national.duckdb") as db:
        before = revision_shown(open_page(PAGES[0]))
        rev = commit_elsewhere(db, tmp_path)
        assert rev == before + 1
        views = built()
        assert revision_shown(open_page(PAGES[0])) == rev
        view = "view ui.views.overview.home"
        assert built()[view] == views[view] + 1  # its first visitor built it (counted)


def test_once_a_new_revision_is_prepared_the_caches_drop_the_older_ones(tmp_path):
    """A server that ran for a month of imports kept every revision's views (about 80 MiB an
    import at national scale): once the new revision is prepared, no page asks for an older
    one's, so they are dropped, and the new revision's stay."""
    with app_data_at(NATIONAL, tmp_path / "national.duckdb") as db:
        first = open_store(settings()).current_revision()
        assert revision_shown(open_page(PAGES[0])) == first  # a visitor's Overview
        prewarm.prepare(first)
        rev = commit_elsewhere(db, tmp_path)
        prewarm.prepare(rev)
        assert min(noted()) == rev  # nothing of the older revision is kept
        asked = {  # a view, a query read through `cached`, a revision's own row
            "view ui.views.overview.home": overview.home,
            "query indicators.query.read.data_span": partial(cache.cached, read.data_span),
            "query revision_info": cache.revision_info,
        }
        before = built()
        for ask in asked.values():  # the new revision's: kept
            ask(rev)
        assert built() == before
        old = [ask(first) for ask in asked.values()]  # the older one's: made again
        assert all(built()[what] == before[what] + 1 for what in asked)
        assert old[2].id == first
        seen = built()
        assert revision_shown(open_page(PAGES[0])) == rev
        assert built() == seen  # the Overview of the new revision found every view it draws


@pytest.fixture(autouse=True)
def unfrozen() -> Iterator[None]:
    """What a preparation set aside from the garbage collector goes back to it after a test."""
    yield
    gc.unfreeze()


class _Node:
    """An object in a reference cycle: only the garbage collector frees it."""

    def __init__(self) -> None:
        self.me = self


def test_what_a_revision_held_is_set_aside_until_the_next_and_then_freed(tmp_path):
    """Preparing a revision sets every object alive then aside from the garbage collector (its
    full passes would otherwise walk the caches inside a visitor's run); preparing the next one
    lets them go back, so what the older revision's caches dropped is freed, cycles included,
    rather than kept for the life of the server."""
    with app_data_at(NATIONAL, tmp_path / "national.duckdb") as db:
        held = [_Node()]  # alive while the first revision is prepared, like its caches
        gone = weakref.ref(held[0])
        first = open_store(settings()).current_revision()
        prewarm.prepare(first)
        assert gc.get_freeze_count() > 10_000  # the caches of a national install's revision
        held.clear()  # dropped, as the next revision drops the older one's entries
        gc.collect()
        assert gone() is not None  # set aside: the collector's passes do not walk it
        rev = commit_elsewhere(db, tmp_path)
        prewarm.prepare(rev)
        assert gone() is None  # the next revision's preparation freed it


# -- the real server -----------------------------------------------------------------------------


@contextlib.contextmanager
def tab(url: str) -> Iterator[Tab]:
    """One browser tab's Streamlit session over the websocket."""
    stream = url.replace("http", "ws", 1) + "/_stcore/stream"
    with connect(stream, subprotocols=[Subprotocol("streamlit")], origin=Origin(url)) as ws:
        yield Tab(ws)


class Tab:
    """A tab's websocket: `open` runs a page as following a link does."""

    def __init__(self, ws) -> None:
        self.ws = ws

    def open(self, page: str) -> tuple[float, int | None, list[str]]:
        """Seconds until the page's script finished, the revision it shows, its errors."""
        msg = BackMsg()
        msg.rerun_script.page_name = page
        started, rev, errors = time.monotonic(), None, []
        self.ws.send(msg.SerializeToString())
        while True:
            fwd = ForwardMsg()
            fwd.ParseFromString(self.ws.recv(timeout=300))
            kind = fwd.WhichOneof("type")
            if kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                element = fwd.delta.new_element
                if element.WhichOneof("type") in ("exception", "alert") and (
                    element.WhichOneof("type") == "exception"
                    or element.alert.format == element.alert.ERROR
                ):
                    errors.append(str(element)[:300])
                if element.WhichOneof("type") == "markdown" and rev is None:
                    found = REVISION.search(element.markdown.body)
                    rev = int(found.group(1)) if found else None
            elif kind == "script_finished":
                return time.monotonic() - started, rev, errors


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_server(db: Path, log: Path) -> Iterator[str]:
    """ui/server.py on the national example and the store `db`; stopped by its PID."""
    port = free_port()
    env = dict(os.environ, INDICATORS_DB=str(db), INDICATORS_DATA_DIR=str(NATIONAL))
    cmd = [sys.executable, "-m", "streamlit", "run", str(REPO_ROOT / "ui" / "server.py"),
           "--server.headless", "true", "--server.address", "127.0.0.1",
           "--server.port", str(port), "--browser.gatherUsageStats", "false"]  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            cmd, cwd=REPO_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    try:

        def healthy() -> bool:
            with contextlib.suppress(OSError), urllib.request.urlopen(f"{url}/_stcore/health") as r:
                return r.read() == b"ok"
            return False

        wait_for(healthy, 120, "the server answers")
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(30)


def prepared(log: Path) -> set[int]:
    return {int(m) for m in PREPARED.findall(log.read_text(errors="replace"))}


def test_the_server_prepares_a_revision_from_the_command_line_for_its_first_visitor(tmp_path):
    db, log = tmp_path / "national.duckdb", tmp_path / "server.log"
    with running_server(db, log) as url:
        wait_for(lambda: 1 in prepared(log), 300, "revision 1 prepared at the start")
        warm = []
        with tab(url) as official:
            for _ in range(3):  # opens of revision 1's prepared Overview: a warm open's time
                seconds, rev, errors = official.open("")
                assert rev == 1 and errors == []
                warm.append(seconds)
        rev = commit_elsewhere(db, tmp_path)
        wait_for(lambda: rev in prepared(log), 300, f"revision {rev} prepared")
        with tab(url) as official:  # the first official after the upload
            seconds, shown, errors = official.open("")
    assert shown == rev and errors == []
    # Built by the visitor, the Overview of a new revision takes several times a warm open
    # (reading the store and drawing every figure); prepared, about the same.
    assert seconds <= 2 * sorted(warm)[1] + 1.0, (seconds, warm)
