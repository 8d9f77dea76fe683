"""The Data page's CSV download through Streamlit's AppTest: the bytes the button hands the
browser neutralise every formula in the data (core.spreadsheet) and keep numbers as numbers.

The button is deferred (its file is made on click), so its proto carries only a
`deferred_file_id`, not the bytes. AppTest builds a fresh `MediaFileManager` for every run and
drops it afterwards; the test keeps that manager (Streamlit's own class, only remembered) and
asks it to run the button's callable, as the browser's click does through the server.
"""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import app_test

from indicators.core.settings import settings
from indicators.core.spreadsheet import TRIGGERS, csv_cell, is_negative_number
from indicators.service import open_store
from tests.conftest import app_store_at
from tests.export.payloads import NEGATIVE, PAYLOADS, REGION, YEARS, store_payloads
from tests.pages.apptest import open_page


@pytest.fixture(scope="module")
def db(tmp_path_factory, catalog, regions):
    """The app's store, seeded as the app seeds it, then a revision of formula payloads."""
    with app_store_at(tmp_path_factory.mktemp("data-download")) as db:
        store_payloads(open_store(settings()), catalog, regions)
        yield db


MANAGERS: list[MediaFileManager] = []


class RememberedManager(MediaFileManager):
    """Streamlit's media file manager, kept after the AppTest run that made it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        MANAGERS.append(self)


def clicked(button, manager: MediaFileManager) -> bytes:
    """The file a click on a deferred download button gives the browser."""
    assert button.proto.deferred_file_id and not button.proto.url
    url = manager.execute_deferred(button.proto.deferred_file_id)
    file = manager.read_file(url.rsplit("/", 1)[-1].split(".")[0])
    assert file is not None
    return file.content


def test_data_page_csv_download_neutralises_formulas(db, monkeypatch):
    monkeypatch.setattr(app_test, "MediaFileManager", RememberedManager)
    params = dict(era="legacy", level="commune", ind="bts_count", reg=REGION, period="2016-2022")
    at = open_page("ui/pages/data.py", **params)
    assert not at.exception
    shown = at.dataframe[0].value
    assert set(PAYLOADS) <= set(shown["Nguồn"])  # the page shows the text as it is
    button = at.download_button(key="csv")
    assert "CSV" in button.label
    data = clicked(button, MANAGERS[-1])
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    records = list(csv.reader(io.StringIO(text, newline="")))
    head, rows = records[0], records[1:]
    assert len(rows) == len(YEARS)  # a carriage return in a note did not start a row
    by_year = {r[head.index("Kỳ")]: dict(zip(head, r, strict=True)) for r in rows}
    for year, payload in zip(YEARS, PAYLOADS, strict=False):
        assert by_year[year]["Nguồn"] == by_year[year]["Ghi chú"] == csv_cell(payload)
        value = f"{int(year) - 2000}.0"
        assert by_year[year]["Giá trị"] == value and f'"{value}"' not in text  # a bare number
    assert by_year[YEARS[-1]]["Ghi chú"] == NEGATIVE
    assert not [c for r in rows for c in r if c[:1] in TRIGGERS and not is_negative_number(c)]

    workbook = openpyxl.load_workbook(
        io.BytesIO(clicked(at.download_button(key="xlsx"), MANAGERS[-1]))
    )
    cells = [c for row in workbook.active.iter_rows() for c in row if c.value is not None]
    assert {c.data_type for c in cells} == {"s", "n"}  # no formula in the Excel file either
    assert {c.value for c in cells if c.quotePrefix} == set(PAYLOADS)
