"""`indicators`: the analysts' command line, over the same code the pages use.

indicators init                      create the store from the data folder (first start)
indicators validate FILE [--report R.csv]   check a CSV/XLSX file; exit 1 with the report if bad
indicators import FILE -m MESSAGE [--valid-only]   check, then store it as a new revision
indicators history                   list the revisions (CSV)
indicators rollback REV [-m MESSAGE] a new revision restoring the data of revision REV
indicators catalog                   the indicator catalog (CSV)
indicators regions [--unit-list L]   the administrative units (CSV)
indicators template [--format xlsx|csv] -o FILE   the upload template
indicators value -i CODE -r REGION -p PERIOD [-u UNIT_LIST] [--rev N]
indicators export -i CODE -r REGION -p PERIOD -f png|svg|pptx|pdf -o FILE
                                     a chart as an image, or a deck (-i may repeat)
indicators serve [--port 8501]       start the dashboard
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
from pathlib import Path

from indicators.core.catalog import load_catalog
from indicators.core.i18n import t
from indicators.core.numbers import format_value
from indicators.core.periods import parse_period
from indicators.core.settings import REPO_ROOT, load_settings
from indicators.geography.units import NEW, UNIT_LISTS, build_regions, unit_list_for
from indicators.service import seed_from
from indicators.store.revisions import Store


def _context():
    settings = load_settings()
    store = Store(settings.db_path)
    seed_from(settings.data_dir, store)
    catalog = load_catalog(settings.data_dir / "catalog.csv")
    return settings, store, catalog


def _load(path: Path, catalog, settings, store, decimal: str | None = None, data=None):
    """The file through the upload pipeline (the same as the Upload page), never raising."""
    from indicators.ingest.check import check_upload

    regions = build_regions(settings.region_sources)
    return check_upload(
        path.read_bytes() if data is None else data,
        path.name,
        catalog,
        regions,
        history=store.read("observations"),
        max_bytes=settings.max_upload_bytes,
        decimal=decimal,
    )


DECIMALS = {"auto": None, "comma": ",", "point": "."}
DECIMAL_HELP = "decimal mark of text numbers: comma (1,5 and 30.000), point, or auto (detected)"


def _file_bytes(path: Path) -> bytes | None:
    """The file's bytes, or None after saying in both languages why it cannot be opened."""
    try:
        return path.read_bytes()
    except OSError as exc:
        error = exc.strerror or type(exc).__name__
        msg = " / ".join(
            t("upload.file_missing", lang, path=path, error=error) for lang in ["vi", "en"]
        )
        print(msg, file=sys.stderr)
        return None


def _report(checked, args) -> None:
    """Summary on stdout; every problem (row, column, value, reason, hint) on stderr."""
    print(f"{checked.describe('vi')} / {checked.describe('en')}")
    print(f"{checked.summary('vi')} / {checked.summary('en')}")
    for p in checked.problems:
        print(p.message(), file=sys.stderr if p.is_error else sys.stdout)
    if getattr(args, "report", None):
        Path(args.report).write_bytes(checked.report_csv())


def cmd_init(args) -> int:
    settings = load_settings()
    rev = seed_from(settings.data_dir, Store(settings.db_path))
    where = settings.db_path
    if rev is None:
        print(f"Kho dữ liệu đã có sẵn / store already initialised: {where}")
    else:
        print(f"Đã tạo kho dữ liệu / created {where}: revision {rev.id}, {rev.rows_new} rows")
    return 0


def cmd_validate(args) -> int:
    data = _file_bytes(Path(args.file))
    if data is None:
        return 2
    settings, store, catalog = _context()
    decimal = DECIMALS[getattr(args, "decimal", "auto")]
    checked = _load(Path(args.file), catalog, settings, store, decimal, data)
    _report(checked, args)
    if not checked.ok:
        print(f"{t('upload.rejected', 'vi')} / {t('upload.rejected', 'en')}", file=sys.stderr)
        return 1
    return 0


def cmd_import(args) -> int:
    path = Path(args.file)
    data = _file_bytes(path)
    if data is None:
        return 2
    settings, store, catalog = _context()
    decimal = DECIMALS[getattr(args, "decimal", "auto")]
    checked = _load(path, catalog, settings, store, decimal, data)
    _report(checked, args)
    if checked.frame.empty or not (checked.ok or args.valid_only):
        print(f"{t('upload.nothing_stored', 'vi')} / {t('upload.nothing_stored', 'en')}",
              file=sys.stderr)  # fmt: skip
        return 1
    rev = store.commit(
        {"observations": checked.frame},
        author=args.author,
        file_name=path.name,
        data=data,
        message=args.message,
        rows_rejected=len(checked.rejected_rows),
    )
    if checked.rejected_rows:
        kw = {"valid": len(checked.frame), "rejected": len(checked.rejected_rows)}
        print(f"{t('upload.stored_valid_only', 'vi', **kw)} / "
              f"{t('upload.stored_valid_only', 'en', **kw)}")  # fmt: skip
    print(
        f"Phiên bản {rev.id} / revision {rev.id}: {rev.rows_new} mới / new, "
        f"{rev.rows_changed} thay đổi / changed, {rev.rows_unchanged} không đổi / unchanged"
    )
    return 0


