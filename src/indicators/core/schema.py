"""The observation schema and the status vocabulary: one home for the words every layer uses.

An observation is one value of one indicator for one unit (of one unit list) and one period.
Statuses run from the strongest claim to the weakest; wherever values are combined (a sum over
communes, a roll-up over quarters, a conversion across the 2025 reform) the result carries the
weakest status of its parts, so an illustrative part is never hidden.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

STATUSES = ("published", "preliminary", "estimate", "illustrative")  # strongest first
ILLUSTRATIVE = STATUSES[-1]  # made-up figures: every chart that shows one says so
OBS_COLUMNS = [
    "indicator",
    "unit_list",
    "region",
    "period",
    "value",
    "numerator",
    "denominator",
    "status",
    "source",
    "note",
]
TARGET_COLUMNS = [
    "indicator",
    "unit_list",
    "region",
    "period",
    "value",
    "status",
    "source",
    "note",
]
KEY = ["indicator", "unit_list", "region", "period"]
PERIOD_COLUMNS = ["period_kind", "period_start", "period_end"]
# A series converted across the 2025 reform adds these (see `query.across_reform`).
REFORM_COLUMNS = ["converted", "estimate", "basis", "from_unit_list"]

SOURCE_SEP = "; "  # several sources of one combined value, in one cell


# -- statuses -------------------------------------------------------------------------------------


def status_rank(statuses: pd.Series) -> pd.Series:
    """Each status's place in `STATUSES` (0 = published; an unknown one counts as published)."""
    return statuses.map({s: i for i, s in enumerate(STATUSES)}).fillna(0).astype(int)


def status_of_rank(ranks: pd.Series) -> pd.Series:
    """The inverse of `status_rank`."""
    return ranks.map(dict(enumerate(STATUSES)))


def any_illustrative(statuses: pd.Series) -> bool:
    """Whether any of these values is illustrative (a chart showing it must say so)."""
    return bool(statuses.eq(ILLUSTRATIVE).any())


def weakest_status(statuses: Iterable[str]) -> str:
    """The weakest of some statuses: what a value combined from them can claim."""
    ranks = [STATUSES.index(s) if s in STATUSES else 0 for s in statuses]
    return STATUSES[max(ranks)] if ranks else STATUSES[0]


def status_rank_sql(column: str) -> str:
    """`status_rank` in SQL, for aggregations done in the database."""
    cases = " ".join(f"WHEN '{s}' THEN {i}" for i, s in enumerate(STATUSES) if i)
    return f"CASE {column} {cases} ELSE 0 END"


def rank_status_sql(column: str) -> str:
    """`status_of_rank` in SQL."""
    cases = " ".join(f"WHEN {i} THEN '{s}'" for i, s in enumerate(STATUSES) if i)
    return f"CASE {column} {cases} ELSE '{STATUSES[0]}' END"


# -- ratios: Σ numerator / Σ denominator, never an average of percentages --------------------------


def ratio(numerator, denominator, scale):
    """A ratio indicator's value from its (summed) components: numerator / denominator × scale
    (scale 100 for a percentage). Works on numbers, numpy arrays and pandas columns; a zero
    denominator gives no value (NaN) rather than infinity."""
    if isinstance(denominator, pd.Series):
        return (numerator / denominator * scale).where(denominator != 0)
    if isinstance(denominator, np.ndarray):
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(denominator != 0, numerator / denominator * scale, np.nan)
    return numerator / denominator * scale if denominator else float("nan")


def divided_sql(numerator: str, denominator: str, scale: str) -> str:
    """`ratio`'s arithmetic in SQL on components already summed (the caller guards a zero
    denominator)."""
    return f"{numerator} / {denominator} * {scale}"


def ratio_sql(numerator: str, denominator: str, scale: str, where: str | None = None) -> str:
    """`ratio` in SQL over summed parts. `where` selects the parts that are summed: those with
    both components (a part reported as a bare percentage is never added up, and summing the
    numerators of some parts over the denominators of others would be wrong)."""
    only = f" FILTER (WHERE {where})" if where else ""
    return divided_sql(f"sum({numerator}){only}", f"sum({denominator}){only}", scale)


def adds_up_sql(agg_region: str, numerator: str, denominator: str) -> str:
    """Whether a part adds up into its area, in SQL: any part of a sum; a part of a ratio only
    with both its numerator and denominator (`ratio_sql`'s `where`)."""
    both = f"{numerator} IS NOT NULL AND {denominator} IS NOT NULL"
    return f"({agg_region} <> 'ratio' OR ({both}))"


# -- sources ---------------------------------------------------------------------------------------


def join_sources(sources: Iterable[object]) -> str | None:
    """The distinct sources of some parts, in order of first appearance, one cell."""
    parts: list[str] = []
    for s in sources:
        if s is None or (isinstance(s, float) and s != s):  # missing
            continue
        for p in str(s).split(SOURCE_SEP):
            if p and p not in parts:
                parts.append(p)
    return SOURCE_SEP.join(parts) or None
