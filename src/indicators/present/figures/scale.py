"""The sequential colour scale of maps and heatmaps: one meaning, readable by everyone.

Cividis is built for colour-vision deficiency and grows evenly in lightness, so a greyscale
print keeps the order. It runs so that the darker end is always the lagging end: low values
for an indicator where higher is better, high values where lower is better.
"""

from __future__ import annotations

from collections.abc import Sequence

import plotly.colors as pc

from indicators.core.catalog import Indicator
from indicators.core.direction import good_is_low
from indicators.present.literal import plotly_literal

SCALE = "Cividis"


def value_range(values: Sequence[float], ind: Indicator) -> tuple[float, float]:
    """Colour range of the values shown; a flat range is widened so it still has two ends."""
    vals = [float(v) for v in values if v == v]  # NaN != NaN
    if not vals:
        return 0.0, 1.0
    lo, hi = min(vals), max(vals)
    if hi - lo < 1e-9:
        lo, hi = lo - 1, hi + 1
        if ind.is_percent:
            lo, hi = max(lo, 0.0), min(hi, 100.0)
    return lo, hi


def coloraxis(values: Sequence[float], ind: Indicator, unit: str) -> dict:
    lo, hi = value_range(values, ind)
    return dict(
        colorscale=SCALE,
        reversescale=good_is_low(ind),
        cmin=lo,
        cmax=hi,
        colorbar=dict(
            title=dict(text=plotly_literal(unit), side="top"), thickness=14, len=0.6, y=0.5
        ),
    )


def colour_of(value: float, lo: float, hi: float, ind: Indicator) -> str:
    """The colour the scale gives a value (for polygons, which cannot use a colour axis)."""
    frac = 0.5 if hi <= lo else min(max((value - lo) / (hi - lo), 0.0), 1.0)
    if good_is_low(ind):
        frac = 1 - frac
    return pc.sample_colorscale(pc.get_colorscale(SCALE), [frac])[0]
