"""What every browser test does: wait for charts, pick an option, time a page's first charts."""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import Page, expect

CHART = '[data-testid="stPlotlyChart"] .main-svg'
ERRORS = '[data-testid="stException"]'
# Streamlit's page is done: the script has finished, and every plotly chart has drawn.
SETTLED = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.dataset.testScriptState !== 'notRunning') return false;
  for (const c of document.querySelectorAll('[data-testid="stPlotlyChart"]'))
    if (!c.querySelector('.main-svg')) return false;
  return true;
}"""


def wait_until_settled(page: Page, timeout: float = 60_000) -> None:
    """Wait until the page's script has finished and its charts have drawn: what a page shows
    is complete only then (on a busy machine, seconds after its heading appeared)."""
    page.wait_for_function(SETTLED, timeout=timeout)


def wait_for_charts(page: Page, count: int = 1, timeout: float = 60_000) -> None:
    page.wait_for_function(
        f"document.querySelectorAll('{CHART}').length >= {count}", timeout=timeout
    )


def choose(page: Page, label: str, option: str) -> None:
    """Pick `option` in the selectbox labelled `label`."""
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text=label)
    box.click()
    page.get_by_role("option", name=option, exact=True).click()


def no_errors(page: Page) -> None:
    expect(page.locator(ERRORS)).to_have_count(0)


def median_load(page: Page, url: str, charts: int, runs: int = 5) -> float:
    """Median of `runs` times from navigation to `charts` charts drawn (the issue's measure),
    or, for a page that opens on no chart, to its script's end."""
    times = []
    for _ in range(runs):
        t0 = time.monotonic()
        page.goto(url)
        if charts:
            wait_for_charts(page, charts)
        else:
            wait_until_settled(page)
        times.append(time.monotonic() - t0)
    return statistics.median(times)


def card_value(page: Page, label: str) -> str:
    """The value shown on the Overview's KPI card labelled `label`, read once the run has
    finished: during a rerun Streamlit keeps the old card beside the new one for a moment
    (a 'strict mode' failure in CI under load, stop 21). Only the headline cards are looked
    in (their keys): any block holding the label and a value once matched the page around
    them and read the rank card's value (stop 24)."""
    wait_until_settled(page)
    card = page.locator('[class*="st-key-kpi_card_"]').filter(
        has=page.get_by_text(label, exact=True)
    )
    return card.last.locator('[data-testid="stMetricValue"]').inner_text().strip()


PASSWORD = "mat-khau-kiem-thu-1"
PRESS = "Số tin, bài báo chí về tỉnh được tổng hợp"
# As Excel on Vietnamese Windows saves "CSV (semicolon)": Windows-1258 is not enough for every
# letter here, so this is the "CSV UTF-8" variant with its BOM; decimal comma, thousands dot.
PRESS_2026 = (
    "Mã chỉ tiêu;Tên đơn vị;Năm;Giá trị;Trạng thái;Nguồn\r\n"
    "press_articles;Tỉnh Khánh Hòa;2026;10.500;Sơ bộ;Sở KH&CN, báo cáo nhanh\r\n"
).encode("utf-8-sig")


def overview_press(page: Page, url: str) -> str:
    """The Overview's press-articles card for 2026 (10.150 as bundled, 10.500 after
    `PRESS_2026` is saved)."""
    page.goto(f"{url}/?period=2026")
    wait_for_charts(page, 2)
    expect(page.locator('[data-testid="stMetricValue"]').first).to_be_visible()
    return card_value(page, PRESS)


def indicators(
    db: Path | str, *args: str, stdin: str = "", copy: Path | None = None
) -> subprocess.CompletedProcess:
    """The `indicators` command line on the store `db` (a file, or a PostgreSQL URL read
    through the local copy `copy`), as the server's operator."""
    env = dict(os.environ, INDICATORS_DB=str(db))
    if copy is not None:
        env["INDICATORS_MIRROR"] = str(copy)
    return subprocess.run(
        [sys.executable, "-m", "indicators.cli", *args],
        input=stdin, capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip


def add_account(
    db: Path | str, name: str, role: str, password: str = PASSWORD, copy: Path | None = None
) -> None:
    """An account made as IT staff make it: `indicators users add`, the password typed twice."""
    typed = f"{password}\n{password}\n"
    done = indicators(db, "users", "add", name, "--role", role, stdin=typed, copy=copy)
    assert done.returncode == 0, done.stderr


def sign_in(page: Page, name: str, password: str = PASSWORD, *, where: str = "main") -> None:
    """Fill the sign-in form on the page (`main`: the one a guarded page shows) and send it."""
    form = page.get_by_test_id("stMain") if where == "main" else page.get_by_test_id("stSidebar")
    button = re.compile("^(Đăng nhập|Sign in)$")
    if where != "main":
        form.get_by_role("button", name=button).click()
        form = page.get_by_test_id("stPopoverBody")
    form.get_by_label(re.compile("^(Tên tài khoản|Account name)$")).fill(name)
    form.get_by_label(re.compile("^(Mật khẩu|Password)$")).fill(password)
    form.get_by_role("button", name=button).click()


def wait_for_session_cookie(page: Page, timeout: float = 20) -> dict:
    """The HttpOnly session cookie, once the browser has it (after a successful sign-in)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [c for c in page.context.cookies() if c["name"] == "cntt_session"]
        if found:
            return found[0]
        page.wait_for_timeout(100)
    raise TimeoutError("no session cookie")
