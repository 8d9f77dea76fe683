"""`frames.records` gives what pandas' `to_dict("records")` gives, value for value and type
for type, for every kind of column a stored series has."""

import math

import numpy as np
import pandas as pd

from indicators.core.frames import records


def _series_like() -> pd.DataFrame:
    """The column types of a resolved series (text, dates, floats with gaps, counts, flags,
    object columns holding None), with missing values in each."""
    return pd.DataFrame(
        {
            "indicator": pd.Series(["post_items", "post_items", None], dtype="str"),
            "period": ["2024-01", "2024-02", "2024-03"],
            "period_end": pd.to_datetime(["2024-01-31", "2024-02-29", None]),
            "value": [1.5, np.nan, 3.0],
            "n_expected": np.array([1, 2, 3], dtype="int64"),
            "converted": [True, False, True],
            "basis": pd.Series([None, "whole", None], dtype=object),
        }
    )


def _same(a: object, b: object) -> bool:
    if isinstance(a, float) and math.isnan(a):
        return isinstance(b, float) and math.isnan(b)
    return type(a) is type(b) and (a is b or a == b)


def test_records_match_pandas_value_for_value_and_type_for_type() -> None:
    frame = _series_like()
    want, got = frame.to_dict("records"), records(frame)
    assert len(got) == len(want) == 3
    for w, g in zip(want, got, strict=True):
        assert list(g) == list(w)
        assert all(_same(w[k], g[k]) for k in w), (w, g)


def test_records_of_an_empty_frame_are_an_empty_list() -> None:
    assert records(_series_like().iloc[0:0]) == []
