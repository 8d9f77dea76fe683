"""Trends: roll-up over time, growth, trajectories, and the figures drawn from them.

Expected numbers are worked out here from the stored rows (`Store.read`), independently of
the query and roll-up code under test.
"""

from __future__ import annotations

import base64
import json
from datetime import date

import numpy as np
import pandas as pd
import pytest

from indicators.core.settings import DEFAULT_DATA_DIR, RegionRef, load_settings
from indicators.geography.units import LEGACY, NEW, build_regions
from indicators.present.figures.growth import growth_figure
from indicators.present.figures.legend import STATUSES, status_legend_figure
from indicators.present.figures.trend import trends_figure
from indicators.present.literal import plotly_literal
from indicators.query import read, timeseries


@pytest.fixture(scope="module")
def raw(seeded_store) -> pd.DataFrame:
    return seeded_store.read("observations")


def fetch(store, indicators, unit_list, regions, first=2016, last=2026) -> pd.DataFrame:
    with store.connect(read_only=True) as con:
        return read.range_series(
            con, store.current_revision(), indicators=indicators, unit_list=unit_list,
            regions=regions, start=date(first, 1, 1), end=date(last, 12, 31),
        )  # fmt: skip


def targets(store, indicators, unit_list, region="56") -> pd.DataFrame:
    with store.connect(read_only=True) as con:
        return read.targets(
            con, store.current_revision(), indicators=indicators,
            refs=[RegionRef(unit_list, region)],
        )  # fmt: skip


def _plain(obj):
    """Plotly's JSON packs number arrays as base64 typed arrays; unpack them to lists."""
    if isinstance(obj, dict):
        if set(obj) >= {"dtype", "bdata"}:
            return np.frombuffer(base64.b64decode(obj["bdata"]), dtype=obj["dtype"]).tolist()
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_plain(v) for v in obj]
    return obj


def spec(fig) -> dict:
    return _plain(json.loads(fig.to_json()))


def test_quarters_roll_up_to_years_as_sum_of_numerators_over_sum_of_denominators(
    seeded_store, raw, catalog
):
    rows = fetch(seeded_store, ["records_online_pct"], LEGACY, ["56"])
    got = timeseries.roll_up(rows, catalog, "year")
    q = raw[(raw.indicator == "records_online_pct") & (raw.unit_list == LEGACY)]
    q2022 = q[q.period.str.startswith("2022-Q")]
    assert len(q2022) == 4
    expected = q2022.numerator.sum() / q2022.denominator.sum() * 100
    v2022 = got.values.set_index("period").loc["2022"]
    assert v2022["value"] == pytest.approx(expected)
    assert v2022["origin"] == "rolled_up"
    # 2025 has only Q1 and Q2 on the old units: left out and said so, never made up
    assert "2025" not in set(got.values["period"])
    gap = got.incomplete.set_index("period").loc["2025"]
    assert (gap["have"], gap["need"], gap["part_kind"]) == (2, 4, "quarter")


def test_phase_takes_the_last_year_for_stock_indicators_and_keeps_a_reported_phase(
    seeded_store, raw, catalog
):
    rows = fetch(seeded_store, ["post_commune_pct", "press_articles"], LEGACY, ["56"])
    got = timeseries.roll_up(rows, catalog, "phase").values.set_index(["indicator", "period"])
    published_2020 = raw[
        (raw.indicator == "post_commune_pct") & (raw.region == "56") & (raw.period == "2020")
        & (raw.unit_list == LEGACY)
    ].iloc[0]  # fmt: skip
    phase = got.loc[("post_commune_pct", "2016-2020")]
    assert phase["value"] == published_2020["value"]  # 'last': the end of the phase
    assert phase["status"] == published_2020["status"] == "published"
    reported = raw[(raw.indicator == "press_articles") & (raw.period == "2016-2020")].iloc[0]
    assert got.loc[("press_articles", "2016-2020")]["value"] == reported["value"] == 30000


def test_monthly_granularity_of_yearly_data_is_empty_not_invented(seeded_store, catalog):
    rows = fetch(seeded_store, ["hh_internet_pct"], LEGACY, ["56"])
    got = timeseries.roll_up(rows, catalog, "month")
    assert got.values.empty and got.incomplete.empty


def test_growth_is_value_over_previous_period_times_100(seeded_store, raw, catalog):
    rows = fetch(seeded_store, ["hh_internet_pct"], LEGACY, ["5680"[:3]])  # a district: 568
    got = timeseries.add_growth(timeseries.roll_up(rows, catalog, "year").values)
    communes = raw[(raw.indicator == "hh_internet_pct") & (raw.unit_list == LEGACY)]

    regions = build_regions(load_settings(DEFAULT_DATA_DIR).region_sources)
    in_568 = regions[(regions.unit_list == LEGACY) & (regions.district_code == "568")
                     & (regions.level == "commune")]["code"]  # fmt: skip
    part = communes[communes.region.isin(in_568)]
    by_year = part.groupby("period")[["numerator", "denominator"]].sum()
    value = by_year.numerator / by_year.denominator * 100
    row = got.set_index("period").loc["2018"]
    assert row["value"] == pytest.approx(value["2018"])
    assert row["growth"] == pytest.approx(value["2018"] / value["2017"] * 100)
    assert pd.isna(got.set_index("period").loc["2016"]["growth"])  # nothing before it


