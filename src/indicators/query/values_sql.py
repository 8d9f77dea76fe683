"""The SQL that resolves a unit's value bottom-up, as `query.read` states the rules: what a unit
reported, else the sum of the units below it (districts from communes, provinces from districts
or communes, the country from its provinces); counts add, ratios add numerator and denominator
and divide, indexes and ranks do not aggregate. `values_sql` writes the query `read` runs.

Only the rows of the wanted units and of the units below them are read (`scope`): a trend of
one province and one commune reads that province, not the country's ten million rows.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from indicators.core.schema import (
    KEY,
    OBS_COLUMNS,
    PERIOD_COLUMNS,
    SOURCE_SEP,
    adds_up_sql,
    rank_status_sql,
    ratio_sql,
    status_rank_sql,
)
from indicators.core.settings import COUNTRY
from indicators.store.tables import as_of

# An observation's columns with its period's dates, how the value was obtained (`origin`:
# reported or aggregated) and how many commune-level units it covers of how many.
RESOLVED_COLUMNS = [
    *KEY,
    *PERIOD_COLUMNS,
    *OBS_COLUMNS[len(KEY) :],
    "origin",
    "n_parts",
    "n_expected",
]

# A part that adds up into its area: any part of a sum; a part of a ratio only with both its
# numerator and denominator (`p` a part, `c` its catalog row).
_ADDS_UP = adds_up_sql("c.agg_region", "p.numerator", "p.denominator")

# How parts combine into an area's value; used for district from communes and province from
# districts (or from communes where there are no districts). A ratio is computed from the parts
# that have both components; the others do not weaken its status, add their source or count as
# covered, so an area with some of them reads as partial (n_parts < n_expected).
_COMBINE = f"""
    CASE any_value(c.agg_region)
        WHEN 'sum' THEN sum(p.value)
        WHEN 'ratio' THEN CASE WHEN sum(p.denominator) FILTER (WHERE {_ADDS_UP}) <> 0
            THEN {ratio_sql("p.numerator", "p.denominator", "any_value(c.scale)", _ADDS_UP)} END
    END AS value,
    CASE WHEN any_value(c.agg_region) = 'ratio'
         THEN sum(p.numerator) FILTER (WHERE {_ADDS_UP}) END AS numerator,
    CASE WHEN any_value(c.agg_region) = 'ratio'
         THEN sum(p.denominator) FILTER (WHERE {_ADDS_UP}) END AS denominator,
    coalesce(max(p.srank) FILTER (WHERE {_ADDS_UP}), 0) AS srank,
    string_agg(DISTINCT p.source, '{SOURCE_SEP}') FILTER (WHERE {_ADDS_UP}) AS source,
    coalesce(sum(p.covered) FILTER (WHERE {_ADDS_UP}), 0) AS covered
