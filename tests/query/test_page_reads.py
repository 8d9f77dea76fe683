"""A view's reads in one connection (`query.page_reads`) answer what the query functions they
bring together answer one by one, on the bundled Khánh Hòa store and on the national example
(the country as the unit looked inside): the same rows and values (the unit's own values come
with its units', so a column empty for it alone may be typed otherwise there)."""

from __future__ import annotations

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from indicators.core.settings import COUNTRY, REPO_ROOT, RegionRef, load_settings
from indicators.geography.units import LEGACY, NEW
from indicators.ingest.bundled import load_observations
from indicators.query import across_reform, page_reads, read
from indicators.service import seed_from
from indicators.store.revisions import Store

NATIONAL = REPO_ROOT / "data" / "national"


@pytest.fixture(scope="module")
def national(tmp_path_factory) -> Store:
    store = Store(tmp_path_factory.mktemp("national-reads") / "national.duckdb")
    seed_from(NATIONAL, store)
    return store


def same_values(got: pd.DataFrame, alone: pd.DataFrame) -> None:
    """The same rows and values; an empty note is None alone and missing among other rows."""
    notes = [got["note"].fillna("").tolist(), alone["note"].fillna("").tolist()]
    assert notes[0] == notes[1]
    assert_frame_equal(got.drop(columns="note"), alone.drop(columns="note"), check_dtype=False)


@pytest.mark.parametrize(
    ("unit_list", "parent", "level"),
    [(NEW, "56", "commune"), (LEGACY, "56", "district"), (LEGACY, "568", "commune")],
)
def test_below_is_the_units_their_values_and_the_parents_own(
    seeded_store, unit_list, parent, level
):
    rev = seeded_store.current_revision()
    code = "hh_internet_pct"
    with seeded_store.connect(read_only=True) as con:
        found = page_reads.below(
            con, rev, indicator=code, unit_list=unit_list, parent=parent, level=level
        )
        units = read.units_below(con, unit_list=unit_list, parent=parent, level=level)
        values = read.values_below(
            con, rev, indicator=code, unit_list=unit_list, parent=parent, level=level
        )
        own = read.resolved_values(
            con, rev, indicators=[code], unit_list=unit_list, regions=[parent]
        )
    assert len(units) > 0 and len(values) > 0 and len(own) > 0
    assert_frame_equal(found.units, units)
    assert_frame_equal(found.values, values)
    same_values(found.own, own)


def test_below_the_country_holds_its_provinces_and_its_own_roll_up(national):
    rev = national.current_revision()
    with national.connect(read_only=True) as con:
        found = page_reads.below(
            con, rev, indicator="press_articles", unit_list=NEW, parent=COUNTRY, level="province"
        )
        own = read.resolved_values(
            con, rev, indicators=["press_articles"], unit_list=NEW, regions=[COUNTRY]
        )
        values = read.values_below(
            con, rev, indicator="press_articles", unit_list=NEW, parent=COUNTRY, level="province"
        )
    assert len(found.units) == 34 and set(found.values["region"]) <= set(found.units["region"])
    assert set(own["region"]) == {COUNTRY}
    same_values(found.own, own)
    assert_frame_equal(found.values, values)


@pytest.fixture(scope="module")
def with_quarters(tmp_path_factory, catalog, regions) -> Store:
    """The bundled data and the province's BTS stations by quarter too (a yearly indicator
    also reported quarterly)."""
    store = Store(tmp_path_factory.mktemp("quarters") / "store.duckdb")
    seed_from(REPO_ROOT / "data", store)
    rows = "".join(f"bts_count,2025,56,2026-Q{q},{1500 + q},,,published,VNPT,\n" for q in (1, 2))
    head = "indicator,unit_list,region,period,value,numerator,denominator,status,source,note\n"
    frame = load_observations((head + rows).encode(), catalog, regions)
    store.commit({"observations": frame}, author="t")
    return store


def test_home_is_the_series_the_overview_shows_and_the_targets(with_quarters, catalog):
    """Of an indicator with yearly values, its years and plan phases (not its quarters); of any
    other (a half-yearly one), every period: what the cards and the trend figure read of it."""
    store = with_quarters
    rev = store.current_revision()
    refs = tuple(load_settings().province_units)
    codes = tuple(catalog.codes(("headline", "detail")))
    with store.connect(read_only=True) as con:
        series, targets = page_reads.home(con, rev, indicators=codes, refs=refs)
        full = read.series(con, rev, indicators=codes, refs=refs)
        assert_frame_equal(targets, read.targets(con, rev, indicators=codes, refs=refs))
    yearly = set(full.loc[full["period_kind"] == "year", "indicator"])
    shown = ~full["indicator"].isin(yearly) | full["period_kind"].isin(["year", "phase"])
    assert set(full["indicator"]) - yearly  # an indicator without years keeps every period
    quarters = full[(full["indicator"] == "bts_count") & (full["period_kind"] == "quarter")]
    assert len(quarters) == 2 and not shown[quarters.index].any()
    assert_frame_equal(series, full[shown].reset_index(drop=True))


def test_trend_is_the_converted_series_and_its_targets(seeded_store):
    rev = seeded_store.current_revision()
    code, area = "hh_internet_pct", (RegionRef(NEW, "56"),)
    with seeded_store.connect(read_only=True) as con:
        got, aims = page_reads.trend(con, rev, indicator=code, refs=area, unit_list=NEW)
        alone = across_reform.converted_series(
            con, rev, indicators=(code,), refs=area, unit_list=NEW
        )
        assert_frame_equal(got, alone)
        assert_frame_equal(aims, read.targets(con, rev, indicators=(code,), refs=area))
    assert len(got) > 0


@pytest.mark.parametrize("which", ["seeded_store", "national"])
def test_periods_held_are_each_indicators_periods_per_unit_list_as_of_the_revision(request, which):
    """One answer for every indicator (the Regions page picks one from it): the distinct
    periods of the rows that made up the revision, per indicator and unit list."""
    store = request.getfixturevalue(which)
    rev = store.current_revision()
    with store.connect(read_only=True) as con:
        held = read.periods_held(con, rev)
        rows = con.execute(
            "SELECT indicator, unit_list, period, rev_from, rev_to FROM observations"
        ).df()
    live = rows[(rows["rev_from"] <= rev) & (rows["rev_to"].isna() | (rows["rev_to"] > rev))]
    key = ["indicator", "unit_list", "period"]
    expected = set(live[key].drop_duplicates().itertuples(index=False, name=None))
    assert set(held[key].itertuples(index=False, name=None)) == expected
    assert len(held) == len(expected) and held["indicator"].nunique() > 5
    for _, part in held.groupby(["indicator", "unit_list"]):
        assert part["period_end"].is_monotonic_increasing  # oldest first, as the page lists them
