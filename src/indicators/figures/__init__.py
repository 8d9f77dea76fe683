"""Plotly figure builders: data in, `go.Figure` out, no UI.

Every figure carries its title, unit and period, its source and data revision, and a visible
mark when any value shown is illustrative. Colours are Okabe-Ito (colour-blind safe) and keep
apart in greyscale; numbers follow the language.
"""

from .ranking import ranking_figure
from .trend import trend_figure

__all__ = ["ranking_figure", "trend_figure"]
