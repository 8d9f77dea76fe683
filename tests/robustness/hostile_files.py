"""Hostile upload files, written on demand: each must be refused cleanly, fast, in bounded memory.

`HOSTILE[name](folder)` writes one file into `folder` and returns its path; `EXPECTED[name]`
is a piece of the English refusal the command line and the Upload page show for it. The
workbooks are zipped by hand (no spreadsheet library could write most of them), so the whole
set is written in a few seconds. The cases are the ones outsiders found (issue 12) and their
relatives:

dimension_bomb        a 2 KB sheet whose `<dimension>` claims A1:XFD1048576 (drove the server
                      to 4.5 GB); it holds only a title, so it is refused for having no header
huge_shared_string    a shared string of 4 million characters
million_row_sheet     a header and a million rows
far_away_cell         cells A1 and XFD1048576 only
sparse_far_rows       a header, one data row and one value on row 900,000
billion_laughs        a sheet that opens with the billion-laughs DTD
external_entity       shared strings that declare an entity read from /etc/passwd
zip_bomb              a sheet part that unzips 1,000 times larger than it is zipped
wide_csv_row          blank lines, then a row of 2 million cells in a 4 MB CSV (6.5 GB before)
million_row_csv       a header and a million rows
field_10mb            a 10 MB source text in one cell (was accepted, its chart took 51 s)
field_140kb           a 140 KB note (Python's csv module raised on the Upload page)
long_source           a 2,000-character source: readable, but above the 500-character limit
unbalanced_quotes     a quote that opens a cell and is never closed
nested_quotes         quotes inside a quoted cell, not doubled
"""

from __future__ import annotations

import base64
import os
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

HEADER = ("Mã chỉ tiêu", "Mã xã", "Năm", "Giá trị", "Nguồn", "Ghi chú")
GOOD_ROW = ("bts_count", "22327", "2021", "12", "VNPT Khánh Hòa", "")
SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
LOL = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
              for i in range(1, 10))
    + "]>"
)  # fmt: skip


# --- workbooks, zipped by hand --------------------------------------------------------------


def _content_types(shared: bool) -> str:
    sst = (
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        if shared
        else ""
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        f"{sst}</Types>"
    )


def _workbook_rels(shared: bool) -> str:
    sst = (
        f'<Relationship Id="rId2" Type="{REL_NS}/sharedStrings" Target="sharedStrings.xml"/>'
        if shared
        else ""
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL}">'
        f'<Relationship Id="rId1" Type="{REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>'
        f"{sst}</Relationships>"
    )


