"""Router: language switch, who is signed in, and the pages (`ui/pages/`).

Served by `ui/server.py` (with the sign-in routes); `streamlit run app.py` also works, without
local sign-in. An unexpected error shows a short message with an incident id, and the id and the
traceback go to the server log only: visitors never see a traceback.
"""

import secrets

import streamlit as st
from streamlit.logger import get_logger

from indicators.core.i18n import LANGS, WordedError, both, t
from indicators.core.roles import may
from indicators.core.settings import settings
from indicators.present.literal import markdown_literal
from ui.access import account_box, sign_in_form, who
from ui.briefing_deck import presenting
from ui.layout import styles
from ui.navigation import BRIEFING, MENU_ACTION, OVERVIEW, SECTIONS
from ui.session import language, tr
from ui.share import page_title
from ui.url_state import set_url_param, url_choice

LOG = get_logger("indicators.app")  # Streamlit's handler: the server's log

st.set_page_config(page_title=tr("app.title"), page_icon="📶", layout="wide")


def frame() -> None:
    """The sidebar and the pages this reader's role may see in the menu; then the page."""
    present = presenting()  # the briefing's presentation view: the chart alone, no sidebar
    styles(language())  # the phone layout and the keyboard focus (ui.layout)
    me = who()
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
            st.caption(markdown_literal(settings().org(language())))
            account_box(me)
    if settings().access.require_sign_in and not me.signed_in:
        st.info(tr("access.need_sign_in"), icon=":material/lock:")
        sign_in_form("required")
        st.stop()

    def visible(page) -> str:
        action = MENU_ACTION.get(page)
        return "visible" if action is None or may(me.role, action) else "hidden"

    pages = {
        tr(section): [
            page.page(default=page == OVERVIEW, visibility=visible(page)) for page in members
        ]
        for section, members in SECTIONS.items()
    }
    current = st.navigation(pages, position="hidden" if present else "sidebar")
    page_title(current.title)  # a page showing one indicator or period names them too
    if present and current.url_path != BRIEFING.url_path:  # only the briefing presents
        set_url_param("present", None)
        st.rerun()
    current.run()


try:
    frame()
except WordedError as exc:  # a refusal the catalog words (permission, a damaged store, …)
    st.error(markdown_literal(exc.text(language())))
except Exception:  # anything else: an id for the log, no traceback for the visitor
    incident = secrets.token_hex(4)
    LOG.exception("incident %s", incident)
    st.error(both("app.incident", sep="\n\n", incident=incident), icon=":material/error:")
