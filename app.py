"""Router: language switch and pages. Run with `streamlit run app.py`."""

import streamlit as st

from indicators.core.i18n import t
from ui.common import conf, lang, url_choice

st.set_page_config(page_title=t("app.title", lang()), page_icon="📶", layout="wide")

# The briefing's presentation view (?present=1) shows the chart alone: no sidebar, no menu.
PRESENT_PATH = "bao-cao"
present = st.query_params.get("present") == "1"

if not present:
    with st.sidebar:
        url_choice(
            st.radio,
            t("app.language", lang()),
            ["vi", "en"],
            key="lang",
            format_func=lambda code: t(f"lang.{code}", code),  # each language named in itself
            horizontal=True,
        )
        st.caption(conf().org(lang()))


def page(path: str, key: str, icon: str, slug: str, **kwargs) -> st.Page:
    return st.Page(path, title=t(f"nav.{key}", lang()), icon=icon, url_path=slug, **kwargs)


pages = {
    t("nav.section_view", lang()): [
        page("ui/overview.py", "overview", ":material/dashboard:", "tong-quan", default=True),
        page("ui/trends.py", "trends", ":material/show_chart:", "xu-huong"),
        page("ui/regions.py", "regions", ":material/map:", "dia-ban"),
        page("ui/briefing.py", "briefing", ":material/slideshow:", PRESENT_PATH),
        page("ui/data.py", "data", ":material/table:", "du-lieu"),
        page("ui/methodology.py", "methodology", ":material/menu_book:", "phuong-phap"),
    ],
    t("nav.section_update", lang()): [
        page("ui/upload.py", "upload", ":material/upload_file:", "tai-len"),
        page("ui/history.py", "history", ":material/history:", "lich-su"),
    ],
}
current = st.navigation(pages, position="hidden" if present else "sidebar")
if present and current.url_path != PRESENT_PATH:  # only the briefing has a presentation view
    st.query_params.pop("present", None)
    st.rerun()
current.run()
