"""Each row's unit: found by code or by name in its unit list, and in force in its period.

Units are resolved once per distinct (unit list, code, name), so a yearbook that repeats a
commune's name in every row costs one look-up. A unit missing from the row's list but found in
the other list is reported as "not in this period" (with the unit it became after the 2025
reform), which says what to fix where "unknown name" would mislead.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.core.periods import parse_period
from indicators.geography.crosswalk import crosswalk
from indicators.geography.units import LEGACY, NEW, UNIT_LISTS
from indicators.ingest.distinct import lookup
from indicators.ingest.report import Report, hint_tail, suggest
from indicators.ingest.unitmatch import UnitMatcher, is_total


def check_units(
    d: pd.DataFrame,
    rep: Report,
    matcher: UnitMatcher,
    formulas: dict[str, np.ndarray],
    regions: pd.DataFrame,
) -> None:
    """Resolve each row's unit once per distinct (unit list, code, name): sets `region_code`
    ('' where unresolved) and `level`."""
    resolve = _Resolver(rep, matcher, regions)
    totals: list[tuple[str, str, np.ndarray]] = []
    codes = np.full(len(d), "", dtype=object)
    keys = ["unit_list", "region", "region_name"]
    for (unit_list, code, name), idx in d[keys].groupby(keys, sort=False).indices.items():
        name_is_formula = formulas["region_name"][idx[0]]
        if unit_list not in UNIT_LISTS or formulas["region"][idx[0]]:
            continue
        if name_is_formula and not code:
            continue
        mask = np.zeros(len(d), dtype=bool)
        mask[idx] = True
        if code:
            codes[idx] = resolve.by_code(mask, unit_list, code, name, not name_is_formula)
        elif name and is_total(name):
            totals.append((unit_list, name, mask))
        elif name:
            codes[idx] = resolve.by_name(mask, unit_list, name)
        else:
            column = "region" if "region" in rep.labels else "region_name"
            rep.add(mask, "missing_unit", column, "")
    for unit_list, name, mask in totals:
        found = _total_province(d, codes, matcher, unit_list)
        if isinstance(found, str):
            codes[mask] = found
        else:
            labels = [matcher.label(unit_list, c) for c in found]
            rep.add(
                mask,
                "ambiguous_unit_name",
                "region_name",
                name,
                unit_list=unit_list,
                **suggest(labels),
            )
    d["region_code"] = codes
    d["level"] = _levels(d, matcher)


class _Resolver:
    """Finds a unit in its list, or reports why not (once for all rows that wrote it so)."""

    def __init__(self, rep: Report, matcher: UnitMatcher, regions: pd.DataFrame):
        self.rep, self.matcher = rep, matcher
        self.other = _OtherList(rep, matcher, regions)

    def by_code(
        self, mask: np.ndarray, unit_list: str, code: str, name: str, check_name: bool
    ) -> str:
        """The unit a code names in the list ('' if none), if the name beside it fits it."""
        found = self.matcher.by_code(unit_list, code)
        elsewhere = self.other.elsewhere(unit_list, code, None) if found is None else None
        if elsewhere:
            self.other.report(mask, "region", code, *elsewhere)
            return ""
        if found is None:
            hint = self.matcher.by_name(unit_list, name).code if name else None
            label = [self.matcher.label(unit_list, hint)] if hint else []
            self.rep.add(
                mask, "unknown_unit", "region", code, unit_list=unit_list, **suggest(label)
            )
            return ""
        if name and check_name and not self.matcher.name_fits(unit_list, found, name):
            unit = self.matcher.unit(unit_list, found)
            self.rep.add(
                mask,
                "unit_name_mismatch",
                "region_name",
                name,
                code=found,
                unit_list=unit_list,
                name=unit["name"],
            )
            return ""
        return found

    def by_name(self, mask: np.ndarray, unit_list: str, name: str) -> str:
        """The unit a name (with no code) names in the list ('' if not exactly one)."""
        m = self.matcher.by_name(unit_list, name)
        elsewhere = (
            self.other.elsewhere(unit_list, None, name) if m.rule == "unknown_unit_name" else None
        )
        if elsewhere:
            self.other.report(mask, "region_name", name, *elsewhere)
            return ""
        if m.code is None:
            rule = m.rule or "unknown_unit_name"
            self.rep.add(
                mask,
                rule,
                "region_name",
                name,
                unit_list=unit_list,
                **suggest(list(m.suggestions)),
            )
            return ""
        return m.code


def _total_province(d: pd.DataFrame, codes: np.ndarray, matcher: UnitMatcher, unit_list: str):
    """The province a 'Tổng số' row totals: the list's only one, else the one the file's other
    units of that list belong to; else the candidates, for the analyst to choose by code."""
    provinces = matcher.provinces(unit_list)
    if len(provinces) == 1:
        return provinces[0]
    mine = codes[(d["unit_list"].to_numpy() == unit_list) & (codes != "")]
    parents = {matcher.unit(unit_list, c)["province_code"] for c in set(mine)}
    parents = [p for p in provinces if p in parents]
    return parents[0] if len(parents) == 1 else provinces


class _OtherList:
    """A unit missing from the row's list but found in the other one did exist, in other
    years: 'not in this period' says what to fix, where 'unknown name' would mislead."""

    def __init__(self, rep: Report, matcher: UnitMatcher, regions: pd.DataFrame):
        self.rep, self.matcher, self.regions = rep, matcher, regions
        self.spans = regions.groupby("unit_list")[["valid_from", "valid_to"]].first()

    def elsewhere(
        self, unit_list: str, code: str | None, name: str | None
    ) -> tuple[str, str] | None:
        """(other unit list, code there) when the code or name is found only there."""
        for other in UNIT_LISTS:
            if other == unit_list:
                continue
            found = self.matcher.by_code(other, code) if code else None
            if found is None and name:
                found = self.matcher.by_name(other, name).code
            if found is not None:
                return other, found
        return None

    def report(self, mask: np.ndarray, col: str, value: str, other: str, code: str) -> None:
        valid = _in_force(self.spans.loc[other, "valid_from"], self.spans.loc[other, "valid_to"])
        new = self._successors(code) if other == LEGACY else []
        hint = _now_named(new)
        self.rep.add(mask, "unit_not_in_period", col, value, unit_list=other, valid=valid, **hint)

    def _successors(self, code: str) -> list[str]:
        """The new unit(s) an old unit went into, from the reform's crosswalk."""
        xw = crosswalk(self.regions)
        level = self.matcher.unit(LEGACY, code)["level"]
        if level == "province":
            codes = xw.loc[xw["old_province_code"] == code, "new_province_code"]
        elif level == "district":
            codes = xw.loc[xw["old_district_code"] == code, "new_code"]
        else:
            codes = xw.loc[xw["old_code"] == code, "new_code"]
        codes = [c for c in dict.fromkeys(codes) if self.matcher.has(NEW, c)]
        return [self.matcher.label(NEW, c) for c in codes[:3]] + (["…"] if len(codes) > 3 else [])


