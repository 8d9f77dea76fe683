"""Values converted across the 2025 reform on a trend line: they stay on their area's line, with
a grey ring (a square ring for estimates) and a hover line saying how they were obtained."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from indicators.core.i18n import t
from indicators.present.figures.over_time import period_labels
from indicators.present.palette import QUIET

RING = {False: ("circle-open", 20), True: ("square-open", 21)}  # exact, estimate


def converted_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows whose value was converted from the other unit list (none without the column)."""
    if "converted" not in rows:
        return rows.iloc[0:0]
    return rows[rows["converted"].fillna(False).astype(bool)]


def conversion_notes(part: pd.DataFrame, lang: str) -> list[str]:
    """Per point, a hover line for values converted across the reform ('' for the others)."""
    if "converted" not in part:
        return [""] * len(part)
    out = []
    for conv, est, basis, src in zip(
        part["converted"].fillna(False),
        part["estimate"].fillna(False),
        part["basis"],
        part["from_unit_list"],
        strict=True,
    ):
        if not conv:
            out.append("")
            continue
        head = t(f"reform.converted_from.{src}", lang)
        if est:
            head = f"{t('reform.estimate', lang)} · {head}"
        how = t(f"reform.basis.{basis}", lang) if isinstance(basis, str) else ""
        out.append(f"<br>{head}" + (f"<br><i>{how}</i>" if how else ""))
    return out


def add_rings(fig: go.Figure, rings: pd.DataFrame, lang: str) -> None:
    """Grey rings around converted points: one legend entry for exact conversions, one for
    estimates; the points themselves stay on their area's line."""
    if rings.empty:
        return
    for est, part in rings.groupby(rings["estimate"].fillna(False).astype(bool), sort=True):
        symbol, size = RING[bool(est)]
        src = part["from_unit_list"].iloc[0]
        name = t("reform.estimate", lang) if est else t(f"reform.converted_from.{src}", lang)
        fig.add_trace(
            go.Scatter(
                x=period_labels(part["period"], lang),
                y=part["value"],
                name=name,
                mode="markers",
                hoverinfo="skip",
                marker=dict(symbol=symbol, size=size, color=QUIET, line=dict(width=1.5)),
            )
        )
