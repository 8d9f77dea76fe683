"""Checks a published table allows: its total row against the sum of its parts, and its
growth index against the values it derives from. Both are warnings naming the two numbers:
yearbooks sometimes print a total that is not the sum of the districts, and the analyst should
see it before the figures are stored, not find it in a briefing."""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.core.catalog import Catalog
from indicators.core.numbers import format_number
from indicators.core.periods import PeriodError, parse_period
from indicators.core.problems import Problem
from indicators.ingest.mapping import halves
from indicators.ingest.published import UNITS, Published, problem
from indicators.ingest.recipe import Recipe
from indicators.ingest.unitmatch import is_total

GROWTH_TOLERANCE = 0.15  # index points: a printed index has one or two decimals


def cross_checks(
    pub: Published, vals: pd.DataFrame, recipe: Recipe, catalog: Catalog
) -> list[Problem]:
    """Warnings for totals and growth indices that disagree with the table's own values.

    `vals` is the table's values with `value` read as exact number texts."""
    nums = pd.to_numeric(vals["value"], errors="coerce")
    vals = vals.assign(num=nums)
    probs = _totals(pub, vals, recipe, catalog) if pub.rows_are == UNITS else []
    return probs + _growth(pub, vals)


def _totals(pub: Published, vals: pd.DataFrame, recipe: Recipe, catalog: Catalog) -> list:
    """Per series and period: the total row against the sum of the other rows (counts only)."""
    probs = []
    totals = {a: any(is_total(p) for p in halves(a)) for a in pd.unique(vals["area"])}
    total = vals["area"].map(totals)
    for (key, period), g in vals.groupby(["series", "period"], sort=False):
        ind = catalog.get(recipe.series.get(key, ""))
        if ind is None or ind.agg_region != "sum":
            continue
        tot, parts = g[total.loc[g.index]], g[~total.loc[g.index]]
        if not period:
            continue
        if len(tot) != 1 or parts["num"].isna().any() or tot["num"].isna().any():
            continue
        printed, summed = float(tot["num"].iat[0]), float(parts["num"].sum())
        if abs(printed - summed) > 0.5 * 10 ** (-ind.decimals):
            label = next(x.label for x in pub.series if x.key == key)
            shown = (printed, summed, period, ind.decimals)
            probs.append(_warn("total_differs", tot, g, label, *shown))
    return probs


def _growth(pub: Published, vals: pd.DataFrame) -> list[Problem]:
    """Each growth index against 100 × value ÷ the previous period's value of the series with
    the same label in the table's other block."""
    probs = []
    base = {(s.label, s.part): s.key for s in pub.series if not s.growth}
    for s in pub.series:
        source = base.get((s.label, s.part)) if s.growth else None
        if source is None:
            continue
        values = vals[vals["series"].eq(source)].set_index(["period", "area"])["num"]
        for row in vals[vals["series"].eq(s.key)].itertuples(index=False):
            prev = _previous(row.period)
            now, before = values.get((row.period, row.area)), values.get((prev, row.area))
            if now is None or before is None or not before or np.isnan(row.num):
                continue
            computed = 100 * float(now) / float(before)
            if abs(computed - row.num) > GROWTH_TOLERANCE:
                shown = {"printed": format_number(row.num, "vi", 2),
                         "computed": format_number(computed, "vi", 2),
                         "period": row.period}  # fmt: skip
                probs.append(
                    problem(
                        "growth_differs", row.row, s.label, row.text, severity="warning", **shown
                    )
                )
    return probs


def _previous(period: str) -> str | None:
    try:
        return parse_period(period).previous().code
    except PeriodError:
        return None


def _warn(rule, tot, g, label, printed, summed, period, decimals) -> Problem:
    row = tot.iloc[0]
    shown = {
        "printed": format_number(printed, "vi", decimals),
        "summed": format_number(summed, "vi", decimals),
        "period": period,
        "units": len(g) - 1,
    }
    return problem(rule, int(row["row"]), label, row["text"], severity="warning", **shown)
