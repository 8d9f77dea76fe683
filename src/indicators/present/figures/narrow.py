"""Charts that share a row: title and subtitle wrapped for half the page width.

The shared frame wraps for a full-width chart; a ranking or map beside another chart would
clip a long indicator name, on screen and in the downloaded PNG.
"""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go

from indicators.present.literal import plotly_literal

TITLE_CHARS, SUBTITLE_CHARS = 58, 72


def for_half_width(
    fig: go.Figure, *, title: str, subtitle: str | None = None, legend: bool = False
) -> go.Figure:
    """Re-wrap the frame's title (and subtitle, when given) and make room for them and for a
    legend above the plot. Both are plain text, shown as written (`plotly_literal`)."""
    heads = textwrap.wrap(title, TITLE_CHARS, break_on_hyphens=False) or [""]
    fig.layout.title.text = "<br>".join(plotly_literal(line) for line in heads)
    if subtitle is not None:
        subs = textwrap.wrap(subtitle, SUBTITLE_CHARS, break_on_hyphens=False)
        fig.layout.title.subtitle.text = "<br>".join(plotly_literal(line) for line in subs)
    n_subs = (
        fig.layout.title.subtitle.text.count("<br>") + 1 if fig.layout.title.subtitle.text else 0
    )
    fig.layout.margin.t = 96 + 24 * (len(heads) - 1) + 16 * n_subs + (22 if legend else 0)
    return fig
