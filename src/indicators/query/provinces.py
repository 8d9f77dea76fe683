"""Where the province stands among all provinces: one indicator's values for every province of a
unit list, the home province's series of a rank on both lists, the provinces just above and
below it, and what the bundled rankings hold.

Every province of both unit lists is a unit of the store (`geography.units.build_regions`), so a
ranking printed for all of them is stored province by province. Ranks are never converted across
the 1 July 2025 reform: a rank among 63 provinces and a rank among 34 are two series, each read
on its own unit list; `out_of` says how many provinces each ranking is over.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from indicators.core.catalog import Indicator
from indicators.core.direction import best_first
from indicators.core.settings import RegionRef
from indicators.geography.units import UNIT_LISTS, province_codes
from indicators.query import read
from indicators.query.reuse import per_indicator
from indicators.store.tables import as_of

PROVINCE_COLUMNS = [
    "region", "name", "short_name", "lat", "lon", "value", "status", "source", "note", "origin",
]  # fmt: skip


MIN_PROVINCES = 3  # an indicator known only for the install's own provinces compares nothing


def out_of(unit_list: str) -> int:
    """How many provinces a ranking on `unit_list` is over: 63 before the reform, 34 after."""
    return len(province_codes(unit_list))


@per_indicator
def province_indicators(con, rev: int, indicators: Sequence[str] | None = None) -> pd.DataFrame:
    """Per indicator, unit list and period, how many provinces have a reported value (`n`):
    what the Provinces page can compare (an indicator known for one province compares
    nothing). Of every indicator, or only of `indicators`."""
    only = " AND list_contains($indicators, o.indicator)" if indicators is not None else ""
    return con.execute(
        "SELECT o.indicator, o.unit_list, o.period, any_value(o.period_kind) AS period_kind,"
        " any_value(o.period_end) AS period_end, count(DISTINCT o.region) AS n"
        " FROM observations o JOIN regions r ON r.unit_list = o.unit_list AND r.code = o.region"
        f" WHERE {as_of(rev, 'o')} AND r.level = 'province' AND o.value IS NOT NULL{only}"
        " GROUP BY o.indicator, o.unit_list, o.period"
        " ORDER BY o.indicator, period_end, o.unit_list",
        {"indicators": list(indicators)} if indicators is not None else {},
    ).df()


def comparable(known: pd.DataFrame) -> pd.DataFrame:
    """The rows of `province_indicators` with values for at least `MIN_PROVINCES` provinces."""
    return known[known["n"] >= MIN_PROVINCES].reset_index(drop=True)


@per_indicator
def province_values(con, rev: int, *, indicator: str, unit_list: str, period: str) -> pd.DataFrame:
    """Every province of `unit_list` with its value of `indicator` for `period` (`PROVINCE_COLUMNS`,
    in code order): reported, or for the install's own province built from its units. A province
    with no value keeps an empty value: no data is not zero, and not the last place."""
    units = con.execute(
        "SELECT code AS region, name, short_name, lat, lon FROM regions"
        " WHERE unit_list = ? AND level = 'province' ORDER BY code",
        [unit_list],
    ).df()
    values = read.resolved_values(
        con,
        rev,
        indicators=[indicator],
        unit_list=unit_list,
        regions=units["region"].tolist(),
        periods=[period],
    )
    keep = ["region", "value", "status", "source", "note", "origin"]
    return units.merge(values[keep], on="region", how="left")[PROVINCE_COLUMNS]


@per_indicator
def home_series(con, rev: int, *, indicator: str, refs: Sequence[RegionRef]) -> pd.DataFrame:
    """The home province's values of one indicator on each unit list it is configured on (never
    converted from one list to the other), with `out_of` per row. `refs` that are not a
    province of their list (the country, in a national install) are left out."""
    provinces = [
        r for r in refs if r.unit_list in UNIT_LISTS and r.code in province_codes(r.unit_list)
    ]
    if not provinces:
        return pd.DataFrame(columns=[*read.RESOLVED_COLUMNS, "out_of"])
    rows = read.series(con, rev, indicators=[indicator], refs=provinces)
    rows = rows[rows["value"].notna()].copy()
    rows["out_of"] = [out_of(u) for u in rows["unit_list"]]
    return rows.reset_index(drop=True)


@per_indicator
def latest_rank(con, rev: int, *, indicator: str, refs: Sequence[RegionRef]) -> pd.Series | None:
    """The home province's most recent value of a rank (the list after the reform first when
    both have the same period, as the ranking over 34 provinces of 2024), or None."""
    rows = home_series(con, rev, indicator=indicator, refs=refs)
    if rows.empty:
        return None
    rows = rows.assign(_new=rows["unit_list"] != UNIT_LISTS[0])
    return rows.sort_values(["period_end", "_new"]).iloc[-1].drop("_new")


def missing_periods(known: pd.DataFrame, series: pd.DataFrame) -> list[tuple[str, str]]:
    """(unit list, period) where the ranking in `known` (`province_indicators` of one
    indicator) compares enough provinces but the home province's `series` has no value:
    the years the province's own rank was not found."""
    have = set(zip(series["unit_list"], series["period"], strict=True))
    rows = comparable(known).sort_values("period_end")
    pairs = zip(rows["unit_list"], rows["period"], strict=True)
    return [pair for pair in dict.fromkeys(pairs) if pair not in have]


