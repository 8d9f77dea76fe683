"""The Provinces page in a real Chromium against a real Streamlit server, as an official opens
it before a meeting: where Khánh Hòa stands among all provinces — 16 of 34 in the DTI 2024, 41
of 63 in 2022 on the old units — in Vietnamese, in English, and on a phone."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from .helpers import median_load, no_errors, wait_for_charts

PATH = "/so-sanh-tinh"
CHARTS = '[data-testid="stPlotlyChart"]'
TABLE = '[data-testid="stDataFrame"]'


def open_provinces(page: Page, base: str, query: str = "") -> None:
    page.goto(base)  # a cold server learns its pages on the first run; then open ours
    wait_for_charts(page, 1)
    page.goto(f"{base}{PATH}{query}")
    wait_for_charts(page, 3)
    page.locator(f"{TABLE} table").first.wait_for(state="attached", timeout=60_000)


def chart(page: Page, n: int):
    return page.locator(CHARTS).nth(n)


def table_text(page: Page) -> str:
    return page.locator(TABLE).first.text_content() or ""


def test_khanh_hoa_among_all_provinces_in_both_languages(server, page, screenshots, timings):
    open_provinces(page, server.url)
    no_errors(page)
    expect(page.get_by_role("heading", name="So sánh tỉnh", exact=True)).to_be_visible()
    rank, spread, themap = chart(page, 0), chart(page, 1), chart(page, 2)
    expect(rank.locator(".gtitle")).to_contain_text("Khánh Hòa qua các năm")
    # Each point is labelled as the reports print it; both lists are on the chart.
    expect(rank.locator(".textpoint").filter(has_text="41/63")).to_have_count(1)
    expect(rank.locator(".textpoint").filter(has_text="16/34")).to_have_count(1)
    expect(rank).to_contain_text("1/7/2025")  # the reform marker between the two series
    expect(spread.locator(".gtitle")).to_contain_text("2024 (34 tỉnh)")
    assert re.search(r"16/34\s*Tỉnh Khánh Hòa", table_text(page))  # the table's home row

    # The old units: the year opens on 2022, where Khánh Hòa's rank among the 63 is known.
    page.get_by_text("Theo đơn vị hành chính cũ", exact=True).click()
    expect(spread.locator(".gtitle")).to_contain_text("2022", timeout=30_000)
    wait_for_charts(page, 3)
    expect(spread).to_contain_text("Trung vị cả nước: 32")
    expect(spread).to_contain_text("Khánh Hòa: 41")
    expect(themap.locator(".scatterlayer .point")).to_have_count(63)  # a bubble per province
    table = page.locator(TABLE).first
    expect(table).to_contain_text(re.compile(r"41/63\s*Tỉnh Khánh Hòa"), timeout=30_000)
    expect(table).to_contain_text("38/63")  # three provinces above, three below
    expect(table).to_contain_text("44/63")
    assert "era=legacy" in page.url
    no_errors(page)
    page.wait_for_timeout(500)
    page.screenshot(path=screenshots / "provinces-vi.png")

    # English: the words follow, the view stays.
    page.locator("[data-testid=stSidebar]").get_by_text("English", exact=True).click()
    expect(page.get_by_role("heading", name="Provinces", exact=True)).to_be_visible(timeout=30_000)
    wait_for_charts(page, 3)
    expect(chart(page, 0).locator(".gtitle")).to_contain_text("Khánh Hòa over time", timeout=30_000)
    expect(chart(page, 0).locator(".textpoint").filter(has_text="41/63")).to_have_count(1)
    expect(chart(page, 1)).to_contain_text("National median: 32", timeout=30_000)
    page.locator(f"{TABLE} table").first.wait_for(state="attached")
    expect(page.locator(TABLE).first).to_contain_text(re.compile(r"41/63\s*Tỉnh Khánh Hòa"))
    expect(page.locator(TABLE).first).to_contain_text("North Central and Central Coast")
    assert "lang=en" in page.url and "era=legacy" in page.url
    no_errors(page)
    page.wait_for_timeout(500)
    page.screenshot(path=screenshots / "provinces-en.png")

    # Open times, measured in the same run: the Provinces page beside the Overview.
    timings["provinces_charts_median_s"] = median_load(page, f"{server.url}{PATH}", 3)
    timings["overview_charts_median_same_run_s"] = median_load(page, server.url, 2)


def test_the_overview_card_leads_to_the_page(server, page):
    page.goto(server.url)
    wait_for_charts(page, 2)
    card = page.locator(".st-key-province_rank_card")
    expect(card).to_contain_text("16/34 (2024)")
    card.get_by_role("link").click()
    expect(page.get_by_role("heading", name="So sánh tỉnh", exact=True)).to_be_visible(
        timeout=30_000
    )
    assert page.url.rstrip("/").endswith(PATH)


def test_the_page_on_a_phone(server, browser, screenshots):
    phone = browser.new_context(
        viewport={"width": 390, "height": 3600}, is_mobile=True, has_touch=True, locale="vi-VN"
    )
    page = phone.new_page()
    try:
        open_provinces(page, server.url, "?era=legacy")
        no_errors(page)
        expect(chart(page, 0).locator(".textpoint").filter(has_text="41/63")).to_have_count(1)
        assert re.search(r"41/63\s*Tỉnh Khánh Hòa", table_text(page))
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390  # nothing wider than the phone
        page.wait_for_timeout(500)
        page.get_by_test_id("stMain").screenshot(path=screenshots / "provinces-phone-vi.png")
    finally:
        phone.close()
