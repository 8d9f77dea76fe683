"""`export`: charts as PNG/SVG images or as a PowerPoint/PDF deck, as the Briefing page makes
them (`present.chart_spec` describes a chart, `export.deck` draws and packs it)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from indicators.cli.context import open_context
from indicators.core.clock import today
from indicators.core.i18n import both
from indicators.core.periods import parse_period, sort_key
from indicators.export import deck
from indicators.export.images import SIZES
from indicators.geography.units import NEW, UNIT_LISTS, unit_list_for
from indicators.present.chart_spec import ChartSpec
from indicators.query.timeseries import GRANULARITIES

FORMATS = ("png", "svg", "pptx", "pdf")


def add_commands(sub: argparse._SubParsersAction) -> None:
    """export, with its options."""
    e = sub.add_parser("export", help="a chart as PNG/SVG, or charts as a PPTX/PDF deck")
    e.add_argument(
        "-i",
        "--indicator",
        required=True,
        action="append",
        help="indicator code; repeat for several charts (pptx/pdf)",
    )
    e.add_argument(
        "-r",
        "--region",
        required=True,
        help="unit code (trend: several, 56,568; ranking: the parent)",
    )
    e.add_argument(
        "-p", "--period", required=True, help="2024 (a ranking), 2016:2024 or 2016-2020 (a trend)"
    )
    e.add_argument(
        "-f", "--format", choices=list(FORMATS), help="default: from the output file's extension"
    )
    e.add_argument("-o", "--output", required=True)
    e.add_argument(
        "-k",
        "--kind",
        choices=["trend", "ranking"],
        help="default: ranking for one period, trend for a range",
    )
    e.add_argument(
        "-u",
        "--unit-list",
        choices=list(UNIT_LISTS),
        help="default: the list in force at the end of the period",
    )
    e.add_argument("--level", choices=["district", "commune"], help="units ranked")
    e.add_argument("--granularity", choices=list(GRANULARITIES))
    e.add_argument(
        "--size",
        choices=["wide", "square"],
        default="wide",
        help="wide: 1920×1080 PNG; square: 1080×1080",
    )
    e.add_argument("--lang", choices=["vi", "en"], default="vi")
    e.add_argument("--rev", type=int, help="data revision (default: the current one)")
    e.set_defaults(func=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    """Charts to PNG/SVG (one chart) or to a PowerPoint/PDF deck, as the Briefing page does."""
    ctx = open_context()
    out = Path(args.output)
    fmt = args.format or out.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        print(both("cli.export_format", fmt=fmt), file=sys.stderr)
        return 2
    rev = args.rev or ctx.store.current_revision()
    try:
        specs = export_specs(args)
        # A deck shows compact rankings (legible on a slide); one image, what the page shows.
        compact = fmt in ("pptx", "pdf")
        charts = deck.build_all(
            ctx.store, specs, catalog=ctx.catalog, rev=rev, lang=args.lang, compact=compact
        )
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    if fmt in ("png", "svg") and len(charts) > 1:
        print(both("cli.export_one"), file=sys.stderr)
        return 2
    subtitle = ", ".join(c.title for c in charts) if len(charts) < 3 else ""
    info = deck.default_info(ctx.settings, rev, args.lang, subtitle, today())
    try:
        if fmt == "pptx":
            data = deck.pptx_bytes(charts, info)
        elif fmt == "pdf":
            data = deck.pdf_bytes(charts, info)
        else:
            data = deck.chart_image(charts[0], fmt, SIZES[args.size], info)
    except Exception as exc:  # the engine's own errors, said in both languages
        print(both("cli.export_failed", error=exc), file=sys.stderr)
        return 1
    out.write_bytes(data)
    for chart in charts:
        print(chart.caption)
    print(out)
    return 0


def export_specs(args: argparse.Namespace) -> list[ChartSpec]:
    """The charts `export` is asked for: a trend over a range, or a ranking for one period."""
    text = args.period.replace("..", ":")
    if ":" in text:
        first, last = (parse_period(x).code for x in text.split(":", 1))
    else:
        p = parse_period(text)
        first = last = p.code
        if p.kind == "phase":  # 2016-2020: the years of the phase
            first, last = str(p.start.year), str(p.end.year)
    if sort_key(first) > sort_key(last):
        first, last = last, first
    kind = args.kind or ("ranking" if first == last else "trend")
    unit_list = args.unit_list or unit_list_for(parse_period(last).end)
    gran = args.granularity or parse_period(first).kind
    level = args.level or ("district" if unit_list != NEW else "commune")
    regions = tuple(args.region.split(","))
    return [
        ChartSpec(kind, code, unit_list, regions, first, last, gran, level)
        for code in args.indicator
    ]
