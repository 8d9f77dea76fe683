"""One series across the 1 July 2025 reform, in a real Chromium against a real Streamlit server:
switch the units on the Trends page, see one continuous line with the marker, download the Data
page's converted values with their flags."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
from playwright.sync_api import Page, expect

from .helpers import median_load, no_errors, wait_for_charts
from .test_trends_browser import charts, close_not_found

MARKER_VI = "1/7/2025: sắp xếp đơn vị hành chính"
MARKER_EN = "1 Jul 2025: administrative reform"
YEARS = [str(y) for y in range(2016, 2027)]
GRAPHS = "document.querySelectorAll('[data-testid=\"stPlotlyChart\"] .js-plotly-plot')"


def idle(page: Page) -> None:
    """Wait until the script run is over (a download clicked mid-run may never start)."""
    expect(page.locator('[data-testid="stStatusWidgetRunningIcon"]')).to_have_count(
        0, timeout=90_000
    )


def traces(page: Page, chart: int = 0) -> dict[str, list[str]]:
    """Each trace's name and x values, read from the plotly graph the browser drew."""
    return page.evaluate(
        f"""(i) => {{
            const gd = {GRAPHS}[i];
            return Object.fromEntries(gd.data.map(d => [d.name, Array.from(d.x || [])]));
        }}""",
        chart,
    )


def line_x(page: Page, name: str, chart: int = 0) -> list[str]:
    page.wait_for_function(
        f"""([i, name]) => {{
            const gd = {GRAPHS}[i];
            return gd && gd.data && gd.data.some(d => d.name === name);
        }}""",
        arg=[chart, name],
        timeout=60_000,
    )
    return traces(page, chart)[name]


def test_switching_units_joins_the_series_and_marks_the_reform(server, page, screenshots, timings):
    page.goto(server.url)  # a fresh server's first non-default page shows a stray dialog
    wait_for_charts(page, 1)
    page.goto(server.url + "/xu-huong?ind=hh_internet_pct")
    wait_for_charts(page, 2)
    close_not_found(page)
    no_errors(page)
    new = page.get_by_role("radio", name="Theo đơn vị hành chính mới")
    old = page.get_by_role("radio", name="Theo đơn vị hành chính cũ")
    expect(new).to_be_checked()  # the range ends after 1/7/2025

    # old units: the province as reported, up to 2024, no line across the reform
    page.get_by_text("Theo đơn vị hành chính cũ", exact=True).click()
    page.wait_for_url("**era=legacy**", timeout=30_000)
    expect(charts(page).first).to_contain_text("đơn vị hành chính trước 1/7/2025", timeout=30_000)
    assert line_x(page, "Tỉnh Khánh Hòa")[-1] == "2024"
    assert not [n for n in traces(page) if n.startswith("Quy đổi")]
    expect(page.get_by_text("Đang xem theo đơn vị cũ").first).to_be_visible()

    # a copied link reopens the old units
    page.goto(page.url)
    wait_for_charts(page, 1)
    expect(old).to_be_checked()
    assert line_x(page, "Tỉnh Khánh Hòa")[-1] == "2024"

    # new units: one continuous line 2016–2026, converted points ringed, the marker drawn
    page.get_by_text("Theo đơn vị hành chính mới", exact=True).click()
    # the default (units in force at the range's end) leaves the URL
    page.wait_for_url(lambda url: "era=legacy" not in url, timeout=30_000)
    assert line_x(page, "Quy đổi từ đơn vị cũ") == YEARS[:9]
    assert line_x(page, "Tỉnh Khánh Hòa") == YEARS
    expect(charts(page).first).to_contain_text(MARKER_VI)
    expect(charts(page).first).to_contain_text("quy đổi từ đơn")  # the subtitle says so
    expect(charts(page).nth(1)).to_contain_text(MARKER_VI)  # growth bars cross it too
    no_errors(page)
    page.goto(page.url)
    wait_for_charts(page, 2)
    expect(new).to_be_checked()
    assert line_x(page, "Tỉnh Khánh Hòa") == YEARS
    page.wait_for_timeout(500)
    page.screenshot(path=screenshots / "trends-reform-vi.png")
    url = server.url + "/xu-huong?ind=hh_internet_pct"
    timings["trends_reform_charts_median_s"] = median_load(page, url, 2)


