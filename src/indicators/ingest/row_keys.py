"""Each row's observation key — indicator, unit (with its unit list), period — as small integers.

`validate` finds the three while it reads the columns (a code per distinct indicator text, per
unit group, per period text); the checks that compare rows use them: the same key twice
(`value_checks.check_duplicates`) and a unit's value in the previous period, in the file or in
the store (`value_checks.warn_jumps`). A million rows are compared as integers, not texts.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from indicators.ingest.distinct import Distinct, combine, first_rows, row_ids


@dataclass(frozen=True)
class RowKeys:
    """`indicator.uniques` are canonical codes ('' where unresolved), `unit.uniques` pairs
    (unit list, unit code; '' where unresolved), `period.uniques` canonical period codes."""

    indicator: Distinct
    unit: Distinct
    period: Distinct

    def ids(self) -> np.ndarray:
        """One integer per row for its whole key (equal keys, equal ids), below 4 × rows
        + 1024 (a mixed-radix number of the three codes where that is small, else compacted)."""
        ids = combine([self.indicator.codes, self.unit.codes, self.period.codes], compact=False)
        if len(ids) and int(ids.max()) >= 4 * len(ids) + 1024:
            ids, _ = pd.factorize(ids)
        return ids


def codes_in(series: pd.Series, space: dict[Hashable, int]) -> np.ndarray:
    """Another frame's column as codes of `space` (value -> code), which grows by the values it
    lacks: the store's rows coded as the file's are, to be compared with them."""
    col = Distinct(series)
    ids = [space.setdefault(value, len(space)) for value in col.uniques]
    return np.asarray([*ids, -1], dtype=np.int64)[col.codes]


def pair_codes_in(first: pd.Series, second: pd.Series, space: dict[Hashable, int]) -> np.ndarray:
    """`codes_in` for pairs of values (a unit list and a unit code)."""
    ids = row_ids([first, second])
    rows = first_rows(ids)
    pairs = zip(first.take(rows).tolist(), second.take(rows).tolist(), strict=True)
    codes = [space.setdefault(pair, len(space)) for pair in pairs]
    return np.asarray(codes, dtype=np.int64)[ids]


def space_of(column: Distinct) -> dict[Hashable, int]:
    """A coded column's values -> their codes, for `codes_in`."""
    return {value: k for k, value in enumerate(column.uniques)}
