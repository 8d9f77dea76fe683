"""A store the size of a national install, built by a script, for bench/national_speed.py.

    .venv/bin/python bench/national_store.py [--db var/national-bench.duckdb] [--scale 1]
        [--data-dir FOLDER] [--replace]

What a ministry's install would hold by the end of the 2026–2030 plan: all 34 provinces and
3,321 communes of the 2025 unit list and the 63 provinces and 10,035 communes of the old one,
40 indicators (bench/_national_catalog.py: the bundled 36 and four more), yearly 2016–2030 and
quarterly or monthly where the catalog's `frequency` says, about 9.6 million observations, and
targets for the plan years. Old units carry 2016–2024 and the first half of 2025, new units
mid-2025 to 2030 (a 2025 annual figure is on the new units, as the reform puts it).

Every value is made up, from a seeded generator (the same store on every run): status
"illustrative" on every row, the source naming this script. Ratios carry their numerator and
denominator; a year of a quarterly or monthly indicator is its parts rolled up as the catalog's
`agg_time` says (the last part, their sum, or Σnumerator ÷ Σdenominator), so the stored years
and the stored months agree.

The frames are built with numpy (vectorised: the 9.6 M rows take seconds) in the canonical
columns (`core.schema` OBS_COLUMNS + PERIOD_COLUMNS, as `ingest.bundled` makes them, text
columns as categoricals) and committed through the store's public interface,
`Store.commit`, in revisions of at most 2 M rows, after the store is created the way the app
creates one (`service.seed_from` on the install folder: reference tables, and a first empty
revision, as a new install starts).

`--db` is a DuckDB file or, once `indicators.store.location` exists, any location it accepts
(a `postgresql://…` URL). `--data-dir` is the install folder the app needs beside the store
(INDICATORS_DATA_DIR; default: `<store>-data` beside a store file). `--scale 0.01` builds the
same shape with 1% of the communes (at least one per province): the CI smoke test's store.
The build's figures go to `build.json` in the install folder (national_speed.py reports them).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from _national_catalog import COMMUNE, PROVINCE, REPORTED_AT, frequencies, write_install

from indicators.core.catalog import Catalog, load_catalog
from indicators.core.periods import parse_period
from indicators.core.schema import ILLUSTRATIVE, OBS_COLUMNS, PERIOD_COLUMNS, TARGET_COLUMNS
from indicators.core.settings import COUNTRY, load_settings
from indicators.geography.units import LEGACY, NEW, build_regions
from indicators.service import seed_from
from indicators.store.revisions import Revision, Store

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DB = ROOT / "var" / "national-bench.duckdb"
SEED = 2030
SOURCE = "Minh họa / illustrative (bench/national_store.py)"
AUTHOR = "bench"
MAX_ROWS = 2_000_000  # rows of one revision
FIRST_YEAR, LAST_YEAR = 2016, 2030
# The years each unit list carries (a yearly figure is on the list in force at its end) and the
# years whose parts it carries (the old list's first half of 2025 too).
YEARS = {LEGACY: range(FIRST_YEAR, 2025), NEW: range(2025, LAST_YEAR + 1)}
PART_YEARS = {LEGACY: range(FIRST_YEAR, 2026), NEW: range(2025, LAST_YEAR + 1)}
REFORM = np.datetime64("2025-07-01")
PARTS = {"year": 1, "quarter": 4, "month": 12}


# -- periods: every year, quarter and month of 2016–2030, indexed -----------------------------


def _periods() -> pd.DataFrame:
    codes = [str(y) for y in range(FIRST_YEAR, LAST_YEAR + 1)]
    codes += [f"{y}-Q{q}" for y in range(FIRST_YEAR, LAST_YEAR + 1) for q in range(1, 5)]
    codes += [f"{y}-{m:02d}" for y in range(FIRST_YEAR, LAST_YEAR + 1) for m in range(1, 13)]
    found = [parse_period(c) for c in codes]
    return pd.DataFrame(
        {
            "code": codes,
            "kind": [p.kind for p in found],
            "start": np.array([p.start for p in found], dtype="datetime64[D]"),
            "end": np.array([p.end for p in found], dtype="datetime64[D]"),
            "year": [p.start.year for p in found],
        }
    )


PERIODS = _periods()
KINDS = ["year", "quarter", "month"]
KIND_OF = PERIODS["kind"].map(KINDS.index).to_numpy()
# Years since the start of 2016 at each period's end (what the illustrative trends grow with).
T_END = (PERIODS["end"] + np.timedelta64(1, "D") - np.datetime64("2016-01-01")).dt.days / 365.25
T_END = T_END.to_numpy()
END_MONTH = PERIODS["end"].dt.month.to_numpy()


def periods_of(kind: str, years: range) -> np.ndarray:
    """Indexes into PERIODS of every period of `kind` in `years`, in time order."""
    found = PERIODS[(PERIODS["kind"] == kind) & PERIODS["year"].isin(list(years))]
    return found.sort_values("start").index.to_numpy()


# -- units and their illustrative traits -------------------------------------------------------


@dataclass
class Units:
    """The units one level of one list reports on, with the traits the figures grow from
    (each an (n, 1) column, so that it broadcasts against periods)."""

    unit_list: str
    codes: np.ndarray
    traits: dict[str, np.ndarray]

    def __len__(self) -> int:
        return len(self.codes)


def _col(a) -> np.ndarray:
    return np.asarray(a, dtype=float).reshape(-1, 1)


def units_of(regions: pd.DataFrame, unit_list: str, scale: float, rng) -> dict[str, Units]:
    """The provinces and (a `scale` share of, at least one per province) communes of a list."""
    own = regions[(regions["unit_list"] == unit_list) & (regions["code"] != COUNTRY)]
    provinces = own[own["level"] == "province"].reset_index(drop=True)
    lead = np.clip(rng.normal(0, 0.5, len(provinces)), -1, 1)
    communes = own[own["level"] == "commune"].reset_index(drop=True)
    if scale < 1:
        keep = rng.random(len(communes)) < scale
        first = ~communes["province_code"].duplicated()  # one per province at least
        communes = communes[keep | first.to_numpy()].reset_index(drop=True)
    n = len(communes)
    urban = communes["type"].isin(["phường", "thị trấn"]).to_numpy()
    at = pd.Series(np.arange(len(provinces)), index=provinces["code"])
    c_lead = lead[at.reindex(communes["province_code"]).fillna(0).astype(int).to_numpy()]
    lag = rng.normal(0, 1, n) - 0.9 * urban - c_lead
    commune_traits = {
        "pop": np.round(rng.lognormal(np.log(8000), 0.55, n) * np.where(urban, 1.6, 1.0)),
        "urban": urban.astype(float),
        "lag": lag,
        "sub": rng.normal(0, 0.08, n),
        "bts": 1 + rng.poisson(2, n),
        "wifi": rng.poisson(1.5, n),
        **{f"arrive_{k}": rng.normal(0, 1, n) for k in ("post", "mobile", "fibre", "internet")},
    }
    province_traits = {
        "lead": lead,
        "services": rng.integers(1750, 2150, len(provinces)),
        "records": rng.lognormal(np.log(600_000), 0.6, len(provinces)),
        "articles": rng.integers(2500, 12000, len(provinces)),
        "radius": rng.uniform(2.0, 4.5, len(provinces)),
    }
    return {
        COMMUNE: Units(
            unit_list,
            communes["code"].to_numpy(),
            {k: _col(v) for k, v in commune_traits.items()},
        ),
        PROVINCE: Units(
            unit_list,
            provinces["code"].to_numpy(),
            {k: _col(v) for k, v in province_traits.items()},
        ),
    }


# -- the illustrative figures: one function per indicator --------------------------------------
# Each takes the units' traits, the periods' times (years since 2016 at their end, (1, P)),
# their length in years and end month, and a generator; it gives (value, numerator,
# denominator) arrays of shape (n, P) (None where the indicator has no parts).


@dataclass
class When:
    t: np.ndarray
    length: float
    month: np.ndarray


Figures = tuple[np.ndarray | None, np.ndarray | None, np.ndarray | None]
Model = Callable[[dict[str, np.ndarray], When, np.random.Generator], Figures]


def population(u, w: When) -> np.ndarray:
    return np.round(u["pop"] * 1.01**w.t)


def per_person(share: Callable[[dict, When], np.ndarray], lo: float, hi: float) -> Model:
    """A subscription-like count per 100 people: numerator = population × share(t)."""

    def model(u, w, rng):
        pop = population(u, w)
        return None, np.round(pop * np.clip(share(u, w), lo, hi)), pop

    return model


def coverage(base: float, which: str) -> Model:
    """A commune has the service (1 of 1) from the year it arrives, earlier where it leads."""

    def model(u, w, rng):
        arrive = base + 2.2 * (u["lag"] + 0.6 * u[f"arrive_{which}"])
        has = (w.t >= arrive).astype(float)
        return None, has, np.ones_like(has)

    return model


def seasonal(w: When) -> np.ndarray:
    return 1 + 0.15 * np.cos(2 * np.pi * (w.month - 12) / 12)


def flow(rate: Callable[[dict, When], np.ndarray]) -> Model:
    """An amount over each period (a month's or a quarter's items or articles)."""

    def model(u, w, rng):
        noise = rng.lognormal(0, 0.08, (len(next(iter(u.values()))), w.t.shape[1]))
        return np.round(rate(u, w) * w.length * seasonal(w) * noise), None, None

    return model


def _households(u, w, rng):
    hh = np.round(population(u, w) / 3.7)
    share = 0.55 + 0.025 * w.t + 0.1 * u["urban"] - 0.05 * u["lag"]
    return None, np.round(hh * np.clip(share, 0.2, 0.99)), hh


def _offices(u) -> np.ndarray:
    return np.maximum(u["urban"], (u["pop"] > 15000).astype(float)) + (u["pop"] > 30000)


def _agents(u, w) -> np.ndarray:
    return np.round(population(u, w) / 9000 * (1 + 0.03 * w.t))


def _points(u, w) -> np.ndarray:
    return _offices(u) + (1 - u["urban"]) + _agents(u, w)


def _records(u, w, rng):
    noise = rng.lognormal(0, 0.06, (len(u["lead"]), w.t.shape[1]))
    total = np.round(u["records"] * 1.05**w.t * w.length * seasonal(w) * noise)
    share = np.clip(0.15 + 0.055 * w.t + 0.1 * u["lead"], 0.02, 0.98)
    return None, np.round(total * share), total


def _services(u, w, rng):
    total = np.broadcast_to(u["services"], (len(u["services"]), w.t.shape[1])).astype(float)
    noise = rng.normal(0, 0.02, total.shape)
    share = np.clip(0.2 + 0.06 * w.t + 0.1 * u["lead"] + noise, 0.05, 0.99)
    return None, np.round(total * share), total


def _constant(values: Callable[[dict, When], np.ndarray]) -> Model:
    def model(u, w, rng):
        v = values(u, w)
        return np.broadcast_to(v, (v.shape[0], w.t.shape[1])).astype(float), None, None

    return model


MODELS: dict[str, Model] = {
    "post_commune_pct": coverage(-2.0, "post"),
    "mobile_commune_pct": coverage(-3.5, "mobile"),
    "fibre_commune_pct": coverage(1.5, "fibre"),
    "internet_commune_pct": coverage(0.0, "internet"),
    "hh_internet_pct": _households,
    "post_offices": _constant(lambda u, w: _offices(u)),
    "post_cultural_points": _constant(lambda u, w: 1 - u["urban"]),
    "post_agents": _constant(_agents),
    "post_points": _constant(_points),
    "post_pop_per_point": lambda u, w, rng: (None, population(u, w), _points(u, w)),
    "bts_count": _constant(lambda u, w: np.round(u["bts"] + 0.35 * w.t * (1 + u["urban"]))),
    "public_wifi_points": _constant(lambda u, w: np.round(u["wifi"] * np.clip(w.t - 4, 0, None))),
    "mobile_subs_per100": per_person(
        lambda u, w: 0.95 + 0.045 * w.t + 0.1 * u["urban"] + u["sub"], 0.6, 2.2
    ),
    "mobile_bb_per100": per_person(
        lambda u, w: 0.2 + 0.055 * w.t + 0.08 * u["urban"] + u["sub"], 0.05, 1.5
    ),
    "fixed_bb_per100": per_person(
        lambda u, w: 0.04 + 0.018 * w.t + 0.08 * u["urban"] + u["sub"] / 3, 0.005, 0.6
    ),
    "internet_users_per100": per_person(
        lambda u, w: 0.45 + 0.03 * w.t + 0.08 * u["urban"] - 0.04 * u["lag"], 0.1, 0.97
    ),
    "post_items": flow(lambda u, w: population(u, w) * 4 * 1.06**w.t),
    "dvc_full_pct": _services,
    "records_online_pct": _records,
    "press_articles": flow(lambda u, w: u["articles"] * 1.04**w.t),
    "post_radius_km": _constant(lambda u, w: np.round(u["radius"] * 0.985**w.t, 2)),
}


# -- blocks: one indicator on one level of one list, all its periods ----------------------------


@dataclass
class Block:
    """Rows of one indicator for `units` × `periods` (unit-major), as arrays."""

    indicator: str
    unit_list: str
    units: np.ndarray  # codes
    periods: np.ndarray  # indexes into PERIODS
    value: np.ndarray  # (n, m)
    numerator: np.ndarray | None
    denominator: np.ndarray | None

    @property
    def rows(self) -> int:
        return len(self.units) * len(self.periods)

    def cut(self, a: int, b: int) -> Block:
        """Units a..b only (a revision takes whole units of a block)."""

        def part(x):
            return None if x is None else x[a:b]

        return Block(
            self.indicator,
            self.unit_list,
            self.units[a:b],
            self.periods,
            self.value[a:b],
            part(self.numerator),
            part(self.denominator),
        )


def _aggregate(x: np.ndarray | None, k: int, how: str) -> np.ndarray | None:
    """(n, years × k) parts to (n, years) as `agg_time` says."""
    if x is None:
        return None
    parts = x.reshape(x.shape[0], -1, k)
    return parts[:, :, -1] if how == "last" else parts.sum(axis=2)


def block(code: str, frequency: str, catalog: Catalog, units: Units, rng) -> Block:
    """The rows of `code` on `units`: its periods of `frequency` while the list is in force,
    and its years (rolled up from the same parts, as the catalog's `agg_time` says)."""
    ind = catalog[code]
    k = PARTS[frequency]
    parts = periods_of(frequency, PART_YEARS[units.unit_list])
    when = When(T_END[parts][None, :], 1 / k, END_MONTH[parts][None, :])
    value, num, den = MODELS[code](units.traits, when, rng)
    years = np.array(PART_YEARS[units.unit_list])
    stored_years = np.isin(years, list(YEARS[units.unit_list]))
    how = "last" if ind.agg_time in ("last", "none") else "sum"
    y_value, y_num, y_den = (_aggregate(x, k, how) for x in (value, num, den))
    columns = [periods_of("year", YEARS[units.unit_list])]
    values = [None if y_value is None else y_value[:, stored_years]]
    nums = [None if y_num is None else y_num[:, stored_years]]
    dens = [None if y_den is None else y_den[:, stored_years]]
    if frequency != "year":  # the parts themselves, on the list in force at their end
        ends = PERIODS["end"].to_numpy()[parts]
        kept = ends < REFORM if units.unit_list == LEGACY else ends >= REFORM
        columns.append(parts[kept])
        values.append(None if value is None else value[:, kept])
        nums.append(None if num is None else num[:, kept])
        dens.append(None if den is None else den[:, kept])
    periods = np.concatenate(columns)
    if ind.kind == "ratio":
        num, den = np.hstack(nums), np.hstack(dens)
        with np.errstate(divide="ignore", invalid="ignore"):
            value = np.where(den != 0, num / den * ind.scale, np.nan)
        return Block(code, units.unit_list, units.codes, periods, value, num, den)
    return Block(code, units.unit_list, units.codes, periods, np.hstack(values), None, None)


def blocks(folder: Path, scale: float) -> Iterator[Block]:
    """Every block of the store, in catalog order, old units first."""
    settings = load_settings(folder, Path(os.devnull))
    catalog = load_catalog(folder / "catalog.csv")
    frequency = frequencies(folder)
    regions = build_regions(settings.region_sources)
    rng = np.random.default_rng(SEED)
    for unit_list in (LEGACY, NEW):
        levels = units_of(regions, unit_list, scale, rng)
        for ind in catalog:
            level = REPORTED_AT.get(ind.code)
            if level is not None:
                yield block(ind.code, frequency[ind.code], catalog, levels[level], rng)


def revisions_of(found: Iterator[Block], max_rows: int = MAX_ROWS) -> Iterator[list[Block]]:
    """Blocks packed into revisions of at most `max_rows` rows (a large block split by units)."""
    batch: list[Block] = []
    rows = 0
    for b in found:
        start = 0
        per_unit = len(b.periods)
        while start < len(b.units):
            room = (max_rows - rows) // per_unit
            if room == 0:
                yield batch
                batch, rows = [], 0
                continue
            part = b.cut(start, start + room)
            batch.append(part)
            rows += part.rows
            start += room
    if batch:
        yield batch


def _categorical(values: np.ndarray, categories: list[str]) -> pd.Categorical:
    return pd.Categorical.from_codes(values, categories=categories)


def frame(batch: list[Block]) -> pd.DataFrame:
    """One revision's blocks as a canonical observations frame (text columns categorical:
    Arrow dictionaries, which the store casts to text)."""
    indicators = sorted({b.indicator for b in batch})
    regions = sorted({c for b in batch for c in b.units})
    region_at = {c: i for i, c in enumerate(regions)}
    pidx = np.concatenate([np.tile(b.periods, len(b.units)) for b in batch])
    rows = len(pidx)

    def flat(attr: str) -> np.ndarray:
        parts = []
        for b in batch:
            x = getattr(b, attr)
            parts.append(np.full(b.rows, np.nan) if x is None else np.ravel(x).astype(float))
        return np.concatenate(parts)

    def repeated(pick: Callable[[Block], int], categories: list[str]) -> pd.Categorical:
        codes = np.concatenate([np.full(b.rows, pick(b), dtype=np.int32) for b in batch])
        return _categorical(codes, categories)

    region_codes = np.concatenate(
        [np.repeat([region_at[c] for c in b.units], len(b.periods)) for b in batch]
    ).astype(np.int32)
    one = np.zeros(rows, dtype=np.int8)
    out = pd.DataFrame(
        {
            "indicator": repeated(lambda b: indicators.index(b.indicator), indicators),
            "unit_list": repeated(lambda b: [LEGACY, NEW].index(b.unit_list), [LEGACY, NEW]),
            "region": _categorical(region_codes, regions),
            "period": _categorical(pidx, PERIODS["code"].tolist()),
            "value": flat("value"),
            "numerator": flat("numerator"),
            "denominator": flat("denominator"),
            "status": _categorical(one, [ILLUSTRATIVE]),
            "source": _categorical(one, [SOURCE]),
            "note": _categorical(one, [""]),
            "period_kind": _categorical(KIND_OF[pidx], KINDS),
            "period_start": PERIODS["start"].to_numpy()[pidx],
            "period_end": PERIODS["end"].to_numpy()[pidx],
        }
    )
    return out[[*OBS_COLUMNS, *PERIOD_COLUMNS]]


# Targets of the plan years: (indicator, 2020 target, 2025 target, 2030 target).
TARGETS = [
    ("post_commune_pct", 100, 100, 100),
    ("mobile_commune_pct", 100, 100, 100),
    ("fibre_commune_pct", 90, 98, 100),
    ("internet_commune_pct", 100, 100, 100),
    ("hh_internet_pct", 70, 80, 95),
    ("dvc_full_pct", 30, 80, 100),
]


def targets_frame(folder: Path) -> pd.DataFrame:
    """Illustrative targets: the country and every province, 2020 on the old list, 2025 and
    2030 on the new one."""
    settings = load_settings(folder, Path(os.devnull))
    regions = build_regions(settings.region_sources)
    rows = []
    for unit_list, years in ((LEGACY, (2020,)), (NEW, (2025, 2030))):
        own = regions[(regions["unit_list"] == unit_list) & (regions["level"] != "district")]
        areas = own.loc[own["level"].isin(["country", "province"]), "code"]
        for code, *goals in TARGETS:
            goal = dict(zip((2020, 2025, 2030), goals, strict=True))
            for year in years:
                p = parse_period(str(year))
                for area in areas:
                    rows.append(
                        (code, unit_list, area, p.code, float(goal[year]), ILLUSTRATIVE,
                         SOURCE, "", p.kind, p.start, p.end)
                    )  # fmt: skip
    return pd.DataFrame(rows, columns=[*TARGET_COLUMNS, *PERIOD_COLUMNS])


# -- where the store is --------------------------------------------------------------------------


def is_url(location: str) -> bool:
    return "://" in location


def store_at(location: str) -> Store:
    """The store at a location: `indicators.store.location.store_at` where it exists (a DuckDB
    path or a PostgreSQL URL), else a DuckDB file."""
    try:
        from indicators.store.location import store_at as located  # not in every tree yet
    except ModuleNotFoundError as exc:
        if exc.name != "indicators.store.location":
            raise
        if is_url(location):
            raise SystemExit(
                f"{location}: this tree has no indicators.store.location, so only DuckDB files"
            ) from exc
        return Store(Path(location))
    return located(location)


def default_install(location: str) -> Path:
    """The install folder beside a store file (`x.duckdb` → `x-data`), else var/national-data."""
    if is_url(location):
        return ROOT / "var" / "national-data"
    path = Path(location)
    return path.with_name(path.stem + "-data")


def store_bytes(location: str) -> int | None:
    """The store file's size with its write-ahead log, for a DuckDB file."""
    if is_url(location):
        return None
    path = Path(location)
    wal = path.with_name(path.name + ".wal")
    return sum(p.stat().st_size for p in (path, wal) if p.exists())


def _remove(location: str) -> None:
    if is_url(location):
        raise SystemExit(f"{location}: --replace only removes a DuckDB file; empty it yourself")
    path = Path(location)
    for p in (path, path.with_name(path.name + ".wal")):
        p.unlink(missing_ok=True)


# -- the build -----------------------------------------------------------------------------------


def build(location: str, folder: Path, scale: float = 1.0, replace: bool = False) -> dict:
    """Write the install folder, create the store, commit every revision; the figures."""
    t0 = time.perf_counter()
    if replace:
        _remove(location)
    elif not is_url(location):
        Path(location).parent.mkdir(parents=True, exist_ok=True)
    write_install(folder)
    store = store_at(location)
    if store.is_seeded():
        raise SystemExit(f"{location} already holds revisions: pass --replace to build anew")
    seed_from(folder, store)  # reference tables, and the empty first revision of a new install
    t_seed = time.perf_counter()
    found = list(blocks(folder, scale))
    targets = targets_frame(folder)
    t_made = time.perf_counter()
    batches = list(revisions_of(iter(found)))
    revisions = []
    frame_s = 0.0
    for i, batch in enumerate(batches, 1):
        t1 = time.perf_counter()
        obs = frame(batch)
        frame_s += time.perf_counter() - t1
        frames = {"observations": obs}
        if i == 1:
            frames["targets"] = targets
        names = ", ".join(dict.fromkeys(b.indicator for b in batch))
        t2 = time.perf_counter()
        rev = store.commit(
            frames,
            author=AUTHOR,
            file_name="bench/national_store.py",
            message=f"Số liệu minh họa toàn quốc / illustrative national figures "
            f"({i}/{len(batches)}): {names}",
        )
        revisions.append({"id": rev.id, "rows": len(obs), "commit_s": time.perf_counter() - t2})
        print(
            f"revision {rev.id}: {len(obs):,} rows in {revisions[-1]['commit_s']:.1f} s",
            file=sys.stderr,
        )
        del obs, frames
    done = time.perf_counter()
    stats = {
        "location": location if is_url(location) else str(Path(location).resolve()),
        "install": str(folder.resolve()),
        "scale": scale,
        "observations": sum(b.rows for b in found),
        "targets": len(targets),
        "indicators_with_rows": len({b.indicator for b in found}),
        "revisions": revisions,
        "setup_s": t_seed - t0,
        "generate_s": t_made - t_seed + frame_s,
        "commit_s": sum(r["commit_s"] for r in revisions),
        "total_s": done - t0,
        "store_bytes": store_bytes(location),
        "built": time.strftime("%Y-%m-%d %H:%M"),
    }
    (folder / "build.json").write_text(json.dumps(stats, indent=1), encoding="utf-8")
    return stats


def correction(store: Store, n: int, k: int) -> pd.DataFrame:
    """`n` current rows of households with internet (latest year, new units, not all of their
    households yet), each one household more, the `k`-th time: a small correction of real keys
    that passes the upload's checks."""
    rows = store.read("observations", indicators=["hh_internet_pct"])
    rows = rows[(rows["unit_list"] == NEW) & (rows["period_kind"] == "year")]
    rows = rows[rows["numerator"] < rows["denominator"]]
    rows = rows[rows["period"] == rows["period"].max()].head(n).copy()
    rows["numerator"] = rows["numerator"] + 1
    rows["value"] = rows["numerator"] / rows["denominator"] * 100
    rows["note"] = f"bench revision {k}"
    return rows


def small_revision(store: Store, n: int, k: int) -> Revision:
    """A small new revision through the store's interface (`correction`)."""
    rows = correction(store, n, k)
    return store.commit(
        {"observations": rows},
        author=AUTHOR,
        message=f"Sửa nhỏ / a small correction ({len(rows)} rows, bench {k})",
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", default=str(DEFAULT_DB), help="DuckDB file (or store URL)")
    ap.add_argument("--data-dir", type=Path, help="install folder (default: beside the store)")
    ap.add_argument("--scale", type=float, default=1.0, help="share of communes (0.01: smoke)")
    ap.add_argument("--replace", action="store_true", help="remove an existing store file first")
    args = ap.parse_args()
    if not 0 < args.scale <= 1:
        raise SystemExit("--scale is a share of the communes: more than 0, at most 1")
    folder = args.data_dir or default_install(args.db)
    stats = build(args.db, folder, args.scale, args.replace)
    size = stats["store_bytes"]
    print(
        f"{stats['observations']:,} observations, {stats['targets']} targets, "
        f"{len(stats['revisions'])} revisions; generated in {stats['generate_s']:.1f} s, "
        f"committed in {stats['commit_s']:.1f} s, {stats['total_s']:.1f} s in all"
        + (f"; store {size / 1e6:,.0f} MB" if size else "")
    )
    print(f"INDICATORS_DB={args.db} INDICATORS_DATA_DIR={folder}")


if __name__ == "__main__":
    main()
