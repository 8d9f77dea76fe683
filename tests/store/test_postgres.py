"""What only the shared store on PostgreSQL has: its migrations, its refusals in words, each
server's local copy caught up by revision, and no file backup of a database."""

from __future__ import annotations

import psycopg
import pytest

from indicators.core.i18n import t
from indicators.core.schema import KEY
from indicators.service import seed_from
from indicators.store import connection, mirror, pg
from indicators.store.backup import backup, restore
from indicators.store.connection import StoreError
from indicators.store.location import store_at
from indicators.store.pg_tables import MIGRATIONS
from indicators.store.tables import SCHEMA_VERSION
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
        for table in ("observations", "targets"):
            con.execute(f"DELETE FROM {table} WHERE rev_from > 1")
            con.execute(f"UPDATE {table} SET rev_to = NULL WHERE rev_to > 1")
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


def test_a_commit_worked_out_on_a_copy_that_is_not_the_database_writes_nothing(url, tmp_path):
    """The writing server stages a load in its local copy; should the copy ever differ from
    the database (here a current row the database does not have), the rows it would retire
    are not all found in PostgreSQL and the revision is refused whole."""
    store = store_at(url, tmp_path / "one.duckdb")
    seed_from(DATA, store)
    before = store_at(url, tmp_path / "two.duckdb").content_hash()
    row = store.read("observations").head(1)
    key = [row.iloc[0][k] for k in KEY]
    with connection.connect(store.path, read_only=False, timeout=60) as copy:
        copy.execute(
            "UPDATE observations SET rev_from = 0 WHERE rev_to IS NULL AND indicator = ?"
            " AND unit_list = ? AND region = ? AND period = ?",
            key,
        )
    changed = row.copy()
    changed["value"] += 1
    with pytest.raises(RuntimeError, match="to retire"):
        store.commit({"observations": changed}, author="x")
    other = store_at(url, tmp_path / "three.duckdb")
    assert other.current_revision() == 1 and other.content_hash() == before


def _key_collations(con) -> set[tuple[str, str, str | None]]:
    return set(
        con.execute(
            "SELECT table_name, column_name, collation_name FROM information_schema.columns"
            " WHERE table_name IN ('observations', 'targets') AND column_name = ANY(%s)",
            [list(KEY)],
        ).fetchall()
    )


def test_schema_5_compares_keys_byte_by_byte_and_keeps_a_schema_4_store(
    url, tmp_path, catalog, regions
):
    """A database at schema 4 (key columns in the server's own collation) with data in it is
    brought to 5 by the next server's start: its keys compared byte by byte, every value kept,
    and still one current row per key."""
    store = store_at(url, tmp_path / "one.duckdb")
    seed_from(DATA, store)
    before = store.content_hash()
    with psycopg.connect(url) as con:  # back to what migration 4 made
        for table in ("observations", "targets"):
            cols = ", ".join(f'ALTER COLUMN {k} TYPE TEXT COLLATE "default"' for k in KEY)
            con.execute(f"ALTER TABLE {table} {cols}")
        con.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
        assert {c for _, _, c in _key_collations(con)} == {None}
    other = store_at(url, tmp_path / "two.duckdb")
    other.initialize(catalog, regions)
    with psycopg.connect(url) as con:
        version = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        assert version == (SCHEMA_VERSION,) and int(SCHEMA_VERSION) >= 5
        assert {c for _, _, c in _key_collations(con)} == {"C"}
        assert len(_key_collations(con)) == 2 * len(KEY)
        with pytest.raises(psycopg.errors.UniqueViolation):
            con.execute(
                f"INSERT INTO observations ({', '.join(KEY)}, status, period_kind, period_start,"
                f" period_end, rev_from) SELECT {', '.join(KEY)}, status, period_kind,"
                " period_start, period_end, rev_from FROM observations WHERE rev_to IS NULL"
                " LIMIT 1"
            )
    assert other.content_hash() == before
