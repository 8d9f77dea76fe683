"""The dashboard behind the deployed nginx site, in Debian's Chromium: two app servers on one
PostgreSQL store, as docs/deploy.md installs them.

The site's headers (CSP, frame and referrer rules) must not stop a page from drawing; signing in
must reach, through nginx, the process that holds the tab's session (the single-use ticket lives
in that process only), and the session cookie must keep the person signed in after a reload.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from indicators.export.chromium import CHROMIUM_ARGS, CHROMIUM_PATH
from tests.browser.helpers import sign_in, wait_for_session_cookie
from tests.services.nginx import REPO_ROOT, free_port, running_nginx
from tests.services.postgres import Cluster, pg_bin

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PASSWORD = "mat-khau-thu-nghiem"
CHART = "[data-testid=stPlotlyChart] .main-svg"
INDICATORS = Path(sys.executable).parent / "indicators"


def start_server(env: dict, mirror: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(REPO_ROOT / "ui" / "server.py"),
           "--server.port", str(port), "--server.address", "127.0.0.1",
           "--server.headless", "true", "--browser.gatherUsageStats", "false"]  # fmt: skip
    proc = subprocess.Popen(
        cmd, cwd=REPO_ROOT, env=dict(env, INDICATORS_MIRROR=str(mirror)),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                return proc, port
        except OSError:
            time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGTERM)
    raise TimeoutError("the app server did not start")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if pg_bin() is None or not Path(CHROMIUM_PATH).exists():
        pytest.fail("needs Debian's postgresql and chromium: run `python3 dev.py test` as root")
    folder = tmp_path_factory.mktemp("behind-nginx")
    cluster = Cluster().start()
    procs = []
    try:
        env = dict(os.environ, INDICATORS_DB=cluster.create_database("indicators"))
        init = dict(env, INDICATORS_MIRROR=str(folder / "mirror-cli.duckdb"))
        subprocess.run([INDICATORS, "init"], env=init, check=True, capture_output=True)
        subprocess.run([INDICATORS, "users", "add", "quantri", "--role", "admin"], env=init,
                       input=f"{PASSWORD}\n{PASSWORD}\n", text=True, check=True,
                       capture_output=True)  # fmt: skip
        for n in range(2):
            procs.append(start_server(env, folder / f"mirror-{n}.duckdb"))
        with running_nginx([port for _, port in procs]) as nginx:
            yield nginx
    finally:
        for proc, _ in procs:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(30)
        cluster.stop()


@pytest.fixture(scope="module")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def test_a_page_draws_through_nginx_with_the_sites_headers(site, chromium):
    context = chromium.new_context(viewport={"width": 1440, "height": 2000})
    page = context.new_page()
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else None)
    reply = page.goto(site.url + "/")
    assert "frame-ancestors 'self'" in reply.headers["content-security-policy"]
    page.wait_for_function(f"document.querySelectorAll('{CHART}').length >= 2", timeout=180_000)
    assert refused == []
    assert {c["name"] for c in context.cookies()} >= {"chiso_route"}
    context.close()


def test_signing_in_through_nginx_reaches_the_tabs_server_and_survives_a_reload(site, chromium):
    for _ in range(3):  # three browsers: with two servers, both are very likely used
        context = chromium.new_context(viewport={"width": 1440, "height": 2000})
        page = context.new_page()
        page.goto(site.url + "/lich-su")
        page.get_by_test_id("stMain").get_by_label("Mật khẩu").wait_for(timeout=180_000)
        sign_in(page, "quantri", PASSWORD)
        cookie = wait_for_session_cookie(page, 60)
        assert cookie["httpOnly"]
        page.reload()
        page.get_by_text("Đã đăng nhập: quantri").first.wait_for(timeout=180_000)
        context.close()
