"""Series across the 1 July 2025 reform: old-unit values on the new units, and back.

Worked examples, checked by hand against `vietnamadminunits`' converter:

    Phường Bắc Nha Trang (new 22333) = the old Nha Trang wards and communes Vĩnh Hòa 22327,
    Vĩnh Hải 22330, Vĩnh Phước 22333, Vĩnh Thọ 22339, Vĩnh Lương 22384, Vĩnh Phương 22387,
    all merged whole.
        BTS 2021:        4 + 5 + 6 + 7 + 8 + 9                    = 39 stations
        households with internet 2021:
                         (10+20+30+40+50+60) / (100×6)            = 210 / 600 = 35 %

    Xã Suối Dầu (new 22708, the code of old Xã Suối Cát) = Suối Cát 22708 whole and a third of
    each of Cam Hòa 22438, Cam Tân 22435 and Suối Tân 22711, which were each divided between
    Cam Hiệp, Cam Lâm and Suối Dầu (the converter gives no areas for the parts: equal split).
        BTS 2021:        9 + 6/3 + 12/3 + 3/3                     = 16 (estimate)
        households with internet 2021:
                         (30 + 60/3 + 90/3 + 15/3) / (100 + 90/3 + 300/3 + 30/3)
                                                                  = 85 / 240 = 35,41666… %

    New Khánh Hòa (56) = old Khánh Hòa (56) + old Ninh Thuận (58):
        BTS 2021:        1.000 + 400                              = 1.400
        online public services 2021: (229 + 213) / (1.890 + 1.760) = 442 / 3.650 = 12,1096 %
"""

from __future__ import annotations

import math

import pandas as pd
import pytest
from vietnamadminunits.converter import convert_address

from indicators.core.catalog import load_catalog
from indicators.core.settings import DEFAULT_DATA_DIR, RegionRef
from indicators.geography import crosswalk
from indicators.geography.units import build_regions
from indicators.ingest.bundled import load_observations
from indicators.query import across_reform, read
from indicators.store.revisions import Store

HEADER = "indicator,unit_list,region,period,value,numerator,denominator,status,source,note\n"
BAC_NHA_TRANG_OLD = {"22327": 4, "22330": 5, "22333": 6, "22339": 7, "22384": 8, "22387": 9}
SUOI_CAT, CAM_HOA, CAM_TAN, SUOI_TAN = "22708", "22438", "22435", "22711"
NEW_SUOI_DAU, NEW_CAM_HIEP, NEW_CAM_LAM = "22708", "22435", "22453"


def commit(store: Store, catalog, regions, rows: list[str]) -> int:
    data = (HEADER + "\n".join(rows) + "\n").encode()
    frame = load_observations(data, catalog, regions)
    return store.commit({"observations": frame}, author="t").id


def series(store: Store, indicators, refs, unit_list, **kw) -> pd.DataFrame:
    with store.connect(read_only=True) as con:
        return across_reform.converted_series(
            con,
            store.current_revision(),
            indicators=indicators,
            refs=refs,
            unit_list=unit_list,
            **kw,
        )


def one(df: pd.DataFrame, indicator: str, region: str, period: str) -> pd.Series:
    rows = df[(df["indicator"] == indicator) & (df["region"] == region) & (df["period"] == period)]
    assert len(rows) == 1, rows
    return rows.iloc[0]


# -- the crosswalk, checked against the package's own converter ---------------------------------


