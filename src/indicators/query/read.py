"""Questions the pages ask, answered in DuckDB.

A unit's value for a period is what was reported for that unit, or else built bottom-up: a
district is what it reported or the sum of its communes; a province of its districts (each
reported or summed) or, without districts, of its communes; the country (a national install)
of its provinces. Counts and amounts add up; ratios add numerators and denominators and divide
(never an average of percentages); indexes and ranks do not aggregate. `n_parts`/`n_expected`
count the commune-level units covered.

A district or commune ratio reported without numerator and denominator is shown as reported but
never added up: an area's ratio comes only from the units that have both, and the units without
them do not count as covered (so the figure reads as partial). A district reported that way is
replaced, in its province's sum, by what its communes add up to.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

from indicators.core.settings import COUNTRY, RegionRef
from indicators.query import province_tables
from indicators.query.reuse import joined
from indicators.query.values_sql import RESOLVED_COLUMNS, reported, resolve, values_sql
from indicators.store.tables import as_of, first_row


def resolved_values(
    con,
    rev: int,
    *,
    indicators: Sequence[str],
    unit_list: str,
    regions: Sequence[str],
    periods: Sequence[str] | None = None,
    kinds: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Values for units of one unit list: reported where reported, else aggregated; only of
    `periods`, or periods of `kinds` (year, quarter, …), when given.

    Provinces and the country come from their indicators' tables (`province_tables`) where
    this process keeps them, or makes them because every period of the country is asked
    (which costs what answering would); communes as they reported them (`values_sql.reported`);
    anything else from the store as it adds up (`values_sql.resolve`). Either way the rows are
    the same, in the same order."""
    codes, regions = list(dict.fromkeys(indicators)), list(dict.fromkeys(regions))
    upper = province_tables.upper_units(con, unit_list)
    top = [r for r in regions if r in upper]
    kept = None
    if top and codes:  # made here only if every period of the country is asked: no dearer
        whole = COUNTRY in top and periods is None and kinds is None
        kept = province_tables.tables(con, rev, codes, unit_list, make=whole)
    parts: list[pd.DataFrame] = []
    taken: set[str] = set()
    if kept is not None:
        parts += [province_tables.picked(kept[c], top, periods, kinds) for c in codes]
        taken = set(top)
    low = province_tables.communes(con, unit_list)
    alone = [r for r in regions if r in low]  # communes: what they reported, nothing to add
    rest = [r for r in regions if r not in taken and r not in low]
    narrow = dict(indicators=codes, unit_list=unit_list, periods=periods, kinds=kinds)
    if alone:
        parts.append(reported(con, rev, regions=alone, **narrow))
    if rest or not parts:
        parts.append(resolve(con, rev, regions=rest, **narrow))
    found = [p for p in parts if not p.empty]
    if not found:
        return parts[0].reset_index(drop=True)
    out = joined(found) if len(found) > 1 else found[0]
    return out.sort_values(_ORDER, ignore_index=True)


_ORDER = ["indicator", "region", "period_end", "period_start"]  # as `values_sql.resolve` sorts


def latest(
    con,
    rev: int,
    *,
    indicators: Sequence[str],
    unit_list: str,
    region: str,
    kind: str = "year",
    up_to: date | None = None,
) -> pd.DataFrame:
    """Per indicator, the most recent value of one unit: reported, or aggregated from all of
    its communes (a sum over the few that have reported is not the latest figure)."""
    where = "AND o.period_kind = $kind AND o.period_end <= $up_to"
    inner = values_sql(rev, where, region == COUNTRY)
    sql = (
        f"SELECT * FROM ({inner}) v WHERE v.value IS NOT NULL"
        " AND (v.origin = 'reported' OR v.n_parts >= v.n_expected)"
        " QUALIFY row_number() OVER (PARTITION BY v.indicator ORDER BY v.period_end DESC) = 1"
        " ORDER BY v.indicator"
    )
    params = {
        "unit_list": unit_list,
        "indicators": list(indicators),
        "regions": [region],
        "kind": kind,
        "up_to": up_to or date(9999, 12, 31),
    }
    return con.execute(sql, params).df()[RESOLVED_COLUMNS]


def series(
    con,
    rev: int,
    *,
    indicators: Sequence[str],
    refs: Sequence[RegionRef],
    kinds: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Every period's value for the given units (e.g. one province across both unit lists)."""
    frames = []
    by_list: dict[str, list[str]] = {}
    for ref in refs:
        by_list.setdefault(ref.unit_list, []).append(ref.code)
    for unit_list, codes in by_list.items():
        frames.append(
            resolved_values(
                con, rev, indicators=indicators, unit_list=unit_list, regions=codes, kinds=kinds
            )
        )
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=RESOLVED_COLUMNS)
    return out.sort_values(["indicator", "period_end", "unit_list"], ignore_index=True)


def children(
    con,
    rev: int,
    *,
    indicator: str,
    unit_list: str,
    parent: str,
    period: str,
    level: str = "commune",
) -> pd.DataFrame:
    """All units at `level` below `parent` with their value for one period.

    Units that reported nothing are kept with an empty value: no data is not zero.
    """
    units = con.execute(
        "SELECT r.code AS region, r.name, r.short_name, r.type, r.level, r.lat, r.lon"
        " FROM regions r JOIN region_ancestors a ON a.unit_list = r.unit_list AND a.code = r.code"
        " WHERE r.unit_list = ? AND a.ancestor = ? AND r.level = ? ORDER BY r.code",
        [unit_list, parent, level],
    ).df()
    vals = resolved_values(
        con,
        rev,
        indicators=[indicator],
        unit_list=unit_list,
        regions=units["region"].tolist(),
        periods=[period],
    )
    keep = ["region", "value", "numerator", "denominator", "status", "source", "note", "origin"]
    return units.merge(vals[keep], on="region", how="left")


