"""What the pages share about the reader's session: the language, the revision on show, and the
charts looked at (offered on the briefing page)."""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from indicators.core.clock import local_time
from indicators.core.i18n import LANGS, t
from indicators.core.numbers import format_number
from indicators.core.settings import RegionRef, settings
from indicators.present.chart_spec import ChartSpec
from indicators.present.literal import markdown_literal
from ui.cache import revision_info

LANG_KEY = "w_lang"  # session state of the sidebar's language switch (a URL-bound widget: ?lang=)
VIEWS = "briefing_views"  # session state: tokens of the charts looked at, newest first
MAX_VIEWS = 20


def language() -> str:
    """The reader's language: the sidebar switch, or before it is drawn the link's `?lang=`."""
    value = st.session_state.get(LANG_KEY) or st.query_params.get("lang") or LANGS[0]
    return value if value in LANGS else LANGS[0]


def tr(key: str, **kwargs: object) -> str:
    """A message of the catalog in the reader's language."""
    return t(key, language(), **kwargs)


def number(value: float) -> str:
    """A count or amount as the reader writes numbers (30.000 or 30,000)."""
    return format_number(value, language())


def province_ref(unit_list: str) -> RegionRef | None:
    """The configured province on this unit list (the home of every page's view), if any."""
    return settings().province_on(unit_list)


def revision_caption(rev: int) -> str:
    info = revision_info(rev)
    when = local_time(info.created_at) if info else "—"
    return tr("app.revision", rev=rev, date=when)


def page_heading(title: str, rev: int, *, org: bool = True) -> None:
    """A page's title, and under it the organisation (if `org`, as configured, shown as written)
    and the revision on show."""
    st.title(title)
    caption = revision_caption(rev)
    if org:
        caption = f"{markdown_literal(settings().org(language()))} · {caption}"
    st.caption(caption)


def no_data_yet(empty: bool) -> None:
    """When `empty` (a new install, nothing the page is built on yet): say that the province
    has no figures yet and where they come from, and stop the page there, before pickers built
    from the data's periods (there are none) or empty cards. One message for every page."""
    if not empty:
        return
    place = markdown_literal(settings().province(language()))
    st.info(tr("install.no_data", province=place), icon=":material/hourglass_empty:")
    st.stop()


def remember_views(specs: Iterable[ChartSpec]) -> None:
    """Offer these charts (in page order) on the briefing page.

    Kept in the session, newest first, each once, at most `MAX_VIEWS`.
    """
    tokens = list(dict.fromkeys(s.token() for s in specs))
    older = [v for v in st.session_state.get(VIEWS, []) if v not in tokens]
    st.session_state[VIEWS] = (tokens + older)[:MAX_VIEWS]


def remembered_views() -> list[str]:
    return list(st.session_state.get(VIEWS, []))
