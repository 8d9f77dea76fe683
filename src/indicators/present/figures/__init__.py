"""Plotly figure builders: data in, `go.Figure` out, no UI.

Every figure carries its title, unit and period, its source and data revision, and a visible
mark when any value shown is illustrative. Colours are Okabe-Ito (colour-blind safe) and keep
apart in greyscale; numbers follow the language.
"""

from indicators.present.figures.growth import growth_figure
from indicators.present.figures.heatmap import heatmap_figure
from indicators.present.figures.legend import status_legend_figure
from indicators.present.figures.maps import map_figure
from indicators.present.figures.ranking import ranking_figure
from indicators.present.figures.trend import trend_figure, trends_figure

__all__ = [
    "growth_figure",
    "heatmap_figure",
    "map_figure",
    "ranking_figure",
    "status_legend_figure",
    "trend_figure",
    "trends_figure",
]
