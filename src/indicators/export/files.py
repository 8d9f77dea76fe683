"""Tables as files people download: CSV that Excel opens with its diacritics, and XLSX.

Frames in, bytes out, no UI. CSV is UTF-8 with a byte-order mark (without it Excel reads
UTF-8 as the local code page and garbles ư, ệ, ỷ), comma-separated, with a decimal point so
that any program reads the numbers; XLSX keeps numbers as numbers. Both follow
`core.spreadsheet`: no cell from the data can run as a formula in the reader's spreadsheet.
"""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from indicators.core.spreadsheet import to_csv_bytes, xlsx_row, xlsx_text

MAX_WIDTH = 60  # characters; longer text wraps in Excel's cell on demand


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """The frame as CSV, UTF-8 with BOM, no index; text that could start a formula gets a `'`."""
    return to_csv_bytes(frame)


def _sheet_name(name: str) -> str:
    """Excel refuses sheet names over 31 characters or with []:*?/\\ in them."""
    clean = "".join("_" if c in "[]:*?/\\" else c for c in name).strip() or "Sheet1"
    return clean[:31]


def xlsx_bytes(frame: pd.DataFrame, sheet: str = "Sheet1") -> bytes:
    """The frame as one XLSX sheet: bold frozen header, filters, columns sized to content.

    Written in openpyxl's streaming mode: a 20,000-row table takes seconds, not tens.
    """
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(_sheet_name(sheet))
    ws.freeze_panes = "A2"
    for i, col in enumerate(frame.columns, start=1):
        sample = frame[col].head(500).astype(str).str.len().tolist()
        width = max([len(str(col)), *sample])
        ws.column_dimensions[get_column_letter(i)].width = min(width + 2, MAX_WIDTH)
    if len(frame.columns):
        last = get_column_letter(len(frame.columns))
        ws.auto_filter.ref = f"A1:{last}{len(frame) + 1}"
    head = [xlsx_text(ws, str(col)) for col in frame.columns]
    for cell in head:
        cell.font = Font(bold=True)
    ws.append(head)
    for row in frame.itertuples(index=False, name=None):
        ws.append(xlsx_row(ws, row))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
