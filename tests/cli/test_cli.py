"""The analysts' command line runs the same pipeline as the pages."""

from __future__ import annotations

import csv
import getpass
import io
import os
import re
import subprocess
import sys

import openpyxl
import pandas as pd
import pytest

from indicators.core.periods import parse_period
from indicators.core.settings import DEFAULT_DATA_DIR
from indicators.query.timeseries import GRANULARITIES
from indicators.store.revisions import Store
from tests.ingest.test_excel_files import cp1258_semicolon_csv

HEADER = "indicator,unit_list,region,period,value,numerator,denominator,status,source,note\n"


@pytest.fixture
def cli(tmp_path):
    env = dict(os.environ, INDICATORS_DB=str(tmp_path / "cli.duckdb"))

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "indicators.cli", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    return run


def test_value_reads_the_published_province_figure(cli):
    assert cli("init").returncode == 0
    out = cli("value", "-i", "post_commune_pct", "-r", "56", "-p", "2020")
    assert out.returncode == 0 and out.stdout.strip() == "99%"
    out = cli("value", "-i", "post_commune_pct", "-r", "56", "-p", "2021", "--lang", "en")
    assert out.stdout.strip() == "99.2%"  # 131/132 communes, aggregated


def test_a_bad_file_is_rejected_with_row_column_and_reason(cli, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        HEADER + "bts_count,legacy,22327,2021,mười,,,published,A,\n"
        "bts_count,legacy,22327,Q5/2021,1,,,published,A,\n",
        encoding="utf-8",
    )
    out = cli("import", str(bad), "-m", "bad")
    assert out.returncode == 1
    assert "dòng 2 / row 2, cột 'value'" in out.stderr and "not a number" in out.stderr
    assert "dòng 3 / row 3, cột 'period'" in out.stderr
    assert "nothing was stored" in out.stderr
    history = cli("history").stdout.strip().splitlines()
    assert len(history) == 2  # header + the seeded revision only


def test_import_makes_a_new_revision_and_history_lists_it(cli, tmp_path):
    good = tmp_path / "bts.csv"
    good.write_text(
        HEADER + "bts_count,legacy,22327,2021,99,,,published,Viettel,\n", encoding="utf-8"
    )
    out = cli("import", str(good), "-m", "BTS Vĩnh Hòa")
    assert out.returncode == 0, out.stderr
    assert "Phiên bản 2: 0 mới, 1 thay đổi" in out.stdout
    assert "Revision 2: 0 new, 1 changed" in out.stdout
    history = cli("history").stdout
    assert "BTS Vĩnh Hòa" in history and "bts.csv" in history
    assert cli("value", "-i", "bts_count", "-r", "22327", "-p", "2021").stdout.strip() == "99"
    old = cli("value", "-i", "bts_count", "-r", "22327", "-p", "2021", "--rev", "1")
    assert old.stdout.strip() != "99"


# -- history, rollback, catalog, regions, template (issue 4, store side) -------------------------


def _history(cli) -> list[dict[str, str]]:
    out = cli("history")
    assert out.returncode == 0, out.stderr
    return list(csv.DictReader(io.StringIO(out.stdout)))


def _store(tmp_path):
    return Store(tmp_path / "cli.duckdb")


def test_rollback_restores_the_earlier_data_as_a_new_revision(cli, tmp_path):
    assert cli("init").returncode == 0
    seeded = _store(tmp_path).content_hash()
    before = cli("value", "-i", "bts_count", "-r", "22327", "-p", "2021").stdout.strip()
    good = tmp_path / "bts.csv"
    good.write_text(HEADER + "bts_count,legacy,22327,2021,999,,,published,A,\n", encoding="utf-8")
    assert cli("import", str(good), "-m", "typo").returncode == 0
    out = cli("rollback", "1", "-m", "Hoàn tác số BTS sai")  # as the server's operator
    assert out.returncode == 0, out.stderr
    assert "Revision 3: restored the data of revision 1 (1 changed" in out.stdout
    assert cli("value", "-i", "bts_count", "-r", "22327", "-p", "2021").stdout.strip() == before
    assert _store(tmp_path).content_hash() == seeded
    rows = _history(cli)
    assert [r["id"] for r in rows] == ["1", "2", "3"]  # the bad revision is kept
    assert (rows[2]["restores"], rows[2]["author"]) == ("1", f"cli:{getpass.getuser()}")
    assert rows[2]["message"] == "Hoàn tác số BTS sai" and rows[1]["restores"] == ""
    assert {"rows_removed", "rows_rejected"} <= rows[0].keys()
    old = cli("value", "-i", "bts_count", "-r", "22327", "-p", "2021", "--rev", "2")
    assert old.stdout.strip() == "999"


