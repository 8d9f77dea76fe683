"""The store, the catalog and what the pages read from them, cached across reruns and sessions.

`cached(query, rev, ...)` runs any query function of the package (`query(con, rev, ...)`) on a
read-only connection and keeps its result per set of arguments. The data revision is one of
them, so an upload or a rollback starts new entries and a page never shows stale figures; a
rerun after a filter change reads the store only for what this revision has not yet answered.
Configuration (the unit lists) is the same in every revision and is cached without one.

The revision on show is the store's latest, asked on every run (`revision`); this server's
revision watcher (`watch_revisions`) only prepares the pages for each new one.

The few functions below `cached` read through the store object rather than one connection
(revisions, diffs, uploads) or build something from several queries (charts, decks).
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

import pandas as pd
import streamlit as st

from indicators.core.catalog import Catalog
from indicators.core.clock import local_time
from indicators.core.settings import settings
from indicators.geography.boundaries import Boundaries, load_boundaries
from indicators.geography.units import build_regions
from indicators.ingest.check import Checked, check_upload
from indicators.ingest.recipe import Recipe, RecipeError
from indicators.ingest.template import template_csv, template_xlsx
from indicators.ingest.unitmatch import UnitMatcher
from indicators.present.chart_spec import Chart, ChartSpec, build, preset
from indicators.query import across_reform, page_reads, province_tables, read
from indicators.query.reuse import Answers, is_per_indicator
from indicators.service import catalog_of, open_store
from indicators.store.accounts import Account, list_accounts
from indicators.store.audit import read_trail
from indicators.store.recipes import StoredRecipe, recipe_rows
from indicators.store.revisions import Preview, Revision, Store
from ui.revision_entries import by_revision
from ui.revision_watch import RevisionWatch

R = TypeVar("R")

# Bounds where one entry can be large or the keys many; the other queries are few and small.
MAX_ENTRIES: dict[Callable[..., Any], int] = {
    across_reform.converted_series: 256,  # one per indicator and set of areas
    page_reads.trend: 256,  # Trends: one per indicator and area (`views.trends.trend_of`)
    page_reads.below: 128,  # Regions: one per indicator, unit and level
    across_reform.values_at_level: 64,  # Data page: every indicator of a whole level
}


@st.cache_resource(show_spinner=False)
def store() -> Store:
    """The store of this process's settings, seeded from the bundled data on first start."""
    return open_store(settings())


@st.cache_resource(show_spinner=False)
def catalog() -> Catalog:
    return catalog_of(settings())


_WATCH: RevisionWatch | None = None  # this process's watcher (`watch_revisions`), if started


def revision() -> int:
    """The revision on show: the store's latest, asked on every run (`Store.current_revision`
    costs a stat of the file while nothing changed, one small query on a shared store), so a
    commit by this server, another one or the command line shows at the next page view."""
    return store().current_revision()


def watch_revisions(
    prepare: Callable[[int], object], every: float = 1.0, ready: Callable[[], bool] | None = None
) -> RevisionWatch:
    """Start this process's revision watcher (once; `ui.prewarm.start`), which calls
    `prepare(rev)` for every new revision it sees, once `ready()` says it may."""
    global _WATCH
    if _WATCH is None or not _WATCH.alive():
        _WATCH = RevisionWatch(_current, prepare, every=every, ready=ready or (lambda: True))
        _WATCH.start()
    return _WATCH


def stop_watching() -> None:
    """Stop this process's watcher (the pages then build their views on first open)."""
    global _WATCH
    watch, _WATCH = _WATCH, None
    if watch is not None:
        watch.stop()


def _current() -> int:
    return store().current_revision()


def revision_committed(rev: int) -> None:
    """A page of this process committed revision `rev`: the watcher prepares it now rather
    than at its next poll."""
    if _WATCH is not None:
        _WATCH.note(rev)


_CACHED: dict[Callable[..., Any], Callable[..., Any]] = {}
# The latest answer to each question of a `per_indicator` query: a new revision reads again
# only the indicators it changed (`query.reuse`), not all forty for the one imported.
_ANSWERS = Answers()
_BUILT: Counter[str] = Counter()
_BUILT_LOCK = threading.Lock()


