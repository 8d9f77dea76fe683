"""Reading an uploaded file as Excel saved it: bytes -> text cells under a header row.

Analysts' files come from Excel on Vietnamese Windows: CSV in UTF-8 with a BOM, UTF-16 ("Unicode
text", tab-separated) or Windows-1258 (tone marks as combining characters, ';' between cells,
decimal commas), or XLSX with title lines above the header. This module only finds the cells
and the header; what the cells mean is decided by `shapes` and `validate`. It never raises on a
bad file: what cannot be read becomes a Problem.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import PurePath

import numpy as np
import pandas as pd

from indicators.core.problems import Problem, rule_problem
from indicators.ingest.headers import header_score

HEADER_SCAN_ROWS = 30  # title lines above the header: yearbooks have up to a handful
DELIMITERS = (",", ";", "\t")
CSV_EXTENSIONS = (".csv", ".txt", ".tsv")
XLSX_EXTENSIONS = (".xlsx", ".xlsm")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Encodings a file from a Vietnamese office plausibly has when it is not UTF-8.
_CANDIDATES = ["cp1258", "cp1252", "utf_16", "utf_16_le", "utf_16_be"]
_ZIP, _OLE = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Detected:
    """What was found out about a file, for the report ('UTF-16, tab, header on row 3')."""

    kind: str = ""  # "csv" or "xlsx"
    size: int = 0
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    header_row: int | None = None  # file row number of the header
    decimal: str | None = None  # "," or "." once the numbers were looked at
    shape: str | None = None  # "long" or "wide"


@dataclass
class RawTable:
    """Text cells below the header. `cells` has positional columns 0..n-1 (headers can repeat
    or be blank); `header` holds their texts; `rows` the file row number of each cell row."""

    cells: pd.DataFrame
    header: list[str]
    rows: np.ndarray
    detected: Detected
    problems: list[Problem] = field(default_factory=list)
    # XLSX: True where the cell held a number (its text is Python's, decimal point); None for CSV
    typed: pd.DataFrame | None = None

    @property
    def readable(self) -> bool:
        return not any(p.is_error for p in self.problems)


def _failed(detected: Detected, problem: Problem) -> RawTable:
    return RawTable(pd.DataFrame(), [], np.array([], dtype=int), detected, [problem])


def read_table(data: bytes, file_name: str, *, max_bytes: int | None = None) -> RawTable:
    """Find the table in an uploaded file; Problems (never exceptions) when it cannot."""
    size = len(data)
    ext = PurePath(file_name or "").suffix.lower()
    det = Detected(size=size)
    if max_bytes is not None and size > max_bytes:
        mb = _mb(size)
        return _failed(det, rule_problem("file_too_big", size=mb, limit=_mb(max_bytes)))
    if size == 0 or not data.strip(b" \t\r\n\x00"):
        return _failed(det, rule_problem("file_empty"))
    if data.startswith(_OLE) or ext == ".xls":
        return _failed(det, rule_problem("file_xls"))
    if data.startswith(_ZIP) or ext in XLSX_EXTENSIONS:
        return _read_xlsx(data, Detected(kind="xlsx", size=size))
    if ext and ext not in CSV_EXTENSIONS:
        return _failed(det, rule_problem("file_type", ext=ext))
    return _read_csv(data, Detected(kind="csv", size=size))


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f}".rstrip("0").rstrip(".")


# --- CSV ---------------------------------------------------------------------------------------


def decode(data: bytes) -> tuple[str | None, str | None]:
    """(text in NFC, encoding name), or (None, None) when the bytes are not text.

    BOMs decide first; then strict UTF-8 (which plain ASCII also is); UTF-16 without a BOM
    shows as NUL bytes; anything else is left to charset-normalizer among the encodings
    Vietnamese offices use.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return _nfc(data.decode(enc)), enc
            except UnicodeDecodeError:
                return None, None
    text = enc = None
    if b"\x00" in data[:4096]:
        odd = data[1:4096:2].count(0)
        even = data[0:4096:2].count(0)
        enc = "utf-16-le" if odd > even else "utf-16-be"
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            return None, None
    else:
        try:
            text, enc = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            # an optional library, loaded only for a file that is not UTF-8
            from charset_normalizer import from_bytes

            best = from_bytes(data, cp_isolation=_CANDIDATES).best()
            if best is None:
                return None, None
            enc = _prefer_cp1258(data, best.encoding)
            try:
                text = data.decode(enc)
            except (UnicodeDecodeError, LookupError):
                return None, None
    if len(_CONTROL.findall(text[:20000])) > max(2, len(text[:20000]) // 200):
        return None, None  # bytes that happen to decode, not a table someone typed
    return _nfc(text), enc


def _prefer_cp1258(data: bytes, enc: str) -> str:
    """cp1252 shares cp1258's letters but not its tone marks: 'Sơn' would read as 'Sõn'.

    A file that decodes both ways came from Vietnamese Windows; only bytes cp1258 lacks
    (e.g. 'Š') keep a file in cp1252.
    """
    if codecs.lookup(enc).name != "cp1252":
        return enc
    try:
        data.decode("cp1258")
    except UnicodeDecodeError:
        return enc
    return "cp1258"


def _nfc(text: str) -> str:
    """Windows-1258 keeps tone marks as combining characters; names are matched in NFC."""
    return unicodedata.normalize("NFC", text)


def _sniff(lines: list[str]) -> tuple[str, list[list[str]]]:
    """The delimiter under which some line reads as the best header; ties go to consistency."""
    best: tuple[tuple[int, int, int], str, list[list[str]]] | None = None
    for rank, delim in enumerate(DELIMITERS):
        rows = list(csv.reader(lines, delimiter=delim))
        score = max((header_score([c.strip() for c in r]) for r in rows), default=0)
        widths = [len(r) for r in rows if any(c.strip() for c in r)]
        common = max(widths.count(w) for w in set(widths)) if widths else 0
        multi = common if widths and max(widths) > 1 else 0
        key = (score, multi, -rank)
        if best is None or key > best[0]:
            best = (key, delim, rows)
    assert best is not None
    return best[1], best[2]


def _read_csv(data: bytes, det: Detected) -> RawTable:
    text, enc = decode(data)
    if text is None:
        probe = data[:4096]
        binary = b"\x00" in probe or len(_CONTROL.findall(probe.decode("latin-1"))) > 8
        return _failed(det, rule_problem("file_binary" if binary else "file_encoding"))
    det = Detected(kind="csv", size=det.size, encoding=enc)
    if "\x00" in text:
        return _failed(det, rule_problem("file_binary"))
    text = text.lstrip("\ufeff")
    m = re.match(r"sep=(.)\r?\n", text)  # Excel's own delimiter hint; Excel hides this line
    forced = m.group(1) if m else None
    if m:
        text = text[m.end() :]
    sample = _head_lines(text)
    if forced:
        delim, head_rows = forced, list(csv.reader(sample, delimiter=forced))
    else:
        delim, head_rows = _sniff(sample)
    det = Detected(kind="csv", size=det.size, encoding=enc, delimiter=delim)
    if _find_header(head_rows) is None:
        return _failed(det, rule_problem("no_header"))
    try:
        table = _parse_csv(text, delim, max(len(r) for r in head_rows))
    except csv.Error as exc:
        return _failed(det, rule_problem("file_unreadable", error=str(exc)))
    # the header is found again on the parsed records, so row numbers are the parser's
    head = [list(r) for r in table.head(HEADER_SCAN_ROWS).itertuples(index=False)]
    header_at = _find_header(head)
    if header_at is None:
        return _failed(det, rule_problem("no_header"))
    return _table(table, header_at, det)


def _head_lines(text: str) -> list[str]:
    """The first lines as csv and pandas split them (\r, \n or \r\n; not form feeds)."""
    return re.split(r"\r\n|\r|\n", text[:200_000])[:HEADER_SCAN_ROWS]


def _parse_csv(text: str, delim: str, width: int) -> pd.DataFrame:
    """All records as text; pandas' C parser first, Python's csv module for ragged files."""
    try:
        df = pd.read_csv(
            io.StringIO(text),
            sep=delim,
            header=None,
            names=range(max(width, 1)),
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=False,  # a record is a row Excel shows: numbers stay right
            engine="c",
        )
        return df.fillna("")
    except (pd.errors.ParserError, ValueError, OverflowError):
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim, strict=True))
        width = max((len(r) for r in rows), default=1)
        return pd.DataFrame([r + [""] * (width - len(r)) for r in rows], dtype=str).fillna("")


