"""What one view of a page reads, in one connection.

A page caches each answer per revision (`ui.cache.cached`), and each answer it does not have
yet opens a connection: a DuckDB file opened anew (its pages read again), or a round trip to
PostgreSQL first. A view that needed three answers paid that three times on every filter
change; here the answers one view needs come together, each as the query function that gives
it alone (`read`, `across_reform`) would.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from indicators.core.settings import RegionRef
from indicators.query import across_reform, read
from indicators.query.reuse import per_indicator


@dataclass(frozen=True)
class Below:
    """One indicator below one unit: the units at a level under it (`read.units_below`), their
    values of every period (`read.values_below`) and the unit's own values (`own`, as
    `read.resolved_values` gives them). The indicator's periods on each unit list are one
    answer for every indicator (`read.periods_held`), not read again for each unit."""

    units: pd.DataFrame
    values: pd.DataFrame
    own: pd.DataFrame


@per_indicator
def below(con, rev: int, *, indicator: str, unit_list: str, parent: str, level: str) -> Below:
    """The Regions page's reading for one indicator, unit and level."""
    units = read.units_below(con, unit_list=unit_list, parent=parent, level=level)
    codes = units["region"].tolist()
    both = read.resolved_values(
        con, rev, indicators=[indicator], unit_list=unit_list, regions=[parent, *codes]
    )
    mine = both["region"] == parent
    values, own = both[~mine].reset_index(drop=True), both[mine].reset_index(drop=True)
    return Below(units, values, own)


OVERVIEW_KINDS = ("year", "phase")  # what the Overview's cards and trend show of a yearly one


@per_indicator
def home(
    con, rev: int, *, indicators: Sequence[str], refs: Sequence[RegionRef]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The home's values as the Overview shows them (`read.series`) and its targets
    (`read.targets`): of an indicator with yearly values, its years and plan phases (its cards
    and its trend by year); of any other, every period (its trend by half-year, quarter or
    month). At national scale the months of the country's history are most of what it would
    otherwise add up."""
    yearly = read.series(con, rev, indicators=indicators, refs=refs, kinds=OVERVIEW_KINDS)
    has_years = set(yearly.loc[yearly["period_kind"] == "year", "indicator"])
    others = [code for code in indicators if code not in has_years]
    if others:
        rest = read.series(con, rev, indicators=others, refs=refs)
        keep = yearly[yearly["indicator"].isin(has_years)]
        yearly = pd.concat([keep, rest], ignore_index=True).sort_values(
            ["indicator", "period_end", "unit_list"], ignore_index=True
        )
    return yearly, read.targets(con, rev, indicators=indicators, refs=refs)


@per_indicator
def trend(
    con, rev: int, *, indicator: str, refs: Sequence[RegionRef], unit_list: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One indicator for some areas across the 2025 reform (`across_reform.converted_series`)
    and its targets for them (`read.targets`)."""
    series = across_reform.converted_series(
        con, rev, indicators=(indicator,), refs=refs, unit_list=unit_list
    )
    return series, read.targets(con, rev, indicators=(indicator,), refs=refs)
