"""Router: language switch and pages. Run with `streamlit run app.py`."""

import streamlit as st

from indicators.messages import t
from ui.common import conf, lang

st.set_page_config(page_title=t("app.title", lang()), page_icon="📶", layout="wide")

with st.sidebar:
    st.segmented_control(
        t("app.language", lang()),
        options=["vi", "en"],
        format_func={"vi": "Tiếng Việt", "en": "English"}.get,
        default="vi",
        key="lang",
        bind="query-params",
        required=True,
    )
    st.caption(conf().org(lang()))

pages = [
    st.Page(
        "ui/overview.py",
        title=t("nav.overview", lang()),
        icon="📊",
        url_path="tong-quan",
        default=True,
    ),
]
st.navigation(pages).run()