def write_xlsx(
    path: Path,
    sheet: Iterator[str] | str,
    shared: str | None = None,
    *,
    level: int = 1,
) -> Path:
    """A one-sheet workbook whose sheet part is `sheet` (written as it is generated)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        z.writestr("[Content_Types].xml", _content_types(shared is not None))
        z.writestr(
            "_rels/.rels",
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL}">'
            f'<Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>",
        )
        z.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{SHEET_NS}" '
            f'xmlns:r="{REL_NS}"><sheets><sheet name="Số liệu" sheetId="1" r:id="rId1"/>'
            "</sheets></workbook>",
        )
        z.writestr("xl/_rels/workbook.xml.rels", _workbook_rels(shared is not None))
        if shared is not None:
            z.writestr("xl/sharedStrings.xml", shared)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as out:
            for piece in [sheet] if isinstance(sheet, str) else sheet:
                out.write(piece.encode("utf-8"))
    return path


def sheet_xml(rows: str, *, prolog: str = "", dimension: str = "") -> str:
    """A worksheet part around `rows` (`<row>` elements)."""
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f'<worksheet xmlns="{SHEET_NS}">{dim}<sheetData>{rows}</sheetData></worksheet>'
    )


def text_row(n: int, texts: tuple[str, ...]) -> str:
    """A row of inline strings, from column A."""
    cells = "".join(
        f'<c r="{chr(65 + j)}{n}" t="inlineStr"><is><t>{text}</t></is></c>'
        for j, text in enumerate(texts)
        if text
    )
    return f'<row r="{n}">{cells}</row>'


def dimension_bomb(folder: Path) -> Path:
    rows = text_row(1, ("Báo cáo số liệu viễn thông",))
    sheet = sheet_xml(rows, dimension="A1:XFD1048576")
    return write_xlsx(folder / "dimension_bomb.xlsx", sheet)


def huge_shared_string(folder: Path) -> Path:
    text = base64.b64encode(os.urandom(3_000_000)).decode()  # 4 million characters, random
    shared = (
        f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{SHEET_NS}" count="1" '
        f'uniqueCount="1"><si><t>{text}</t></si></sst>'
    )
    rows = text_row(1, HEADER) + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>'
    return write_xlsx(folder / "huge_shared_string.xlsx", sheet_xml(rows), shared)


def million_row_sheet(folder: Path) -> Path:
    def pieces() -> Iterator[str]:
        head, _, tail = sheet_xml("\0").partition("\0")
        yield head + text_row(1, HEADER[:4])
        for start in range(2, 1_000_002, 50_000):
            yield "".join(
                f'<row r="{n}"><c r="A{n}"><v>7</v></c><c r="B{n}"><v>22327</v></c>'
                f'<c r="C{n}"><v>2021</v></c><c r="D{n}"><v>{n % 997}</v></c></row>'
                for n in range(start, min(start + 50_000, 1_000_002))
            )
        yield tail

    return write_xlsx(folder / "million_row_sheet.xlsx", pieces(), level=6)


def far_away_cell(folder: Path) -> Path:
    rows = (
        '<row r="1"><c r="A1"><v>1</v></c></row>'
        '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    )
    return write_xlsx(folder / "far_away_cell.xlsx", sheet_xml(rows))


def sparse_far_rows(folder: Path) -> Path:
    rows = (
        text_row(1, HEADER)
        + text_row(2, GOOD_ROW)
        + '<row r="900000"><c r="D900000"><v>7</v></c></row>'
    )
    return write_xlsx(folder / "sparse_far_rows.xlsx", sheet_xml(rows))


def billion_laughs(folder: Path) -> Path:
    rows = text_row(1, HEADER) + text_row(2, ("&lol9;", *GOOD_ROW[1:]))
    return write_xlsx(folder / "billion_laughs.xlsx", sheet_xml(rows, prolog=LOL))


def external_entity(folder: Path) -> Path:
    shared = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        f'<sst xmlns="{SHEET_NS}"><si><t>&xxe;</t></si></sst>'
    )
    rows = text_row(1, HEADER) + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>'
    return write_xlsx(folder / "external_entity.xlsx", sheet_xml(rows), shared)


def zip_bomb(folder: Path) -> Path:
    def pieces() -> Iterator[str]:
        head, _, tail = sheet_xml("\0").partition("\0")
        yield head + text_row(1, HEADER)
        blank = " " * 1_000_000
        for _ in range(150):  # 150 MB of blanks between two rows: zipped, about 150 KB
            yield blank
        yield text_row(2, GOOD_ROW) + tail

    return write_xlsx(folder / "zip_bomb.xlsx", pieces(), level=9)


# --- CSV ------------------------------------------------------------------------------------


def _csv(path: Path, *lines: str) -> Path:
    path.write_bytes("\n".join(lines).encode("utf-8-sig"))
    return path


def wide_csv_row(folder: Path) -> Path:
    wide = ",".join(["x"] * 2_000_000)
    return _csv(folder / "wide_csv_row.csv", ",".join(HEADER), *[""] * 200, wide, "")


def million_row_csv(folder: Path) -> Path:
    body = "\n".join(f"x,{n % 10},2020,{n % 7}" for n in range(1_000_000))
    return _csv(folder / "million_row_csv.csv", ",".join(HEADER[:4]), body, "")


def _long_cell(folder: Path, name: str, column: int, chars: int) -> Path:
    row = list(GOOD_ROW)
    row[column] = ("Nguồn số liệu " * (chars // 14 + 1))[:chars]
    return _csv(folder / name, ",".join(HEADER), ",".join(GOOD_ROW), ",".join(row), "")


def field_10mb(folder: Path) -> Path:
    return _long_cell(folder, "field_10mb.csv", 4, 10_000_000)


def field_140kb(folder: Path) -> Path:
    return _long_cell(folder, "field_140kb.csv", 5, 140_000)


def long_source(folder: Path) -> Path:
    return _long_cell(folder, "long_source.csv", 4, 2_000)


def unbalanced_quotes(folder: Path) -> Path:
    rows = [",".join(GOOD_ROW)] * 5
    broken = 'bts_count,22327,2022,"13,VNPT Khánh Hòa,'
    return _csv(folder / "unbalanced_quotes.csv", ",".join(HEADER), *rows, broken, *rows, "")


def nested_quotes(folder: Path) -> Path:
    bad = '"Số trạm "BTS" đang hoạt động",22327,2021,"1"2"3",VNPT,'
    return _csv(folder / "nested_quotes.csv", ",".join(HEADER), ",".join(GOOD_ROW), bad, "")


HOSTILE: dict[str, Callable[[Path], Path]] = {
    f.__name__: f
    for f in (
        dimension_bomb,
        huge_shared_string,
        million_row_sheet,
        far_away_cell,
        sparse_far_rows,
        billion_laughs,
        external_entity,
        zip_bomb,
        wide_csv_row,
        million_row_csv,
        field_10mb,
        field_140kb,
        long_source,
        unbalanced_quotes,
        nested_quotes,
    )
}
# A piece of the English refusal shown for each file (reason or hint).
EXPECTED: dict[str, str] = {
    "dimension_bomb": "no header row found",
    "huge_shared_string": "a cell longer than 32767 characters",
    "million_row_sheet": "more than 200000 rows",
    "far_away_cell": "more than 200000 rows",
    "sparse_far_rows": "more than 200000 rows",
    "billion_laughs": "declares a DTD or XML entities",
    "external_entity": "declares a DTD or XML entities",
    "zip_bomb": "(a zip bomb)",
    "wide_csv_row": "a cell in column 2000000, beyond the limit of 500 columns",
    "million_row_csv": "more than 200000 rows",
    "field_10mb": "a cell longer than 32767 characters",
    "field_140kb": "a cell longer than 32767 characters",
    "long_source": "2000 characters long, above the limit of 500",
    "unbalanced_quotes": "a quote opened on row 7 is never closed",
    "nested_quotes": "unknown indicator code",
}
