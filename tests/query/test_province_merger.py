"""A new province's history before 1 July 2025 is the sum of the old provinces it joined.

Worked by hand (the bundled Khánh Hòa install: old Khánh Hòa and old Ninh Thuận have their
communes; every other province is a unit of the national level with nothing below it):

    New Khánh Hòa (2025, 56) = old Khánh Hòa (56) + old Ninh Thuận (58)
        mobile subscriptions 2023:   1.200.000 + 480.000                     = 1.680.000
        subscriptions per 100 people 2023:
            (1.200.000 + 480.000) / (1.260.000 + 600.000) × 100
                                     = 1.680.000 / 1.860.000 × 100           = 90,3226
        covered: 132 + 62 old commune-level units of 194

    New Lào Cai (2025, 15) = old Lào Cai (10) + old Yên Bái (legacy 15)
        mobile subscriptions 2023:   700.000 + 650.000                       = 1.350.000
        subscriptions per 100 people 2023:
            (700.000 + 650.000) / (780.000 + 850.000) × 100
                                     = 1.350.000 / 1.630.000 × 100           = 82,8221
        2022: old Lào Cai 700.000 only, Yên Bái missing                      → no value
        covered: 151 + 168 old commune-level units of 319

    New Gia Lai (2025, 52) = old Bình Định (52) + old Gia Lai (64)
        2023: Bình Định 900.000 only, old Gia Lai missing                    → no value

    New Cao Bằng (2025, 04) = old Cao Bằng (04) alone
        2023: 400.000 → 400.000 (converted, whole); 2025: 420.000 reported on the new
        province, shown on the old one (one to one)
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from indicators.core.settings import RegionRef
from indicators.geography.units import LEGACY, NEW
from indicators.query import across_reform
from tests.query.test_across_reform import BAC_NHA_TRANG_OLD, commit, one, series

SUBS, PER100 = "mobile_subscriptions", "mobile_subs_per100"

KHANH_HOA = [
    f"{SUBS},legacy,56,2023,1200000,,,published,VNPT,",
    f"{SUBS},legacy,58,2023,480000,,,preliminary,Viettel,",
    f"{PER100},legacy,56,2023,,1200000,1260000,published,VNPT,",
    f"{PER100},legacy,58,2023,,480000,600000,published,VNPT,",
]
LAO_CAI = [
    f"{SUBS},legacy,10,2023,700000,,,published,VNPT,",
    f"{SUBS},legacy,15,2023,650000,,,published,VNPT,",
    f"{PER100},legacy,10,2023,,700000,780000,published,VNPT,",
    f"{PER100},legacy,15,2023,,650000,850000,published,VNPT,",
    f"{SUBS},legacy,10,2022,700000,,,published,VNPT,",  # Yên Bái 2022 missing
]
OTHERS = [
    f"{SUBS},legacy,52,2023,900000,,,published,VNPT,",  # old Gia Lai (64) missing
    f"{SUBS},legacy,04,2023,400000,,,published,VNPT,",
    f"{SUBS},2025,04,2025,420000,,,published,VNPT,",
]
RANKS = [
    f"{ind},legacy,{code},2023,{v},,,published,MIC,"
    for ind, vals in (("dti_rank", (12, 40, 30, 50)), ("dti_score", (0.6, 0.4, 0.5, 0.3)))
    for code, v in zip(("10", "15", "56", "58"), vals, strict=True)
]


@pytest.fixture
def store(empty_store, catalog, regions):
    commit(empty_store, catalog, regions, KHANH_HOA + LAO_CAI + OTHERS + RANKS)
    return empty_store


def new_province(store, code: str, **kw) -> pd.DataFrame:
    inds = [SUBS, PER100, "dti_rank", "dti_score"]
    return series(store, inds, [RegionRef(NEW, code)], NEW, **kw)


def test_new_khanh_hoa_is_old_khanh_hoa_plus_old_ninh_thuan(store):
    df = new_province(store, "56")
    subs = one(df, SUBS, "56", "2023")
    assert subs["value"] == 1_680_000
    assert subs["converted"] and subs["basis"] == "whole" and not subs["estimate"]
    assert subs["from_unit_list"] == LEGACY and subs["origin"] == "converted"
    assert (subs["n_parts"], subs["n_expected"]) == (194, 194)
    assert subs["status"] == "preliminary"  # as weak as old Ninh Thuận's figure
    assert subs["source"] == "VNPT; Viettel"
    per100 = one(df, PER100, "56", "2023")
    assert (per100["numerator"], per100["denominator"]) == (1_680_000, 1_860_000)
    assert per100["value"] == pytest.approx(90.3226, abs=1e-4)


def test_new_lao_cai_of_the_national_level_is_old_lao_cai_plus_old_yen_bai(store):
    df = new_province(store, "15")
    subs = one(df, SUBS, "15", "2023")
    assert subs["value"] == 1_350_000 and subs["converted"] and subs["basis"] == "whole"
    assert (subs["n_parts"], subs["n_expected"]) == (319, 319)
    per100 = one(df, PER100, "15", "2023")
    assert (per100["numerator"], per100["denominator"]) == (1_350_000, 1_630_000)
    assert per100["value"] == pytest.approx(82.8221, abs=1e-4)
    # Old code 15 is Yên Bái in the old list: its own figure there, not the new province's.
    old = series(store, [SUBS], [RegionRef(LEGACY, "15")], LEGACY)
    assert one(old, SUBS, "15", "2023")["value"] == 650_000


def test_a_year_missing_one_old_province_has_no_value(store):
    assert "2022" not in set(new_province(store, "15")["period"])  # Yên Bái 2022 missing
    assert new_province(store, "52").empty  # Bình Định without old Gia Lai
    partial = one(new_province(store, "15", complete_only=False), SUBS, "15", "2022")
    assert (partial["value"], partial["n_parts"], partial["n_expected"]) == (700_000, 151, 319)


def test_ranks_and_indexes_are_never_converted(store):
    for code in ("15", "56"):
        df = new_province(store, code, complete_only=False)
        assert set(df["indicator"]) == {SUBS, PER100}  # no DTI rank or score from 2023


def test_a_bare_percentage_of_an_old_province_is_not_added_up(empty_store, catalog, regions):
    """Old Yên Bái published 76,5 per 100 without its counts: old Lào Cai's 700.000 / 780.000
    alone is not the new province's figure."""
    rows = [f"{PER100},legacy,10,2023,,700000,780000,published,VNPT,",
            f"{PER100},legacy,15,2023,76.5,,,published,Yearbook,"]  # fmt: skip
    commit(empty_store, catalog, regions, rows)
    assert new_province(empty_store, "15").empty
    partial = one(new_province(empty_store, "15", complete_only=False), PER100, "15", "2023")
    assert (partial["numerator"], partial["denominator"]) == (700_000, 780_000)
    assert (partial["n_parts"], partial["source"]) == (151, "VNPT")


