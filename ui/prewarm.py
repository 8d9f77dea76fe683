"""Prepare the pages for a new revision before anyone opens them.

When an analyst's upload, a rollback, the command line or another server makes a new revision,
this server's revision watcher (`ui.cache.watch_revisions`) sees it within a second and
builds the views a link without choices opens — the Overview, the Regions, Trends, Provinces,
Data and Methodology pages, in each language, and the Quick briefing's ready-made decks — into
the caches keyed by revision. The official who opens the dashboard after an upload finds them
ready, instead of waiting while the first visitor's page reads the store and draws every
figure. Last, it makes the tables of every province's and the country's values that the
revision changed (`query.province_tables`) and every province's conversion across the reform
made from them, which the filter changes on Trends and Regions read. Then it drops what the
caches hold for older revisions, which no page asks for any more, and sets aside from Python's
garbage collector what the new revision's caches hold (`_set_aside`).
"""

from __future__ import annotations

import gc

from streamlit.runtime import Runtime

from indicators.core.i18n import LANGS
from indicators.present.chart_spec import PRESETS
from ui import province_card
from ui.cache import preset_tokens, province_tables_made, revision_info, watch_revisions
from ui.revision_entries import forget_before
from ui.revision_watch import LOG, RevisionWatch
from ui.views import data, methodology, overview, provinces, regions, trends

SHARED = (revision_info, province_card.latest_rank)  # every page's heading; the Overview's card
DEFAULT_VIEWS = (
    overview.default,
    regions.default,
    trends.default,
    provinces.default,
    data.default,
    methodology.default,
)


def prepare(rev: int) -> None:
    """Read what every page shows of revision `rev`, then build the default view of every page
    that has one, in each language (Vietnamese, the default, first); then the province
    tables. Last, the older revisions' cache entries are dropped (`ui.revision_entries`)."""
    steps = [(read, (rev,)) for read in SHARED]
    for k, lang in enumerate(LANGS):
        steps += [(build, (rev, lang)) for build in DEFAULT_VIEWS]
        if k == 0:  # the Quick briefing's ready-made decks (their charts, in any language)
            steps += [(preset_tokens, (rev, name)) for name in PRESETS]
    steps += [(province_tables_made, (rev,)), (_drop_older, (rev,)), (_set_aside, (rev,))]
    for step, args in steps:
        try:
            step(*args)
        except Exception:  # its visitor will see why; the other pages are still prepared
            LOG.warning("revision %s: %s failed", rev, step.__qualname__, exc_info=True)


def _drop_older(rev: int) -> None:
    """No page asks for an older revision's entries once `rev` is prepared."""
    dropped = forget_before(rev)
    LOG.info("revision %s: %s cache entries of older revisions dropped", rev, dropped)


def _set_aside(rev: int) -> None:
    """Free what older revisions left, then move every object alive now out of the garbage
    collector's sight (`gc.freeze`) until the next revision.

    Preparing a revision leaves hundreds of thousands of long-lived objects in the caches. The
    collector's next full pass walks all of them (120 ms at national scale) inside whichever
    visitor's run made the allocation that triggered it: measured, the first filter change
    after a revision took 300 ms instead of 180. Done here, that pass happens once per
    revision in the watcher. The next revision unfreezes them first, so what its caches drop
    is collected then, cycles included: nothing is kept past the revision after its own."""
    gc.unfreeze()
    found = gc.collect()
    gc.freeze()
    kept = gc.get_freeze_count()
    LOG.info("revision %s: %s unreachable objects freed, %s set aside", rev, found, kept)


def start(every: float = 1.0, *, serving: bool = True) -> RevisionWatch:
    """Start this process's watcher (once): the current revision is prepared as soon as the
    server is up (`serving`: once Streamlit's runtime, whose caches it fills, exists), then
    every new one as it appears."""
    ready = Runtime.exists if serving else None
    return watch_revisions(prepare, every=every, ready=ready)
