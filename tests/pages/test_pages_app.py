"""Trends, Data and Methodology pages run headless through Streamlit's AppTest."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from indicators.present.tables import PAGE_ROWS
from tests.conftest import app_store_at
from tests.pages.apptest import open_page, open_section


@pytest.fixture(scope="module", autouse=True)
def app_store(tmp_path_factory):
    with app_store_at(tmp_path_factory.mktemp("pages")) as db:
        yield db


def to_english(at: AppTest) -> AppTest:
    """Click the sidebar's language switch, as a reader does."""
    return at.radio(key="w_lang").set_value("en").run()


def charts(at: AppTest) -> list[dict]:
    return [json.loads(e.proto.spec) for e in at.get("plotly_chart")]


def test_trends_opens_on_the_province_with_target_and_growth():
    at = open_page("ui/pages/trends.py")
    assert not at.exception
    assert at.title[0].value == "Xu hướng chỉ tiêu"
    trend, growth = charts(at)
    assert trend["layout"]["title"]["text"] == "Tỷ lệ xã, phường có điểm phục vụ bưu chính"
    names = [d["name"] for d in trend["data"]]
    assert "Tỉnh Khánh Hòa" in names and "Lộ trình đến mục tiêu 2030" in names
    assert "Năm trước = 100" in growth["layout"]["title"]["subtitle"]["text"]
    assert any("1/7/2025" in i.value for i in at.info)  # the range spans the reform


def test_a_link_restores_indicators_areas_era_and_granularity():
    at = open_page(
        "ui/pages/trends.py",
        ind="hh_internet_pct,bts_count",
        reg="56,568",
        era="legacy",
        gran="phase",
    )
    at = to_english(at)
    assert not at.exception
    titles = [c["layout"]["title"]["text"] for c in charts(at)]
    assert titles[0] == "Households with internet" and "Mobile base stations (BTS)" in titles
    first = charts(at)[0]
    assert {d["name"] for d in first["data"]} >= {"Tỉnh Khánh Hòa", "Thành phố Nha Trang"}
    assert first["data"][0]["x"] == ["2016–2020 phase"]
    assert at.query_params["gran"] in ("phase", ["phase"])
    assert at.query_params["lang"] in ("en", ["en"])
    assert any("parts missing" in cap.value for cap in at.caption)  # 2021–2025: 4 of 5 years


def test_a_range_before_the_reform_needs_no_era_choice():
    at = open_page("ui/pages/trends.py", period="2016-2020")
    assert not at.exception
    assert not [r for r in at.radio if r.label == "Địa giới hành chính"]
    trend = charts(at)[0]
    assert trend["data"][0]["x"][0] == "2016" and "2020" in trend["data"][0]["x"]
    assert any("trước 1/7/2025" in cap.value for cap in at.caption)


def test_choosing_another_area_updates_chart_and_url():
    at = open_page("ui/pages/trends.py", era="legacy")
    box = next(m for m in at.multiselect if m.label == "Địa bàn")
    box.set_value(["56", "22333"]).run()
    assert not at.exception
    assert at.query_params["reg"] in ("56,22333", ["56,22333"])
    assert "Phường Vĩnh Phước" in [d["name"] for d in charts(at)[0]["data"]]


def test_nothing_chosen_says_so_instead_of_failing():
    at = open_page("ui/pages/trends.py", ind="")
    assert not at.exception
    assert any("Chọn ít nhất một chỉ tiêu" in i.value for i in at.info)


def test_data_page_filters_by_status_and_counts_rows():
    at = open_page("ui/pages/data.py", era="legacy", status="published")
    assert not at.exception
    assert at.title[0].value == "Dữ liệu"
    counts = [m.value for m in at.markdown if m.value.startswith("**") and "dòng" in m.value]
    # the bundled data hold published province figures for 2020, 2022 and 2024
    assert counts and int(counts[0].strip("*").split()[0]) >= 6
    table = at.dataframe[0].value
    assert set(table["Trạng thái"]) == {"Đã công bố"}
    assert {"Nguồn", "Giá trị", "Địa bàn"} <= set(table.columns)


def _data_rows(at: AppTest) -> tuple[int, pd.DataFrame]:
    """The row count the Data page states, and the rows its table draws."""
    said = next(m.value for m in at.markdown if m.value.startswith("**") and "dòng" in m.value)
    return int(said.strip("*").split()[0].replace(".", "")), at.dataframe[0].value


def test_data_page_pages_through_a_long_table_and_starts_again_on_a_new_filter():
    """The commune level holds more rows than one page: the table draws 200 at a time, says
    which, and the page chooser goes through every row once."""
    at = open_page("ui/pages/data.py", era="legacy", level="commune")
    assert not at.exception
    n, first = _data_rows(at)
    pages = -(-n // PAGE_ROWS)
    assert n > 2 * PAGE_ROWS and len(first) == PAGE_ROWS
    chooser = at.number_input[0]
    assert chooser.label == f"Trang (trên {pages})" and chooser.value == 1
    assert f"Dòng 1–200 trong {n:,}".replace(",", ".") in [c.value for c in at.caption]

    at = chooser.set_value(2).run()
    assert not at.exception
    second = at.dataframe[0].value
    assert len(second) == PAGE_ROWS
    assert f"Dòng 201–400 trong {n:,}".replace(",", ".") in [c.value for c in at.caption]
    seen = [first, second]
    for page in range(3, pages + 1):
        at = at.number_input[0].set_value(page).run()
        seen.append(at.dataframe[0].value)
    assert len(seen[-1]) == n - (pages - 1) * PAGE_ROWS  # the last rows
    keys = pd.concat(seen)[["Mã chỉ tiêu", "Mã địa bàn", "Mã kỳ"]]
    assert len(keys) == n and not keys.duplicated().any()  # every row once, none missing

    code = first["Mã chỉ tiêu"].iloc[0]
    at = at.multiselect(key="w_ind_vi_data").set_value([code]).run()
    assert not at.exception
    n_one, table = _data_rows(at)
    assert n_one < n and set(table["Mã chỉ tiêu"]) == {code}
    assert n_one > PAGE_ROWS and at.number_input[0].value == 1  # back on the first page


def test_methodology_names_the_revision_and_explains_statuses_in_english():
    """One section at a time: each tab shows its own part and none of the others'."""
    at = to_english(open_page("ui/pages/methodology.py"))
    assert not at.exception
    assert at.title[0].value == "Methodology"
    text = " ".join(m.value for m in at.markdown)
    assert "Σ numerators ÷ Σ denominators × 100" in text  # the indicators open first
    assert "Revision **1**" not in text and not charts(at)
    text = " ".join(m.value for m in open_section(at, "revision").markdown)
    assert "Revision **1**" in text and "Σ numerators" not in text
    text = " ".join(m.value for m in open_section(at, "periods").markdown)
    assert "30,000" in text and "30.000" in text and "99,2" in text and "99.2" in text
    assert charts(open_section(at, "statuses"))[0]["layout"]["title"]["text"] == (
        "How each data status is drawn"
    )
    assert not at.exception


def test_methodology_keeps_the_open_section_when_the_language_changes():
    at = open_section(open_page("ui/pages/methodology.py"), "rankings")
    assert [h.value for h in at.header] == ["Xếp hạng các tỉnh, thành phố"]
    at = to_english(at)
    assert [h.value for h in at.header] == ["Province rankings"]
    assert any("Provinces with a value" in d.value.columns for d in at.dataframe)
