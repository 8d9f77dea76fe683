"""Work done once per distinct value of a column, not once per cell.

Files repeat their codes, names and periods a lot: a million-row column holds a few hundred
distinct values, so a Python function (a catalog look-up, a period parser) stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd


def lookup(series: pd.Series, table: Mapping | Callable, default=None) -> np.ndarray:
    """Look each cell up once per distinct value.

    `table` is a dict or a function of the value; the result is an object array, `default`
    where the look-up gave None.
    """
    codes, uniques = pd.factorize(series)
    get = table.get if isinstance(table, Mapping) else table
    found = [get(u) for u in uniques]
    vals = np.empty(len(found) + 1, dtype=object)
    vals[:-1] = [default if v is None else v for v in found]
    vals[-1] = default
    return vals[codes]


def map_distinct(series: pd.Series, func: Callable) -> pd.Series:
    """A function applied once per distinct value, as a Series (None where it gave None)."""
    return pd.Series(lookup(series, func), index=series.index, dtype=object)
