"""The store keeps every revision, and a load is all or nothing."""

from __future__ import annotations

import subprocess
import sys
import threading

import duckdb
import pandas as pd
import psycopg
import pytest

from indicators.core.i18n import MESSAGES
from indicators.core.schema import PERIOD_COLUMNS, TARGET_COLUMNS
from indicators.core.settings import DEFAULT_DATA_DIR
from indicators.ingest.bundled import load_observations
from indicators.query import read
from indicators.service import seed_from
from indicators.store import connection
from indicators.store.revisions import StaleRevisionError, Store, content_hash
from indicators.store.tables import DDL

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
        df = read.resolved_values(
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
    before = empty_store.content_hash()
    good = load_observations(
        csv_bytes("bts_count,legacy,22327,2021,99,,,published,A,"), catalog, regions
    )
    broken = good.copy()
    broken["status"] = None  # violates NOT NULL inside the transaction, after other writes
    with pytest.raises((duckdb.ConstraintException, psycopg.errors.NotNullViolation)):
        empty_store.commit(
            {
                "observations": good,
                "targets": broken[[*TARGET_COLUMNS, *PERIOD_COLUMNS]],
            }
        )
    assert [r.id for r in empty_store.revisions()] == [1]
    assert value(empty_store, 1, "bts_count", "legacy", "22327", "2021") == 17
    assert empty_store.read("observations")["value"].tolist() == [17]
    assert empty_store.content_hash() == before


def test_seeding_is_a_no_op_once_the_store_has_revisions(seeded_store):
    before = seeded_store.current_revision()
    assert seed_from(DEFAULT_DATA_DIR, seeded_store) is None
    assert seeded_store.current_revision() == before == 1


def test_store_file_is_a_real_duckdb_database(seeded_store):
    """Another program (DuckDB itself, in another process) reads the file while this process
    keeps it open for its pages."""
    bundled = pd.concat(
        [pd.read_csv(DEFAULT_DATA_DIR / f, dtype=str) for f in ("observations.csv", "rankings.csv")]
    )
    query = "SELECT count(*) FROM observations WHERE rev_to IS NULL"
    code = f"import duckdb; print(duckdb.connect({str(seeded_store.path)!r}, read_only=True)"
    code += f".execute({query!r}).fetchone()[0])"
    with seeded_store.connect(read_only=True):
        assert connection.kept_open(seeded_store.path)
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) == len(bundled)


def test_a_page_can_read_while_the_same_process_writes(file_store, catalog, regions):
    commit(file_store, csv_bytes("bts_count,legacy,22327,2021,17,,,published,A,"), catalog, regions)
    with file_store.connect() as writer:
        writer.execute("BEGIN TRANSACTION")
        writer.execute("UPDATE observations SET value = 99")
        with file_store.connect(read_only=True) as reader:  # e.g. another session's rerun
            seen = reader.execute("SELECT value FROM observations").fetchone()[0]
        writer.execute("ROLLBACK")
    assert seen == 17  # it sees the committed data, not the open transaction


def test_configuration_is_rewritten_only_when_it_changes(empty_store, catalog, regions):
    def config_hash():
        with empty_store.connect(read_only=True) as con:
            return con.execute("SELECT value FROM meta WHERE key = 'config_hash'").fetchone()[0]

    before = config_hash()
    empty_store.initialize(catalog, regions)
    assert config_hash() == before
    empty_store.initialize(catalog, regions[regions["unit_list"] == "legacy"])
    assert config_hash() != before
    with empty_store.connect(read_only=True) as con:
        lists = {r[0] for r in con.execute("SELECT DISTINCT unit_list FROM regions").fetchall()}
    assert lists == {"legacy"}


# -- content hash, preview, valid-rows-only, progress, rollback, diff, migration -----------------

BTS = (
    "bts_count,legacy,22327,2021,17,,,published,Viettel,",
    "bts_count,legacy,22330,2021,9,,,published,Viettel,",
    "bts_count,legacy,22333,2021,4,,,published,Viettel,",
)


