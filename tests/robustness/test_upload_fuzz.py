"""Thousands of malformed files through the whole upload pipeline, into a real store.

Each generated file is either committed and reads back exactly, or rejected with a report
whose every problem says where, what, why and how to fix it — and then the store is untouched.
Nothing may raise: an exception here would reach the Upload page.
"""

from __future__ import annotations

import csv
import io
import math
from functools import partial

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from indicators.core.schema import KEY
from indicators.ingest.bundled import load_observations
from indicators.ingest.check import Checked, check_upload
from indicators.ingest.recipe import Recipe
from indicators.ingest.unitmatch import UnitMatcher
from indicators.store.revisions import Store
from indicators.store.tables import as_of
from tests.conftest import DATA
from tests.ingest.published_examples import YEARBOOK_2020, csv_bytes, xlsx_bytes
from tests.ingest.test_excel_files import cp1258
from tests.ingest.test_published_tables import confirmed

pytestmark = pytest.mark.slow

FUZZ = settings(
    deadline=None,
    database=None,  # no .hypothesis folder in the checkout
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.function_scoped_fixture],
)  # fmt: skip
FILE_LEVEL = {"file_empty", "file_too_big", "file_type", "file_xls", "file_binary",
              "file_encoding", "file_unreadable", "no_header", "no_rows", "missing_column",
              "duplicate_column", "column_ignored", "growth_column"}  # fmt: skip
# A published table's problems about the whole table or one of its columns (no file row)
TABLE_LEVEL = {"needs_mapping", "recipe_used", "outside_install", "no_period", "not_imported",
               "growth_kept", "unknown_code", "read_as_year", "numbers_undecided",
               *(f"numbers_{how}_{by}" for how in ("vi", "en")
                 for by in ("evidence", "table", "whole", "analyst"))}  # fmt: skip
MAX_BYTES = 64 * 1024


class Harness:
    """A seeded store, the reference data, and the checks made after every file."""

    def __init__(self, store: Store, catalog, regions):
        self.store, self.catalog, self.regions = store, catalog, regions
        self.matcher = UnitMatcher(regions)
        self.history = partial(store.read, "observations")  # the seed: for jump warnings
        self.rev = store.current_revision()
        self.hash = store.content_hash()
        self.stamp = self._stamp()
        self.files = self.committed = self.rejected = 0
        self.published: list[int] = []  # rows stored from each mapped published table

    def _stamp(self) -> tuple:
        """Size and modification time of the store's files: any write changes them."""
        paths = [self.store.path, self.store.path.with_name(self.store.path.name + ".wal")]
        return tuple((p.stat().st_size, p.stat().st_mtime_ns) if p.exists() else None
                     for p in paths)  # fmt: skip

    def run(self, data: bytes, name: str, recipe: Recipe | None = None) -> Checked:
        checked = check_upload(
            data,
            name,
            self.catalog,
            self.regions,
            history=self.history,
            max_bytes=MAX_BYTES,
            matcher=self.matcher,
            recipe=recipe,
        )
        self.files += 1
        # what the page shows must be producible for any file
        checked.report_csv()
        checked.describe("vi"), checked.summary("en")
        for p in checked.problems:
            assert p.rule and p.reason_vi and p.reason_en and p.hint_vi and p.hint_en, p
            assert p.severity in ("error", "warning", "note")
            if p.rule not in FILE_LEVEL | TABLE_LEVEL:
                assert p.row is not None and p.row >= 1 and p.column, p
        if checked.ok and len(checked.frame):
            self._commit(checked, data, name)
        else:
            assert checked.errors or not len(checked.frame)
            self.rejected += 1
            assert set(checked.frame.columns) >= set(KEY)
            # A rejected file writes nothing: the current revision and its content hash are
            # unchanged, and not a byte of the store's files changed either.
            assert self._stamp() == self.stamp
            assert self.store.content_hash() == self.hash
            self.stamp = self._stamp()  # opening a connection may checkpoint the file
        return checked

    def verify_unchanged(self) -> None:
        """The store is exactly as the last commit left it (checked before each commit)."""
        assert self._stamp() == self.stamp
        assert self.store.current_revision() == self.rev
        assert self.store.content_hash() == self.hash
        self.stamp = self._stamp()  # opening a connection may checkpoint the file

    def _commit(self, checked: Checked, data: bytes, name: str) -> None:
        self.verify_unchanged()
        frame = checked.frame
        assert not frame.duplicated(KEY).any()
        assert frame["value"].map(math.isfinite).all()
        rev = self.store.commit({"observations": frame}, author="fuzz", file_name=name, data=data)
        self.rev, self.committed = rev.id, self.committed + 1
        stored = self._read_back(frame)
        assert len(stored) == len(frame)
        mine = frame.set_index(KEY).sort_index()
        got = stored.set_index(KEY).sort_index()
        for col in ("value", "numerator", "denominator"):
            pd.testing.assert_series_equal(
                mine[col], got[col], check_dtype=False, check_index_type=False
            )  # the file's texts are Arrow-backed, what the store gives Python-backed
        for col in ("status", "source", "note"):
            assert list(mine[col]) == list(got[col].fillna(""))
        self.hash = self.store.content_hash()
        self.stamp = self._stamp()

    def _read_back(self, frame: pd.DataFrame) -> pd.DataFrame:
        keys = frame[KEY]  # noqa: F841 - read by DuckDB by name
        with self.store.connect(read_only=True) as con:
            return con.execute(
                "SELECT o.indicator, o.unit_list, o.region, o.period, o.value, o.numerator,"
                " o.denominator, o.status, o.source, o.note FROM observations o"
                f" JOIN keys k USING (indicator, unit_list, region, period) WHERE {as_of(self.rev)}"
            ).df()


