"""The web server: Streamlit's app (`app.py`) plus the sign-in routes, in one ASGI app.

Run with `streamlit run ui/server.py` (what `python3 dev.py start` and `indicators serve` do).
Streamlit finds `app` below and serves it with uvicorn, importing this file as a module from
`ui/`; the repository root, where `app.py` and the `ui` package live, is put on the path first,
as `streamlit run app.py` would.

The upload size limit of settings.toml (`[uploads] max_mb`) is also given to Streamlit here
(`server.maxUploadSize`), so a bigger file is refused by the server before it is read.
"""

import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402
from streamlit import config  # noqa: E402

from indicators.core.settings import settings  # noqa: E402
from ui.signin_routes import ROUTES  # noqa: E402

config.set_option("server.maxUploadSize", max(1, math.ceil(settings().max_upload_bytes / 2**20)))
app = st.App(str(ROOT / "app.py"), routes=ROUTES)
