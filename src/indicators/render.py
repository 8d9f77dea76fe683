"""The image engine: plotly figures to PNG, SVG and PDF through one long-lived Chromium.

Kaleido drives Debian's Chromium (`indicators.chromium`). Starting it costs seconds; a render
on a running one costs a fraction of that, so one engine is started on first use and reused by
every export, deck and page in the process (`engine_starts` counts the starts).

Server-side images show boxes where Vietnamese letters should be when the system font lacks
them (Chromium's "Arial" is Liberation Sans: no ư, ệ, ỷ). The text font is therefore shipped
as a Python package (Be Vietnam Pro, `fontpkg-be-vietnam-pro`) and handed to that Chromium
through a fontconfig file that adds the package's folder to the system's fonts.
"""

from __future__ import annotations

import os
import tempfile
import threading
from pathlib import Path

import plotly.graph_objects as go

from .chromium import CHROMIUM_PATH

EXPORT_FONT_FAMILY = "Be Vietnam Pro"
FORMATS = ("png", "svg", "pdf")

_lock = threading.Lock()
_started = False
engine_starts = 0  # how many times this process started Chromium for images


def font_file(weight: int = 400) -> Path:
    """The font file images are set in (from the installed font package)."""
    import fontpkg

    return fontpkg.path(EXPORT_FONT_FAMILY, weight=weight)


def _fontconfig() -> Path:
    """A fontconfig file: the system's fonts plus the packaged font's folder."""
    folder = (
        Path(tempfile.gettempdir()) / f"chiso-cntt-fonts-{os.getuid() if os.name == 'posix' else 0}"
    )
    folder.mkdir(exist_ok=True)
    conf = folder / "fonts.conf"
    text = (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{font_file().parent}</dir>\n"
        f"  <cachedir>{folder / 'cache'}</cachedir>\n"
        "</fontconfig>\n"
    )
    if not conf.exists() or conf.read_text() != text:
        conf.write_text(text)
    return conf


def _start() -> None:
    """Start the one Chromium for images (callers hold `_lock`)."""
    global _started, engine_starts
    if _started:
        return
    import kaleido

    # Chromium reads these when it starts: it inherits this process's environment.
    os.environ["FONTCONFIG_FILE"] = str(_fontconfig())
    if Path(CHROMIUM_PATH).exists():
        os.environ.setdefault("BROWSER_PATH", CHROMIUM_PATH)
    kaleido.start_sync_server(mathjax=False, silence_warnings=True)
    _started = True
    engine_starts += 1


def render(fig: go.Figure, fmt: str, width: int, height: int, scale: float = 1.0) -> bytes:
    """`fig` as `fmt` bytes, `width` × `height` CSS pixels (PNG pixels: × `scale`).

    Calls are serialised: the engine answers one request at a time, in order, and pages of
    several sessions share it.
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}")
    import kaleido

    opts = {"format": fmt, "width": width, "height": height, "scale": scale}
    with _lock:
        _start()
        out = kaleido.calc_fig_sync(fig, opts=opts)
    if isinstance(out, Exception):
        raise out
    return out


def stop() -> None:
    """Stop the engine (tests; the process also stops it at exit)."""
    global _started
    with _lock:
        if _started:
            import kaleido

            kaleido.stop_sync_server(silence_warnings=True)
            _started = False
