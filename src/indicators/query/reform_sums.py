"""How old units' values add up into a new unit across the 1 July 2025 reform.

The arithmetic shared by the two paths of the conversion (`query.across_reform`: new communes
from old communes and districts; `query.province_merger`: new provinces from the old provinces
they joined): sums add, ratios add their numerators and denominators and divide (never an
average of percentages), a ratio part without both components adds nothing and does not count
as covered, the status is the weakest part's, the sources are joined. Which indicators are
converted at all is decided above (`across_reform.is_convertible`); these functions take that
list as `cat` (code, agg_region, scale).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.core import frames
from indicators.core.schema import (
    REFORM_COLUMNS,
    SOURCE_SEP,
    adds_up_sql,
    divided_sql,
    rank_status_sql,
    status_rank_sql,
)
from indicators.geography.crosswalk import BASIS_ONE_TO_ONE
from indicators.geography.units import LEGACY, NEW, REFORM_DATE
from indicators.query import read

SERIES_COLUMNS = [*read.RESOLVED_COLUMNS, *REFORM_COLUMNS]
PERIOD_KEYS = ["indicator", "period", "period_kind", "period_start", "period_end"]
Wanted = frozenset[str] | None  # the units a conversion is asked for (None: every unit)
# An old unit's value as a part of a new one: what `combine` reads.
PART_COLUMNS = [
    "old_code", *PERIOD_KEYS, "value", "numerator", "denominator", "status", "source",
    "n_parts", "n_expected", "origin",
]  # fmt: skip


# How parts add up into one value per group, in SQL (`combine`; `frames.sql` runs it). A part
# adds up (`adds`) unless it is a ratio's part without both components; such a part adds no
# value, status, source or coverage. Sums are compensated (`fsum`), as pandas' are: over every
# commune of three indicators (686,205 parts) 0.2% of the values differ from pandas' in their
# last bit (2e-16 relative at most), a plain `sum` three times as many. A group is known by
# its first part's row (`_first`): groups come out in the order pandas' `groupby(sort=False)`
# gave them.
_COMBINE_SQL = """
WITH p AS (
    SELECT f.*, c.agg_region, c.scale,
           f.numerator IS NOT NULL AND f.denominator IS NOT NULL AS has_nd,
           {adds} AS adds
    FROM parts f LEFT JOIN cat c ON c.code = f.indicator
),
sources AS (
    SELECT {keys}, string_agg(DISTINCT s, '{sep}' ORDER BY s) AS source
    FROM (SELECT {keys}, unnest(string_split(source, '{sep}')) AS s FROM p WHERE adds)
    WHERE s <> '' GROUP BY ALL
),
sums AS (
    SELECT {keys}, min(_i) AS _first, fsum(value * w) AS vw,
           fsum(numerator * w) FILTER (WHERE has_nd) AS nw,
           fsum(denominator * w) FILTER (WHERE has_nd) AS dw,
           bool_or(has_nd) AS any_nd,
           max(CASE WHEN adds THEN {rank} ELSE 0 END) AS srank,
           coalesce(sum(n_parts) FILTER (WHERE adds), 0) AS n_parts,
           coalesce(bool_or(adds AND NOT whole), false) AS estimate,
           coalesce(any_value(agg_region) = 'ratio', false) AS is_ratio,
           any_value(scale) AS scale
    FROM p GROUP BY ALL
)
SELECT s._first,
       CASE WHEN NOT s.is_ratio THEN s.vw
            WHEN s.any_nd AND s.dw <> 0 THEN {divided} END AS value,
       CASE WHEN s.is_ratio AND s.any_nd THEN s.nw END AS numerator,
       CASE WHEN s.is_ratio AND s.any_nd THEN s.dw END AS denominator,
       {status} AS status, o.source, s.n_parts, s.estimate
