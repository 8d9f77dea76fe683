"""The Provinces page's charts, built from the seeded store as the page builds them: the home
province's rank over the years (1 at the top, two named series, the 1/7/2025 marker), all
provinces of a year by region with the national median, and the map of provinces."""

from __future__ import annotations

import csv
import statistics

import pytest

from indicators.core.settings import DEFAULT_DATA_DIR, load_settings
from indicators.geography.provinces import all_provinces
from indicators.geography.socio_regions import load_socio_regions
from indicators.present.figures.province_map import province_map_figure
from indicators.present.figures.province_rank import rank_history_figure
from indicators.present.figures.province_spread import spread_figure
from indicators.present.figures.reform_marker import MARKER_NAME
from indicators.query import provinces

CFG = load_settings(DEFAULT_DATA_DIR)
SOCIO = load_socio_regions(CFG.socio_regions_file)


def printed_values(indicator: str, unit_list: str, period: str) -> list[float]:
    with (DEFAULT_DATA_DIR / "rankings.csv").open(encoding="utf-8") as f:
        return [
            float(r["value"])
            for r in csv.DictReader(f)
            if (r["indicator"], r["unit_list"], r["period"]) == (indicator, unit_list, period)
        ]


@pytest.fixture(scope="module")
def store(seeded_store):
    with seeded_store.connect(read_only=True) as con:
        yield con, seeded_store.current_revision()


def province_frame(store, indicator: str, unit_list: str, period: str):
    con, rev = store
    values = provinces.province_values(
        con, rev, indicator=indicator, unit_list=unit_list, period=period
    )
    regions = SOCIO.of_list(unit_list).rename(columns={"province_code": "region"})
    return values.merge(regions[["region", "region_code"]], on="region", how="left")


def rank_chart(store, catalog, lang="vi"):
    con, rev = store
    series = provinces.home_series(con, rev, indicator="dti_rank", refs=CFG.province_units)
    return rank_history_figure(
        series, catalog["dti_rank"], province="Khánh Hòa", revision=rev, lang=lang
    )


def test_the_rank_chart_shows_41_of_63_and_16_of_34_as_two_named_series(store, catalog):
    fig = rank_chart(store, catalog)
    old, new = fig.data
    assert old.name == "Khánh Hòa: hạng trên 63 tỉnh (trước 1/7/2025)"
    assert new.name == "Khánh Hòa: hạng trên 34 tỉnh (sau sắp xếp)"
    assert (list(old.x), list(old.y), list(old.text)) == (["2022"], [41], ["41/63"])
    assert (list(new.x), list(new.y), list(new.text)) == (["2024 (34 tỉnh)"], [16], ["16/34"])
    low, high = fig.layout.yaxis.range
    assert low > 63 and high < 1  # reversed: rank 1 is drawn at the top
    assert 1 in fig.layout.yaxis.tickvals and 63 in fig.layout.yaxis.tickvals
    marker = [s for s in fig.layout.shapes if s.name == MARKER_NAME]
    assert len(marker) == 1 and marker[0].x0 == 0.5  # between the two lists' years


def test_the_rank_chart_in_english(store, catalog):
    fig = rank_chart(store, catalog, lang="en")
    assert fig.layout.title.text == "Provincial DTI rank: Khánh Hòa over time"
    assert list(fig.data[1].x) == ["2024 (34 provinces)"]
    assert "rank 1 at the top" in fig.layout.title.subtitle.text.replace("<br>", " ")


