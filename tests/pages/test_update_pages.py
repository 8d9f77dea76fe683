"""Upload and History pages through Streamlit's AppTest: the same code path an analyst clicks.

Each test module gets its own store file; Streamlit's process-wide caches are cleared around
it so that the store these tests change is never the one another module reads.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from indicators.core.settings import settings
from indicators.present.tables import MAX_ROWS_SHOWN, PAGE_ROWS
from indicators.service import open_store
from indicators.store.audit import read_trail
from indicators.store.revisions import Store
from tests.conftest import app_store_at
from tests.pages.apptest import open_page, signed_in

CLEAN = (
    "Mã chỉ tiêu;Mã đơn vị;Năm;Giá trị;Trạng thái\r\npress_articles;56;2026;10.400;Sơ bộ\r\n"
).encode("utf-8-sig")
PARTLY_BAD = CLEAN + b"hh_internet_pct;56;2026;140;\r\n"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    with app_store_at(tmp_path_factory.mktemp("update-pages")) as db:
        yield db


@pytest.fixture(scope="module")
def analyst(db) -> str:
    return signed_in(open_store(settings()), "chuyenvien", "analyst")


@pytest.fixture(scope="module")
def admin(db) -> str:
    return signed_in(open_store(settings()), "quantri", "admin")


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.get("file_uploader")[0].set_value((name, data, "text/csv"))
    return at.run()


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_a_clean_file_previews_then_saves_a_revision(db, analyst):
    at = upload(open_page("ui/pages/upload.py", token=analyst), "bao-chi.csv", CLEAN)
    assert not at.exception
    assert [s.value for s in at.success] == ["Tệp hợp lệ: 1 dòng có thể lưu."]
    assert metrics(at) == {"Dòng mới": "0", "Thay đổi": "1", "Không đổi": "0", "Bị loại": "0"}
    before = Store(db).current_revision()
    at.get("form_submit_button")[0].click()
    at.run()
    assert not at.exception
    rev = Store(db).revision(before + 1)
    assert rev is not None and rev.file_name == "bao-chi.csv" and rev.rows_changed == 1
    assert rev.author == "chuyenvien"  # the signed-in account, never a typed name
    assert any(f"Đã lưu phiên bản {before + 1}" in s.value for s in at.success)
    stored = Store(db).read("observations")
    row = stored[(stored.indicator == "press_articles") & (stored.period == "2026")]
    assert row["value"].tolist() == [10400.0] and row["status"].tolist() == ["preliminary"]


def test_a_partly_bad_file_saves_nothing_unless_asked_for_valid_rows_only(db, analyst):
    at = open_page("ui/pages/upload.py", lang="en", token=analyst)
    store = Store(db)
    before, content = store.current_revision(), store.content_hash()
    at = upload(at, "mixed.csv", PARTLY_BAD)
    assert next(e.value for e in at.error).startswith("Errors: 1; rows with errors: 1.")
    assert metrics(at)["Rejected"] == "1"
    at.get("form_submit_button")[0].click()
    at.run()
    assert any("Not saved" in w.value for w in at.warning)
    assert store.current_revision() == before and store.content_hash() == content
    tried = read_trail(store).iloc[0]  # the refused save is in the audit trail
    assert (tried.event, tried.outcome, tried.account, tried.file_name) == (
        "save",
        "blocked",
        "chuyenvien",
        "mixed.csv",
    )

    at.radio(key="mode_0").set_value("valid")
    at.run()
    at.get("form_submit_button")[0].click()
    at.run()
    assert not at.exception
    rev = store.revision(before + 1)
    assert rev is not None and rev.rows_rejected == 1 and rev.rows_in_file == 2


def test_history_restores_an_earlier_revision_only_when_confirmed(db, analyst, admin):
    at = open_page("ui/pages/upload.py", token=analyst)
    upload(at, "bao-chi.csv", CLEAN.replace(b"10.400", b"10.450"))
    at.get("form_submit_button")[0].click()
    at.run()
    store = Store(db)
    current = store.current_revision()
    assert current >= 2 and store.content_hash(current) != store.content_hash(1)
    at = open_page("ui/pages/history.py", token=admin, rev="1")
    assert not at.exception
    at.get("form_submit_button")[0].click()
    at.run()
    assert any("Tick the confirmation" in w.value or "đánh dấu" in w.value for w in at.warning)
    assert store.current_revision() == current

    at.checkbox[0].check()
    at.get("form_submit_button")[0].click()
    at.run()
    assert not at.exception
    assert store.current_revision() == current + 1
    assert store.content_hash(current + 1) == store.content_hash(1)
    assert store.revision(current + 1).restores == 1
    assert store.revision(current + 1).author == "quantri"
    assert any(f"Phiên bản {current + 1}" in s.value for s in at.success)


def test_a_file_with_no_storable_row_says_so_and_offers_no_save(db, analyst):
    at = open_page("ui/pages/upload.py", lang="en", token=analyst)
    at = upload(at, "header-only.csv", "Mã chỉ tiêu;Mã đơn vị;Năm;Giá trị\r\n".encode("utf-8-sig"))
    assert not at.exception
    assert [e.value for e in at.error] == [
        "No row of this file can be stored (see the report below); nothing was stored."
    ]
    assert not at.get("form_submit_button") and not at.metric


def test_history_opens_an_indicator_on_its_latest_period_then_all_a_page_at_a_time(db, admin):
    """A national store's indicator has a million rows as of a revision: the page opens on its
    latest period (only those rows are read), and with every period chosen it draws them 200
    at a time (sending them all took seconds on every run), the CSV holding all."""
    at = open_page("ui/pages/history.py", token=admin, rev="1", asof="post_commune_pct")
    assert not at.exception
    rows = Store(db).read("observations", 1, indicators=["post_commune_pct"])
    latest = rows.loc[rows["period_end"] == rows["period_end"].max(), "period"].min()
    periods = next(m for m in at.multiselect if m.label == "Kỳ số liệu")
    assert periods.value == [latest]
    table = next(f.value for f in at.dataframe if "region_name" in f.value.columns)
    assert set(table["period"]) == {latest}
    assert len(table) == (rows["period"] == latest).sum()

    at = periods.set_value([]).run()  # every period ("Mọi kỳ")
    assert not at.exception
    n = len(rows)
    pages = -(-n // PAGE_ROWS)
    assert pages > 2
    assert f"{n:,}".replace(",", ".") + " dòng" in [c.value for c in at.caption]
    shown = next(f.value for f in at.dataframe if "region_name" in f.value.columns)
    assert len(shown) == PAGE_ROWS
    # the rows revision 1 changed are paged too: two choosers on one run, each its own
    changed = next(w for w in at.number_input if w.key.startswith("page_changed_"))
    assert changed.label == f"Trang (trên {MAX_ROWS_SHOWN // PAGE_ROWS})"
    chooser = next(w for w in at.number_input if w.key.startswith("page_asof_"))
    assert chooser.label == f"Trang (trên {pages})"
    at = chooser.set_value(pages).run()
    assert not at.exception
    last = next(f.value for f in at.dataframe if "region_name" in f.value.columns)
    assert len(last) == n - (pages - 1) * PAGE_ROWS
    assert next(w for w in at.number_input if w.key.startswith("page_changed_")).value == 1
    in_order = rows.sort_values(["unit_list", "region", "period"])  # key order, as the CSV
    assert list(last["region"]) == list(in_order["region"].iloc[(pages - 1) * PAGE_ROWS :])


def test_history_narrows_the_data_as_of_a_revision_to_chosen_periods_from_the_link(db, admin):
    at = open_page(
        "ui/pages/history.py", token=admin, rev="1", asof="post_commune_pct", asof_period="2023"
    )
    assert not at.exception
    rows = Store(db).read("observations", 1, indicators=["post_commune_pct"])
    want = rows[rows["period"] == "2023"]
    assert 0 < len(want) < 1000
    table = next(f.value for f in at.dataframe if "region_name" in f.value.columns)
    assert len(table) == len(want) and set(table["period"]) == {"2023"}
    assert f"{len(want)} dòng" in " ".join(c.value for c in at.caption)
