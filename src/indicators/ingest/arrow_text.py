"""Text columns as ingest keeps a file's cells: Arrow-backed strings (`str`, Arrow storage).

A column worked out per distinct value (an indicator's code, a period's canonical form, a
unit's code) is built here as an Arrow `take` of its few distinct texts: C++ speed on a
million rows, where an object array of Python strings would be converted cell by cell when
the canonical frame is typed.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

# Arrow-backed text, NaN for a missing text: what ingest names wherever a column is as long as
# the file (elsewhere the package keeps Python strings, `indicators/__init__.py`), since on a
# million cells pyarrow's vectorised string functions are 4x faster than a loop per cell.
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


def may_have_spaces(column: pd.Series) -> bool:
    """Whether some cell may start or end with whitespace (what `.str.strip()` removes).

    False only for an Arrow text column whose every byte is printable ASCII above the space
    (codes, numbers, dates: most columns of a large file), read from its buffers without a
    pass per cell; the strip, which copies every cell, is then left out.
    """
    texts = _text_bytes(column)
    return texts is None or any(
        len(t) and (int(t.min()) <= 0x20 or int(t.max()) >= 0x7F) for t in texts
    )


def may_contain(column: pd.Series, char: str) -> bool:
    """Whether some cell may hold the ASCII `char` (False: no byte of the column is it)."""
    texts = _text_bytes(column)
    return texts is None or any(bool((t == ord(char)).any()) for t in texts)


def _text_bytes(column: pd.Series) -> list[np.ndarray] | None:
    """The UTF-8 bytes of an Arrow text column's cells, a block per chunk, as its buffers hold
    them (no copy); None for a column of another kind."""
    if not isinstance(column.dtype, pd.StringDtype) or column.dtype.storage != "pyarrow":
        return None
    values = pa.array(column)  # the column's own Arrow data, no copy
    texts = []
    for chunk in values.chunks if isinstance(values, pa.ChunkedArray) else [values]:
        if chunk.type != pa.large_string():
            return None
        offsets, data = chunk.buffers()[1:3]
        if offsets is None or data is None or not len(chunk):
            continue
        bounds = np.frombuffer(offsets, dtype=np.int64)[[chunk.offset, chunk.offset + len(chunk)]]
        texts.append(np.frombuffer(data, dtype=np.uint8)[bounds[0] : bounds[1]])
    return texts