def counted(what: str) -> None:
    """Count one real computation of `what` (a query read from the store, a view built)."""
    with _BUILT_LOCK:
        _BUILT[what] += 1


def built() -> Counter[str]:
    """How many times each cached query was read from the store and each view was built in
    this process, rather than served from the cache: the log's and the tests' way to see that
    a page found what it needs prepared."""
    with _BUILT_LOCK:
        return Counter(_BUILT)


def cached(query: Callable[..., R], /, *args: Any, **kwargs: Any) -> R:
    """`query(con, *args, **kwargs)` on a read-only connection, cached per argument values.

    Every query whose answer depends on the data takes the revision among its arguments, so
    the cache is per revision; `MAX_ENTRIES` bounds the caches that would otherwise grow large.
    A query marked `per_indicator` builds a new revision's answer from the last one where the
    revisions between did not touch its indicators (`query.reuse`).
    """
    run = _CACHED.get(query)
    if run is None:
        run = _CACHED[query] = _cache_of(query)
    return run(*args, **kwargs)


def _cache_of(query: Callable[..., R]) -> Callable[..., R]:
    reuse = is_per_indicator(query)

    def run(*args: Any, **kwargs: Any) -> R:
        counted(f"query {query.__module__}.{query.__qualname__}")
        with store().connect(read_only=True) as con:
            if reuse and len(args) == 1:  # (rev,): the last revision's answer, where it holds
                return _ANSWERS.answer(query, con, args[0], kwargs)
            return query(con, *args, **kwargs)

    # Streamlit keys a function's cache by its module and qualified name: give each query its
    # own (else every `run` would share one cache, and one bound).
    run.__module__, run.__qualname__ = query.__module__, query.__qualname__
    run.__name__ = query.__name__
    return by_revision(st.cache_data(show_spinner=False, max_entries=MAX_ENTRIES.get(query)))(run)


# -- revisions ------------------------------------------------------------------------------------


@by_revision(st.cache_data(show_spinner=False))
def revision_info(rev: int) -> Revision | None:
    counted("query revision_info")
    return next((r for r in store().revisions() if r.id == rev), None)


@by_revision(st.cache_data(show_spinner=False))
def revisions_frame(rev: int) -> pd.DataFrame:
    """Every revision, newest first (keyed by the current revision, so a new one shows)."""
    return pd.DataFrame([vars(r) for r in store().revisions()]).sort_values("id", ascending=False)


@by_revision(st.cache_data(show_spinner=False))
def revision_diff(rev_a: int, rev_b: int, limit: int) -> pd.DataFrame:
    return store().diff(rev_a, rev_b, limit=limit)


# -- unit lists, uploads and boundaries -----------------------------------------------------------


@st.cache_resource(show_spinner=False)
def unit_lists() -> pd.DataFrame:
    """Every configured unit with its validity dates (what uploads are matched against)."""
    return build_regions(settings().region_sources)


@st.cache_resource(show_spinner=False)
def unit_matcher() -> UnitMatcher:
    return UnitMatcher(unit_lists())


@st.cache_data(show_spinner=False)
def unit_names() -> dict[tuple[str, str], str]:
    """(unit_list, code) → name, for every configured unit."""
    units = unit_lists()
    keys = zip(units["unit_list"], units["code"], strict=True)
    return dict(zip(keys, units["name"], strict=True))


@st.cache_data(show_spinner=False)
def unit_choices() -> dict[tuple[str, str], str]:
    """(unit_list, code) → name of the provinces and districts, for the one area of a
    published table (communes are rarely a yearbook's whole table)."""
    units = unit_lists()
    units = units[units["level"].isin(["province", "district"])]
    keys = zip(units["unit_list"], units["code"], strict=True)
    return dict(zip(keys, units["name"], strict=True))


