"""Headline cards: the figure for a year, its change, progress to target, and a small trend.

Plain functions from frames to a `Kpi` of display-ready text, so pages only lay them out.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import pandas as pd

from .catalog import Indicator
from .messages import t
from .numbers import format_change, format_number, format_value
from .periods import parse_period
from .regions import unit_list_for


@dataclass(frozen=True)
class Kpi:
    code: str
    label: str
    value: float | None
    value_text: str
    period: str | None
    period_note: str
    delta_text: str | None
    delta_color: str
    delta_note: str
    target_text: str | None
    progress: float | None
    progress_text: str | None
    status: str | None
    status_text: str
    coverage_text: str
    source: str
    note: str
    illustrative: bool
    spark: list[float] = field(default_factory=list)


def _pick(rows: pd.DataFrame, period: str) -> pd.Series | None:
    """The row for `period`, preferring the unit list in force at its end."""
    here = rows[rows["period"] == period]
    if here.empty:
        return None
    preferred = here[here["unit_list"] == unit_list_for(parse_period(period).end)]
    return (preferred if not preferred.empty else here).iloc[0]


def build_kpi(
    ind: Indicator, series: pd.DataFrame, targets: pd.DataFrame, year: str, lang: str
) -> Kpi:
    """One card. `series` holds yearly rows of this indicator for the province's units."""
    rows = series[(series["indicator"] == ind.code) & (series["period_kind"] == "year")]
    year_end = parse_period(year).end
    upto = rows[rows["period_end"].dt.date <= year_end] if not rows.empty else rows
    if upto.empty:
        return Kpi(ind.code, ind.name(lang), None, "—", None, t("kpi.no_data", lang), None,
                   "off", "", None, None, None, None, "", "", "", "", False)  # fmt: skip
    period = upto.iloc[-1]["period"]
    row = _pick(upto, period)
    value = float(row["value"]) if pd.notna(row["value"]) else None
    unit = ind.unit(lang)
    value_text = format_value(value, unit, lang, ind.decimals)
    out_of = re.match(r"^\s*(\d+)\s*/\s*(\d+)", str(row["note"] or ""))
    if ind.kind == "rank" and out_of and value is not None and int(out_of[1]) == int(value):
        value_text = f"{int(out_of[1])}/{int(out_of[2])}"  # a rank means little without "of N"
    period_note = "" if period == year else t("kpi.as_of", lang, period=period)

    delta_text, delta_note, color = None, "", "off"
    prev = _pick(upto, parse_period(period).previous().code)
    if prev is not None and value is not None and pd.notna(prev["value"]):
        if prev["unit_list"] != row["unit_list"]:
            delta_note = t("kpi.no_compare", lang, period=prev["period"])
        else:
            delta = round(value - float(prev["value"]), ind.decimals)
            delta_text = format_change(delta, lang, ind.decimals, ind.is_percent)
            delta_note = t("kpi.vs_prev", lang, period=prev["period"])
            color = "off" if delta == 0 else "normal" if ind.higher_is_better else "inverse"

    target_text = progress = progress_text = None
    tg = targets[(targets["indicator"] == ind.code)] if not targets.empty else targets
    if not tg.empty and value is not None:
        ahead = tg[tg["period_end"].dt.date >= year_end]
        if not ahead.empty:
            tr = ahead.iloc[0]
            target = float(tr["value"])
            target_text = t(
                "kpi.target",
                lang,
                period=tr["period"],
                value=format_value(target, unit, lang, ind.decimals),
            )
            if ind.kind == "rank":
                progress = None  # "39 % of a rank" means nothing; the target text says it all
            elif ind.higher_is_better:
                progress = value / target if target else None
            else:
                progress = target / value if value else None
            if progress is not None and math.isfinite(progress):
                progress = min(progress, 1.0)
                progress_text = (
                    t("kpi.target_met", lang)
                    if progress >= 1
                    else t("kpi.progress", lang, pct=format_number(progress * 100, lang, 0) + "%")
                )

    same_era = upto[upto["unit_list"] == row["unit_list"]]
    spark = [float(v) for v in same_era["value"].tolist() if pd.notna(v)]
    status = str(row["status"])
    status_text = t(f"status.{status}", lang)
    coverage_text = ""
    if row["origin"] == "aggregated":
        n, total = int(row["n_parts"]), int(row["n_expected"])
        coverage_text = t("kpi.coverage", lang, n=n, total=total)
    return Kpi(
        code=ind.code,
        label=ind.name(lang),
        value=value,
        value_text=value_text,
        period=period,
        period_note=period_note,
        delta_text=delta_text,
        delta_color=color,
        delta_note=delta_note,
        target_text=target_text,
        progress=progress,
        progress_text=progress_text,
        status=status,
        status_text=status_text,
        coverage_text=coverage_text,
        source=str(row["source"] or ""),
        note=str(row["note"] or ""),
        illustrative=status == "illustrative",
        spark=spark,
    )
