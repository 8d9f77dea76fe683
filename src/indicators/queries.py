"""Questions the pages ask, answered in DuckDB.

A unit's value for a period is what was reported for that unit, or else the aggregate of its
most detailed reported sub-units: counts and amounts add up; ratios add numerators and
denominators and divide (never an average of percentages); indexes and ranks do not aggregate.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

from .config import RegionRef
from .store import as_of

STATUS_RANK = (
    "CASE {s} WHEN 'illustrative' THEN 3 WHEN 'estimate' THEN 2 "
    "WHEN 'preliminary' THEN 1 ELSE 0 END"
)
RANK_STATUS = (
    "CASE {r} WHEN 3 THEN 'illustrative' WHEN 2 THEN 'estimate' "
    "WHEN 1 THEN 'preliminary' ELSE 'published' END"
)

RESOLVED_COLUMNS = [
    "indicator", "unit_list", "region", "period", "period_kind", "period_start", "period_end",
    "value", "numerator", "denominator", "status", "source", "note", "origin", "n_parts",
    "n_expected",
]  # fmt: skip

_VALUES_SQL = """
WITH obs AS (
    SELECT * FROM observations o
    WHERE {asof} AND o.unit_list = $unit_list AND list_contains($indicators, o.indicator)
      {period_filter}
),
wanted AS (SELECT unnest($regions) AS code),
direct AS (
    SELECT o.indicator, o.unit_list, o.region, o.period, o.period_kind, o.period_start,
           o.period_end, o.value, o.numerator, o.denominator, o.status, o.source, o.note,
           'reported' AS origin, 1 AS n_parts, 1 AS n_expected
    FROM obs o JOIN wanted w ON o.region = w.code
),
parts AS (
    SELECT o.*, a.ancestor, a.depth
    FROM obs o
    JOIN region_ancestors a ON a.unit_list = o.unit_list AND a.code = o.region
    JOIN wanted w ON a.ancestor = w.code
    QUALIFY a.depth = max(a.depth) OVER (PARTITION BY o.indicator, a.ancestor, o.period)
),
expected AS (
    SELECT ancestor, depth, count(*) AS n FROM region_ancestors
    WHERE unit_list = $unit_list GROUP BY ALL
),
agg AS (
    SELECT p.indicator, p.unit_list, p.ancestor AS region, p.period,
           any_value(p.period_kind) AS period_kind, any_value(p.period_start) AS period_start,
           any_value(p.period_end) AS period_end,
           CASE any_value(c.agg_region)
               WHEN 'sum' THEN sum(p.value)
               WHEN 'ratio' THEN CASE WHEN count(p.numerator) = count(*)
                                       AND count(p.denominator) = count(*)
                                       AND sum(p.denominator) <> 0
                                  THEN sum(p.numerator) / sum(p.denominator) * any_value(c.scale)
                             END
           END AS value,
           CASE WHEN any_value(c.agg_region) = 'ratio' THEN sum(p.numerator) END AS numerator,
           CASE WHEN any_value(c.agg_region) = 'ratio' THEN sum(p.denominator) END
               AS denominator,
           {rank_status} AS status,
           string_agg(DISTINCT p.source, '; ') AS source,
           NULL AS note,
           'aggregated' AS origin,
           count(*) AS n_parts,
           any_value(e.n) AS n_expected
    FROM parts p
    JOIN catalog c ON c.code = p.indicator
    JOIN expected e ON e.ancestor = p.ancestor AND e.depth = p.depth
    WHERE c.agg_region <> 'none'
    GROUP BY p.indicator, p.unit_list, p.ancestor, p.period
)
SELECT * FROM direct
UNION ALL
SELECT * FROM agg a
WHERE NOT EXISTS (
    SELECT 1 FROM direct d
    WHERE d.indicator = a.indicator AND d.region = a.region AND d.period = a.period
)
"""


def resolved_values(
    con,
    rev: int,
    *,
    indicators: Sequence[str],
    unit_list: str,
    regions: Sequence[str],
    periods: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Values for units of one unit list: reported where reported, else aggregated."""
    period_filter = "AND list_contains($periods, o.period)" if periods is not None else ""
    sql = _VALUES_SQL.format(
        asof=as_of(rev, "o"),
        period_filter=period_filter,
        rank_status=RANK_STATUS.format(r="max(" + STATUS_RANK.format(s="p.status") + ")"),
    )
    params = {"unit_list": unit_list, "indicators": list(indicators), "regions": list(regions)}
    if periods is not None:
        params["periods"] = list(periods)
    sql += " ORDER BY indicator, region, period_end, period_start"
    return con.execute(sql, params).df()[RESOLVED_COLUMNS]


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
    """Per indicator, the most recent value of one unit (reported or aggregated)."""
    inner = _VALUES_SQL.format(
        asof=as_of(rev, "o"),
        period_filter="AND o.period_kind = $kind AND o.period_end <= $up_to",
        rank_status=RANK_STATUS.format(r="max(" + STATUS_RANK.format(s="p.status") + ")"),
    )
    sql = (
        f"SELECT * FROM ({inner}) v WHERE v.value IS NOT NULL"
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
            resolved_values(con, rev, indicators=indicators, unit_list=unit_list, regions=codes)
        )
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=RESOLVED_COLUMNS)
    if kinds is not None:
        out = out[out["period_kind"].isin(list(kinds))]
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


def regions(con, unit_list: str | None = None) -> pd.DataFrame:
    where = "WHERE unit_list = ?" if unit_list else ""
    return con.execute(
        f"SELECT * FROM regions {where} ORDER BY unit_list, level, code",
        [unit_list] if unit_list else [],
    ).df()


def periods(con, rev: int, indicators: Sequence[str] | None = None) -> pd.DataFrame:
    """The periods that have data, newest last."""
    cond = "AND list_contains(?, indicator)" if indicators else ""
    return con.execute(
        "SELECT DISTINCT period, period_kind, period_start, period_end FROM observations"
        f" WHERE {as_of(rev)} {cond} ORDER BY period_end, period_start",
        [list(indicators)] if indicators else [],
    ).df()
