"""The published-table corpus itself is sound: every example builds as the CSV and XLSX files an
analyst would upload, the files say exactly what the printed table says, and the hand-written
canonical rows use this install's catalog, periods and units. (The reader is tested elsewhere.)
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import range_boundaries
from vietnamadminunits.database import query

from indicators.core.catalog import load_catalog
from indicators.core.folding import fold
from indicators.core.periods import parse_period
from tests.ingest.published_examples import (
    EXAMPLES,
    OTHER_INSTALL_EXPECTED,
    Example,
    csv_bytes,
    xlsx_bytes,
)

ROOT = Path(__file__).resolve().parents[2]
CATALOG = load_catalog(ROOT / "data" / "catalog.csv")
IDS = [ex.name for ex in EXAMPLES]
# How Excel on Vietnamese Windows saves a table: (encoding, delimiter).
EXCEL_SAVES = [("utf-8-sig", ","), ("utf-8-sig", ";"), ("utf-16", "\t"), ("cp1258", ";")]


def test_the_corpus_covers_ten_layouts_with_unique_names():
    assert len(EXAMPLES) >= 10
    assert len(set(IDS)) == len(IDS)
    assert all(ex.cite.strip() and "http" in ex.cite for ex in EXAMPLES)


@pytest.mark.parametrize("ex", EXAMPLES, ids=IDS)
@pytest.mark.parametrize(("encoding", "delimiter"), EXCEL_SAVES)
def test_csv_reads_back_to_the_printed_rows(ex: Example, encoding: str, delimiter: str):
    data = csv_bytes(ex, encoding=encoding, delimiter=delimiter)
    text = data.decode(encoding)
    if encoding == "cp1258":  # tone marks were stored apart, as Excel writes that code page
        accented = any("\u0300" <= ch <= "\u0323" for ch in unicodedata.normalize("NFD", text))
        assert (text != unicodedata.normalize("NFC", text)) == accented
        text = unicodedata.normalize("NFC", text)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    assert rows == ex.rows


@pytest.mark.parametrize("ex", EXAMPLES, ids=IDS)
def test_rows_are_rectangular_and_two_line_cells_survive(ex: Example):
    assert len({len(r) for r in ex.rows}) == 1
    if any("\n" in cell for row in ex.rows for cell in row):
        assert b'"' in csv_bytes(ex)  # a two-line cell is quoted


def _covered(ranges: tuple[str, ...]) -> set[tuple[int, int]]:
    """Cells hidden under a merge (every cell of each range but its top-left one)."""
    cells = set()
    for rng in ranges:
        c1, r1, c2, r2 = range_boundaries(rng)
        cells |= {(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)} - {(r1, c1)}
    return cells


def _number(text: str, ex: Example) -> float:
    """A printed number read under the example's convention."""
    if ex.numbers == "vi":
        return float(text.replace(".", "").replace(",", "."))
    return float(text.replace(",", ""))


def _as_printed(value: object) -> str:
    """A text or date cell of the XLSX as the table prints it ('Dec-16' for December 2016)."""
    return value.strftime("%b-%y") if isinstance(value, datetime) else str(value)


@pytest.mark.parametrize("ex", EXAMPLES, ids=IDS)
def test_xlsx_has_the_merged_ranges_and_says_what_is_printed(ex: Example):
    ws = load_workbook(io.BytesIO(xlsx_bytes(ex))).active
    assert {str(r) for r in ws.merged_cells.ranges} == set(ex.merged)
    hidden = _covered(ex.merged)
    for r, row in enumerate(ex.rows, 1):
        for c, text in enumerate(row, 1):
            value = ws.cell(row=r, column=c).value
            if (r, c) in hidden:
                assert text == "" and value is None, (r, c, text)
            elif text == "":
                assert value is None, (r, c)
            elif isinstance(value, int | float):  # '112,80' is kept as 112.8, '1.234' as 1234
                assert _number(text, ex) == value, (r, c)
            else:
                assert _as_printed(value) == text, (r, c)


