"""Where the province stands among all provinces, read from the seeded store: the bundled
rankings (data/rankings.csv) as the Provinces page and the Overview's card read them."""

from __future__ import annotations

import csv
from collections import Counter

import pytest

from indicators.core.settings import DEFAULT_DATA_DIR, RegionRef, load_settings
from indicators.query import provinces

RANKINGS = DEFAULT_DATA_DIR / "rankings.csv"
HOME = load_settings(DEFAULT_DATA_DIR).province_units  # Khánh Hòa: legacy 56, 2025 56


def printed() -> list[dict]:
    with RANKINGS.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def con(seeded_store):
    with seeded_store.connect(read_only=True) as c:
        yield c, seeded_store.current_revision()


def test_every_province_of_a_list_is_a_row_and_khanh_hoa_is_41_of_63_in_2022(con):
    c, rev = con
    values = provinces.province_values(
        c, rev, indicator="dti_rank", unit_list="legacy", period="2022"
    )
    assert len(values) == 63 and values["value"].notna().all()
    kh = values.set_index("region").loc["56"]
    assert (kh["name"], kh["value"], kh["note"]) == ("Tỉnh Khánh Hòa", 41, "41/63")
    assert sorted(values["value"])[14:17] == [15, 15, 17]  # the tie is kept as printed


def test_a_ranking_bundled_in_part_leaves_the_other_provinces_empty(con):
    c, rev = con
    values = provinces.province_values(
        c, rev, indicator="dti_rank", unit_list="2025", period="2024"
    )
    assert len(values) == 34
    ranked = values[values["value"].notna()]
    assert sorted(ranked["value"]) == [1, 2, 3, 4, 5, 6, 7, 16, 17, 34]


def test_the_counts_per_ranking_and_year_are_those_of_the_bundled_file(con):
    c, rev = con
    held = provinces.ranking_coverage(c, rev)
    counts = Counter((r["indicator"], r["unit_list"], r["period"]) for r in printed())
    got = {(r.indicator, r.unit_list, r.period): r.n for r in held.itertuples()}
    assert got == dict(counts)
    dti_2022 = held[(held["indicator"] == "dti_rank") & (held["period"] == "2022")].iloc[0]
    assert (dti_2022["n"], dti_2022["out_of"]) == (63, 63)
    assert any("https://dti.gov.vn/xep-hang-2022" in s for s in dti_2022["sources"])
    new = held[(held["unit_list"] == "2025") & (held["indicator"] == "dti_rank")].iloc[0]
    assert (new["n"], new["out_of"]) == (10, 34)


def test_the_home_series_keeps_the_two_lists_apart_and_the_latest_is_16_of_34(con):
    c, rev = con
    series = provinces.home_series(c, rev, indicator="dti_rank", refs=HOME)
    got = [(r.unit_list, r.period, r.value, r.out_of) for r in series.itertuples()]
    assert got == [("legacy", "2022", 41, 63), ("2025", "2024", 16, 34)]
    latest = provinces.latest_rank(c, rev, indicator="dti_rank", refs=HOME)
    assert (latest["unit_list"], latest["period"], latest["value"], latest["out_of"]) == (
        "2025", "2024", 16, 34,
    )  # fmt: skip
    # The whole country as the home (a national install) has no rank of its own.
    assert provinces.home_series(
        c, rev, indicator="dti_rank", refs=(RegionRef("2025", "VN"),)
    ).empty


def test_the_years_the_province_was_not_ranked_are_named(con):
    c, rev = con
    known = provinces.province_indicators(c, rev)
    series = provinces.home_series(c, rev, indicator="dti_rank", refs=HOME)
    missing = provinces.missing_periods(known[known["indicator"] == "dti_rank"], series)
    assert missing == [
        ("legacy", "2020"),
        ("legacy", "2021"),
        ("legacy", "2023"),
        ("legacy", "2024"),
    ]


def test_the_neighbours_of_khanh_hoa_are_the_provinces_ranked_just_above_and_below(con, catalog):
    c, rev = con
    values = provinces.province_values(
        c, rev, indicator="dti_rank", unit_list="legacy", period="2022"
    )
    near = provinces.neighbours(values, "56", catalog["dti_rank"])
    assert list(near["position"]) == [38, 39, 40, 41, 42, 43, 44]
    assert near.loc[near["region"] == "56", "name"].item() == "Tỉnh Khánh Hòa"
    # Ranks bundled in part keep their printed places: 16 of 34 sits between 7 and 17.
    values = provinces.province_values(
        c, rev, indicator="dti_rank", unit_list="2025", period="2024"
    )
    near = provinces.neighbours(values, "56", catalog["dti_rank"])
    assert list(near["position"]) == [5, 6, 7, 16, 17, 34]


def test_a_score_is_placed_among_the_provinces_that_have_one(con, catalog):
    c, rev = con
    values = provinces.province_values(
        c, rev, indicator="dti_score", unit_list="2025", period="2024"
    )
    near = provinces.neighbours(values, "56", catalog["dti_score"], around=5)
    by_code = dict(zip(near["region"], near["position"], strict=True))
    assert by_code["01"] == 1  # Hà Nội 0.8241, the highest printed score
    assert by_code["56"] == 5  # Khánh Hòa 0.7071: fifth of the six printed scores
    assert provinces.neighbours(values, "15", catalog["dti_score"]).empty  # Lào Cai: none


def test_only_indicators_known_for_several_provinces_are_compared(con):
    c, rev = con
    compared = provinces.comparable(provinces.province_indicators(c, rev))
    assert {"dti_rank", "dti_score", "ict_index_rank"} <= set(compared["indicator"])
    # Khánh Hòa and Ninh Thuận report their post offices: two provinces compare nothing.
    assert "post_offices" not in set(compared["indicator"])
