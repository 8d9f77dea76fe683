"""Provinces across the 1 July 2025 merger: a new province's history is its old provinces'.

On 1 July 2025 the 63 provinces became 34, each old province joining one new province whole
(old Khánh Hòa + old Ninh Thuận → the new Khánh Hòa 56; old Lào Cai 10 + old Yên Bái 15 → the
new Lào Cai 15; old Cao Bằng 04 alone → the new Cao Bằng 04). So a new province's value for a
period before the reform is the sum of its old provinces' values, with the same rules as the
commune-level conversion (`query.across_reform`, arithmetic in `query.reform_sums`):

- counts and amounts that add up: the sum; ratios: numerators and denominators summed, then
  divided (`core.schema.ratio`); indexes, ranks and non-additive amounts: never converted;
- every such value is flagged converted (basis ``whole``: provinces merged whole, so it is
  exact, never an estimate), its status the weakest part's, its sources joined;
- it is the new province's figure only when every old province it joined has a usable value
  for that period (`n_parts` reaches `n_expected`, counted in old commune-level units as
  everywhere else); otherwise it is kept as partial, which `converted_series` leaves out
  unless asked;
- a new province that is exactly one old province also shows its new values on the old unit
  (basis ``one_to_one``), as a new commune that is exactly one old unit does.

One path per level, so nothing is counted twice: this module converts every province (the
install's own and the other provinces of the national level, which have no units below them),
and `across_reform` converts only the units below the province. The install's own old
provinces enter as `read` resolves them (reported, else the sum of their communes), so the
commune data still makes the home province's history; only the province-level sum is done here.
"""

from __future__ import annotations

import pandas as pd

from indicators.geography.crosswalk import BASIS_WHOLE, province_crosswalk
from indicators.geography.units import LEGACY, NEW
from indicators.query import province_tables
from indicators.query.reform_sums import (
    PERIOD_KEYS,
    SERIES_COLUMNS,
    Wanted,
    combine,
    old_parts,
    onto_old,
)


def _provinces(regions: pd.DataFrame, unit_list: str) -> set[str]:
    rows = regions[(regions["unit_list"] == unit_list) & (regions["level"] == "province")]
    return set(rows["code"])


def _merger(regions: pd.DataFrame) -> pd.DataFrame:
    """The province crosswalk restricted to the new provinces this install holds as units."""
    pxw = province_crosswalk()
    return pxw[pxw["new_province_code"].isin(_provinces(regions, NEW))].reset_index(drop=True)


def provinces_to_new(
    con, rev: int, regions: pd.DataFrame, cat: pd.DataFrame, wanted: Wanted = None
) -> pd.DataFrame:
    """Every new province's values before the reform (or the `wanted` ones'), summed from the
    old provinces it joined.

    An old province that is not a unit of this install (an install built without the national
    level) simply has no value, so its new province stays partial.
    """
    return _kept(con, rev, regions, cat, wanted, NEW)


def provinces_to_old(
    con, rev: int, regions: pd.DataFrame, cat: pd.DataFrame, wanted: Wanted = None
) -> pd.DataFrame:
    """New values of a province that was not merged, on the old province it exactly is (the
    `wanted` old provinces among them)."""
    return _kept(con, rev, regions, cat, wanted, LEGACY)


# -- kept per indicator ---------------------------------------------------------------------------
# A Trends filter change that picks a province converts it: at national scale 0.2–0.5 s of
# pandas, no cheaper for one province than for all of them. So where the values it is made from
# are kept (`province_tables`), every province's conversion of an indicator is made once and
# kept beside them, under their key: it lives exactly as long as they do.

_FROM = {NEW: LEGACY, LEGACY: NEW}  # a conversion onto a unit list reads the other's values


def _kept(con, rev, regions, cat: pd.DataFrame, wanted: Wanted, onto: str) -> pd.DataFrame:
    """The conversion onto `onto` of the `wanted` provinces, from the kept conversions where
    the values they are made from are kept; else only `wanted`'s, from the store."""
    every = _tables(con, rev, regions, cat, onto) if wanted else None
    if every is None:
        convert = _to_new if onto == NEW else _to_old
        return convert(con, rev, regions, cat, wanted)
    rows = [t[t["region"].isin(wanted)] for t in every.values()]
    rows = [t for t in rows if not t.empty]
    if not rows:
        return pd.DataFrame(columns=SERIES_COLUMNS)
    return pd.concat(rows, ignore_index=True) if len(rows) > 1 else rows[0].reset_index(drop=True)