def targets(con, rev: int, *, indicators: Sequence[str], refs: Sequence[RegionRef]) -> pd.DataFrame:
    cond = " OR ".join("(unit_list = ? AND region = ?)" for _ in refs) or "FALSE"
    params = [x for r in refs for x in (r.unit_list, r.code)]
    return con.execute(
        "SELECT indicator, unit_list, region, period, period_end, value, status, source"
        f" FROM targets WHERE {as_of(rev)} AND list_contains(?, indicator) AND ({cond})"
        " ORDER BY indicator, period_end",
        [list(indicators), *params],
    ).df()


def levels_with_data(con, rev: int) -> pd.DataFrame:
    """Which indicators have values at which level of which unit list (for rankings)."""
    return con.execute(
        "SELECT DISTINCT o.indicator, o.unit_list, r.level FROM observations o"
        " JOIN regions r ON r.unit_list = o.unit_list AND r.code = o.region"
        f" WHERE {as_of(rev, 'o')} ORDER BY ALL"
    ).df()


def reported_below_province(con, rev: int, unit_list: str) -> frozenset[str]:
    """Indicators with figures for some unit below the province (below the country, in a
    national install) on one unit list: what a ranking of the units below them can show."""
    have = levels_with_data(con, rev)
    sql = "SELECT 1 FROM regions WHERE unit_list = ? AND level = 'country'"
    top = ["country"] if first_row(con.execute(sql, [unit_list])) else ["province", "country"]
    below = (have["unit_list"] == unit_list) & ~have["level"].isin(top)
    return frozenset(have.loc[below, "indicator"])


def range_series(
    con,
    rev: int,
    *,
    indicators: Sequence[str],
    unit_list: str,
    regions: Sequence[str],
    start: date,
    end: date,
) -> pd.DataFrame:
    """Every value of the given units of one unit list for periods lying within [start, end].

    The one step that fetches a Trends view (indicators × regions × unit list × range); joining
    series across the 2025 reform replaces this function, not its callers.
    """
    where = "AND o.period_start >= $start AND o.period_end <= $end"
    sql = values_sql(rev, where, COUNTRY in regions)
    sql += " ORDER BY indicator, region, period_end, period_start"
    params = {
        "unit_list": unit_list,
        "indicators": list(indicators),
        "regions": list(regions),
        "start": start,
        "end": end,
    }
    return con.execute(sql, params).df()[RESOLVED_COLUMNS]


def units(con, unit_list: str) -> pd.DataFrame:
    """The units of one unit list with parents and centroid (for choices, names and maps),
    the country (a national install) first, then provinces, districts and communes; `national`
    marks the other provinces of the national level (nothing below them)."""
    return con.execute(
        "SELECT code, name, short_name, type, level, parent_code, province_code, district_code,"
        " lat, lon, COALESCE(national, false) AS national FROM regions WHERE unit_list = ?"
        " ORDER BY list_position(['country', 'province', 'district', 'commune'], level), code",
        [unit_list],
    ).df()


def data_span(con, rev: int) -> pd.DataFrame:
    """First and last day with data, per unit list and period kind (to offer period ranges)."""
    return con.execute(
        "SELECT unit_list, period_kind, min(period_start) AS first, max(period_end) AS last,"
        f" count(*) AS n FROM observations WHERE {as_of(rev)} GROUP BY ALL ORDER BY ALL"
    ).df()


def units_below(con, *, unit_list: str, parent: str, level: str) -> pd.DataFrame:
    """The units at `level` below `parent` (a province or an old district), with centroids."""
    return con.execute(
        "SELECT r.code AS region, r.name, r.short_name, r.type, r.level, r.parent_code,"
        " r.district_code, r.lat, r.lon"
        " FROM regions r JOIN region_ancestors a ON a.unit_list = r.unit_list AND a.code = r.code"
        " WHERE r.unit_list = ? AND a.ancestor = ? AND r.level = ? ORDER BY r.code",
        [unit_list, parent, level],
    ).df()


def values_below(
    con, rev: int, *, indicator: str, unit_list: str, parent: str, level: str
) -> pd.DataFrame:
    """Every period's value of the units at `level` below `parent` (long form, data only).

    One query per view (indicator × parent × level) serves the ranking, map and heatmap of
    every period, so changing the period does not read the store again.
    """
    codes = units_below(con, unit_list=unit_list, parent=parent, level=level)["region"].tolist()
    return resolved_values(con, rev, indicators=[indicator], unit_list=unit_list, regions=codes)


def periods_held(con, rev: int) -> pd.DataFrame:
    """The periods each indicator has values for, per unit list (to say what each era holds).

    One scan of the revision for every indicator, which the revision watcher makes: asked per
    indicator, it was a scan of the store's ten million rows at every Regions change (0.1 s).
    Columns: indicator, unit_list, period, period_kind, period_start, period_end; in that order.
    """
    return con.execute(
        "SELECT DISTINCT indicator, unit_list, period, period_kind, period_start, period_end"
        f" FROM observations WHERE {as_of(rev)} ORDER BY indicator, unit_list, period_end, period"
    ).df()