def test_crosswalk_agrees_with_the_packages_converter(regions):
    xw = crosswalk.crosswalk(regions)
    into = xw[xw["new_code"] == "22333"]
    assert set(into["old_code"]) == set(BAC_NHA_TRANG_OLD) and into["whole"].all()
    new = convert_address("Phường Vĩnh Phước, Thành phố Nha Trang, Tỉnh Khánh Hòa")
    assert new.ward == "Phường Bắc Nha Trang"
    cam_tan = xw[xw["old_code"] == CAM_TAN].set_index("new_code")
    assert set(cam_tan.index) == {NEW_CAM_HIEP, NEW_CAM_LAM, NEW_SUOI_DAU}
    assert cam_tan["share"].tolist() == pytest.approx([1 / 3] * 3)
    assert (~cam_tan["whole"]).all() and (cam_tan["basis"] == "equal_split").all()
    # Without a street the converter sends a divided commune to its default new commune.
    default = convert_address("Xã Cam Tân, Huyện Cam Lâm, Tỉnh Khánh Hòa").ward
    assert default == "Xã Suối Dầu" and bool(cam_tan.loc[NEW_SUOI_DAU, "default"])


def test_every_old_commune_of_khanh_hoa_and_ninh_thuan_goes_somewhere_whole(regions):
    xw = crosswalk.crosswalk(regions)
    old = regions[(regions["unit_list"] == "legacy") & (regions["level"] == "commune")]
    new = regions[(regions["unit_list"] == "2025") & (regions["level"] == "commune")]
    assert len(old) == 194 and len(new) == 65  # 132 + 62 old, 65 new
    shares = xw.groupby("old_code")["share"].sum()
    assert set(shares.index) == set(old["code"]) and shares.to_numpy() == pytest.approx(1.0)
    assert set(xw["new_code"]) == set(new["code"])
    divided = set(xw.loc[~xw["whole"], "old_code"])
    assert len(divided) == 8  # seven in Cam Lâm, Phường Đông Hải in Phan Rang–Tháp Chàm
    assert "22768" in divided


# -- small stores, numbers by hand --------------------------------------------------------------


def test_a_ward_formed_from_whole_old_units_sums_counts_and_ratio_components(
    empty_store, catalog, regions
):
    rows = [
        f"bts_count,legacy,{c},2021,{v},,,published,VNPT," for c, v in BAC_NHA_TRANG_OLD.items()
    ]
    rows += [
        f"hh_internet_pct,legacy,{c},2021,,{10 * (i + 1)},100,published,S1,"
        for i, c in enumerate(BAC_NHA_TRANG_OLD)
    ]
    rows.append("bts_count,2025,22333,2025,44,,,published,VNPT,new ward")
    commit(empty_store, catalog, regions, rows)
    df = series(empty_store, ["bts_count", "hh_internet_pct"], [RegionRef("2025", "22333")], "2025")
    bts = one(df, "bts_count", "22333", "2021")
    assert bts["value"] == 39 and bts["converted"] and not bts["estimate"]
    assert bts["basis"] == "whole" and bts["from_unit_list"] == "legacy"
    assert (bts["n_parts"], bts["n_expected"]) == (6, 6) and bts["status"] == "published"
    hh = one(df, "hh_internet_pct", "22333", "2021")
    assert (hh["numerator"], hh["denominator"]) == (210, 600)
    assert math.isclose(hh["value"], 35.0)
    after = one(df, "bts_count", "22333", "2025")
    assert after["value"] == 44 and not after["converted"] and after["origin"] == "reported"
    # One continuous series on the new ward: 2021 converted, 2025 reported.
    assert df[df["indicator"] == "bts_count"]["unit_list"].unique().tolist() == ["2025"]


def test_a_ratio_is_never_the_mean_of_percentages(empty_store, catalog, regions):
    """Vĩnh Hòa 50 of 100 households, Vĩnh Hải 10 of 400, the four others 0 of 100 each:
    60 / 900 = 6,67 %, not the mean of the six percentages (8,75 %)."""
    counts = {"22327": (50, 100), "22330": (10, 400)}
    rows = [
        f"hh_internet_pct,legacy,{c},2021,,{n},{d},published,S1," for c, (n, d) in counts.items()
    ]
    rows += [
        f"hh_internet_pct,legacy,{c},2021,,0,100,published,S1,"
        for c in BAC_NHA_TRANG_OLD
        if c not in counts
    ]
    commit(empty_store, catalog, regions, rows)
    df = series(empty_store, ["hh_internet_pct"], [RegionRef("2025", "22333")], "2025")
    row = one(df, "hh_internet_pct", "22333", "2021")
    assert (row["numerator"], row["denominator"]) == (60, 900)
    assert math.isclose(row["value"], 60 / 900 * 100)
    assert not math.isclose(row["value"], (50 + 2.5) / 6)


