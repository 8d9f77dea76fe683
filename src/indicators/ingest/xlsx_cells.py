"""An XLSX workbook as text cells: the sheet with the table, read as Excel shows it.

`xlsx_guard.check_xlsx` has checked the zip and streamed every sheet before openpyxl opens
the file, so what openpyxl reads is within the limits. openpyxl reads it in read-only mode with
each sheet's declared dimension reset: rows are as long as their last cell and gaps are empty,
never padded to what `<dimension>` claims. openpyxl parses through defusedxml (a dependency),
which refuses DTDs a second time.
"""

from __future__ import annotations

import io
import re
from datetime import date, datetime, time

import numpy as np
import pandas as pd

from indicators.core.limits import UploadLimits
from indicators.core.problems import rule_problem
from indicators.ingest.arrow_text import TEXT
from indicators.ingest.limit_checks import Refused
from indicators.ingest.raw_table import Detected, Grid, expand_merged, failed_grid, nfc
from indicators.ingest.xlsx_guard import check_xlsx


def read_xlsx(data: bytes, det: Detected, limits: UploadLimits) -> Grid:
    """The first sheet that has our header row, else the first sheet with data (a published
    table); merged cells expanded; a note for each other sheet with data."""
    try:
        merges = check_xlsx(data, limits)
    except Refused as refused:
        return failed_grid(det, refused.problem)
    import openpyxl  # heavy (about 0.15 s to import), and needed only for an XLSX file

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
        return failed_grid(det, rule_problem("file_unreadable", error=_short(exc)))
    try:
        found, first, skipped = _choose_sheet(wb, det, merges)
    except Exception as exc:  # a damaged sheet part surfaces only while reading rows
        return failed_grid(det, rule_problem("file_unreadable", error=_short(exc)))
    finally:
        wb.close()
    grid = found or first
    if grid is None:
        return failed_grid(det, rule_problem("no_header"))
    read = grid.detected.sheet
    grid.problems += [
        rule_problem("sheet_ignored", None, None, name, severity="note", sheet=name, read=read)
        for name in skipped
        if name != read
    ]
    return grid


def _choose_sheet(
    wb, det: Detected, merges: dict[str, list[str]]
) -> tuple[Grid | None, Grid | None, list[str]]:
    """(the first sheet with our header row, the first sheet with data, every sheet with data
    that is not the one with the header). Sheets after the header's are only tested for data."""
    found: Grid | None = None
    first: Grid | None = None
    skipped: list[str] = []
    for ws in wb.worksheets:
        ws.reset_dimensions()  # the declared size is never trusted: no row is padded to it
        if found is not None:
            if _has_data(ws):
                skipped.append(ws.title)
            continue
        table, typed = _sheet_table(ws)
        if not table.ne("").any(axis=None):
            continue
        # openpyxl names a read-only sheet's part only in this attribute; the guard keyed the
        # merged ranges by part (tests/ingest/test_published_reading.py checks they expand)
        ranges = [_range(r) for r in merges.get(getattr(ws, "_worksheet_path", ""), [])]
        ranges = [r for r in ranges if r is not None]
        grid = Grid(
            expand_merged(table, ranges),
            Detected(kind="xlsx", size=det.size, sheet=ws.title),
            typed,
            ranges,
        )
        if grid.header_at() is not None:
            found = grid
        else:
            first = first or grid
            skipped.append(ws.title)
    return found, first, skipped


_RANGE = re.compile(r"([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})")


def _range(ref: str) -> tuple[int, int, int, int] | None:
    """'B3:C4' -> (2, 1, 3, 2): 0-based rows and columns, inclusive."""
    m = _RANGE.fullmatch(ref.upper())
    if not m:
        return None
    c0, r0, c1, r1 = m.groups()
    return int(r0) - 1, _col(c0) - 1, int(r1) - 1, _col(c1) - 1


def _col(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _has_data(ws) -> bool:
    """Whether a sheet holds any value (stops at the first one: sheets can be large)."""
    return any(
        v is not None and str(v).strip() for row in ws.iter_rows(values_only=True) for v in row
    )


def _short(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:200]


def _sheet_table(ws) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A worksheet as text cells, one row per sheet row from row 1 (gaps kept), and a mask of
    the cells that held numbers: those need no guessing of the decimal mark."""
    rows, kinds = [], []
    for row in ws.iter_rows():
        rows.append([_cell_text(c) for c in row])
        kinds.append([_is_number(getattr(c, "value", None)) for c in row])
    width = max((_last_filled(r) for r in rows), default=0)
    table = pd.DataFrame([r[:width] + [""] * (width - len(r)) for r in rows], dtype=TEXT)
    typed = pd.DataFrame([k[:width] + [False] * (width - len(k)) for k in kinds], dtype=bool)
    return table.fillna(""), typed.reindex(columns=table.columns, fill_value=False)


def _is_number(v) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def is_percent_format(number_format: str | None) -> bool:
    """Excel scales by 100 only for a bare '%': not '0.0"%"', '0.0\\%' or a '[Red]' tag."""
    return "%" in _QUOTED.sub("", number_format or "")


def _last_filled(row: list[str]) -> int:
    for i in range(len(row) - 1, -1, -1):
        if row[i] != "":
            return i + 1
    return 0


def _cell_text(cell) -> str:
    """What the analyst sees in the cell, as text; numbers keep full precision."""
    v = getattr(cell, "value", None)
    if v is None:
        return ""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if _is_number(v):
        if is_percent_format(getattr(cell, "number_format", None)):
            return _float_text(float(v) * 100) + "%"  # Excel stores 99,2% as 0.992, 100% as 1
        return str(v) if isinstance(v, int) else _float_text(v)
    if isinstance(v, datetime | date):
        # Excel turns a typed '06/2020' into 1 June 2020: give the month back.
        if isinstance(v, datetime) and v.time() != time(0):
            return v.isoformat(sep=" ")
        return f"{v.month:02d}/{v.year}" if v.day == 1 else f"{v.day:02d}/{v.month:02d}/{v.year}"
    return nfc(str(v)).strip()


def _float_text(x: float) -> str:
    """Full precision with a decimal point and no exponent ('1e-05' is not how people write)."""
    if not np.isfinite(x):
        return repr(x)
    if x.is_integer() and abs(x) < 1e15:
        return str(int(x))
    x = round(x, 12) if abs(x) < 1e15 else x
    return np.format_float_positional(x, trim="-")