"""

_VALUES_SQL = """
WITH units AS (SELECT * FROM regions WHERE unit_list = $unit_list),
-- The wanted units and every unit below them: only their rows can make a wanted value.
scope AS (
    SELECT code FROM region_ancestors
    WHERE unit_list = $unit_list AND list_contains($regions, ancestor)
    UNION SELECT unnest($regions)
),
communes_under AS (
    SELECT a.ancestor AS code, count(*) AS n
    FROM region_ancestors a JOIN units u ON u.code = a.code
    WHERE a.unit_list = $unit_list AND (u.level = 'commune' OR u.national) GROUP BY ALL
),
obs AS (
    SELECT o.*, u.level, u.district_code, u.province_code,
           {status_rank} AS srank,
           CASE WHEN u.level = 'commune' THEN 1 ELSE coalesce(cu.n, 1) END AS covered
    FROM observations o
    JOIN units u ON u.code = o.region
    LEFT JOIN communes_under cu ON cu.code = o.region
    WHERE {asof} AND o.unit_list = $unit_list AND list_contains($indicators, o.indicator)
      {period_filter}{scope_filter}
),
-- Districts: what the district reported, else the sum of its communes (also where it reported
-- a ratio without parts: the province adds up its communes instead, never the bare figure).
district_agg AS (
    SELECT p.indicator, p.district_code AS region, p.period,
           any_value(p.period_kind) AS period_kind, any_value(p.period_start) AS period_start,
           any_value(p.period_end) AS period_end, {combine}
    FROM obs p JOIN catalog c ON c.code = p.indicator
    WHERE p.level = 'commune' AND p.district_code IS NOT NULL AND c.agg_region <> 'none'
    GROUP BY p.indicator, p.district_code, p.period
),
district_eff AS (
    SELECT indicator, region, period, period_kind, period_start, period_end, value, numerator,
           denominator, srank, source, covered, province_code, 'reported' AS origin
    FROM obs WHERE level = 'district'
    UNION ALL
    SELECT a.indicator, a.region, a.period, a.period_kind, a.period_start, a.period_end,
           a.value, a.numerator, a.denominator, a.srank, a.source, a.covered, u.province_code,
           'aggregated'
    FROM district_agg a JOIN units u ON u.code = a.region
    WHERE NOT EXISTS (SELECT 1 FROM obs p JOIN catalog c ON c.code = p.indicator
                      WHERE p.level = 'district' AND p.region = a.region
                      AND p.indicator = a.indicator AND p.period = a.period AND {adds_up})
),
-- Provinces: the sum of their districts (as above), or of their communes where the unit
-- list has no districts.
province_parts AS (
    SELECT indicator, province_code, period, period_kind, period_start, period_end, value,
           numerator, denominator, srank, source, covered
    FROM district_eff
    UNION ALL
    SELECT indicator, province_code, period, period_kind, period_start, period_end, value,
           numerator, denominator, srank, source, covered
    FROM obs WHERE level = 'commune' AND district_code IS NULL
),
province_agg AS (
    SELECT p.indicator, p.province_code AS region, p.period,
           any_value(p.period_kind) AS period_kind, any_value(p.period_start) AS period_start,
           any_value(p.period_end) AS period_end, {combine}
    FROM province_parts p JOIN catalog c ON c.code = p.indicator
    WHERE c.agg_region <> 'none'
    GROUP BY p.indicator, p.province_code, p.period
),{country}
aggregated AS (
    SELECT indicator, region, period, period_kind, period_start, period_end, value, numerator,
           denominator, srank, source, covered FROM district_agg
    UNION ALL
    SELECT indicator, region, period, period_kind, period_start, period_end, value, numerator,
           denominator, srank, source, covered FROM province_agg{country_union}
),
wanted AS (SELECT unnest($regions) AS code)
SELECT o.indicator, $unit_list AS unit_list, o.region, o.period, o.period_kind, o.period_start,
       o.period_end, o.value, o.numerator, o.denominator, o.status, o.source, o.note,
       'reported' AS origin, o.covered AS n_parts, o.covered AS n_expected
FROM obs o JOIN wanted w ON o.region = w.code
UNION ALL
SELECT a.indicator, $unit_list, a.region, a.period, a.period_kind, a.period_start, a.period_end,
       a.value, a.numerator, a.denominator, {rank_status} AS status, a.source, NULL AS note,
       'aggregated', a.covered, cu.n
FROM aggregated a
JOIN wanted w ON a.region = w.code
JOIN communes_under cu ON cu.code = a.region
WHERE NOT EXISTS (SELECT 1 FROM obs r WHERE r.region = a.region AND r.indicator = a.indicator
                  AND r.period = a.period)
