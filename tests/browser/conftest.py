"""A real Streamlit server and Debian's Chromium, started once for the browser tests.

The server runs on 127.0.0.1 with a fresh store file, and is stopped by its PID.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from indicators.core.settings import REPO_ROOT
from indicators.export.chromium import CHROMIUM_ARGS, CHROMIUM_PATH

SCREENSHOTS = REPO_ROOT / "docs" / "screenshots"
TIMINGS: dict[str, float] = {}


def pytest_collection_modifyitems(items):
    for item in items:
        if "browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.slow)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, db: Path | str, log: Path, args: tuple[str, ...] = (), port: int = 0):
        self.db = db
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ, INDICATORS_DB=str(db))
        cmd = [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(REPO_ROOT / "ui" / "server.py"),
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(self.port),
            "--browser.gatherUsageStats",
            "false",
            *args,
        ]
        self.started = time.monotonic()
        self.log = log.open("w")
        self.proc = subprocess.Popen(
            cmd,
            cwd=REPO_ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_healthy(self, timeout: float = 60) -> float:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.proc.returncode}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.read().decode().strip() == "ok":
                        return time.monotonic() - self.started
            except OSError:
                time.sleep(0.1)
        raise TimeoutError("streamlit did not become healthy")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
        self.log.close()


@contextlib.contextmanager
def running_server(
    folder: Path, args: tuple[str, ...] = (), port: int = 0, db: str | None = None, **env: str
) -> Iterator[Server]:
    """A server of its own (store file and log in `folder`, extra Streamlit options and
    environment), stopped after. `db` names another store (a PostgreSQL URL: then
    INDICATORS_MIRROR in `env` says where this server keeps its local copy)."""
    with pytest.MonkeyPatch.context() as mp:
        for name, value in env.items():
            mp.setenv(name, value)
        srv = Server(db or folder / "app.duckdb", folder / "streamlit.log", args, port)
    try:
        srv.healthy_after = srv.wait_healthy()
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    with running_server(tmp_path_factory.mktemp("server")) as srv:
        TIMINGS["server_healthy_s"] = srv.healthy_after
        yield srv


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM_PATH).exists():
        pytest.fail(f"{CHROMIUM_PATH} is missing: run `python3 dev.py test` as root to install it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 2300}, locale="vi-VN")
    pg = context.new_page()
    yield pg
    context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture(scope="session")
def timings() -> dict[str, float]:
    return TIMINGS


def pytest_terminal_summary(terminalreporter):
    if TIMINGS:
        terminalreporter.write_sep("-", "browser timings")
        for k, v in TIMINGS.items():
            terminalreporter.write_line(f"{k}: {v:.2f}")