def test_no_growth_between_a_published_and_an_illustrative_figure(seeded_store, catalog):
    rows = fetch(seeded_store, ["post_commune_pct"], LEGACY, ["56"])
    got = timeseries.add_growth(timeseries.roll_up(rows, catalog, "year").values)
    got = got.set_index("period")
    assert got.loc["2020", "status"] == "published"
    assert pd.isna(got.loc["2020", "growth"]) and pd.isna(got.loc["2021", "growth"])
    assert got.loc["2019", "growth"] == pytest.approx(
        got.loc["2019", "value"] / got.loc["2018", "value"] * 100
    )


def test_trajectory_runs_from_the_value_before_the_phase_to_the_target(seeded_store, catalog):
    rows = fetch(seeded_store, ["post_commune_pct"], LEGACY, ["56"])
    values = timeseries.roll_up(rows, catalog, "year").values
    tg = targets(seeded_store, ["post_commune_pct"], LEGACY)
    placed = timeseries.place_targets(tg, catalog["post_commune_pct"], "year")
    paths = timeseries.trajectories(values, placed)
    path = next(p for p in paths if p.target_period == "2025")
    base = values.set_index("period").loc["2020", "value"]
    goal = tg.set_index("period").loc["2025", "value"]
    assert (path.start, path.start_value, path.end, path.end_value) == ("2020", base, "2025", goal)
    assert path.expected("2024") == pytest.approx(base + (goal - base) * 4 / 5)
    assert path.expected("2019") is None


def test_targets_sit_at_the_period_that_ends_with_them(seeded_store, catalog):
    tg = targets(seeded_store, ["post_commune_pct"], NEW)
    quarterly = timeseries.place_targets(tg, catalog["post_commune_pct"], "quarter")
    assert set(quarterly["x"]) == {"2025-Q4", "2030-Q4"}
    phases = timeseries.place_targets(tg, catalog["post_commune_pct"], "phase")
    assert set(phases["x"]) == {"2021-2025", "2026-2030"}
    counts = tg.assign(indicator="press_articles")
    assert timeseries.place_targets(counts, catalog["press_articles"], "quarter").empty


def test_trend_figure_draws_the_stored_numbers_for_each_area(seeded_store, raw, catalog):
    rows = fetch(seeded_store, ["hh_internet_pct"], LEGACY, ["56", "22333"])
    values = timeseries.roll_up(rows, catalog, "year").values
    ind = catalog["hh_internet_pct"]
    names = {"56": "Tỉnh Khánh Hòa", "22333": "Phường Vĩnh Phước"}
    fig = spec(
        trends_figure(
            values, ind, regions=names, granularity="year", unit_list=LEGACY, revision=1, lang="vi"
        )
    )
    lines = {d["name"]: d for d in fig["data"]}
    commune = raw[(raw.indicator == "hh_internet_pct") & (raw.region == "22333")
                  & (raw.unit_list == LEGACY)].sort_values("period")  # fmt: skip
    assert lines["Phường Vĩnh Phước"]["x"] == list(commune.period)
    assert lines["Phường Vĩnh Phước"]["y"] == pytest.approx(list(commune.value))
    # the province: Σ households with internet ÷ Σ households of its communes, × 100
    prov = raw[(raw.indicator == "hh_internet_pct") & (raw.unit_list == LEGACY)
               & raw.region.str.len().eq(5)]  # fmt: skip

    units = build_regions(load_settings(DEFAULT_DATA_DIR).region_sources)
    in_56 = units[(units.unit_list == LEGACY) & (units.province_code == "56")]["code"]
    prov = prov[prov.region.isin(in_56)].groupby("period")[["numerator", "denominator"]].sum()
    assert lines["Tỉnh Khánh Hòa"]["y"] == pytest.approx(
        list(prov.numerator / prov.denominator * 100)
    )
    # each area keeps apart in greyscale: its own dash and marker shape; hollow = illustrative
    a, b = lines["Tỉnh Khánh Hòa"], lines["Phường Vĩnh Phước"]
    assert a["line"]["dash"] != b["line"]["dash"]
    assert a["marker"]["symbol"][0].split("-")[0] != b["marker"]["symbol"][0].split("-")[0]
    assert all(s.endswith("-open") for s in b["marker"]["symbol"])
    assert fig["layout"]["title"]["text"] == ind.name_vi
    assert "%" in fig["layout"]["title"]["subtitle"]["text"]
    assert "2016–2024" in fig["layout"]["title"]["subtitle"]["text"]
    footer = fig["layout"]["annotations"][0]["text"]
    assert "Phiên bản dữ liệu 1" in footer and "minh họa" in footer
    assert fig["layout"]["separators"] == ",."


