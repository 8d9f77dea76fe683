"""An unexpected error in a real server: the visitor sees a short bilingual message with an
incident id and no traceback; the id and the traceback are in the server's log."""

from __future__ import annotations

import re

import duckdb
import pytest
from playwright.sync_api import expect

from .conftest import running_server
from .helpers import indicators


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    """A server whose store lost a table the pages read (as a botched manual repair would)."""
    folder = tmp_path_factory.mktemp("broken-server")
    db = folder / "app.duckdb"
    assert indicators(db, "init").returncode == 0
    with duckdb.connect(str(db)) as con:
        con.execute("DROP TABLE region_ancestors")
    with running_server(folder) as srv:
        yield srv, folder / "streamlit.log"


def test_an_unexpected_error_shows_an_incident_id_and_no_traceback(broken, page):
    srv, log = broken
    page.goto(srv.url)
    alert = page.get_by_text(re.compile(r"Mã sự cố: [0-9a-f]{8}"))
    expect(alert).to_be_visible(timeout=60_000)
    text = page.get_by_test_id("stAlertContentError").inner_text()
    incident = re.search(r"Mã sự cố: ([0-9a-f]{8})", text).group(1)
    assert f"Incident id: {incident}" in text  # both languages, one id
    expect(page.get_by_test_id("stException")).to_have_count(0)
    body = page.locator("body").inner_text()
    assert "Traceback" not in body and "duckdb" not in body.lower() and ".py" not in body
    logged = log.read_text()
    assert f"incident {incident}" in logged
    assert "Traceback" in logged.split(f"incident {incident}", 1)[1]