def positions(values: pd.DataFrame, ind: Indicator) -> pd.Series:
    """Each province's place among those with a value (1 = best; ties share the best place).
    A rank is its own place: a ranking bundled in part (ranks 1–7, 16, 17 and 34 of 34) keeps
    the printed ranks rather than 1–10."""
    if ind.kind == "rank":
        return values["value"]
    return values["value"].rank(method="min", ascending=not ind.higher_is_better)


def ranked(values: pd.DataFrame, ind: Indicator) -> pd.DataFrame:
    """The provinces that have a value, best first, with their `position`."""
    have = values[values["value"].notna()].copy()
    have["position"] = positions(have, ind)
    return best_first(have, ind).sort_values("position", kind="stable").reset_index(drop=True)


def neighbours(values: pd.DataFrame, home: str, ind: Indicator, around: int = 3) -> pd.DataFrame:
    """The home province and the `around` provinces just above and below it (best first), with
    their `position`; empty when the home province has no value."""
    have = ranked(values, ind)
    at = have.index[have["region"] == home]
    if at.empty:
        return have.iloc[0:0]
    i = int(at[0])
    return have.iloc[max(0, i - around) : i + around + 1].reset_index(drop=True)


def ranking_coverage(con, rev: int) -> pd.DataFrame:
    """What the stored province rankings hold: per indicator of kind rank or index, unit list
    and period, how many provinces have a value (`n`) out of how many (`out_of`) and the
    sources (`sources`, each once)."""
    rows = con.execute(
        "SELECT o.indicator, o.unit_list, o.period, any_value(o.period_end) AS period_end,"
        " count(DISTINCT o.region) AS n, list(DISTINCT o.source ORDER BY o.source) AS sources"
        " FROM observations o JOIN regions r ON r.unit_list = o.unit_list AND r.code = o.region"
        " JOIN catalog c ON c.code = o.indicator"
        f" WHERE {as_of(rev, 'o')} AND r.level = 'province' AND c.kind IN ('rank', 'index')"
        " AND o.value IS NOT NULL"
        " GROUP BY o.indicator, o.unit_list, o.period ORDER BY o.indicator, period_end, o.unit_list"
    ).df()
    rows["out_of"] = [out_of(u) for u in rows["unit_list"]]
    rows["sources"] = [[s for s in (x if x is not None else []) if s] for x in rows["sources"]]
    rows["_list"] = [UNIT_LISTS.index(u) for u in rows["unit_list"]]
    rows = rows.sort_values(["indicator", "_list", "period_end"], ignore_index=True)
    return rows.drop(columns="_list")