def _tables(con, rev, regions, cat: pd.DataFrame, onto: str) -> dict[str, pd.DataFrame] | None:
    """Each indicator's conversion onto `onto` of every province: kept ones as they are, the
    others made in one conversion and kept; None when the values they would be made from are
    not all kept (then a conversion of every province would read the store's communes)."""
    codes = cat["code"].tolist()
    keys = province_tables.kept_keys(con, rev, codes, _FROM[onto])
    if keys is None:
        return None
    names = {code: ("province_merger", onto, *keys[code]) for code in codes}
    found = {code: province_tables.kept(name) for code, name in names.items()}
    missing = [code for code, table in found.items() if table is None]
    if missing:
        convert = _to_new if onto == NEW else _to_old
        every = convert(con, rev, regions, cat[cat["code"].isin(missing)], None)
        for code in missing:
            found[code] = every[every["indicator"] == code].reset_index(drop=True)
            province_tables.keep(names[code], found[code])
    return found


def made(con, rev: int, regions: pd.DataFrame, cat: pd.DataFrame) -> None:
    """Convert every province of each indicator in `cat` both ways and keep it, unless kept
    (what the revision watcher does once the province tables are made)."""
    for onto in (NEW, LEGACY):
        _tables(con, rev, regions, cat, onto)


def _to_new(
    con, rev: int, regions: pd.DataFrame, cat: pd.DataFrame, wanted: Wanted
) -> pd.DataFrame:
    """`provinces_to_new`, from the store."""
    pxw = _merger(regions)
    if wanted is not None:
        pxw = pxw[pxw["new_province_code"].isin(wanted)]
    old = pxw[pxw["old_province_code"].isin(_provinces(regions, LEGACY))]
    if old.empty:
        return pd.DataFrame(columns=SERIES_COLUMNS)
    codes = sorted(old["old_province_code"])
    legacy = regions[regions["unit_list"] == LEGACY]
    communes = legacy[(legacy["level"] == "commune") & legacy["province_code"].isin(codes)]
    under = communes.rename(columns={"province_code": "old_code"})[["old_code", "code"]]
    parts = old_parts(con, rev, cat, codes, under)
    if parts.empty:
        return pd.DataFrame(columns=SERIES_COLUMNS)
    size = pxw.set_index("old_province_code")["n_old_units"]
    # A complete old province covers all its old units, whether it reported or its communes
    # add up (an island district without communes is one of them); a partial one what it has.
    complete = (parts["origin"] == "reported") | (parts["n_parts"] >= parts["n_expected"])
    parts["n_parts"] = parts["n_parts"].where(~complete, parts["old_code"].map(size))
    parts = parts.merge(
        pxw[["old_province_code", "new_province_code"]],
        left_on="old_code",
        right_on="old_province_code",
    )
    out = combine(parts.assign(w=1.0, whole=True), ["new_province_code", *PERIOD_KEYS], cat)
    expected = pxw.groupby("new_province_code")["n_old_units"].sum()
    return out.rename(columns={"new_province_code": "region"}).assign(
        unit_list=NEW,
        note=None,
        origin="converted",
        n_parts=lambda d: d["n_parts"].astype("int64"),
        n_expected=lambda d: d["region"].map(expected).astype("int64"),
        converted=True,
        estimate=False,
        basis=BASIS_WHOLE,
        from_unit_list=LEGACY,
    )[SERIES_COLUMNS]


def _to_old(
    con, rev: int, regions: pd.DataFrame, cat: pd.DataFrame, wanted: Wanted
) -> pd.DataFrame:
    """`provinces_to_old`, from the store."""
    pxw = _merger(regions)
    alone = pxw.groupby("new_province_code")["old_province_code"].transform("size") == 1
    eq = pxw[alone & pxw["old_province_code"].isin(_provinces(regions, LEGACY))]
    if wanted is not None:
        eq = eq[eq["old_province_code"].isin(wanted)]
    pairs = eq.rename(columns={"new_province_code": "new_code", "old_province_code": "old_code"})
    return onto_old(con, rev, cat, pairs)
