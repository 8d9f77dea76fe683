"""The store keeps every revision, and a load is all or nothing."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from indicators import queries
from indicators.config import DEFAULT_DATA_DIR
from indicators.loaders import PERIOD_COLUMNS, TARGET_COLUMNS, load_observations
from indicators.store import Store, content_hash, seed_from

HEADER = "indicator,unit_list,region,period,value,numerator,denominator,status,source,note\n"


def csv_bytes(*rows: str) -> bytes:
    return (HEADER + "\n".join(rows) + "\n").encode("utf-8")


def commit(store: Store, data: bytes, catalog, regions, message: str = "test"):
    frame = load_observations(data, catalog, regions, name="t.csv")
    return store.commit(
        {"observations": frame}, author="tester", file_name="t.csv", data=data, message=message
    )


def value(store: Store, rev: int, indicator: str, unit_list: str, region: str, period: str):
    with store.connect(read_only=True) as con:
        df = queries.resolved_values(
            con,
            rev,
            indicators=[indicator],
            unit_list=unit_list,
            regions=[region],
            periods=[period],
        )
    return None if df.empty else float(df["value"].iloc[0])


def test_round_trip_csv_store_query_returns_the_same_numbers(empty_store, catalog, regions):
    data = csv_bytes(
        "bts_count,legacy,22327,2021,17,,,published,Viettel,",
        "hh_internet_pct,legacy,22330,Q2/2021,62.5,125,200,preliminary,Cục Thống kê,",
        "press_articles,legacy,56,GĐ 2016–2020,30000,,,published,Báo Khánh Hòa,hơn 30.000",
        "dti_score,2025,56,2024,0.7071,,,published,Bộ KH&CN,",
    )
    rev = commit(empty_store, data, catalog, regions)
    assert rev.id == 1 and rev.rows_new == 4
    assert rev.content_hash == content_hash(data)
    assert value(empty_store, 1, "bts_count", "legacy", "22327", "2021") == 17
    assert value(empty_store, 1, "hh_internet_pct", "legacy", "22330", "2021-Q2") == 62.5
    assert value(empty_store, 1, "press_articles", "legacy", "56", "2016-2020") == 30000
    assert value(empty_store, 1, "dti_score", "2025", "56", "2024") == 0.7071
    stored = empty_store.read("observations")
    row = stored[stored["indicator"] == "hh_internet_pct"].iloc[0]
    assert (row["numerator"], row["denominator"], row["status"]) == (125, 200, "preliminary")
    assert row["period"] == "2021-Q2" and row["period_kind"] == "quarter"


def test_earlier_revision_stays_readable_after_a_later_one(empty_store, catalog, regions):
    commit(
        empty_store,
        csv_bytes("bts_count,legacy,22327,2021,17,,,published,A,"),
        catalog,
        regions,
        "first",
    )
    second = commit(
        empty_store,
        csv_bytes(
            "bts_count,legacy,22327,2021,19,,,published,A,corrected",
            "bts_count,legacy,22327,2022,21,,,published,A,",
        ),
        catalog,
        regions,
        "second",
    )
    assert (second.rows_new, second.rows_changed, second.rows_unchanged) == (1, 1, 0)
    assert value(empty_store, 1, "bts_count", "legacy", "22327", "2021") == 17
    assert value(empty_store, 1, "bts_count", "legacy", "22327", "2022") is None
    assert value(empty_store, 2, "bts_count", "legacy", "22327", "2021") == 19
    assert len(empty_store.read("observations", rev=1)) == 1
    assert len(empty_store.read("observations", rev=2)) == 2
    assert [r.message for r in empty_store.revisions()] == ["first", "second"]


def test_reloading_the_same_file_changes_nothing(empty_store, catalog, regions):
    data = csv_bytes("bts_count,legacy,22327,2021,17,,,published,A,")
    commit(empty_store, data, catalog, regions)
    again = commit(empty_store, data, catalog, regions)
    assert (again.rows_new, again.rows_changed, again.rows_unchanged) == (0, 0, 1)
    assert len(empty_store.read("observations")) == 1


def test_a_failing_load_leaves_the_store_as_it_was(empty_store, catalog, regions):
    commit(
        empty_store, csv_bytes("bts_count,legacy,22327,2021,17,,,published,A,"), catalog, regions
    )
    good = load_observations(
        csv_bytes("bts_count,legacy,22327,2021,99,,,published,A,"), catalog, regions
    )
    broken = good.copy()
    broken["status"] = None  # violates NOT NULL inside the transaction, after other writes
    with pytest.raises(duckdb.ConstraintException):
        empty_store.commit(
            {
                "observations": good,
                "targets": broken[[*TARGET_COLUMNS, *PERIOD_COLUMNS]],
            }
        )
    assert [r.id for r in empty_store.revisions()] == [1]
    assert value(empty_store, 1, "bts_count", "legacy", "22327", "2021") == 17
    assert empty_store.read("observations")["value"].tolist() == [17]


def test_seeding_is_a_no_op_once_the_store_has_revisions(seeded_store):
    before = seeded_store.current_revision()
    assert seed_from(DEFAULT_DATA_DIR, seeded_store) is None
    assert seeded_store.current_revision() == before == 1


def test_store_file_is_a_real_duckdb_database(seeded_store):
    bundled = pd.read_csv(DEFAULT_DATA_DIR / "observations.csv", dtype=str)
    con = duckdb.connect(str(seeded_store.path), read_only=True)
    try:
        n = con.execute("SELECT count(*) FROM observations WHERE rev_to IS NULL").fetchone()[0]
    finally:
        con.close()
    assert n == len(bundled)


def test_a_page_can_read_while_the_same_process_writes(empty_store, catalog, regions):
    commit(
        empty_store, csv_bytes("bts_count,legacy,22327,2021,17,,,published,A,"), catalog, regions
    )
    with empty_store.connect() as writer:
        writer.execute("BEGIN TRANSACTION")
        writer.execute("UPDATE observations SET value = 99")
        with empty_store.connect(read_only=True) as reader:  # e.g. another session's rerun
            seen = reader.execute("SELECT value FROM observations").fetchone()[0]
        writer.execute("ROLLBACK")
    assert seen == 17  # it sees the committed data, not the open transaction


def test_configuration_is_rewritten_only_when_it_changes(empty_store, catalog, regions):
    def config_hash():
        with empty_store.connect() as con:
            return con.execute("SELECT value FROM meta WHERE key = 'config_hash'").fetchone()[0]

    before = config_hash()
    empty_store.initialize(catalog, regions)
    assert config_hash() == before
    empty_store.initialize(catalog, regions[regions["unit_list"] == "legacy"])
    assert config_hash() != before
    with empty_store.connect() as con:
        lists = {r[0] for r in con.execute("SELECT DISTINCT unit_list FROM regions").fetchall()}
    assert lists == {"legacy"}