def test_content_hash_follows_the_data_not_the_history(empty_store, catalog, regions):
    empty = empty_store.content_hash()
    commit(empty_store, csv_bytes(*BTS), catalog, regions)
    first = empty_store.content_hash()
    commit(empty_store, csv_bytes("bts_count,legacy,22327,2021,18,,,published,Viettel,"),
           catalog, regions)  # fmt: skip
    assert empty_store.content_hash() not in (empty, first)
    commit(empty_store, csv_bytes(BTS[0]), catalog, regions)  # back to 17
    assert empty_store.content_hash() == first  # same data, longer history
    assert empty_store.content_hash(1) == first and empty_store.content_hash(0) == empty
    other = Store(empty_store.path.with_name("other.duckdb"))
    other.initialize(catalog, regions)
    commit(other, csv_bytes(*reversed(BTS)), catalog, regions)  # same rows, other file order
    assert other.content_hash() == first


def test_preview_counts_what_commit_does_and_writes_nothing(empty_store, catalog, regions):
    commit(empty_store, csv_bytes(*BTS), catalog, regions)
    before = (empty_store.current_revision(), empty_store.content_hash())
    data = csv_bytes(
        "bts_count,legacy,22327,2021,17,,,published,Viettel,",  # unchanged
        "bts_count,legacy,22330,2021,10,,,preliminary,VNPT,",  # value, status and source
        "bts_count,legacy,22333,2022,5,,,published,Viettel,",  # new
    )
    frame = load_observations(data, catalog, regions)
    preview = empty_store.preview({"observations": frame})
    assert (empty_store.current_revision(), empty_store.content_hash()) == before
    counts = (preview.rows_new, preview.rows_changed, preview.rows_unchanged, preview.rows_removed)
    assert counts == (1, 1, 1, 0) and preview.base_revision == 1
    change = preview.changes.iloc[0]
    assert len(preview.changes) == 1 and change["region"] == "22330"
    assert (change["value_old"], change["value_new"]) == (9, 10)
    assert (change["status_old"], change["status_new"]) == ("published", "preliminary")
    assert (change["source_old"], change["source_new"]) == ("Viettel", "VNPT")
    rev = empty_store.commit({"observations": frame}, expect_revision=preview.base_revision)
    assert (rev.rows_new, rev.rows_changed, rev.rows_unchanged, rev.rows_removed) == counts


def test_preview_of_a_full_reload_lists_the_rows_it_would_remove(empty_store, catalog, regions):
    commit(empty_store, csv_bytes(*BTS), catalog, regions)
    frame = load_observations(csv_bytes(BTS[0]), catalog, regions)
    preview = empty_store.preview({"observations": frame}, replace=True)
    assert (preview.rows_unchanged, preview.rows_removed) == (1, 2)
    removed = preview.changes[preview.changes["change"] == "removed"]
    assert sorted(removed["region"]) == ["22330", "22333"]
    assert removed["value_new"].isna().all() and sorted(removed["value_old"]) == [4, 9]
    empty_store.commit({"observations": frame}, replace=True)
    assert empty_store.read("observations")["region"].tolist() == ["22327"]


def test_valid_rows_only_records_the_rejected_rows(empty_store, catalog, regions):
    valid = load_observations(csv_bytes(*BTS[:2]), catalog, regions)
    rev = empty_store.commit(
        {"observations": valid}, file_name="mixed.csv", message="valid rows only",
        rows_rejected=3,
    )  # fmt: skip
    assert (rev.rows_in_file, rev.rows_new, rev.rows_rejected) == (5, 2, 3)
    assert empty_store.revisions()[-1].rows_rejected == 3


def test_a_preview_made_stale_by_another_import_is_not_committed(empty_store, catalog, regions):
    frame = load_observations(csv_bytes(BTS[0]), catalog, regions)
    preview = empty_store.preview({"observations": frame})
    commit(empty_store, csv_bytes(BTS[1]), catalog, regions)  # someone else, in between
    before = empty_store.content_hash()
    with pytest.raises(StaleRevisionError) as stale:
        empty_store.commit({"observations": frame}, expect_revision=preview.base_revision)
    assert (stale.value.current, stale.value.expected) == (1, 0)  # for the page's message
    assert empty_store.current_revision() == 1 and empty_store.content_hash() == before


