"""The Provinces page, the Overview's rank card and the Methodology's rankings section, run
headless through Streamlit's AppTest in both languages, on the bundled data."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from indicators.core.settings import DEFAULT_DATA_DIR
from tests.conftest import app_store_at
from tests.pages.apptest import app_data_at, open_page, open_section

PAGE = "ui/pages/provinces.py"


@pytest.fixture(scope="module", autouse=True)
def app_store(tmp_path_factory):
    with app_store_at(tmp_path_factory.mktemp("provinces")) as db:
        yield db


def charts(at: AppTest) -> list[dict]:
    return [json.loads(e.proto.spec) for e in at.get("plotly_chart")]


def texts_of(chart: dict) -> list[str]:
    return [str(t) for d in chart["data"] for t in (d.get("text") or [])]


def home_row(at: AppTest, column: str, province: str = "Tỉnh Khánh Hòa"):
    table = at.dataframe[0].value
    table = getattr(table, "data", table)  # a Styler keeps its frame in `data`
    return table[table[column] == province].iloc[0]


def test_the_page_opens_on_the_latest_dti_rank_among_34_provinces():
    at = open_page(PAGE)
    assert not at.exception
    assert at.title[0].value == "So sánh tỉnh"
    rank, spread, themap = charts(at)
    assert rank["layout"]["title"]["text"] == "Xếp hạng DTI cấp tỉnh: Khánh Hòa qua các năm"
    assert {"41/63", "16/34"} <= set(texts_of(rank))
    assert spread["layout"]["title"]["text"] == "Xếp hạng DTI cấp tỉnh, 2024 (34 tỉnh)"
    assert themap["layout"]["title"]["text"].startswith("Xếp hạng DTI cấp tỉnh")
    row = home_row(at, "Tỉnh, thành phố")
    assert (row["Hạng"], row["Vùng"]) == ("16/34", "Bắc Trung Bộ và duyên hải miền Trung")
    assert not dict(at.query_params)  # the defaults leave nothing in the link


def test_a_link_to_2022_on_the_old_units_in_english_shows_41_of_63():
    at = open_page(PAGE, lang="en", era="legacy", year="2022")
    assert not at.exception
    rank, spread, _ = charts(at)
    assert "41/63" in texts_of(rank)
    assert spread["layout"]["title"]["text"] == "Provincial DTI rank, 2022"
    names = [d.get("name") for d in spread["data"]]
    assert "National median: 32" in names and "North Central and Central Coast region" in names
    row = home_row(at, "Province")
    assert (row["Rank"], row["Value"]) == ("41/63", "41")
    table = at.dataframe[0].value
    table = getattr(table, "data", table)
    assert list(table["Rank"]) == [f"{n}/63" for n in range(38, 45)]


def test_choosing_the_dti_score_updates_the_charts_and_the_link():
    at = open_page(PAGE)
    box = next(s for s in at.selectbox if s.label == "Chỉ tiêu")
    box.set_value("dti_score").run()
    assert not at.exception
    assert at.query_params["indicator"] in ("dti_score", ["dti_score"])
    rank, spread, _ = charts(at)
    assert {"41/63", "16/34"} <= set(texts_of(rank))  # a score's page still shows the rank
    assert spread["layout"]["title"]["text"].startswith("Chỉ số chuyển đổi số cấp tỉnh (DTI)")
    row = home_row(at, "Tỉnh, thành phố")
    assert (row["Hạng"], row["Giá trị"]) == ("5/6", "0,7071")


def test_the_overview_card_gives_the_latest_rank_and_links_to_the_page():
    for lang, words in ((None, "So sánh với các tỉnh"), ("en", "Compare with other provinces")):
        at = open_page("ui/pages/overview.py", lang=lang)
        assert not at.exception
        assert "16/34 (2024)" in [h.value for h in at.subheader]
        links = [e.proto for e in at.get("page_link")]
        assert any(p.label == words and p.page == "so-sanh-tinh" for p in links)


def test_methodology_counts_the_bundled_rankings_and_names_the_regions_source():
    at = open_section(open_page("ui/pages/methodology.py", lang="en"), "rankings")
    assert not at.exception
    table = next(d.value for d in at.dataframe if "Provinces with a value" in d.value.columns)
    row = table[table["Year · unit list"] == "2022 · units before 1 July 2025"]
    assert list(row["Provinces with a value"]) == ["63/63", "6/63"]  # ranks, then scores
    assert "https://dti.gov.vn/xep-hang-2022" in row["Sources"].iloc[0]
    new = table[table["Year · unit list"] == "2024 · units from 1 July 2025"]
    assert list(new["Provinces with a value"]) == ["10/34", "6/34"]
    text = "\n".join(m.value for m in at.markdown)
    assert (
        "81/2023/QH15" in text and "**derived**" in text and "Tây Ninh (Tây Ninh, Long An)" in text
    )


def test_an_install_for_the_whole_country_lists_every_province_in_order(tmp_path):
    """The home is the country: no rank of its own, no card; the table ranks the provinces."""
    with app_data_at(DEFAULT_DATA_DIR / "national", tmp_path / "national.duckdb"):
        at = open_page(PAGE, timeout=600)
        assert not at.exception
        assert [h.value for h in at.header] == [
            "Vị trí trong cả nước", "Bản đồ", "Xếp hạng các tỉnh, thành phố",
        ]  # fmt: skip
        table = at.dataframe[0].value
        assert len(table) == 34 and table["Hạng"].iloc[0] == "1/34"
        spread = charts(at)[0]
        assert any(str(d.get("name", "")).startswith("Trung vị cả nước") for d in spread["data"])
        at = open_page("ui/pages/overview.py", timeout=600)
        assert not at.exception and not at.get("page_link")