def test_the_spread_highlights_the_home_province_and_names_its_regions_provinces(store, catalog):
    values = province_frame(store, "dti_rank", "legacy", "2022")
    regions = {c: SOCIO.name(c, "vi") for c in SOCIO.codes()}
    fig = spread_figure(
        values, catalog["dti_rank"], regions=regions, home="56", period_label="2022", revision=1
    )
    by_name = {d.name: d for d in fig.data}
    region = by_name["Vùng Bắc Trung Bộ và duyên hải miền Trung"]
    # The region's provinces as the regions file lists them, by their names in the unit list.
    with (DEFAULT_DATA_DIR / "socio_economic_regions.csv").open(encoding="utf-8") as f:
        codes = {
            r["province_code"]
            for r in csv.DictReader(f)
            if r["unit_list"] == "legacy" and r["region_code"] == "BTBDHMT"
        }
    names = all_provinces().set_index(["unit_list", "code"])["name"]
    expected = {names[("legacy", c)] for c in codes - {"56"}}
    assert {row[1] for row in region.customdata} == expected
    assert "Tỉnh Ninh Thuận" in expected and "Thành phố Đà Nẵng" in expected
    home = by_name["Tỉnh Khánh Hòa"]
    assert list(home.x) == [41] and list(home.text) == ["Khánh Hòa: 41"]
    others = by_name["Các tỉnh khác"]
    assert len(others.x) + len(region.x) + len(home.x) == 63
    assert fig.layout.xaxis.autorange == "reversed"  # better (rank 1) to the right


def test_the_national_median_is_the_median_of_the_printed_ranks(store, catalog):
    by_hand = statistics.median(printed_values("dti_rank", "legacy", "2022"))
    assert by_hand == 32  # 63 ranks with the tie 15, 15, 17: the 32nd is 32
    values = province_frame(store, "dti_rank", "legacy", "2022")
    regions = {c: SOCIO.name(c, "en") for c in SOCIO.codes()}
    fig = spread_figure(
        values,
        catalog["dti_rank"],
        regions=regions,
        home="56",
        period_label="2022",
        revision=1,
        lang="en",
    )
    lines = [s for s in fig.layout.shapes if s.type == "line"]
    assert [s.x0 for s in lines] == [by_hand]
    assert "National median: 32" in [d.name for d in fig.data]
    assert "North Central and Central Coast region" in [d.name for d in fig.data]


def test_no_median_is_drawn_over_a_few_printed_scores(store, catalog):
    printed = printed_values("dti_score", "2025", "2024")
    assert len(printed) == 6  # of 34 provinces: the top of the ranking and Khánh Hòa
    values = province_frame(store, "dti_score", "2025", "2024")
    regions = {c: SOCIO.name(c, "vi") for c in SOCIO.codes()}
    fig = spread_figure(
        values, catalog["dti_score"], regions=regions, home="56", period_label="2024", revision=1
    )
    assert not [s for s in fig.layout.shapes if s.type == "line"]
    sub = fig.layout.title.subtitle.text.replace("<br>", " ")  # wrapped lines, joined
    assert "6/34 tỉnh" in sub and "không vẽ trung vị" in sub and "Không có số liệu" in sub
    home = next(d for d in fig.data if d.name == "Tỉnh Khánh Hòa")
    assert list(home.text) == ["Khánh Hòa: 0,7071"]


def test_the_map_has_a_bubble_per_province_and_rings_the_home_one(store, catalog):
    values = province_frame(store, "dti_rank", "legacy", "2024")
    fig = province_map_figure(
        values,
        catalog["dti_rank"],
        home="56",
        region=SOCIO.members("legacy", "BTBDHMT"),
        region_name=SOCIO.name("BTBDHMT", "vi"),
        period_label="2024",
        revision=1,
    )
    have, none = fig.data[0], fig.data[1]
    assert len(have.x) == 6 and len(none.x) == 57  # six ranks printed for the 63 in 2024
    assert "Không có số liệu" in fig.layout.title.subtitle.text.replace("<br>", " ")
    values = province_frame(store, "dti_rank", "legacy", "2022")
    fig = province_map_figure(
        values,
        catalog["dti_rank"],
        home="56",
        region=SOCIO.members("legacy", "BTBDHMT"),
        region_name=SOCIO.name("BTBDHMT", "vi"),
        period_label="2022",
        revision=1,
    )
    have = fig.data[0]
    at_home = next(i for i, row in enumerate(have.customdata) if row[0] == "56")
    assert have.marker.line.color[at_home] == "#D55E00"  # vermillion ring
    assert have.customdata[at_home][2] == "41"
    assert list(fig.data[-1].text) == ["Khánh Hòa"]  # the home province named
