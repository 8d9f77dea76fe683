"""Reading an uploaded file as Excel saved it: bytes -> text cells under a header row.

Analysts' files come from Excel on Vietnamese Windows: CSV in UTF-8 with a BOM, UTF-16 ("Unicode
text", tab-separated) or Windows-1258 (tone marks as combining characters, ';' between cells,
decimal commas), or XLSX with title lines above the header. This module only finds the cells
and the header; what the cells mean is decided by `shapes` and `validate`. It never raises on a
bad file: what cannot be read becomes a Problem, and a file that passes a limit of
`core.limits.UploadLimits` is refused while it is read (`csv_guard`, `xlsx_guard`).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from pathlib import PurePath

import pandas as pd

from indicators.core.limits import DEFAULT_LIMITS, UploadLimits
from indicators.core.problems import rule_problem
from indicators.ingest.arrow_text import TEXT
from indicators.ingest.csv_arrow import read_plain
from indicators.ingest.csv_guard import field_limit, scan_csv, strict_rows
from indicators.ingest.headers import header_score
from indicators.ingest.limit_checks import Refused
from indicators.ingest.raw_table import (
    HEADER_SCAN_ROWS,
    Detected,
    Grid,
    RawTable,
    failed_grid,
    nfc,
)
from indicators.ingest.xlsx_cells import read_xlsx

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
_CONTENT = re.compile(rb"[^ \t\r\n\x00]")  # a byte that is not blank: found at once, no copy
_SNIFF_LINE = 20_000  # characters of a line the delimiter is guessed from: headers are short
_HEAD_CHARS = 200_000  # characters of the text's start the lines to sniff are taken from
_HEAD_BYTES = 4 * _HEAD_CHARS + 16  # UTF-8 bytes that hold them (and a 'sep=' line) at least


def read_table(
    data: bytes,
    file_name: str,
    *,
    max_bytes: int | None = None,
    limits: UploadLimits = DEFAULT_LIMITS,
) -> RawTable:
    """Find our own layout's table (cells under a header row); Problems, never exceptions."""
    return read_grid(data, file_name, max_bytes=max_bytes, limits=limits).table()


def read_grid(
    data: bytes,
    file_name: str,
    *,
    max_bytes: int | None = None,
    limits: UploadLimits = DEFAULT_LIMITS,
) -> Grid:
    """The file's whole table as text cells, title lines and notes included.

    `limits` bound what the file may hold; `max_bytes` is its size limit (None: no size
    limit, for the bundled data; the Upload page and the CLI pass `limits.max_bytes`).
    """
    size = len(data)
    ext = PurePath(file_name or "").suffix.lower()
    det = Detected(size=size)
    if max_bytes is not None and size > max_bytes:
        mb = _mb(size)
        return failed_grid(det, rule_problem("file_too_big", size=mb, limit=_mb(max_bytes)))
    if size == 0 or not _CONTENT.search(data):
        return failed_grid(det, rule_problem("file_empty"))
    if data.startswith(_OLE) or ext == ".xls":
        return failed_grid(det, rule_problem("file_xls"))
    if data.startswith(_ZIP) or ext in XLSX_EXTENSIONS:
        return read_xlsx(data, Detected(kind="xlsx", size=size), limits)
    if ext and ext not in CSV_EXTENSIONS:
        return failed_grid(det, rule_problem("file_type", ext=ext))
    return _read_csv(data, Detected(kind="csv", size=size), limits)


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
                return nfc(data.decode(enc)), enc
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
    if _mostly_controls(text):
        return None, None  # bytes that happen to decode, not a table someone typed
    return nfc(text), enc