def _find_header(rows: list[list[str]]) -> int | None:
    """Index of the first row that reads as a header (title lines above it are skipped)."""
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        if header_score([str(c).strip() for c in row]) >= 2:
            return i
    return None


def _table(
    table: pd.DataFrame, header_at: int, det: Detected, typed: pd.DataFrame | None = None
) -> RawTable:
    """Split a whole sheet into header and body, keeping file row numbers (1-based)."""
    header = [str(c).strip() for c in table.iloc[header_at]]
    body = table.iloc[header_at + 1 :]
    rows = np.arange(header_at + 2, header_at + 2 + len(body))
    stripped = body.apply(lambda col: col.str.strip())
    filled = stripped.ne("").any(axis=1).to_numpy()
    cells = stripped[filled].reset_index(drop=True)
    cells.columns = range(cells.shape[1])
    if typed is not None:
        typed = typed.iloc[header_at + 1 :][filled].reset_index(drop=True)
        typed.columns = range(typed.shape[1])
    det = Detected(**{**det.__dict__, "header_row": header_at + 1})
    return RawTable(cells, header, rows[filled], det, typed=typed)


# --- XLSX --------------------------------------------------------------------------------------


def _read_xlsx(data: bytes, det: Detected) -> RawTable:
    import openpyxl  # heavy (about 0.15 s to import), and needed only for an XLSX file

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError, IndexError) as exc:
        return _failed(det, rule_problem("file_unreadable", error=_short(exc)))
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
        return _failed(det, rule_problem("file_unreadable", error=_short(exc)))
    try:
        first: tuple[str, pd.DataFrame] | None = None
        found: RawTable | None = None
        skipped: list[str] = []  # sheets with data that are not the table read
        for ws in wb.worksheets:
            if found is not None:
                if _has_data(ws):
                    skipped.append(ws.title)
                continue
            table, typed = _sheet_table(ws)
            first = first or (ws.title, table)
            head = [list(r) for r in table.head(HEADER_SCAN_ROWS).itertuples(index=False)]
            at = _find_header(head)
            if at is not None:
                sheet_det = Detected(kind="xlsx", size=det.size, sheet=ws.title)
                found = _table(table, at, sheet_det, typed)
            elif table.ne("").any(axis=None):
                skipped.append(ws.title)
    except Exception as exc:  # a damaged sheet part surfaces only while reading rows
        return _failed(det, rule_problem("file_unreadable", error=_short(exc)))
    finally:
        wb.close()
    if found is not None:
        read = found.detected.sheet
        found.problems += [
            rule_problem("sheet_ignored", None, None, name, severity="note", sheet=name, read=read)
            for name in skipped
        ]
        return found
    sheet = first[0] if first else None
    return _failed(Detected(kind="xlsx", size=det.size, sheet=sheet), rule_problem("no_header"))


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
    table = pd.DataFrame([r[:width] + [""] * (width - len(r)) for r in rows], dtype=str)
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
    return _nfc(str(v)).strip()


def _float_text(x: float) -> str:
    """Full precision with a decimal point and no exponent ('1e-05' is not how people write)."""
    if not np.isfinite(x):
        return repr(x)
    if x.is_integer() and abs(x) < 1e15:
        return str(int(x))
    x = round(x, 12) if abs(x) < 1e15 else x
    return np.format_float_positional(x, trim="-")
