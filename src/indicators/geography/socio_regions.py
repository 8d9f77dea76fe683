"""The six socio-economic regions of the national master plan: which region each province is in.

A province is compared with the country and with its region (Nghị quyết 81/2023/QH15 groups the
63 provinces into six regions). The grouping is configuration data, not code: a CSV file with
one row per province of each unit list and the source of each row (`data/socio_economic_regions
.csv`, or another file named by `[provinces] regions_file`). The 34 provinces after 1 July 2025
have their own rows, since a new province can join old provinces of two regions. The file is
read once per change and checked: every province of both unit lists has exactly one region,
and no row names a province the lists do not have.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from indicators.core.i18n import WordedError, in_lang
from indicators.geography.crosswalk import national_crosswalk
from indicators.geography.units import LEGACY, NEW, UNIT_LISTS, province_codes

COLUMNS = ("unit_list", "province_code", "region_code", "region_vi", "region_en", "source")


@dataclass(frozen=True)
class SocioRegions:
    """Provinces by region, per unit list (`table` has `COLUMNS`, one row per province)."""

    table: pd.DataFrame
    path: Path

    def region_of(self, unit_list: str, code: str) -> str | None:
        """The region code of a province of `unit_list`, or None for a code not in the file."""
        hit = self.table[
            (self.table["unit_list"] == unit_list) & (self.table["province_code"] == code)
        ]
        return str(hit["region_code"].iloc[0]) if not hit.empty else None

    def members(self, unit_list: str, region_code: str) -> list[str]:
        """The province codes of one region in one unit list, in code order."""
        t = self.table
        rows = t[(t["unit_list"] == unit_list) & (t["region_code"] == region_code)]
        return sorted(rows["province_code"])

    def name(self, region_code: str, lang: str) -> str:
        """A region's name in `lang`, as the file writes it."""
        row = self.table[self.table["region_code"] == region_code].iloc[0]
        return in_lang(lang, row["region_vi"], row["region_en"])

    def codes(self) -> list[str]:
        """The region codes in the order of the file's first unit list (north to south)."""
        return list(dict.fromkeys(self.table["region_code"]))

    def of_list(self, unit_list: str) -> pd.DataFrame:
        """province_code, region_code, region_vi, region_en, source of one unit list."""
        rows = self.table[self.table["unit_list"] == unit_list]
        return rows.drop(columns="unit_list").reset_index(drop=True)


def split_provinces(socio: SocioRegions) -> list[tuple[str, list[str]]]:
    """The provinces after 1 July 2025 whose old provinces lay in more than one region (under
    the file's rows for the old list): (new code, the old codes it joined), in code order.
    These are the rows where a grouping of the 34 provinces had to choose."""
    xw = national_crosswalk()
    joined = xw.groupby("new_province_code")["old_province_code"].unique()
    old = socio.of_list(LEGACY).set_index("province_code")["region_code"]
    out = []
    for new in sorted(socio.of_list(NEW)["province_code"]):
        olds = sorted(joined.get(new, []))
        if len({old.get(c) for c in olds}) > 1:
            out.append((new, olds))
    return out


def load_socio_regions(path: Path) -> SocioRegions:
    """The regions file at `path`, read and checked (once per version of the file)."""
    path = Path(path)
    if not path.exists():
        raise WordedError("prov.regions_missing_file", file=path.name)
    return _load(path.resolve(), path.stat().st_mtime_ns)


@lru_cache(maxsize=4)
def _load(path: Path, _mtime: int) -> SocioRegions:
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    missing = [c for c in COLUMNS if c not in table.columns]
    if missing:
        raise WordedError("prov.regions_columns", file=path.name, columns=", ".join(missing))
    table = table[list(COLUMNS)].apply(lambda col: col.map(_clean))
    check(table, path.name)
    return SocioRegions(table.reset_index(drop=True), path)


def _clean(text: str) -> str:
    return unicodedata.normalize("NFC", str(text)).strip()


def check(table: pd.DataFrame, file: str) -> None:
    """Every province of both unit lists in exactly one row with a region; nothing else."""
    blank = table[(table["region_code"] == "") | (table["region_vi"] == "")]
    if not blank.empty:
        raise WordedError("prov.regions_blank", file=file, codes=_listed(blank))
    twice = table[table.duplicated(["unit_list", "province_code"], keep=False)]
    if not twice.empty:
        raise WordedError("prov.regions_twice", file=file, codes=_listed(twice))
    for unit_list in UNIT_LISTS:
        have = set(table.loc[table["unit_list"] == unit_list, "province_code"])
        known = set(province_codes(unit_list))
        if known - have:
            raise WordedError(
                "prov.regions_without", file=file, unit_list=unit_list, codes=_join(known - have)
            )
        if have - known:
            raise WordedError(
                "prov.regions_unknown", file=file, unit_list=unit_list, codes=_join(have - known)
            )
    others = set(table["unit_list"]) - set(UNIT_LISTS)
    if others:
        raise WordedError("prov.regions_unit_list", file=file, unit_list=_join(others))


def _listed(rows: pd.DataFrame) -> str:
    return _join(
        {f"{u}:{c}" for u, c in zip(rows["unit_list"], rows["province_code"], strict=True)}
    )


def _join(codes: set[str]) -> str:
    return ", ".join(sorted(codes)[:12]) + (", …" if len(codes) > 12 else "")
