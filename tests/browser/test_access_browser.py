"""Sign-in, roles and the audit trail in a real Chromium against a real server.

Accounts are made the way IT staff make them (`indicators users add`, password typed twice);
people sign in through the form on the page; the store and the audit trail are read back from
the server's own store file.
"""

from __future__ import annotations

import getpass
import io
import re

import pandas as pd
import pytest
from playwright.sync_api import Page, expect

from indicators.store.audit import read_trail
from indicators.store.revisions import Store

from .conftest import running_server
from .helpers import (
    add_account,
    indicators,
    no_errors,
    sign_in,
    wait_for_charts,
    wait_for_session_cookie,
)

UPLOAD = (
    "Mã chỉ tiêu;Mã đơn vị;Năm;Giá trị;Trạng thái\r\npress_articles;56;2026;10.600;Sơ bộ\r\n"
).encode("utf-8-sig")
NEED_SIGN_IN = "Trang này dành cho cán bộ được phân quyền"
STREAM = re.compile(r".*/_stcore/stream")


@pytest.fixture(scope="module")
def srv(tmp_path_factory):
    folder = tmp_path_factory.mktemp("access-server")
    with running_server(folder) as srv:
        first = folder / "first.csv"  # a second revision, so revision 1 can be restored
        first.write_bytes(UPLOAD.replace(b"10.600", b"10.550"))
        done = indicators(srv.db, "import", str(first), "-m", "first")
        assert done.returncode == 0, done.stderr
        add_account(srv.db, "quantri", "admin")
        add_account(srv.db, "chuyenvien", "analyst")
        add_account(srv.db, "khoa-thu", "analyst")
        add_account(srv.db, "quantri-2", "admin")
        yield srv


def trail(srv) -> pd.DataFrame:
    return read_trail(Store(srv.db))


def restore_tab(page: Page) -> None:
    page.get_by_role("tab", name="Khôi phục").click()
    page.get_by_text("Tôi hiểu rằng số liệu hiện tại").click()


def test_a_visitor_sees_no_update_control_and_a_direct_link_asks_for_sign_in(
    srv, page, screenshots
):
    page.goto(srv.url)
    wait_for_charts(page, 2)
    menu = page.get_by_test_id("stSidebarNav")
    expect(menu.get_by_text("Tổng quan")).to_be_visible()
    for entry in ("Tải lên", "Lịch sử", "Tài khoản"):
        expect(menu.get_by_text(entry, exact=True)).to_have_count(0)
    for path in ("tai-len", "lich-su?rev=1", "tai-khoan"):
        page.goto(f"{srv.url}/{path}")
        expect(page.get_by_text(NEED_SIGN_IN)).to_be_visible(timeout=60_000)
        main = page.get_by_test_id("stMain")
        expect(main.get_by_label("Tên tài khoản")).to_be_visible()
        expect(page.get_by_test_id("stFileUploaderDropzoneInput")).to_have_count(0)
        expect(page.get_by_role("tab", name="Khôi phục")).to_have_count(0)
        expect(page.get_by_role("button", name=re.compile("Khôi phục"))).to_have_count(0)
        no_errors(page)
        if path == "tai-len":
            page.screenshot(path=screenshots / "sign-in-vi.png")


def test_an_analyst_saves_as_their_account_and_stays_signed_in(srv, page, tmp_path):
    store = Store(srv.db)
    before = store.current_revision()
    page.goto(f"{srv.url}/tai-len")
    sign_in(page, "chuyenvien")
    expect(page.get_by_text("Đã đăng nhập: chuyenvien (chuyên viên)")).to_be_visible()
    cookie = wait_for_session_cookie(page)
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"
    page.reload()  # the sign-in survives a reload
    expect(page.get_by_text("Đã đăng nhập: chuyenvien (chuyên viên)")).to_be_visible()
    file = tmp_path / "bao-chi.csv"
    file.write_bytes(UPLOAD)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(file)
    expect(page.get_by_text("Người cập nhật: chuyenvien")).to_be_visible(timeout=60_000)
    expect(page.get_by_label("Người cập nhật")).to_have_count(0)  # no free-text author box
    page.get_by_role("button", name=f"Lưu thành phiên bản {before + 1}").click()
    expect(page.get_by_text(f"Đã lưu phiên bản {before + 1}")).to_be_visible(timeout=60_000)
    assert store.revision(before + 1).author == "chuyenvien"

    # An analyst reads the history but has no restore control.
    page.goto(f"{srv.url}/lich-su?rev=1")
    expect(page.get_by_role("tab", name="Số liệu tại phiên bản 1")).to_be_visible(timeout=60_000)
    expect(page.get_by_role("tab", name="Khôi phục")).to_have_count(0)
    expect(page.get_by_role("tab", name="Nhật ký truy cập")).to_have_count(0)
    no_errors(page)


