"""The Methodology page in a real Chromium: definitions, statuses, revision, English."""

from __future__ import annotations

from playwright.sync_api import expect

from .helpers import CHART, median_load, no_errors, wait_for_charts, wait_until_settled
from .test_trends_browser import close_not_found

URL = "/phuong-phap"


def test_methodology_explains_indicators_statuses_and_revision(server, page, screenshots, timings):
    """The page opens on the indicators; each other part is one tab away, and the open tab
    stays open when the reader switches to English."""
    page.goto(server.url + URL)
    wait_until_settled(page)
    close_not_found(page)
    no_errors(page)
    expect(page.get_by_role("heading", name="Phương pháp", exact=True)).to_be_visible()
    expect(page.get_by_text("Tỷ lệ xã, phường có điểm phục vụ bưu chính").first).to_be_visible()
    expect(page.get_by_text("Σ tử số ÷ Σ mẫu số × 100").first).to_be_visible()
    expect(page.locator(CHART)).to_have_count(0)  # the status legend is in its own tab
    page.wait_for_timeout(500)
    page.screenshot(path=screenshots / "methodology-vi.png")

    # another topic's tab; the revision's tab
    page.get_by_role("tab", name="Chính quyền số").click()
    expect(page.get_by_text("Xếp hạng DTI cấp tỉnh").first).to_be_visible()
    page.get_by_role("tab", name="Phiên bản dữ liệu").click()
    expect(page.get_by_role("heading", name="Phiên bản dữ liệu đang dùng")).to_be_visible()
    expect(page.get_by_text("Phiên bản 1", exact=False).first).to_be_visible()
    expect(page.get_by_text("Tỷ lệ xã, phường có điểm phục vụ bưu chính")).to_have_count(0)

    # the numbers' tab, then English: the same tab, in English
    page.get_by_role("tab", name="Kỳ báo cáo, định dạng số").click()
    expect(page.get_by_text("30.000 và 99,2").first).to_be_visible()
    page.locator("[data-testid=stSidebar]").get_by_text("English", exact=True).click()
    expect(page.get_by_role("heading", name="Methodology", exact=True)).to_be_visible(
        timeout=30_000
    )
    assert "lang=en" in page.url
    expect(page.get_by_role("tab", name="Periods, numbers", selected=True)).to_be_visible()
    expect(page.get_by_text("30,000 and 99.2").first).to_be_visible()
    page.get_by_role("tab", name="Data status").click()
    wait_for_charts(page, 1)
    chart = page.locator('[data-testid="stPlotlyChart"]').first
    expect(chart.locator(".gtitle")).to_have_text("How each data status is drawn")
    no_errors(page)
    page.wait_for_timeout(500)
    page.screenshot(path=screenshots / "methodology-en.png")
    page.goto(page.url)  # a copied link keeps the language
    wait_until_settled(page)
    expect(page.get_by_role("heading", name="Methodology", exact=True)).to_be_visible()

    timings["methodology_median_s"] = median_load(page, server.url + URL, 0)
