"""indicators.geography.units: old and 2025 unit lists of Khánh Hòa (and old Ninh Thuận)."""

from __future__ import annotations

import unicodedata
from datetime import date

import pandas as pd
import pytest

from indicators.core.settings import load_settings
from indicators.geography.units import (
    COLUMNS,
    LEGACY,
    NEW,
    build_regions,
    exists_during,
    own_units,
    unit_list_for,
)


@pytest.fixture(scope="module")
def regions() -> pd.DataFrame:
    return build_regions(load_settings().region_sources)


def _units(regions, unit_list, level, province=None):
    """The install's own units of a level (the national level's other provinces left out)."""
    sel = (regions["unit_list"] == unit_list) & (regions["level"] == level) & own_units(regions)
    if province is not None:
        sel &= regions["province_code"] == province
    return regions[sel]


def test_columns(regions):
    assert list(regions.columns) == COLUMNS
    assert set(regions["unit_list"]) == {LEGACY, NEW}


def test_legacy_khanh_hoa(regions):
    assert len(_units(regions, LEGACY, "province", "56")) == 1
    assert len(_units(regions, LEGACY, "district", "56")) == 9
    assert len(_units(regions, LEGACY, "commune", "56")) == 132


def test_legacy_ninh_thuan(regions):
    assert len(_units(regions, LEGACY, "province", "58")) == 1
    assert len(_units(regions, LEGACY, "district", "58")) == 7
    assert len(_units(regions, LEGACY, "commune", "58")) == 62


def test_new_khanh_hoa(regions):
    assert len(_units(regions, NEW, "province")) == 1
    assert len(_units(regions, NEW, "district")) == 0  # no district level after the reform
    communes = _units(regions, NEW, "commune", "56")
    assert len(communes) == 65
    assert communes["type"].value_counts().to_dict() == {"xã": 48, "phường": 16, "đặc khu": 1}


def test_code_reused_across_unit_lists(regions):
    rows = regions[regions["code"] == "22333"].set_index("unit_list")
    assert rows.loc[LEGACY, "name"] == "Phường Vĩnh Phước"
    assert rows.loc[NEW, "name"] == "Phường Bắc Nha Trang"


def test_unit_key_is_unique(regions):
    assert not regions.duplicated(["unit_list", "code"]).any()
    # but codes alone are not (they are reused), so the unit list is part of the key
    assert regions["code"].duplicated().any()


def test_legacy_commune_parents(regions):
    districts = _units(regions, LEGACY, "district").set_index("code")
    communes = _units(regions, LEGACY, "commune")
    assert len(communes) == 132 + 62
    for _, c in communes.iterrows():
        assert c["parent_code"] in districts.index, c["code"]
        assert districts.loc[c["parent_code"], "province_code"] == c["province_code"], c["code"]
        assert c["district_code"] == c["parent_code"]
    for _, d in districts.iterrows():
        assert d["parent_code"] == d["province_code"]


def test_new_commune_parents(regions):
    provinces = set(_units(regions, NEW, "province")["code"])
    for _, c in _units(regions, NEW, "commune").iterrows():
        assert c["parent_code"] == c["province_code"] == "56"
        assert c["parent_code"] in provinces
        assert pd.isna(c["district_code"])


def test_provinces_have_no_parent(regions):
    for _, p in regions[regions["level"] == "province"].iterrows():
        assert pd.isna(p["parent_code"])


def test_coordinates_inside_vietnam(regions):
    communes = regions[regions["level"] == "commune"]
    assert communes["lat"].notna().all()
    assert communes["lon"].notna().all()
    assert communes["lat"].between(8, 24).all()
    assert communes["lon"].between(102, 118).all()  # generous: Trường Sa lies far east


def test_truong_sa_special_zone(regions):
    zone = _units(regions, NEW, "commune")
    zone = zone[zone["type"] == "đặc khu"]
    assert len(zone) == 1
    assert "Trường Sa" in zone.iloc[0]["name"]
    assert zone.iloc[0]["lon"] > 111


def test_names_are_nfc(regions):
    for col in ("name", "short_name", "type"):
        for s in regions[col]:
            assert unicodedata.is_normalized("NFC", s), (col, s)


def test_validity(regions):
    legacy = regions[regions["unit_list"] == LEGACY]
    new = regions[regions["unit_list"] == NEW]
    assert (legacy["valid_to"] == date(2025, 6, 30)).all()
    assert legacy["valid_from"].isna().all()
    assert (new["valid_from"] == date(2025, 7, 1)).all()
    assert new["valid_to"].isna().all()
    old = legacy.iloc[0]
    assert exists_during(old, date(2020, 1, 1), date(2020, 12, 31))
    assert not exists_during(old, date(2025, 7, 1), date(2025, 9, 30))
    assert exists_during(new.iloc[0], date(2025, 1, 1), date(2025, 12, 31))
    assert not exists_during(new.iloc[0], date(2025, 1, 1), date(2025, 6, 30))


def test_unit_list_for():
    assert unit_list_for(date(2025, 6, 30)) == LEGACY
    assert unit_list_for(date(2025, 7, 1)) == NEW
    assert unit_list_for(date(2020, 12, 31)) == LEGACY
    assert unit_list_for(date(2025, 12, 31)) == NEW


def test_unknown_unit_list_rejected():
    with pytest.raises(ValueError):
        build_regions((("1990", ("56",)),))


def test_non_digit_province_code_rejected():
    with pytest.raises(ValueError):
        build_regions(((LEGACY, ("56' OR '1'='1",)),))