@pytest.fixture(scope="module")
def harness(tmp_path_factory, catalog, regions) -> Harness:
    # The bundled data above commune level (both unit lists, all years): history for the jump
    # warnings, and small enough to hash the store's content after every file.
    store = Store(tmp_path_factory.mktemp("fuzz") / "indicators.duckdb")
    store.initialize(catalog, regions)
    bundled = load_observations((DATA / "observations.csv").read_bytes(), catalog, regions)
    upper = regions.loc[regions["level"] != "commune", ["unit_list", "code"]]
    keep = bundled.merge(upper, left_on=["unit_list", "region"], right_on=["unit_list", "code"])
    store.commit({"observations": keep[bundled.columns]}, author="fuzz", message="seed")
    h = Harness(store, catalog, regions)
    yield h
    h.verify_unchanged()
    print(f"\nfuzz: {h.files} files, {h.committed} committed, {h.rejected} rejected")
    assert h.committed > 0 and h.rejected > 0
    if h.published:  # mapped published tables: refused ones too (stored: the test below)
        print(f"published: {len(h.published)} mapped, {sum(map(bool, h.published))} stored")
        assert not all(h.published)


# --- strategies -----------------------------------------------------------------------------

HEADERS = {
    "indicator": ["indicator", "Mã chỉ tiêu", "Chỉ tiêu", "Indicator code"],
    "region": ["region", "Mã xã", "Mã đơn vị", "Unit code"],
    "region_name": ["Tên đơn vị", "region_name", "Unit name"],
    "period": ["period", "Kỳ", "Năm", "Year"],
    "value": ["value", "Giá trị", "Value"],
    "numerator": ["Tử số", "numerator"],
    "denominator": ["Mẫu số", "denominator"],
    "status": ["Trạng thái", "status"],
    "source": ["Nguồn", "source"],
    "note": ["Ghi chú", "note"],
}
FORMULA = st.sampled_from(['=HYPERLINK("http://x","bts_count")', "=1+1", "=SUM(A1:A3)"])
CELLS = {
    "indicator": st.sampled_from(["bts_count", "post_points", "press_articles", "hh_internet_pct",
                                  "post_commune_pct", "dti_rank", "population", "no_such", "",
                                  "Số trạm phát sóng di động (BTS)", "BTS_COUNT"]),
    "region": st.sampled_from(["22327", "22330", "56", "568", "22333", "22519", "99999", "",
                               "4", "abc", "56.0"]),
    "region_name": st.sampled_from(["", "Phường Vĩnh Hòa", "vinh hai", "Vạn Thạnh", "Xã Vạn Thạnh",
                                    "Bắc Nha Trang", "Khánh Hòa", "Nowhere"]),
    "period": st.sampled_from(["2021", "2019", "2025", "Q2/2024", "Quý 3/2025", "06/2026",
                               "2016-2020", "Q5/2020", "abc", "", "1e9", "2020.0", "Năm 2022",
                               "1899", "2021-2020"]),
    "status": st.sampled_from(["", "Sơ bộ", "published", "illustrative", "final", "Chính thức"]),
    "source": st.text(max_size=12),
    "note": st.text(max_size=12),
}  # fmt: skip
NUMBER = st.one_of(
    st.integers(0, 500).map(str),
    st.integers(-(10**30), 10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.floats(0, 100).map(lambda x: f"{x:.2f}".replace(".", ",")),
    st.sampled_from(["30.000", "1.234,5", "99,2%", "", "x", "1e400", "-0", " 7 ", "−5",
                     "1 234", "30,000", "12.345.678", "nan", "inf"]),
    FORMULA,
    st.text(max_size=6),
)  # fmt: skip
for _col in ("value", "numerator", "denominator"):
    CELLS[_col] = NUMBER
for _col in ("indicator", "region", "period"):
    CELLS[_col] = st.one_of(CELLS[_col], FORMULA)


GOOD = {
    "indicator": st.sampled_from(["bts_count", "post_points", "press_articles", "population"]),
    "region": st.sampled_from(["22327", "22330", "22333", "22519", "56", "568"]),
    "period": st.sampled_from(["2019", "2020", "2021", "Q2/2024", "2016-2020", "06/2023"]),
    "value": st.one_of(st.integers(0, 10**6).map(str), st.sampled_from(["1.234.567", "0"])),
    "status": st.sampled_from(["", "Sơ bộ", "published"]),
    "source": st.text(max_size=12),
    "note": st.text(max_size=12),
}
BAD_CELL_ODDS = 12  # in the mostly-good tables, one cell in this many is drawn from CELLS


@st.composite
def tables(draw) -> list[list[str]]:
    """A header drawn from the spellings analysts use and rows of plausible or bad cells.

    Half the tables are mostly good (a long table with one bad cell in a dozen), so that
    files are committed as well as rejected.
    """
    mostly_good = draw(st.booleans())
    if mostly_good:
        cols = ["indicator", "region", "period", "value"]
        cols += draw(st.lists(st.sampled_from(["status", "source", "note"]), unique=True))
    else:
        cols = draw(st.lists(st.sampled_from(list(HEADERS)), min_size=1, max_size=8, unique=True))
        if "value" not in cols and draw(st.booleans()):
            cols.append("value")
    header = [draw(st.sampled_from(HEADERS[c])) for c in cols]
    rows = []
    for _ in range(draw(st.integers(0, 8))):
        if mostly_good:
            row = [
                draw(CELLS[c] if draw(st.integers(0, BAD_CELL_ODDS)) == 0 else GOOD[c])
                for c in cols
            ]
            rows.append(row)
            continue
        row = [draw(CELLS[c]) for c in cols]
        cut = draw(st.integers(0, 3))
        if cut == 1:  # a truncated row
            row = row[: draw(st.integers(0, len(row)))]
        elif cut == 2:  # cells beyond the header
            row += draw(st.lists(st.text(max_size=4), min_size=1, max_size=2))
        rows.append(row)
    titles = [[draw(st.text(max_size=20))] for _ in range(draw(st.integers(0, 2)))]
    return [*titles, header, *rows]


def encode(rows: list[list[str]], delimiter: str, quoted: bool, encoding: str) -> bytes:
    if quoted:
        buf = io.StringIO()
        csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
        text = buf.getvalue()
    else:  # naive export: delimiters inside cells break the row
        text = "\r\n".join(delimiter.join(r) for r in rows) + "\r\n"
    if encoding == "cp1258":
        try:
            return cp1258(text)
        except UnicodeEncodeError:
            return text.encode("utf-8")
    return text.encode(encoding, errors="surrogatepass")


@st.composite
def csv_files(draw) -> bytes:
    rows = draw(tables())
    data = encode(
        rows,
        draw(st.sampled_from([",", ";", "\t"])),
        draw(st.booleans()),
        draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1258"])),
    )
    if draw(st.integers(0, 4)) == 0:  # cut anywhere, even inside a multi-byte character
        data = data[: draw(st.integers(0, len(data)))]
    return data


def xlsx_file(rows: list[list[object]]) -> bytes:
    wb = Workbook()
    ws = wb.active
    for r in rows:  # openpyxl refuses control characters, as Excel does
        ws.append([ILLEGAL_CHARACTERS_RE.sub("", c) if isinstance(c, str) else c for c in r])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


XLSX_CELL = st.one_of(
    st.text(max_size=10).filter(lambda s: not s.startswith("=")),
    st.integers(-(10**18), 10**18),
    st.floats(allow_nan=False, allow_infinity=False),
    st.none(),
)


@st.composite
def xlsx_files(draw) -> bytes:
    rows = draw(tables())
    rows = [[draw(st.one_of(st.just(c), XLSX_CELL)) for c in r] for r in rows]
    return xlsx_file(rows)


# --- properties ---------------------------------------------------------------------------------


@settings(FUZZ, max_examples=1200)
@given(data=st.binary(max_size=2048), name=st.sampled_from(["a.csv", "a.xlsx", "a.txt", "a"]))
def test_random_bytes_are_rejected_or_committed(harness, data, name):
    harness.run(data, name)


@settings(FUZZ, max_examples=250)
@given(data=csv_files())
def test_malformed_csv_files(harness, data):
    harness.run(data, "fuzz.csv")


@settings(FUZZ, max_examples=50)
@given(data=xlsx_files())
def test_malformed_xlsx_files(harness, data):
    harness.run(data, "fuzz.xlsx")


@settings(FUZZ, max_examples=40)
@given(cut=st.integers(0, 4000), name=st.sampled_from(["t.csv", "t.xlsx"]))
def test_truncated_valid_files(harness, cut, name):
    rows = [["Mã chỉ tiêu", "Mã xã", "Năm", "Giá trị", "Nguồn"]]
    rows += [["bts_count", str(code), str(year), str(year - 2000), "fuzz"]
             for code in (22327, 22330, 22333) for year in (2019, 2020, 2021)]  # fmt: skip
    full = xlsx_file(rows) if name.endswith("xlsx") else encode(rows, ",", True, "utf-8-sig")
    harness.run(full[:cut], name)


STUBS = st.sampled_from(["2019", "2020", "Sơ bộ - Prel. 2021", "Prel. 2022", "2021-2020", "",
                         "Năm 2018", "Huyện Cam Lâm", "TỔNG SỐ - TOTAL", "Khánh Hòa", "abc",
                         "6 tháng đầu năm 2024", "=1+1", "Dec-19"])  # fmt: skip
LABELS = st.sampled_from(["Tổng số\nTotal", "Di động\nMobi-phone", "Chia ra - Of which",
                          "Số thuê bao internet", "Bưu cục", "TT", "", "2020", "Điểm", "Xếp hạng",
                          "Chỉ số phát triển (Năm trước = 100) - %", "x" * 30])  # fmt: skip
LINES = st.sampled_from(["208. Số thuê bao điện thoại", "ĐVT: Thuê bao", "Thuê bao - Subscribers",
                         "Chỉ số phát triển (Năm trước = 100) - %", "Ghi chú: năm 2019 giảm",
                         "Nguồn: Niên giám thống kê 2020", "(*) Số liệu ước tính", ""])  # fmt: skip


@st.composite
def published_tables(draw) -> list[list[str]]:
    """A yearbook- or ranking-like table: title, unit and block lines, one or two header rows,
    labelled rows of plausible or bad figures, notes and a source line, in any order."""
    width = draw(st.integers(2, 6))
    rows = [[draw(LINES)] + [""] * (width - 1) for _ in range(draw(st.integers(0, 3)))]
    for _ in range(draw(st.integers(1, 2))):
        rows.append([draw(LABELS) for _ in range(width)])
    for _ in range(draw(st.integers(0, 10))):
        if draw(st.integers(0, 5)) == 0:
            rows.append([draw(LINES)] + [""] * (width - 1))
            continue
        rows.append([draw(STUBS)] + [draw(NUMBER) for _ in range(width - 1)])
    rows += [[draw(LINES)] + [""] * (width - 1) for _ in range(draw(st.integers(0, 2)))]
    return rows


@settings(FUZZ, max_examples=80)
@given(rows=published_tables(), fmt=st.sampled_from(["csv", "xlsx"]), picks=st.data())
def test_malformed_published_tables_through_a_mapping(harness, rows, fmt, picks):
    """A published table is proposed a mapping (nothing stored), then read with a mapping an
    analyst might confirm (any series to any indicator, any area, any period): committed
    exactly, or rejected with every problem worded, and the store untouched."""
    data = xlsx_file(rows) if fmt == "xlsx" else encode(rows, ",", True, "utf-8-sig")
    name = f"published.{fmt}"
    proposed = harness.run(data, name)
    if proposed.recipe is None:
        return  # not read as a published table: the other properties cover it
    assert proposed.needs_mapping and not len(proposed.frame)
    codes = [i.code for i in harness.catalog]
    series = {key: picks.draw(st.sampled_from(codes)) for key in proposed.recipe.labels
              if picks.draw(st.booleans())}  # fmt: skip
    recipe = Recipe(
        "fuzz",
        proposed.recipe.title,
        series,
        proposed.recipe.labels,
        picks.draw(st.sampled_from([None, ("legacy", "56"), ("legacy", "568"), ("2025", "56")])),
        picks.draw(st.sampled_from([None, "2024", "abc", ""])),
        {k: picks.draw(st.sampled_from(["vi", "en"])) for k in list(series)[:1]},
    )
    read = harness.run(data, name, recipe)
    harness.published.append(len(read.frame) if read.ok else 0)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_mapped_yearbook_goes_through_the_same_harness(harness, fmt):
    """The generated tables above are mostly refused; a real yearbook with its mapping is
    stored and reads back exactly through the same checks, and the store moves on from it."""
    data = (xlsx_bytes if fmt == "xlsx" else csv_bytes)(YEARBOOK_2020)
    proposed = harness.run(data, f"nien-giam.{fmt}")
    assert proposed.needs_mapping
    recipe = confirmed(YEARBOOK_2020, proposed)
    stored = harness.run(data, f"nien-giam.{fmt}", recipe)
    assert stored.ok and len(stored.frame) == 12


@pytest.mark.parametrize(
    ("data", "rule"),
    [
        (b"", "file_empty"),
        (b"\r\n \r\n", "file_empty"),
        ("Mã chỉ tiêu,Mã xã,Năm,Giá trị\r\n".encode("utf-8-sig"), "no_rows"),
        (b"x" * (MAX_BYTES + 1), "file_too_big"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "file_xls"),
        (b"PK\x03\x04garbage", "file_unreadable"),
        (b"just,some\r\nwords,here\r\n", "no_header"),
        (bytes(range(256)) * 4, "file_binary"),
    ],
)
def test_unreadable_files_say_why(harness, data, rule):
    checked = harness.run(data, "f.csv")
    assert [p.rule for p in checked.errors] == [rule]
    assert checked.frame.empty


def test_huge_and_formula_cells_in_an_otherwise_good_file(harness):
    text = (
        "indicator,region,period,value,note\r\n"
        "bts_count,22327,2019,1e300,huge\r\n"
        'bts_count,22330,2019,"=HYPERLINK(""http://x"",""5"")",\r\n'
        "bts_count,22333,2019,7,=cmd|' /C calc'!A0\r\n"
    )
    checked = harness.run(text.encode(), "f.csv")
    assert [(p.row, p.rule) for p in checked.errors] == [(3, "formula"), (4, "formula")]
    assert checked.frame["value"].tolist() == [1e300]
