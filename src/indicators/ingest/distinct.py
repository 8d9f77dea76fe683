"""Work done once per distinct value of a column, not once per cell.

Files repeat their codes, names and periods a lot: a million-row column holds a few hundred
distinct values, so a Python function (a catalog look-up, a period parser) stays cheap. The
answers go back to every cell with one numpy or Arrow `take`, and rows are compared (the
same key twice, a join) by small integers rather than by their texts.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping

import numpy as np
import pandas as pd

from indicators.ingest.arrow_text import text_take


class Distinct:
    """A column's distinct values (`uniques`, in order of first appearance) and each cell's
    position among them (`codes`, -1 for a missing cell): `pandas.factorize`, done once for
    all the look-ups a column needs."""

    def __init__(self, series: pd.Series):
        codes, uniques = pd.factorize(series)
        self.codes: np.ndarray = codes.astype(np.int64, copy=False)
        self.uniques: list = list(uniques)
        self.index = series.index

    @classmethod
    def of_codes(cls, codes: np.ndarray, uniques: list, index: pd.Index) -> Distinct:
        """A column already coded: `uniques[codes[i]]` is cell i (-1: missing)."""
        made = cls.__new__(cls)
        made.codes, made.uniques, made.index = codes, uniques, index
        return made

    def answers(self, table: Mapping | Callable) -> list:
        """The look-up (a dict or a function of the value) of each distinct value."""
        get = table.get if isinstance(table, Mapping) else table
        return [get(u) for u in self.uniques]

    def spread(self, found: list, default=None, dtype=object) -> np.ndarray:
        """Per-distinct answers spread to every cell, `default` where an answer is None (and
        for a missing cell), as a numpy array of `dtype`."""
        vals = np.empty(len(found) + 1, dtype=dtype)
        vals[:-1] = [default if v is None else v for v in found]
        vals[-1] = default
        return vals[self.codes]

    def spread_text(self, found: list, default: str | None = "") -> pd.Series:
        """Per-distinct texts spread to every cell as a text column (pandas' `str` dtype),
        `default` where an answer is None (and for a missing cell)."""
        texts = [default if v is None else v for v in found]
        codes = np.where(self.codes < 0, len(texts), self.codes)
        return text_take([*texts, default], codes, self.index)

    def lookup(self, table: Mapping | Callable, default=None, dtype=object) -> np.ndarray:
        """`spread` of the `answers`."""
        return self.spread(self.answers(table), default, dtype)

    def text(self, table: Mapping | Callable, default: str | None = "") -> pd.Series:
        """`spread_text` of the `answers`."""
        return self.spread_text(self.answers(table), default)

    def regroup(self, found: list[Hashable]) -> Distinct:
        """The column as per-distinct answers: cells whose values gave one answer share a
        code ('Năm 2020' and '2020' are one period). A missing cell stays missing."""
        position: dict[Hashable, int] = {}
        ids = [position.setdefault(answer, len(position)) for answer in found]
        codes = np.asarray([*ids, -1], dtype=np.int64)[self.codes]
        return Distinct.of_codes(codes, list(position), self.index)


def lookup(series: pd.Series, table: Mapping | Callable, default=None, dtype=object) -> np.ndarray:
    """Look each cell up once per distinct value.

    `table` is a dict or a function of the value; the result is an array of `dtype` (object
    unless asked), `default` where the look-up gave None.
    """
    return Distinct(series).lookup(table, default, dtype)


_MIXED_MAX = 2**62  # combined codes stay below this (int64), else they are compacted first


def combine(codes: list[np.ndarray], compact: bool = True) -> np.ndarray:
    """One integer per row for its combination of codes (equal combinations, equal ids).
    Codes may be -1 (missing): missing equals missing.

    Compact ids count up from 0 in order of first appearance (one factorization at the end);
    otherwise they are the mixed-radix number of the codes, compacted only where it would pass
    the int64 range."""
    ids = np.zeros(len(codes[0]) if codes else 0, dtype=np.int64)
    bound = 1
    for part in codes:
        shifted = part.astype(np.int64, copy=False) + 1
        width = int(shifted.max()) + 1 if len(shifted) else 1
        if bound * width >= _MIXED_MAX:
            ids, _ = pd.factorize(ids)
            bound = int(ids.max()) + 1 if len(ids) else 1
        ids = ids * width + shifted
        bound *= width
    if compact:
        ids, _ = pd.factorize(ids)
    return ids.astype(np.int64, copy=False)


def row_ids(columns: list[pd.Series]) -> np.ndarray:
    """One integer per row naming its combination of values in `columns` (`combine` of each
    column's codes): the key of a duplicate check or a join, without a tuple or a joined text
    per row. Missing values are equal to each other, as in pandas."""
    return combine([Distinct(col).codes for col in columns])


def first_rows(ids: np.ndarray) -> np.ndarray:
    """The position of the first row of each id (ids counting up from 0 in order of first
    appearance, as `combine` gives them)."""
    if not len(ids):
        return np.empty(0, dtype=np.int64)
    seen = np.maximum.accumulate(ids)  # a row is first when its id passes all before it
    return np.flatnonzero(np.concatenate([[True], seen[1:] > seen[:-1]]))