def test_a_commune_taking_part_of_divided_old_units_is_an_estimate(empty_store, catalog, regions):
    bts = {SUOI_CAT: 9, CAM_HOA: 6, CAM_TAN: 12, SUOI_TAN: 3}
    hh = {SUOI_CAT: (30, 100), CAM_HOA: (60, 90), CAM_TAN: (90, 300), SUOI_TAN: (15, 30)}
    rows = [f"bts_count,legacy,{c},2021,{v},,,illustrative,G," for c, v in bts.items()]
    rows += [f"hh_internet_pct,legacy,{c},2021,,{n},{d},published,S," for c, (n, d) in hh.items()]
    commit(empty_store, catalog, regions, rows)
    df = series(
        empty_store, ["bts_count", "hh_internet_pct"], [RegionRef("2025", NEW_SUOI_DAU)], "2025"
    )
    b = one(df, "bts_count", NEW_SUOI_DAU, "2021")
    assert b["value"] == pytest.approx(16)  # 9 + 6/3 + 12/3 + 3/3
    assert b["estimate"] and b["converted"] and b["basis"] == "equal_split"
    assert b["status"] == "illustrative"  # the source status stays; the estimate is a flag
    h = one(df, "hh_internet_pct", NEW_SUOI_DAU, "2021")
    assert (h["numerator"], h["denominator"]) == pytest.approx((85, 240))
    assert h["value"] == pytest.approx(85 / 240 * 100) and h["estimate"]


def test_a_ward_merged_whole_stays_exact_next_to_estimated_neighbours(
    empty_store, catalog, regions
):
    rows = [
        f"bts_count,legacy,{c},2021,{v},,,published,VNPT," for c, v in BAC_NHA_TRANG_OLD.items()
    ]
    rows.append(f"bts_count,legacy,{CAM_TAN},2021,12,,,published,VNPT,")
    commit(empty_store, catalog, regions, rows)
    df = series(
        empty_store,
        ["bts_count"],
        [RegionRef("2025", "22333"), RegionRef("2025", NEW_CAM_LAM)],
        "2025",
        complete_only=False,
    )
    assert not one(df, "bts_count", "22333", "2021")["estimate"]
    cam_lam = one(df, "bts_count", NEW_CAM_LAM, "2021")  # only Cam Tân's third reported
    assert cam_lam["value"] == pytest.approx(4) and cam_lam["estimate"]
    assert (cam_lam["n_parts"], cam_lam["n_expected"]) == (1, 11)


def test_a_new_unit_missing_some_old_units_is_left_out(empty_store, catalog, regions):
    rows = [
        f"bts_count,legacy,{c},2021,{v},,,published,VNPT,"
        for c, v in list(BAC_NHA_TRANG_OLD.items())[:5]
    ]
    commit(empty_store, catalog, regions, rows)
    refs = [RegionRef("2025", "22333")]
    assert series(empty_store, ["bts_count"], refs, "2025").empty
    partial = series(empty_store, ["bts_count"], refs, "2025", complete_only=False)
    row = one(partial, "bts_count", "22333", "2021")
    assert (row["value"], row["n_parts"], row["n_expected"]) == (30, 5, 6)


