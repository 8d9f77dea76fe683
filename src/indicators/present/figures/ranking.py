"""Rankings: the units of one level for one indicator and period."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from indicators.core.catalog import Indicator
from indicators.core.direction import best_first, comparable_with_area, worse_than
from indicators.core.i18n import t
from indicators.core.numbers import format_value
from indicators.core.schema import any_illustrative
from indicators.present.figures.frame import frame, short_sources
from indicators.present.figures.narrow import for_half_width
from indicators.present.figures.unit_names import no_data_note
from indicators.present.literal import plotly_literal
from indicators.present.palette import BLUE, ORANGE, VERMILLION


def ranking_figure(
    units: pd.DataFrame,
    ind: Indicator,
    *,
    period_label: str,
    level_label: str,
    province_value: float | None,
    revision: int,
    lang: str = "vi",
    best: int = 10,
    worst: int = 20,
    parent_label: str | None = None,
) -> go.Figure:
    """Units of one level for one period, best first; those below the province are marked.

    With many units only the `best` and the `worst` are drawn, the lagging end being what
    officials ask about; a gap row says how many sit between. Units with no data are named in
    the subtitle, never drawn as zero. `province_value` is the value of the area the units make
    up, named `parent_label` when it is not the province (a district, drilled into). Each bar
    carries its unit code (customdata[0]) so that a click can drill into it.
    """
    unit = ind.unit(lang)
    if not comparable_with_area(ind):
        province_value = None  # a total of the units is no level for one of them to reach
    have = _ends(best_first(units[units["value"].notna()], ind), best, worst, lang)
    below = (
        worse_than(have["value"], province_value, ind)
        if province_value is not None
        else pd.Series(False, index=have.index)
    )
    texts = [  # the unit and the names come from the catalog and the unit lists: shown as written
        plotly_literal(format_value(v, unit, lang, ind.decimals)) if pd.notna(v) else ""
        for v in have["value"]
    ]
    top = float(have["value"].max()) if have["value"].notna().any() else 1.0
    reach = max(top, province_value or 0) * 1.18
    # A short bar (a zero, say) shows its number beside it: no number would read as no data.
    positions = ["inside" if pd.notna(v) and v >= 0.2 * reach else "outside" for v in have["value"]]
    codes = [str(c) if pd.notna(c) else "" for c in have.get("region", [None] * len(have))]
    fig = go.Figure(
        go.Bar(
            y=[plotly_literal(n) for n in have["name"]],
            x=have["value"],
            orientation="h",
            marker=dict(
                color=[ORANGE if b else BLUE for b in below],
                pattern=dict(shape=["/" if b else "" for b in below]),
            ),
            text=texts,
            textposition=positions,
            insidetextanchor="end",
            cliponaxis=False,
            customdata=list(zip(codes, texts, strict=True)),
            hovertemplate="%{y}: <b>%{customdata[1]}</b><extra></extra>",
        )
    )
    if province_value is not None:
        fig.add_vline(x=province_value, line=dict(color=VERMILLION, dash="dash", width=2))
    fig.update_yaxes(autorange="reversed", automargin=False)
    fig.update_xaxes(title_text=plotly_literal(unit), range=[0, reach])
    sub = _subtitle(units, ind, lang, level_label, province_value, parent_label)
    title = t("chart.ranking_title", lang, indicator=ind.name(lang), period=period_label)
    fig = frame(
        fig,
        title=title,
        subtitle=sub,
        source=short_sources(have["source"]) if not have.empty else ind.source,
        revision=revision,
        illustrative=any_illustrative(units["status"]),
        lang=lang,
        height=max(360, 24 * len(have) + 230),
        left=210,
    )
    return for_half_width(fig, title=title)  # it sits beside another chart


def _ends(have: pd.DataFrame, best: int, worst: int, lang: str) -> pd.DataFrame:
    """The `best` first and `worst` last rows, with a gap row saying how many sit between
    (all rows when there are not more than that)."""
    hidden = len(have) - best - worst
    if hidden <= 0:
        return have
    gap = pd.DataFrame({"name": [t("chart.ranking_gap", lang, n=hidden)], "value": [None]})
    return pd.concat([have.head(best), gap, have.tail(worst)], ignore_index=True)


def _subtitle(
    units: pd.DataFrame,
    ind: Indicator,
    lang: str,
    level_label: str,
    province_value: float | None,
    parent_label: str | None,
) -> str:
    """Unit, number and level of the units, the level of the area they make up (the province's,
    or a drilled-into district's, or none for a total), and the units with no data."""
    unit, n, level = ind.unit(lang), len(units), level_label.lower()
    value = format_value(province_value, unit, lang, ind.decimals)
    if province_value is None:
        sub = t("chart.ranking_sub_plain", lang, unit=unit, n=n, level=level)
    elif parent_label:
        sub = t(
            "ranking.sub_parent",
            lang,
            unit=unit,
            n=n,
            level=level,
            parent=parent_label,
            value=value,
        )
    else:
        sub = t("chart.ranking_sub", lang, unit=unit, n=n, level=level, province=value)
    note = no_data_note(units[units["value"].isna()], lang)
    return f"{sub} · {note}" if note else sub