def cmd_history(args) -> int:
    _, store, _ = _context()
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["id", "created_at", "author", "file_name", "content_hash", "rows_in_file",
                  "rows_new", "rows_changed", "rows_unchanged", "rows_removed", "rows_rejected",
                  "restores", "message"])  # fmt: skip
    for r in store.revisions():
        out.writerow([r.id, f"{r.created_at:%Y-%m-%d %H:%M:%S}", r.author, r.file_name,
                      r.content_hash, r.rows_in_file, r.rows_new, r.rows_changed,
                      r.rows_unchanged, r.rows_removed, r.rows_rejected, r.restores,
                      r.message])  # fmt: skip
    return 0


def _both(key: str, **kw) -> str:
    return f"{t(key, 'vi', **kw)} / {t(key, 'en', **kw)}"


def cmd_rollback(args) -> int:
    _, store, _ = _context()
    known = [r.id for r in store.revisions()]
    if args.rev not in known:
        known_text = ", ".join(map(str, known))
        print(_both("history.rollback.unknown", rev=args.rev, known=known_text), file=sys.stderr)
        return 1
    rev = store.rollback(
        args.rev,
        author=args.author,
        message=args.message or _both("history.rollback.default_message", rev=args.rev),
    )
    print(_both("history.rollback.done", rev=rev.id, to=args.rev, changed=rev.rows_changed,
                new=rev.rows_new, removed=rev.rows_removed))  # fmt: skip
    return 0


def _print_csv(frame) -> None:
    """CSV to stdout; `indicators regions | head` ends quietly instead of with a traceback."""
    try:
        frame.to_csv(sys.stdout, index=False, lineterminator="\n", float_format="%.10g")
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def cmd_catalog(args) -> int:
    catalog = load_catalog(load_settings().data_dir / "catalog.csv")
    frame = catalog.frame()
    _print_csv(frame.assign(higher_is_better=frame["higher_is_better"].astype(int)))
    return 0


def cmd_regions(args) -> int:
    regions = build_regions(load_settings().region_sources)
    if args.unit_list:
        regions = regions[regions["unit_list"] == args.unit_list]
    _print_csv(regions.assign(area_km2=regions["area_km2"].astype(float)))
    return 0


def cmd_template(args) -> int:
    from indicators.ingest.template import template_csv, template_xlsx

    settings = load_settings()
    catalog = load_catalog(settings.data_dir / "catalog.csv")
    regions = build_regions(settings.region_sources)
    out = Path(args.output)
    fmt = args.format or ("csv" if out.suffix.lower() == ".csv" else "xlsx")
    make = template_csv if fmt == "csv" else template_xlsx
    out.write_bytes(make(catalog, regions, unit_list=args.unit_list))
    print(out)
    return 0


def cmd_value(args) -> int:
    from indicators.query import read

    _, store, catalog = _context()
    rev = args.rev or store.current_revision()
    with store.connect(read_only=True) as con:
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
        print("Không có số liệu / no data", file=sys.stderr)
        return 1
    row = df.iloc[0]
    ind = catalog[args.indicator]
    text = format_value(row["value"], ind.unit(args.lang), args.lang, ind.decimals)
    print(text if args.period else f"{text} ({row['period']})")
    return 0


def _export_specs(args) -> list:
    """The charts `export` is asked for: a trend over a range, or a ranking for one period."""
    from indicators.core.periods import sort_key
    from indicators.present.chart_spec import ChartSpec

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
    era = args.unit_list or unit_list_for(parse_period(last).end)
    gran = args.granularity or parse_period(first).kind
    level = args.level or ("district" if era != NEW else "commune")
    regions = tuple(args.region.split(","))
    return [
        ChartSpec(kind, code, era, regions, first, last, gran, level) for code in args.indicator
    ]


