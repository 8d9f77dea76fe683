"""Reading and mapping a 5,000-row table as published, against a bare `duckdb.read_csv`.

    .venv/bin/python bench/published_5k.py [--runs 5]

The table is a yearbook-style annex as a provincial statistics office prints it: a numbered
bilingual title, a unit line, a header of years (2016 … 2024, the last one 'Sơ bộ - Prel.'),
then one stacked block per indicator (the catalog's 21 counts with dot-thousands figures, and
an amount and two ratios with decimal commas), each listing every district and commune of old
Khánh Hòa and Ninh Thuận (210), a 'Ghi chú:' and a 'Nguồn:' line: 5,040 data rows, 45,360
values (illustrative figures, made here). Names that
differ only in tone marks ('Xã Thành Hải', 'Xã Thanh Hải') are among them. Each run, one
after the other, in one process:

- `duckdb.read_csv(file)` of the CSV: the floor, reading the same cells as text;
- `check_upload` with no recipe: read the layout and propose a mapping (what the Upload page
  shows first);
- `check_upload` with the confirmed recipe: read, map, decide each column's numbers, validate
  every value (what Apply and `indicators import --recipe` do);
- the same two for the XLSX version (merged title and block labels).

Writes bench/results/published_5k.md with the median of the runs.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

import duckdb
import numpy as np
from openpyxl import Workbook

from indicators.core.catalog import load_catalog
from indicators.core.settings import DEFAULT_DATA_DIR, load_settings
from indicators.geography.units import LEGACY, build_regions
from indicators.ingest.check import check_upload
from indicators.ingest.recipe import Recipe

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "results" / "published_5k.md"
YEARS = list(range(2016, 2025))


def table(catalog, regions) -> tuple[list[list[str]], dict[str, str]]:
    """The printed rows, and the block label → indicator mapping an analyst confirms."""
    rng = np.random.default_rng(13)
    units = regions[(regions["unit_list"] == LEGACY) & (regions["level"] != "province")]
    counts = [i for i in catalog if i.kind == "count"]
    # three more with decimals as yearbooks print them ('12,5'): an amount and two ratios
    # reported without their parts (stored as reported, with a warning)
    decimals = [catalog[c] for c in ("post_radius_km", "mobile_subs_per100", "fixed_bb_per100")]
    head = [
        "Đơn vị hành chính\nAdministrative unit",
        *map(str, YEARS[:-1]),
        f"Sơ bộ - Prel. {YEARS[-1]}",
    ]
    width = len(head)
    rows = [
        ["215. Một số chỉ tiêu bưu chính, viễn thông phân theo đơn vị hành chính"]
        + [""] * (width - 1)
    ]
    rows += [
        ["Some post and telecommunication indicators by administrative unit"] + [""] * (width - 1)
    ]
    rows += [[""] * (width - 1) + ["ĐVT: Đơn vị tính theo chỉ tiêu"]]
    rows.append(head)
    mapping = {}
    for ind in [*counts, *decimals]:
        block = f"{ind.name_vi} - {ind.name_en}"
        mapping[block] = ind.code
        rows.append([block] + [""] * (width - 1))
        for name in units["name"]:
            if ind.kind == "count":
                values = rng.integers(1_000, 2_000_000, size=len(YEARS))
                rows.append([name, *(f"{v:,}".replace(",", ".") for v in values)])
            else:
                values = rng.uniform(1, 99, size=len(YEARS))
                rows.append([name, *(f"{v:.1f}".replace(".", ",") for v in values)])
    rows.append(
        ["Ghi chú: Số liệu minh họa / illustrative figures (bench/published_5k.py)"]
        + [""] * (width - 1)
    )
    rows.append(["Nguồn: Niên giám thống kê (minh họa)"] + [""] * (width - 1))
    return rows, mapping


def csv_bytes(rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    return buf.getvalue().encode("utf-8-sig")


def xlsx_bytes(rows: list[list[str]]) -> bytes:
    wb = Workbook()
    ws = wb.active
    width = len(rows[3])
    for r, row in enumerate(rows, 1):
        for c, text in enumerate(row, 1):
            if text:
                value = _typed(text) if r > 4 and c > 1 and text[0].isdigit() else text
                ws.cell(row=r, column=c, value=value)
        if r != 4 and sum(1 for t in row if t) == 1 and row[0]:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _typed(text: str) -> float | int:
    """A printed figure as Excel keeps it: '1.234.567' -> 1234567, '12,5' -> 12.5."""
    return float(text.replace(",", ".")) if "," in text else int(text.replace(".", ""))


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def main() -> None:
    args = argparse.ArgumentParser()
    args.add_argument("--runs", type=int, default=5)
    runs = args.parse_args().runs
    settings = load_settings(DEFAULT_DATA_DIR, Path(tempfile.gettempdir()) / "unused.duckdb")
    catalog = load_catalog(DEFAULT_DATA_DIR / "catalog.csv")
    regions = build_regions(settings.region_sources)
    rows, mapping = table(catalog, regions)
    files = {"csv": csv_bytes(rows), "xlsx": xlsx_bytes(rows)}
    home = {r.unit_list: r.code for r in settings.province_units}
    path = Path(tempfile.mkdtemp()) / "published.csv"
    path.write_bytes(files["csv"])

    first = check_upload(files["csv"], "p.csv", catalog, regions, home=home)
    keys = {s.block: s.key for s in first.published.series}
    series = {keys[block]: code for block, code in mapping.items()}
    recipe = Recipe("bench", first.published.title, series, tuple(first.published.labels()))

    times: dict[str, list[float]] = {}
    stored = 0
    for _ in range(runs):
        t, _ = timed(
            lambda: duckdb.read_csv(
                str(path), header=False, all_varchar=True, null_padding=True, parallel=False
            ).df()
        )
        times.setdefault("duckdb.read_csv (CSV, baseline)", []).append(t)
        for fmt, data in files.items():
            name = f"p.{fmt}"
            t, proposed = timed(
                lambda data=data, name=name: check_upload(data, name, catalog, regions, home=home)
            )
            assert proposed.needs_mapping
            times.setdefault(f"read + propose a mapping ({fmt.upper()})", []).append(t)
            t, read = timed(
                lambda data=data, name=name: check_upload(
                    data, name, catalog, regions, home=home, recipe=recipe
                )
            )
            assert read.ok, read.errors[:3]
            stored = len(read.frame)
            times.setdefault(f"read + map + validate with the recipe ({fmt.upper()})", []).append(t)
    base = statistics.median(times["duckdb.read_csv (CSV, baseline)"])
    body = len(first.published.parts.body)
    lines = [
        "# Reading and mapping a 5,000-row published table",
        "",
        f"`bench/published_5k.py`, {runs} runs, median; {platform.python_version()}, "
        f"{os.cpu_count()} CPUs. Table: {body:,} data rows, {stored:,} values stored "
        f"({len(mapping)} stacked blocks × {body // len(mapping)} units × {len(YEARS)} years), "
        f"CSV {len(files['csv']):,} bytes, "
        f"XLSX {len(files['xlsx']):,} bytes.",
        "",
        "| step | seconds | × duckdb.read_csv |",
        "|---|---:|---:|",
    ]
    for step, values in times.items():
        median = statistics.median(values)
        lines.append(f"| {step} | {median:.3f} | {median / base:.1f} |")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
