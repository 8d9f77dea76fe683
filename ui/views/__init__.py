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
import threading
from collections import Counter
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import streamlit as st

P = ParamSpec("P")
R = TypeVar("R")

_BUILT: Counter[str] = Counter()
_BUILT_LOCK = threading.Lock()


def per_view(max_entries: int) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Cache a view function by its arguments (the revision among them), at most `max_entries`
    views at a time; counts each time it is really built (`built`)."""

    def wrap(build: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(build)
        def counted(*args: P.args, **kwargs: P.kwargs) -> R:
            with _BUILT_LOCK:
                _BUILT[build.__qualname__] += 1
            return build(*args, **kwargs)

        return st.cache_resource(show_spinner=False, max_entries=max_entries)(counted)

    return wrap


def built() -> Counter[str]:
    """How many times each view function was built in this process (not served from the
    cache): the log's and the tests' way to see that a page found its view prepared."""
    with _BUILT_LOCK:
        return Counter(_BUILT)