def test_rollback_to_a_missing_revision_fails_and_stores_nothing(cli, tmp_path):
    assert cli("init").returncode == 0
    out = cli("rollback", "9")
    assert out.returncode == 1 and "no revision 9" in out.stderr.lower()
    assert len(_history(cli)) == 1


def test_a_rejected_import_leaves_the_data_exactly_as_it_was(cli, tmp_path):
    assert cli("init").returncode == 0
    store = _store(tmp_path)
    before = store.content_hash()
    bad = tmp_path / "bad.csv"
    bad.write_text(
        HEADER + "bts_count,legacy,22327,2021,5,,,published,A,\n"
        "bts_count,legacy,99999,2021,5,,,published,A,\n",
        encoding="utf-8",
    )
    assert cli("import", str(bad), "-m", "half good").returncode == 1
    assert store.content_hash() == before and store.current_revision() == 1


def test_catalog_prints_every_indicator_as_csv(cli):
    out = cli("catalog")
    assert out.returncode == 0, out.stderr
    printed = pd.read_csv(io.StringIO(out.stdout), dtype=str, keep_default_na=False)
    bundled = pd.read_csv(DEFAULT_DATA_DIR / "catalog.csv", dtype=str, keep_default_na=False)
    assert printed["code"].tolist() == bundled["code"].tolist()
    for col in ("name_vi", "unit_vi", "numerator", "denominator", "higher_is_better"):
        assert printed[col].tolist() == bundled[col].tolist(), col


def test_regions_prints_the_units_of_a_list(cli):
    out = cli("regions", "--unit-list", "2025")
    assert out.returncode == 0, out.stderr
    units = pd.read_csv(io.StringIO(out.stdout), dtype=str, keep_default_na=False)
    assert set(units["unit_list"]) == {"2025"}
    # the province's 65 communes, and every province of the list (the national level)
    assert units["level"].value_counts().to_dict() == {"commune": 65, "province": 34}
    assert units.set_index("code").loc["22333", "name"] == "Phường Bắc Nha Trang"
    assert units.set_index("code").loc["01", "name"] == "Thành phố Hà Nội"
    both = pd.read_csv(io.StringIO(cli("regions").stdout), dtype=str)
    assert set(both["unit_list"]) == {"legacy", "2025"}


def test_template_writes_xlsx_and_csv(cli, tmp_path):
    xlsx, csv_path = tmp_path / "mau.xlsx", tmp_path / "mau.csv"
    assert cli("template", "-o", str(xlsx)).returncode == 0
    wb = openpyxl.load_workbook(xlsx)
    assert len(wb.sheetnames) == 3
    assert wb.worksheets[0].cell(1, 1).value == "Mã chỉ tiêu / Indicator code"
    assert cli("template", "--format", "csv", "-o", str(csv_path)).returncode == 0
    text = csv_path.read_bytes()
    assert text.startswith(b"\xef\xbb\xbf") and "Giá trị / Value".encode() in text
    out = cli("validate", str(csv_path))  # unfilled: rejected for the missing figures
    assert out.returncode == 1 and "Giá trị / Value" in out.stderr