def _mostly_controls(text: str) -> bool:
    """Control characters all over the start of a text: bytes, not a table someone typed."""
    return len(_CONTROL.findall(text[:20000])) > max(2, len(text[:20000]) // 200)


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


def _sniff(lines: list[str]) -> tuple[str, list[list[str]]]:
    """The delimiter under which some line reads as the best header; ties go to consistency."""
    best: tuple[tuple[int, int, int], str, list[list[str]]] | None = None
    for rank, delim in enumerate(DELIMITERS):
        rows = _rows_until_error(lines, delim)
        score = max((header_score([c.strip() for c in r]) for r in rows), default=0)
        widths = [len(r) for r in rows if any(c.strip() for c in r)]
        common = max(widths.count(w) for w in set(widths)) if widths else 0
        multi = common if widths and max(widths) > 1 else 0
        key = (score, multi, -rank)
        if best is None or key > best[0]:
            best = (key, delim, rows)
    assert best is not None
    return best[1], best[2]


def _rows_until_error(lines: list[str], delim: str) -> list[list[str]]:
    """The lines' records up to the first the csv module refuses (a too-long cell): the whole
    file's scan names that one; the delimiter is guessed from the others."""
    rows: list[list[str]] = []
    try:
        for fields in csv.reader(lines, delimiter=delim):
            rows.append(fields)
    except csv.Error:
        pass
    return rows


def _read_csv(data: bytes, det: Detected, limits: UploadLimits) -> Grid:
    quick = _read_utf8_plain(data, det.size, limits)
    if quick is not None:
        return quick
    text, enc = decode(data)
    if text is None:
        probe = data[:4096]
        binary = b"\x00" in probe or len(_CONTROL.findall(probe.decode("latin-1"))) > 8
        return failed_grid(det, rule_problem("file_binary" if binary else "file_encoding"))
    det = Detected(kind="csv", size=det.size, encoding=enc)
    if "\x00" in text:
        return failed_grid(det, rule_problem("file_binary"))
    text = text.lstrip("\ufeff")
    m = re.match(r"sep=(.)\r?\n", text)  # Excel's own delimiter hint; Excel hides this line
    forced = m.group(1) if m else None
    if m:
        text = text[m.end() :]
    sample = _head_lines(text)
    with field_limit(limits.max_field_chars):
        delim = forced if forced else _sniff(sample)[0]
    det = Detected(kind="csv", size=det.size, encoding=enc, delimiter=delim)
    try:
        table = None
        if '"' not in text:  # e.g. Windows-1258 or UTF-16: pyarrow reads its UTF-8
            table = read_plain(text.encode("utf-8"), 0, delim, limits, check_nfc=False)
        if table is None:
            table = read_records(text, delim, limits)
    except Refused as refused:
        return failed_grid(det, refused.problem)
    return Grid(table, det)


def _read_utf8_plain(data: bytes, size: int, limits: UploadLimits) -> Grid | None:
    """A UTF-8 file without quotes read from its own bytes (`csv_arrow.read_plain`), never
    decoded whole: only its head is, to find the delimiter as `_read_csv` does. None: a file
    this cannot vouch for (another encoding, a quote, a limit passed …), read as text."""
    if data.startswith(codecs.BOM_UTF8):
        enc, start = "utf-8-sig", len(codecs.BOM_UTF8)
    elif any(data.startswith(bom) for bom, _ in _BOMS) or b"\x00" in data[:4096]:
        return None
    else:
        enc, start = "utf-8", 0
    if data.find(b"\x00", start) >= 0:
        return None
    cut = data.find(b"\n", start + _HEAD_BYTES)  # a line end: no character is split
    whole = cut < 0
    try:
        head = data[start : len(data) if whole else cut].decode("utf-8")
    except UnicodeDecodeError:
        return None
    if enc == "utf-8" and _mostly_controls(head):
        return None
    head = nfc(head)  # the start of the whole text in NFC (a line end composes with nothing)
    m = re.match(r"sep=(.)\r?\n", head)
    skip = m.end() if m else 0
    if head.startswith("\ufeff") or (not whole and len(head) < skip + _HEAD_CHARS):
        return None  # more BOMs to strip, or too short a head to sniff as the text would be
    sample = _head_lines(head[skip:])
    with field_limit(limits.max_field_chars):
        delim = m.group(1) if m else _sniff(sample)[0]
    if m and not delim.isascii():
        return None
    table = read_plain(data, start + skip, delim, limits, check_nfc=True)
    if table is None:
        return None
    return Grid(table, Detected(kind="csv", size=size, encoding=enc, delimiter=delim))


def _head_lines(text: str) -> list[str]:
    """The first lines as csv and pandas split them (\r, \n or \r\n; not form feeds), each
    cut to `_SNIFF_LINE` characters: a line of two million cells is not a header."""
    lines = re.split(r"\r\n|\r|\n", text[:_HEAD_CHARS])[:HEADER_SCAN_ROWS]
    return [line[:_SNIFF_LINE] for line in lines]


def read_records(text: str, delim: str, limits: UploadLimits) -> pd.DataFrame:
    """Every record as text cells, record by record: the csv module's scan refuses the text
    at the first limit it passes (`Refused`), then pandas parses it. The way for any text
    `csv_arrow.read_plain` cannot vouch for (quotes, ragged rows, a limit passed)."""
    width = scan_csv(text, delim, limits).width  # refused here at the first limit
    return _parse_csv(text, delim, width, limits)


def _parse_csv(text: str, delim: str, width: int, limits: UploadLimits) -> pd.DataFrame:
    """All records as text, `width` cells each (the scan measured the widest); pandas' C
    parser first, Python's csv module in strict mode where pandas cannot tokenise."""
    try:
        df = pd.read_csv(
            io.StringIO(text),
            sep=delim,
            header=None,
            names=range(max(width, 1)),
            dtype=TEXT,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=False,  # a record is a row Excel shows: numbers stay right
            engine="c",
        )
        return df.fillna("")
    except (pd.errors.ParserError, ValueError, OverflowError):
        rows = strict_rows(text, delim, limits)
        width = max((len(r) for r in rows), default=1)
        return pd.DataFrame([r + [""] * (width - len(r)) for r in rows], dtype=TEXT).fillna("")
