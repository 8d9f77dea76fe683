"""The Trends page in a real Chromium against a real Streamlit server."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
from playwright.sync_api import Page, expect

from .helpers import CHART, median_load, no_errors, wait_for_charts

URL = "/xu-huong?era=legacy"


def close_not_found(page: Page) -> None:
    """Streamlit shows a stray 'Page not found' box on a fresh server's first non-default page
    (streamlit/streamlit#9992) while drawing the right page; close it to see the page."""
    box = page.get_by_role("dialog").filter(has_text="Page not found")
    if box.count():
        page.keyboard.press("Escape")
        expect(box).to_have_count(0)


def charts(page: Page):
    return page.locator('[data-testid="stPlotlyChart"]')


def test_trends_filters_url_language_and_csv(server, page, screenshots, timings):
    page.goto(server.url + URL)
    wait_for_charts(page, 2)
    close_not_found(page)
    no_errors(page)
    expect(page.get_by_role("heading", name="Xu hướng chỉ tiêu")).to_be_visible()
    first = charts(page).first
    expect(first.locator(".gtitle")).to_have_text("Tỷ lệ xã, phường có điểm phục vụ bưu chính")
    expect(first).to_contain_text("Lộ trình đến mục tiêu 2025")
    expect(first).to_contain_text("Phiên bản dữ liệu")
    expect(charts(page).nth(1)).to_contain_text("Năm trước = 100")
    page.wait_for_timeout(500)
    page.screenshot(path=screenshots / "trends-vi.png")

    # a filter change redraws the chart and goes into the URL
    page.get_by_text("Giai đoạn kế hoạch", exact=True).click()
    expect(first.locator(".xtick").first).to_contain_text("Giai đoạn 2016–2020", timeout=30_000)
    assert "gran=phase" in page.url and "era=legacy" in page.url
    expect(page.get_by_text("Không tính các kỳ chưa đủ kỳ thành phần").first).to_be_visible()

    # a copied link reopens the same view
    link = page.url
    page.goto(link)
    wait_for_charts(page, 1)
    expect(page.get_by_role("radio", name="Giai đoạn kế hoạch")).to_be_checked()
    expect(charts(page).first.locator(".xtick").first).to_contain_text("Giai đoạn 2016–2020")

    # English: words, periods and numbers follow, the choices stay
    page.locator("[data-testid=stSidebar]").get_by_text("English", exact=True).click()
    expect(page.get_by_role("heading", name="Indicator trends")).to_be_visible(timeout=30_000)
    assert "lang=en" in page.url and "gran=phase" in page.url
    page.get_by_text("Year", exact=True).click()
    expect(charts(page).first).to_contain_text("Trajectory to the 2025 target", timeout=30_000)
    expect(charts(page).first.locator(".gtitle")).to_have_text(
        "Communes with a post office or commune cultural post office"
    )
    wait_for_charts(page, 2)
    no_errors(page)
    page.wait_for_timeout(500)
    page.screenshot(path=screenshots / "trends-en.png")

    # the table's CSV: UTF-8 with BOM, diacritics intact when read back
    with page.expect_download() as info:
        page.get_by_role("button", name="Download CSV").first.click()
    data = Path(info.value.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    table = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype={"Period": str})
    assert set(table["Area"]) == {"Tỉnh Khánh Hòa"}
    assert table.set_index("Period").loc["2020", "Value (%)"] == 99

    timings["trends_charts_median_s"] = median_load(page, server.url + URL, 2)


def test_adding_an_area_draws_its_line(server, page):
    page.goto(server.url + URL + "&ind=hh_internet_pct")
    wait_for_charts(page, 1)
    close_not_found(page)
    box = page.locator('[data-testid="stMultiSelect"]').filter(has_text="Địa bàn")
    box.locator("input").fill("Nha Trang")
    page.get_by_role("option", name="Thành phố Nha Trang", exact=True).click()
    page.keyboard.press("Escape")
    expect(charts(page).first).to_contain_text("Thành phố Nha Trang", timeout=30_000)
    assert "reg=56%2C568" in page.url or "reg=56,568" in page.url
    assert page.locator(CHART).count() >= 1
    no_errors(page)
