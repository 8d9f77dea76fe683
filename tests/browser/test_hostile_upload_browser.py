"""Hostile files through the Upload page in a real Chromium: each is refused with a clear
bilingual reason in under 10 s, the server's peak memory stays under 1 GB, and the store does
not change. The files are the ones outsiders used (tests/robustness/hostile_files.py); the
command line meets the same files in tests/robustness/test_hostile_cli.py.
"""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import expect

from indicators.store.revisions import Store
from tests.robustness.hostile_files import EXPECTED, HOSTILE

from .conftest import running_server
from .helpers import add_account, no_errors, sign_in, wait_for_session_cookie

LIMIT_S = 10.0
LIMIT_BYTES = 1 << 30
REFUSED = '[data-testid="stAlertContentError"]'


def peak_rss(pid: int) -> int:
    """The process's peak resident memory so far (VmHWM), in bytes."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("no VmHWM")


@pytest.fixture(scope="module")
def signed_in_upload(tmp_path_factory, browser):
    folder = tmp_path_factory.mktemp("hostile-server")
    with running_server(folder) as srv:
        add_account(srv.db, "chuyenvien", "analyst")
        page = browser.new_context(viewport={"width": 1440, "height": 1600}).new_page()
        page.goto(f"{srv.url}/tai-len?lang=en")
        sign_in(page, "chuyenvien")
        wait_for_session_cookie(page)
        yield srv, page, folder
        page.context.close()


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_file_is_refused_fast_in_bounded_memory(signed_in_upload, case, timings):
    srv, page, folder = signed_in_upload
    store = Store(srv.db)
    before = (store.current_revision(), store.content_hash())
    file = HOSTILE[case](folder)
    page.goto(f"{srv.url}/tai-len?lang=en")
    uploader = page.get_by_test_id("stFileUploaderDropzoneInput")
    expect(uploader).to_have_count(1, timeout=60_000)
    started = time.monotonic()
    uploader.set_input_files(file)
    expect(page.locator(REFUSED).first).to_be_visible(timeout=LIMIT_S * 1000)
    took = time.monotonic() - started
    timings[f"hostile upload {case} s"] = took
    no_errors(page)
    expect(page.get_by_text("Something unexpected went wrong")).to_have_count(0)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the report (CSV)").click()
    report = pd.read_csv(download.value.path(), encoding="utf-8-sig")
    reasons = " ".join(report["Lý do"].astype(str)) + " " + " ".join(report["Reason"].astype(str))
    assert EXPECTED[case] in reasons  # the English half; the Vietnamese half is beside it
    assert report["Lý do"].astype(str).str.len().min() > 0
    assert took < LIMIT_S, f"{case}: {took:.1f} s"
    peak = peak_rss(srv.proc.pid)
    timings["hostile upload: server peak MB"] = peak / 2**20
    assert peak < LIMIT_BYTES, f"{case}: server peak {peak / 2**20:.0f} MB"
    assert (store.current_revision(), store.content_hash()) == before
    file.unlink()
