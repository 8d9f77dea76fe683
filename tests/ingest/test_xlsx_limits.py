"""An XLSX is checked before it is opened: the zip's parts by their declared sizes, every XML
part through defusedxml (no DTD, no entities), and the sheets streamed and counted; the
declared `<dimension>` of a sheet is never trusted."""

from __future__ import annotations

import time
import tracemalloc
import zipfile
from pathlib import Path

import openpyxl
import pytest

from indicators.core.limits import DEFAULT_LIMITS, UploadLimits
from indicators.ingest.check import check_upload
from indicators.ingest.reading import read_table
from tests.robustness.hostile_files import LOL, SHEET_NS, sheet_xml, text_row, write_xlsx

HEAD = ("Mã chỉ tiêu", "Mã xã", "Năm", "Giá trị")
ROW = ("bts_count", "22327", "2021", "12")


def _xlsx(tmp_path: Path, rows: str, shared: str | None = None, **kw) -> bytes:
    return write_xlsx(tmp_path / "f.xlsx", sheet_xml(rows, **kw), shared).read_bytes()


def _refusal(data: bytes, limits: UploadLimits = DEFAULT_LIMITS):
    raw = read_table(data, "f.xlsx", limits=limits)
    assert not raw.readable and raw.cells.empty
    [p] = raw.problems
    assert p.reason_vi and p.reason_en and p.hint_vi and p.hint_en
    return p


