"""Headline cards: the figure for a year, its change, progress to target, and a small trend.

Plain functions from frames to a `Kpi` of display-ready text, so pages only lay them out.
Comparisons are refused rather than shown when they would mislead: across the 1 July 2025
reform (different units), or between a published and an illustrative figure.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import pandas as pd

from indicators.core.catalog import Indicator
from indicators.core.direction import progress_towards, rising_is_good
from indicators.core.i18n import half, t
from indicators.core.numbers import format_change, format_number, format_value
from indicators.core.periods import parse_period
from indicators.core.schema import ILLUSTRATIVE
from indicators.geography.units import unit_list_for


@dataclass(frozen=True)
class Kpi:
    code: str
    label: str
    value: float | None
    value_text: str
    period: str | None
    period_note: str
    delta_text: str | None = None
    delta_color: str = "off"
    delta_note: str = ""
    target_text: str | None = None
    progress: float | None = None
    progress_text: str | None = None
    status: str | None = None
    status_text: str = ""
    coverage_text: str = ""
    complete: bool = True
    source: str = ""
    note: str = ""
    phase_text: str = ""
    illustrative: bool = False
    spark: list[float] = field(default_factory=list)
    spark_periods: list[str] = field(default_factory=list)  # each point's period, as shown
    spark_values: list[str] = field(default_factory=list)  # each point's value, as shown
    spark_text: str = ""  # the small trend line in words (its text alternative)


def _pick(rows: pd.DataFrame, period: str) -> pd.Series | None:
    """The row for `period`, preferring the unit list in force at its end."""
    here = rows[rows["period"] == period]
    if here.empty:
        return None
    preferred = here[here["unit_list"] == unit_list_for(parse_period(period).end)]
    return (preferred if not preferred.empty else here).iloc[0]


def _is_complete(row: pd.Series) -> bool:
    return row["origin"] == "reported" or int(row["n_parts"]) >= int(row["n_expected"])


def _delta(ind: Indicator, row: pd.Series, prev: pd.Series | None, lang: str):
    """(text, colour, note) for the change on the previous period, or why there is none."""
    if prev is None or pd.isna(prev["value"]):
        return None, "off", ""
    if prev["unit_list"] != row["unit_list"]:
        return None, "off", t("kpi.no_compare", lang, period=prev["period"])
    if (row["status"] == ILLUSTRATIVE) != (prev["status"] == ILLUSTRATIVE):
        return None, "off", t("kpi.no_compare_status", lang, period=prev["period"])
    delta = round(float(row["value"]) - float(prev["value"]), ind.decimals)
    color = "off" if delta == 0 else "normal" if rising_is_good(ind) else "inverse"
    text = format_change(delta, lang, ind.decimals, ind.is_percent)
    return text, color, t("kpi.vs_prev", lang, period=prev["period"])


def _target(ind: Indicator, row: pd.Series, targets: pd.DataFrame, lang: str):
    """(text, progress, progress text) against the next target set for the same units."""
    if targets.empty:
        return None, None, None
    same = targets[(targets["indicator"] == ind.code) & (targets["unit_list"] == row["unit_list"])]
    ahead = same[same["period_end"].dt.date >= row["period_end"].date()]
    if ahead.empty:
        return None, None, None
    tr = ahead.iloc[0]
    target, value, unit = float(tr["value"]), float(row["value"]), ind.unit(lang)
    text = t(
        "kpi.target",
        lang,
        period=tr["period"],
        value=format_value(target, unit, lang, ind.decimals),
    )
    if ind.kind == "rank":
        return text, None, None  # "39 % of a rank" means nothing; the target text says it all
    progress = progress_towards(value, target, ind)
    if progress is None or not math.isfinite(progress):
        return text, None, None
    progress = min(progress, 1.0)
    done = (
        t("kpi.target_met", lang)
        if progress >= 1
        else t("kpi.progress", lang, pct=format_number(progress * 100, lang, 0) + "%")
    )
    return text, progress, done


def _phase(ind: Indicator, series: pd.DataFrame, year_end, lang: str) -> str:
    """A plan-phase figure covering the year (e.g. 'more than 30,000 in 2016–2020')."""
    phases = series[(series["indicator"] == ind.code) & (series["period_kind"] == "phase")]
    for r in phases.itertuples(index=False):
        if r.period_start.date() <= year_end <= r.period_end.date() and pd.notna(r.value):
            value = format_value(r.value, ind.unit(lang), lang, ind.decimals)
            status = t(f"status.{r.status}", lang)
            # Data notes are written 'tiếng Việt / English': the reader's half.
            note = f" — {half(r.note, lang)}" if isinstance(r.note, str) and r.note else ""
            return f"{parse_period(r.period).label(lang)}: {value} ({status}){note}"
    return ""


def build_kpi(
    ind: Indicator, series: pd.DataFrame, targets: pd.DataFrame, year: str, lang: str
) -> Kpi:
    """One card. `series` holds the province's rows of this indicator (any unit list)."""
    year_end = parse_period(year).end
    phase_text = _phase(ind, series, year_end, lang)
    rows = series[
        (series["indicator"] == ind.code)
        & (series["period_kind"] == "year")
        & series["value"].notna()
    ]
    upto = rows[rows["period_end"].dt.date <= year_end]
    if upto.empty:
        return Kpi(
            ind.code, ind.name(lang), None, "—", None, t("kpi.no_data", lang), phase_text=phase_text
        )
    period = upto.iloc[-1]["period"]
    row = _pick(upto, period)
    value = float(row["value"])
    value_text = format_value(value, ind.unit(lang), lang, ind.decimals)
    out_of = re.match(r"^\s*(\d+)\s*/\s*(\d+)", _text(row["note"]))
    if ind.kind == "rank" and out_of and int(out_of[1]) == int(value):
        value_text = f"{int(out_of[1])}/{int(out_of[2])}"  # a rank means little without "of N"

    delta_text, color, delta_note = _delta(
        ind, row, _pick(upto, parse_period(period).previous().code), lang
    )
    target_text, progress, progress_text = _target(ind, row, targets, lang)
    status = str(row["status"])
    complete = _is_complete(row)
    coverage_text = ""
    if row["origin"] == "aggregated":
        key = "kpi.coverage" if complete else "kpi.incomplete"
        n, total = (format_number(row[c], lang) for c in ("n_parts", "n_expected"))
        coverage_text = t(key, lang, n=n, total=total)  # 3.321/3.321 at national scale
    same_era = upto[upto["unit_list"] == row["unit_list"]]
    spark = [float(v) for v in same_era["value"]]
    spark_periods = [parse_period(p).label(lang) for p in same_era["period"]]
    spark_values = [format_value(v, ind.unit(lang), lang, ind.decimals) for v in spark]
    spark_text = ""
    if len(spark) > 1:
        spark_text = t(
            "a11y.sparkline",
            lang,
            indicator=ind.name(lang),
            first=spark_values[0],
            pa=spark_periods[0],
            last=spark_values[-1],
            pb=spark_periods[-1],
            n=len(spark),
        )
    return Kpi(
        code=ind.code,
        label=ind.name(lang),
        value=value,
        value_text=value_text,
        period=period,
        period_note="" if period == year else t("kpi.as_of", lang, period=period),
        delta_text=delta_text,
        delta_color=color,
        delta_note=delta_note,
        target_text=target_text,
        progress=progress,
        progress_text=progress_text,
        status=status,
        status_text=t(f"status.{status}", lang),
        coverage_text=coverage_text,
        complete=complete,
        source=_text(row["source"]),
        note=_text(row["note"]),
        phase_text=phase_text,
        illustrative=status == ILLUSTRATIVE,
        spark=spark,
        spark_periods=spark_periods,
        spark_values=spark_values,
        spark_text=spark_text,
    )


def spark_table(kpis: list[Kpi], lang: str) -> pd.DataFrame:
    """The values of the cards' small trend lines: a row per card that has one, a column per
    period (as text, as the cards write them)."""
    rows = [
        {
            t("a11y.col.indicator", lang): k.label,
            **dict(zip(k.spark_periods, k.spark_values, strict=True)),
        }
        for k in kpis
        if len(k.spark) > 1
    ]
    return pd.DataFrame(rows).fillna("—")


def _text(cell: object) -> str:
    """A text cell as text; an empty one (None, or NaN in a text column that DuckDB read as
    strings because other rows had some) as ''."""
    return "" if cell is None or pd.isna(cell) else str(cell)
