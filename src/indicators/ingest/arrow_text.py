"""Text columns as pandas keeps a CSV's cells: Arrow-backed strings (pandas' `str` dtype).

A column worked out per distinct value (an indicator's code, a period's canonical form, a
unit's code) is built here as an Arrow `take` of its few distinct texts: C++ speed on a
million rows, where an object array of Python strings would be converted cell by cell when
the canonical frame is typed.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

# The dtype of pandas' own CSV reader with dtype=str: Arrow storage, NaN for a missing text
TEXT = pd.StringDtype("pyarrow", na_value=np.nan)


def text_series(values: pa.Array | pa.ChunkedArray, index: pd.Index | None = None) -> pd.Series:
    """An Arrow string array as a pandas text column (no copy)."""
    if isinstance(values, pa.Array):
        values = pa.chunked_array([values])
    if values.type != pa.large_string():
        values = values.cast(pa.large_string())
    return pd.Series(TEXT.__from_arrow__(values), index=index, copy=False)


def text_take(
    texts: list[str | None], codes: np.ndarray, index: pd.Index | None = None
) -> pd.Series:
    """`texts[codes[i]]` for every cell as a text column; a code of -1 gives None (missing)."""
    table = pa.array([*texts, None], type=pa.large_string())
    picks = np.where(codes < 0, len(texts), codes).astype(np.int64, copy=False)
    return text_series(table.take(pa.array(picks)), index)
