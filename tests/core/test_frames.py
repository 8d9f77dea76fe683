"""`frames.records` gives what pandas' `to_dict("records")` gives, value for value and type
for type, for every kind of column a stored series has; `frames.sql` queries frames as
pandas holds them, one thread's frames never seen by another."""

import math
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from indicators.core.frames import records, sql


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


def test_sql_reads_frames_as_they_are_and_forgets_them():
    """Text, dates and gaps reach the query as pandas held them; a frame is not left behind
    for the next query of the thread (a stale one would answer it silently)."""
    frame = _series_like()
    got = sql(
        "SELECT indicator, period_end, value FROM f WHERE n_expected < 3 ORDER BY n_expected",
        f=frame,
    ).to_pylist()
    assert got[0]["indicator"] == "post_items" and got[0]["value"] == 1.5
    assert got[0]["period_end"] == datetime(2024, 1, 31)
    assert got[1]["value"] is None  # a gap stays a gap
    with pytest.raises(duckdb.CatalogException):
        sql("SELECT * FROM f")


def test_sql_answers_each_thread_from_its_own_frames():
    """Two sessions' queries at once, each over its own frame of the same name."""

    def total(n: int) -> float:
        frame = pd.DataFrame({"x": np.full(1000, float(n))})
        return sql("SELECT sum(x) AS s FROM t", t=frame).column("s")[0].as_py()

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(total, range(40))) == [1000.0 * n for n in range(40)]


def test_sql_that_fails_leaves_no_frame_behind():
    """A frame that cannot go over (mixed types) refuses the query, and the frames named
    before it are not left for the thread's next query."""
    good = pd.DataFrame({"x": [1]})
    mixed = pd.DataFrame({"y": pd.Series([1, "a"], dtype=object)})
    with pytest.raises((pa.ArrowInvalid, pa.ArrowTypeError)):
        sql("SELECT * FROM a, b", a=good, b=mixed)
    with pytest.raises(duckdb.CatalogException):
        sql("SELECT * FROM a")
