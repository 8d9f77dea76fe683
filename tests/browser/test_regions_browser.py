"""The Regions page in a real Chromium against a real Streamlit server, as an official uses it:
rank the units, switch to the old units, click a district to see its communes, copy the link,
switch to English; and, on a deployment with a boundary file, the filled map."""

from __future__ import annotations

import json
import math
import re
import shutil

import pytest
from playwright.sync_api import Page, expect

from indicators.core.settings import DEFAULT_DATA_DIR, load_settings
from indicators.geography.units import build_regions

from .conftest import running_server
from .helpers import choose, median_load, no_errors, wait_for_charts

PATH = "/dia-ban"
CHARTS = '[data-testid="stPlotlyChart"]'


def open_regions(page: Page, base: str, query: str = "") -> None:
    page.goto(base)  # a cold server learns its pages on the first run; then open ours
    wait_for_charts(page, 1)
    page.goto(f"{base}{PATH}{query}")
    wait_for_charts(page, 3)


def chart(page: Page, n: int):
    return page.locator(CHARTS).nth(n)


def wrapped(title: str) -> re.Pattern:
    """A chart title as drawn: long titles wrap, and the lines join without a space."""
    return re.compile("^" + r"\s?".join(re.escape(w) for w in title.split()) + "$")


def bar_texts(page: Page) -> list[str]:
    return chart(page, 0).locator(".bartext").all_text_contents()


def test_rank_drill_down_link_and_english(server, page, screenshots, timings):
    open_regions(page, server.url)
    no_errors(page)
    expect(page.get_by_role("heading", name="Địa bàn")).to_be_visible()
    ranking, themap, heat = chart(page, 0), chart(page, 1), chart(page, 2)
    expect(ranking.locator(".gtitle")).to_have_text(
        wrapped("Tỷ lệ hộ gia đình có kết nối Internet, 2026")
    )
    expect(themap.locator(".gtitle")).to_have_text(
        wrapped("Tỷ lệ hộ gia đình có kết nối Internet, 2026")
    )
    expect(heat.locator(".gtitle")).to_have_text(
        wrapped("Tỷ lệ hộ gia đình có kết nối Internet, 2025–2026")
    )
    expect(themap.locator(".scatterlayer .point")).to_have_count(65)  # a bubble per commune
    expect(page.get_by_text("Tỉnh Khánh Hòa · 65 đơn vị cấp xã")).to_be_visible()
    expect(page.get_by_text("Chỉ tiêu này có số liệu cả trước và sau 1/7/2025")).to_be_visible()
    assert any(re.fullmatch(r"\d+,\d%", x) for x in bar_texts(page))  # 96,7% in Vietnamese
    page.wait_for_timeout(500)
    page.screenshot(path=screenshots / "regions-vi.png")
    themap.screenshot(path=screenshots / "regions-map-vi.png")

    # Filter change: another indicator redraws the charts and goes into the URL.
    choose(page, "Chỉ tiêu", "Tỷ lệ xã, phường có điểm phục vụ bưu chính")
    expect(ranking.locator(".gtitle")).to_have_text(
        wrapped("Tỷ lệ xã, phường có điểm phục vụ bưu chính, 2026"), timeout=30_000
    )
    assert "indicator=post_commune_pct" in page.url

    # The old units: districts first, a period before the reform.
    page.get_by_text("Theo đơn vị hành chính cũ", exact=True).click()
    expect(page.get_by_text("Tỉnh Khánh Hòa · 9 đơn vị cấp huyện")).to_be_visible(timeout=30_000)
    expect(page.locator('[data-testid="stSelectbox"]')).to_have_count(3)  # the rerun is done
    choose(page, "Kỳ", "2020")
    expect(ranking.locator(".gtitle")).to_have_text(
        wrapped("Tỷ lệ xã, phường có điểm phục vụ bưu chính, 2020"), timeout=30_000
    )
    assert "era=legacy" in page.url and "period=2020" in page.url
    wait_for_charts(page, 3)

    # Drill down: click the last district bar; its communes replace the districts.
    bar = ranking.locator(".barlayer .point").last
    ticks = ranking.locator(".ytick text")
    lowest = max(range(ticks.count()), key=lambda i: ticks.nth(i).bounding_box()["y"])
    district = ticks.nth(lowest).text_content()  # the bottom bar's label
    box = bar.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    crumb = page.get_by_text(re.compile(rf"^Tỉnh Khánh Hòa › {re.escape(district)} · \d+ đơn vị"))
    expect(crumb).to_be_visible(timeout=30_000)
    wait_for_charts(page, 3)
    expect(ranking).to_contain_text(f"màu cam: thấp hơn {district}")
    assert re.search(r"unit=5\d\d(&|$)", page.url)
    no_errors(page)

    # A copied link reopens the same view.
    link, crumb_text = page.url, crumb.inner_text()
    other = page.context.new_page()
    other.goto(link)
    wait_for_charts(other, 3)
    expect(other.get_by_text(crumb_text)).to_be_visible()
    expect(chart(other, 0).locator(".gtitle")).to_have_text(
        wrapped("Tỷ lệ xã, phường có điểm phục vụ bưu chính, 2020")
    )
    expect(other.get_by_role("radio", name="Theo đơn vị hành chính cũ")).to_be_checked()
    expect(other.get_by_role("combobox", name="Kỳ")).to_have_value("2020")
    other.close()

    # English: words and number format follow, the view stays.
    page.locator("[data-testid=stSidebar]").get_by_text("English", exact=True).click()
    expect(page.get_by_role("heading", name="Regions")).to_be_visible(timeout=30_000)
    wait_for_charts(page, 3)
    expect(chart(page, 0).locator(".gtitle")).to_have_text(
        wrapped("Communes with a post office or commune cultural post office, 2020"), timeout=30_000
    )
    assert "lang=en" in page.url and "unit=" in page.url and "era=legacy" in page.url
    path = crumb_text.split(" · ")[0]  # unit names are the same in both languages
    expect(page.get_by_text(re.compile(rf"^{re.escape(path)} · \d+ commune units"))).to_be_visible()
    texts = bar_texts(page)
    assert texts and all(re.fullmatch(r"\d+(\.\d)?%", x) for x in texts if x)
    no_errors(page)
    page.wait_for_timeout(500)
    page.screenshot(path=screenshots / "regions-en.png")

    timings["regions_charts_median_s"] = median_load(page, f"{server.url}{PATH}", 3)


