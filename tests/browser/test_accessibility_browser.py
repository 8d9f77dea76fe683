"""Accessibility in a real Chromium against a real server: axe-core on every page in both
languages, the browser tab's title of a shared view, and the copy-link control.

A serious or critical axe violation fails the test unless it is one of Streamlit's own known
findings (`KNOWN` in tests/browser/axe_audit.py, each with its reason and upstream issue),
matched by rule id and the framework element it sits in: a new finding, ours or the
framework's, fails. bench/accessibility_counts.py counts the same findings page by page.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from indicators.core.i18n import LANGS, t

from .axe_audit import DESKTOP, KNOWN, PAGES, audit, settle, url
from .conftest import running_server
from .helpers import add_account, no_errors, sign_in, wait_for_session_cookie

ADMIN = "quantri"
BLOCKING = ("critical", "serious")


@pytest.fixture(scope="module")
def srv(tmp_path_factory):
    with running_server(tmp_path_factory.mktemp("a11y-server")) as srv:
        add_account(srv.db, ADMIN, "admin")
        yield srv


@pytest.fixture(scope="module")
def tabs(srv, browser):
    """A visitor's tab and a signed-in admin's (Upload, History and Accounts are theirs)."""
    visitor = browser.new_context(viewport=DESKTOP, locale="vi-VN")
    admin = browser.new_context(viewport=DESKTOP, locale="vi-VN")
    first = visitor.new_page()
    first.goto(srv.url)  # a new server's first page is the Overview (README)
    settle(first)
    signed = admin.new_page()
    signed.goto(f"{srv.url}/tai-len")
    sign_in(signed, ADMIN)
    wait_for_session_cookie(signed)
    yield {False: first, True: signed}
    visitor.close()
    admin.close()


def test_every_known_framework_finding_says_why_and_where_upstream():
    for known in KNOWN:
        assert known.reason and known.upstream.startswith("https://github.com/streamlit/")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_no_serious_or_critical_axe_violation_but_the_known_framework_ones(srv, tabs, page, lang):
    tab = tabs[page.admin]
    tab.goto(url(srv.url, page, lang))
    settle(tab)
    no_errors(tab)
    found = audit(tab)
    blocking = [f for f in found if f.impact in BLOCKING and f.known is None]
    assert not blocking, "\n".join(str(f) for f in blocking)
    own = [f for f in found if f.own]  # moderate and minor ones of ours: none either
    assert not own, "\n".join(str(f) for f in own)


def test_a_trends_link_names_its_indicator_and_period_in_the_tab(srv, page):
    page.goto(f"{srv.url}/xu-huong?ind=hh_internet_pct&period=2018-2024")
    settle(page)
    expect(page).to_have_title(
        "Tỷ lệ hộ gia đình có kết nối Internet · 2018–2024 · Xu hướng — Chỉ số CNTT-TT"
    )
    page.goto(f"{srv.url}/xu-huong?ind=hh_internet_pct,bts_count&period=2020&lang=en")
    settle(page)
    title = page.title()
    assert title.startswith("Households with internet, Mobile base stations (BTS) · 2020 · ")
    assert title.endswith(f"{t('nav.trends', 'en')} — {t('app.title', 'en')}")
    page.goto(f"{srv.url}/dia-ban?indicator=hh_internet_pct&period=2024&era=legacy")
    settle(page)
    regions = r"^Tỷ lệ hộ gia đình có kết nối Internet · 2024 · Tỉnh Khánh Hòa · Địa bàn — "
    assert re.match(regions, page.title())  # and the area looked inside


def test_the_copy_link_control_copies_the_view_from_the_keyboard_and_says_so(srv, browser):
    context = browser.new_context(viewport=DESKTOP, locale="vi-VN")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=srv.url)
    page = context.new_page()
    for lang, key in (("vi", "Enter"), ("en", " ")):
        link = f"{srv.url}/xu-huong?ind=hh_internet_pct&period=2018-2024&lang={lang}"
        page.goto(link)
        settle(page)
        button = page.get_by_role("button", name=t("a11y.copy_link", lang), exact=True)
        button.focus()  # no mouse: focus, then the key
        page.keyboard.press("Space" if key == " " else key)
        expect(page.get_by_role("status").filter(has_text=t("a11y.copied", lang))).to_be_visible()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == page.evaluate("location.href")
        assert "ind=hh_internet_pct" in copied and "period=2018-2024" in copied
    context.close()
