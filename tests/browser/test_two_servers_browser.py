"""Two app servers on one PostgreSQL store behind nginx, in a real Chromium (issue 15).

The office's deployment in small: PostgreSQL on 127.0.0.1, two Streamlit processes each with its
own local copy of the data, nginx in front of them from `deploy/nginx/chiso-cntt.conf`. An
analyst signs in and saves an upload through nginx (the sticky route keeps the upload, the
websocket and the sign-in ticket on one server); then each server, opened directly, shows the
new figure at its next page view, without a restart: one of them is not the server the analyst
used, so it read the import from the database. Through the same site: the page draws under the
site's security headers, and signing in reaches the process holding the tab's session.
"""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import running_server
from tests.browser.helpers import (
    PRESS_2026,
    add_account,
    indicators,
    no_errors,
    overview_press,
    sign_in,
    wait_for_charts,
    wait_for_session_cookie,
)
from tests.services.nginx import running_nginx


@pytest.fixture(scope="module")
def office(pg_cluster, tmp_path_factory):
    """PostgreSQL, servers A and B (each with its own copy), nginx in front of both."""
    folder = tmp_path_factory.mktemp("two-servers")
    url = pg_cluster.create_database()
    cli_copy = folder / "operator.duckdb"
    done = indicators(url, "init", copy=cli_copy)  # the operator's first command
    assert done.returncode == 0, done.stderr
    add_account(url, "chuyenvien", "analyst", copy=cli_copy)
    (folder / "a").mkdir()
    (folder / "b").mkdir()
    with (
        running_server(folder / "a", db=url, INDICATORS_MIRROR=str(folder / "a.duckdb")) as a,
        running_server(folder / "b", db=url, INDICATORS_MIRROR=str(folder / "b.duckdb")) as b,
        running_nginx([a.port, b.port]) as proxy,
    ):
        yield a, b, proxy


def fresh_page(browser: Browser) -> Page:
    return browser.new_context(viewport={"width": 1440, "height": 2300}, locale="vi-VN").new_page()


def test_an_import_through_one_server_is_read_on_the_other_without_a_restart(
    office, browser, tmp_path
):
    a, b, proxy = office
    pids = (a.proc.pid, b.proc.pid)
    for server in (a, b):  # both serve the seeded figure from their own copies
        page = fresh_page(browser)
        assert overview_press(page, server.url) == "10.150"
        page.context.close()

    analyst = fresh_page(browser)
    analyst.goto(f"{proxy.url}/tai-len")
    sign_in(analyst, "chuyenvien")
    expect(analyst.get_by_text("Tải lên số liệu", exact=True)).to_be_visible(timeout=60_000)
    wait_for_session_cookie(analyst)
    file = tmp_path / "bao-chi-2026.csv"
    file.write_bytes(PRESS_2026)
    analyst.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(file)
    expect(analyst.get_by_text("Tệp hợp lệ: 1 dòng có thể lưu.")).to_be_visible(timeout=60_000)
    analyst.get_by_role("button", name="Lưu thành phiên bản 2").click()
    expect(analyst.get_by_text("Đã lưu phiên bản 2")).to_be_visible(timeout=60_000)
    no_errors(analyst)
    saved = time.monotonic()

    # Each server, opened directly, shows the new figure at its next page view.
    for server in (a, b):
        page = fresh_page(browser)
        assert overview_press(page, server.url) == "10.500"
        no_errors(page)
        page.context.close()
    seen_within = time.monotonic() - saved
    assert seen_within < 60
    # Through nginx, a new visitor (on either server) sees it too.
    visitor = fresh_page(browser)
    assert overview_press(visitor, proxy.url) == "10.500"
    expect(visitor.get_by_text(re.compile(r"phiên bản 2"))).not_to_have_count(0)
    visitor.context.close()
    assert (a.proc.pid, b.proc.pid) == pids and a.proc.poll() is None and b.proc.poll() is None


def test_a_page_draws_through_nginx_with_the_sites_headers(office, browser):
    """The site's Content-Security-Policy lets Streamlit's page draw, and the route cookie is
    set."""
    *_, proxy = office
    context = browser.new_context(viewport={"width": 1440, "height": 2000})
    page = context.new_page()
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else None)
    reply = page.goto(proxy.url + "/")
    assert "frame-ancestors 'self'" in reply.headers["content-security-policy"]
    wait_for_charts(page, 2, timeout=180_000)
    assert refused == []
    assert {c["name"] for c in context.cookies()} >= {"chiso_route"}
    context.close()


def test_signing_in_through_nginx_reaches_the_tabs_server_and_survives_a_reload(office, browser):
    """The sign-in ticket is single-use and held by one process: the route keeps the tab on
    it. Three browsers: with two servers, both are very likely used."""
    *_, proxy = office
    for _ in range(3):
        context = browser.new_context(viewport={"width": 1440, "height": 2000})
        page = context.new_page()
        page.goto(proxy.url + "/lich-su")
        page.get_by_test_id("stMain").get_by_label("Mật khẩu").wait_for(timeout=180_000)
        sign_in(page, "chuyenvien")
        assert wait_for_session_cookie(page, 60)["httpOnly"]
        page.reload()
        page.get_by_text("Đã đăng nhập: chuyenvien").first.wait_for(timeout=180_000)
        context.close()