def test_the_heatmap_marks_the_drilled_view_in_english(server, page, screenshots):
    open_regions(page, server.url, "?lang=en&era=legacy&indicator=hh_internet_pct")
    heat = chart(page, 2)
    expect(heat.locator(".gtitle")).to_have_text(wrapped("Households with internet, 2016–2024"))
    expect(heat).to_contain_text("9 district units, sorted by 2024")
    expect(heat.locator(".xtick text")).to_have_count(9)  # one column per year
    no_errors(page)
    heat.screenshot(path=screenshots / "regions-heatmap-en.png")


@pytest.fixture(scope="module")
def boundary_server(tmp_path_factory):
    """A deployment whose data folder configures a boundary file for the new units: squares
    the size of each commune's area around its centroid (real codes, made-up shapes)."""
    tmp = tmp_path_factory.mktemp("boundaries")
    folder = tmp / "data"
    shutil.copytree(DEFAULT_DATA_DIR, folder)
    text = (folder / "settings.toml").read_text(encoding="utf-8")
    text = text.replace('# "2025" = "boundaries-2025.geojson"', '"2025" = "ranh-gioi-2025.geojson"')
    (folder / "settings.toml").write_text(text, encoding="utf-8")
    units = build_regions(load_settings(folder).region_sources)
    communes = units[(units.unit_list == "2025") & (units.level == "commune")]
    features = []
    for u in communes.itertuples():
        half = math.sqrt(float(u.area_km2)) / 111 / 2
        ring = [
            [u.lon + dx * half, u.lat + dy * half]
            for dx, dy in ((-1, -1), (1, -1), (1, 1), (-1, 1), (-1, -1))
        ]
        features.append(
            {
                "type": "Feature",
                "properties": {"code": u.code, "unit_list": "2025", "name": u.name},
                "geometry": {"type": "Polygon", "coordinates": [ring]},
            }
        )
    geojson = {"type": "FeatureCollection", "features": features}
    (folder / "ranh-gioi-2025.geojson").write_text(json.dumps(geojson), encoding="utf-8")
    with running_server(tmp, INDICATORS_DATA_DIR=str(folder)) as srv:
        yield srv


def test_a_configured_boundary_file_fills_the_map(boundary_server, page, screenshots):
    open_regions(page, boundary_server.url)
    no_errors(page)
    themap = chart(page, 1)
    expect(themap.locator(".js-fill")).to_have_count(65)  # one filled polygon per commune
    expect(themap).to_contain_text("ranh-gioi-2025.geojson")  # named on the map
    themap.screenshot(path=screenshots / "regions-map-boundaries-vi.png")
