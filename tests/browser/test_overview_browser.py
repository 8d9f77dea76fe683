"""The Overview in a real Chromium against a real Streamlit server, as an official sees it."""

from __future__ import annotations

import re
import time

from playwright.sync_api import Page, expect

from .helpers import ERRORS, card_value, choose, median_load, wait_until_settled
from .helpers import wait_for_charts as _wait


def wait_for_charts(page: Page, count: int = 2) -> None:
    """The charts drawn, the cards shown, and the run finished: a rerun after a choice redraws
    the cards last, so under load their old values are still there just after the charts."""
    _wait(page, count)
    expect(page.locator('[data-testid="stMetricValue"]').first).to_be_visible()
    wait_until_settled(page)


def test_overview_shows_2020_figures_and_switches_to_english(server, page, screenshots, timings):
    t0 = time.monotonic()
    page.goto(server.url)
    wait_for_charts(page)
    timings["first_page_charts_visible_s"] = time.monotonic() - t0
    expect(page.locator(ERRORS)).to_have_count(0)

    choose(page, "Năm báo cáo", "2020")
    expect(page.get_by_text("Chỉ tiêu chính năm 2020")).to_be_visible(timeout=30_000)
    wait_for_charts(page)
    assert re.search(r"period=2020", page.url) and "None" not in page.url
    expect(page.get_by_role("radio", name="Tiếng Việt")).to_be_checked()
    assert card_value(page, "Tỷ lệ xã, phường có điểm phục vụ bưu chính") == "99%"
    assert card_value(page, "Tỷ lệ xã, phường được phủ sóng di động") == "100%"
    assert card_value(page, "Số tin, bài báo chí về tỉnh được tổng hợp") == "6.380"
    expect(page.get_by_text("Minh họa").filter(visible=True).first).to_be_visible()
    page.wait_for_timeout(500)
    page.screenshot(path=screenshots / "overview-vi.png")

    page.locator("[data-testid=stSidebar]").get_by_text("English", exact=True).click()
    expect(page.get_by_role("heading", name="Khánh Hòa ICT indicators")).to_be_visible(
        timeout=30_000
    )
    wait_for_charts(page)
    assert "lang=en" in page.url and "period=2020" in page.url
    label = "Communes with a post office or commune cultural post office"
    assert card_value(page, label) == "99%"
    assert card_value(page, "Communes with mobile coverage") == "100%"
    assert card_value(page, "Press articles about the province compiled") == "6,380"
    trend_box = page.get_by_role("combobox", name="Indicator", exact=True)
    expect(trend_box).to_have_value(label)
    expect(page.locator(ERRORS)).to_have_count(0)
    page.wait_for_timeout(500)
    page.screenshot(path=screenshots / "overview-en.png")
    timings["overview_charts_median_s"] = median_load(page, server.url, 2)


def test_a_copied_link_reopens_the_same_view(server, page, screenshots):
    page.goto(f"{server.url}/?lang=en&period=2022&trend=hh_internet_pct&level=commune")
    wait_for_charts(page)
    expect(page.get_by_text("Headline indicators, 2022")).to_be_visible()
    trend = page.locator('[data-testid="stPlotlyChart"]').first
    expect(trend.locator(".gtitle")).to_have_text("Households with internet")
    ranking = page.locator('[data-testid="stPlotlyChart"]').nth(1)
    expect(ranking.locator(".gtitle")).to_contain_text("2022")
    expect(ranking).to_contain_text("132 commune units")
    expect(page.locator(ERRORS)).to_have_count(0)
    ranking.screenshot(path=screenshots / "ranking-communes-en.png")
