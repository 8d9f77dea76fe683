"""Regenerate the illustrative part of the bundled Khánh Hòa data.

    python data/generate.py [OUT_DIR]   # rewrites observations.csv and targets.csv (default: data/)

Published figures are written as they were published, with their source, status "published".
Everything else is drawn from a seeded generator (same output every run), shaped to agree with
the published province figures, and marked status "illustrative" with that source. Ratio
indicators are written per commune with numerator and denominator, so province figures are
real aggregates.
"""

from __future__ import annotations

import csv
import math
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from indicators.core.schema import OBS_COLUMNS  # noqa: E402
from indicators.core.settings import load_settings  # noqa: E402
from indicators.geography.units import LEGACY, NEW, build_regions  # noqa: E402

SEED = 2026
ILLUSTRATIVE = "Minh họa / illustrative (data/generate.py)"
BAO_KH = "Báo Khánh Hòa, 26/06/2020: kết quả ngành TT&TT giai đoạn 2016–2020"
LEGACY_YEARS = list(range(2016, 2025))
NEW_YEARS = [2025, 2026]
# Land area (km²) of the old provinces, for the service radius; the new list carries areas.
OLD_AREA = {"56": 5137.8, "58": 3355.3}
POP_2016 = {"56": 1_213_000, "58": 590_000}
HEADER = [*OBS_COLUMNS[:3], "region_name", *OBS_COLUMNS[3:]]  # a name beside each code


def fmt(x: float | None, nd: int = 4) -> str:
    if x is None:
        return ""
    r = round(float(x), nd)
    return str(int(r)) if r == int(r) else f"{r:.{nd}f}".rstrip("0")


class Writer:
    def __init__(self):
        self.rows: list[list[str]] = []

    def add(
        self,
        ind,
        unit_list,
        unit,
        period,
        value,
        num=None,
        den=None,
        status="illustrative",
        source=ILLUSTRATIVE,
        note="",
    ):
        self.rows.append(
            [
                ind,
                unit_list,
                unit["code"],
                unit["name"],
                str(period),
                fmt(value),
                fmt(num),
                fmt(den),
                status,
                source,
                note,
            ]
        )

    def ratio(self, ind, unit_list, unit, period, num, den, scale=100.0, **kw):
        self.add(ind, unit_list, unit, period, num / den * scale, num, den, **kw)


def logistic(t: float, start: float, end: float, mid: float, k: float = 0.6) -> float:
    return start + (end - start) / (1 + math.exp(-k * (t - mid)))


