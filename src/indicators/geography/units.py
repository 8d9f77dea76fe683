"""Administrative units before and after the 1 July 2025 reform, from `vietnamadminunits`.

A unit is identified by (unit_list, code): the new list reuses old codes for different units
(22333 was Phường Vĩnh Phước, now Phường Bắc Nha Trang). The package ships the last list before
the reform ("legacy", 63 provinces, districts) and the list from 1 July 2025 ("2025", 34
provinces, no districts). Units merged before 2025 are not in the legacy list.
"""

from __future__ import annotations

import unicodedata
from datetime import date

import pandas as pd
from vietnamadminunits.database import query

LEGACY, NEW = "legacy", "2025"
UNIT_LISTS = (LEGACY, NEW)
REFORM_DATE = date(2025, 7, 1)
VALIDITY = {
    LEGACY: (None, date(2025, 6, 30)),
    NEW: (REFORM_DATE, None),
}
LEVELS = ("province", "district", "commune")
COLUMNS = [
    "unit_list",
    "code",
    "name",
    "short_name",
    "level",
    "type",
    "parent_code",
    "province_code",
    "district_code",
    "valid_from",
    "valid_to",
    "lat",
    "lon",
    "area_km2",
]


def unit_list_for(end: date) -> str:
    """The list in force at the end of a period: a 2025 annual figure is on the new units."""
    return NEW if end >= REFORM_DATE else LEGACY


def _codes_sql(codes: tuple[str, ...]) -> str:
    if not all(c.isdigit() for c in codes):
        raise ValueError(f"province codes must be digits: {codes}")
    return ",".join(f"'{c}'" for c in codes)


def _province_type(name: str) -> str:
    return "thành phố" if name.startswith("Thành phố") else "tỉnh"


def _legacy(province_codes: tuple[str, ...]) -> pd.DataFrame:
    raw = pd.DataFrame(
        query(
            "SELECT DISTINCT province, provinceShort, provinceCode, provinceLat, provinceLon,"
            " district, districtShort, districtType, districtCode, districtLat, districtLon,"
            " ward, wardShort, wardType, wardCode, wardLat, wardLon"
            " FROM admin_units_legacy"
            f" WHERE provinceCode IN ({_codes_sql(province_codes)})"
        )
    )
    prov = raw.drop_duplicates("provinceCode").assign(
        level="province",
        code=lambda d: d.provinceCode,
        name=lambda d: d.province,
        short_name=lambda d: d.provinceShort,
        type=lambda d: d.province.map(_province_type),
        parent_code=None,
        province_code=lambda d: d.provinceCode,
        district_code=None,
        lat=lambda d: d.provinceLat,
        lon=lambda d: d.provinceLon,
    )
    dist = raw.drop_duplicates("districtCode").assign(
        level="district",
        code=lambda d: d.districtCode,
        name=lambda d: d.district,
        short_name=lambda d: d.districtShort,
        type=lambda d: d.districtType.str.lower(),
        parent_code=lambda d: d.provinceCode,
        province_code=lambda d: d.provinceCode,
        district_code=lambda d: d.districtCode,
        lat=lambda d: d.districtLat,
        lon=lambda d: d.districtLon,
    )
    ward = raw.assign(
        level="commune",
        code=lambda d: d.wardCode,
        name=lambda d: d.ward,
        short_name=lambda d: d.wardShort,
        type=lambda d: d.wardType.str.lower(),
        parent_code=lambda d: d.districtCode,
        province_code=lambda d: d.provinceCode,
        district_code=lambda d: d.districtCode,
        lat=lambda d: d.wardLat,
        lon=lambda d: d.wardLon,
    )
    out = pd.concat([prov, dist, ward], ignore_index=True).assign(unit_list=LEGACY, area_km2=None)
    return out


def _new(province_codes: tuple[str, ...]) -> pd.DataFrame:
    raw = pd.DataFrame(
        query(
            "SELECT DISTINCT province, provinceShort, provinceCode, provinceLat, provinceLon,"
            " ward, wardShort, wardType, wardCode, wardLat, wardLon, wardAreaKm2"
            f" FROM admin_units WHERE provinceCode IN ({_codes_sql(province_codes)})"
        )
    )
    prov = raw.groupby("provinceCode", as_index=False).agg(
        province=("province", "first"),
        provinceShort=("provinceShort", "first"),
        provinceLat=("provinceLat", "first"),
        provinceLon=("provinceLon", "first"),
        area_km2=("wardAreaKm2", "sum"),
    )
    prov = prov.assign(
        level="province",
        code=lambda d: d.provinceCode,
        name=lambda d: d.province,
        short_name=lambda d: d.provinceShort,
        type=lambda d: d.province.map(_province_type),
        parent_code=None,
        province_code=lambda d: d.provinceCode,
        lat=lambda d: d.provinceLat,
        lon=lambda d: d.provinceLon,
    )
    ward = raw.assign(
        level="commune",
        code=lambda d: d.wardCode,
        name=lambda d: d.ward,
        short_name=lambda d: d.wardShort,
        type=lambda d: d.wardType.str.lower(),
        parent_code=lambda d: d.provinceCode,
        province_code=lambda d: d.provinceCode,
        lat=lambda d: d.wardLat,
        lon=lambda d: d.wardLon,
        area_km2=lambda d: d.wardAreaKm2,
    )
    return pd.concat([prov, ward], ignore_index=True).assign(unit_list=NEW, district_code=None)


def build_regions(sources: tuple[tuple[str, tuple[str, ...]], ...]) -> pd.DataFrame:
    """The units of the configured provinces in each unit list, one row per unit."""
    parts = []
    for unit_list, codes in sources:
        if unit_list not in UNIT_LISTS:
            raise ValueError(f"unknown unit list {unit_list!r}; use one of {UNIT_LISTS}")
        part = _legacy(codes) if unit_list == LEGACY else _new(codes)
        valid_from, valid_to = VALIDITY[unit_list]
        parts.append(part.assign(valid_from=valid_from, valid_to=valid_to))
    out = pd.concat(parts, ignore_index=True)[COLUMNS]
    for col in ("name", "short_name", "type"):
        out[col] = out[col].map(lambda s: unicodedata.normalize("NFC", s))
    out["level"] = pd.Categorical(out["level"], categories=list(LEVELS), ordered=True)
    out = out.sort_values(["unit_list", "province_code", "level", "code"], ignore_index=True)
    out["level"] = out["level"].astype(str)
    return out


def exists_during(region: pd.Series, start: date, end: date) -> bool:
    """Whether a unit existed at some point of [start, end]."""
    vf, vt = region["valid_from"], region["valid_to"]
    return (pd.isna(vf) or vf <= end) and (pd.isna(vt) or vt >= start)
