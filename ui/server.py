"""The web server: Streamlit's app (`app.py`) plus the sign-in routes, in one ASGI app.

Run with `streamlit run ui/server.py` (what `python3 dev.py start` and `indicators serve` do).
Streamlit finds `app` below and serves it with uvicorn, importing this file as a module from
`ui/`; the repository root, where `app.py` and the `ui` package live, is put on the path first,
as `streamlit run app.py` would.

The upload size limit of settings.toml (`[uploads] max_mb`) is also given to Streamlit here
(`server.maxUploadSize`), so a bigger file is refused by the server before it is read.

Two of Streamlit's defaults cost a page more than its own script does, so they are off here
unless asked for on the command line. Watching the source files (`server.fileWatcherType`: a
walk over every imported module after each page run) is for editing code, and a served
dashboard's code does not change under it. A full garbage collection after each page run
(`runner.postScriptGC`) walks every object the caches hold, the figures, frames and unit lists
of every view, about 0.3 s a page, holding the interpreter while the page's last messages wait
to be sent; Python's own collector still runs as objects are made.
Each page's HTML names the view a link opens (`ui.link_preview`), for chat previews.
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
from starlette.middleware import Middleware  # noqa: E402
from streamlit import config  # noqa: E402

from indicators.core.settings import settings  # noqa: E402
from ui.link_preview import LinkPreview  # noqa: E402
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
if not config.is_manually_set("runner.postScriptGC"):
    config.set_option("runner.postScriptGC", False)
app = st.App(str(ROOT / "app.py"), routes=ROUTES, middleware=[Middleware(LinkPreview)])
prewarm.start()
