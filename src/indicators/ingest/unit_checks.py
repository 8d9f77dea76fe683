"""Each row's unit: found by code or by name in its unit list, and in force in its period.

Units are resolved once per distinct (unit list, code, name), so a yearbook that repeats a
commune's name in every row costs one look-up. A unit missing from the row's list but found in
the other list is reported as "not in this period" (with the unit it became after the 2025
reform), which says what to fix where "unknown name" would mislead.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from indicators.core.periods import parse_period
from indicators.geography.crosswalk import crosswalk
from indicators.geography.units import LEGACY, NEW, UNIT_LISTS
from indicators.ingest.arrow_text import text_take
from indicators.ingest.distinct import Distinct, first_rows, row_ids
from indicators.ingest.report import Report, hint_tail, suggest
from indicators.ingest.unitmatch import UnitMatcher, is_total


def check_units(
    d: pd.DataFrame,
    rep: Report,
    matcher: UnitMatcher,
    formulas: dict[str, np.ndarray],
    regions: pd.DataFrame,
) -> Distinct:
    """Resolve each row's unit once per distinct (unit list, code, name): sets `region_code`
    ('' where unresolved) and `level`; returns each row's unit as a code of its (unit list,
    unit code) pair, for the checks that compare rows (`row_keys`)."""
    resolve = _Resolver(rep, matcher, regions)
    groups = _Groups(d, ["unit_list", "region", "region_name"])
    found = [""] * groups.count
    totals: list[tuple[str, str, int]] = []
    for g, (unit_list, code, name) in enumerate(groups.keys):
        first = groups.first[g]
        name_is_formula = formulas["region_name"][first]
        if unit_list not in UNIT_LISTS or formulas["region"][first]:
            continue
        if name_is_formula and not code:
            continue
        mask = groups.mask_of(g)
        if code:
            found[g] = resolve.by_code(mask, unit_list, code, name, not name_is_formula)
        elif name and is_total(name):
            totals.append((unit_list, name, g))
        elif name:
            found[g] = resolve.by_name(mask, unit_list, name)
        else:
            column = "region" if "region" in rep.labels else "region_name"
            rep.add(mask(), "missing_unit", column, "")
    for unit_list, name, g in totals:
        province = _total_province(groups, found, matcher, unit_list)
        if isinstance(province, str):
            found[g] = province
        else:
            labels = [matcher.label(unit_list, c) for c in province]
            rep.add(
                groups.mask_of(g)(),
                "ambiguous_unit_name",
                "region_name",
                name,
                unit_list=unit_list,
                **suggest(labels),
            )
    d["region_code"] = text_take(found, groups.ids, d.index)
    d["level"] = text_take(_levels(groups, found, matcher), groups.ids, d.index)
    rows = Distinct.of_codes(groups.ids, groups.keys, d.index)
    return rows.regroup([(ul, code) for (ul, _, _), code in zip(groups.keys, found, strict=True)])


class _Groups:
    """The rows of each distinct combination of some text columns (first seen first, as
    `groupby(sort=False)` lists them), found with integer codes: a million rows of a few
    hundred units cost a few factorizations, not a million tuples."""

    def __init__(self, d: pd.DataFrame, columns: list[str]):
        self.ids = row_ids([d[c] for c in columns])
        self.count = int(self.ids.max()) + 1 if len(self.ids) else 0
        self.first: np.ndarray = first_rows(self.ids)
        firsts = [d[c].take(self.first).tolist() for c in columns]
        self.keys: list[tuple] = list(zip(*firsts, strict=True))
        self._order: np.ndarray | None = None
        self._starts: np.ndarray | None = None

    def rows(self, g: int) -> np.ndarray:
        """The positions of group `g`'s rows, in file order (sorted once, when first asked)."""
        if self._order is None:
            self._order = np.argsort(self.ids, kind="stable")
            self._starts = np.searchsorted(self.ids[self._order], np.arange(self.count + 1))
        assert self._starts is not None
        return self._order[self._starts[g] : self._starts[g + 1]]

    def mask_of(self, g: int) -> Callable[[], np.ndarray]:
        """Group `g`'s rows as a mask over the whole file, made only when a problem needs it."""

        def mask() -> np.ndarray:
            m = np.zeros(len(self.ids), dtype=bool)
            m[self.rows(g)] = True
            return m

        return mask


