"""A district or commune ratio reported without numerator and denominator (a bare percentage) is
stored as reported, drawn and ranked as it is, and never added up: an area's figure comes only
from the units that have both, and coverage counts only those.

Worked by hand (households with internet, legacy units, 2021):

    Phường Vĩnh Hòa  (22327, Nha Trang 568)   50 of 100 households
    Phường Vĩnh Hải  (22330, Nha Trang 568)   80 %, no parts, illustrative, source "Bare"
    Xã Cam Tân       (22435, Cam Lâm 570)     90 of 100 households
    Phường Cam Nghĩa (22408, Cam Ranh 569)    30 of 60 households
    Thành phố Cam Ranh (569, district)        70 %, no parts (its own bare figure)

    Nha Trang (district) = 50 / 100                             = 50 %   1 of 22 units covered
    Cam Ranh  (district) = 70 % as reported; in the province's sum its communes: 30 / 60
    Khánh Hòa (province) = (50 + 90 + 30) / (100 + 100 + 60)    = 170 / 260 = 65,38 %
                           3 of 132 units covered; published (the illustrative 80 % is not in it)
    Under the old way the bare 80 % made Nha Trang and the province empty.
"""

from __future__ import annotations

import math

import pytest

from indicators.core.settings import RegionRef
from indicators.geography.units import LEGACY, NEW
from indicators.ingest.check import check_upload
from indicators.query import across_reform, read

HEADER = "indicator,unit_list,region,period,value,numerator,denominator,status,source,note\n"
ROWS = [
    "hh_internet_pct,legacy,22327,2021,,50,100,published,S1,",
    "hh_internet_pct,legacy,22330,2021,80,,,illustrative,Bare,",
    "hh_internet_pct,legacy,22435,2021,,90,100,published,S1,",
    "hh_internet_pct,legacy,22408,2021,,30,60,published,S1,",
    "hh_internet_pct,legacy,569,2021,70,,,published,Cam Ranh,",
]


@pytest.fixture
def store(empty_store, catalog, regions):
    checked = check_upload((HEADER + "\n".join(ROWS) + "\n").encode(), "f.csv", catalog, regions)
    assert checked.ok, [p.message() for p in checked.errors]
    warned = [(p.row, p.severity) for p in checked.problems if p.rule == "ratio_needs_parts"]
    assert warned == [(3, "warning"), (6, "warning")]  # the two bare figures, and only them
    empty_store.commit({"observations": checked.frame}, author="t", message="bare ratios")
    return empty_store


def resolve(store, region: str):
    with store.connect(read_only=True) as con:
        df = read.resolved_values(
            con, store.current_revision(), indicators=["hh_internet_pct"], unit_list=LEGACY,
            regions=[region], periods=["2021"],
        )  # fmt: skip
    assert len(df) == 1, df
    return df.iloc[0]


def test_a_bare_commune_ratio_is_shown_as_reported(store):
    row = resolve(store, "22330")
    assert (row["value"], row["origin"], row["status"]) == (80, "reported", "illustrative")
    assert math.isnan(row["numerator"]) and math.isnan(row["denominator"])


def test_the_district_is_made_only_of_communes_with_both_parts(store):
    row = resolve(store, "568")
    assert row["value"] == pytest.approx(50.0)  # not empty, and not (50 % + 80 %) / 2
    assert (row["numerator"], row["denominator"]) == (50, 100)
    assert (row["n_parts"], row["n_expected"]) == (1, 22)  # Vĩnh Hải does not count as covered
    assert row["origin"] == "aggregated" and row["source"] == "S1"
    assert row["status"] == "published"  # the illustrative bare figure is not part of it


def test_the_province_adds_up_only_units_with_parts(store):
    row = resolve(store, "56")
    assert row["value"] == pytest.approx(170 / 260 * 100)  # 65.38 %
    assert (row["numerator"], row["denominator"]) == (170, 260)
    assert (row["n_parts"], row["n_expected"]) == (3, 132)
    assert row["status"] == "published" and row["source"] == "S1"


def test_a_bare_district_figure_is_shown_but_its_communes_make_the_province(store):
    assert (resolve(store, "569")["value"], resolve(store, "569")["origin"]) == (70, "reported")
    with store.connect(read_only=True) as con:
        districts = read.children(
            con, store.current_revision(), indicator="hh_internet_pct", unit_list=LEGACY,
            parent="56", period="2021", level="district",
        ).set_index("region")  # fmt: skip
    # Ranked as reported: Cam Lâm 90, Cam Ranh 70 (bare), Nha Trang 50.
    ranked = districts["value"].dropna().sort_values(ascending=False)
    assert ranked.to_dict() == pytest.approx({"570": 90.0, "569": 70.0, "568": 50.0})


def test_the_province_figure_is_partial_so_not_the_latest(store):
    with store.connect(read_only=True) as con:
        latest = read.latest(
            con, store.current_revision(), indicators=["hh_internet_pct"], unit_list=LEGACY,
            region="56",
        )  # fmt: skip
    assert latest.empty  # 3 of 132 units: not passed off as the province's figure


def test_a_bare_ratio_is_not_added_up_across_the_reform(store):
    """New Phường Bắc Nha Trang (22333) is made of six old wards, Vĩnh Hòa and Vĩnh Hải among
    them: only Vĩnh Hòa's 50 of 100 converts; the new Khánh Hòa gets the old province's
    170 / 260 (old Ninh Thuận reported nothing)."""
    with store.connect(read_only=True) as con:
        df = across_reform.converted_series(
            con, store.current_revision(), indicators=["hh_internet_pct"],
            refs=[RegionRef(NEW, "22333"), RegionRef(NEW, "56")], unit_list=NEW,
            complete_only=False,
        ).set_index("region")  # fmt: skip
    ward = df.loc["22333"]
    assert (ward["numerator"], ward["denominator"]) == (50, 100)
    assert ward["value"] == pytest.approx(50.0)
    assert (ward["n_parts"], ward["n_expected"]) == (1, 6)
    assert ward["status"] == "published"
    province = df.loc["56"]
    assert (province["numerator"], province["denominator"]) == (170, 260)
    assert province["n_parts"] == 3