def test_commit_reports_progress_up_to_done(empty_store, catalog, regions):
    seen: list[tuple[float, str]] = []
    frame = load_observations(csv_bytes(*BTS), catalog, regions)
    empty_store.commit({"observations": frame}, progress=lambda f, key: seen.append((f, key)))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[0] == 0 and fractions[-1] == 1
    assert all(key in MESSAGES for _, key in seen)  # the page shows them in its language
    assert seen[-1][1] == "history.progress.done"


def test_rollback_makes_a_new_revision_with_the_old_data(empty_store, catalog, regions):
    commit(empty_store, csv_bytes(*BTS), catalog, regions, "good")
    good = empty_store.content_hash()
    commit(empty_store, csv_bytes(
        "bts_count,legacy,22327,2021,170,,,published,Viettel,typo",
        "bts_count,legacy,22327,2022,18,,,published,Viettel,",
    ), catalog, regions, "bad")  # fmt: skip
    bad = empty_store.content_hash()
    rev = empty_store.rollback(1, author="analyst", message="undo the typo")
    assert rev.id == 3 and rev.restores == 1 and rev.author == "analyst"
    assert (rev.rows_changed, rev.rows_removed) == (1, 1)
    assert empty_store.content_hash() == good
    assert empty_store.content_hash(2) == bad  # history kept: the bad revision is readable
    assert [r.message for r in empty_store.revisions()] == ["good", "bad", "undo the typo"]
    assert value(empty_store, 3, "bts_count", "legacy", "22327", "2021") == 17
    assert value(empty_store, 2, "bts_count", "legacy", "22327", "2021") == 170
    again = empty_store.rollback(2)  # undoing the undo is one more revision
    assert again.id == 4 and empty_store.content_hash() == bad


def test_rollback_to_a_missing_revision_changes_nothing(empty_store, catalog, regions):
    commit(empty_store, csv_bytes(*BTS), catalog, regions)
    before = empty_store.content_hash()
    with pytest.raises(ValueError, match="no revision 7"):
        empty_store.rollback(7)
    assert empty_store.current_revision() == 1 and empty_store.content_hash() == before


def second_replacing_first(store, catalog, regions) -> None:
    """Revision 1: the BTS rows; revision 2 replaces them all: one value changed, one period
    new, two units removed."""
    commit(store, csv_bytes(*BTS), catalog, regions)
    frame = load_observations(csv_bytes(
        "bts_count,legacy,22327,2021,20,,,published,Viettel,",
        "bts_count,legacy,22327,2022,21,,,published,Viettel,",
    ), catalog, regions)  # fmt: skip
    store.commit({"observations": frame}, replace=True)


def test_diff_shows_what_a_revision_changed(empty_store, catalog, regions):
    second_replacing_first(empty_store, catalog, regions)
    diff = empty_store.diff(1, 2)
    by = {(r.region, r.period): r for r in diff.itertuples()}
    assert by[("22327", "2021")].change == "changed" and by[("22327", "2021")].value_new == 20
    assert by[("22327", "2022")].change == "new" and pd.isna(by[("22327", "2022")].value_old)
    assert {by[("22330", "2021")].change, by[("22333", "2021")].change} == {"removed"}
    assert len(diff) == 4 and empty_store.diff(2, 2).empty


