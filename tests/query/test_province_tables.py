"""Every province's and the country's values kept per indicator (`query.province_tables`):
what `read.resolved_values` gives from them is what the store's SQL gives, and a new revision
makes again only the tables it touched. The same for every province's conversion across the
reform kept beside them (`province_merger`)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from indicators.core.settings import COUNTRY, REPO_ROOT, RegionRef
from indicators.geography.units import LEGACY, NEW
from indicators.query import across_reform, province_merger, province_tables, read
from indicators.query.values_sql import resolve
from indicators.store.revisions import Store
from tests.conftest import clone_store
from tests.query.test_across_reform import commit
from tests.query.test_reuse import TOUCHED


@pytest.fixture(scope="module")
def national(tmp_path_factory) -> Store:
    """A 1% national store (both unit lists, the country, 40 indicators), made by the
    benchmark's own script."""
    folder = tmp_path_factory.mktemp("national")
    path = folder / "national.duckdb"
    done = subprocess.run(
        [sys.executable, "bench/national_store.py", "--db", str(path), "--scale", "0.01",
         "--data-dir", str(folder / "install")],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=600,
        env=dict(os.environ, PYTHONPATH=str(REPO_ROOT)),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-4000:]
    return Store(path)


def asked_of(con, unit_list: str) -> list[str]:
    """The country, every province, and a few units below them: the areas a reader picks."""
    levels = dict(
        con.execute("SELECT code, level FROM regions WHERE unit_list = ?", [unit_list]).fetchall()
    )
    below = sorted(c for c, lvl in levels.items() if lvl in ("district", "commune"))
    return [COUNTRY, *sorted(c for c, lvl in levels.items() if lvl == "province"), *below[::97]]


@pytest.mark.parametrize("unit_list", [LEGACY, NEW])
def test_values_from_the_tables_are_the_values_the_store_adds_up(national, unit_list):
    rev = national.current_revision()
    with national.connect(read_only=True) as con:
        province_tables.make_all(con, rev)
        assert province_tables.make_all(con, rev) == 0  # all kept: none made twice
        codes = [r[0] for r in con.execute("SELECT code FROM catalog ORDER BY code").fetchall()]
        asked = asked_of(con, unit_list)
        have = sorted(code for ul, code in province_tables.bases(con, rev) if ul == unit_list)
        for code in codes:
            assert province_tables.tables(con, rev, [code], unit_list, make=False) is not None
        for narrow in (
            {},
            {"kinds": ["year"]},
            {"periods": ["2020", "2024-Q4", "2025-06", "2026", "2026-03"]},
        ):
            for group in (have[:1], have[5:8], codes):
                wanted = dict(indicators=group, unit_list=unit_list, regions=asked, **narrow)
                kept = read.resolved_values(con, rev, **wanted)
                fresh = resolve(con, rev, **wanted)
                pd.testing.assert_frame_equal(kept, fresh, check_dtype=False)
                assert len(kept) > 0 or (group == have[:1] and narrow)
        # the country, added up from every commune, is in the table as the store gives it
        country = read.resolved_values(con, rev, indicators=codes, unit_list=unit_list,
                                       regions=[COUNTRY])  # fmt: skip
        assert (country["origin"] == "aggregated").any()


