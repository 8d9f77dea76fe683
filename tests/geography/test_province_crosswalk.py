"""The 2025 province merger as a crosswalk: 63 old provinces, each whole into one of 34 new ones.

Checked against the package's own address converter (another path than the crosswalk table):
an address in any commune of an old province lands in the new province the crosswalk names.
"""

from __future__ import annotations

import pandas as pd
import pytest
from vietnamadminunits.converter import convert_address
from vietnamadminunits.database import query

from indicators.geography.crosswalk import province_crosswalk
from indicators.geography.units import LEGACY, NEW, province_codes


def joined(new_code: str) -> set[str]:
    pxw = province_crosswalk()
    return set(pxw.loc[pxw["new_province_code"] == new_code, "old_province_code"])


def test_every_old_province_goes_whole_into_one_new_province():
    pxw = province_crosswalk()
    assert sorted(pxw["old_province_code"]) == list(province_codes(LEGACY))  # 63, once each
    assert set(pxw["new_province_code"]) == set(province_codes(NEW))  # 34
    sizes = pxw.groupby("new_province_code").size().value_counts().to_dict()
    assert sizes == {1: 11, 2: 17, 3: 6}  # 11 kept, 17 of two, 6 of three: 11 + 34 + 18 = 63
    assert pxw["n_old_units"].sum() == 10040  # every old commune-level unit, once


def test_the_merged_provinces_named_in_the_tests():
    assert joined("56") == {"56", "58"}  # Khánh Hòa = Khánh Hòa + Ninh Thuận
    assert joined("15") == {"10", "15"}  # Lào Cai = Lào Cai + Yên Bái (old 15)
    assert joined("52") == {"52", "64"}  # Gia Lai = Bình Định (old 52) + Gia Lai (old 64)
    assert joined("04") == {"04"}  # Cao Bằng was not merged
    units = province_crosswalk().set_index("old_province_code")["n_old_units"]
    assert (units["56"], units["58"]) == (132, 62)


@pytest.mark.parametrize("old_code", ["58", "15", "64", "04", "45"])
def test_the_packages_converter_agrees(old_code):
    row = pd.DataFrame(
        query(
            "SELECT ward, district, province FROM admin_units_legacy"
            f" WHERE provinceCode = '{old_code}' AND wardCode IS NOT NULL LIMIT 1"
        )
    ).iloc[0]
    new = convert_address(f"{row['ward']}, {row['district']}, {row['province']}")
    pxw = province_crosswalk().set_index("old_province_code")
    assert new.province_code == pxw.loc[old_code, "new_province_code"]
