"""The country's figures in an install for the whole country, rolled up with the rules every
area follows: a count is the sum of the 34 provinces; a ratio is Σ numerator ÷ Σ denominator
(never an average of the provinces' percentages); each province is what it reported with its
parts, else the sum of its communes.

Every expected number is computed here by hand, with pandas, from the bundled CSV
(data/national/observations.csv), never by the code under test.
"""

from __future__ import annotations

import pandas as pd
import pytest

from indicators.core.catalog import load_catalog
from indicators.core.settings import COUNTRY, REPO_ROOT, load_settings
from indicators.geography.units import LEGACY, NEW, build_regions
from indicators.ingest.bundled import load_observations
from indicators.query import read
from indicators.service import seed_from
from indicators.store.revisions import Store

NATIONAL = REPO_ROOT / "data" / "national"
RATIOS = (
    "post_commune_pct",
    "mobile_commune_pct",
    "fibre_commune_pct",
    "internet_commune_pct",
    "hh_internet_pct",
    "dvc_full_pct",
)
HEADER = "indicator,unit_list,region,period,value,numerator,denominator,status,source,note\n"


@pytest.fixture(scope="module")
def csv() -> pd.DataFrame:
    """The bundled rows as a person reads them, numbers as numbers."""
    rows = pd.read_csv(NATIONAL / "observations.csv", dtype=str, keep_default_na=False)
    for col in ("value", "numerator", "denominator"):
        rows[col] = pd.to_numeric(rows[col].replace("", None))
    return rows


@pytest.fixture(scope="module")
def regions() -> pd.DataFrame:
    return build_regions(load_settings(NATIONAL).region_sources)


@pytest.fixture(scope="module")
def province_of(regions) -> dict[str, str]:
    """The province of each unit of the 2025 list (a province is its own)."""
    units = regions[(regions["unit_list"] == NEW) & regions["province_code"].notna()]
    return dict(zip(units["code"], units["province_code"], strict=True))


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    store = Store(tmp_path_factory.mktemp("national") / "national.duckdb")
    seed_from(NATIONAL, store)
    return store


def country(store: Store, indicators, rev: int | None = None, unit_list: str = NEW):
    with store.connect(read_only=True) as con:
        found = read.resolved_values(
            con,
            rev or store.current_revision(),
            indicators=list(indicators),
            unit_list=unit_list,
            regions=[COUNTRY],
        )
    return found.set_index(["indicator", "period"])


def test_a_count_is_the_sum_of_the_34_provinces(store, csv):
    press = csv[csv["indicator"] == "press_articles"]
    assert press["region"].nunique() == 34
    by_hand = press.groupby("period")["value"].sum()
    found = country(store, ["press_articles"]).loc["press_articles"]
    assert found["value"].to_dict() == by_hand.to_dict()  # {'2025': 234…, '2026': 243…}
    with store.connect(read_only=True) as con:
        provinces = read.values_below(
            con,
            store.current_revision(),
            indicator="press_articles",
            unit_list=NEW,
            parent=COUNTRY,
            level="province",
        )
    assert provinces.groupby("period")["value"].sum().to_dict() == by_hand.to_dict()


@pytest.mark.parametrize("indicator", RATIOS)
def test_a_ratio_is_the_sum_of_numerators_over_the_sum_of_denominators(
    store, csv, province_of, indicator
):
    rows = csv[csv["indicator"] == indicator]
    sums = rows.groupby("period")[["numerator", "denominator"]].sum()
    found = country(store, [indicator]).loc[indicator]
    for period, (num, den) in sums.iterrows():
        got = found.loc[period]
        assert (got["numerator"], got["denominator"]) == (num, den)
        assert got["value"] == pytest.approx(num / den * 100, rel=1e-12)
        # the average of the 34 provinces' percentages is another (wrong) number
        in_year = rows[rows["period"] == period]
        by_province = in_year.groupby(in_year["region"].map(province_of))
        parts = by_province[["numerator", "denominator"]].sum()
        assert len(parts) == 34
        mean = (parts["numerator"] / parts["denominator"] * 100).mean()
        assert got["value"] != pytest.approx(mean, abs=1e-9)
        assert (got["origin"], got["n_parts"], got["n_expected"]) == ("aggregated", 3321, 3321)
        assert got["status"] == "illustrative"
        assert got["source"] == "Minh họa / illustrative (data/national/generate.py)"