"""


# The country (only when asked for): the sum of its provinces, each as reported with its parts,
# else as its districts or communes add up (a province with nothing below it covers one unit).
_COUNTRY_SQL = """
province_eff AS (
    SELECT indicator, region, period, period_kind, period_start, period_end, value, numerator,
           denominator, srank, source, covered FROM obs WHERE level = 'province'
    UNION ALL
    SELECT a.* FROM province_agg a
    WHERE NOT EXISTS (SELECT 1 FROM obs p JOIN catalog c ON c.code = p.indicator
                      WHERE p.level = 'province' AND p.region = a.region
                      AND p.indicator = a.indicator AND p.period = a.period AND {adds_up})
),
country_agg AS (
    SELECT p.indicator, u.parent_code AS region, p.period,
           any_value(p.period_kind) AS period_kind, any_value(p.period_start) AS period_start,
           any_value(p.period_end) AS period_end, {combine}
    FROM province_eff p JOIN units u ON u.code = p.region JOIN catalog c ON c.code = p.indicator
    WHERE u.parent_code IS NOT NULL AND c.agg_region <> 'none'
    GROUP BY p.indicator, u.parent_code, p.period
),"""


def values_sql(rev: int, period_filter: str, country: bool = False) -> str:
    return _VALUES_SQL.format(
        country=_COUNTRY_SQL.format(combine=_COMBINE, adds_up=_ADDS_UP) if country else "",
        country_union="\n    UNION ALL SELECT * FROM country_agg" if country else "",
        asof=as_of(rev, "o"),
        period_filter=period_filter,
        # the country is every unit: nothing to narrow (its own rows are in `obs` as well)
        scope_filter="" if country else "\n      AND o.region IN (SELECT code FROM scope)",
        status_rank=status_rank_sql("o.status"),
        rank_status=rank_status_sql("a.srank"),
        combine=_COMBINE,
        adds_up=_ADDS_UP,
    )


def _asked(
    indicators: Sequence[str],
    unit_list: str,
    regions: Sequence[str],
    periods: Sequence[str] | None,
    kinds: Sequence[str] | None,
) -> tuple[str, dict]:
    """A question's period filter (on observations `o`) and its parameters, for both readers
    below: only `periods`, or periods of `kinds` (year, quarter, …), when given."""
    params = {"unit_list": unit_list, "indicators": list(indicators), "regions": list(regions)}
    where = ""
    if periods is not None:
        where += " AND list_contains($periods, o.period)"
        params["periods"] = list(periods)
    if kinds is not None:
        where += " AND list_contains($kinds, o.period_kind)"
        params["kinds"] = list(kinds)
    return where, params


def resolve(
    con,
    rev: int,
    *,
    indicators: Sequence[str],
    unit_list: str,
    regions: Sequence[str],
    periods: Sequence[str] | None = None,
    kinds: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Run `values_sql` for units of one unit list, narrowed as `_asked` says. A period's
    value is made of that period's parts alone, so the others are never read (monthly rows at
    national scale are most of the store)."""
    where, params = _asked(indicators, unit_list, regions, periods, kinds)
    sql = values_sql(rev, where, COUNTRY in regions)
    sql += " ORDER BY indicator, region, period_end, period_start"
    return con.execute(sql, params).df()[RESOLVED_COLUMNS]


def reported(
    con,
    rev: int,
    *,
    indicators: Sequence[str],
    unit_list: str,
    regions: Sequence[str],
    periods: Sequence[str] | None = None,
    kinds: Sequence[str] | None = None,
) -> pd.DataFrame:
    """What `resolve` gives for units with nothing below them (communes): their rows as
    reported, each covering itself, read without the joins that add areas up (a third of the
    time at national scale). Typed as `resolve` types them (its counts are sums: HUGEINT)."""
    where, params = _asked(indicators, unit_list, regions, periods, kinds)
    sql = (
        "SELECT o.indicator, o.unit_list, o.region, o.period, o.period_kind, o.period_start,"
        " o.period_end, o.value, o.numerator, o.denominator, o.status, o.source, o.note,"
        " 'reported' AS origin, 1::HUGEINT AS n_parts, 1::BIGINT AS n_expected"
        f" FROM observations o WHERE {as_of(rev, 'o')} AND o.unit_list = $unit_list"
        " AND list_contains($indicators, o.indicator) AND list_contains($regions, o.region)"
        f"{where} ORDER BY o.indicator, o.region, o.period_end, o.period_start"
    )
    return con.execute(sql, params).df()[RESOLVED_COLUMNS]
