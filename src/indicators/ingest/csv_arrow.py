"""A large CSV without quotes, read by pyarrow when its totals already show it is within limits.

Most big files are machine-written or saved by Excel with no cell that needs quoting: every
physical line is one record. For such a text three counts (lines, the first line's delimiters,
the longest cell) decide every limit of `core.limits.UploadLimits` at once, and pyarrow's C++
reader (threads, no Python per cell) parses its UTF-8 bytes in a fraction of a second into the
same cells pandas' parser gives. Anything it cannot vouch for — a quote, a ragged or
whitespace-only line, bytes that are not UTF-8, a cell not in NFC, a total beyond a limit, a
cell beyond the field limit — returns None, and `csv_guard`'s record-by-record scan decides as
before: it names the row of the first limit passed, so a refusal is worded exactly as it
always was. pyarrow never reads a text the limits refuse: rows and the first line's width are
counted before it starts, and a row wider than the first stops it.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from indicators.core.limits import UploadLimits
from indicators.ingest.arrow_text import TEXT

_FIRST_LINE = re.compile(rb"[\r\n]*([^\r\n]+)")  # blank lines above the first record skipped


def read_plain(
    data: bytes, start: int, delimiter: str, limits: UploadLimits, *, check_nfc: bool = True
) -> pd.DataFrame | None:
    """Every record of the UTF-8 text `data[start:]` as text cells (columns 0..width-1, blank
    lines as rows of ''), exactly as `reading` has pandas give them from the decoded text;
    None when the record-by-record way must decide.

    `check_nfc`: the bytes are a file's own, so a cell not in NFC (tone marks typed as
    combining characters) sends the file the way that normalises the whole text first.
    """
    if len(data) <= start or data.find(b'"', start) >= 0 or not _plain_delimiter(delimiter):
        return None
    first = _FIRST_LINE.match(data, start)
    if first is None:
        return None
    width = first.group(1).count(delimiter.encode()) + 1
    records = _records(data, start)
    if (
        width > limits.max_columns
        or records > limits.max_rows
        or records * width > limits.max_cells
    ):
        return None  # the scan names the row where the limit is passed
    table = _parse(memoryview(data)[start:], delimiter, width)
    if table is None or table.num_rows != records:
        return None
    if not all(_fits(col, limits.max_field_chars) for col in table.columns):
        return None
    if check_nfc and not all(_in_nfc(col) for col in table.columns):
        return None
    frame = table.to_pandas(types_mapper=lambda _: TEXT)
    frame.columns = pd.Index(range(width), dtype="int64")
    return frame


_DELIMITERS = frozenset(",;\t|")


def _plain_delimiter(delimiter: str) -> bool:
    """A delimiter pyarrow splits on as one byte and that no combining character composes
    with (Excel's 'sep=' line may name any character; 'sep==' would, with U+0338, make '≠'),
    so cells in NFC make a text in NFC."""
    return delimiter in _DELIMITERS


def _records(data: bytes, start: int) -> int:
    """Records of a quote-free text as the csv module counts them: lines ended by \\r\\n, \\r or
    \\n (blank ones included), and a last line without an end."""
    ends = data.count(b"\n", start)
    if data.find(b"\r", start) >= 0:
        ends += data.count(b"\r", start) - data.count(b"\r\n", start)
    return ends + (0 if data.endswith((b"\r", b"\n")) else 1)


def _parse(utf8: memoryview, delimiter: str, width: int) -> pa.Table | None:
    """All records as text columns, or None where a row is not `width` cells wide (pyarrow
    stops there) or the bytes are not UTF-8."""
    names = [str(j) for j in range(width)]
    try:
        return pacsv.read_csv(
            pa.py_buffer(utf8),
            read_options=pacsv.ReadOptions(column_names=names),
            parse_options=pacsv.ParseOptions(
                delimiter=delimiter,
                quote_char=False,
                double_quote=False,
                escape_char=False,
                newlines_in_values=False,
                ignore_empty_lines=False,
            ),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.large_string()),
                null_values=[],
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
                check_utf8=True,
            ),
        )
    except pa.ArrowInvalid:
        return None


def _fits(column: pa.ChunkedArray, limit: int) -> bool:
    """No cell longer than `limit` characters, as the csv module's field limit counts them:
    counted in bytes first (free from the offsets; never fewer than the characters)."""
    if int(pc.max(pc.binary_length(column)).as_py() or 0) <= limit:
        return True
    return int(pc.max(pc.utf8_length(column)).as_py() or 0) <= limit


def _in_nfc(column: pa.ChunkedArray) -> bool:
    """Every cell already in NFC, as `reading` normalises a text: an ASCII column is (its
    bytes looked at whole); another is checked once per distinct cell."""
    if all(_ascii(chunk) for chunk in column.chunks):
        return True
    return all(unicodedata.is_normalized("NFC", v) for v in pc.unique(column).to_pylist())


def _ascii(chunk: pa.Array) -> bool:
    """No byte of the chunk's text above 127 (its whole data buffer: a slice's neighbours
    may make it say no, never a wrong yes)."""
    data = chunk.buffers()[2]
    return data is None or not len(data) or int(np.frombuffer(data, dtype=np.uint8).max()) < 128
