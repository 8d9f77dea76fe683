"""The Overview's card of where the province stands among all provinces: its latest DTI rank as
the reports print it ("16/34 (2024)"), and a link to the Provinces page.

A rank among 34 provinces is not comparable with a rank among 63, so the card shows the latest
one with its "out of" and says which list it is on; the Provinces page shows both series.
"""

from __future__ import annotations

import streamlit as st

from indicators.core.periods import parse_period
from indicators.core.settings import settings
from indicators.present.figures.province_rank import rank_text
from indicators.present.literal import markdown_literal
from indicators.query import provinces
from ui.cache import cached, catalog
from ui.navigation import PROVINCES
from ui.session import language, tr

CARD_INDICATOR = "dti_rank"  # the rank provincial reports lead with


def latest_rank(rev: int) -> dict | None:
    """The province's latest rank as of `rev` (what the card shows), or None: no such indicator
    in the catalog, or no rank of the home (a national install's home is the country)."""
    if CARD_INDICATOR not in catalog():
        return None
    refs = tuple(settings().province_units)
    return cached(provinces.latest_rank, rev, indicator=CARD_INDICATOR, refs=refs)


def province_card(rev: int) -> None:
    """The card, in a quarter of the page's width; nothing when the province has no such rank
    (an install without the indicator, or a national install whose home is the country)."""
    latest = latest_rank(rev)
    if latest is None:
        return
    cat, lang, cfg = catalog(), language(), settings()
    ind, place = cat[CARD_INDICATOR], markdown_literal(cfg.province(lang))
    year = parse_period(latest["period"]).label(lang)
    shown = f"{rank_text(latest['value'], int(latest['out_of']), lang)} ({year})"
    with st.columns([1, 3])[0], st.container(border=True, key="province_rank_card"):
        # A heading, not a metric: the headline cards above are the page's metrics.
        st.caption(markdown_literal(ind.name(lang)))
        st.subheader(shown, anchor=False)
        st.caption(tr("prov.card_note", province=place, n=int(latest["out_of"])))
        PROVINCES.link(label=tr("prov.card_link"))
