"""Router: language switch and pages. Run with `streamlit run app.py`."""

import streamlit as st

from indicators.messages import t
from ui.common import conf, lang, url_choice

st.set_page_config(page_title=t("app.title", lang()), page_icon="📶", layout="wide")

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

pages = [
    st.Page(
        "ui/overview.py",
        title=t("nav.overview", lang()),
        icon=":material/dashboard:",
        url_path="tong-quan",
        default=True,
    ),
]
st.navigation(pages).run()