def test_province_conversions_kept_are_those_made_from_the_store(national, tmp_path):
    """Every province's conversion, made once for all provinces and kept, gives each province
    the rows converting it alone from the store gives (a copy: nothing of it is kept yet)."""
    path = tmp_path / "copy.duckdb"
    shutil.copy(national.path, path)
    copy = Store(path)
    rev = copy.current_revision()
    with copy.connect(read_only=True) as con:
        regions = con.execute(
            "SELECT unit_list, code, level, district_code, province_code FROM regions"
        ).df()
        cat = con.execute(
            "SELECT code, agg_region, scale FROM catalog WHERE agg_region IN ('sum', 'ratio')"
            " AND kind NOT IN ('index', 'rank') ORDER BY code"
        ).df()
        convert = {NEW: province_merger.provinces_to_new, LEGACY: province_merger.provinces_to_old}
        provinces = {
            ul: sorted(regions.loc[(regions["unit_list"] == ul) & (regions["level"] == "province"),
                                   "code"])[::5]
            for ul in (NEW, LEGACY)
        }  # fmt: skip
        fresh = {
            (ul, p): convert[ul](con, rev, regions, cat, frozenset({p}))
            for ul in (NEW, LEGACY)
            for p in provinces[ul]
        }
        province_tables.make_all(con, rev)
        across_reform.provinces_made(con, rev)
        for ul in (NEW, LEGACY):  # now read from what is kept
            assert province_tables.kept_keys(con, rev, cat["code"].tolist(), ul) is not None
        order = ["indicator", "region", "period"]
        for (ul, p), expected in fresh.items():
            kept = convert[ul](con, rev, regions, cat, frozenset({p}))
            assert len(kept) == len(expected), (ul, p)
            pd.testing.assert_frame_equal(
                kept.sort_values(order, ignore_index=True),
                expected.sort_values(order, ignore_index=True),
                check_dtype=False,
            )
        assert sum(len(f) for f in fresh.values()) > 0


@pytest.fixture
def store(seeded_store, tmp_path, request) -> Store:
    """The bundled data, in a copy this test may add revisions to."""
    return clone_store(seeded_store, tmp_path / "copy.duckdb", request)


def households(con, rev: int) -> float:
    """Khánh Hòa's households with internet in 2025 on the new units (its communes' sum, until
    a figure for the province itself is imported)."""
    rows = read.resolved_values(
        con, rev, indicators=[TOUCHED], unit_list=NEW, regions=["56"], periods=["2025"]
    )
    return float(rows["value"].iloc[0])


def test_a_revision_makes_again_only_the_tables_it_touched(store, catalog, regions):
    rev1 = store.current_revision()
    with store.connect(read_only=True) as con:
        made = province_tables.make_all(con, rev1)
        assert made == len(province_tables.bases(con, rev1)) > 10
        before = households(con, rev1)
    assert before != 88
    rev2 = commit(store, catalog, regions, [f"{TOUCHED},2025,56,2025,88,,,published,Sở KH&CN,"])
    with store.connect(read_only=True) as con:
        assert province_tables.make_all(con, rev2) == 1  # households on the new units only
        assert households(con, rev2) == 88
        assert households(con, rev1) == before  # the earlier revision still reads as it was
    rev3 = store.rollback(rev1, author="t").id
    with store.connect(read_only=True) as con:
        assert province_tables.make_all(con, rev3) == 1
        assert households(con, rev3) == before


def converted_khanh_hoa(con, rev: int) -> float:
    """The new Khánh Hòa's BTS count of 2019: old Khánh Hòa's and old Ninh Thuận's, added."""
    rows = across_reform.converted_series(
        con, rev, indicators=["bts_count"], refs=[RegionRef(NEW, "56")], unit_list=NEW
    )
    return float(rows.loc[rows["period"] == "2019", "value"].iloc[0])


def test_province_conversions_follow_the_values_they_are_made_from(store, catalog, regions):
    rev1 = store.current_revision()
    with store.connect(read_only=True) as con:
        province_tables.make_all(con, rev1)
        across_reform.provinces_made(con, rev1)
        before = converted_khanh_hoa(con, rev1)
        old = read.resolved_values(
            con, rev1, indicators=["bts_count"], unit_list=LEGACY, regions=["56"], periods=["2019"]
        )
        old_value = float(old["value"].iloc[0])
    assert old_value != 777
    rev2 = commit(store, catalog, regions, ["bts_count,legacy,56,2019,777,,,published,Sở KH&CN,"])
    with store.connect(read_only=True) as con:
        province_tables.make_all(con, rev2)
        across_reform.provinces_made(con, rev2)
        assert converted_khanh_hoa(con, rev2) == pytest.approx(before - old_value + 777)
        assert converted_khanh_hoa(con, rev1) == pytest.approx(before)  # as it was
