"""Plotly figure builders: data in, `go.Figure` out, no UI.

Every figure carries its title, unit and period, its source and data revision, and a visible
mark when any value shown is illustrative. Colours are Okabe-Ito (colour-blind safe) and keep
apart in greyscale; numbers follow the language.
"""

from .growth import growth_figure
from .heatmap import heatmap_figure
from .legend import status_legend_figure
from .maps import map_figure
from .ranking import ranking_figure
from .trend import trend_figure, trends_figure

__all__ = [
    "growth_figure",
    "heatmap_figure",
    "map_figure",
    "ranking_figure",
    "status_legend_figure",
    "trend_figure",
    "trends_figure",
]
