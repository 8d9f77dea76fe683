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

import pandas as pd

from indicators.core.schema import (
    REFORM_COLUMNS,
    SOURCE_SEP,
    ratio,
    status_of_rank,
    status_rank,
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


def join_sources(group: pd.Series, sources: pd.Series) -> pd.Series:
    """Per group, its distinct sources ('A; B' strings split and joined again, sorted)."""
    parts = (
        pd.DataFrame({"g": group.to_numpy(), "s": sources.to_numpy()})
        .dropna()
        .assign(s=lambda d: d["s"].astype(str).str.split(SOURCE_SEP))
        .explode("s")
        .query("s != ''")
        .drop_duplicates()
        .sort_values(["g", "s"])
    )
    return parts.groupby("g")["s"].agg(SOURCE_SEP.join)


def combine(parts: pd.DataFrame, by: list[str], cat: pd.DataFrame) -> pd.DataFrame:
    """Parts weighted by `w` into one value per group: sums add, ratios add their components.

    A ratio part without both components is left out (as `read` leaves it out of an area's
    sum): it adds no value, status, source or coverage. Expects value, numerator, denominator,
    status, source, n_parts, w, whole; returns the group keys with value, numerator,
    denominator, status, source, n_parts, estimate.
    """
    p = parts.drop(columns=["code", "agg_region", "scale"], errors="ignore")
    p = p.merge(cat, left_on="indicator", right_on="code", how="left")
    has_nd = p["numerator"].notna() & p["denominator"].notna()
    out_of_sum = (p["agg_region"] == "ratio") & ~has_nd
    p = p.assign(
        vw=p["value"] * p["w"],
        nw=(p["numerator"] * p["w"]).where(has_nd),
        dw=(p["denominator"] * p["w"]).where(has_nd),
        has_nd=has_nd,
        srank=status_rank(p["status"]).where(~out_of_sum, 0),
        source=p["source"].where(~out_of_sum),
        n_parts=p["n_parts"].where(~out_of_sum, 0),
        apportioned=~p["whole"].astype(bool) & ~out_of_sum,
    )
    p["gid"] = p.groupby(by, dropna=False, sort=False).ngroup()
    g = p.groupby(by, as_index=False, dropna=False, sort=False)
    out = g.agg(
        gid=("gid", "first"),
        vw=("vw", "sum"),
        n_values=("vw", "count"),
        nw=("nw", "sum"),
        dw=("dw", "sum"),
        any_nd=("has_nd", "any"),
        srank=("srank", "max"),
        n_parts=("n_parts", "sum"),
        estimate=("apportioned", "any"),
        agg_region=("agg_region", "first"),
        scale=("scale", "first"),
    )
    out["source"] = out["gid"].map(join_sources(p["gid"], p["source"]))
    out["vw"] = out["vw"].where(out["n_values"] > 0)  # no value is not zero
    is_ratio = out["agg_region"] == "ratio"
    ok = is_ratio & out["any_nd"]
    out["value"] = out["vw"].where(~is_ratio, ratio(out["nw"], out["dw"], out["scale"]).where(ok))
    out["numerator"] = out["nw"].where(ok)
    out["denominator"] = out["dw"].where(ok)
    out["status"] = status_of_rank(out["srank"])
    return out[
        [*by, "value", "numerator", "denominator", "status", "source", "n_parts", "estimate"]
    ]


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
