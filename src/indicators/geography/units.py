"""Administrative units before and after the 1 July 2025 reform, from `vietnamadminunits`.

A unit is identified by (unit_list, code): the new list reuses old codes for different units
(22333 was Phường Vĩnh Phước, now Phường Bắc Nha Trang). The package ships the last list before
the reform ("legacy", 63 provinces, districts) and the list from 1 July 2025 ("2025", 34
provinces, no districts). Units merged before 2025 are not in the legacy list.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from functools import cache

import pandas as pd

from indicators.core.i18n import WordedError
from indicators.core.settings import ALL_PROVINCES, COUNTRY
from indicators.geography.unit_source import query

LEGACY, NEW = "legacy", "2025"
UNIT_LISTS = (LEGACY, NEW)
REFORM_DATE = date(2025, 7, 1)
VALIDITY = {
    LEGACY: (None, date(2025, 6, 30)),
    NEW: (REFORM_DATE, None),
}
# The country is a level only in an install whose home is the whole country (settings.toml).
LEVELS = ("country", "province", "district", "commune")
COUNTRY_NAME = "Cả nước"  # as the statistical yearbooks head the national row
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
    "national",  # True: a province of the national level only (no units of it below)
]


def _sources(
    sources: tuple[tuple[str, tuple[str, ...]], ...],
) -> tuple[list[tuple[str, tuple[str, ...]]], set[str]]:
    """The sources with `"*"` read as every province of the list, and the unit lists whose
    country (`COUNTRY`, put there by settings when the country is the home) is asked for."""
    out, countries = [], set()
    for unit_list, codes in sources:
        if COUNTRY in codes:
            countries.add(unit_list)
        codes = tuple(c for c in codes if c != COUNTRY)
        if ALL_PROVINCES in codes:
            codes = province_codes(unit_list)
        if codes or unit_list not in countries:
            out.append((unit_list, codes))
    return out, countries


def unit_list_for(end: date) -> str:
    """The list in force at the end of a period: a 2025 annual figure is on the new units."""
    return NEW if end >= REFORM_DATE else LEGACY


def _codes_sql(codes: tuple[str, ...]) -> str:
    if not all(c.isdigit() for c in codes):
        raise ValueError(f"province codes must be digits: {codes}")
    return ",".join(f"'{c}'" for c in codes)


def _province_type(name: str) -> str:
    return "thành phố" if name.startswith("Thành phố") else "tỉnh"


def _level(
    raw: pd.DataFrame, level: str, prefix: str, parent: str | None, district: str | None
) -> pd.DataFrame:
    """One level's units in our columns, from the package's `<prefix>`, `<prefix>Short`,
    `<prefix>Code`, `<prefix>Type`, `<prefix>Lat`, `<prefix>Lon` columns (prefix province,
    district or ward); `parent` and `district` name the columns holding those codes."""
    kind = raw[prefix].map(_province_type) if prefix == "province" else raw[f"{prefix}Type"]
    return raw.assign(
        level=level,
        code=raw[f"{prefix}Code"],
        name=raw[prefix],
        short_name=raw[f"{prefix}Short"],
        type=kind.str.lower(),
        parent_code=raw[parent] if parent else None,
        province_code=raw["provinceCode"],
        district_code=raw[district] if district else None,
        lat=raw[f"{prefix}Lat"],
        lon=raw[f"{prefix}Lon"],
    )


def _legacy(province_codes: tuple[str, ...]) -> pd.DataFrame:
    """Provinces, districts and communes before 1 July 2025.

    An island district without communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo) is
    one row whose ward columns are all NULL: it is a district with no children, not a commune.
    """
    raw = pd.DataFrame(
        query(
            "SELECT DISTINCT province, provinceShort, provinceCode, provinceLat, provinceLon,"
            " district, districtShort, districtType, districtCode, districtLat, districtLon,"
            " ward, wardShort, wardType, wardCode, wardLat, wardLon"
            " FROM admin_units_legacy"
            f" WHERE provinceCode IN ({_codes_sql(province_codes)})"
        )
    )
    prov = _level(raw.drop_duplicates("provinceCode"), "province", "province", None, None)
    dist = _level(
        raw.drop_duplicates("districtCode"), "district", "district", "provinceCode", "districtCode"
    )
    wards = raw[raw["wardCode"].notna()]
    ward = _level(wards, "commune", "ward", "districtCode", "districtCode")
    return pd.concat([prov, dist, ward], ignore_index=True).assign(unit_list=LEGACY, area_km2=None)


def _new(province_codes: tuple[str, ...]) -> pd.DataFrame:
    """Provinces and communes from 1 July 2025 (no districts); a province's area is the sum of
    its communes'."""
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
    prov = _level(prov, "province", "province", None, None)
    ward = _level(raw, "commune", "ward", "provinceCode", None).assign(
        area_km2=lambda d: d.wardAreaKm2
    )
    return pd.concat([prov, ward], ignore_index=True).assign(unit_list=NEW, district_code=None)


@cache
def province_codes(unit_list: str) -> tuple[str, ...]:
    """Every province code of a unit list (63 before the reform, 34 after), in order."""
    table = "admin_units_legacy" if unit_list == LEGACY else "admin_units"
    rows = query(f"SELECT DISTINCT provinceCode FROM {table} ORDER BY provinceCode")
    return tuple(r["provinceCode"] for r in rows)


def _check_codes(unit_list: str, codes: tuple[str, ...]) -> None:
    """A settings.toml naming no province, or one the unit list does not have (a typo, a code
    of the other list, "1" for "01"), is worded for the person installing, not a traceback."""
    if unit_list not in UNIT_LISTS:
        raise ValueError(f"unknown unit list {unit_list!r}; use one of {UNIT_LISTS}")
    _codes_sql(codes)
    if not codes:
        raise WordedError("install.no_province_codes", unit_list=unit_list)
    unknown = sorted(set(codes) - set(province_codes(unit_list)))
    if unknown:
        raise WordedError("install.unknown_province", unit_list=unit_list, codes=", ".join(unknown))


