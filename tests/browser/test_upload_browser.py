"""An analyst's round trip in a real Chromium: upload, preview, save, see it, restore, see it gone.

Runs against its own server and store, so the values other browser tests read stay as bundled.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest
from playwright.sync_api import expect

from .conftest import running_server
from .helpers import (
    PRESS_2026,
    add_account,
    no_errors,
    overview_press,
    sign_in,
    wait_for_charts,
    wait_for_session_cookie,
)

UPLOAD = PRESS_2026


@pytest.fixture(scope="module")
def own_server(tmp_path_factory):
    with running_server(tmp_path_factory.mktemp("upload-server")) as srv:
        add_account(srv.db, "quantri", "admin")  # uploads, and restores
        add_account(srv.db, "chuyenvien", "analyst")
        yield srv


def test_upload_preview_commit_then_rollback(own_server, page, tmp_path, screenshots):
    url = own_server.url
    assert overview_press(page, url) == "10.150"

    page.goto(f"{url}/tai-len")
    sign_in(page, "quantri")
    expect(page.get_by_text("Tải lên số liệu", exact=True)).to_be_visible(timeout=60_000)
    wait_for_session_cookie(page)
    file = tmp_path / "bao-chi-2026.csv"
    file.write_bytes(UPLOAD)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(file)
    expect(page.get_by_test_id("stFileChipName")).to_have_text("bao-chi-2026.csv")

    # The preview: one changed value, old -> new, before anything is stored.
    expect(page.get_by_text("Tệp hợp lệ: 1 dòng có thể lưu.")).to_be_visible(timeout=60_000)
    changed = page.get_by_test_id("stMetric").filter(has_text="Thay đổi")
    expect(changed.get_by_test_id("stMetricValue")).to_have_text("1")
    expect(page.get_by_text("Các giá trị sẽ thay đổi (cũ → mới)")).to_be_visible()
    expect(page.get_by_test_id("stDataFrame").first).to_be_visible()
    no_errors(page)
    page.wait_for_timeout(500)
    page.screenshot(path=screenshots / "upload-preview-vi.png")
    assert overview_press(page, url) == "10.150"  # previewing stored nothing

    page.goto(f"{url}/tai-len")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(file)
    page.get_by_role("button", name="Lưu thành phiên bản 2").click()
    expect(page.get_by_text("Đã lưu phiên bản 2")).to_be_visible(timeout=60_000)
    no_errors(page)
    assert overview_press(page, url) == "10.500"

    # Restore revision 1 from the History page: a new revision 3, history kept.
    page.goto(f"{url}/lich-su?rev=1")
    page.get_by_role("tab", name="Khôi phục").click()
    page.get_by_text("Tôi hiểu rằng số liệu hiện tại").click()
    page.get_by_role("button", name="Khôi phục về phiên bản 1").click()
    expect(page.get_by_text("Phiên bản 3: đã khôi phục dữ liệu của phiên bản 1")).to_be_visible(
        timeout=60_000
    )
    no_errors(page)
    page.screenshot(path=screenshots / "history-vi.png")
    assert overview_press(page, url) == "10.150"


def test_a_bad_row_is_reported_and_blocks_the_save(own_server, page, tmp_path, screenshots):
    page.goto(own_server.url)  # a server's first session opening a sub-page meets
    wait_for_charts(page, 2)  # Streamlit's "Page not found" modal (streamlit#9992)
    page.goto(f"{own_server.url}/tai-len?lang=en")
    sign_in(page, "chuyenvien")
    bad = tmp_path / "bad.csv"
    bad.write_bytes(
        "Mã chỉ tiêu,Mã đơn vị,Năm,Giá trị\r\n"
        "press_articles,56,2026,10200\r\n"
        "hh_internet_pct,56,2026,140\r\n".encode("utf-8-sig")
    )
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(bad)
    expect(page.get_by_text("Errors: 1; rows with errors: 1.", exact=False)).to_be_visible(
        timeout=60_000
    )
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the report (CSV)").click()
    report = pd.read_csv(download.value.path(), encoding="utf-8-sig")
    error = report[report["Mức / Severity"] == "error"].iloc[0]
    assert error["Dòng / Row"] == 3 and error["Cột / Column"] == "Giá trị"
    assert "100" in error["Lý do"] and "100" in error["Reason"]
    page.get_by_role("button", name=re.compile(r"^Save as revision \d+$")).click()
    expect(page.get_by_text("Not saved: the file has errors")).to_be_visible()
    no_errors(page)
    page.screenshot(path=screenshots / "upload-report-en.png")
