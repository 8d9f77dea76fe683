"""What a page draws for one view, built once per data revision and shared by every reader.

A page reads its widgets and calls a function here with the revision and the codes they chose;
the function reads through `ui.cache.cached`, builds the frames and figures the page draws and
keeps them (`per_view`). The next reader of the same view, and every rerun after a widget
change that comes back to it, gets them without reading the store or building a figure again,
and the revision watcher (`ui.prewarm`) builds the default views before anyone asks.

Kept as objects (`st.cache_resource`), not pickled copies: a figure rebuilt from a pickle costs
as much as building it. Pages and downloads only read them (`export.images.for_export` draws a
copy), never change them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import streamlit as st

from ui.cache import built, counted
from ui.revision_entries import by_revision

P = ParamSpec("P")
R = TypeVar("R")
__all__ = ["built", "per_view"]


def per_view(max_entries: int) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Cache a view function by its arguments (the revision among them), at most `max_entries`
    views at a time; counts each time it is really built (`ui.cache.built`)."""

    def wrap(build: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(build)
        def counting(*args: P.args, **kwargs: P.kwargs) -> R:
            counted(f"view {build.__module__}.{build.__qualname__}")
            return build(*args, **kwargs)

        return by_revision(st.cache_resource(show_spinner=False, max_entries=max_entries))(counting)

    return wrap