def test_trend_figure_shows_target_trajectory_and_english_separators(seeded_store, catalog):
    rows = fetch(seeded_store, ["post_commune_pct"], LEGACY, ["56"])
    values = timeseries.roll_up(rows, catalog, "year").values
    tg = targets(seeded_store, ["post_commune_pct"], LEGACY)
    placed = timeseries.place_targets(tg, catalog["post_commune_pct"], "year")
    paths = timeseries.trajectories(values, placed)
    fig = spec(
        trends_figure(
            values,
            catalog["post_commune_pct"],
            regions={"56": "Khánh Hòa"},
            granularity="year",
            unit_list=LEGACY,
            revision=3,
            lang="en",
            targets=placed,
            paths=paths,
        )
    )
    by_name = {d["name"]: d for d in fig["data"]}
    path = by_name["Trajectory to the 2025 target"]
    assert path["line"]["dash"] == "dash" and path["x"] == ["2020", "2025"]
    target = next(d for n, d in by_name.items() if n.startswith("Target"))
    assert target["y"] == list(tg.sort_values("period_end")["value"])
    assert fig["layout"]["separators"] == ".,"
    assert "Data revision 3" in fig["layout"]["annotations"][0]["text"]


def test_no_data_and_a_single_period_render_sensibly(seeded_store, catalog):
    ind = catalog["hh_internet_pct"]
    empty = fetch(seeded_store, ["hh_internet_pct"], LEGACY, ["56"]).iloc[0:0]
    fig = spec(
        trends_figure(
            empty,
            ind,
            regions={"56": "Khánh Hòa"},
            granularity="year",
            unit_list=LEGACY,
            revision=1,
            lang="vi",
            first="2016",
            last="2020",
        )
    )
    assert fig["layout"]["title"]["text"] == ind.name_vi
    assert any(a["text"] == "Không có số liệu" for a in fig["layout"]["annotations"])
    assert fig["data"] == []
    assert plotly_literal(ind.source) in fig["layout"]["annotations"][0]["text"]  # "TT&amp;TT"

    one = fetch(seeded_store, ["hh_internet_pct"], LEGACY, ["56"], first=2020, last=2020)
    values = timeseries.add_growth(timeseries.roll_up(one, catalog, "year").values)
    fig = spec(
        trends_figure(
            values,
            ind,
            regions={"56": "Khánh Hòa"},
            granularity="year",
            unit_list=LEGACY,
            revision=1,
            lang="vi",
            first="2020",
            last="2020",
        )
    )
    assert [d["x"] for d in fig["data"]] == [["2020"]]
    assert fig["layout"]["xaxis"]["categoryarray"] == ["2020"]
    assert "· 2020 ·" in fig["layout"]["title"]["subtitle"]["text"]
    growth = spec(
        growth_figure(
            values,
            ind,
            regions={"56": "Khánh Hòa"},
            granularity="year",
            unit_list=LEGACY,
            revision=1,
            lang="vi",
        )
    )
    assert any(a["text"] == "Không có số liệu" for a in growth["layout"]["annotations"])


def test_growth_figure_bars_equal_the_growth_index(seeded_store, catalog):
    rows = fetch(seeded_store, ["bts_count"], LEGACY, ["56"])
    values = timeseries.add_growth(timeseries.roll_up(rows, catalog, "year").values)
    fig = spec(
        growth_figure(
            values,
            catalog["bts_count"],
            regions={"56": "Khánh Hòa"},
            granularity="year",
            unit_list=LEGACY,
            revision=1,
            lang="en",
        )
    )
    bars = fig["data"][0]
    v = values.set_index("period")["value"]
    assert bars["x"][0] == "2017"
    assert bars["y"][0] == pytest.approx(v["2017"] / v["2016"] * 100)
    assert "Previous year = 100" in fig["layout"]["title"]["subtitle"]["text"]
    assert any(s["y0"] == 100 for s in fig["layout"]["shapes"])
    # the dashed line keeps its label beside the footer (the footer once overwrote it)
    texts = [a["text"] for a in fig["layout"]["annotations"]]
    assert "Previous year = 100" in texts
    assert any(a.get("name") == "footer" for a in fig["layout"]["annotations"])


def test_status_legend_draws_each_status_as_the_charts_do():
    fig = spec(status_legend_figure(revision=2, lang="vi"))
    symbols = fig["data"][0]["marker"]["symbol"]
    assert len(set(symbols)) == len(STATUSES)
    assert symbols[STATUSES.index("illustrative")] == "circle-open"
    assert symbols[STATUSES.index("published")] == "circle"
