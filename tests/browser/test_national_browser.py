"""The national example install (data/national/) in a real Chromium, as a ministry's reader uses
it: the Overview with the country's figures, the Regions page ranking the 34 provinces and then
one province's communes (a click on its bar), and a briefing deck downloaded.

The server starts on the example folder with a store of its own (INDICATORS_DATA_DIR), as the
README says to start it. Page open times go into the browser timings.
"""

from __future__ import annotations

import io
import re
import time

import pandas as pd
import pytest
from playwright.sync_api import Page, expect

from indicators.core.settings import REPO_ROOT

from .conftest import running_server
from .helpers import card_value, median_load, no_errors, wait_for_charts

NATIONAL = REPO_ROOT / "data" / "national"
CHARTS = '[data-testid="stPlotlyChart"]'


@pytest.fixture(scope="module")
def national(tmp_path_factory):
    with running_server(
        tmp_path_factory.mktemp("national"), INDICATORS_DATA_DIR=str(NATIONAL)
    ) as srv:
        yield srv


def by_hand(indicator: str, period: str) -> float:
    """The country's figure from the bundled CSV: Σ numerators ÷ Σ denominators × 100."""
    rows = pd.read_csv(NATIONAL / "observations.csv", dtype={"period": str})
    rows = rows[(rows["indicator"] == indicator) & (rows["period"] == period)]
    return rows["numerator"].sum() / rows["denominator"].sum() * 100


def timed(page: Page, url: str, charts: int) -> float:
    t0 = time.monotonic()
    page.goto(url)
    wait_for_charts(page, charts)
    return time.monotonic() - t0


def click_bar(page: Page, chart, name: str) -> None:
    """Click the ranking's bar of the unit `name`, as an official does to look inside it."""
    tick = chart.locator(".ytick text").filter(has_text=re.compile(f"^{re.escape(name)}$"))
    y = tick.bounding_box()["y"] + tick.bounding_box()["height"] / 2
    bars = chart.locator(".barlayer .point")
    boxes = [bars.nth(i).bounding_box() for i in range(bars.count())]
    box = min(boxes, key=lambda b: abs(b["y"] + b["height"] / 2 - y))
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def test_overview_regions_and_a_deck_for_the_whole_country(national, page, screenshots, timings):
    timings["national_server_healthy_s"] = national.healthy_after
    # Overview: the country's figures, summed from its 3,321 communes.
    timings["national_overview_first_s"] = timed(page, national.url, 2)
    expect(page.get_by_role("heading", name="Chỉ số CNTT-TT cả nước")).to_be_visible()
    no_errors(page)
    households = f"{by_hand('hh_internet_pct', '2026'):.1f}".replace(".", ",")
    assert card_value(page, "Tỷ lệ hộ gia đình có kết nối Internet") == f"{households}%"
    fibre = f"{by_hand('fibre_commune_pct', '2026'):.1f}".replace(".", ",")
    assert card_value(page, "Tỷ lệ xã, phường có cáp quang") == f"{fibre}%"
    expect(page.get_by_text("Minh họa").first).to_be_visible()  # illustrative, said on the page
    ranking = page.locator(CHARTS).nth(1)
    expect(ranking.locator(".ytick text")).to_have_count(34)  # the provinces, not the communes
    expect(ranking).to_contain_text(f"thấp hơn Cả nước ({households}%)")
    page.mouse.move(0, 0)
    page.wait_for_timeout(500)
    page.screenshot(path=screenshots / "national-overview-vi.png")

    # Regions: the country's 34 provinces ranked, on the map and the heatmap.
    timings["national_regions_first_s"] = timed(page, f"{national.url}/dia-ban", 3)
    no_errors(page)
    expect(page.get_by_text("Cả nước · 34 đơn vị cấp tỉnh")).to_be_visible()
    ranking, themap = page.locator(CHARTS).nth(0), page.locator(CHARTS).nth(1)
    expect(ranking.locator(".ytick text")).to_have_count(34)
    expect(themap.locator(".scatterlayer .point")).to_have_count(34)
    page.mouse.move(0, 0)
    page.wait_for_timeout(500)
    page.screenshot(path=screenshots / "national-regions-vi.png")

    # One province's communes: a click on its bar.
    t0 = time.monotonic()
    click_bar(page, ranking, "Tỉnh Khánh Hòa")
    expect(page.get_by_text("Tỉnh Khánh Hòa · 65 đơn vị cấp xã")).to_be_visible(timeout=60_000)
    wait_for_charts(page, 3)
    timings["national_regions_drill_s"] = time.monotonic() - t0
    assert "unit=56" in page.url
    expect(page.get_by_role("button", name="↑ Về Cả nước")).to_be_visible()
    expect(page.locator(CHARTS).nth(0)).to_contain_text("thấp hơn toàn tỉnh")
    expect(page.locator(CHARTS).nth(1).locator(".scatterlayer .point")).to_have_count(65)
    no_errors(page)
    page.mouse.move(0, 0)
    page.wait_for_timeout(500)
    page.screenshot(path=screenshots / "national-province-vi.png")

    # English: the same view, the country named as settings.toml names it.
    page.goto(f"{national.url}/dia-ban?lang=en")
    wait_for_charts(page, 3)
    expect(page.get_by_text("Viet Nam · 34 province units")).to_be_visible()
    no_errors(page)
    page.wait_for_timeout(500)
    page.screenshot(path=screenshots / "national-regions-en.png")

    timings["national_overview_median_s"] = median_load(page, national.url, 2, runs=3)
    timings["national_regions_median_s"] = median_load(page, f"{national.url}/dia-ban", 3, runs=3)


def test_a_briefing_deck_of_the_country_downloads(national, page, screenshots, timings):
    from pptx import Presentation

    page.goto(national.url)
    wait_for_charts(page, 2)
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Báo cáo nhanh").click()
    expect(page.get_by_role("heading", name="Báo cáo nhanh")).to_be_visible(timeout=30_000)
    preset = page.get_by_role("button", name=re.compile(r"^Năm hiện tại \((\d+) biểu đồ\)$"))
    n = int(re.search(r"\((\d+) ", preset.inner_text()).group(1))
    assert n == 7  # the headline indicators with figures in 2026
    preset.click()
    expect(page.get_by_role("heading", name=f"Bộ trình bày: {n} biểu đồ")).to_be_visible(
        timeout=60_000
    )
    no_errors(page)
    page.mouse.move(0, 0)
    page.wait_for_timeout(500)
    page.screenshot(path=screenshots / "national-briefing-vi.png")

    t0 = time.monotonic()
    with page.expect_download(timeout=300_000) as info:
        page.get_by_role("button", name="PowerPoint (.pptx)", exact=True).click()
    data = info.value.path().read_bytes()
    timings["national_deck_pptx_s"] = time.monotonic() - t0
    deck = Presentation(io.BytesIO(data))
    assert len(deck.slides) == n + 1
    titles = [s.shapes.title.text for s in list(deck.slides)[1:]]
    assert "Tỷ lệ hộ gia đình có kết nối Internet" in " ".join(titles)
    texts = " ".join(
        shape.text_frame.text
        for slide in list(deck.slides)[1:]
        for shape in slide.shapes
        if shape.has_text_frame
    )
    assert "Cả nước" in texts  # the captions name the country
