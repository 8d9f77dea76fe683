"""Generate the illustrative figures of the national example install (data/national/).

    python data/national/generate.py [OUT_DIR]   # rewrites observations.csv (default: here)

Every value here is made up, from a seeded generator (the same file on every run), for all 34
provinces of the 2025 unit list and their 3,321 communes, for 2025 and 2026. Each row says so:
status "illustrative" and the source below, so every chart drawn from it is labelled
illustrative. Nothing is written for the country or the provinces where the communes carry
the figure: the country is the sum of its provinces and a province the sum of its communes
(ratios from their numerators and denominators), as the dashboard computes them.

The catalog's headline indicators (the DTI rank aside: ranks are published, never made up):

- Communes: coverage by post, mobile, fibre and internet (each commune 1 of 1, or 0 of 1, and
  a commune that has a service in 2025 keeps it in 2026), households with internet (of all
  households).
- Provinces: online public services at full level (of all procedures) and press articles
  compiled (a count), figures a province reports as a whole.

About 33,000 rows, 4 MB: small enough to keep in the repository.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "src"))

from indicators.core.schema import OBS_COLUMNS  # noqa: E402
from indicators.core.settings import load_settings  # noqa: E402
from indicators.geography.units import NEW, build_regions  # noqa: E402

SEED = 2025
ILLUSTRATIVE = "Minh họa / illustrative (data/national/generate.py)"
YEARS = (2025, 2026)
HEADER = [*OBS_COLUMNS[:3], "region_name", *OBS_COLUMNS[3:]]  # a name beside each code
URBAN = ("phường",)
# Commune coverage: (share of communes with the service in 2025 at an average province, the
# share of the gap closed by 2026).
COVERAGE = {
    "post_commune_pct": (0.975, 0.6),
    "mobile_commune_pct": (0.995, 0.8),
    "fibre_commune_pct": (0.93, 0.5),
    "internet_commune_pct": (0.985, 0.7),
}


def fmt(x: float | None) -> str:
    """A number as the bundled CSVs write it: whole numbers bare, others to 4 decimals."""
    if x is None:
        return ""
    r = round(float(x), 4)
    return str(int(r)) if r == int(r) else f"{r:.4f}".rstrip("0")


class Rows:
    """The observation rows, each with its unit's name beside the code."""

    def __init__(self) -> None:
        self.rows: list[list[str]] = []

    def add(self, indicator: str, unit, year: int, value, num=None, den=None) -> None:
        self.rows.append(
            [
                indicator,
                NEW,
                unit.code,
                unit.name,
                str(year),
                fmt(value),
                fmt(num),
                fmt(den),
                "illustrative",
                ILLUSTRATIVE,
                "",
            ]
        )

    def ratio(self, indicator: str, unit, year: int, num: float, den: float) -> None:
        self.add(indicator, unit, year, num / den * 100, num, den)


def communes(rows: Rows, rng, units, lead: float) -> None:
    """One province's communes: `lead` (about -1 … 1) moves the whole province ahead or behind."""
    n = len(units)
    urban = np.array([u.type in URBAN for u in units])
    lag = rng.normal(0, 1, n) - 0.9 * urban - lead  # positive: the service comes later
    households = np.round(rng.lognormal(np.log(6500), 0.45, n) * np.where(urban, 1.5, 1.0))
    order = np.argsort(-lag, kind="stable")  # the most lagging commune first
    for indicator, (share, closed) in COVERAGE.items():
        draw = rng.random()  # rounds a province's share of communes without the service
        for year in YEARS:
            missing = (1 - share) * (1 - closed * (year - YEARS[0])) * (1 - 0.6 * lead)
            late = np.zeros(n, dtype=bool)
            late[order[: int(n * missing + draw)]] = True
            for unit, without in zip(units, late, strict=True):
                rows.ratio(indicator, unit, year, 0 if without else 1, 1)
    for year in YEARS:
        step = year - YEARS[0]
        online = np.clip(0.78 + 0.03 * step + 0.08 * urban - 0.05 * lag, 0.3, 0.99)
        for i, unit in enumerate(units):
            hh = households[i] * (1.012**step)
            rows.ratio("hh_internet_pct", unit, year, round(hh * online[i]), round(hh))


def provinces(rows: Rows, rng, province, lead: float) -> None:
    """One province's own figures: full-level online services and press articles compiled."""
    procedures = int(rng.integers(1750, 2150))
    articles = int(rng.integers(2500, 12000))
    for year in YEARS:
        step = year - YEARS[0]
        share = float(np.clip(0.62 + 0.1 * lead + 0.07 * step + rng.normal(0, 0.03), 0.3, 0.98))
        rows.ratio("dvc_full_pct", province, year, round(procedures * share), procedures)
        rows.add("press_articles", province, year, round(articles * (1.04**step)))


def main(out_dir: Path = HERE) -> int:
    units = build_regions(load_settings(HERE).region_sources)
    units = units[units["unit_list"] == NEW]
    rng = np.random.default_rng(SEED)
    rows = Rows()
    for province in units[units["level"] == "province"].itertuples(index=False):
        lead = float(np.clip(rng.normal(0, 0.5), -1, 1))
        below = units[(units["level"] == "commune") & (units["province_code"] == province.code)]
        communes(rows, rng, list(below.itertuples(index=False)), lead)
        provinces(rows, rng, province, lead)
    with (out_dir / "observations.csv").open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(HEADER)
        out.writerows(rows.rows)
    return len(rows.rows)


if __name__ == "__main__":
    n = main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
    print(f"{n} rows")
