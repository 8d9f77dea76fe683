"""The analysts' command line runs the same pipeline as the pages."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

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
    assert "revision 2" in out.stdout and "1 thay đổi / changed" in out.stdout
    history = cli("history").stdout
    assert "BTS Vĩnh Hòa" in history and "bts.csv" in history
    assert cli("value", "-i", "bts_count", "-r", "22327", "-p", "2021").stdout.strip() == "99"
    old = cli("value", "-i", "bts_count", "-r", "22327", "-p", "2021", "--rev", "1")
    assert old.stdout.strip() != "99"