def test_the_declared_dimension_is_never_trusted(tmp_path):
    """A sheet that claims A1:XFD1048576 and holds two rows reads as two rows of four cells,
    in little memory (openpyxl alone padded every row to 16,384 cells)."""
    rows = text_row(1, HEAD) + text_row(2, ROW) + text_row(3, ROW)
    data = _xlsx(tmp_path, rows, dimension="A1:XFD1048576")
    tracemalloc.start()
    try:
        raw = read_table(data, "f.xlsx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert raw.readable and raw.cells.shape == (2, 4)
    assert peak < 20 * 1024 * 1024


def test_a_far_away_cell_is_refused_by_the_column_limit_with_its_letters(tmp_path):
    rows = text_row(1, HEAD) + '<row r="2"><c r="XFD2"><v>1</v></c></row>'
    p = _refusal(_xlsx(tmp_path, rows))
    assert (p.rule, p.row, p.column) == ("too_many_columns", 2, "XFD")
    assert "column 16384, beyond the limit of 500 columns" in p.reason_en


def test_a_far_away_row_is_refused_even_without_cells(tmp_path):
    """openpyxl yields every blank row up to a row element, cells or not."""
    rows = text_row(1, HEAD) + '<row r="1048576" customHeight="1" ht="20"/>'
    p = _refusal(_xlsx(tmp_path, rows))
    assert (p.rule, p.row) == ("too_many_rows", 1048576)
    assert "more than 200000 rows" in p.reason_en and "max_rows" in p.hint_vi


def test_cells_without_addresses_are_counted_in_order(tmp_path):
    cells = "".join("<c><v>1</v></c>" for _ in range(7))
    p = _refusal(
        _xlsx(tmp_path, text_row(1, HEAD) + f"<row>{cells}</row>"), UploadLimits(max_columns=6)
    )
    assert (p.rule, p.row, p.column) == ("too_many_columns", 2, "G")


def test_rows_times_columns_above_the_cell_limit_is_refused(tmp_path):
    rows = "".join(text_row(n, ROW) for n in range(1, 5))
    p = _refusal(_xlsx(tmp_path, rows), UploadLimits(max_cells=12))
    assert (p.rule, p.row) == ("too_many_cells", 4)


def test_a_long_inline_text_is_refused_with_its_cell(tmp_path):
    rows = text_row(1, HEAD) + text_row(2, (*ROW[:3], "x" * 40))
    p = _refusal(_xlsx(tmp_path, rows), UploadLimits(max_field_chars=30))
    assert (p.rule, p.row, p.column) == ("field_too_long", 2, "D")


def test_a_long_shared_string_is_refused(tmp_path):
    runs = "".join(f"<r><t>{'y' * 20}</t></r>" for _ in range(3))  # rich text: runs add up
    shared = f'<sst xmlns="{SHEET_NS}"><si><t>ok</t></si><si>{runs}</si></sst>'
    rows = text_row(1, HEAD) + '<row r="2"><c r="A2" t="s"><v>1</v></c></row>'
    p = _refusal(_xlsx(tmp_path, rows, shared), UploadLimits(max_field_chars=50))
    assert p.rule == "field_too_long" and p.value == "xl/sharedStrings.xml #2"


def test_more_shared_strings_than_cells_are_refused(tmp_path):
    shared = f'<sst xmlns="{SHEET_NS}">{"<si><t>a</t></si>" * 20}</sst>'
    p = _refusal(_xlsx(tmp_path, text_row(1, HEAD), shared), UploadLimits(max_cells=10))
    assert p.rule == "too_many_strings" and "max_cells" in p.hint_en


def test_too_many_parts(tmp_path):
    p = _refusal(_xlsx(tmp_path, text_row(1, HEAD)), UploadLimits(max_zip_parts=4))
    assert p.rule == "zip_parts" and "5 parts, above the limit of 4" in p.reason_en


def test_unzipped_size_is_judged_by_the_declared_sizes(tmp_path):
    rows = text_row(1, HEAD) + "".join(text_row(n, ROW) for n in range(2, 200))
    p = _refusal(_xlsx(tmp_path, rows), UploadLimits(max_unzipped_mb=0.01))
    assert p.rule == "zip_too_big" and "above the 0.01 MB limit" in p.reason_en


def test_a_part_that_compresses_too_well_is_a_zip_bomb(tmp_path):
    rows = text_row(1, HEAD) + " " * 2_000_000 + text_row(2, ROW)
    p = _refusal(_xlsx(tmp_path, rows))
    assert p.rule == "zip_ratio" and "xl/worksheets/sheet1.xml" in p.reason_en
    assert "max_zip_ratio" in p.hint_en


def test_a_part_read_whole_is_bounded(tmp_path):
    p = _refusal(_xlsx(tmp_path, text_row(1, HEAD)), UploadLimits(max_part_mb=0.0001))
    assert p.rule == "zip_part_too_big" and "[Content_Types].xml" in p.reason_en


def test_a_zip_that_lies_about_a_part_size_is_unreadable(tmp_path):
    """zipfile never inflates beyond the declared size: the lie ends in a checksum error."""
    rows = text_row(1, HEAD) + "".join(text_row(n, ROW) for n in range(2, 400))
    data = bytearray(_xlsx(tmp_path, rows))
    info = zipfile.ZipFile(tmp_path / "f.xlsx").getinfo("xl/worksheets/sheet1.xml")
    small = (1000).to_bytes(4, "little")
    data[info.header_offset + 22 : info.header_offset + 26] = small  # local header
    central = data.rindex(b"PK\x01\x02", 0, data.rindex(b"xl/worksheets/sheet1.xml") + 1)
    data[central + 24 : central + 28] = small  # central directory
    p = _refusal(bytes(data))
    assert p.rule == "file_unreadable" and "sheet1.xml" in p.reason_en


@pytest.mark.parametrize(
    ("part", "xml"),
    [
        ("sheet", sheet_xml(text_row(1, HEAD) + text_row(2, ("&lol9;", *ROW[1:])), prolog=LOL)),
        (
            "shared",
            '<!DOCTYPE s [<!ENTITY x SYSTEM "file:///etc/passwd">]><sst><si><t>&x;</t></si></sst>',
        ),
        (
            "sheet",
            '<?xml version="1.0"?><!DOCTYPE worksheet SYSTEM "http://127.0.0.1:9/x.dtd"><worksheet/>',
        ),
    ],
)
def test_dtds_and_entities_are_refused_before_they_expand(tmp_path, part, xml):
    if part == "sheet":
        data = write_xlsx(tmp_path / "f.xlsx", xml).read_bytes()
    else:
        data = _xlsx(
            tmp_path, text_row(1, HEAD) + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>', xml
        )
    start = time.perf_counter()
    p = _refusal(data)
    assert time.perf_counter() - start < 1
    assert p.rule == "xml_dtd" and "declares a DTD or XML entities" in p.reason_en


def test_a_dtd_in_a_part_that_is_not_a_sheet_is_refused_too(tmp_path):
    _xlsx(tmp_path, text_row(1, HEAD) + text_row(2, ROW))
    with zipfile.ZipFile(tmp_path / "f.xlsx") as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(b"?>", b"?>" + LOL.encode(), 1)
    with zipfile.ZipFile(tmp_path / "g.xlsx", "w") as z:
        for name, body in parts.items():
            z.writestr(name, body)
    p = _refusal((tmp_path / "g.xlsx").read_bytes())
    assert p.rule == "xml_dtd" and "xl/workbook.xml" in p.reason_en


def test_openpyxl_parses_through_defusedxml():
    """A second lock: the reader behind the guard refuses DTDs on its own."""
    assert openpyxl.DEFUSEDXML is True


def test_a_workbook_within_the_limits_reads_as_before(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(list(HEAD))
    for n in range(300):
        wb.active.append(["bts_count", "22327", str(1800 + n), n])
    wb.save(tmp_path / "ok.xlsx")
    raw = read_table((tmp_path / "ok.xlsx").read_bytes(), "ok.xlsx")
    assert raw.readable and raw.cells.shape == (300, 4)


def test_check_upload_returns_the_refusal_as_its_only_error(tmp_path, catalog, regions):
    rows = text_row(1, HEAD) + '<row r="2"><c r="XFD2"><v>1</v></c></row>'
    checked = check_upload(_xlsx(tmp_path, rows), "f.xlsx", catalog, regions)
    assert [p.rule for p in checked.errors] == ["too_many_columns"]
    assert checked.frame.empty and not checked.ok
