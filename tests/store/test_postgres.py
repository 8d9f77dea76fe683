"""What only the shared store on PostgreSQL has: its migrations, its refusals in words, each
server's local copy caught up by revision, and no file backup of a database."""

from __future__ import annotations

import time

import pandas as pd
import psycopg
import pytest

from indicators.core.i18n import t
from indicators.core.schema import KEY
from indicators.service import seed_from
from indicators.store import connection, mirror, pg, pg_parts, postgres
from indicators.store.backup import backup, restore
from indicators.store.connection import StoreError
from indicators.store.location import store_at
from indicators.store.pg_tables import MIGRATIONS
from indicators.store.revision_rows import REVISION_COLUMNS
from indicators.store.tables import SCHEMA_VERSION, VERSIONED
from tests.conftest import DATA
from tests.services.postgres import free_port


@pytest.fixture
def url(pg_cluster) -> str:
    return pg_cluster.create_database()


def test_every_duckdb_schema_version_has_its_postgresql_twin():
    assert max(MIGRATIONS) == int(SCHEMA_VERSION)


def test_a_new_database_is_migrated_once_and_records_its_version(url, tmp_path, catalog, regions):
    store = store_at(url, tmp_path / "a.duckdb")
    store.initialize(catalog, regions)
    store_at(url, tmp_path / "b.duckdb").initialize(catalog, regions)  # a second server
    with psycopg.connect(url) as con:
        version = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        ids = con.execute("SELECT count(*) FROM meta WHERE key = 'store_id'").fetchone()
    assert version == (SCHEMA_VERSION,) and ids == (1,)


def test_another_programs_database_is_refused_untouched(url, tmp_path, catalog, regions):
    with psycopg.connect(url) as con:
        con.execute("CREATE TABLE invoices (id int)")
    with pytest.raises(StoreError) as err:
        store_at(url, tmp_path / "c.duckdb").initialize(catalog, regions)
    assert err.value.rule == "store.not_ours_server" and "invoices" in err.value.text("vi")
    with psycopg.connect(url) as con:
        tables = con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchall()
    assert tables == [("invoices",)]


def test_a_newer_schema_is_refused_in_words(url, tmp_path, catalog, regions):
    store_at(url, tmp_path / "a.duckdb").initialize(catalog, regions)
    with psycopg.connect(url) as con:
        con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError) as err:
        store_at(url, tmp_path / "b.duckdb").initialize(catalog, regions)
    assert err.value.rule == "store.newer_schema"
    assert "99" in err.value.text("en") and "upgrade" in err.value.text("en")


def test_a_server_that_does_not_answer_is_worded_without_the_password(tmp_path):
    url = f"postgresql://chiso:bi-mat@127.0.0.1:{free_port()}/indicators"
    store = store_at(url, tmp_path / "x.duckdb")
    try:
        with pytest.raises(StoreError) as err:
            store.current_revision()
    finally:
        pg.close_pools()  # else its pool would go on trying that port
    assert err.value.rule == "store.server_unreachable"
    text = err.value.text("vi")
    assert "127.0.0.1" in text and "bi-mat" not in text and "chiso:" not in text
    assert t("store.server_unreachable", "en", where="w", reason="r").startswith("Cannot reach")


def test_a_copy_follows_another_servers_commits_and_a_restored_database(url, tmp_path):
    one, two = store_at(url, tmp_path / "one.duckdb"), store_at(url, tmp_path / "two.duckdb")
    seed_from(DATA, one)
    first = two.content_hash()
    rows = one.read("observations").head(2).copy()
    rows["value"] += 1
    one.commit({"observations": rows}, author="a")
    assert two.current_revision() == 2 and two.content_hash() == one.content_hash() != first
    # The database put back as it was at revision 1 and written to again (another revision
    # 2): the copy notices its revision 2 is not the database's, and fills itself again.
    with psycopg.connect(url) as con:
        con.execute("DELETE FROM revision_parts WHERE revision > 1")
        con.execute("DELETE FROM revisions WHERE id > 1")
    other = rows.copy()
    other["value"] += 5
    one.commit({"observations": other}, author="b")
    assert two.content_hash() == one.content_hash()
    with two.connect(read_only=True) as con:
        assert mirror.held(con)[1] == 2
        assert con.execute("SELECT author FROM revisions WHERE id = 2").fetchall() == [("b",)]


