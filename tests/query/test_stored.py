"""One indicator's rows as stored at a revision (the History page's "as of" table)."""

from __future__ import annotations

from indicators.query import stored


def test_periods_come_latest_first_and_rows_only_of_the_chosen_ones(seeded_store):
    rev = seeded_store.current_revision()
    every = seeded_store.read("observations", rev, indicators=["post_commune_pct"])
    with seeded_store.connect(read_only=True) as con:
        periods = stored.periods(con, rev, "post_commune_pct")
        assert sorted(periods) == sorted(set(every["period"]))
        ends = every.drop_duplicates("period").set_index("period")["period_end"]
        assert list(ends[periods]) == sorted(ends[periods], reverse=True)  # latest first
        some = stored.rows(con, rev, "post_commune_pct", periods[:2])
        whole = stored.rows(con, rev, "post_commune_pct")
    assert set(some["period"]) == set(periods[:2])
    assert len(some) == every["period"].isin(periods[:2]).sum() and len(whole) == len(every)
    assert some["region_name"].notna().all()  # every bundled unit is named
    assert "Tỉnh Khánh Hòa" in set(whole["region_name"])