def test_the_new_province_is_the_two_old_provinces(empty_store, catalog, regions):
    rows = [
        "bts_count,legacy,56,2021,1000,,,published,VNPT,",
        "bts_count,legacy,58,2021,400,,,published,VNPT,",
        "dvc_full_pct,legacy,56,2021,,229,1890,published,S,",
        "dvc_full_pct,legacy,58,2021,,213,1760,preliminary,S,",
        "dti_rank,legacy,56,2021,35,,,published,MIC,",
        "post_radius_km,legacy,56,2021,2.5,,,published,VNPost,",
        "post_radius_km,legacy,58,2021,3.1,,,published,VNPost,",
    ]
    commit(empty_store, catalog, regions, rows)
    inds = ["bts_count", "dvc_full_pct", "dti_rank", "post_radius_km"]
    df = series(empty_store, inds, [RegionRef("2025", "56")], "2025")
    bts = one(df, "bts_count", "56", "2021")
    assert bts["value"] == 1400 and bts["converted"] and not bts["estimate"]
    assert (bts["n_parts"], bts["n_expected"]) == (194, 194)
    dvc = one(df, "dvc_full_pct", "56", "2021")
    assert (dvc["numerator"], dvc["denominator"]) == (442, 3650)
    assert dvc["value"] == pytest.approx(12.1096, abs=1e-4)
    assert dvc["status"] == "preliminary" and not dvc["estimate"]
    # A rank and a radius do not add up over areas: never converted.
    assert set(df["indicator"]) == {"bts_count", "dvc_full_pct"}


def test_a_period_ending_after_the_reform_is_not_converted(empty_store, catalog, regions):
    rows = [f"bts_count,legacy,{c},2024,1,,,published,VNPT," for c in BAC_NHA_TRANG_OLD]
    rows += [f"bts_count,legacy,{c},2025-Q2,2,,,published,VNPT," for c in BAC_NHA_TRANG_OLD]
    rows += [f"bts_count,legacy,{c},2025,3,,,published,VNPT," for c in BAC_NHA_TRANG_OLD]
    commit(empty_store, catalog, regions, rows)
    df = series(empty_store, ["bts_count"], [RegionRef("2025", "22333")], "2025")
    assert dict(zip(df["period"], df["value"], strict=True)) == {"2024": 6, "2025-Q2": 12}


def test_a_value_reported_on_the_new_unit_wins_over_a_converted_one(empty_store, catalog, regions):
    """Like the DTI 2024 ranking published on the 34 provinces, a 2024 figure re-based on the
    new ward (the loader refuses such rows from analysts; a ministry table may carry them)."""
    rows = [f"bts_count,legacy,{c},2024,1,,,published,VNPT," for c in BAC_NHA_TRANG_OLD]
    rows.append("bts_count,2025,22333,2025,50,,,published,VNPT,re-based on the new ward")
    frame = load_observations((HEADER + "\n".join(rows) + "\n").encode(), catalog, regions)
    rebased = frame["unit_list"] == "2025"
    frame.loc[rebased, ["period", "period_start", "period_end"]] = [
        "2024",
        pd.Timestamp("2024-01-01"),
        pd.Timestamp("2024-12-31"),
    ]
    empty_store.commit({"observations": frame}, author="t")
    row = one(series(empty_store, ["bts_count"], [RegionRef("2025", "22333")], "2025"),
              "bts_count", "22333", "2024")  # fmt: skip
    assert row["value"] == 50 and not row["converted"]


def test_refs_of_the_other_list_are_shown_through_conversion_only(empty_store, catalog, regions):
    rows = ["bts_count,legacy,56,2021,1000,,,published,VNPT,",
            "bts_count,legacy,58,2021,400,,,published,VNPT,"]  # fmt: skip
    commit(empty_store, catalog, regions, rows)
    refs = [RegionRef("legacy", "56"), RegionRef("2025", "56")]
    df = series(empty_store, ["bts_count"], refs, "2025")
    assert df[["unit_list", "region", "value"]].values.tolist() == [["2025", "56", 1400]]
    legacy = series(empty_store, ["bts_count"], refs, "legacy")
    assert legacy[["unit_list", "region", "value"]].values.tolist() == [["legacy", "56", 1000]]
    with pytest.raises(ValueError):
        series(empty_store, ["bts_count"], refs, "1990")


# -- new values on old units, where one new unit is exactly one old unit ------------------------


