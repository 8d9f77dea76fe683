"""The 2025 crosswalk between old and new units (`vietnamadminunits`' converter).

For each new commune the converter lists the old communes merged whole into it, and for each
divided old commune the new communes it went to, one flagged as the default (the one holding the
old unit's centre). The package gives each new unit's whole area but not how much of a divided
old unit went where, so divided units are split equally rather than by area. The conversion of
values (`query.across_reform`) and validation (naming an old unit's successors) both read it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from indicators.geography.unit_source import CONVERTER_JSON, query
from indicators.geography.units import LEGACY, NEW

BASIS_WHOLE = "whole"  # old units merged whole: exact
BASIS_EQUAL = "equal_split"  # a divided old unit split equally between its new units: estimate
BASIS_ONE_TO_ONE = "one_to_one"  # a new unit that is exactly one old unit: exact
_EPS = 1e-9  # a share this close to 1 is a whole unit

CROSSWALK_COLUMNS = [
    "old_code", "old_level", "old_district_code", "old_province_code", "new_code",
    "new_province_code", "share", "whole", "basis", "default",
]  # fmt: skip


@lru_cache(maxsize=1)
def national_crosswalk() -> pd.DataFrame:
    """Every old commune-level unit with the new commune(s) it became, from the converter.

    One row per (old unit, new unit): `share` is the part of the old unit's value the new unit
    takes (1 when merged whole; 1/k when divided between k new units), `default` the
    converter's choice for a divided unit. Island districts without communes (Hoàng Sa, Côn
    Đảo, …) are old units at district level.
    """
    data = json.loads(CONVERTER_JSON.read_text(encoding="utf-8"))
    old_rows = query(
        "SELECT DISTINCT provinceKey, districtKey, wardKey, provinceCode, districtCode, wardCode"
        " FROM admin_units_legacy"
    )
    old = {
        f"{r['provinceKey']}_{r['districtKey']}_{r['wardKey'] or ''}": (
            r["wardCode"] or r["districtCode"],
            "commune" if r["wardCode"] else "district",
            r["districtCode"],
            r["provinceCode"],
        )
        for r in old_rows
    }
    new = {
        (r["provinceKey"], r["wardKey"]): (r["wardCode"], r["provinceCode"])
        for r in query(
            "SELECT DISTINCT provinceKey, wardKey, wardCode, provinceCode FROM admin_units"
        )
    }
    rows: list[tuple] = []
    for new_prov, wards in data["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_ward, old_keys in wards.items():
            if (new_prov, new_ward) not in new:
                continue
            for key in old_keys:
                if key in old:
                    rows.append(
                        (*old[key], *new[(new_prov, new_ward)], 1.0, True, BASIS_WHOLE, True)
                    )
    for new_prov, divided in data["DICT_PROVINCE_WARD_DIVIDED"].items():
        for key, parts in divided.items():
            targets = [p for p in parts if (new_prov, p["newWardKey"]) in new]
            if key not in old or not targets:
                continue
            for p in targets:
                rows.append(
                    (
                        *old[key],
                        *new[(new_prov, p["newWardKey"])],
                        1.0 / len(parts),
                        False,
                        BASIS_EQUAL,
                        bool(p["isDefaultNewWard"]),
                    )
                )
    return pd.DataFrame(rows, columns=CROSSWALK_COLUMNS)


def crosswalk(regions: pd.DataFrame) -> pd.DataFrame:
    """The crosswalk between the old and new units of one deployment (the `regions` table)."""
    xw = national_crosswalk()
    old = set(regions.loc[regions["unit_list"] == LEGACY, "code"])
    new = set(regions.loc[regions["unit_list"] == NEW, "code"])
    return xw[xw["old_code"].isin(old) & xw["new_code"].isin(new)].reset_index(drop=True)


@lru_cache(maxsize=1)
def province_crosswalk() -> pd.DataFrame:
    """Every old province (63) with the new province (34) it joined, from the converter.

    Provinces were merged whole in 2025 and none was divided, so each old province has one row
    and goes whole into its new province (old Khánh Hòa 56 and old Ninh Thuận 58 into the new
    Khánh Hòa 56; old Cao Bằng 04 alone into the new Cao Bằng 04). `n_old_units` counts the
    old province's commune-level units (an island district without communes counts as one),
    the measure `n_parts`/`n_expected` use everywhere in the conversion.
    """
    xw = national_crosswalk()
    out = (
        xw.groupby(["old_province_code", "new_province_code"], as_index=False)
        .agg(n_old_units=("old_code", "nunique"))
        .sort_values(["new_province_code", "old_province_code"], ignore_index=True)
    )
    if out["old_province_code"].duplicated().any():  # the converter would have split one
        raise ValueError("an old province goes to more than one new province")
    return out


@dataclass(frozen=True)
class Plan:
    """How each new unit is built from old ones, and which old units are exactly a new one.

    `covers`: new_code, new_level, old_code, old_level, share, whole: the coarsest old units
    inside each new unit (whole provinces, then whole districts, then communes or their shares).
    `expected`: per new unit, how many old commune-level units make it (nationally, so a
    deployment that lacks one of the old provinces shows an incomplete coverage).
    `equivalents`: old_code, old_level, new_code, new_level for one-to-one pairs.
    """

    covers: pd.DataFrame
    expected: pd.Series
    equivalents: pd.DataFrame


def plan(regions: pd.DataFrame) -> Plan:
    """The conversion plan for a deployment's unit lists."""
    xw = national_crosswalk()
    new_units = regions[regions["unit_list"] == NEW]
    new_communes = set(new_units.loc[new_units["level"] == "commune", "code"])
    new_provinces = set(new_units.loc[new_units["level"] == "province", "code"])
    commune_pieces = xw[xw["new_code"].isin(new_communes)].assign(new_level="commune")
    province_pieces = (
        xw[xw["new_province_code"].isin(new_provinces)]
        .groupby(["new_province_code", "old_code"], as_index=False)
        .agg(share=("share", "sum"))
        .rename(columns={"new_province_code": "new_code"})
        .assign(new_level="province")
    )
    pieces = pd.concat(
        [commune_pieces[["new_code", "new_level", "old_code", "share"]], province_pieces],
        ignore_index=True,
    )
    pieces["whole"] = (pieces["share"] - 1).abs() < _EPS
    expected = pieces.groupby("new_code")["old_code"].nunique()

    old = regions[regions["unit_list"] == LEGACY]
    communes = old.loc[old["level"] == "commune", ["code", "district_code", "province_code"]]
    pieces = pieces.merge(communes, left_on="old_code", right_on="code", how="inner").drop(
        columns="code"
    )
    size = {
        "province": communes.groupby("province_code").size(),
        "district": communes.groupby("district_code").size(),
    }
    covers, rest = [], pieces
    for level, col in (("province", "province_code"), ("district", "district_code")):
        whole = rest[rest["whole"]]
        inside = whole.groupby(["new_code", "new_level", col]).size().rename("n").reset_index()
        full = inside[inside["n"] == inside[col].map(size[level])]
        if not full.empty:
            covers.append(
                full.rename(columns={col: "old_code"})[
                    ["new_code", "new_level", "old_code"]
                ].assign(old_level=level, share=1.0, whole=True)
            )
        taken = rest.merge(
            full[["new_code", col]], on=["new_code", col], how="left", indicator=True
        )
        rest = rest[(taken["_merge"] == "left_only").to_numpy()]
    covers.append(
        rest[["new_code", "new_level", "old_code", "share", "whole"]].assign(old_level="commune")
    )
    cover = pd.concat(covers, ignore_index=True)[
        ["new_code", "new_level", "old_code", "old_level", "share", "whole"]
    ]
    # A new unit is exactly one old unit when it is one whole old unit and nothing else.
    n_elem = cover.groupby("new_code")["old_code"].transform("size")
    single = cover[(n_elem == 1) & cover["whole"]]
    n_communes = [
        1 if lvl == "commune" else int(size[lvl][code])
        for lvl, code in zip(single["old_level"], single["old_code"], strict=True)
    ]
    same = [n == expected[new] for n, new in zip(n_communes, single["new_code"], strict=True)]
    equivalents = single.loc[same, ["old_code", "old_level", "new_code", "new_level"]]
    equivalents = equivalents.reset_index(drop=True)
    return Plan(cover, expected, equivalents)


def apportioned_units(regions: pd.DataFrame) -> pd.DataFrame:
    """New units that take a share of a divided old unit: new_code, old_code, share, default."""
    xw = crosswalk(regions)
    return xw.loc[~xw["whole"], ["new_code", "old_code", "share", "default"]].reset_index(drop=True)