@st.cache_resource(show_spinner=False, max_entries=4, ttl=3600)
def check_file(
    rev: int,
    data: bytes,
    file_name: str,
    recipe_text: str | None = None,
    stored: tuple[str, ...] = (),
) -> tuple[Checked, Preview | None]:
    """The checked file and what committing its valid rows would change, for this revision.

    `recipe_text` is the recipe the analyst confirmed for a table as published; `stored` the
    saved recipes' texts (part of the key: a recipe imported on History counts at once).
    Kept as objects (not pickled copies): the pages only read them, and a large file's frame
    is not copied on every rerun.
    """
    checked = check_upload(
        data,
        file_name,
        catalog(),
        unit_lists(),
        history=partial(store().read, "observations", rev),
        max_bytes=settings().max_upload_bytes,
        limits=settings().upload_limits,
        matcher=unit_matcher(),
        recipe=Recipe.from_text(recipe_text) if recipe_text else None,
        recipes=_parsed(stored),
        home={ref.unit_list: ref.code for ref in settings().province_units},
    )
    preview = store().preview({"observations": checked.frame}) if len(checked.frame) else None
    return checked, preview


def stored_recipes() -> tuple[str, ...]:
    """The saved recipes' texts, read on every run (a handful of small rows)."""
    return tuple(r.text for r in recipe_rows(store()))


def _parsed(texts: tuple[str, ...]) -> list[Recipe]:
    """The saved recipes that still read (one damaged by hand is skipped, not fatal)."""
    out = []
    for text in texts:
        try:
            out.append(Recipe.from_text(text))
        except RecipeError:
            continue
    return out


AUDIT_SHOWN = 2000  # lines of the audit trail on the History page; `indicators audit` has all


def accounts() -> list[Account]:
    """The accounts, for the Accounts page (never cached: an admin is changing them)."""
    return list_accounts(store())


def audit_trail() -> pd.DataFrame:
    """The newest lines of the audit trail, times in Vietnam time (never cached: it grows with
    every request that signs in or acts)."""
    trail = read_trail(store(), AUDIT_SHOWN)
    trail["occurred_at"] = [local_time(t) for t in trail["occurred_at"]]
    trail["revision"] = trail["revision"].astype("Int64")
    return trail


@st.cache_data(show_spinner=False)
def templates() -> tuple[bytes, bytes]:
    """The data-entry template as XLSX and CSV."""
    return template_xlsx(catalog(), unit_lists()), template_csv(catalog(), unit_lists())


@st.cache_data(show_spinner=False)
def boundaries(unit_list: str, mtime: float) -> Boundaries:
    """The configured boundary file of a unit list, checked (cached until the file changes)."""
    path = settings().boundary_file(unit_list)
    codes = cached(read.units, unit_list)["code"].tolist()
    return load_boundaries(
        path,
        unit_list=unit_list,
        known_codes=codes,
        code_property=settings().boundary_code_property,
    )


# -- charts a briefing is made of -----------------------------------------------------------------


@by_revision(st.cache_data(show_spinner=False, max_entries=256))
def built_chart(rev: int, token: str, lang: str) -> Chart:
    """The chart a token describes (`chart_spec.build`); raises ValueError for a bad token."""
    spec = ChartSpec.from_token(token)
    with store().connect(read_only=True) as con:
        return build(con, spec, catalog=catalog(), rev=rev, lang=lang)


@by_revision(st.cache_data(show_spinner=False))
def preset_tokens(rev: int, name: str) -> list[str]:
    """The charts of a ready-made deck (`chart_spec.preset`) as tokens, for this revision."""
    counted("query preset_tokens")
    with store().connect(read_only=True) as con:
        specs = preset(name, con, rev, catalog=catalog(), settings=settings())
    return [s.token() for s in specs]


def province_tables_made(rev: int) -> int:
    """Make every indicator's table of provinces and the country for revision `rev`
    (`query.province_tables`), and every province's conversion across the reform made from
    them (`across_reform.provinces_made`): a filter change then adds up no commune for those
    areas. Only the indicators the revisions since the last one changed are made again; how
    many."""
    with store().connect(read_only=True) as con:
        made = province_tables.make_all(con, rev)
        across_reform.provinces_made(con, rev)
    if made:
        counted("query province_tables")
    return made


def saved_recipes() -> list[StoredRecipe]:
    """The stored recipes, for the History page (never cached: importing one makes no new
    revision, and an analyst may be importing one now)."""
    return recipe_rows(store())
