"""The bundled data folder's CSV files, read through the same pipeline as an upload.

All or nothing: a bundled file with a single error is refused, so a deployment never starts on
half its data. A data folder's file with no rows (zero bytes, only a byte-order mark, only the
header line) is a new install, not an error: with `empty_ok` (the seed of a store passes it) it
reads as no rows. Without it, and for an upload, such a file is refused as before.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from indicators.core.catalog import Catalog
from indicators.core.problems import DataError
from indicators.core.schema import TARGET_COLUMNS
from indicators.ingest.check import check_upload

# Byte-order marks Excel and Notepad write before an otherwise empty file.
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff", b"\xff\xfe", b"\xfe\xff")
# What `check_upload` says of a file that holds no data row: nothing else is wrong with it.
_NO_ROWS = {"file_empty", "no_rows"}


def _blank(data: bytes) -> bool:
    """Nothing but a byte-order mark and white space (in any of the encodings we read)."""
    for bom in _BOMS:
        if data.startswith(bom):
            data = data[len(bom) :]
            break
    return not data.strip(b" \t\r\n\x00")


def _all_or_nothing(
    source: str | Path | bytes,
    catalog: Catalog,
    regions: pd.DataFrame,
    name: str,
    default_name: str,
    empty_ok: bool,
    **options: Any,
) -> pd.DataFrame:
    """The file through `check_upload` with `options`: its frame (with `empty_ok`, an empty one
    when the file holds no rows), or DataError with every error (named by `name`, else the
    file's name, else the start of the source)."""
    if isinstance(source, bytes):
        data, file_name = source, ""
    else:
        data, file_name = Path(source).read_bytes(), Path(source).name
    if empty_ok and _blank(data):
        data = b""  # a lone byte-order mark reads as "no header row"; it is an empty file
    checked = check_upload(data, name or file_name or default_name, catalog, regions, **options)
    errors = [p for p in checked.errors if not (empty_ok and p.rule in _NO_ROWS)]
    if errors:
        raise DataError(errors, name or str(source)[:200])
    return checked.frame


def load_observations(
    source: str | Path | bytes,
    catalog: Catalog,
    regions: pd.DataFrame,
    *,
    name: str = "",
    decimal: str | None = None,
    default_status: str = "published",
    empty_ok: bool = False,
) -> pd.DataFrame:
    """A file of observations as the canonical frame; DataError lists every problem.

    The same pipeline as an upload (`ingest.check.check_upload`), all or nothing. `empty_ok`:
    a file with no rows gives an empty frame instead of an error (a new install's folder).
    """
    return _all_or_nothing(
        source,
        catalog,
        regions,
        name,
        "observations.csv",
        empty_ok,
        decimal=decimal,
        default_status=default_status,
    )


def load_targets(
    source: str | Path | bytes,
    catalog: Catalog,
    regions: pd.DataFrame,
    *,
    name: str = "",
    empty_ok: bool = False,
) -> pd.DataFrame:
    """Targets: the observation rules without numerator and denominator."""
    return _all_or_nothing(
        source,
        catalog,
        regions,
        name,
        "targets.csv",
        empty_ok,
        decimal=".",
        columns=TARGET_COLUMNS,
    )
