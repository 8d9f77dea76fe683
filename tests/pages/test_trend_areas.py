"""A Trends chart of several areas reads each area on its own: the same series and targets as
one read of them all, and adding an area to the chart reads only that area."""

from __future__ import annotations

import pandas as pd

from indicators.core.settings import RegionRef
from indicators.query import page_reads
from tests.conftest import app_env, clone_store
from ui.cache import built
from ui.views.trends import trend_of

TREND = "query indicators.query.page_reads.trend"
AREAS = ("56", "22333")  # Khánh Hòa and Phường Bắc Nha Trang, on the new units


def missing_as_none(frame: pd.DataFrame) -> pd.DataFrame:
    """Missing values alike (an empty note reads as None from one read, NaN from two joined)."""
    return frame.astype(object).where(frame.notna(), None)


def test_a_trend_is_read_an_area_at_a_time(seeded_store, tmp_path, request):
    store = clone_store(seeded_store, tmp_path / "copy.duckdb", request)
    with app_env(store.path):
        rev = store.current_revision()
        before = built()[TREND]
        series, targets = trend_of(rev, "bts_count", "2025", AREAS)
        assert built()[TREND] == before + len(AREAS)
        refs = tuple(RegionRef("2025", c) for c in AREAS)
        with store.connect(read_only=True) as con:
            whole = page_reads.trend(con, rev, indicator="bts_count", refs=refs, unit_list="2025")
        pd.testing.assert_frame_equal(missing_as_none(series), missing_as_none(whole[0]))
        key = ["region", "period"]
        pd.testing.assert_frame_equal(
            *(missing_as_none(t.sort_values(key, ignore_index=True)) for t in (targets, whole[1]))
        )
        assert set(series["region"]) == set(AREAS) and series["converted"].any()
        trend_of(rev, "bts_count", "2025", (*AREAS, "22708"))  # Xã Suối Dầu added
        assert built()[TREND] == before + len(AREAS) + 1
