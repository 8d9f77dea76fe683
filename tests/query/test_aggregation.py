"""Ratios aggregate from numerators and denominators, never by averaging percentages.

Worked example, checked by hand (households with internet, legacy units, 2021):

    Phường Vĩnh Hòa  (22327, Nha Trang)   50 of 100 households  = 50 %
    Phường Vĩnh Hải  (22330, Nha Trang)   10 of 400 households  = 2,5 %
    Xã Cam Tân       (22435, Cam Lâm)     90 of 100 households  = 90 %

    Nha Trang (district) = (50 + 10) / (100 + 400)       = 60 / 500  = 12 %   (not 26,25 %)
    Khánh Hòa (province) = (50 + 10 + 90) / (100+400+100) = 150 / 600 = 25 %   (not 47,5 %)
"""

from __future__ import annotations

import math

import pytest

from indicators.ingest.bundled import load_observations
from indicators.query import read

HEADER = "indicator,unit_list,region,period,value,numerator,denominator,status,source,note\n"


@pytest.fixture
def worked(empty_store, catalog, regions):
    cam_lam = "22435"  # Xã Cam Tân, huyện Cam Lâm
    assert (
        regions.set_index(["unit_list", "code"]).loc[("legacy", cam_lam), "district_code"] == "570"
    )
    rows = [
        "hh_internet_pct,legacy,22327,2021,,50,100,published,S1,",
        "hh_internet_pct,legacy,22330,2021,,10,400,published,S1,",
        f"hh_internet_pct,legacy,{cam_lam},2021,,90,100,illustrative,S2,",
        "bts_count,legacy,22327,2021,7,,,published,S1,",
        "bts_count,legacy,22330,2021,5,,,published,S1,",
        "dti_rank,legacy,56,2021,35,,,published,S3,35/63",
    ]
    data = (HEADER + "\n".join(rows) + "\n").encode()
    frame = load_observations(data, catalog, regions)
    empty_store.commit({"observations": frame}, author="t", message="worked example")
    return empty_store, cam_lam


def resolve(store, indicator, region, period="2021"):
    with store.connect(read_only=True) as con:
        df = read.resolved_values(
            con,
            store.current_revision(),
            indicators=[indicator],
            unit_list="legacy",
            regions=[region],
            periods=[period],
        )
    return df.iloc[0] if not df.empty else None


def test_value_is_computed_from_numerator_and_denominator(worked):
    store, _ = worked
    row = resolve(store, "hh_internet_pct", "22330")
    assert row["value"] == 2.5 and row["origin"] == "reported"


def test_district_ratio_is_sum_of_numerators_over_sum_of_denominators(worked):
    store, _ = worked
    row = resolve(store, "hh_internet_pct", "568")
    assert math.isclose(row["value"], 12.0)
    assert (row["numerator"], row["denominator"]) == (60, 500)
    assert row["origin"] == "aggregated"
    assert (row["n_parts"], row["n_expected"]) == (2, 22)  # Nha Trang has 22 wards and communes


def test_province_ratio_adds_up_all_communes_and_takes_the_weakest_status(worked):
    store, _ = worked
    row = resolve(store, "hh_internet_pct", "56")
    assert math.isclose(row["value"], 25.0)  # 150 / 600; the mean of percentages would be 47.5
    assert row["status"] == "illustrative"  # one part is illustrative, so the total is too
    assert set(row["source"].split("; ")) == {"S1", "S2"}


def test_counts_sum_and_ranks_do_not_aggregate(worked):
    store, _ = worked
    assert resolve(store, "bts_count", "568")["value"] == 12
    assert resolve(store, "bts_count", "56")["value"] == 12
    assert resolve(store, "dti_rank", "56")["value"] == 35  # reported at province level
    assert resolve(store, "dti_rank", "568") is None  # a rank is never summed into districts


def children_2021(store, level: str):
    with store.connect(read_only=True) as con:
        return read.children(
            con,
            store.current_revision(),
            indicator="hh_internet_pct",
            unit_list="legacy",
            parent="56",
            period="2021",
            level=level,
        )


def test_children_keep_units_without_data_as_no_data(worked):
    store, cam_lam = worked
    kids = children_2021(store, "commune")
    assert len(kids) == 132
    reported = kids[kids["value"].notna()]
    assert set(reported["region"]) == {"22327", "22330", cam_lam}
    assert kids["value"].isna().sum() == 129  # not zero: no data
    dists = children_2021(store, "district")
    assert dists.set_index("region").loc["568", "value"] == pytest.approx(12.0)
    assert dists.set_index("region").loc["570", "value"] == pytest.approx(90.0)
    assert dists["value"].notna().sum() == 2


