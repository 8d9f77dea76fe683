"""Files people open in a spreadsheet program: no cell from our data ever runs as a formula.

Excel, LibreOffice Calc and Google Sheets read a CSV cell that begins with `=`, `+`, `-` or `@`
as a formula, so a note such as `=HYPERLINK("https://evil.example")` typed into an upload would
run on the computer of whoever opens our download (OWASP, "CSV Injection",
https://owasp.org/www-community/attacks/CSV_Injection; ASVS 5.0 requirement 1.2.10). The rule,
here and nowhere else:

- A text cell that begins with `=`, `+`, `-`, `@`, tab (0x09), carriage return (0x0D), line
  feed (0x0A) or NUL (0x00) gets a single quote in front of it: `'=HYPERLINK(…)`, `'+1+1`,
  `'\\t=1`. Spreadsheets show such a cell as text. The first seven are the OWASP page's list
  (OWASP/www-community, pages/attacks/CSV_Injection.md, as read for issue 12); NUL is ASVS's.
- Except a real negative number (`NEGATIVE_NUMBER`): `-` then digits, written plainly (`-12`,
  `-12.5`, `-12,5`) or grouped in thousands the Vietnamese way (`-1.234`, `-1.234,5`) or the
  English way (`-1,234`, `-1,234.5`), optionally followed by `%`. Nothing else: no spaces, no
  exponent, no second sign, no other character, so `-1+1` or `-2+3*cmd|' /C calc'!A0` is not one.
  Every such string is a number `core.numbers.parse_number` reads, and none can call anything.
- Numbers, dates, booleans and missing values are not text and are written as they are, so a
  numeric column stays numeric. A cell already starting with `'` is left alone (the rule is
  idempotent).
- Cells are quoted as RFC 4180 says (sections 2.6 and 2.7, which ASVS 1.2.10 requires): a cell
  holding the separator, a double quote or a line break is wrapped in double quotes and its
  quotes doubled, so nothing inside a cell can start a new cell or row for a reader that
  splits on our separator (OWASP's examples: `=1+2";=1+2` is written `"'=1+2"";=1+2"`).
  Python's writer quotes only the line breaks of its own line terminator: a lone carriage
  return in `a\\r=1` would go out bare with "\\n" line ends, and Excel would start a new row
  at `=1`. So a CSV cell's line breaks are written as line feeds (`csv_cell`), which Excel
  also uses for a line break inside a cell, and are always quoted. (A program that splits
  our comma-separated file at another character, e.g. Excel set to ';', can still cut a cell
  there: this rule does not cover that case.)
- XLSX has no such trick to play: a text cell is written as a string cell (never a formula
  `<f>`, never an error value such as `#N/A`) and, where the rule above applies, carries
  Excel's own "quote prefix" flag instead of a visible apostrophe, so Excel shows the text as
  it was and keeps it text when someone edits the cell.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterable
from typing import Any, TextIO

import pandas as pd

PREFIX = "'"
TRIGGERS = frozenset("=+-@\t\r\n\0")
NEGATIVE_NUMBER = re.compile(
    r"-(?:"
    r"[0-9]+(?:[.,][0-9]+)?"  # -12, -12.5, -12,5
    r"|[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?"  # -1.234, -1.234,5
    r"|[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?"  # -1,234, -1,234.5
    r")%?"
)


def is_negative_number(text: str) -> bool:
    """True for a real negative number written as text (see the module's rule)."""
    return NEGATIVE_NUMBER.fullmatch(text) is not None


def needs_prefix(text: str) -> bool:
    """Whether a spreadsheet could read this text as a formula."""
    return text[:1] in TRIGGERS and not is_negative_number(text)


def safe_cell(value: Any) -> Any:
    """The value as it may go into a CSV cell: text that could start a formula gets a `'`."""
    if isinstance(value, str) and needs_prefix(value):
        return PREFIX + value
    return value


def csv_cell(value: Any) -> Any:
    """`safe_cell`, with the text's line breaks (CR LF, CR) as LF so the writer quotes them."""
    if isinstance(value, str) and "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return safe_cell(value)


def _is_text(column: pd.Series) -> bool:
    return not (
        pd.api.types.is_numeric_dtype(column.dtype)
        or pd.api.types.is_datetime64_any_dtype(column.dtype)
        or isinstance(column.dtype, pd.PeriodDtype)
    )


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy to write as CSV: headers and text cells through `csv_cell`, numeric, date and
    boolean columns untouched (numbers stay numbers)."""
    out = frame.copy(deep=False)
    out.columns = [csv_cell(c) for c in frame.columns]
    for i in range(frame.shape[1]):
        column = frame.iloc[:, i]
        if _is_text(column):
            out.isetitem(i, column.astype(object).map(csv_cell))
    return out


def write_csv(frame: pd.DataFrame, out: TextIO, **options: Any) -> None:
    """The frame as CSV into `out` (e.g. stdout), no index; `options` go to `DataFrame.to_csv`."""
    safe_frame(frame).to_csv(out, index=False, **options)


def to_csv_bytes(frame: pd.DataFrame, lineterminator: str = "\n") -> bytes:
    """The frame as a CSV file Excel opens with its diacritics: UTF-8 with a byte-order mark
    (without it Excel reads UTF-8 as the local code page and garbles ư, ệ, ỷ), no index."""
    text = safe_frame(frame).to_csv(index=False, lineterminator=lineterminator)
    return text.encode("utf-8-sig")


class _SafeWriter:
    """`csv.writer` whose cells go through `csv_cell`."""

    def __init__(self, out: TextIO, **options: Any) -> None:
        self._writer = csv.writer(out, **options)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([csv_cell(v) for v in row])


def csv_writer(out: TextIO, **options: Any) -> _SafeWriter:
    """Like `csv.writer(out, **options)` (RFC 4180 quoting), every cell through `csv_cell`."""
    return _SafeWriter(out, **options)


def xlsx_text(sheet: Any, text: str) -> Any:
    """An openpyxl cell for `sheet` holding `text` as a string cell, never a formula (openpyxl
    makes '=…' one) or an error value ('#N/A'), with Excel's quote prefix where the rule says.

    Characters XML 1.0 cannot hold (control characters other than tab and line breaks) would
    make openpyxl refuse the whole file; they are shown as U+FFFD instead.
    """
    # openpyxl is heavy (about 0.15 s to import), and core.problems imports this module:
    from openpyxl.cell import WriteOnlyCell  # only when an XLSX is written
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # likewise

    clean = ILLEGAL_CHARACTERS_RE.sub("\ufffd", text)
    cell = WriteOnlyCell(sheet, value=clean)  # fits a normal sheet's `append` as well
    cell.data_type = "s"
    cell.quotePrefix = needs_prefix(clean)
    return cell


def xlsx_row(sheet: Any, values: Iterable[Any]) -> list[Any]:
    """A row of data for openpyxl's `sheet.append`: numbers as numbers, missing values empty,
    every text a string cell (`xlsx_text`)."""
    # heavy (openpyxl, about 0.15 s to import), and core.problems imports this module
    from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE

    row: list[Any] = []
    for value in values:
        value = _plain(value)
        if isinstance(value, str) and (
            value[:1] in TRIGGERS or value in ERROR_CODES or ILLEGAL_CHARACTERS_RE.search(value)
        ):  # other text openpyxl writes as a string cell itself, 2.6 s -> 1.7 s for 160,000
            value = xlsx_text(sheet, value)
        row.append(value)
    return row


def _plain(value: Any) -> Any:
    """None for a missing value; a plain Python value for a numpy or pandas scalar."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    return value.item() if hasattr(value, "item") else value
