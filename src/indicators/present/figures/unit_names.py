"""Units named in a chart's subtitle (those with no data, those not on the map): a few short
names, then '…', so a long list never pushes the chart off the page."""

from __future__ import annotations

import pandas as pd

from indicators.core.i18n import t


def some_names(units: pd.DataFrame, limit: int = 8) -> str:
    """'Ninh Hòa, Vạn Ninh, …': the first `limit` short names."""
    names = units["short_name"].tolist()
    return ", ".join(names[:limit]) + ("…" if len(names) > limit else "")


def no_data_note(missing: pd.DataFrame, lang: str) -> str:
    """'No data: Ninh Hòa, …' for a subtitle ('' when every unit has a value)."""
    return t("chart.no_data_units", lang, names=some_names(missing)) if not missing.empty else ""
