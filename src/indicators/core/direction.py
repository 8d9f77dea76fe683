"""Which way is better for an indicator: the one home of "higher is better".

Most indicators improve upwards (coverage, subscriptions per 100 people); some downwards (a rank,
the average service radius). Ranking units best first, saying who is behind an area, whether a
target is reached, how far along the way a value is and which end of a colour scale is good all
follow from `Indicator.higher_is_better` and are decided here, so no chart, caption or card can
disagree with another about it.
"""

from __future__ import annotations

import pandas as pd

from indicators.core.catalog import Indicator


def best_first(frame: pd.DataFrame, ind: Indicator, column: str = "value") -> pd.DataFrame:
    """The rows ordered from the best value to the worst."""
    return frame.sort_values(column, ascending=not ind.higher_is_better)


def worst_first(frame: pd.DataFrame, ind: Indicator, column: str = "value") -> pd.DataFrame:
    """The rows ordered from the worst value to the best."""
    return frame.sort_values(column, ascending=ind.higher_is_better)


def best_value(values: pd.Series, ind: Indicator) -> float:
    """The best of some values."""
    return values.max() if ind.higher_is_better else values.min()


def reaches(value: float, goal: float, ind: Indicator) -> bool:
    """Whether a value is at least as good as a goal (a target, or the path towards it)."""
    return value >= goal if ind.higher_is_better else value <= goal


def worse_than(values: pd.Series, reference: float, ind: Indicator) -> pd.Series:
    """Which values are strictly worse than a reference (e.g. the area the units make up)."""
    return values < reference if ind.higher_is_better else values > reference


def progress_towards(value: float, target: float, ind: Indicator) -> float | None:
    """How far a value has come towards a target, as a fraction (1 = reached; may exceed 1)."""
    if ind.higher_is_better:
        return value / target if target else None
    return target / value if value else None


def rising_is_good(ind: Indicator) -> bool:
    """Whether a rise is good news (a change is then shown green when positive)."""
    return ind.higher_is_better


def good_is_low(ind: Indicator) -> bool:
    """Whether low values are the good ones (a colour scale is then reversed)."""
    return not rising_is_good(ind)


def comparable_with_area(ind: Indicator) -> bool:
    """Whether a unit's value can be held against the value of the area the units make up: not
    for sums, where the area's figure is the total of its units and no level for one of them."""
    return ind.agg_region != "sum"
