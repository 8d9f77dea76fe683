"""A person who uses only the keyboard: after the first address, every step is a key (Tab,
Shift+Tab, Enter, Space, arrows, typing). On Trends they choose an indicator and an area,
download an image and the table; on Upload they sign in and choose a file. Wherever the focus
lands, it is visible (an outline or a ring). The period is chosen with the arrow keys on the
slider's thumbs."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import running_server
from .helpers import PRESS_2026, add_account, wait_for_charts, wait_for_session_cookie
from .test_trends_browser import close_not_found

# Where the focus is, and whether it shows: an outline or a box-shadow on the focused element
# or one of its three nearest ancestors (a select's ring is drawn by its wrapper).
FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  let seen = false, node = el;
  for (let i = 0; node && i < 4; i++, node = node.parentElement) {
    const s = getComputedStyle(node);
    const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
    if (outline || (s.boxShadow && s.boxShadow !== "none")) { seen = true; break; }
  }
  return {
    tag: el.tagName, role: el.getAttribute("role") || "", seen,
    uploader: !!el.closest('[data-testid="stFileUploaderDropzone"]'),
    name: (el.getAttribute("aria-label") || el.innerText || el.value || "").trim().slice(0, 80),
  };
}"""


def tab_to(page: Page, matches, *, limit: int = 200, back: bool = False) -> dict:
    """Press Tab (Shift+Tab if `back`) until the focused element `matches`; it must show."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if back else "Tab")
        here = page.evaluate(FOCUS)
        if here and matches(here):
            assert here["seen"], f"focus not visible on {here}"
            return here
    raise AssertionError("never reached by Tab")


def named(text: str, tag: str | None = None):
    return lambda f: text in f["name"] and (tag is None or f["tag"] == tag)


@pytest.fixture(scope="module")
def own_server(tmp_path_factory):
    with running_server(tmp_path_factory.mktemp("keyboard-server")) as srv:
        add_account(srv.db, "quantri", "admin")
        yield srv


@pytest.fixture
def desk(browser):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="vi-VN", accept_downloads=True
    )
    yield context.new_page()
    context.close()


def test_trends_by_keyboard(own_server, desk):
    page = desk
    page.goto(own_server.url + "/xu-huong?era=legacy")
    wait_for_charts(page, 1)
    close_not_found(page)
    charts = page.get_by_test_id("stPlotlyChart")

    # an indicator: type part of its name, Enter, Escape closes the list
    tab_to(page, named("Chỉ tiêu", "INPUT"))
    page.keyboard.type("hộ gia đình")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    expect(page).to_have_url(re.compile("ind="), timeout=30_000)
    wait_for_charts(page, 3)

    # an area: the areas' list, a district by name
    tab_to(page, named("Địa bàn", "INPUT"))
    page.keyboard.type("Cam Ranh")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    expect(charts.first.locator(".legendtext").filter(has_text="Cam Ranh").first).to_be_visible(
        timeout=30_000
    )

    # an image: the "Tải ảnh" menu, then its first file
    tab_to(page, named("Tải ảnh", "BUTTON"))
    page.keyboard.press("Enter")
    tab_to(page, named("PNG 16:9", "BUTTON"))
    with page.expect_download(timeout=60_000) as got:
        page.keyboard.press("Enter")
    assert got.value.suggested_filename.endswith(".png")
    page.keyboard.press("Escape")

    # the table: its CSV
    tab_to(page, named("Tải CSV", "BUTTON"))
    with page.expect_download(timeout=60_000) as got:
        page.keyboard.press("Enter")
    assert got.value.suggested_filename.endswith(".csv")


def test_period_by_keyboard(own_server, desk):
    page = desk
    page.goto(own_server.url + "/xu-huong?era=legacy")
    wait_for_charts(page, 1)
    close_not_found(page)
    tab_to(page, named("Khoảng thời gian — start", "INPUT"))
    page.keyboard.press("ArrowRight")  # the first year one later
    expect(page).to_have_url(re.compile("period=2017-2026"), timeout=30_000)
    tab_to(page, named("Khoảng thời gian — end", "INPUT"))
    page.keyboard.press("ArrowLeft")  # the last year one earlier
    expect(page).to_have_url(re.compile("period=2017-2025"), timeout=30_000)
    chart = page.get_by_test_id("stPlotlyChart").first
    ticks = chart.locator(".xtick text")  # the chart's years follow
    expect(ticks.first).to_have_text("2017", timeout=30_000)
    expect(ticks.last).to_have_text("2025", timeout=30_000)


def test_sign_in_and_upload_by_keyboard(own_server, desk, tmp_path):
    page = desk
    page.goto(own_server.url)  # a cold server learns its pages on the first run; then ours
    wait_for_charts(page, 1)
    page.goto(own_server.url + "/tai-len")
    close_not_found(page)
    expect(page.get_by_label("Tên tài khoản")).to_be_visible(timeout=60_000)
    tab_to(page, named("Tên tài khoản", "INPUT"))
    page.keyboard.type("quantri")
    tab_to(page, named("Mật khẩu", "INPUT"))
    page.keyboard.type("mat-khau-kiem-thu-1")
    tab_to(page, named("Đăng nhập", "BUTTON"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Tải lên số liệu", exact=True)).to_be_visible(timeout=60_000)
    wait_for_session_cookie(page)

    file = tmp_path / "bao-chi-2026.csv"
    file.write_bytes(PRESS_2026)
    tab_to(page, lambda f: f["tag"] == "BUTTON" and f["uploader"])
    with page.expect_file_chooser(timeout=15_000) as chooser:
        page.keyboard.press("Space")  # Streamlit's drop zone opens on Space (Enter does not)
    chooser.value.set_files(file)
    expect(page.get_by_test_id("stFileChipName")).to_have_text("bao-chi-2026.csv")
    expect(page.get_by_text("Tệp hợp lệ: 1 dòng có thể lưu.")).to_be_visible(timeout=60_000)


def test_a_chart_s_figures_open_from_the_keyboard(own_server, desk):
    """The table under a chart is sent once its expander is opened: Enter on the expander
    brings its rows, and the focus stays where the reader pressed."""
    page = desk
    page.goto(own_server.url + "/xu-huong?ind=hh_internet_pct")
    wait_for_charts(page, 1)
    tables = page.locator('[data-testid="stExpander"] [data-testid="stTable"]')
    expect(tables).to_have_count(0)  # folded: not on the page
    tab_to(page, named("Số liệu của biểu đồ"))
    page.keyboard.press("Enter")
    expect(tables.first.locator("tbody tr").first).to_be_visible(timeout=30_000)
    expect(tables).to_have_count(1)  # only the table opened
    assert "Số liệu của biểu đồ" in page.evaluate(FOCUS)["name"]