def communes_era(w: Writer, rng, communes, unit_list, years, pop_total, coverage, size=1.0):
    """Commune rows for one unit list: coverage flags, counts and per-capita ratios."""
    n = len(communes)
    urban = np.array([c["type"] in ("phường", "thị trấn") for c in communes])
    weights = rng.lognormal(0, 0.55, n) * np.where(urban, 1.8, 1.0)
    # The Trường Sa islands have a few hundred residents, not a mainland commune's thousands.
    islands = np.array([c["type"] == "đặc khu" or c["district_code"] == "576" for c in communes])
    weights = np.where(islands, weights * 0.02, weights)
    pop0 = weights / weights.sum()
    # `size`: how many old communes a unit stands for, so totals carry across the merger.
    points = np.round((rng.integers(1, 3, n) + urban.astype(int)) * size).astype(int)
    bts = np.round((rng.integers(3, 10, n) + urban * rng.integers(4, 12, n)) * size).astype(int)
    lag = rng.normal(0, 1, n) - urban * 0.8  # positive: adopts later
    for y in years:
        t = y - 2016
        pop = np.round(pop0 * pop_total * (1.011**t))
        hh = np.round(pop / 3.7)
        for code, (first_full, share_2016) in coverage.items():
            flags = coverage_flags(lag, y, first_full, share_2016)
            for c, has in zip(communes, flags, strict=True):
                w.ratio(f"{code}_commune_pct", unit_list, c, y, int(has), 1)
        for i, c in enumerate(communes):
            shift = -lag[i] * 4
            hh_share = min(
                0.98, max(0.15, logistic(t, 0.38, 0.92, 5, 0.45) + shift / 100 + 0.08 * urban[i])
            )
            w.ratio("hh_internet_pct", unit_list, c, y, round(hh[i] * hh_share), hh[i])
            mob = logistic(t, 108, 150, 4, 0.5) + 12 * urban[i] + shift
            w.ratio("mobile_subs_per100", unit_list, c, y, round(pop[i] * mob / 100), pop[i])
            fbb = logistic(t, 8, 34, 5, 0.5) + 9 * urban[i] + shift / 2
            w.ratio("fixed_bb_per100", unit_list, c, y, round(pop[i] * max(fbb, 2) / 100), pop[i])
            users = min(97, logistic(t, 48, 88, 4, 0.55) + 6 * urban[i] + shift)
            w.ratio("internet_users_per100", unit_list, c, y, round(pop[i] * users / 100), pop[i])
            pts = int(points[i] + round(size * (y >= 2022 and urban[i])))
            w.add("post_points", unit_list, c, y, pts)
            w.ratio("post_pop_per_point", unit_list, c, y, pop[i], pts, scale=1.0)
            w.add("bts_count", unit_list, c, y, int(bts[i] + size * t * (1 + urban[i]) // 2))


def coverage_flags(lag, year, first_full, share_2016):
    """Which communes have the service: the laggards gain it year by year until first_full."""
    order = np.argsort(-lag, kind="stable")  # most lagging first
    n = len(lag)
    if first_full is None or year < first_full[0]:
        span = (first_full[0] if first_full else 2030) - 2016
        missing_2016 = round(n * (1 - share_2016))
        frac = max(0.0, 1 - (year - 2016) / span)
        missing = max(first_full[1] if first_full else 0, round(missing_2016 * frac))
    else:
        missing = first_full[1]
    flags = np.ones(n, dtype=bool)
    flags[order[:missing]] = False
    return flags


def main(out_dir: Path = HERE) -> None:
    settings = load_settings(HERE)
    regions = build_regions(settings.region_sources)
    rng = np.random.default_rng(SEED)
    w = Writer()
    units = {(r.unit_list, r.code): r._asdict() for r in regions.itertuples(index=False)}

    def communes(unit_list, province):
        sel = regions[
            (regions.unit_list == unit_list)
            & (regions.level == "commune")
            & (regions.province_code == province)
        ]
        return [r._asdict() for r in sel.itertuples(index=False)]

    # Old Khánh Hòa: by 2020, 131 of 132 communes have a post point (99 %, published) and
    # all have mobile, fibre and internet (100 %, published).
    kh_cov = {
        "post": ((2020, 1), 0.95),
        "mobile": ((2020, 0), 0.97),
        "fibre": ((2020, 0), 0.82),
        "internet": ((2020, 0), 0.92),
    }
    nt_cov = {
        "post": ((2021, 0), 0.93),
        "mobile": ((2021, 0), 0.95),
        "fibre": ((2023, 0), 0.74),
        "internet": ((2022, 0), 0.88),
    }
    communes_era(w, rng, communes(LEGACY, "56"), LEGACY, LEGACY_YEARS, POP_2016["56"], kh_cov)
    communes_era(w, rng, communes(LEGACY, "58"), LEGACY, LEGACY_YEARS, POP_2016["58"], nt_cov)
    new_cov = {
        "post": ((2025, 0), 1.0),
        "mobile": ((2025, 0), 1.0),
        "fibre": ((2026, 0), 0.97),
        "internet": ((2025, 0), 1.0),
    }
    # Population grows 1.1 % a year from 2016 in every era, so 2025 continues 2024.
    new_pop = POP_2016["56"] + POP_2016["58"]
    old_units = len(communes(LEGACY, "56")) + len(communes(LEGACY, "58"))
    new_units = communes(NEW, "56")
    communes_era(
        w, rng, new_units, NEW, NEW_YEARS, new_pop, new_cov, size=old_units / len(new_units)
    )

    kh_old, nt_old, kh_new = units[(LEGACY, "56")], units[(LEGACY, "58")], units[(NEW, "56")]
    for code, cov in (("post", 99), ("mobile", 100), ("fibre", 100), ("internet", 100)):
        w.add(
            f"{code}_commune_pct",
            LEGACY,
            kh_old,
            2020,
            cov,
            status="published",
            source=BAO_KH,
            note="Số liệu công bố cấp tỉnh, làm tròn / published province figure, rounded",
        )

    # Province-level postal split and service radius, consistent with the commune points.
    pts = {}
    for unit_list, unit, years, area in (
        (LEGACY, kh_old, LEGACY_YEARS, OLD_AREA["56"]),
        (LEGACY, nt_old, LEGACY_YEARS, OLD_AREA["58"]),
        (NEW, kh_new, NEW_YEARS, float(kh_new["area_km2"])),
    ):
        for y in years:
            total = sum(
                int(r[5])
                for r in w.rows
                if r[0] == "post_points"
                and r[1] == unit_list
                and r[4] == str(y)
                and units[(unit_list, r[2])]["province_code"] == unit["code"]
            )
            offices = round(total * 0.22)
            cultural = round(total * 0.38)
            w.add("post_offices", unit_list, unit, y, offices)
            w.add("post_cultural_points", unit_list, unit, y, cultural)
            w.add("post_agents", unit_list, unit, y, total - offices - cultural)
            w.add("post_radius_km", unit_list, unit, y, math.sqrt(area / (math.pi * total)))
            pts[(unit_list, unit["code"], y)] = total

    # Press articles: yearly illustrative figures that add up to more than the published
    # 30,000 for 2016–2020, and the published phase total itself.
    press = [5820, 5960, 6110, 6240, 6380, 6450, 6600, 6720, 6810]
    for y, v in zip(LEGACY_YEARS, press, strict=True):
        w.add("press_articles", LEGACY, kh_old, y, v)
    for y, v in zip(NEW_YEARS, (9870, 10150), strict=True):
        w.add(
            "press_articles",
            NEW,
            kh_new,
            y,
            v,
            note="Tỉnh mới (gồm Ninh Thuận cũ) / new province incl. former Ninh Thuận",
        )
    w.add(
        "press_articles",
        LEGACY,
        kh_old,
        "2016-2020",
        30000,
        status="published",
        source=BAO_KH,
        note="Công bố: hơn 30.000 tin bài / published as 'more than 30,000'",
    )

    # Digital government, province level.
    for unit_list, unit, years, total in (
        (LEGACY, kh_old, range(2019, 2025), 1890),
        (LEGACY, nt_old, range(2019, 2025), 1760),
        (NEW, kh_new, NEW_YEARS, 2030),
    ):
        for y in years:
            share = logistic(y - 2016, 0.02, 0.78, 6.5, 0.75)
            w.ratio("dvc_full_pct", unit_list, unit, y, round(total * share), total)
    for y in range(2022, 2027):
        for q in range(1, 5):
            if (y, q) > (2026, 3):
                break
            new_era = (y, q) >= (2025, 3)
            unit_list, unit = (NEW, kh_new) if new_era else (LEGACY, kh_old)
            records = int(rng.integers(95_000, 120_000) * (1.6 if new_era else 1.0))
            share = logistic(y - 2016 + q / 4, 0.30, 0.93, 7.5, 0.8) + rng.normal(0, 0.012)
            w.ratio(
                "records_online_pct", unit_list, unit, f"{y}-Q{q}", round(records * share), records
            )

    # Rankings of provinces (DTI, ICT Index) are not made up here: the published ones, for
    # every province they place, are in data/rankings.csv with their sources (RANKINGS.md).

    with (out_dir / "observations.csv").open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(HEADER)
        out.writerows(w.rows)

    # Targets (illustrative): the old province's plans for 2020 and 2025 on the old units, the
    # new province's for 2025 and 2030 on the new units, so progress is measured like for like.
    targets = {
        (LEGACY, "56", 2020): {"post_commune_pct": 100, "mobile_commune_pct": 100,
                                 "fibre_commune_pct": 100, "internet_commune_pct": 100,
                                 "hh_internet_pct": 60, "dvc_full_pct": 30,
                                 "fixed_bb_per100": 15, "internet_users_per100": 70},
        (LEGACY, "56", 2025): {"post_commune_pct": 100, "mobile_commune_pct": 100,
                                 "fibre_commune_pct": 100, "internet_commune_pct": 100,
                                 "hh_internet_pct": 85, "dvc_full_pct": 80,
                                 "fixed_bb_per100": 30, "internet_users_per100": 85,
                                 "dti_rank": 20},
        (NEW, "56", 2025): {"post_commune_pct": 100, "mobile_commune_pct": 100,
                              "fibre_commune_pct": 100, "internet_commune_pct": 100,
                              "hh_internet_pct": 85, "dvc_full_pct": 80,
                              "fixed_bb_per100": 30, "internet_users_per100": 85,
                              "dti_rank": 15},
        (NEW, "56", 2030): {"post_commune_pct": 100, "mobile_commune_pct": 100,
                              "fibre_commune_pct": 100, "internet_commune_pct": 100,
                              "hh_internet_pct": 95, "dvc_full_pct": 100,
                              "fixed_bb_per100": 40, "internet_users_per100": 95,
                              "dti_rank": 10},
    }  # fmt: skip
    n_targets = 0
    with (out_dir / "targets.csv").open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(
            [
                "indicator",
                "unit_list",
                "region",
                "region_name",
                "period",
                "value",
                "status",
                "source",
                "note",
            ]
        )
        for (unit_list, code_, period), values in targets.items():
            unit = units[(unit_list, code_)]
            for code, value in values.items():
                out.writerow(
                    [
                        code,
                        unit_list,
                        unit["code"],
                        unit["name"],
                        period,
                        value,
                        "illustrative",
                        "Minh họa: chưa gắn văn bản kế hoạch / "
                        "illustrative, no plan document attached",
                        "",
                    ]
                )
                n_targets += 1
    print(f"observations: {len(w.rows)} rows; targets: {n_targets} rows")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