def test_truong_sa_special_zone_is_exactly_the_old_district(empty_store, catalog, regions):
    """Đặc khu Trường Sa (new 22736) = huyện Trường Sa (576): its three communes, all whole."""
    rows = [
        "bts_count,2025,22736,2025,9,,,published,VNPT,",
        "bts_count,2025,22333,2025,44,,,published,VNPT,",
        "bts_count,legacy,22736,2024,3,,,published,VNPT,thị trấn Trường Sa",
    ]
    commit(empty_store, catalog, regions, rows)
    refs = [RegionRef("legacy", "576"), RegionRef("legacy", "22333"), RegionRef("legacy", "56")]
    df = series(empty_store, ["bts_count"], refs, "legacy", complete_only=False)
    zone = one(df, "bts_count", "576", "2025")
    assert zone["value"] == 9 and zone["converted"] and zone["basis"] == "one_to_one"
    assert not zone["estimate"] and zone["from_unit_list"] == "2025"
    assert one(df, "bts_count", "576", "2024")["value"] == 3  # its own era, aggregated
    # Bắc Nha Trang is six old units, and the new province two: neither goes back.
    assert df[df["period"] == "2025"]["region"].tolist() == ["576"]


@pytest.fixture(scope="module")
def hue():
    """Huế: the province and Phường Dương Nỗ (19909) were not merged with anything."""
    return build_regions((("legacy", ("46",)), ("2025", ("46",))))


def test_one_to_one_units_carry_new_values_back_to_the_old_units(tmp_path, hue):
    catalog = load_catalog(DEFAULT_DATA_DIR / "catalog.csv")
    store = Store(tmp_path / "hue.duckdb")
    store.initialize(catalog, hue)
    eq = crosswalk.plan(hue).equivalents.set_index("new_code")["old_code"].to_dict()
    assert eq == {"46": "46", "19909": "19909"}
    rows = [
        "bts_count,2025,19909,2025,7,,,published,VNPT,",
        "bts_count,2025,46,2025,300,,,published,VNPT,",
        "hh_internet_pct,2025,19909,2025,,40,80,published,S,",
        "dti_rank,2025,46,2025,5,,,published,MIC,",
        "bts_count,legacy,19909,2024,6,,,published,VNPT,",
    ]
    commit(store, catalog, hue, rows)
    refs = [RegionRef("legacy", "19909"), RegionRef("legacy", "46")]
    df = series(store, ["bts_count", "hh_internet_pct", "dti_rank"], refs, "legacy")
    assert one(df, "bts_count", "19909", "2025")["value"] == 7
    assert one(df, "bts_count", "19909", "2024")["converted"] == False  # noqa: E712
    assert one(df, "bts_count", "46", "2025")["value"] == 300
    assert one(df, "hh_internet_pct", "19909", "2025")["value"] == 50
    assert df.loc[df["converted"], "basis"].eq("one_to_one").all()
    assert "dti_rank" not in set(df["indicator"])  # a rank stays in its own era


# -- cached per data revision -------------------------------------------------------------------


def test_the_conversion_is_computed_once_per_revision(empty_store, catalog, regions):
    rows = [
        f"bts_count,legacy,{c},2021,{v},,,published,VNPT," for c, v in BAC_NHA_TRANG_OLD.items()
    ]
    rev1 = commit(empty_store, catalog, regions, rows)
    with empty_store.connect(read_only=True) as con:
        first = across_reform.converted_table(con, rev1)
    with empty_store.connect(read_only=True) as con:
        again = across_reform.converted_table(con, rev1)
    assert again is first  # a second connection to the same revision: no recomputation
    rev2 = commit(empty_store, catalog, regions, ["bts_count,legacy,22327,2021,104,,,published,V,"])
    with empty_store.connect(read_only=True) as con:
        second = across_reform.converted_table(con, rev2)
        old = across_reform.converted_table(con, rev1)
    assert second is not first and old is first
    values = [one(t, "bts_count", "22333", "2021")["value"] for t in (first, second)]
    assert values == [39, 139]  # Vĩnh Hòa 4 → 104