def test_replaying_an_admins_restore_in_an_analysts_session_restores_nothing(srv, browser):
    """The restore click of an admin, recorded off the websocket and sent again word for word
    in an analyst's session, changes nothing: the server decides, not the page."""
    admin = browser.new_context(viewport={"width": 1440, "height": 2000}).new_page()
    sent: list = []

    def record(ws):
        server = ws.connect_to_server()

        def forward(message):
            sent.append(message)
            server.send(message)

        ws.on_message(forward)

    admin.route_web_socket(STREAM, record)
    admin.goto(f"{srv.url}/lich-su?rev=1")
    sign_in(admin, "quantri")
    admin.get_by_role("tab", name="Khôi phục").click()
    admin.get_by_text("Tôi hiểu rằng số liệu hiện tại").click()
    store = Store(srv.db)
    current = store.current_revision()
    mark = len(sent)
    admin.get_by_role("button", name="Khôi phục về phiên bản 1").click()
    expect(admin.get_by_text(f"Phiên bản {current + 1}: đã khôi phục")).to_be_visible(
        timeout=60_000
    )
    click = sent[mark:]
    # read the revision itself: `current_revision` gives the last one it read while the
    # server still holds the file, preparing the new revision for its readers
    assert click and store.revision(current + 1) is not None
    admin.context.close()

    analyst = browser.new_context(viewport={"width": 1440, "height": 2000}).new_page()
    upstream: list = []

    def keep(ws):
        upstream.append(ws.connect_to_server())
        ws.on_message(lambda message: upstream[-1].send(message))

    analyst.route_web_socket(STREAM, keep)
    analyst.goto(f"{srv.url}/lich-su?rev=1")
    sign_in(analyst, "chuyenvien")
    expect(analyst.get_by_role("tab", name="Số liệu tại phiên bản 1")).to_be_visible(timeout=60_000)
    restores = (trail(srv)["event"] == "restore").sum()
    for message in click:  # the admin's click, byte for byte, from the analyst's browser
        upstream[-1].send(message)
    analyst.wait_for_timeout(3000)
    assert store.revision(current + 2) is None  # nothing new
    assert (trail(srv)["event"] == "restore").sum() == restores
    expect(analyst.get_by_role("tab", name="Khôi phục")).to_have_count(0)
    analyst.context.close()


def test_a_page_drawn_for_an_admin_restores_nothing_once_the_role_is_taken_away(srv, page):
    """The role is read again when the button is pressed, not kept from when the page was
    drawn: demoted meanwhile, the press restores nothing and the control is gone."""
    page.goto(f"{srv.url}/lich-su?rev=1")
    sign_in(page, "quantri-2")
    restore_tab(page)
    store = Store(srv.db)
    current, content = store.current_revision(), store.content_hash()
    done = indicators(srv.db, "users", "role", "quantri-2", "analyst")
    assert done.returncode == 0, done.stderr
    page.get_by_role("button", name="Khôi phục về phiên bản 1").click()
    expect(page.get_by_text("Đã đăng nhập: quantri-2 (chuyên viên)")).to_be_visible(timeout=60_000)
    expect(page.get_by_role("tab", name="Khôi phục")).to_have_count(0)
    no_errors(page)
    assert store.current_revision() == current and store.content_hash() == content
    assert not ((trail(srv)["event"] == "restore") & (trail(srv)["account"] == "quantri-2")).any()


