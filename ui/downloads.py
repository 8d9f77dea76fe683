"""Download buttons: files (CSV, XLSX), the image menu under every chart, and briefing decks.

Images and decks are drawn only when a button is clicked: each button holds a callable that
runs outside Streamlit's script context, so it uses only the objects handed to it.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from indicators.core.clock import today
from indicators.core.i18n import both
from indicators.core.settings import settings
from indicators.export import chromium, deck
from indicators.export.deck import DeckInfo
from indicators.export.images import SIZES
from indicators.present.chart_spec import ChartSpec
from indicators.store.revisions import Store
from ui.cache import catalog, store
from ui.session import language, tr

MIME = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "zip": "application/zip",
    "json": "application/json",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
IMAGE_CHOICES = (  # (label, format, size)
    ("img.png_wide", "png", "wide"),
    ("img.png_square", "png", "square"),
    ("img.svg", "svg", "wide"),
)
DECK_FORMATS = ("pptx", "pdf", "zip")


def download(label: str, data: Any, file_name: str, *, where: Any = st, **kwargs: Any) -> None:
    """A download button (in `where`, a column or container) for a file named `file_name`,
    with the MIME type its extension says; `data` is bytes or a callable making them."""
    where.download_button(
        label,
        data,
        file_name=file_name,
        mime=MIME[file_name.rsplit(".", 1)[-1]],
        icon=":material/download:",
        **kwargs,
    )


def engine_problem() -> str | None:
    """Why images cannot be made on this server (both languages), or None.

    Images are drawn by the system Chromium; without it every download would fail with a
    traceback in the log and nothing on the page, so the page says so and disables them.
    """
    if Path(chromium.CHROMIUM_PATH).exists():
        return None
    return both("bpage.no_engine", sep="\n\n", path=chromium.CHROMIUM_PATH)


def deck_info(rev: int, lang_code: str, subtitle: str = "") -> DeckInfo:
    """What a title slide says and every image's footer repeats."""
    return deck.default_info(settings(), rev, lang_code, subtitle, today())


def deck_file(store_: Store, tokens: list[str], fmt: str, *, catalog_, rev: int, info) -> bytes:
    """A deck (pptx, pdf or zip of PNGs) of the charts `tokens` describe."""
    specs = [ChartSpec.from_token(tok) for tok in tokens]
    return deck.deck_bytes(store_, specs, fmt, catalog=catalog_, rev=rev, info=info)


def deck_downloads(
    where: Any, tokens: list[str], stem: str, *, rev: int, info: DeckInfo, off: bool
) -> None:
    """The briefing's PowerPoint, PDF and PNG-zip buttons (disabled when `off`), of the charts
    as of revision `rev` (the page's)."""
    for fmt in DECK_FORMATS:
        data = partial(
            deck_file, store(), list(tokens), fmt, catalog_=catalog(), rev=rev, info=info
        )
        download(
            tr(f"bpage.{fmt}"),
            data,
            f"{stem}.{fmt}",
            where=where,
            key=f"deck_{fmt}",
            on_click="ignore",
            disabled=off,
            type="primary" if fmt == "pptx" else "secondary",
        )


def image_downloads(
    key: str,
    stem: str,
    *,
    rev: int,
    spec: ChartSpec | None = None,
    fig: go.Figure | None = None,
    areas: str | None = None,
) -> None:
    """A compact "Tải ảnh" menu under a chart: PNG 16:9, PNG square and SVG with provenance,
    as of revision `rev` (the page's: the images say the revision the chart shows).

    Each button holds a callable: `deck.spec_image` for a chart a spec describes (rebuilt from
    the store), `deck.figure_image` for any other figure.
    """
    problem = engine_problem()
    with st.popover(tr("img.menu"), icon=":material/image:", width="content"):
        if problem:
            st.error(problem, icon=":material/error:")
        info = deck_info(rev, language())
        for label, fmt, size in IMAGE_CHOICES:
            if spec is not None:
                data = partial(
                    deck.spec_image,
                    store(),
                    spec,
                    catalog=catalog(),
                    rev=rev,
                    fmt=fmt,
                    size=SIZES[size],
                    info=info,
                )
            else:
                data = partial(deck.figure_image, fig, fmt, SIZES[size], info, areas)
            download(
                tr(label),
                data,
                f"{stem}_{size}.{fmt}",
                key=f"img_{key}_{fmt}_{size}",
                on_click="ignore",
                disabled=problem is not None,
                width="stretch",
            )
        st.caption(tr("img.note"))