def test_a_database_is_backed_up_with_pg_dump_not_by_copying_the_local_copy(url, tmp_path):
    store = store_at(url, tmp_path / "copy.duckdb")
    seed_from(DATA, store)
    for act in (lambda: backup(store, tmp_path / "b.duckdb"), lambda: restore(store, store.path)):
        with pytest.raises(StoreError) as err:
            act()
        assert err.value.rule == "store.backup_by_pg_dump"
    assert not (tmp_path / "b.duckdb").exists() and store.current_revision() == 1


def test_the_stores_sql_marks_become_psycopgs_outside_quoted_text():
    assert pg.marks("SELECT ? , '?', \"a?\" WHERE x LIKE '50%' AND y = ?") == (
        "SELECT %s , '?', \"a?\" WHERE x LIKE '50%%' AND y = %s"
    )


def _doctor_one_current_row(store) -> pd.DataFrame:
    """Change the copy behind the database's back: one current row said to come from a
    revision 0 that never was. Returns that row as the store read it before."""
    row = store.read("observations").head(1)
    key = [row.iloc[0][k] for k in KEY]
    with connection.connect(store.path, read_only=False, timeout=60) as copy:
        copy.execute(
            "UPDATE observations SET rev_from = 0 WHERE rev_to IS NULL AND indicator = ?"
            " AND unit_list = ? AND region = ? AND period = ?",
            key,
        )
    return row


def _rows_said_from_revision_0(store) -> int:
    with store.connect(read_only=True) as con:
        return con.execute("SELECT count(*) FROM observations WHERE rev_from = 0").fetchall()[0][0]


def test_a_commit_is_worked_out_on_the_database_even_when_the_copy_differs(url, tmp_path):
    """The writing server stages a load in its local copy. Should the copy ever differ from
    the database (here a current row it says a revision 0 stored), the tallies of current rows
    tell, and the copy is filled again from the database before the load is compared."""
    store = store_at(url, tmp_path / "one.duckdb")
    seed_from(DATA, store)
    row = _doctor_one_current_row(store)
    changed = row.copy()
    changed["value"] += 1
    assert store.commit({"observations": changed}, author="x").id == 2
    other = store_at(url, tmp_path / "two.duckdb")
    assert other.content_hash() == store.content_hash()
    assert _rows_said_from_revision_0(store) == 0
    assert other.diff(1, 2)["change"].tolist() == ["changed"]


def test_a_copy_that_no_longer_tallies_is_filled_again_when_it_catches_up(url, tmp_path):
    one, two = store_at(url, tmp_path / "one.duckdb"), store_at(url, tmp_path / "two.duckdb")
    seed_from(DATA, one)
    assert two.content_hash() == one.content_hash()
    _doctor_one_current_row(two)
    rows = one.read("observations").tail(3).copy()
    rows["value"] += 1
    one.commit({"observations": rows}, author="a")
    assert two.current_revision() == 2
    assert _rows_said_from_revision_0(two) == 0
    assert two.content_hash() == one.content_hash()
    assert two.content_hash(1) == one.content_hash(1)


