"""The deck put together on the briefing page: chart tokens (`ChartSpec.token`) in slide order,
kept in the session and in the URL (`?charts=tok1,tok2`), so that a link reopens it; and the
presentation view's place in it (`?present=1&slide=2`).

A link is written by anyone: it opens at most `MAX_LINKED` charts, and a token longer than a
chart's can be is not read (`chart_spec.MAX_TOKEN_CHARS`); what was left out is returned for the
page to say so.
"""

from __future__ import annotations

import re

import streamlit as st

from indicators.present.chart_spec import MAX_TOKEN_CHARS
from ui.cache import built_chart
from ui.url_state import set_url_param, url_param

DECK = "briefing_deck"  # session state: the deck's tokens, in slide order
MAX_LINKED = 12  # charts a link opens: a briefing's deck, and a bound on the work a link asks for
SLIDE = re.compile(r"[0-9]{1,4}")  # ?slide=: a slide number, never a thousand-digit one


def load_deck(rev: int, lang: str) -> tuple[list[str], list[str]]:
    """The deck's tokens that make a chart, and the link's that do not (left out, to say so:
    those beyond `MAX_LINKED` too)."""
    beyond: list[str] = []
    if DECK not in st.session_state:
        raw = url_param("charts") or ""
        # a "+" typed or copied into a link arrives as a space
        linked = [p.strip().replace(" ", "+") for p in raw.split(",") if p.strip()]
        linked = list(dict.fromkeys(linked))
        st.session_state[DECK], beyond = linked[:MAX_LINKED], linked[MAX_LINKED:]
    good, bad = [], []
    for token in dict.fromkeys(st.session_state[DECK]):
        try:
            if len(token) > MAX_TOKEN_CHARS:
                raise ValueError(token)
            built_chart(rev, token, lang)
            good.append(token)
        except (ValueError, KeyError):
            bad.append(token)
    st.session_state[DECK] = good
    set_url_param("charts", ",".join(good) or None)
    return good, bad + beyond


def add(tokens: list[str]) -> None:
    st.session_state[DECK] = list(dict.fromkeys([*st.session_state[DECK], *tokens]))


def move(i: int, step: int) -> None:
    deck = st.session_state[DECK]
    deck[i], deck[i + step] = deck[i + step], deck[i]


def remove(i: int) -> None:
    del st.session_state[DECK][i]


def clear() -> None:
    st.session_state[DECK] = []


def presenting() -> bool:
    """Whether the link asks for the presentation view (one chart, no sidebar)."""
    return url_param("present") == "1"


def slide(count: int) -> int:
    """The slide on show (1…count); a missing or bad `?slide=` opens the first."""
    raw = url_param("slide") or "1"
    return min(max(int(raw) if SLIDE.fullmatch(raw) else 1, 1), count)


def set_slide(n: int) -> None:
    set_url_param("slide", str(n))


def leave() -> None:
    """Back from the presentation view to the page."""
    set_url_param("present", None)
    set_url_param("slide", None)
