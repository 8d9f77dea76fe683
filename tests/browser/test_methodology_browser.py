"""The Methodology page in a real Chromium: definitions, statuses, revision, English."""

from __future__ import annotations

from playwright.sync_api import expect

from .helpers import median_load, no_errors, wait_for_charts
from .test_trends_browser import close_not_found

URL = "/phuong-phap"


def test_methodology_explains_indicators_statuses_and_revision(server, page, screenshots, timings):
    page.goto(server.url + URL)
    wait_for_charts(page, 1)
    close_not_found(page)
    no_errors(page)
    expect(page.get_by_role("heading", name="Phương pháp", exact=True)).to_be_visible()
    expect(page.get_by_text("Tỷ lệ xã, phường có điểm phục vụ bưu chính").first).to_be_visible()
    expect(page.get_by_text("Σ tử số ÷ Σ mẫu số × 100").first).to_be_visible()
    expect(page.get_by_text("Phiên bản 1", exact=False).first).to_be_visible()
    chart = page.locator('[data-testid="stPlotlyChart"]').first
    expect(chart.locator(".gtitle")).to_have_text("Cách vẽ theo trạng thái số liệu")
    page.wait_for_timeout(500)
    page.screenshot(path=screenshots / "methodology-vi.png")

    # another topic's tab, then English
    page.get_by_role("tab", name="Chính quyền số").click()
    expect(page.get_by_text("Xếp hạng DTI cấp tỉnh").first).to_be_visible()
    page.locator("[data-testid=stSidebar]").get_by_text("English", exact=True).click()
    expect(page.get_by_role("heading", name="Methodology", exact=True)).to_be_visible(
        timeout=30_000
    )
    assert "lang=en" in page.url
    expect(page.get_by_text("30,000 and 99.2").first).to_be_visible()
    expect(page.get_by_text("Revision", exact=False).first).to_be_visible()
    wait_for_charts(page, 1)
    expect(chart.locator(".gtitle")).to_have_text("How each data status is drawn")
    no_errors(page)
    page.goto(page.url)  # a copied link keeps the language
    wait_for_charts(page, 1)
    expect(page.get_by_role("heading", name="Methodology", exact=True)).to_be_visible()
    page.wait_for_timeout(500)
    page.screenshot(path=screenshots / "methodology-en.png")

    timings["methodology_charts_median_s"] = median_load(page, server.url + URL, 1)
