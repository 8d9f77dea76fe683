"""Every province can be an install's home: the unit lists of each of the 63 old and 34 new
provinces build on their own, with the province, its districts and communes and unique codes.

Five old provinces have an island district without communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa,
Lý Sơn, Côn Đảo): `vietnamadminunits` stores each as one row with empty ward columns, which
used to become a commune without a name and crash the build. Each is a district with no
children; after the reform each is a special zone (đặc khu), a commune-level unit.
"""

from __future__ import annotations

import unicodedata
from functools import cache

import pandas as pd
import pytest

from indicators.core.i18n import WordedError
from indicators.geography.units import COLUMNS, LEGACY, NEW, build_regions, province_codes

# (old province, its island district, the district's name, the 2025 province of its đặc khu)
ISLANDS = [
    ("31", "318", "Huyện Bạch Long Vĩ", "31"),
    ("45", "471", "Huyện Cồn Cỏ", "44"),
    ("48", "498", "Huyện Hoàng Sa", "48"),
    ("51", "536", "Huyện Lý Sơn", "51"),
    ("77", "755", "Huyện Côn Đảo", "79"),
]
EVERY_PROVINCE = [(LEGACY, c) for c in province_codes(LEGACY)] + [
    (NEW, c) for c in province_codes(NEW)
]


@cache
def units_of(unit_list: str, code: str) -> pd.DataFrame:
    """The unit list of one province as an install configured for it alone builds it (built
    once per province, shared with tests/service/test_new_install.py)."""
    return build_regions(((unit_list, (code,)),), national=False)


def test_the_package_has_63_old_and_34_new_provinces():
    assert len(province_codes(LEGACY)) == 63 and len(province_codes(NEW)) == 34
    assert len(EVERY_PROVINCE) == 97


@pytest.mark.parametrize(("unit_list", "code"), EVERY_PROVINCE, ids="-".join)
def test_each_province_builds_its_own_unit_list(unit_list, code):
    units = units_of(unit_list, code)
    assert list(units.columns) == COLUMNS
    assert set(units["unit_list"]) == {unit_list} and set(units["province_code"]) == {code}
    province = units[units["level"] == "province"]
    assert province["code"].tolist() == [code]
    assert province["name"].iloc[0].startswith(("Tỉnh ", "Thành phố "))
    assert units["code"].is_unique
    for col in ("code", "name", "short_name", "type"):
        assert units[col].map(lambda s: isinstance(s, str) and s != "").all(), col
    assert (units["name"] == units["name"].map(lambda s: unicodedata.normalize("NFC", s))).all()
    assert units[["lat", "lon"]].notna().all().all()
    districts = units[units["level"] == "district"]
    communes = units[units["level"] == "commune"]
    assert (districts["parent_code"] == code).all()
    parents = set(districts["code"]) if unit_list == LEGACY else {code}
    assert set(communes["parent_code"]) <= parents
    assert len(communes) > 0
    if unit_list == NEW:
        assert districts.empty  # no district level after 1 July 2025


@pytest.mark.parametrize(
    ("province", "district", "name", "_"), ISLANDS, ids=[i[2] for i in ISLANDS]
)
def test_an_island_district_without_communes_is_a_district_with_no_children(
    province, district, name, _
):
    units = units_of(LEGACY, province).set_index("code")
    assert units.loc[district, "name"] == name
    assert units.loc[district, "level"] == "district"
    assert units.loc[district, "parent_code"] == province
    assert not (units["parent_code"] == district).any()  # no commune under it


@pytest.mark.parametrize(("_", "__", "name", "new_province"), ISLANDS, ids=[i[2] for i in ISLANDS])
def test_after_the_reform_each_island_is_a_special_zone_of_its_province(_, __, name, new_province):
    units = units_of(NEW, new_province)
    zone = units[units["name"] == name.replace("Huyện", "Đặc khu")]
    assert zone[["level", "type", "parent_code"]].values.tolist() == [
        ["commune", "đặc khu", new_province]
    ]


def test_the_whole_country_at_once_has_every_unit_once():
    both_lists = build_regions(
        ((LEGACY, province_codes(LEGACY)), (NEW, province_codes(NEW))), national=False
    )
    counts = both_lists.groupby(["unit_list", "level"]).size().to_dict()
    assert counts == {
        (LEGACY, "province"): 63,
        (LEGACY, "district"): 696,
        (LEGACY, "commune"): 10_035,  # the package's 10,040 rows less the 5 island districts
        (NEW, "province"): 34,
        (NEW, "commune"): 3_321,
    }
    assert not both_lists.duplicated(["unit_list", "code"]).any()
    singles = sum(len(units_of(*ref)) for ref in EVERY_PROVINCE)
    assert singles == len(both_lists)


@pytest.mark.parametrize(
    ("sources", "words"),
    [
        (((LEGACY, ("1",)),), ("không có tỉnh mã 1", "“01”", "no province with code 1")),
        (((NEW, ("58",)),), ("danh sách đơn vị 2025 không có tỉnh mã 58",)),  # Ninh Thuận: old
        (((LEGACY, ()),), ("không có mã tỉnh nào", "names no province code")),
        ((), ("[[region_sources]]",)),
    ],
    ids=["unpadded code", "old code in the new list", "no codes", "no sources"],
)
def test_a_province_code_the_unit_list_lacks_is_worded(sources, words):
    with pytest.raises(WordedError) as refused:
        build_regions(sources)
    assert refused.value.rule.startswith("install.")
    for word in words:
        assert word in str(refused.value)


def test_the_national_level_adds_every_other_province_with_nothing_below_it():
    """A Khánh Hòa install knows all 63 old and 34 new provinces (for rankings), but only its
    own provinces have districts and communes; the own ones are not listed twice."""
    units = build_regions(((LEGACY, ("56", "58")), (NEW, ("56",))))
    provinces = units[units["level"] == "province"]
    assert provinces.groupby("unit_list").size().to_dict() == {LEGACY: 63, NEW: 34}
    assert not units.duplicated(["unit_list", "code"]).any()
    national = units[units["national"]]
    assert set(national["level"]) == {"province"} and len(national) == 63 + 34 - 3
    below = units[units["level"] != "province"]
    assert set(below["province_code"]) <= {"56", "58"} and not below["national"].any()
    hanoi = provinces[(provinces["unit_list"] == NEW) & (provinces["code"] == "01")].iloc[0]
    assert hanoi["name"] == "Thành phố Hà Nội" and hanoi["national"] and hanoi["area_km2"] > 3000
