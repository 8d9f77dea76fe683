"""History page — placeholder until its issue lands; replaced by the page itself."""

import streamlit as st

from ui import common as c

st.title(c.tr("nav.history"))
