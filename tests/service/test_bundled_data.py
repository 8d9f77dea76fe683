"""The bundled Khánh Hòa data: published figures say so, everything else is illustrative."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from indicators.core.settings import DEFAULT_DATA_DIR, RegionRef
from indicators.query import read

OBS = DEFAULT_DATA_DIR / "observations.csv"
RANKINGS = DEFAULT_DATA_DIR / "rankings.csv"  # published rankings of every province they place


@pytest.fixture(scope="module")
def bundled() -> pd.DataFrame:
    """Every bundled observation: the province's figures and the published rankings."""
    frames = [pd.read_csv(p, dtype=str, keep_default_na=False) for p in (OBS, RANKINGS)]
    return pd.concat(frames, ignore_index=True).fillna("")


def test_published_figures_are_marked_published_with_their_source(bundled):
    home = bundled["region"].eq("56")  # Khánh Hòa: old (legacy) and new (2025) code alike
    pub = bundled[(bundled["status"] == "published") & home].set_index(["indicator", "period"])
    assert pub.loc[("post_commune_pct", "2020"), "value"] == "99"
    for code in ("mobile_commune_pct", "fibre_commune_pct", "internet_commune_pct"):
        assert pub.loc[(code, "2020"), "value"] == "100"
        assert "Báo Khánh Hòa, 26/06/2020" in pub.loc[(code, "2020"), "source"]
    assert pub.loc[("press_articles", "2016-2020"), "value"] == "30000"
    assert "30.000" in pub.loc[("press_articles", "2016-2020"), "note"]
    assert pub.loc[("dti_rank", "2022"), "note"] == "41/63"
    assert pub.loc[("dti_rank", "2024"), "note"].startswith("16/34")
    assert pub.loc[("dti_score", "2024"), "value"] == "0.7071"
    assert all(pub["source"].str.len() > 0)


def test_everything_else_is_illustrative_and_says_so(bundled):
    assert set(bundled["status"]) == {"published", "illustrative"}
    ill = bundled[bundled["status"] == "illustrative"]
    assert ill["source"].str.contains("Minh họa / illustrative").all()
    assert len(ill) > 10_000


def test_old_units_until_mid_2025_new_units_after(bundled, regions):
    years = bundled[bundled["period"].str.fullmatch(r"\d{4}")]
    legacy_years = set(years.loc[years["unit_list"] == "legacy", "period"].astype(int))
    new_years = set(years.loc[years["unit_list"] == "2025", "period"].astype(int))
    assert legacy_years == set(range(2016, 2025))
    assert new_years == {2024, 2025, 2026}  # 2024 only for the DTI published on the new units
    communes = regions[regions["level"] == "commune"]
    units = set(zip(communes["unit_list"], communes["code"], strict=True))
    commune_rows = bundled[bundled["region"].str.len() == 5]
    assert set(zip(commune_rows["unit_list"], commune_rows["region"], strict=True)) <= units


def test_illustrative_communes_agree_with_the_published_province_figures(seeded_store):
    """131 of 132 communes have a post point in 2020 (99,2 % rounds to the published 99 %)."""
    with seeded_store.connect(read_only=True) as con:
        kids = read.children(
            con,
            1,
            indicator="post_commune_pct",
            unit_list="legacy",
            parent="56",
            period="2020",
            level="commune",
        )
        cover = {
            code: read.children(
                con,
                1,
                indicator=code,
                unit_list="legacy",
                parent="56",
                period="2020",
                level="commune",
            )
            for code in ("mobile_commune_pct", "fibre_commune_pct", "internet_commune_pct")
        }
    assert (kids["numerator"].sum(), kids["denominator"].sum()) == (131, 132)
    province = kids["numerator"].sum() / kids["denominator"].sum() * 100
    assert round(province) == 99  # the published figure, rounded
    for frame in cover.values():
        assert frame["numerator"].sum() == frame["denominator"].sum() == 132
    yearly_press = read.series  # yearly illustrative press figures exceed the 30,000
    with seeded_store.connect(read_only=True) as con:
        press = yearly_press(
            con, 1, indicators=["press_articles"], refs=[RegionRef("legacy", "56")], kinds=["year"]
        )
    assert press[press["period"].astype(int) <= 2020]["value"].sum() > 30_000


def test_generator_is_reproducible(tmp_path):
    subprocess.run(
        [sys.executable, str(DEFAULT_DATA_DIR / "generate.py"), str(tmp_path)],
        check=True,
        capture_output=True,
    )
    for name in ("observations.csv", "targets.csv"):
        assert (tmp_path / name).read_bytes() == (DEFAULT_DATA_DIR / name).read_bytes(), name
