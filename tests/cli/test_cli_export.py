"""`indicators export`: the command line draws the charts the Briefing page draws."""

from __future__ import annotations

import io
import os
import struct
import subprocess
import sys

import pytest
from pptx import Presentation
from pypdf import PdfReader

from indicators.core.catalog import load_catalog
from indicators.core.settings import DEFAULT_DATA_DIR, RegionRef
from indicators.present import chart_spec
from indicators.query import read
from indicators.service import seed_from
from indicators.store.revisions import Store

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cli(tmp_path_factory):
    folder = tmp_path_factory.mktemp("export")
    env = dict(os.environ, INDICATORS_DB=str(folder / "cli.duckdb"))

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "indicators.cli", "export", *args],
            env=env, capture_output=True, text=True, timeout=180, cwd=folder,
        )  # fmt: skip

    run.folder = folder
    run.store = Store(folder / "cli.duckdb")
    seed_from(DEFAULT_DATA_DIR, run.store)
    return run


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def province_values(store: Store, code: str, first: str, last: str) -> tuple[float, float]:
    with store.connect(read_only=True) as con:
        rows = read.series(con, store.current_revision(), indicators=[code],
                              refs=[RegionRef("legacy", "56")])  # fmt: skip
    rows = rows[rows["period"].isin([first, last]) & (rows["unit_list"] == "legacy")]
    by = dict(zip(rows["period"], rows["value"], strict=True))
    return by[first], by[last]


def test_png_of_a_trend_is_1920_by_1080_and_says_what_it_shows(cli):
    out = cli("-i", "post_commune_pct", "-r", "56", "-p", "2016-2020", "-o", "trend.png")
    assert out.returncode == 0, out.stderr
    assert png_size((cli.folder / "trend.png").read_bytes()) == (1920, 1080)
    first, last = province_values(cli.store, "post_commune_pct", "2016", "2020")
    caption = out.stdout.splitlines()[0]
    assert f"{first:.1f}%".replace(".", ",") in caption and "(2016)" in caption
    assert f"{last:.1f}%".replace(".", ",") in caption and "(2020)" in caption


def test_square_png_and_svg(cli):
    out = cli("-i", "hh_internet_pct", "-r", "56", "-p", "2025", "--size", "square",
              "-o", "rank.png", "--lang", "en")  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert png_size((cli.folder / "rank.png").read_bytes()) == (1080, 1080)
    assert out.stdout.startswith("In 2025, ")
    out = cli("-i", "hh_internet_pct", "-r", "56", "-p", "2025", "-o", "rank.svg")
    svg = (cli.folder / "rank.svg").read_text(encoding="utf-8")
    assert out.returncode == 0 and svg.lstrip().startswith("<svg")
    assert "Tỷ lệ hộ gia đình có kết nối Internet, 2025" in svg
    assert "Xuất ngày" in svg


def test_several_indicators_make_a_deck(cli):
    args = ["-i", "hh_internet_pct", "-i", "dvc_full_pct", "-r", "56", "-p", "2016:2026"]
    out = cli(*args, "-o", "deck.pptx")
    assert out.returncode == 0, out.stderr
    prs = Presentation(io.BytesIO((cli.folder / "deck.pptx").read_bytes()))
    cat = load_catalog(DEFAULT_DATA_DIR / "catalog.csv")
    titles = [s.shapes.title.text for s in prs.slides]
    assert titles[1:] == [cat["hh_internet_pct"].name("vi"), cat["dvc_full_pct"].name("vi")]
    out = cli(*args, "-f", "pdf", "-o", "deck.bin")
    assert out.returncode == 0, out.stderr
    assert len(PdfReader(cli.folder / "deck.bin").pages) == 3


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["-i", "nope", "-r", "56", "-p", "2020", "-o", "x.png"], "No indicator with code 'nope'"),
        (["-i", "bts_count", "-r", "999", "-p", "2020", "-o", "x.png"], "No unit with code 999"),
        (["-i", "bts_count", "-r", "56", "-p", "2020", "-o", "x.gif"], "Cannot export to 'gif'"),
        (["-i", "bts_count", "-r", "56", "-p", "Q5/2020", "-o", "x.png"], "Q5/2020"),
        (["-i", "bts_count", "-i", "hh_internet_pct", "-r", "56", "-p", "2020", "-o", "x.png"],
         "holds one chart"),
    ],
)  # fmt: skip
def test_bad_requests_are_refused_in_both_languages_and_write_nothing(cli, args, said):
    out = cli(*args)
    assert out.returncode == 2
    assert said in out.stderr and " / " in out.stderr
    assert not (cli.folder / args[-1]).exists()


def test_the_command_builds_the_same_chart_as_a_spec(cli):
    """The CLI's chart is `chart_spec.build` of the spec the Briefing page would hold."""
    spec = chart_spec.ChartSpec("ranking", "bts_count", "legacy", ("56",), "2020", "2020",
                            level="district")  # fmt: skip
    cat = load_catalog(DEFAULT_DATA_DIR / "catalog.csv")
    with cli.store.connect(read_only=True) as con:
        chart = chart_spec.build(
            con, spec, catalog=cat, rev=cli.store.current_revision(), lang="vi"
        )
    out = cli("-i", "bts_count", "-r", "56", "-p", "2020", "-o", "bts.png")
    assert out.stdout.splitlines()[0] == chart.caption


def test_a_trend_by_half_year_rolls_quarters_up_into_halves(cli):
    """Every granularity the Trends page offers is offered here too (half-years included): the
    bundled quarters of records processed online become four half-years on the chart."""
    out = cli("-i", "records_online_pct", "-r", "56", "-u", "legacy", "-p", "2023:2024",
              "--granularity", "half", "-o", "half.svg")  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "(6 tháng đầu năm 2023)" in out.stdout and "(6 tháng cuối năm 2024)" in out.stdout
    svg = (cli.folder / "half.svg").read_text(encoding="utf-8")
    halves = ("6 tháng đầu năm 2023", "6 tháng cuối năm 2023", "6 tháng đầu năm 2024")
    assert all(h in svg for h in halves)