def test_a_reported_province_figure_wins_over_the_aggregate(seeded_store):
    """Khánh Hòa 2020: published 99 %; communes aggregate to 131/132 = 99,24 %."""
    with seeded_store.connect(read_only=True) as con:
        df = read.resolved_values(
            con,
            1,
            indicators=["post_commune_pct"],
            unit_list="legacy",
            regions=["56"],
            periods=["2020"],
        )
        agg = read.resolved_values(
            con,
            1,
            indicators=["post_commune_pct"],
            unit_list="legacy",
            regions=["56"],
            periods=["2021"],
        )
    assert df.iloc[0]["value"] == 99 and df.iloc[0]["status"] == "published"
    assert (agg.iloc[0]["numerator"], agg.iloc[0]["denominator"]) == (131, 132)


def test_latest_value_per_indicator_is_computed_in_duckdb(seeded_store):
    from datetime import date

    with seeded_store.connect(read_only=True) as con:
        now = read.latest(con, 1, indicators=["hh_internet_pct"], unit_list="legacy", region="56")
        # Thanh Hóa's published DTI ranks: 15 (2020), 12 (2021), 15 (2022), 11 (2023)
        rank_now = read.latest(con, 1, indicators=["dti_rank"], unit_list="legacy", region="38")
        rank_then = read.latest(
            con, 1, indicators=["dti_rank"], unit_list="legacy", region="38",
            up_to=date(2021, 12, 31),
        )  # fmt: skip
        then = read.latest(
            con,
            1,
            indicators=["hh_internet_pct"],
            unit_list="legacy",
            region="56",
            up_to=date(2021, 12, 31),
        )
    assert now.set_index("indicator").loc["hh_internet_pct", "period"] == "2024"  # aggregated
    assert (rank_now["period"].iat[0], rank_now["value"].iat[0]) == ("2023", 11)
    assert (rank_then["period"].iat[0], rank_then["value"].iat[0]) == ("2021", 12)
    assert then.set_index("indicator").loc["hh_internet_pct", "origin"] == "aggregated"


def test_province_adds_reported_districts_to_summed_communes(empty_store, catalog, regions):
    """Nha Trang reports 100 stations as a district; one Cam Lâm commune reports 5."""
    rows = [
        "bts_count,legacy,568,2021,100,,,published,VNPT,district total",
        "bts_count,legacy,22435,2021,5,,,published,VNPT,",
        "bts_count,2025,22333,2025,40,,,published,VNPT,new ward that reuses an old code",
    ]
    data = (HEADER + "\n".join(rows) + "\n").encode()
    empty_store.commit({"observations": load_observations(data, catalog, regions)}, author="t")
    row = resolve(empty_store, "bts_count", "56")
    assert row["value"] == 105  # not 5: the district's own figure counts
    assert (row["n_parts"], row["n_expected"]) == (23, 132)  # 22 Nha Trang units + 1 commune
    assert resolve(empty_store, "bts_count", "570")["value"] == 5
    # The 2025 row on the new Phường Bắc Nha Trang never reaches old Khánh Hòa.
    assert resolve(empty_store, "bts_count", "56", "2025") is None


def test_latest_skips_a_sum_from_only_some_communes(empty_store, catalog, regions):
    rows = (
        [
            "bts_count,legacy,568,2021,100,,,published,VNPT,",
            "bts_count,legacy,570,2021,50,,,published,VNPT,",
        ]
        + [
            f"bts_count,legacy,{d},2021,10,,,published,VNPT,"
            for d in ("569", "571", "572", "573", "574", "575", "576")
        ]
        + ["bts_count,legacy,22327,2022,7,,,published,VNPT,one ward so far"]
    )
    data = (HEADER + "\n".join(rows) + "\n").encode()
    empty_store.commit({"observations": load_observations(data, catalog, regions)}, author="t")
    with empty_store.connect(read_only=True) as con:
        latest = read.latest(con, 1, indicators=["bts_count"], unit_list="legacy", region="56")
    assert latest.iloc[0]["period"] == "2021" and latest.iloc[0]["value"] == 220
    partial = resolve(empty_store, "bts_count", "56", "2022")
    assert (partial["value"], partial["n_parts"], partial["n_expected"]) == (7, 1, 132)
    from indicators.core.settings import RegionRef
    from indicators.present.kpi import build_kpi

    with empty_store.connect(read_only=True) as con:
        series = read.series(con, 1, indicators=["bts_count"], refs=[RegionRef("legacy", "56")])
        targets = read.targets(con, 1, indicators=["bts_count"], refs=[RegionRef("legacy", "56")])
    kpi = build_kpi(catalog["bts_count"], series, targets, "2022", "vi")
    assert not kpi.complete and kpi.coverage_text == "chưa đủ: mới có 1/132 đơn vị cấp xã"