def _now_named(labels: list[str]) -> dict[str, str]:
    """The hint's tail naming the unit(s) an old unit became."""
    return hint_tail("new", "upload.now_named", labels)


def _levels(d: pd.DataFrame, matcher: UnitMatcher) -> pd.Series:
    """Each row's unit level, looked up once per distinct unit."""
    key = d["unit_list"] + "|" + d["region_code"]
    return pd.Series(
        lookup(key, lambda k: matcher.unit(*k.split("|"))["level"] if k[-1] != "|" else ""),
        index=d.index,
    )


def check_unit_period(d: pd.DataFrame, rep: Report, regions: pd.DataFrame) -> None:
    """Old units after 1 July 2025, or new communes before it, did not exist then.

    Provinces of the new list may carry earlier figures: rankings such as DTI 2024 were
    published for the 34 new provinces.
    """
    spans = regions.groupby("unit_list")[["valid_from", "valid_to"]].first()
    ok = d["region_code"].ne("") & d["period_code"].ne("")
    periods = {c: parse_period(c) for c in pd.unique(d.loc[ok, "period_code"].to_numpy(object))}
    for unit_list, (vf, vt) in spans.iterrows():
        in_list = ok & d["unit_list"].eq(unit_list)
        if not in_list.any():
            continue
        late = [c for c, p in periods.items() if pd.notna(vt) and p.start > vt]
        early = [c for c, p in periods.items() if pd.notna(vf) and p.end < vf]
        outside = d["period_code"].isin(late) | (
            d["period_code"].isin(early) & d["level"].ne("province")
        )
        mask = (in_list & outside).to_numpy(dtype=bool) & ~rep.bad
        column = "unit_list" if "unit_list" in rep.labels else "period"
        rep.add(
            mask,
            "unit_not_in_period",
            column,
            d["period"],
            unit_list=unit_list,
            valid=_in_force(vf, vt),
            **_now_named([]),
        )


def _in_force(valid_from, valid_to) -> str:
    """'01/07/2025 – …': when a unit list is in force, an open end shown as '…'."""
    return f"{_date(valid_from) or '…'} – {_date(valid_to) or '…'}"


def _date(x) -> str:
    return "" if x is None or pd.isna(x) else f"{x:%d/%m/%Y}"
