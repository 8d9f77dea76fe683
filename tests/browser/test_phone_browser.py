"""A leader opens a shared link on a phone (390×844, touch, Vietnamese): the headline figures
come first, two to a row; the Trends chart starts on the first screen under a one-line filter
bar; no page scrolls sideways. Each page's first screen is kept as docs/screenshots/phone-*.png.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .helpers import no_errors, wait_for_charts
from .test_trends_browser import close_not_found

SCREEN = {"width": 390, "height": 844}
CARDS = '[class*="st-key-kpi_card_"]'
MAIN = """document.querySelector('[data-testid="stMain"]')"""
STATUS = re.compile("Minh họa|Đã công bố|Sơ bộ")
CHANGE = re.compile("so với")


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        viewport=SCREEN, is_mobile=True, has_touch=True, locale="vi-VN", device_scale_factor=2
    )
    pg = context.new_page()
    yield pg
    context.close()


def open_page(page: Page, base: str, path: str, charts: int) -> None:
    page.goto(base)  # a cold server learns its pages on the first run; then open ours
    wait_for_charts(page, 1)
    page.goto(base + path)
    wait_for_charts(page, charts)
    close_not_found(page)
    no_errors(page)
    page.wait_for_timeout(500)


def no_sideways_scroll(page: Page) -> None:
    widths = page.evaluate(
        """() => [document.documentElement.scrollWidth,
                 document.querySelector('[data-testid="stMain"]').scrollWidth,
                 document.querySelector('[data-testid="stMainBlockContainer"]').scrollWidth]"""
    )
    print("widths", widths)
    assert max(widths) <= SCREEN["width"], widths


def test_overview_headline_figures_first(server, phone, screenshots):
    open_page(phone, server.url, "/?era=legacy", 2)
    cards = phone.locator(CARDS)
    expect(cards).to_have_count(8)
    boxes = [cards.nth(i).bounding_box() for i in range(8)]
    bottoms = [b["y"] + b["height"] for b in boxes]
    print("card bottoms", [round(b) for b in bottoms])
    assert bottoms[3] <= SCREEN["height"]  # four figures on the first screen
    assert bottoms[7] <= 2 * SCREEN["height"]  # all eight within two
    assert boxes[0]["y"] == pytest.approx(boxes[1]["y"], abs=2)  # two to a row
    for i in range(4):  # each card gives value, change and status
        card = cards.nth(i)
        expect(card.get_by_test_id("stMetricValue")).to_be_visible()
        expect(card.get_by_text(STATUS).filter(visible=True).first).to_be_visible()
        expect(card.get_by_text(CHANGE).filter(visible=True).first).to_be_visible()
    no_sideways_scroll(phone)
    phone.screenshot(path=screenshots / "phone-overview-vi.png")


def chart_on_the_first_screen(page: Page, base: str, path: str, charts: int, fold: str):
    """Open `path`: its first chart starts on the first screen; the filters' one-line bar."""
    open_page(page, base, path, charts)
    top = page.get_by_test_id("stPlotlyChart").first.bounding_box()["y"]
    print(path, "first chart top", round(top))
    assert top < SCREEN["height"]
    return page.locator(f".st-key-fold_{fold}")


def test_trends_chart_on_the_first_screen(server, phone, screenshots):
    bar = chart_on_the_first_screen(phone, server.url, "/xu-huong?era=legacy", 1, "trends_filters")
    expect(bar).to_contain_text("Tỷ lệ xã, phường có điểm phục vụ bưu chính")
    expect(bar).to_contain_text("Tỉnh Khánh Hòa")
    # the latest value is written on the chart: no hover needed
    points = phone.get_by_test_id("stPlotlyChart").first.locator(".textpoint")
    expect(points.filter(has_text="99,2%")).to_have_count(1)
    # the reform notice is one line with "more"
    note = phone.locator(".st-key-fold_reform_note")
    expect(note.get_by_text("Xem thêm")).to_be_visible()
    expect(note.get_by_test_id("stAlertContainer")).not_to_be_visible()
    no_sideways_scroll(phone)
    phone.screenshot(path=screenshots / "phone-trends-vi.png")
    # a tap on the bar opens the filters
    bar.get_by_text("Đổi chỉ tiêu, thời gian, địa bàn").tap()
    expect(bar.get_by_text("Chi tiết theo", exact=True)).to_be_visible()
    no_sideways_scroll(phone)


