"""The Methodology page's parts that cost time to build: the status legend's figure (per
revision and language), what the stored province rankings hold (per revision: a scan of the
observations, 0.15 s at national scale) and the list of new units that received a share of a
divided old unit (configuration: at national scale the crosswalk is read for thousands of
units). Built once; `ui/pages/methodology.py` lays them out.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from indicators.geography import crosswalk
from indicators.geography.units import LEGACY, NEW
from indicators.present.figures.legend import status_legend_figure
from indicators.query import provinces
from ui.cache import cached, unit_lists, unit_names
from ui.views import per_view


@per_view(max_entries=4)
def legend(rev: int, lang: str) -> go.Figure:
    return status_legend_figure(revision=rev, lang=lang)


def held_rankings(rev: int) -> pd.DataFrame:
    """Per ranking, unit list and year: how many provinces have a value, and the sources."""
    return cached(provinces.ranking_coverage, rev)


def default(rev: int, lang: str) -> None:
    """Build what the page reads of a revision (and, once, the apportioned units), so its
    first visitor does not."""
    legend(rev, lang)
    held_rankings(rev)
    apportioned()


@per_view(max_entries=1)
def apportioned() -> pd.DataFrame:
    """Each new unit that received a share of a divided old unit, named (`new`), with those
    old units and their shares (`old`: "Xã A (1/2), Xã B (1/3)"); empty when none."""
    parts = crosswalk.apportioned_units(unit_lists())
    if parts.empty:
        return pd.DataFrame(columns=["new", "old"])
    names = unit_names()
    olds = parts.groupby("new_code", sort=True).apply(
        lambda g: ", ".join(
            f"{names.get((LEGACY, o), o)} (1/{round(1 / sh)})"
            for o, sh in zip(g["old_code"], g["share"], strict=True)
        )
    )
    return pd.DataFrame(
        {"new": [names.get((NEW, n), n) for n in olds.index], "old": olds.to_list()}
    )
