"""The bundled data folder's CSV files, read through the same pipeline as an upload.

All or nothing: a bundled file with a single error is refused, so a deployment never starts on
half its data.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from indicators.core.catalog import Catalog
from indicators.core.problems import DataError
from indicators.core.schema import TARGET_COLUMNS
from indicators.ingest.check import check_upload


def _source_bytes(source: str | Path | bytes) -> tuple[bytes, str]:
    if isinstance(source, bytes):
        return source, ""
    path = Path(source)
    return path.read_bytes(), path.name


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
    data, file_name = _source_bytes(source)
    checked = check_upload(
        data,
        name or file_name or "observations.csv",
        catalog,
        regions,
        decimal=decimal,
        default_status=default_status,
    )
    if not checked.ok:
        raise DataError(checked.errors, name or str(source)[:200])
    return checked.frame


def load_targets(
    source: str | Path | bytes, catalog: Catalog, regions: pd.DataFrame, *, name: str = ""
) -> pd.DataFrame:
    """Targets: the observation rules without numerator and denominator."""
    data, file_name = _source_bytes(source)
    checked = check_upload(
        data, name or file_name or "targets.csv", catalog, regions, decimal=".",
        columns=TARGET_COLUMNS,
    )  # fmt: skip
    if not checked.ok:
        raise DataError(checked.errors, name or str(source)[:200])
    return checked.frame