def test_regions_ranking_on_the_first_screen(server, phone):
    """Regions, too, folds its filters into one line saying the choice: the ranking starts on
    the first screen, and a tap opens the filters."""
    bar = chart_on_the_first_screen(phone, server.url, "/dia-ban?era=legacy", 2, "regions_filters")
    expect(bar).to_contain_text("Tỷ lệ hộ gia đình có kết nối Internet · 2024 · Tỉnh Khánh Hòa")
    bar.get_by_text("Đổi chỉ tiêu, kỳ, đơn vị").tap()
    expect(bar.get_by_text("Xem theo", exact=True)).to_be_visible()
    no_sideways_scroll(phone)


@pytest.mark.parametrize(("name", "path", "charts"), [
    ("regions", "/dia-ban?era=legacy", 2),
    ("provinces", "/so-sanh-tinh?era=legacy", 3),
])  # fmt: skip
def test_no_sideways_scroll(server, phone, screenshots, name, path, charts):
    open_page(phone, server.url, path, charts)
    no_sideways_scroll(phone)
    phone.screenshot(path=screenshots / f"phone-{name}-vi.png")


def test_methodology_opens_one_section_at_a_time_and_a_tap_opens_another(
    server, phone, screenshots
):
    """Methodology's parts are tabs, not one long page: a tap on the rankings' tab (past the
    screen's edge, the tab bar scrolls) shows them in place of the indicators."""
    open_page(phone, server.url, "/phuong-phap", 0)
    expect(phone.get_by_role("heading", name="Các chỉ tiêu")).to_be_visible()
    no_sideways_scroll(phone)
    phone.get_by_role("tab", name="Xếp hạng, vùng").tap()
    expect(phone.get_by_role("heading", name="Xếp hạng các tỉnh, thành phố")).to_be_visible()
    expect(phone.get_by_role("heading", name="Các chỉ tiêu")).to_have_count(0)
    no_errors(phone)
    no_sideways_scroll(phone)
    phone.screenshot(path=screenshots / "phone-methodology-vi.png")


def test_at_200_percent_zoom_nothing_is_cut(server, browser):
    """A 1440-pixel screen at 200 % zoom is a 720-pixel page: no sideways scroll, and every
    headline value fits its card."""
    context = browser.new_context(
        viewport={"width": 720, "height": 1000}, device_scale_factor=2, locale="vi-VN"
    )
    page = context.new_page()
    try:
        open_page(page, server.url, "/?era=legacy", 2)
        expect(page.locator(CARDS)).to_have_count(8)
        clipped = page.evaluate(
            """() => [...document.querySelectorAll('[data-testid="stMetricValue"]')]
                 .filter(e => e.scrollWidth > e.clientWidth).map(e => e.innerText)"""
        )
        assert clipped == []
        assert page.evaluate("document.documentElement.scrollWidth") <= 720
        assert page.evaluate(f"{MAIN}.scrollWidth") <= 720
    finally:
        context.close()


def test_a_tap_on_the_map_shows_a_commune_s_value(server, phone):
    """A phone has no hover: a tap on a commune's bubble writes its name and value beside it,
    and the label stays (a commune has nothing below it to open)."""
    open_page(phone, server.url, "/dia-ban", 2)  # the province's communes
    bubbles = phone.get_by_test_id("stPlotlyChart").nth(1).locator(".scatterlayer .point")
    expect(bubbles).to_have_count(65)  # the 65 communes of the new Khánh Hòa
    bubble = bubbles.nth(3)
    bubble.scroll_into_view_if_needed()
    box = bubble.bounding_box()
    assert box is not None
    phone.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    said = phone.locator(".hoverlayer .hovertext")
    expect(said).to_have_count(1, timeout=10_000)
    expect(said).to_contain_text(re.compile(r"\S+: \d+(,\d+)?% \((Minh họa|Đã công bố|Sơ bộ)\)"))
    phone.wait_for_timeout(3000)
    expect(said).to_have_count(1)