@pytest.mark.parametrize("ex", EXAMPLES, ids=IDS)
def test_xlsx_types_numbers_but_keeps_titles_years_and_rank_score_cells_as_text(ex: Example):
    ws = load_workbook(io.BytesIO(xlsx_bytes(ex))).active
    values = [c.value for row in ws.iter_rows() for c in row if c.value is not None]
    assert any(isinstance(v, int | float) for v in values)
    assert isinstance(ws["A1"].value, str)
    for r, row in enumerate(ex.rows, 1):
        for c, text in enumerate(row, 1):
            if re.fullmatch(r"(19|20)\d\d|\d+ \(\d[\d,.]*\)|-", text):  # year, rank (score), '-'
                assert ws.cell(row=r, column=c).value == text
    assert xlsx_bytes(ex) == xlsx_bytes(ex)  # deterministic


def test_the_excel_date_accident_is_a_date_in_the_xlsx():
    ex = next(e for e in EXAMPLES if any(c == "Dec-16" for r in e.rows for c in r))
    ws = load_workbook(io.BytesIO(xlsx_bytes(ex))).active
    cell = next(c for row in ws.iter_rows() for c in row if isinstance(c.value, datetime))
    assert (cell.value.year, cell.value.month, cell.number_format) == (2016, 12, "mmm-yy")


def _install_regions() -> dict[str, set[str]]:
    """Region codes of this install's region_sources: legacy 56 and 58, 2025 56."""
    legacy = {"56", "58"}
    sql = "SELECT districtCode, wardCode FROM admin_units_legacy WHERE provinceCode IN ('56','58')"
    for row in query(sql):
        legacy |= {row["districtCode"], row["wardCode"]}
    new = {"56"} | {
        r["wardCode"] for r in query("SELECT wardCode FROM admin_units WHERE provinceCode='56'")
    }
    return {"legacy": legacy, "2025": new}


def _printed_numbers(ex: Example) -> set[float]:
    """Every number the table prints, ranks inside 'rank (score)' cells included."""
    found = set()
    for cell in (c for row in ex.rows for c in row):
        for token in re.findall(r"\d[\d.,]*", cell):
            if ex.numbers == "vi":
                token = token.replace(".", "").replace(",", ".")
            else:
                token = token.replace(",", "")
            try:
                found.add(float(token))
            except ValueError:
                continue
    return found


@pytest.mark.parametrize("ex", EXAMPLES, ids=IDS)
def test_expected_rows_are_canonical_and_printed_in_the_table(ex: Example):
    regions = _install_regions()
    printed = _printed_numbers(ex)
    for ind, unit_list, region, period, value, status in ex.expected:
        assert ind in CATALOG, ind
        assert region in regions[unit_list], (unit_list, region)
        assert parse_period(period).code == period
        assert status in ("published", "preliminary")
        assert isinstance(value, float) and value in printed, (ind, region, period, value)
    for key, ind in ex.mapping.items():
        assert key == fold(key) and ind in CATALOG
        assert any(key in fold(cell) for row in ex.rows for cell in row), key
    if ex.expected_source:
        assert [fold(ex.expected_source)] == [
            fold(c.split(":", 1)[1])
            for r in ex.rows
            for c in r
            if c.startswith(("Nguồn:", "Source:"))
        ]
    if ex.expected_note:
        assert any(ex.expected_note in c for r in ex.rows for c in r)


def test_rows_for_another_install_are_canonical_too():
    for name, rows in OTHER_INSTALL_EXPECTED.items():
        ex = next(e for e in EXAMPLES if e.name == name)
        assert ex.expected == () and ex.area is not None
        printed = _printed_numbers(ex)
        for ind, unit_list, region, period, value, _status in rows:
            assert ind in CATALOG and (unit_list, region) == ex.area
            assert parse_period(period).code == period and value in printed
