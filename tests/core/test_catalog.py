"""indicators.core.catalog with the bundled data/catalog.csv and broken copies of it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from indicators.core.catalog import COLUMNS, KINDS, ROLES, TOPICS, Catalog, Indicator, load_catalog
from indicators.core.problems import DataError

CATALOG_CSV = Path(__file__).resolve().parents[2] / "data" / "catalog.csv"

BRIEF_INDICATORS = [
    "post_commune_pct",
    "mobile_commune_pct",
    "fibre_commune_pct",
    "internet_commune_pct",
    "mobile_subs_per100",
    "fixed_bb_per100",
    "hh_internet_pct",
    "internet_users_per100",
    "bts_count",
    "press_articles",
    "dvc_full_pct",
    "records_online_pct",
    "dti_score",
    "dti_rank",
    "ict_index_rank",
    "post_points",
    "post_radius_km",
    "post_pop_per_point",
]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(CATALOG_CSV)


@pytest.fixture(scope="module")
def raw() -> pd.DataFrame:
    return pd.read_csv(CATALOG_CSV, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def _write(df: pd.DataFrame, path: Path) -> Path:
    df.to_csv(path, index=False, encoding="utf-8")
    return path


def _problems(path: Path) -> list:
    with pytest.raises(DataError) as info:
        load_catalog(path)
    assert info.value.problems, "DataError must list its problems"
    return info.value.problems


# --- the bundled catalog -------------------------------------------------------------------------


def test_bundled_catalog_loads(catalog, raw):
    assert isinstance(catalog, Catalog)
    assert len(catalog) == len(raw)
    assert all(isinstance(i, Indicator) for i in catalog)
    # file order is kept
    assert [i.code for i in catalog] == list(raw["code"])


def test_enough_headline_and_detail_indicators(catalog):
    shown = catalog.codes(("headline", "detail"))
    assert len(shown) >= 15
    assert set(catalog.codes()) == {i.code for i in catalog}


def test_codes_unique(raw):
    assert raw["code"].is_unique


@pytest.mark.parametrize("code", BRIEF_INDICATORS)
def test_brief_indicators_exist(catalog, code):
    assert code in catalog
    assert catalog[code].role in ("headline", "detail")


def test_ratio_parts_exist(catalog):
    ratios = [i for i in catalog if i.kind == "ratio"]
    assert len(ratios) >= 8
    for ind in ratios:
        assert ind.numerator in catalog, ind.code
        assert ind.denominator in catalog, ind.code
        assert ind.agg_region == "ratio", ind.code


def test_allowed_values(catalog):
    for ind in catalog:
        assert ind.topic in TOPICS
        assert ind.kind in KINDS
        assert ind.role in ROLES
        assert ind.name_vi and ind.name_en


def test_parsed_fields(catalog):
    pct = catalog["post_commune_pct"]
    assert pct.scale == 100.0
    assert pct.decimals == 1
    assert pct.higher_is_better is True
    assert pct.is_percent
    assert pct.numerator == "communes_with_post"
    assert pct.denominator == "communes_total"
    assert pct.unit("en") == "%"
    rank = catalog["dti_rank"]
    assert rank.higher_is_better is False
    assert rank.numerator is None and rank.denominator is None
    assert not rank.is_percent
    assert catalog["dti_score"].decimals == 4
    assert catalog.get("no_such_code") is None
    assert list(catalog.frame().columns) == list(COLUMNS)


# --- broken catalogs -----------------------------------------------------------------------------


def _row_of(raw: pd.DataFrame, code: str) -> int:
    """The Excel row of a code: header is row 1, first data row is row 2."""
    return int(raw.index[raw["code"] == code][0]) + 2


def test_bad_kind(raw, tmp_path):
    df = raw.copy()
    df.loc[df["code"] == "bts_count", "kind"] = "bogus"
    probs = _problems(_write(df, tmp_path / "c.csv"))
    assert [(p.row, p.column) for p in probs] == [(_row_of(raw, "bts_count"), "kind")]
    assert probs[0].value == "bogus"
    assert probs[0].reason_vi and probs[0].reason_en
    assert probs[0].rule == "not_one_of"  # worded from catalog.rule.not_one_of


def test_ratio_without_denominator(raw, tmp_path):
    df = raw.copy()
    df.loc[df["code"] == "hh_internet_pct", "denominator"] = ""
    probs = _problems(_write(df, tmp_path / "c.csv"))
    assert len(probs) == 1
    assert probs[0].row == _row_of(raw, "hh_internet_pct")
    assert "denominator" in probs[0].column


def test_numerator_that_does_not_exist(raw, tmp_path):
    df = raw.copy()
    df.loc[df["code"] == "mobile_commune_pct", "numerator"] = "no_such_indicator"
    probs = _problems(_write(df, tmp_path / "c.csv"))
    assert [(p.row, p.column, p.value) for p in probs] == [
        (_row_of(raw, "mobile_commune_pct"), "numerator", "no_such_indicator")
    ]


def test_duplicate_code(raw, tmp_path):
    df = pd.concat([raw, raw[raw["code"] == "bts_count"]], ignore_index=True)
    probs = _problems(_write(df, tmp_path / "c.csv"))
    assert [(p.row, p.column, p.value) for p in probs] == [(len(df) + 1, "code", "bts_count")]


def test_missing_column(raw, tmp_path):
    probs = _problems(_write(raw.drop(columns=["agg_time"]), tmp_path / "c.csv"))
    assert [(p.row, p.column) for p in probs] == [(1, "agg_time")]


def test_every_problem_is_reported(raw, tmp_path):
    df = raw.copy()
    df.loc[df["code"] == "bts_count", "kind"] = "bogus"
    df.loc[df["code"] == "dti_rank", "role"] = "main"
    df.loc[df["code"] == "dti_score", "higher_is_better"] = "yes"
    probs = _problems(_write(df, tmp_path / "c.csv"))
    got = {(p.row, p.column) for p in probs}
    assert got == {
        (_row_of(raw, "bts_count"), "kind"),
        (_row_of(raw, "dti_rank"), "role"),
        (_row_of(raw, "dti_score"), "higher_is_better"),
    }


def test_error_message_is_bilingual_and_names_row(raw, tmp_path):
    df = raw.copy()
    df.loc[df["code"] == "bts_count", "kind"] = "bogus"
    path = _write(df, tmp_path / "c.csv")
    with pytest.raises(DataError) as info:
        load_catalog(path)
    row = _row_of(raw, "bts_count")
    msg = str(info.value)
    assert f"dòng {row} / row {row}" in msg
    assert "column 'kind'" in msg
    assert "must be one of" in msg and "phải là một trong" in msg
