"""Half-year values ("6 tháng đầu năm 2023") stored, rolled up into years and drawn.

Worked by hand (Khánh Hòa, legacy units):

    press_articles (sum)    2023: H1 120 + H2 80                     = 200
                            2024: H1 100 + (Q3 30 + Q4 40 = H2 70)    = 170
                            2022: H1 60 only                          -> left out, 1 of 2 halves
    bts_count (last)        2023: H1 900, H2 950                      = 950 (the end of the year)
    records_online_pct      2023: (300 + 500) / (400 + 600) × 100     = 80 %  (not the mean 77,1)
    (ratio over time)
"""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

from indicators.geography.units import LEGACY
from indicators.ingest.bundled import load_observations
from indicators.present.figures.trend import trends_figure
from indicators.query import read, timeseries

HEADER = "indicator,unit_list,region,period,value,numerator,denominator,status,source,note\n"
ROWS = [
    "press_articles,,56,6 tháng đầu năm 2023,120,,,published,Sở,",
    "press_articles,,56,6 tháng cuối năm 2023,80,,,published,Sở,",
    "press_articles,,56,6T/2024,100,,,published,Sở,",
    "press_articles,,56,Quý 3/2024,30,,,published,Sở,",
    "press_articles,,56,Quý 4/2024,40,,,preliminary,Sở,",
    "press_articles,,56,H1 2022,60,,,published,Sở,",
    "bts_count,,56,H1 2023,900,,,published,VNPT,",
    "bts_count,,56,H2/2023,950,,,published,VNPT,",
    "records_online_pct,,56,Nửa đầu năm 2023,,300,400,published,Sở,",
    "records_online_pct,,56,2023-H2,,500,600,published,Sở,",
]


@pytest.fixture
def store(empty_store, catalog, regions):
    frame = load_observations((HEADER + "\n".join(ROWS) + "\n").encode(), catalog, regions)
    empty_store.commit({"observations": frame}, author="t", message="half-years")
    return empty_store


def series(store, indicators) -> pd.DataFrame:
    with store.connect(read_only=True) as con:
        return read.range_series(
            con, store.current_revision(), indicators=indicators, unit_list=LEGACY,
            regions=["56"], start=date(2016, 1, 1), end=date(2025, 6, 30),
        )  # fmt: skip


def test_half_years_are_stored_under_one_code_on_the_units_of_their_time(store):
    raw = store.read("observations")
    assert set(raw.loc[raw.indicator == "bts_count", "period"]) == {"2023-H1", "2023-H2"}
    assert set(raw["unit_list"]) == {LEGACY}  # every half ends before 1 July 2025
    assert set(raw.loc[raw.period.str.contains("H"), "period_kind"]) == {"half"}


def test_halves_roll_up_into_years_by_the_catalogs_rule(store, catalog):
    rows = series(store, ["press_articles", "bts_count", "records_online_pct"])
    got = timeseries.roll_up(rows, catalog, "year")
    years = got.values.set_index(["indicator", "period"])
    assert years.loc[("press_articles", "2023"), "value"] == 200
    assert years.loc[("press_articles", "2024"), "value"] == 170  # H1 reported, H2 of quarters
    assert years.loc[("press_articles", "2024"), "status"] == "preliminary"  # Q4 is
    assert years.loc[("bts_count", "2023"), "value"] == 950
    assert years.loc[("records_online_pct", "2023"), "value"] == pytest.approx(80.0)
    assert set(years["origin"]) == {"rolled_up"}
    gap = got.incomplete.set_index(["indicator", "period"]).loc[("press_articles", "2022")]
    assert (gap["have"], gap["need"], gap["part_kind"]) == (1, 2, "half")


def test_half_year_granularity_keeps_reported_halves_and_makes_up_the_rest(store, catalog):
    rows = series(store, ["press_articles"])
    halves = timeseries.roll_up(rows, catalog, "half").values.set_index("period")
    assert halves.loc["2024-H1", ["value", "origin"]].tolist() == [100, "reported"]
    assert halves.loc["2024-H2", ["value", "origin"]].tolist() == [70, "rolled_up"]
    growth = timeseries.add_growth(timeseries.roll_up(rows, catalog, "half").values)
    assert growth.set_index("period").loc["2023-H2", "growth"] == pytest.approx(80 / 120 * 100)


def test_a_half_yearly_indicator_is_drawn_with_half_year_labels(store, catalog):
    rows = series(store, ["bts_count"])
    values = timeseries.roll_up(rows, catalog, "half").values
    fig = trends_figure(
        values, catalog["bts_count"], regions={"56": "Khánh Hòa"}, granularity="half",
        unit_list=LEGACY, revision=1, lang="vi",
    )  # fmt: skip
    spec = json.loads(fig.to_json())
    assert spec["layout"]["xaxis"]["categoryarray"] == [
        "6 tháng đầu năm 2023",
        "6 tháng cuối năm 2023",
    ]
    assert len(spec["data"][0]["x"]) == 2
