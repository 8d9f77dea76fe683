"""What every figure shares: the frame (title, subtitle, source, revision, illustrative mark),
the palette and the number separators.

Every figure carries its title, unit and period, its source and data revision, and a visible
mark when any value shown is illustrative. Colours come from `indicators.present.palette`
(Okabe-Ito, colour-blind safe, darkened where white needs it); numbers follow the language.
"""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from indicators.core.i18n import t
from indicators.core.schema import SOURCE_SEP
from indicators.present.literal import one_line, plotly_literal
from indicators.present.palette import INK, NOTE, TARGET_TEXT, WHITE

FONT = "Noto Sans, DejaVu Sans, Arial, sans-serif"
SEPARATORS = {"vi": ",.", "en": ".,"}  # plotly: decimal mark, then thousands mark
SOURCE_CHARS = 240  # a footer names its sources in at most three lines


def short_sources(sources: pd.Series) -> str:
    parts: list[str] = []
    for s in sources.dropna():
        for p in str(s).split(SOURCE_SEP):
            if p and p not in parts:
                parts.append(p)
    return SOURCE_SEP.join(parts[:3]) + (f"{SOURCE_SEP}…" if len(parts) > 3 else "")


def frame(
    fig: go.Figure,
    *,
    title: str,
    subtitle: str,
    source: str,
    revision: int,
    illustrative: bool,
    lang: str,
    height: int,
    left: int = 64,
    legend_rows: int = 0,
) -> go.Figure:
    """Title, subtitle, footer and layout shared by every figure.

    `title`, `subtitle` and `source` are plain text (names and sources come from data): they
    are wrapped, then written so that plotly shows them as they are (`plotly_literal`).
    """
    source = one_line(source, SOURCE_CHARS)
    footer = f"{t('chart.source', lang, source=source)} · {t('chart.revision', lang, rev=revision)}"
    lines = [plotly_literal(line) for line in textwrap.wrap(footer, 80)]
    if illustrative:
        lines.append(f"<span style='color:{TARGET_TEXT}'>{t('chart.illustrative', lang)}</span>")
    bottom = 70 + 16 * len(lines)
    notes = [
        dict(
            text="<br>".join(lines),
            x=0,
            y=0,
            yref="paper",
            yanchor="bottom",
            yshift=-(bottom - 6),
            xref="paper",
            xanchor="left",
            xshift=-(left - 8),
            showarrow=False,
            align="left",
            name="footer",
            font=dict(size=11, color=NOTE),
        )
    ]
    sub_lines = [plotly_literal(line) for line in textwrap.wrap(subtitle, 90)]
    white(fig)
    set_layout(
        fig,
        title=dict(
            text=plotly_literal(title),
            subtitle=dict(text="<br>".join(sub_lines)),
            x=0,
            xanchor="left",
            xref="container",
            y=1,
            yref="container",
            yanchor="top",
            pad=dict(t=12, l=8),
        ),
        font=dict(family=FONT, size=13, color=INK),
        separators=SEPARATORS.get(lang, ",."),
        height=height,
        margin=dict(l=left, r=30, t=96 + 16 * len(sub_lines) + 22 * legend_rows, b=bottom),
        # the footer joins the notes a figure already has (a growth chart's "= 100" label)
        annotations=[*fig.layout.annotations, *notes],
        legend=dict(orientation="v", yanchor="bottom", y=1.01, x=0, xanchor="left"),
        hoverlabel=dict(font_family=FONT),
    )
    return fig


def set_layout(fig: go.Figure, **props) -> None:
    """Set layout properties, each checked by plotly as `update_layout` checks them, a dict
    merged into what the layout already has; a list (annotations, shapes) replaces it.

    Why not `update_layout`: it merges a list element by element into the one there (the
    frame's footer once overwrote a growth chart's "= 100" label) and, through its batch
    machinery, costs 20–30 ms a figure, about a fifth of building a trend chart; setting the
    same properties one by one costs 5-9 ms and gives the same figure.
    """
    layout = fig.layout
    for key, value in props.items():
        if isinstance(value, dict):
            value = _merged(layout[key].to_plotly_json(), value)
        layout[key] = value


def _merged(old: dict, new: dict) -> dict:
    """`new` over `old`, dicts inside merged the same way (as plotly's update merges them)."""
    out = dict(old)
    for key, value in new.items():
        inner = out.get(key)
        out[key] = (
            _merged(inner, value) if isinstance(value, dict) and isinstance(inner, dict) else value
        )
    return out


def white(fig: go.Figure) -> None:
    """Give `fig` plotly's "plotly_white" template, the one every figure of ours has.

    Assigned as plotly assigns its own default template: the template is valid already, so its
    two thousand values are copied without being checked again (about 45 ms a figure, most of
    building a small one). The figure's JSON is the same as with `template="plotly_white"`.
    """
    layout = fig.layout
    checks = getattr(layout, "_validate", None)
    if not isinstance(checks, bool):  # another plotly: the ordinary, checked way
        fig.update_layout(template="plotly_white")
        return
    layout._validate = False
    try:
        layout.template = pio.templates["plotly_white"]
    finally:
        layout._validate = checks


# Several areas on one chart: Okabe-Ito colours (`palette.SERIES_COLOURS`; vermillion stays for
# targets), each with its own dash and marker shape so the lines stay apart when printed in
# greyscale. Dashed ("dash") is kept for trajectories to a target.
SERIES_DASHES = ("solid", "dot", "dashdot", "longdash", "longdashdot", "solid")
SERIES_SYMBOLS = ("circle", "square", "diamond", "triangle-up", "star", "hexagon")
SERIES_PATTERNS = ("", "/", ".", "x", "\\", "+")
STATUS_VARIANT = {"published": "", "preliminary": "-dot", "estimate": "-open-dot"}


def status_symbol(symbol: str, status: str) -> str:
    """The marker for a value of `status`: filled when published, hollow when illustrative."""
    return symbol + STATUS_VARIANT.get(status, "-open")


def status_outline(colour: str, status: str) -> str:
    """The marker's outline: white for preliminary values (a filled marker with a white ring
    and centre dot), else the series colour."""
    return WHITE if status == "preliminary" else colour