class _Resolver:
    """Finds a unit in its list, or reports why not (once for all rows that wrote it so).

    `mask` gives the rows that wrote it, as a mask over the file, when a problem is reported."""

    def __init__(self, rep: Report, matcher: UnitMatcher, regions: pd.DataFrame):
        self.rep, self.matcher = rep, matcher
        self.other = _OtherList(rep, matcher, regions)

    def by_code(
        self, mask: Callable[[], np.ndarray], unit_list: str, code: str, name: str, check_name: bool
    ) -> str:
        """The unit a code names in the list ('' if none), if the name beside it fits it."""
        found = self.matcher.by_code(unit_list, code)
        elsewhere = self.other.elsewhere(unit_list, code, None) if found is None else None
        if elsewhere:
            self.other.report(mask(), "region", code, *elsewhere)
            return ""
        if found is None:
            hint = self.matcher.by_name(unit_list, name).code if name else None
            label = [self.matcher.label(unit_list, hint)] if hint else []
            self.rep.add(
                mask(), "unknown_unit", "region", code, unit_list=unit_list, **suggest(label)
            )
            return ""
        if name and check_name and not self.matcher.name_fits(unit_list, found, name):
            unit = self.matcher.unit(unit_list, found)
            self.rep.add(
                mask(),
                "unit_name_mismatch",
                "region_name",
                name,
                code=found,
                unit_list=unit_list,
                name=unit["name"],
            )
            return ""
        return found

    def by_name(self, mask: Callable[[], np.ndarray], unit_list: str, name: str) -> str:
        """The unit a name (with no code) names in the list ('' if not exactly one)."""
        m = self.matcher.by_name(unit_list, name)
        elsewhere = (
            self.other.elsewhere(unit_list, None, name) if m.rule == "unknown_unit_name" else None
        )
        if elsewhere:
            self.other.report(mask(), "region_name", name, *elsewhere)
            return ""
        if m.code is None:
            rule = m.rule or "unknown_unit_name"
            self.rep.add(
                mask(),
                rule,
                "region_name",
                name,
                unit_list=unit_list,
                **suggest(list(m.suggestions)),
            )
            return ""
        return m.code


def _total_province(groups: _Groups, found: list[str], matcher: UnitMatcher, unit_list: str):
    """The province a 'Tổng số' row totals: the list's only one, else the one the file's other
    units of that list belong to; else the candidates, for the analyst to choose by code."""
    provinces = matcher.provinces(unit_list)
    if len(provinces) == 1:
        return provinces[0]
    mine = {c for (ul, _, _), c in zip(groups.keys, found, strict=True) if ul == unit_list and c}
    parents = {matcher.unit(unit_list, c)["province_code"] for c in mine}
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


def _levels(groups: _Groups, found: list[str], matcher: UnitMatcher) -> list[str]:
    """Each group's unit level ('' where no unit was found), looked up once per unit."""
    levels: dict[tuple[str, str], str] = {}
    for (unit_list, _, _), code in zip(groups.keys, found, strict=True):
        if code and (unit_list, code) not in levels:
            levels[(unit_list, code)] = matcher.unit(unit_list, code)["level"]
    return [levels[(ul, c)] if c else "" for (ul, _, _), c in zip(groups.keys, found, strict=True)]


def check_unit_period(d: pd.DataFrame, rep: Report, regions: pd.DataFrame) -> None:
    """Old units after 1 July 2025, or new communes before it, did not exist then.

    Provinces of the new list may carry earlier figures: rankings such as DTI 2024 were
    published for the 34 new provinces.
    """
    spans = regions.groupby("unit_list")[["valid_from", "valid_to"]].first()
    ok = d["region_code"].ne("") & d["period_code"].ne("")
    # every period written (a code outside `ok` rows is never in a mask: `in_list` has `ok`)
    periods = {c: parse_period(c) for c in d["period_code"].unique() if c}
    for unit_list, (vf, vt) in spans.iterrows():
        late = [c for c, p in periods.items() if pd.notna(vt) and p.start > vt]
        early = [c for c, p in periods.items() if pd.notna(vf) and p.end < vf]
        if not late and not early:
            continue  # every period of the file is within the list's span
        in_list = ok & d["unit_list"].eq(unit_list)
        if not in_list.any():
            continue
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