def test_a_province_that_was_not_merged_keeps_its_series_both_ways(store):
    df = new_province(store, "04")
    before = one(df, SUBS, "04", "2023")
    assert before["value"] == 400_000 and before["converted"] and before["basis"] == "whole"
    assert not before["estimate"]
    after = one(df, SUBS, "04", "2025")
    assert after["value"] == 420_000 and not after["converted"]
    old = series(store, [SUBS], [RegionRef(LEGACY, "04")], LEGACY)
    back = one(old, SUBS, "04", "2025")
    assert back["value"] == 420_000 and back["basis"] == "one_to_one" and back["converted"]
    assert not one(old, SUBS, "04", "2023")["converted"]


def test_the_home_province_from_its_communes_is_counted_once(empty_store, catalog, regions):
    """Every commune of old Khánh Hòa reports 1 BTS station (132, aggregated), old Ninh Thuận
    reports 400 as a province: the new Khánh Hòa is 532, once, and the new ward Bắc Nha Trang
    still gets its six old wards (6) from the commune path."""
    legacy = regions[(regions["unit_list"] == LEGACY) & (regions["level"] == "commune")]
    communes = legacy.loc[legacy["province_code"] == "56", "code"]
    assert len(communes) == 132
    rows = [f"bts_count,legacy,{c},2023,1,,,published,VNPT," for c in communes]
    rows.append("bts_count,legacy,58,2023,400,,,published,VNPT,")
    commit(empty_store, catalog, regions, rows)
    with empty_store.connect(read_only=True) as con:
        table = across_reform.converted_table(con, empty_store.current_revision())
    assert not table.duplicated(["unit_list", "indicator", "region", "period"]).any()
    province = one(table[table["unit_list"] == NEW], "bts_count", "56", "2023")
    assert province["value"] == 532 and (province["n_parts"], province["n_expected"]) == (194, 194)
    ward = one(table[table["unit_list"] == NEW], "bts_count", "22333", "2023")
    assert ward["value"] == len(BAC_NHA_TRANG_OLD)


def test_every_new_province_before_2025_on_one_table(store):
    """What a Provinces page asks: mobile subscriptions of every new province in 2023."""
    with store.connect(read_only=True) as con:
        df = across_reform.values_at_level(
            con, store.current_revision(), unit_list=NEW, level="province", indicators=[SUBS],
            start=date(2023, 1, 1), end=date(2023, 12, 31), converted=True,
        )  # fmt: skip
    got = dict(zip(df["region"], df["value"], strict=True))
    assert got == {"04": 400_000, "15": 1_350_000, "56": 1_680_000}  # not Gia Lai: incomplete
    assert df["converted"].all()
