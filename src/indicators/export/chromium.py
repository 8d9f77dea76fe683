"""Debian's Chromium, as the browser tests, benchmarks and image export start it.

No browser is downloaded: the project's setup installs the `chromium` package. These flags keep
it from reaching for the network, which is closed on these machines.
"""

from __future__ import annotations

import os

CHROMIUM_PATH = os.environ.get("BROWSER_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