def test_a_revision_of_the_new_units_only_keeps_the_old_units_conversion(
    empty_store, catalog, regions
):
    """Converting onto the new units reads only the old units' values: a new figure on a new
    unit (the usual import since the reform) reuses that conversion; a figure on an old unit,
    or converting the other way, does not."""
    rows = [
        f"bts_count,legacy,{c},2021,{v},,,published,VNPT," for c, v in BAC_NHA_TRANG_OLD.items()
    ]
    rev1 = commit(empty_store, catalog, regions, rows)
    wanted = {"indicators": ("bts_count",), "unit_list": "2025", "regions": ("22333",)}
    with empty_store.connect(read_only=True) as con:
        first = across_reform.converted_table(con, rev1, **wanted)
        back = across_reform.converted_table(con, rev1, ("bts_count",), unit_list="legacy")
    rev2 = commit(empty_store, catalog, regions, ["bts_count,2025,22333,2026,150,,,published,V,"])
    with empty_store.connect(read_only=True) as con:
        assert across_reform.converted_table(con, rev2, **wanted) is first
        assert (
            across_reform.converted_table(con, rev2, ("bts_count",), unit_list="legacy") is not back
        )
    rev3 = commit(empty_store, catalog, regions, ["bts_count,legacy,22327,2021,104,,,published,V,"])
    with empty_store.connect(read_only=True) as con:
        third = across_reform.converted_table(con, rev3, **wanted)
    assert third is not first
    values = [one(t, "bts_count", "22333", "2021")["value"] for t in (first, third)]
    assert values == [39, 139]  # Vĩnh Hòa 4 → 104


@pytest.mark.parametrize(
    ("indicators", "unit_list", "codes"),
    [
        (("hh_internet_pct",), "2025", ("56", NEW_SUOI_DAU, "22333")),  # province, communes
        (("bts_count", "dvc_full_pct"), "2025", ("56", NEW_CAM_HIEP)),
        (("hh_internet_pct", "bts_count"), "legacy", ("56", "568", "576", SUOI_CAT)),
        (("dti_rank",), "2025", ("56",)),  # never converted: nothing to compute
    ],
)
def test_a_conversion_asked_for_some_units_is_that_part_of_the_whole(
    seeded_store, indicators, unit_list, codes
):
    """A trend converts only what it shows (at national scale the whole store takes minutes):
    the same rows as the whole revision's conversion has for those indicators and units."""
    rev = seeded_store.current_revision()
    with seeded_store.connect(read_only=True) as con:
        whole = across_reform.converted_table(con, rev)
        part = across_reform.converted_table(
            con, rev, indicators, unit_list=unit_list, regions=codes
        )
    keep = (
        whole["indicator"].isin(indicators)
        & (whole["unit_list"] == unit_list)
        & whole["region"].isin(codes)
    )
    expected = whole[keep].reset_index(drop=True)
    assert len(expected) > 0 or indicators == ("dti_rank",)
    key = ["indicator", "region", "period", "from_unit_list"]
    got = part.sort_values(key, ignore_index=True)
    pd.testing.assert_frame_equal(
        got, expected.sort_values(key, ignore_index=True), check_dtype=False
    )


# -- the bundled data ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def raw():
    """observations.csv as a person reads it in Excel, for sums done outside the package."""
    return pd.read_csv(DEFAULT_DATA_DIR / "observations.csv", dtype={"region": str})


def raw_rows(raw, indicator, unit_list, codes, period):
    r = raw[(raw["indicator"] == indicator) & (raw["unit_list"] == unit_list)]
    r = r[r["region"].isin(list(codes)) & (r["period"] == period)]
    assert len(r) == len(codes), r
    return r


