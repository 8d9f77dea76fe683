"""The cache entries each data revision made, dropped once a newer revision is ready.

Every cache of data is keyed by the revision (`ui.cache.cached`, `ui.views.per_view`), and a
page shows only the latest one, so once the revision watcher has prepared a new revision no
page asks for an older one's entries again. Left in place they added up: at national scale
each import of 500 rows kept about 80 MiB more in the server (resident after preparing each
of six imports: 701 -> 1,090 MiB; 683-720 MiB once they are dropped), so a server that ran
for a month of imports would pass any memory bound. A cache bounded by a count of entries
does not help: one revision's default views fill it, and the old ones go only as new ones
come.

Each cached function keyed by revision (`by_revision`) notes the arguments it has just
computed an entry for (a miss that did not fail) under the revision among them;
`forget_before(rev)` clears those entries with Streamlit's per-entry `clear(*args, **kwargs)`.
A page still running on an older revision when they are dropped computes what it asks again:
slower once, never wrong. An entry whose computation was under way at that moment is stored
after the clear; so each round's entries are cleared once more at the next round.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_LOCK = threading.Lock()
# revision -> the entries made for it: key -> (the cached function, its args, its kwargs)
_MADE: dict[int, dict[Any, tuple[Callable[..., Any], tuple, dict]]] = {}
_LAST: list[tuple[Callable[..., Any], tuple, dict]] = []  # what the last round cleared


def revision_of(args: tuple) -> int | None:
    """The data revision among a cached function's arguments: the first one, or the `rev` of
    the first (a page's choice of filters, `ui.views.data.Choice`); None where the first is
    neither (what is the same in every revision, e.g. a unit list's units)."""
    first = args[0] if args else None
    rev = getattr(first, "rev", first)
    return rev if isinstance(rev, int) and not isinstance(rev, bool) else None


def by_revision(cache: Callable[[F], F]) -> Callable[[F], F]:
    """Apply `cache` (an `st.cache_data(...)` or `st.cache_resource(...)` decorator) to a
    function, noting each entry it computes under the revision among its arguments."""

    def wrap(fn: F) -> F:
        made: list[Callable[..., Any]] = []  # the cached function, once `cache` has made it

        @functools.wraps(fn)
        def computing(*args: Any, **kwargs: Any) -> Any:
            value = fn(*args, **kwargs)
            _note(made[0], args, kwargs)  # after: a failed call makes no entry
            return value

        cached = cache(computing)  # type: ignore[arg-type]
        made.append(cached)
        return cached

    return wrap


def _note(cached: Callable[..., Any], args: tuple, kwargs: dict) -> None:
    rev = revision_of(args)
    if rev is None:
        return
    key: Any = (id(cached), args, tuple(kwargs.items()))  # as Streamlit: in the order given
    try:
        hash(key)
    except TypeError:  # an unhashable argument (a list): Streamlit hashes it its own way
        key = (id(cached), repr(args), repr(tuple(kwargs.items())))
    with _LOCK:
        _MADE.setdefault(rev, {})[key] = (cached, args, kwargs)


def forget_before(rev: int) -> int:
    """Drop every cache entry made for a revision older than `rev`, and again those the last
    round dropped; how many were noted."""
    global _LAST
    with _LOCK:
        old = [e for r in [r for r in _MADE if r < rev] for e in _MADE.pop(r).values()]
        again, _LAST = _LAST, old
    failed: list[Exception] = []
    for cached, args, kwargs in again + old:
        try:
            cached.clear(*args, **kwargs)  # type: ignore[attr-defined]
        except Exception as e:  # the other entries are still dropped; the caller hears of it
            failed.append(e)
    if failed:
        raise failed[0]
    return len(old)


def noted() -> dict[int, int]:
    """Per revision, how many cache entries are noted (for the tests)."""
    with _LOCK:
        return {rev: len(entries) for rev, entries in sorted(_MADE.items())}