def test_new_communes_read_as_one_series_in_english(server, page, screenshots):
    # Phường Bắc Nha Trang: old wards merged whole; Xã Cam Lâm: parts of divided old communes
    page.goto(server.url + "/xu-huong?ind=hh_internet_pct&reg=22333,22453&lang=en")
    wait_for_charts(page, 1)
    close_not_found(page)
    no_errors(page)
    expect(charts(page).first).to_contain_text(MARKER_EN, timeout=30_000)
    assert line_x(page, "Phường Bắc Nha Trang") == YEARS
    assert line_x(page, "Xã Cam Lâm") == YEARS
    assert traces(page)["Converted from the old units"] == YEARS[:9]
    assert traces(page)["Estimate (boundary change)"] == YEARS[:9]
    expect(page.get_by_text("are estimates (boundary change)").first).to_be_visible()
    expect(page.get_by_role("radio", name="By the new units")).to_be_checked()
    # hover a converted point: its label says how it was obtained
    point = charts(page).first.locator(".scatterlayer .trace").first.locator(".point").first
    point.hover(force=True)
    expect(charts(page).first.locator(".hoverlayer")).to_contain_text("Converted from the old")
    page.mouse.move(5, 5)
    page.wait_for_timeout(500)
    page.screenshot(path=screenshots / "trends-reform-en.png")


def test_data_page_downloads_converted_values_with_their_flags(server, page):
    page.goto(server.url + "/du-lieu?ind=bts_count&level=commune&period=2023-2026")
    page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=60_000)
    close_not_found(page)
    no_errors(page)
    expect(page.get_by_text("giá trị quy đổi qua thay đổi địa giới").first).to_be_visible()
    idle(page)
    with page.expect_download(timeout=90_000) as info:
        page.get_by_role("button", name="Tải CSV (UTF-8, mở bằng Excel)").click()
    data = Path(info.value.path()).read_bytes()
    table = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str).set_index(
        ["Mã địa bàn", "Mã kỳ"]
    )
    assert table.loc[("22453", "2024"), "Cách có số liệu"] == "Quy đổi qua thay đổi địa giới"
    assert table.loc[("22453", "2024"), "Ước tính (thay đổi địa giới)"] == "Có"
    assert table.loc[("22333", "2024"), "Ước tính (thay đổi địa giới)"] == "Không"
    assert table.loc[("22333", "2025"), "Cách có số liệu"] == "Báo cáo"

    # switched off: the choice in the URL, only values reported on the new units
    page.get_by_text("Gồm số liệu quy đổi từ đơn vị cũ", exact=True).click()
    page.wait_for_url("**conv=0**", timeout=30_000)
    expect(page.get_by_text("giá trị quy đổi qua thay đổi địa giới")).to_have_count(0)
    # a copied link reopens it switched off (and gives the download a settled page)
    page.goto(page.url)
    page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=60_000)
    toggle = page.locator('[data-testid="stCheckbox"]').filter(has_text="Gồm số liệu quy đổi")
    expect(toggle.locator("input")).not_to_be_checked()
    expect(page.get_by_text("giá trị quy đổi qua thay đổi địa giới")).to_have_count(0)
    idle(page)
    with page.expect_download(timeout=90_000) as info:
        page.get_by_role("button", name="Tải CSV (UTF-8, mở bằng Excel)").click()
    plain = pd.read_csv(info.value.path(), encoding="utf-8-sig", dtype=str)
    assert set(plain["Mã kỳ"]) == {"2025", "2026"}
    assert "Ước tính (thay đổi địa giới)" not in plain.columns
    no_errors(page)