def test_bundled_bac_nha_trang_history_is_the_sum_of_its_old_wards(seeded_store, raw):
    df = series(
        seeded_store, ["bts_count", "hh_internet_pct"], [RegionRef("2025", "22333")], "2025"
    )
    for year in ("2016", "2020", "2024"):
        bts = raw_rows(raw, "bts_count", "legacy", BAC_NHA_TRANG_OLD, year)
        assert one(df, "bts_count", "22333", year)["value"] == bts["value"].sum()
        hh = raw_rows(raw, "hh_internet_pct", "legacy", BAC_NHA_TRANG_OLD, year)
        row = one(df, "hh_internet_pct", "22333", year)
        expected = hh["numerator"].sum() / hh["denominator"].sum() * 100
        assert row["value"] == pytest.approx(expected) and not row["estimate"]
    years = df[df["indicator"] == "bts_count"]["period"].tolist()
    assert years == [str(y) for y in range(2016, 2027)]  # one series, 2016–2026
    assert df[df["period"] < "2025"]["converted"].all()
    assert not df[df["period"] >= "2025"]["converted"].any()


def test_bundled_suoi_dau_is_an_estimate(seeded_store, raw):
    df = series(seeded_store, ["bts_count"], [RegionRef("2025", NEW_SUOI_DAU)], "2025")
    parts = raw_rows(raw, "bts_count", "legacy", [SUOI_CAT, CAM_HOA, CAM_TAN, SUOI_TAN], "2022")
    v = parts.set_index("region")["value"]
    expected = v[SUOI_CAT] + (v[CAM_HOA] + v[CAM_TAN] + v[SUOI_TAN]) / 3
    row = one(df, "bts_count", NEW_SUOI_DAU, "2022")
    assert row["value"] == pytest.approx(expected) and row["estimate"]
    assert row["status"] == "illustrative"


def test_bundled_new_khanh_hoa_is_old_khanh_hoa_plus_ninh_thuan(seeded_store, raw):
    inds = ["post_offices", "dvc_full_pct", "post_commune_pct", "dti_rank"]
    df = series(seeded_store, inds, [RegionRef("2025", "56")], "2025")
    offices = raw_rows(raw, "post_offices", "legacy", ["56", "58"], "2021")
    assert one(df, "post_offices", "56", "2021")["value"] == offices["value"].sum()
    dvc = raw_rows(raw, "dvc_full_pct", "legacy", ["56", "58"], "2021")
    row = one(df, "dvc_full_pct", "56", "2021")
    assert (row["numerator"], row["denominator"]) == (753, 3650)  # 390 + 363, 1.890 + 1.760
    assert row["numerator"] == dvc["numerator"].sum() and not row["estimate"]
    # 2020: old Khánh Hòa published 99 % without its counts, so its communes' counts are used.
    post = raw[(raw["indicator"] == "post_commune_pct") & (raw["unit_list"] == "legacy")]
    post = post[(post["period"] == "2020") & (post["region"].str.len() == 5)]
    assert len(post) == 194
    row = one(df, "post_commune_pct", "56", "2020")
    assert (row["numerator"], row["denominator"]) == (post["numerator"].sum(), 194)
    # The DTI rank: 2024 on the 34 provinces only; the 63-province ranks stay in their era.
    ranks = df[df["indicator"] == "dti_rank"]
    assert ranks["period"].tolist() == ["2024"] and not ranks["converted"].any()


def test_bundled_rank_stays_on_the_old_units_in_the_legacy_view(seeded_store):
    df = series(seeded_store, ["dti_rank"], [RegionRef("legacy", "56")], "legacy")
    assert df["period"].tolist() == ["2022"]  # the one DTI year whose ranks are all sourced
    assert not df["converted"].any()
    assert df.set_index("period").loc["2022", "value"] == 41  # published 41/63


def test_bundled_series_without_ninh_thuan_data_do_not_pass_for_the_new_province(seeded_store):
    """Press articles were compiled for old Khánh Hòa only: no new-province history."""
    df = series(seeded_store, ["press_articles"], [RegionRef("2025", "56")], "2025")
    assert not df["converted"].any()
    with seeded_store.connect(read_only=True) as con:
        old = read.series(con, 1, indicators=["press_articles"], refs=[RegionRef("legacy", "56")])
    assert len(old) > 0
