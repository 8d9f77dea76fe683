"""The bundled data folder's CSV files, read through the same pipeline as an upload.

All or nothing: a bundled file with a single error is refused, so a deployment never starts on
half its data.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from indicators.core.catalog import Catalog
from indicators.core.problems import DataError
from indicators.core.schema import TARGET_COLUMNS
from indicators.ingest.check import check_upload


def _all_or_nothing(
    source: str | Path | bytes,
    catalog: Catalog,
    regions: pd.DataFrame,
    name: str,
    default_name: str,
    **options: Any,
) -> pd.DataFrame:
    """The file through `check_upload` with `options`: its frame, or DataError with every
    error (named by `name`, else the file's name, else the start of the source)."""
    if isinstance(source, bytes):
        data, file_name = source, ""
    else:
        data, file_name = Path(source).read_bytes(), Path(source).name
    checked = check_upload(data, name or file_name or default_name, catalog, regions, **options)
    if not checked.ok:
        raise DataError(checked.errors, name or str(source)[:200])
    return checked.frame


def load_observations(
    source: str | Path | bytes,
    catalog: Catalog,
    regions: pd.DataFrame,
    *,
    name: str = "",
    decimal: str | None = None,
    default_status: str = "published",
) -> pd.DataFrame:
    """A file of observations as the canonical frame; DataError lists every problem.

    The same pipeline as an upload (`ingest.check.check_upload`), all or nothing.
    """
    return _all_or_nothing(
        source,
        catalog,
        regions,
        name,
        "observations.csv",
        decimal=decimal,
        default_status=default_status,
    )


def load_targets(
    source: str | Path | bytes, catalog: Catalog, regions: pd.DataFrame, *, name: str = ""
) -> pd.DataFrame:
    """Targets: the observation rules without numerator and denominator."""
    return _all_or_nothing(
        source, catalog, regions, name, "targets.csv", decimal=".", columns=TARGET_COLUMNS
    )
