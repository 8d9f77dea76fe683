"""Single sign-on through OpenID Connect, against a real provider started on 127.0.0.1.

`oidc-provider-mock` is a real OIDC provider (discovery, authorization code flow, signed ID
tokens) whose login page lets the test pick a user. The dashboard runs with `[access] sign_in =
"oidc"` and Streamlit's `[auth]` secrets pointing at it, exactly as a province would configure
its own identity server; Streamlit's `st.login` does the protocol.
"""

from __future__ import annotations

import re
import secrets
import shutil
import warnings
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from indicators.core.settings import DEFAULT_DATA_DIR
from indicators.store.audit import read_trail
from indicators.store.revisions import Store

from .conftest import free_port, running_server
from .helpers import indicators, no_errors

with warnings.catch_warnings():  # the provider's own use of older Authlib names
    warnings.simplefilter("ignore")
    from oidc_provider_mock import User, run_server_in_thread

ANALYST = "hoa.nguyen@sokhcn.khanhhoa.gov.vn"  # the provider says: roles = ["analyst"]
NO_CLAIM = "lan.tran@sokhcn.khanhhoa.gov.vn"  # no role claim: the account table decides
SSO = "Đăng nhập bằng tài khoản một cửa (SSO)"
UPLOAD = (
    "Mã chỉ tiêu;Mã đơn vị;Năm;Giá trị;Trạng thái\r\npress_articles;56;2026;10.700;Sơ bộ\r\n"
).encode("utf-8-sig")


def signed_in_as(name: str, role: str) -> re.Pattern:
    """The sidebar's words for a signed-in e-mail: shown as text, never as a mailto link, so a
    WORD JOINER (invisible) keeps Markdown from linking it."""
    shown = re.escape(f"Đã đăng nhập: {name} ({role})").replace("@", "\u2060?@")
    return re.compile(f"^{shown}$")


def oidc_data_folder(folder: Path) -> Path:
    """The bundled data folder with `[access] sign_in = "oidc"`."""
    data = folder / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    settings = data / "settings.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace('sign_in = "local"', 'sign_in = "oidc"'), encoding="utf-8")
    return data


@pytest.fixture(scope="module")
def sso(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sso-server")
    users = [
        User(sub="hoa", claims={"email": ANALYST, "email_verified": True, "roles": ["analyst"]}),
        User(sub="lan", claims={"email": NO_CLAIM, "email_verified": True}),
    ]
    with run_server_in_thread(user_claims=users) as provider:
        port = free_port()
        secrets_file = folder / "secrets.toml"
        secrets_file.write_text(
            "[auth]\n"
            f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
            f'cookie_secret = "{secrets.token_hex(32)}"\n'
            'client_id = "chiso-cntt"\n'
            'client_secret = "not-a-real-secret"\n'
            "server_metadata_url = "
            f'"http://127.0.0.1:{provider.server_port}/.well-known/openid-configuration"\n',
            encoding="utf-8",
        )
        data = oidc_data_folder(folder)
        args = ("--secrets.files", str(secrets_file))
        with running_server(folder, args, port, INDICATORS_DATA_DIR=str(data)) as srv:
            yield srv


def sign_in_with_sso(page: Page, url: str, path: str, who: str) -> None:
    """From a guarded page: the SSO button, the provider's login page, back to the app."""
    page.goto(f"{url}/{path}")
    page.get_by_test_id("stMain").get_by_role("button", name=SSO).click()
    page.get_by_role("button", name=who, exact=True).click()  # the provider's page
    page.wait_for_url(f"{url}/**", timeout=60_000)
    page.goto(f"{url}/{path}")


def test_an_analyst_signs_in_at_the_identity_server_and_saves_as_themselves(sso, page, tmp_path):
    page.goto(f"{sso.url}/tai-len")
    expect(page.get_by_test_id("stMain").get_by_role("button", name=SSO)).to_be_visible(
        timeout=60_000
    )
    expect(page.get_by_test_id("stMain").get_by_label("Mật khẩu")).to_have_count(0)
    sign_in_with_sso(page, sso.url, "tai-len", "hoa")
    expect(page.get_by_text(signed_in_as(ANALYST, "chuyên viên"))).to_be_visible(timeout=60_000)
    file = tmp_path / "bao-chi.csv"
    file.write_bytes(UPLOAD)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(file)
    store = Store(sso.db)
    nxt = store.current_revision() + 1
    page.get_by_role("button", name=f"Lưu thành phiên bản {nxt}").click()
    expect(page.get_by_text(f"Đã lưu phiên bản {nxt}")).to_be_visible(timeout=60_000)
    no_errors(page)
    assert store.revision(nxt).author == ANALYST
    trail = read_trail(store)
    signed = trail[(trail.event == "sign_in") & (trail.account == ANALYST)]
    assert signed.iloc[0].detail == "oidc" and signed.iloc[0].role == "analyst"


def test_without_a_role_claim_the_account_table_decides(sso, page):
    sign_in_with_sso(page, sso.url, "tai-len", "lan")  # no claim, no account: a viewer
    expect(page.get_by_text("không dùng được trang này: cần vai trò chuyên viên")).to_be_visible(
        timeout=60_000
    )
    expect(page.get_by_test_id("stFileUploaderDropzoneInput")).to_have_count(0)
    expect(page.locator('a[href^="mailto:"]')).to_have_count(0)  # the e-mail is not a link
    done = indicators(sso.db, "users", "add", NO_CLAIM, "--role", "admin", "--sso-only")
    assert done.returncode == 0, done.stderr
    page.goto(f"{sso.url}/lich-su?rev=1")  # the same SSO session, now an admin by the table
    expect(page.get_by_role("tab", name="Khôi phục")).to_be_visible(timeout=60_000)
    expect(page.get_by_text(signed_in_as(NO_CLAIM, "quản trị"))).to_be_visible()
    done = indicators(sso.db, "users", "disable", NO_CLAIM)
    assert done.returncode == 0, done.stderr
    page.goto(f"{sso.url}/lich-su?rev=1")  # disabled in the table: no longer signed in
    expect(page.get_by_text("Trang này dành cho cán bộ được phân quyền")).to_be_visible(
        timeout=60_000
    )
    no_errors(page)
