"""Commands that read: the catalog, the units, the upload template and one value."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import pandas as pd

from indicators.cli.context import open_context
from indicators.core.i18n import both
from indicators.core.numbers import format_value
from indicators.core.periods import parse_period
from indicators.core.settings import load_settings
from indicators.core.spreadsheet import write_csv
from indicators.geography.units import NEW, UNIT_LISTS, build_regions, unit_list_for
from indicators.ingest.template import template_csv, template_xlsx
from indicators.query import read
from indicators.service import catalog_of


def add_commands(sub: argparse._SubParsersAction) -> None:
    """catalog, regions, template and value, with their options."""
    sub.add_parser("catalog", help="the indicator catalog (CSV)").set_defaults(func=cmd_catalog)
    rg = sub.add_parser("regions", help="administrative units (CSV)")
    rg.add_argument("-u", "--unit-list", default=None, choices=list(UNIT_LISTS))
    rg.set_defaults(func=cmd_regions)
    tp = sub.add_parser("template", help="write the upload template (XLSX or CSV)")
    tp.add_argument("-o", "--output", required=True)
    tp.add_argument("--format", default=None, choices=["xlsx", "csv"])
    tp.add_argument("-u", "--unit-list", default=NEW, choices=list(UNIT_LISTS))
    tp.set_defaults(func=cmd_template)
    q = sub.add_parser("value", help="one value, reported or aggregated")
    q.add_argument("-i", "--indicator", required=True)
    q.add_argument("-r", "--region", required=True)
    q.add_argument("-p", "--period", default=None, help="default: the latest period")
    q.add_argument("-u", "--unit-list", default=None)
    q.add_argument("--rev", type=int, default=None)
    q.add_argument("--lang", default="vi", choices=["vi", "en"])
    q.set_defaults(func=cmd_value)


def cmd_catalog(args: argparse.Namespace) -> int:
    frame = catalog_of(load_settings()).frame()
    _print_csv(frame.assign(higher_is_better=frame["higher_is_better"].astype(int)))
    return 0


def cmd_regions(args: argparse.Namespace) -> int:
    regions = build_regions(load_settings().region_sources)
    if args.unit_list:
        regions = regions[regions["unit_list"] == args.unit_list]
    _print_csv(regions.assign(area_km2=regions["area_km2"].astype(float)))
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    settings = load_settings()
    regions = build_regions(settings.region_sources)
    out = Path(args.output)
    fmt = args.format or ("csv" if out.suffix.lower() == ".csv" else "xlsx")
    make = template_csv if fmt == "csv" else template_xlsx
    out.write_bytes(make(catalog_of(settings), regions, unit_list=args.unit_list))
    print(out)
    return 0


def cmd_value(args: argparse.Namespace) -> int:
    ctx = open_context()
    rev = args.rev or ctx.store.current_revision()
    with ctx.store.connect(read_only=True) as con:
        if args.period:
            period = parse_period(args.period)
            df = read.resolved_values(
                con,
                rev,
                indicators=[args.indicator],
                unit_list=args.unit_list or unit_list_for(period.end),
                regions=[args.region],
                periods=[period.code],
            )
        else:
            df = read.latest(
                con,
                rev,
                indicators=[args.indicator],
                unit_list=args.unit_list or NEW,
                region=args.region,
            )
    if df.empty:
        print(both("cli.no_data"), file=sys.stderr)
        return 1
    row = df.iloc[0]
    ind = ctx.catalog[args.indicator]
    text = format_value(row["value"], ind.unit(args.lang), args.lang, ind.decimals)
    print(text if args.period else f"{text} ({row['period']})")
    return 0


def _print_csv(frame: pd.DataFrame) -> None:
    """CSV to stdout (no cell can run as a formula in a spreadsheet: `core.spreadsheet`);
    `indicators regions | head` ends quietly instead of with a traceback."""
    try:
        write_csv(frame, sys.stdout, lineterminator="\n", float_format="%.10g")
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
