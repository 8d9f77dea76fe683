"""Router: language switch and pages (`ui/pages/`). Run with `streamlit run app.py`."""

import streamlit as st

from indicators.core.i18n import LANGS, t
from indicators.core.settings import settings
from ui.briefing_deck import presenting
from ui.navigation import BRIEFING, OVERVIEW, SECTIONS
from ui.session import language, tr
from ui.url_state import set_url_param, url_choice

st.set_page_config(page_title=tr("app.title"), page_icon="📶", layout="wide")

# The briefing's presentation view (?present=1) shows the chart alone: no sidebar, no menu.
present = presenting()

if not present:
    with st.sidebar:
        url_choice(
            st.radio,
            tr("app.language"),
            LANGS,
            key="lang",
            horizontal=True,
            format_func=lambda code: t(f"lang.{code}", code),  # each language named in itself
        )
        st.caption(settings().org(language()))

pages = {
    tr(section): [page.page(default=page == OVERVIEW) for page in members]
    for section, members in SECTIONS.items()
}
current = st.navigation(pages, position="hidden" if present else "sidebar")
if present and current.url_path != BRIEFING.url_path:  # only the briefing has a presentation view
    set_url_param("present", None)
    st.rerun()
current.run()