def test_a_revision_of_many_rows_is_kept_in_blocks_and_read_back_whole(url, tmp_path, monkeypatch):
    """Blocks are cut at `PART_ROWS` rows (here 50, so the bundled data makes several): every
    block is written in the revision's transaction and another server reads them all."""
    monkeypatch.setattr(pg_parts, "PART_ROWS", 50)
    one = store_at(url, tmp_path / "one.duckdb")
    seed_from(DATA, one)
    rows = one.read("observations")
    rows["value"] += 1
    one.commit({"observations": rows}, author="a")
    with psycopg.connect(url) as con:
        kept = con.execute(
            "SELECT revision, kind, count(*), sum(rows), max(rows) FROM revision_parts"
            " WHERE table_name = 'observations' GROUP BY revision, kind ORDER BY 1, 2"
        ).fetchall()
    n = len(rows)
    assert n > 100
    changed = sum(rows["value"].notna())  # a row with no value is not changed by adding 1
    assert [k[:2] for k in kept] == [(1, "inserted"), (2, "inserted"), (2, "retired")]
    assert kept[0][3] == n and kept[0][2] == -(-n // 50) and kept[0][4] == 50
    assert kept[1][3] == kept[2][3] == changed
    two = store_at(url, tmp_path / "two.duckdb")
    assert two.content_hash() == one.content_hash()
    assert two.content_hash(1) == one.content_hash(1)


def test_a_database_whose_blocks_were_edited_is_worded_on_every_server(url, tmp_path):
    """Blocks that do not add up (here a revision's retired rows deleted by hand) cannot make
    a copy: a new server says so in words, and so does a server that was serving, rather than
    show a copy that is not the database."""
    one, two = store_at(url, tmp_path / "one.duckdb"), store_at(url, tmp_path / "two.duckdb")
    seed_from(DATA, one)
    two.current_revision()
    rows = one.read("observations").head(3).copy()
    rows["value"] += 1
    one.commit({"observations": rows}, author="a")
    with psycopg.connect(url) as con:
        con.execute("DELETE FROM revision_parts WHERE revision = 2 AND kind = 'retired'")
    with pytest.raises(StoreError) as err:
        store_at(url, tmp_path / "three.duckdb").current_revision()
    assert err.value.rule == "store.server_error" and "add up" in err.value.text("en")
    for _ in range(2):  # the second time without trying again
        with pytest.raises(StoreError) as err:
            two.current_revision()
        assert err.value.rule == "store.server_error" and "add up" in err.value.text("vi")


def test_a_fill_stopped_half_way_is_done_again_whole(url, tmp_path, monkeypatch):
    """A copy is filled block by block, each committed (one transaction for millions of rows
    holds them all in memory). A fill that fails half way (here the last block unreadable)
    leaves the blocks before it in the copy but no revision noted, so once the block reads
    again the copy is filled again from the start and is the database."""
    monkeypatch.setattr(pg_parts, "PART_ROWS", 50)
    one = store_at(url, tmp_path / "one.duckdb")
    seed_from(DATA, one)
    where = "revision = %s AND table_name = %s AND kind = %s AND part = %s"
    with psycopg.connect(url) as con:
        *last, data = con.execute(
            "SELECT revision, table_name, kind, part, data FROM revision_parts"
            " ORDER BY revision DESC, table_name DESC, kind, part DESC LIMIT 1"
        ).fetchone()
        con.execute(f"UPDATE revision_parts SET data = %s WHERE {where}", [b"not arrow", *last])
    two = store_at(url, tmp_path / "two.duckdb")
    with pytest.raises(StoreError) as err:
        two.current_revision()
    assert err.value.rule == "store.server_error"
    with connection.connect(two.path, read_only=True, timeout=60) as copy:
        assert mirror.held(copy) == (None, 0)
        assert copy.execute("SELECT count(*) FROM observations").fetchall()[0][0] > 0
    with psycopg.connect(url) as con:
        con.execute(f"UPDATE revision_parts SET data = %s WHERE {where}", [data, *last])
    two = store_at(url, two.path)  # a restarted server
    assert two.current_revision() == 1 and two.content_hash() == one.content_hash()


_UNREADABLE = "revision = %s AND kind = 'inserted'"


def _unreadable(url: str, rev: int) -> list[tuple]:
    """Make revision `rev`'s inserted blocks unreadable; what they held, to put back."""
    with psycopg.connect(url) as con:
        kept = con.execute(
            f"SELECT table_name, part, data FROM revision_parts WHERE {_UNREADABLE}", [rev]
        ).fetchall()
        con.execute(f"UPDATE revision_parts SET data = 'not arrow' WHERE {_UNREADABLE}", [rev])
    return kept


def _readable(url: str, rev: int, kept: list[tuple]) -> None:
    with psycopg.connect(url) as con:
        for table, part, data in kept:
            con.execute(
                f"UPDATE revision_parts SET data = %s WHERE {_UNREADABLE}"
                " AND table_name = %s AND part = %s",
                [data, rev, table, part],
            )


def test_a_serving_copy_that_fails_half_way_keeps_what_it_applied_and_goes_on_later(
    url, tmp_path, monkeypatch
):
    """A server behind by two revisions whose second cannot be read: it applies the first
    (each revision is one transaction of its copy), says why it cannot go on, answers with
    that error without trying again for `_RETRY_AFTER` seconds, and then goes on from there."""
    monkeypatch.setattr(postgres, "_RETRY_AFTER", 1.0)
    one, two = store_at(url, tmp_path / "one.duckdb"), store_at(url, tmp_path / "two.duckdb")
    seed_from(DATA, one)
    two.current_revision()
    for k in (1, 2):
        rows = one.read("observations").head(4).copy()
        rows["value"] += k
        one.commit({"observations": rows}, author="a")
    kept = _unreadable(url, 3)
    with pytest.raises(StoreError) as err:
        two.current_revision()
    assert err.value.rule == "store.server_error"
    with connection.connect(two.path, read_only=True, timeout=60) as copy:
        assert mirror.held(copy)[1] == 2
    _readable(url, 3, kept)
    with pytest.raises(StoreError):  # a moment later: the same answer, not another try
        two.current_revision()
    time.sleep(1.2)
    assert two.current_revision() == 3
    assert two.content_hash() == one.content_hash() and two.content_hash(2) == one.content_hash(2)


def _schema_5_database(pg_cluster, store) -> str:
    """A database as schema 5 kept a store: the same revisions, their rows in row tables (each
    with the revisions it was part of), as a server of the last version would have left it."""
    url = pg_cluster.create_database()
    with psycopg.connect(url) as pgcon:
        for number in (4, 5):
            pgcon.execute(MIGRATIONS[number])
        pgcon.execute("INSERT INTO meta VALUES ('schema_version', '5')")
        names = ", ".join(REVISION_COLUMNS)
        with store.connect(read_only=True) as copy:
            revisions = copy.execute(f"SELECT {names} FROM revisions ORDER BY id").fetchall()
            tables = {
                table: copy.execute(
                    f"SELECT {', '.join(cols)}, rev_from, rev_to FROM {table}"
                ).fetchall()
                for table, cols in VERSIONED.items()
            }
        with pgcon.cursor() as cur:
            marks = ", ".join("%s" for _ in REVISION_COLUMNS)
            cur.executemany(f"INSERT INTO revisions ({names}) VALUES ({marks})", revisions)
            for table, rows in tables.items():
                cols = ", ".join([*VERSIONED[table], "rev_from", "rev_to"])
                with cur.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
    return url


def test_schema_6_moves_a_schema_5_databases_rows_into_blocks_and_keeps_every_revision(
    pg_cluster, url, tmp_path, catalog, regions
):
    """A database at schema 5 (data as rows) with a history (a seed, a change, targets, a
    rollback) is brought to 6 by the next server's start: every revision reads as it did (an
    empty note apart from a missing one, a missing value and numerator), the row tables are
    gone, and the next commit builds on the moved blocks."""
    one = store_at(url, tmp_path / "one.duckdb")
    seed_from(DATA, one)
    rows = one.read("observations").head(5).copy()
    rows["value"] += 2
    rows.loc[rows.index[0], "note"] = ""
    rows.loc[rows.index[1], "source"] = None
    rows.loc[rows.index[2], ["value", "numerator"]] = None
    one.commit({"observations": rows}, author="a")
    one.commit({"targets": one.read("targets").head(2).assign(value=7.0)}, author="b")
    one.rollback(1, author="c")
    hashes = [one.content_hash(r) for r in range(1, 5)]
    old = _schema_5_database(pg_cluster, one)
    other = store_at(old, tmp_path / "two.duckdb")
    other.initialize(catalog, regions)
    with psycopg.connect(old) as con:
        assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (
            SCHEMA_VERSION,
        )
        tables = {
            r[0]
            for r in con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
            ).fetchall()
        }
    assert "revision_parts" in tables and not tables & set(VERSIONED)
    assert [other.content_hash(r) for r in range(1, 5)] == hashes
    assert other.commit({"observations": rows}, author="d").id == 5
    assert store_at(old, tmp_path / "three.duckdb").content_hash() == other.content_hash()
    assert other.content_hash() == one.content_hash(2)