def test_a_province_is_the_sum_of_its_communes(store, csv):
    with store.connect(read_only=True) as con:
        communes = read.units_below(con, unit_list=NEW, parent="56", level="commune")
        found = read.resolved_values(
            con,
            store.current_revision(),
            indicators=["hh_internet_pct"],
            unit_list=NEW,
            regions=["56"],
            periods=["2026"],
        ).iloc[0]
    assert len(communes) == 65  # the new Khánh Hòa
    rows = csv[
        (csv["indicator"] == "hh_internet_pct")
        & (csv["period"] == "2026")
        & csv["region"].isin(communes["region"])
    ]
    assert len(rows) == 65
    num, den = rows["numerator"].sum(), rows["denominator"].sum()
    assert (found["numerator"], found["denominator"]) == (num, den)
    assert found["value"] == pytest.approx(num / den * 100, rel=1e-12)


@pytest.fixture(scope="module")
def reported(store, regions):
    """A second revision: Khánh Hòa reports its 2026 households with internet as a province,
    with its parts (it then counts instead of its communes); Hà Nội reports a bare percentage
    (it cannot be added up: the country keeps Hà Nội's communes); old Khánh Hòa and old Ninh
    Thuận report press articles for 2024 (the legacy list's country, 2 of 63 provinces)."""
    seeded = store.current_revision()
    rows = [
        "hh_internet_pct,2025,56,2026,,400000,500000,published,Sở KH&CN Khánh Hòa,",
        "hh_internet_pct,2025,01,2026,12.5,,,published,Sở KH&CN Hà Nội,",
        "press_articles,legacy,56,2024,6810,,,published,Sở TT&TT Khánh Hòa,",
        "press_articles,legacy,58,2024,4120,,,published,Sở TT&TT Ninh Thuận,",
    ]
    catalog = load_catalog(NATIONAL / "catalog.csv")
    frame = load_observations((HEADER + "\n".join(rows) + "\n").encode(), catalog, regions)
    store.commit({"observations": frame}, author="t", message="province figures")
    return seeded, store.current_revision()


def test_a_province_reported_with_parts_counts_instead_of_its_communes(store, csv, reported):
    seeded, now = reported
    before = country(store, ["hh_internet_pct"], seeded).loc[("hh_internet_pct", "2026")]
    after = country(store, ["hh_internet_pct"], now).loc[("hh_internet_pct", "2026")]
    with store.connect(read_only=True) as con:
        khanh_hoa = read.units_below(con, unit_list=NEW, parent="56", level="commune")["region"]
    rows = csv[(csv["indicator"] == "hh_internet_pct") & (csv["period"] == "2026")]
    others = rows[~rows["region"].isin(khanh_hoa)]  # Hà Nội's communes stay: its 12,5 % is bare
    num = others["numerator"].sum() + 400_000
    den = others["denominator"].sum() + 500_000
    assert (after["numerator"], after["denominator"]) == (num, den)
    assert after["value"] == pytest.approx(num / den * 100, rel=1e-12)
    assert (before["numerator"], before["denominator"]) == (
        rows["numerator"].sum(),
        rows["denominator"].sum(),
    )
    assert after["n_parts"] == after["n_expected"] == 3321  # Khánh Hòa covers its 65 communes
    assert after["status"] == "illustrative"  # as weak as its weakest part


def test_the_legacy_country_sums_its_provinces_and_says_how_many(store, reported):
    _, now = reported
    found = country(store, ["press_articles"], now, LEGACY).loc[("press_articles", "2024")]
    assert found["value"] == 6810 + 4120
    assert (found["n_parts"], found["n_expected"]) == (2, 63)  # partial: 2 of 63 provinces
    with store.connect(read_only=True) as con:
        latest = read.latest(
            con, now, indicators=["press_articles"], unit_list=LEGACY, region=COUNTRY
        )
    assert latest.empty  # a sum of 2 provinces is not the country's latest figure


def test_a_national_install_ranks_what_provinces_report(store, seeded_store):
    with store.connect(read_only=True) as con:
        national = read.reported_below_province(con, store.current_revision(), NEW)
    assert {"dvc_full_pct", "press_articles", "hh_internet_pct"} <= national
    with seeded_store.connect(read_only=True) as con:  # the Khánh Hòa install
        province = read.reported_below_province(con, seeded_store.current_revision(), NEW)
    assert "dvc_full_pct" not in province and "hh_internet_pct" in province