FROM sums s LEFT JOIN sources o ON {same_keys}
ORDER BY s._first
"""
_PART_INPUTS = ["value", "numerator", "denominator", "status", "source", "n_parts", "w", "whole"]


def combine(parts: pd.DataFrame, by: list[str], cat: pd.DataFrame) -> pd.DataFrame:
    """Parts weighted by `w` into one value per group of `by`: sums add, ratios add their
    components, the status is the weakest part's, the distinct sources are joined (sorted).

    A ratio part without both components is left out (as `read` leaves it out of an area's
    sum): it adds no value, status, source or coverage. Expects value, numerator, denominator,
    status, source, n_parts, a finite weight `w` and `whole`; `by` holds `indicator` (a group
    is one indicator's: its rule and scale). Returns the group keys (as typed in `parts`, in
    order of first appearance) with value, numerator, denominator, status, source, n_parts
    (typed as given), estimate. One SQL query: a new commune's 400 parts took pandas 110-190
    ms, this 45-60 ms (measured side by side on the national bench store).
    """
    inputs = parts[list(dict.fromkeys([*by, "indicator", *_PART_INPUTS]))].assign(
        _i=np.arange(len(parts)),
        whole=parts["whole"].astype(bool),
        status=parts["status"].astype("string"),  # text to SQL, even a column of gaps only
        source=parts["source"].astype("string"),
    )
    query = _COMBINE_SQL.format(
        keys=", ".join(f'"{k}"' for k in by),
        same_keys=" AND ".join(f's."{k}" IS NOT DISTINCT FROM o."{k}"' for k in by),
        sep=SOURCE_SEP,
        # a part of an indicator the catalog does not know adds up, as in pandas before
        adds=adds_up_sql("coalesce(c.agg_region, '')", "f.numerator", "f.denominator"),
        divided=divided_sql("s.nw", "s.dw", "s.scale"),
        rank=status_rank_sql("status"),
        status=rank_status_sql("s.srank"),
    )
    got = frames.sql(query, parts=inputs, cat=cat[["code", "agg_region", "scale"]])
    out = parts[by].iloc[got["_first"].to_numpy()].reset_index(drop=True)
    for name in ("value", "numerator", "denominator"):
        out[name] = got[name].to_numpy(zero_copy_only=False).astype("float64")
    for name in ("status", "source"):  # text, missing as NaN, whatever the parts held
        out[name] = pd.Series(got[name].to_pylist(), dtype="str")
    out["n_parts"] = got["n_parts"].to_numpy(zero_copy_only=False).astype(parts["n_parts"].dtype)
    out["estimate"] = got["estimate"].to_numpy(zero_copy_only=False).astype(bool)
    return out


def usable(rows: pd.DataFrame) -> pd.Series:
    """Rows that can be added up: a ratio with both components, anything else with a value."""
    is_ratio = rows["agg_region"] == "ratio"
    return (is_ratio & rows["numerator"].notna() & rows["denominator"].notna()) | (
        ~is_ratio & rows["value"].notna()
    )


def old_parts(
    con, rev: int, cat: pd.DataFrame, codes: list[str], under: pd.DataFrame
) -> pd.DataFrame:
    """The values of old units `codes` for periods before the reform, as parts of new units.

    Each is the unit's value as `read` resolves it (reported, else aggregated from below). A
    ratio reported on a province or district without numerator and denominator (a published
    percentage) is replaced by the sum of its communes' components (`under`: old_code, code
    of a commune below it), which is then an aggregated value covering those communes. The
    communes are read only for such values: at national scale they are millions of rows that
    the common case (units reported with their components, or summed in SQL) never needs.
    Columns: `PART_COLUMNS` plus agg_region.
    """
    if not codes:  # nothing to read (a conversion asked for units no old unit goes into)
        return pd.DataFrame(columns=[*PART_COLUMNS, "agg_region"])
    own = _before_reform(con, rev, cat, sorted(set(codes)))
    if own.empty:
        return pd.DataFrame(columns=[*PART_COLUMNS, "agg_region"])
    own = own.rename(columns={"region": "old_code"})
    missing = own[(own["agg_region"] == "ratio") & ~usable(own)]
    if not missing.empty:  # only then the communes below, of only those indicators and periods
        below = under[under["old_code"].isin(set(missing["old_code"]))]
        vals = _before_reform(
            con,
            rev,
            cat[cat["code"].isin(set(missing["indicator"]))],
            sorted(set(below["code"])),
            periods=sorted(set(missing["period"])),
        )
        sub = below.merge(vals.rename(columns={"region": "code"}), on="code")
        sub = sub.merge(missing[["old_code", *PERIOD_KEYS]], on=["old_code", *PERIOD_KEYS])
        sub = combine(sub.assign(w=1.0, whole=True), ["old_code", *PERIOD_KEYS], cat)
        sub = sub.drop(columns="estimate").assign(
            origin="aggregated",
            n_expected=lambda d: d["old_code"].map(under.groupby("old_code").size()),
            agg_region=lambda d: d["indicator"].map(cat.set_index("code")["agg_region"]),
        )
        own = pd.concat([own[~own.index.isin(missing.index)], sub], ignore_index=True)
    return own[[*PART_COLUMNS, "agg_region"]].reset_index(drop=True)


def _before_reform(
    con, rev: int, cat: pd.DataFrame, regions: list[str], periods: list[str] | None = None
) -> pd.DataFrame:
    """The old units' resolved values (`read.resolved_values`) of periods ending before the
    reform, with each indicator's agg_region."""
    vals = read.resolved_values(
        con, rev, indicators=cat["code"].tolist(), unit_list=LEGACY, regions=regions,
        periods=periods,
    )  # fmt: skip
    vals = vals[vals["period_end"] < pd.Timestamp(REFORM_DATE)]
    return vals.merge(cat[["code", "agg_region"]], left_on="indicator", right_on="code").drop(
        columns="code"
    )


def onto_old(con, rev: int, cat: pd.DataFrame, pairs: pd.DataFrame) -> pd.DataFrame:
    """New units' values on the old units each exactly is (`pairs`: new_code, old_code), for
    both paths: a commune that stayed whole, a province that was not merged."""
    if pairs.empty:
        return pd.DataFrame(columns=SERIES_COLUMNS)
    vals = read.resolved_values(
        con, rev, indicators=cat["code"].tolist(), unit_list=NEW, regions=pairs["new_code"].tolist()
    )
    vals = vals.merge(pairs[["new_code", "old_code"]], left_on="region", right_on="new_code")
    return vals.assign(
        region=vals["old_code"],
        unit_list=LEGACY,
        origin="converted",
        converted=True,
        estimate=False,
        basis=BASIS_ONE_TO_ONE,
        from_unit_list=NEW,
    )[SERIES_COLUMNS]
