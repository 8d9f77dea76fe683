"""A chart's text alternative: what it shows as a sentence, and the values it draws as a table.

A page shows the sentence under each chart (the computed caption where there is one, else the
chart's own title and subtitle) and the table one keystroke away, so a reader who cannot see
the chart, or cannot tell its colours apart, reads the same figures. The table is read back
from the figure itself, trace by trace, so it always holds what is drawn.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from indicators.core.i18n import t
from indicators.core.numbers import format_number
from indicators.present.literal import from_plotly

DECIMALS = 2  # values in the table: as many digits as any indicator shows


def _plain(text: object) -> str:
    return from_plotly(str(text or "")).strip()


def _number(value: object, lang: str) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return _plain(value) or None
    return None if math.isnan(number) else format_number(number, lang, DECIMALS)


def _items(values: object) -> list:
    if values is None:
        return []
    if isinstance(values, str):
        return [values]
    try:
        return list(values)  # type: ignore[call-overload]
    except TypeError:
        return [values]


def figure_sentence(fig: go.Figure, lang: str) -> str:
    """What a chart shows, in words: its title and subtitle (names come from data: plain text)."""
    title = _plain(fig.layout.title.text)
    subtitle = _plain(fig.layout.title.subtitle.text) if fig.layout.title.subtitle else ""
    if not title:
        return subtitle
    return t("a11y.chart_is", lang, title=title, subtitle=subtitle).strip()


def figure_table(fig: go.Figure, lang: str) -> pd.DataFrame:
    """The values a figure draws, as text: one row per point (series, item, value), or for a
    heatmap one row per unit and a column per period. Traces only in the legend, or hidden,
    and points without a value are left out."""
    series, item, value = (t(f"a11y.col.{c}", lang) for c in ("series", "item", "value"))
    rows: list[dict[str, str]] = []
    for trace in fig.data:
        if getattr(trace, "visible", True) in (False, "legendonly"):
            continue
        if trace.type == "heatmap":
            return _heatmap_table(trace, lang)
        name = _plain(getattr(trace, "name", ""))
        for label, number in _points(trace):
            shown = _number(number, lang)
            if shown is not None and label:
                rows.append({series: name, item: label, value: shown})
    table = pd.DataFrame(rows, columns=[series, item, value]).drop_duplicates()
    if table[series].nunique() <= 1:
        table = table.drop(columns=series)
    return table.reset_index(drop=True)


def _points(trace) -> list[tuple[str, object]]:
    """(label, value) of each point: category and value of a line or bar; for a map, the
    unit's name (its text) and the value that colours it."""
    kind = trace.type
    if kind in ("scatter", "bar"):
        xs, ys = _items(trace.x), _items(trace.y)
        if kind == "bar" and getattr(trace, "orientation", None) == "h":
            xs, ys = ys, xs
        if kind == "bar":  # the value as the bar writes it (with its unit), where it does
            texts = _items(trace.text)
            if len(texts) == len(ys):
                ys = [_plain(w) or y for w, y in zip(texts, ys, strict=True)]
        return [(_plain(x), y) for x, y in zip(xs, ys, strict=False)]
    if kind.startswith("scatter"):  # scattergeo, scattermap: a bubble per unit
        names = _items(getattr(trace, "text", None)) or _items(getattr(trace, "hovertext", None))
        marker = getattr(trace, "marker", None)
        colours = _items(getattr(marker, "color", None)) if marker is not None else []
        return [(_plain(n), v) for n, v in zip(names, colours, strict=False)]
    return []


def _heatmap_table(trace, lang: str) -> pd.DataFrame:
    rows: Sequence = _items(trace.y)
    columns = [_plain(c) for c in _items(trace.x)]
    z, texts = _items(trace.z), _items(trace.text)
    unit = t("a11y.col.item", lang)
    out = []
    for r, (name, line) in enumerate(zip(rows, z, strict=False)):
        written = _items(texts[r]) if r < len(texts) else []
        cells = [
            (_plain(written[c]) if c < len(written) else "") or _number(v, lang) or "—"
            for c, v in enumerate(_items(line))
        ]
        out.append({unit: _plain(name), **dict(zip(columns, cells, strict=False))})
    return pd.DataFrame(out, columns=[unit, *columns])
