"""pandas frames turned into plain Python where code works row by row."""

from __future__ import annotations

import pandas as pd


def records(frame: pd.DataFrame) -> list[dict]:
    """`frame.to_dict("records")`: the same values of the same types, in a third to a half of
    the time. pandas boxes each cell on its own, while a column's `tolist` converts it at once
    (five national trends' rows: 5-21 ms with pandas, 3-7 ms this way)."""
    columns = list(frame.columns)
    cells = [frame[c].tolist() for c in columns]
    return [dict(zip(columns, row, strict=True)) for row in zip(*cells, strict=True)]
