"""Seconds to export chart images and briefing decks with the shared image engine, against
kaleido starting a browser for each chart, measured in the same run.

    .venv/bin/python bench/exports.py [--runs 3]

The charts are the preset "Tổng kết giai đoạn 2016–2020" (8 trend charts) on a store seeded from
the bundled data. Each run, in one process and one after the other:

- cold: the engine stopped, then one PNG (Chromium starts, loads plotly.js, renders);
- warm, the engine running and one image already drawn since it started, timed from the
  chart's spec as a download button does (read the store, build the figure, lay it out with
  its provenance, render):
  one PNG 1920×1080, the PowerPoint deck of 8, the PDF deck of 8, the ZIP of 8 PNGs, and the
  part of each that only reads the store and builds the 8 figures;
- baseline: the same laid-out figures through `kaleido.calc_fig` with a fresh `Kaleido` per
  call (one browser start per chart, what a plain `fig.write_image` loop costs without a shared
  server), for one PNG and for 8 PNGs.

Writes bench/results/exports.md with the median of the runs.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import struct
import tempfile
import time
from datetime import date
from importlib.metadata import version
from pathlib import Path

from indicators.core.catalog import load_catalog
from indicators.core.settings import DEFAULT_DATA_DIR, load_settings
from indicators.export import deck, engine
from indicators.export.chromium import CHROMIUM_PATH
from indicators.export.images import SIZES, for_export
from indicators.present import chart_spec
from indicators.service import seed_from
from indicators.store.revisions import Store

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "results" / "exports.md"
PRESET = "phase_2016_2020"


def timed(fn):
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


def png_size(data: bytes) -> tuple[int, int]:
    return struct.unpack(">II", data[16:24])


def baseline_png(fig, size) -> bytes:
    """One PNG through kaleido with its own browser, started and stopped for this call."""
    import kaleido

    opts = {"format": "png", "width": size.width, "height": size.height, "scale": size.scale}
    return asyncio.run(kaleido.calc_fig(fig, opts=opts, kopts={"mathjax": False}))


def one_run(store: Store, specs, catalog, info: deck.DeckInfo) -> dict[str, float]:
    rev = store.current_revision()
    wide = SIZES["wide"]
    times: dict[str, float] = {}

    engine.stop()
    starts = engine.engine_starts

    def one_png() -> bytes:
        return deck.spec_image(
            store, specs[0], catalog=catalog, rev=rev, fmt="png", size=wide, info=info
        )

    times["cold"], png = timed(one_png)
    assert engine.engine_starts == starts + 1 and png_size(png) == wide.pixels

    one_png()  # the first renders after a start are slower (the page warms up): not timed
    times["png"], png = timed(one_png)
    assert png_size(png) == wide.pixels

    def build():
        return deck.build_all(store, specs, catalog=catalog, rev=rev, lang=info.lang)

    times["build"], built = timed(build)
    times["png_render"], png = timed(lambda: deck.chart_image(built[0], "png", wide, info))
    assert png_size(png) == wide.pixels
    times["pptx"], _ = timed(lambda: deck.pptx_bytes(build(), info))
    times["pdf"], _ = timed(lambda: deck.pdf_bytes(build(), info))
    times["zip"], _ = timed(lambda: deck.png_zip(build(), info))
    assert engine.engine_starts == starts + 1  # one start for everything above

    kw = dict(org=info.org, exported=info.exported, lang=info.lang)
    figs = [for_export(c.figure, wide, areas=c.areas, **kw) for c in built]
    times["base_png"], png = timed(lambda: baseline_png(figs[0], wide))
    assert png_size(png) == wide.pixels
    times["base_8"], pngs = timed(lambda: [baseline_png(f, wide) for f in figs])
    assert all(png_size(p) == wide.pixels for p in pngs)
    return times


def tiny_figure():
    import plotly.graph_objects as go

    return go.Figure(go.Bar(x=[1], y=[1]))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()

    catalog = load_catalog(DEFAULT_DATA_DIR / "catalog.csv")
    settings = load_settings(DEFAULT_DATA_DIR)
    load = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "indicators.duckdb")
        seed_from(DEFAULT_DATA_DIR, store)
        rev = store.current_revision()
        with store.connect(read_only=True) as con:
            specs = chart_spec.preset(PRESET, con, rev, catalog=catalog, settings=settings)
        assert len(specs) == 8
        info = deck.default_info(settings, rev, "vi", "bench", date.today())
        engine.render(tiny_figure(), "png", 100, 100)  # font files and fontconfig in place
        runs = []
        for n in range(args.runs):
            runs.append(one_run(store, specs, catalog, info))
            print(f"run {n + 1}: " + ", ".join(f"{k} {v:.2f} s" for k, v in runs[-1].items()))
        engine.stop()

    labels = {
        "cold": ("engine cold start (Chromium started anew) + first PNG", 1),
        "png": ("**one PNG 1920×1080**, warm", 1),
        "png_render": ("… of which: the image alone (figure already built)", 1),
        "pptx": ("**PowerPoint deck of 8**, warm", 8),
        "pdf": ("**PDF deck of 8** (+ title page), warm", 8),
        "zip": ("ZIP of 8 PNGs 1920×1080, warm", 8),
        "build": ("… of which: read the store and build the 8 figures", 8),
        "base_png": ("baseline: one PNG, kaleido starting its own browser", 1),
        "base_8": ("baseline: 8 PNGs, one browser start per chart", 8),
    }
    med = {k: statistics.median(r[k] for r in runs) for k in labels}
    lines = [
        "# Chart images and briefing decks",
        "",
        f"`.venv/bin/python bench/exports.py --runs {args.runs}` on "
        f"{platform.node() or 'this machine'} ({os.cpu_count()} cores, Python "
        f"{platform.python_version()}, kaleido {version('kaleido')}, plotly {version('plotly')}, "
        f'Chromium at {CHROMIUM_PATH}). Charts: the preset "Tổng kết giai đoạn '
        '2016–2020" (8 trend charts of Khánh Hòa) from a store seeded with the bundled data. '
        "Warm steps are timed from the chart specs, as a download button runs them (store → "
        "figure → provenance → image), with the shared engine already running and warmed by one "
        "image. Median of the "
        "runs; every step in the same process, one after the other. Load average before the "
        f"runs: {load[0]:.1f} (other engineers' tests share the machine; figures are upper "
        "bounds).",
        "",
        "| step | median s | s per chart | runs (s) |",
        "|---|---:|---:|---|",
    ]
    for key, (label, n) in labels.items():
        values = [r[key] for r in runs]
        lines.append(
            f"| {label} | {med[key]:.2f} | {med[key] / n:.2f} | "
            + ", ".join(f"{v:.2f}" for v in values)
            + " |"
        )
    start = med["cold"] - med["png"]
    lines += [
        "",
        f"The engine starts once per process (about {start:.1f} s: cold start minus a warm "
        f"PNG); after that one PNG takes {med['png']:.2f} s and a deck of 8 charts "
        f"{med['pptx']:.1f} s (PowerPoint) or {med['pdf']:.1f} s (PDF). Starting a browser for "
        f"each chart, 8 PNGs take {med['base_8']:.1f} s, {med['base_8'] / med['zip']:.1f}× the "
        f"ZIP of the same 8 PNGs on the shared engine ({med['zip']:.1f} s, store reads "
        "included).",
        "",
    ]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
