"""The Data page in a real Chromium: filters, URL, language and the downloads read back."""

from __future__ import annotations

import io
import statistics
import time
from pathlib import Path

import pandas as pd
from playwright.sync_api import Page, expect

from .helpers import no_errors
from .test_trends_browser import close_not_found

URL = "/du-lieu?era=legacy"
TABLE = '[data-testid="stDataFrame"]'


def rows_text(page: Page) -> str:
    return page.locator("strong").filter(has_text="dòng").first.inner_text()


def load_table(page: Page, url: str) -> float:
    t0 = time.monotonic()
    page.goto(url)
    page.locator(TABLE).first.wait_for(timeout=60_000)
    page.locator(f"{TABLE} canvas").first.wait_for(timeout=60_000)
    return time.monotonic() - t0


def test_data_filters_url_language_and_downloads(server, page, screenshots, timings):
    load_table(page, server.url + URL)
    close_not_found(page)
    no_errors(page)
    expect(page.get_by_role("heading", name="Dữ liệu")).to_be_visible()
    all_rows = rows_text(page)
    assert " dòng" in all_rows
    page.wait_for_timeout(500)
    page.screenshot(path=screenshots / "data-vi.png")

    # filter by status: fewer rows, the choice in the URL
    box = page.locator('[data-testid="stMultiSelect"]').filter(has_text="Trạng thái")
    box.click()
    page.get_by_role("option", name="Đã công bố", exact=True).click()
    page.keyboard.press("Escape")
    expect(page.locator("strong").filter(has_text="dòng").first).not_to_have_text(
        all_rows, timeout=30_000
    )
    assert "status=published" in page.url
    filtered = rows_text(page)

    # a copied link reopens the same rows
    load_table(page, page.url)
    expect(page.locator("strong").filter(has_text="dòng").first).to_have_text(filtered)

    # CSV: UTF-8 with BOM, diacritics intact, only the chosen status
    with page.expect_download() as info:
        page.get_by_role("button", name="Tải CSV (UTF-8, mở bằng Excel)").click()
    data = Path(info.value.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    table = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype={"Mã địa bàn": str})
    assert set(table["Trạng thái"]) == {"Đã công bố"}
    # the province's published figures, and the published rankings of every other province
    # (the national level: DTI and ICT Index ranks and scores, data/rankings.csv)
    others = table[table["Địa bàn"] != "Tỉnh Khánh Hòa"]
    assert (table["Địa bàn"] == "Tỉnh Khánh Hòa").any() and len(others)
    assert set(others["Mã chỉ tiêu"]) <= {"dti_rank", "dti_score", "ict_index_rank"}
    assert set(table["Cách có số liệu"]) == {"Báo cáo"}
    assert filtered == f"{len(table)} dòng"
    assert 30000 in set(table["Giá trị"])  # 2016–2020 press articles, as published

    with page.expect_download() as info:
        page.get_by_role("button", name="Tải Excel (XLSX)").click()
    sheet = pd.read_excel(info.value.path(), dtype={"Mã địa bàn": str})
    assert len(sheet) == len(table) and set(sheet["Địa bàn"]) == set(table["Địa bàn"])

    page.locator("[data-testid=stSidebar]").get_by_text("English", exact=True).click()
    expect(page.get_by_role("heading", name="Data")).to_be_visible(timeout=30_000)
    expect(page.get_by_role("button", name="Download CSV (UTF-8, opens in Excel)")).to_be_visible()
    assert "status=published" in page.url and "lang=en" in page.url
    expect(page.locator("strong").filter(has_text="rows").first).to_be_visible()
    no_errors(page)
    page.wait_for_timeout(500)
    page.screenshot(path=screenshots / "data-en.png")

    times = [load_table(page, server.url + URL) for _ in range(5)]
    timings["data_table_median_s"] = statistics.median(times)