def test_an_admin_restores(srv, page):
    store = Store(srv.db)
    current = store.current_revision()
    page.goto(f"{srv.url}/lich-su?rev=1")
    sign_in(page, "quantri")
    restore_tab(page)
    page.get_by_role("button", name="Khôi phục về phiên bản 1").click()
    expect(page.get_by_text(f"Phiên bản {current + 1}: đã khôi phục")).to_be_visible(timeout=60_000)
    no_errors(page)
    done = store.revision(current + 1)
    assert done.author == "quantri" and done.restores == 1


def test_the_sixth_wrong_password_is_refused_even_when_the_right_one_follows(srv, page):
    def attempts() -> list[str]:
        found = trail(srv).query("event == 'sign_in' and account == 'khoa-thu'")
        return found["outcome"].tolist()[::-1]

    def answered(n: int) -> None:  # the page answers each try alike: wait for the trail
        for _ in range(200):
            if len(attempts()) >= n:
                return
            page.wait_for_timeout(100)
        raise AssertionError(f"attempt {n} not answered: {attempts()}")

    page.goto(f"{srv.url}/tai-len")
    for attempt in range(1, 6):
        sign_in(page, "khoa-thu", "khong-phai-mat-khau")
        answered(attempt)
    expect(page.get_by_text("Sai tên tài khoản hoặc mật khẩu")).to_have_count(0)
    expect(page.get_by_text(re.compile("Tài khoản tạm khóa do nhập sai mật khẩu"))).to_be_visible()
    sign_in(page, "khoa-thu")  # the right password, sixth attempt
    answered(6)
    assert attempts() == ["wrong"] * 4 + ["locked"] * 2
    expect(page.get_by_text(re.compile("Tài khoản tạm khóa do nhập sai mật khẩu"))).to_be_visible()
    expect(page.get_by_test_id("stFileUploaderDropzoneInput")).to_have_count(0)
    expect(page.get_by_text("Đã đăng nhập")).to_have_count(0)


def test_the_audit_trail_shows_each_step(srv, page, screenshots):
    page.goto(f"{srv.url}/tai-khoan")
    sign_in(page, "quantri")
    expect(page.get_by_role("tab", name="Thêm tài khoản")).to_be_visible(timeout=60_000)
    expect(page.get_by_test_id("stDataFrame")).to_be_visible()
    wait_for_session_cookie(page)
    page.wait_for_timeout(500)
    page.screenshot(path=screenshots / "accounts-vi.png")
    page.goto(f"{srv.url}/lich-su")
    page.get_by_role("tab", name="Nhật ký truy cập").click()
    expect(page.get_by_test_id("stDataFrame").last).to_be_visible()
    page.wait_for_timeout(500)
    page.screenshot(path=screenshots / "audit-vi.png")
    with page.expect_download() as download:
        page.get_by_role("button", name="Tải nhật ký (CSV)").click()
    log = pd.read_csv(io.BytesIO(download.value.path().read_bytes()), encoding="utf-8-sig")
    steps = set(zip(log["event"], log["outcome"], log["account"], strict=True))
    for step in [
        ("sign_in", "ok", "chuyenvien"),
        ("validate", "ok", "chuyenvien"),
        ("save", "ok", "chuyenvien"),
        ("restore", "ok", "quantri"),
        ("sign_in", "wrong", "khoa-thu"),
        ("sign_in", "locked", "khoa-thu"),
        ("account_role", "ok", f"cli:{getpass.getuser()}"),
    ]:
        assert step in steps, step
    saved = log.query("event == 'save' and outcome == 'ok' and account == 'chuyenvien'").iloc[0]
    assert saved["file_name"] == "bao-chi.csv" and len(saved["file_hash"]) == 64
    assert saved["client"] == "127.0.0.1" and isinstance(saved["session"], str)
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", saved["occurred_at"])  # Vietnam time
    no_errors(page)
