"""The web server: Streamlit's app (`app.py`) plus the sign-in routes, in one ASGI app.

Run with `streamlit run ui/server.py` (what `python3 dev.py start` and `indicators serve` do).
Streamlit finds `app` below and serves it with uvicorn, importing this file as a module from
`ui/`; the repository root, where `app.py` and the `ui` package live, is put on the path first,
as `streamlit run app.py` would.

The upload size limit of settings.toml (`[uploads] max_mb`) is also given to Streamlit here
(`server.maxUploadSize`), so a bigger file is refused by the server before it is read.

A served dashboard's code does not change under it: Streamlit's watching of source files (a
poll of every imported module's file, and a walk over all of them after each page run, about a
quarter of a page's server time) is off unless asked for (`--server.fileWatcherType poll`).
The revision watcher starts here (`ui.prewarm`): each new data revision is prepared before the
first reader opens a page.
"""

import logging
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

# The pages' caches are declared before Streamlit's runtime exists: Streamlit then says, once
# per cached function, that it has no runtime yet (it only checks; the caches are made later,
# in the runtime). Those lines would only puzzle whoever reads the server's log.
_CHECKS = logging.getLogger("streamlit.runtime.caching.cache_data_api")
_level, _CHECKS.level = _CHECKS.level, logging.ERROR
from ui import prewarm  # noqa: E402

_CHECKS.setLevel(_level)

config.set_option("server.maxUploadSize", max(1, math.ceil(settings().max_upload_bytes / 2**20)))
if not config.is_manually_set("server.fileWatcherType"):
    config.set_option("server.fileWatcherType", "none")
app = st.App(str(ROOT / "app.py"), routes=ROUTES)
prewarm.start()
