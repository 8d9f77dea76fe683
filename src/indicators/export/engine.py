"""The image engine: plotly figures to PNG, SVG and PDF through one long-lived Chromium.

Kaleido drives Debian's Chromium (`indicators.export.chromium`). Starting it costs seconds; a render
on a running one costs a fraction of that, so one engine is started on first use and reused by
every export, deck and page in the process (`engine_starts` counts the starts).

Server-side images show boxes where Vietnamese letters should be when the system font lacks
them (Chromium's "Arial" is Liberation Sans: no ư, ệ, ỷ). The text font is therefore shipped
as a Python package (Be Vietnam Pro, `fontpkg-be-vietnam-pro`) and handed to that Chromium
through a fontconfig file that adds its folder to the system's fonts (a copy of the package's
files with the ligatures off, so that text copied from a PDF reads as it was written).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
from pathlib import Path

import plotly.graph_objects as go

from indicators.export.chromium import CHROMIUM_PATH

EXPORT_FONT_FAMILY = "Be Vietnam Pro"
FORMATS = ("png", "svg", "pdf")
LIGATURES = ("liga", "clig", "dlig")  # turned off in the export font (see `_font_folder`)

_lock = threading.Lock()
_started = False
engine_starts = 0  # how many times this process started Chromium for images


def packaged_font(weight: int = 400) -> Path:
    """The font package's own file (Be Vietnam Pro, `fontpkg-be-vietnam-pro`)."""
    import fontpkg  # heavy, optional: only the image engine needs the font package

    return fontpkg.path(EXPORT_FONT_FAMILY, weight=weight)


def font_file(weight: int = 400) -> Path:
    """The font file images are set in: the packaged font with its ligatures turned off."""
    return _font_folder() / packaged_font(weight).name


def _work_folder() -> Path:
    uid = os.getuid() if os.name == "posix" else 0
    folder = Path(tempfile.gettempdir()) / f"chiso-cntt-fonts-{uid}"
    folder.mkdir(exist_ok=True)
    return folder


def _font_folder() -> Path:
    """The package's fonts without ligatures, written once per version of the package.

    Chromium's PDFs give a ligature glyph no text: "office" set with the font's "ffi" copies
    and searches as "o\x00ce". Chromium ignores fontconfig's font features, so the ligature
    features are emptied in the font itself; every glyph, and the composition of Vietnamese
    marks (`ccmp`), stays.
    """
    files = sorted(packaged_font().parent.glob("*.ttf"))
    key = "|".join(f"{f.name}:{f.stat().st_size}:{f.stat().st_mtime_ns}" for f in files)
    stamp = hashlib.sha256(f"{LIGATURES}|{key}".encode()).hexdigest()[:12]
    folder = _work_folder() / f"be-vietnam-pro-{stamp}"
    folder.mkdir(exist_ok=True)
    for source in files:
        if not (folder / source.name).exists():
            _without_ligatures(source, folder / source.name)
    return folder


def _without_ligatures(source: Path, target: Path) -> None:
    from fontTools.ttLib import TTFont  # heavy: only on the engine's first start

    font = TTFont(source)
    if "GSUB" in font:
        for record in font["GSUB"].table.FeatureList.FeatureRecord:
            if record.FeatureTag in LIGATURES:
                record.Feature.LookupListIndex = []
                record.Feature.LookupCount = 0
    part = target.with_name(f"{target.name}.{os.getpid()}.part")
    font.save(part)
    os.replace(part, target)  # another process may be writing the same file


def _fontconfig() -> Path:
    """A fontconfig file: the system's fonts plus the export font's folder."""
    folder = _work_folder()
    conf = folder / "fonts.conf"
    text = (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{_font_folder()}</dir>\n"
        f"  <cachedir>{folder / 'cache'}</cachedir>\n"
        "</fontconfig>\n"
    )
    if not conf.exists() or conf.read_text() != text:
        part = conf.with_name(f"fonts.conf.{os.getpid()}.part")
        part.write_text(text)
        os.replace(part, conf)
    return conf


def _start() -> None:
    """Start the one Chromium for images (callers hold `_lock`)."""
    global _started, engine_starts
    if _started:
        return
    import kaleido  # heavy: loaded only when an image is drawn

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
    import kaleido  # heavy: loaded only when an image is drawn

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
            import kaleido  # heavy: loaded only when an image is drawn

            kaleido.stop_sync_server(silence_warnings=True)
            _started = False
