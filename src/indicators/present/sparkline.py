"""A headline card's small trend line as an inline SVG that says what it shows.

Streamlit's own sparkline (`st.metric(chart_data=…)`) is drawn by Vega with no text alternative
for its marks; this one is an `<img>` of a small SVG whose `alt` is a sentence (`Kpi.spark_text`),
drawn in a data colour that reaches 3:1 on white. (An image, not inline SVG: Streamlit's
`st.html` keeps only HTML.) Names come from data: the sentence is escaped, so it is only ever
text.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Sequence

from indicators.present.palette import BLUE

WIDTH, HEIGHT, PAD = 200, 40, 3  # the drawing's own units; it stretches to the card's width


def sparkline_svg(values: Sequence[float], colour: str = BLUE) -> str:
    """The line through `values` (oldest first), its last point marked, as an SVG document."""
    lo, hi = min(values), max(values)
    span = (hi - lo) or 1.0
    step = (WIDTH - 2 * PAD) / max(len(values) - 1, 1)
    points = [
        (
            PAD + i * step,
            HEIGHT - PAD - (v - lo) / span * (HEIGHT - 2 * PAD) if hi > lo else HEIGHT / 2,
        )
        for i, v in enumerate(values)
    ]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    x, y = points[-1]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        'preserveAspectRatio="none">'
        f'<polyline points="{line}" fill="none" stroke="{colour}" stroke-width="2" '
        'vector-effect="non-scaling-stroke" stroke-linejoin="round" stroke-linecap="round"/>'
        # the last point: a dot that stays round however the drawing is stretched
        f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke="{colour}" '
        'stroke-width="6" stroke-linecap="round" vector-effect="non-scaling-stroke"/>'
        "</svg>"
    )


def sparkline_img(values: Sequence[float], label: str, colour: str = BLUE) -> str:
    """The line as an `<img>` the card's width and `HEIGHT` pixels high, `label` its alt text."""
    data = base64.b64encode(sparkline_svg(values, colour).encode()).decode()
    return (
        f'<img src="data:image/svg+xml;base64,{data}" alt="{html.escape(label, quote=True)}" '
        f'data-testid="cntt-sparkline" style="width: 100%; height: {HEIGHT}px; display: block">'
    )