def test_diff_reads_only_rows_moved_between_them_either_way(empty_store, catalog, regions):
    """A diff compares only the rows added or retired between the two revisions (a national
    store is not joined whole for a small import): backwards it is the same diff turned
    around, and a rollback that puts every value back differs from the original in nothing."""
    second_replacing_first(empty_store, catalog, regions)
    back = empty_store.rollback(1, author="t").id
    key = ["region", "period"]
    forward = empty_store.diff(1, 2).set_index(key).sort_index()
    turned = empty_store.diff(2, 1).set_index(key).sort_index()
    assert list(forward.index) == list(turned.index)
    opposite = {"new": "removed", "removed": "new", "changed": "changed"}
    assert list(turned["change"]) == [opposite[c] for c in forward["change"]]
    assert list(turned["value_new"].fillna(-1)) == list(forward["value_old"].fillna(-1))
    assert empty_store.diff(1, back).empty and empty_store.diff(back, 1).empty
    again = empty_store.diff(2, back).set_index(key).sort_index()
    assert list(again["change"]) == list(turned["change"])


def test_a_load_with_a_key_twice_is_refused_whole(empty_store, catalog, regions):
    commit(empty_store, csv_bytes(*BTS), catalog, regions)
    before = empty_store.content_hash()
    frame = load_observations(csv_bytes(BTS[0]), catalog, regions)
    twice = pd.concat([frame, frame.assign(value=99.0)], ignore_index=True)
    with pytest.raises(ValueError, match="appears 2 times"):
        empty_store.commit({"observations": twice})
    assert empty_store.current_revision() == 1 and empty_store.content_hash() == before


def test_a_store_file_from_schema_1_keeps_working(tmp_path, catalog, regions):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute(DDL)  # the tables as schema 1 made them, revisions without the new columns
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute(
        "INSERT INTO revisions VALUES (1, TIMESTAMP '2024-01-02 03:04:05', 'old', 'a.csv',"
        " 'abc', 'from schema 1', 1, 1, 0, 0, 0)"
    )
    con.execute(
        "INSERT INTO observations VALUES ('bts_count', 'legacy', '22327', '2021', 17, NULL,"
        " NULL, 'published', 'A', NULL, 'year', DATE '2021-01-01', DATE '2021-12-31', 1, NULL)"
    )
    con.close()
    store = Store(path)
    store.initialize(catalog, regions)
    old = store.revisions()[0]
    assert (old.message, old.rows_rejected, old.restores) == ("from schema 1", 0, None)
    frame = load_observations(csv_bytes(BTS[1]), catalog, regions)
    rev = store.commit({"observations": frame}, rows_rejected=1)
    assert (rev.id, rev.rows_rejected) == (2, 1)
    assert store.rollback(1).restores == 1
    assert store.read("observations")["region"].tolist() == ["22327"]


def test_two_sessions_committing_at_once_get_consecutive_revisions(empty_store, catalog, regions):
    """Two users of one dashboard process press Commit together."""
    frames = [load_observations(csv_bytes(row), catalog, regions) for row in BTS]
    errors: list[BaseException] = []

    def run(frame):
        try:
            empty_store.commit({"observations": frame}, author="session")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(f,)) for f in frames]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors
    assert [r.id for r in empty_store.revisions()] == [1, 2, 3]
    assert len(empty_store.read("observations")) == 3


def test_reading_some_indicators_gives_exactly_their_rows(seeded_store):
    everything = seeded_store.read("observations")
    some = seeded_store.read("observations", indicators=["press_articles", "dti_rank"])
    expected = everything[everything["indicator"].isin(["press_articles", "dti_rank"])]
    assert len(some) > 0
    pd.testing.assert_frame_equal(some.reset_index(drop=True), expected.reset_index(drop=True))


def test_reading_some_units_of_some_indicators_gives_exactly_their_rows(seeded_store):
    """What an upload's jump check asks of the store (`value_checks.History`): the rows of the
    file's indicators on the file's unit codes, of either unit list, and nothing else."""
    everything = seeded_store.read("observations")
    codes, units = ["press_articles", "bts_count"], ["56", "22327"]
    some = seeded_store.read("observations", indicators=codes, regions=units)
    wanted = everything["indicator"].isin(codes) & everything["region"].isin(units)
    assert wanted.sum() > 0 and (~wanted).sum() > 0
    assert set(some["unit_list"]) == set(everything.loc[wanted, "unit_list"])
    pd.testing.assert_frame_equal(
        some.reset_index(drop=True), everything[wanted].reset_index(drop=True)
    )