def cmd_export(args) -> int:
    """Charts to PNG/SVG (one chart) or to a PowerPoint/PDF deck, as the Briefing page does."""
    from indicators.core.clock import today
    from indicators.export import deck
    from indicators.export.images import SIZES

    settings, store, catalog = _context()
    out = Path(args.output)
    fmt = args.format or out.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg", "pptx", "pdf"):
        print(f"{t('cli.export_format', 'vi', fmt=fmt)} / {t('cli.export_format', 'en', fmt=fmt)}",
              file=sys.stderr)  # fmt: skip
        return 2
    rev = args.rev or store.current_revision()
    try:
        specs = _export_specs(args)
        # A deck shows compact rankings (legible on a slide); one image, what the page shows.
        compact = fmt in ("pptx", "pdf")
        charts = deck.build_all(
            store, specs, catalog=catalog, rev=rev, lang=args.lang, compact=compact
        )
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    if fmt in ("png", "svg") and len(charts) > 1:
        print(f"{t('cli.export_one', 'vi')} / {t('cli.export_one', 'en')}", file=sys.stderr)
        return 2
    subtitle = ", ".join(c.title for c in charts) if len(charts) < 3 else ""
    info = deck.default_info(settings, rev, args.lang, subtitle, today())
    try:
        if fmt == "pptx":
            data = deck.pptx_bytes(charts, info)
        elif fmt == "pdf":
            data = deck.pdf_bytes(charts, info)
        else:
            data = deck.chart_image(charts[0], fmt, SIZES[args.size], info)
    except Exception as exc:  # the engine's own errors, said in both languages
        said = (t("cli.export_failed", lang, error=exc) for lang in ("vi", "en"))
        print(" / ".join(said), file=sys.stderr)
        return 1
    out.write_bytes(data)
    for chart in charts:
        print(chart.caption)
    print(out)
    return 0


def cmd_serve(args) -> int:
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(REPO_ROOT / "app.py"),
        "--server.port", str(args.port), "--server.address", args.address,
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    return subprocess.call(cmd, cwd=REPO_ROOT, env=os.environ.copy())


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="indicators", description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("init", help="create the store from the data folder").set_defaults(func=cmd_init)
    v = sub.add_parser("validate", help="check a CSV/XLSX file (long or yearbook-wide)")
    v.add_argument("file")
    v.add_argument("--report", default=None, help="also write the report as CSV to this file")
    v.add_argument("--decimal", choices=list(DECIMALS), default="auto", help=DECIMAL_HELP)
    v.set_defaults(func=cmd_validate)
    i = sub.add_parser("import", help="check and store a CSV/XLSX file as a new revision")
    i.add_argument("file")
    i.add_argument("-m", "--message", required=True)
    i.add_argument("--valid-only", action="store_true", help="store the valid rows, skip the rest")
    i.add_argument("--report", default=None, help="also write the report as CSV to this file")
    i.add_argument("--author", default=None)
    i.add_argument("--decimal", choices=list(DECIMALS), default="auto", help=DECIMAL_HELP)
    i.set_defaults(func=cmd_import)
    sub.add_parser("history", help="list revisions (CSV)").set_defaults(func=cmd_history)
    rb = sub.add_parser("rollback", help="new revision restoring an earlier revision's data")
    rb.add_argument("rev", type=int)
    rb.add_argument("-m", "--message", default=None)
    rb.add_argument("--author", default=None)
    rb.set_defaults(func=cmd_rollback)
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
    e = sub.add_parser("export", help="a chart as PNG/SVG, or charts as a PPTX/PDF deck")
    e.add_argument("-i", "--indicator", required=True, action="append",
                   help="indicator code; repeat for several charts (pptx/pdf)")  # fmt: skip
    e.add_argument("-r", "--region", required=True,
                   help="unit code (trend: several, 56,568; ranking: the parent)")  # fmt: skip
    e.add_argument("-p", "--period", required=True,
                   help="2024 (a ranking), 2016:2024 or 2016-2020 (a trend)")  # fmt: skip
    e.add_argument("-f", "--format", choices=["png", "svg", "pptx", "pdf"],
                   help="default: from the output file's extension")  # fmt: skip
    e.add_argument("-o", "--output", required=True)
    e.add_argument("-k", "--kind", choices=["trend", "ranking"],
                   help="default: ranking for one period, trend for a range")  # fmt: skip
    e.add_argument("-u", "--unit-list", choices=list(UNIT_LISTS),
                   help="default: the list in force at the end of the period")  # fmt: skip
    e.add_argument("--level", choices=["district", "commune"], help="units ranked")
    e.add_argument("--granularity", choices=["year", "quarter", "month", "phase"])
    e.add_argument("--size", choices=["wide", "square"], default="wide",
                   help="wide: 1920×1080 PNG; square: 1080×1080")  # fmt: skip
    e.add_argument("--lang", choices=["vi", "en"], default="vi")
    e.add_argument("--rev", type=int, help="data revision (default: the current one)")
    e.set_defaults(func=cmd_export)
    s = sub.add_parser("serve", help="start the dashboard")
    s.add_argument("--port", type=int, default=8501)
    s.add_argument("--address", default="localhost")
    s.set_defaults(func=cmd_serve)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    raise SystemExit(main())