# (unit list, province code) -> that province's units in COLUMNS. The package's lists do not
# change while a process runs, and installs, pages and tests ask for the same provinces again.
_BUILT: dict[tuple[str, str], pd.DataFrame] = {}


def _provinces(unit_list: str, codes: tuple[str, ...]) -> list[pd.DataFrame]:
    """Each province's units, built once per process; those not built yet in one query."""
    missing = tuple(c for c in dict.fromkeys(codes) if (unit_list, c) not in _BUILT)
    if missing:
        part = _legacy(missing) if unit_list == LEGACY else _new(missing)
        valid_from, valid_to = VALIDITY[unit_list]
        part = part.assign(valid_from=valid_from, valid_to=valid_to, national=False)[COLUMNS]
        for col in ("name", "short_name", "type"):
            part[col] = part[col].map(lambda s: unicodedata.normalize("NFC", s))
        for code, units in part.groupby("province_code"):
            _BUILT[(unit_list, str(code))] = units
    return [_BUILT[(unit_list, c)] for c in dict.fromkeys(codes)]


def build_regions(
    sources: tuple[tuple[str, tuple[str, ...]], ...], *, national: bool = True
) -> pd.DataFrame:
    """The units of the configured provinces in each unit list, one row per unit, and (with
    `national`) every other province of both lists as a unit of its own, with nothing below
    it: where the province stands among all of them (rankings, province-level figures).

    A list whose sources name the country (`COUNTRY`: the install's home is the whole country)
    gets the country as a unit above every province of that list, all of them present."""
    if not sources:
        raise WordedError("install.no_region_sources")
    loaded, countries = _sources(sources)
    parts = []
    for unit_list, codes in loaded:
        _check_codes(unit_list, codes)
        parts.extend(_provinces(unit_list, codes))
    home = {(ul, c) for ul, codes in loaded for c in codes}
    for unit_list in UNIT_LISTS if national else sorted(countries):
        others = _national(unit_list)
        keep = [(unit_list, c) not in home for c in others["code"]]
        parts.append(others[keep])
    out = pd.concat(parts, ignore_index=True)
    for unit_list in countries:
        provinces = (out["unit_list"] == unit_list) & (out["level"] == "province")
        out.loc[provinces, "parent_code"] = COUNTRY
        out = pd.concat([out, _country(unit_list, out[provinces])], ignore_index=True)
    out["level"] = pd.Categorical(out["level"], categories=list(LEVELS), ordered=True)
    out = out.sort_values(
        ["unit_list", "province_code", "level", "code"], ignore_index=True, na_position="first"
    )
    out["level"] = out["level"].astype(str)
    return out


def _country(unit_list: str, provinces: pd.DataFrame) -> pd.DataFrame:
    """The country as one unit of a list: its centroid at the middle of the provinces' centroids
    (where a map puts its bubble), its area the provinces' where the list carries areas."""
    valid_from, valid_to = VALIDITY[unit_list]
    area = provinces["area_km2"].astype(float)
    row = {
        "unit_list": unit_list,
        "code": COUNTRY,
        "name": COUNTRY_NAME,
        "short_name": COUNTRY_NAME,
        "level": "country",
        "type": "quốc gia",
        "parent_code": None,
        "province_code": None,
        "district_code": None,
        "valid_from": valid_from,
        "valid_to": valid_to,
        "lat": (provinces["lat"].min() + provinces["lat"].max()) / 2,
        "lon": (provinces["lon"].min() + provinces["lon"].max()) / 2,
        "area_km2": area.sum() if area.notna().all() else None,
        "national": False,
    }
    return pd.DataFrame([row], columns=COLUMNS)


@cache
def _national(unit_list: str) -> pd.DataFrame:
    """Every province of a unit list as one row (name, short name, centroid; the 2025 list's
    area as the sum of its communes'), read once per process."""
    if unit_list == LEGACY:
        sql = (
            "SELECT DISTINCT province, provinceShort, provinceCode, provinceLat, provinceLon"
            " FROM admin_units_legacy"
        )
    else:
        sql = (
            "SELECT province, provinceShort, provinceCode, provinceLat, provinceLon,"
            " SUM(wardAreaKm2) AS area_km2 FROM admin_units"
            " GROUP BY province, provinceShort, provinceCode, provinceLat, provinceLon"
        )
    raw = pd.DataFrame(query(sql)).drop_duplicates("provinceCode")
    out = _level(raw, "province", "province", None, None).assign(unit_list=unit_list)
    if "area_km2" not in out:
        out["area_km2"] = None
    valid_from, valid_to = VALIDITY[unit_list]
    out = out.assign(district_code=None, valid_from=valid_from, valid_to=valid_to, national=True)
    for col in ("name", "short_name", "type"):
        out[col] = out[col].map(lambda s: unicodedata.normalize("NFC", s))
    return out[COLUMNS].reset_index(drop=True)


def own_units(units: pd.DataFrame) -> pd.Series:
    """The install's own units: not the other provinces of the national level."""
    if "national" not in units:
        return pd.Series(True, index=units.index)
    return ~units["national"].fillna(False).astype(bool)


def exists_during(region: pd.Series, start: date, end: date) -> bool:
    """Whether a unit existed at some point of [start, end]."""
    vf, vt = region["valid_from"], region["valid_to"]
    return (pd.isna(vf) or vf <= end) and (pd.isna(vt) or vt >= start)