def test_validate_reads_an_excel_file_and_writes_the_report(cli, tmp_path):
    good = tmp_path / "so-lieu.csv"
    good.write_bytes(cp1258_semicolon_csv())
    out = cli("validate", str(good))
    assert out.returncode == 0, out.stderr
    assert "cp1258" in out.stdout and "';'" in out.stdout
    assert "12 valid" in out.stdout

    bad = tmp_path / "bad.csv"
    bad.write_text("Mã chỉ tiêu;Tên đơn vị;Năm;Giá trị\nbts_count;Vạn Thạnh;2021;5\n",
                   encoding="utf-8-sig")  # fmt: skip
    report = tmp_path / "report.csv"
    out = cli("validate", str(bad), "--report", str(report))
    assert out.returncode == 1
    assert "dòng 2 / row 2, cột 'Tên đơn vị'" in out.stderr
    assert "Xã Vạn Thạnh (Huyện Vạn Ninh, 22519)" in out.stderr  # the suggestion
    assert "the file was rejected" in out.stderr
    assert "ambiguous_unit_name" in report.read_text(encoding="utf-8-sig")


def test_import_valid_only_stores_the_good_rows(cli, tmp_path):
    half = tmp_path / "half.csv"
    half.write_text(HEADER + "bts_count,legacy,22327,2021,99,,,published,A,\n"
                    "bts_count,legacy,22330,2021,x,,,published,A,\n", encoding="utf-8")  # fmt: skip
    out = cli("import", str(half), "-m", "all or nothing")
    assert out.returncode == 1 and "nothing was stored" in out.stderr
    assert len(cli("history").stdout.strip().splitlines()) == 2  # header + seed

    out = cli("import", str(half), "-m", "good rows", "--valid-only")
    assert out.returncode == 0, out.stderr
    assert "stored the 1 valid rows; 1 rows with errors were not stored" in out.stdout
    assert cli("value", "-i", "bts_count", "-r", "22327", "-p", "2021").stdout.strip() == "99"


@pytest.mark.parametrize("command", ["validate", "import"])
def test_a_missing_file_is_said_in_both_languages_without_a_traceback(cli, tmp_path, command):
    extra = ["-m", "x"] if command == "import" else []
    out = cli(command, str(tmp_path / "missing.csv"), *extra)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert "Không mở được tệp" in out.stderr and "Cannot open file" in out.stderr
    assert "missing.csv" in out.stderr


def test_validate_decimal_option_reads_a_lone_dotted_number(cli, tmp_path):
    """'1.250' alone is ambiguous for an amount with decimals (a count would read 1250: it has
    none); --decimal point says the file writes 1.250 for one and a quarter."""
    f = tmp_path / "radius.csv"
    f.write_text(HEADER + 'post_radius_km,legacy,22327,2021,"1.250",,,published,A,\n')
    auto = cli("validate", str(f))
    assert auto.returncode == 1 and "ambiguous" in auto.stderr
    assert "XLSX" in auto.stderr  # the hint says what the analyst can do
    point = cli("validate", str(f), "--decimal", "point")
    assert point.returncode == 0, point.stderr
    assert cli("import", str(f), "-m", "radius", "--decimal", "point").returncode == 0
    stored = cli("value", "-i", "post_radius_km", "-r", "22327", "-p", "2021", "--lang", "en")
    assert stored.stdout.strip().startswith("1.25")


def test_the_templates_period_help_shows_every_kind_of_period_as_it_reads(cli, tmp_path):
    """The period column's note in the template gives one example of each kind of period the
    upload reads (half-years included), in both languages, and each example reads as its kind."""
    xlsx = tmp_path / "mau.xlsx"
    assert cli("template", "-o", str(xlsx)).returncode == 0
    sheet = openpyxl.load_workbook(xlsx).worksheets[0]
    (period,) = [c for c in sheet[1] if c.value == "Kỳ báo cáo / Period"]
    note = period.comment.text
    assert "6 tháng đầu năm 2024" in note and "H1 2024" in note
    english, vietnamese = note.split("\n")
    for help_text in (english, vietnamese):
        examples = re.findall(r"\(([^()]*)\)", help_text)
        assert {parse_period(e).kind for e in examples} == set(GRANULARITIES), help_text
