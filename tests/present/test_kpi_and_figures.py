"""Headline cards and figures show the store's numbers, formatted for the language."""

from __future__ import annotations

import pandas as pd
import pytest

from indicators.core.settings import RegionRef
from indicators.present.figures import ranking_figure, trend_figure
from indicators.present.kpi import build_kpi
from indicators.query import read

PROVINCE = [RegionRef("legacy", "56"), RegionRef("2025", "56")]


@pytest.fixture(scope="module")
def province(seeded_store, catalog):
    codes = catalog.codes(("headline", "detail"))
    with seeded_store.connect(read_only=True) as con:
        series = read.series(con, 1, indicators=codes, refs=PROVINCE)
        targets = read.targets(con, 1, indicators=codes, refs=PROVINCE)
    return series, targets


@pytest.mark.parametrize(
    ("code", "lang", "text"),
    [
        ("post_commune_pct", "vi", "99%"),
        ("mobile_commune_pct", "vi", "100%"),
        ("hh_internet_pct", "vi", "63,9%"),
        ("hh_internet_pct", "en", "63.9%"),
        ("press_articles", "vi", "6.380"),
        ("press_articles", "en", "6,380"),
    ],
)
def test_kpi_value_for_2020(province, catalog, code, lang, text):
    series, targets = province
    assert build_kpi(catalog[code], series, targets, "2020", lang).value_text == text


def test_kpi_change_and_target(province, catalog):
    series, targets = province
    kpi = build_kpi(catalog["hh_internet_pct"], series, targets, "2020", "vi")
    rows = series[series.indicator == "hh_internet_pct"].set_index("period")["value"]
    delta = rows["2020"] - rows["2019"]
    assert kpi.value == pytest.approx(rows["2020"])
    assert kpi.delta_text == f"+{delta:.1f} điểm %".replace(".", ",")
    assert kpi.target_text == "Mục tiêu 2020: 60%"
    assert kpi.progress == 1.0 and kpi.progress_text == "đã đạt"
    assert kpi.illustrative and "132/132" in kpi.coverage_text


def test_kpi_does_not_compare_across_the_2025_reform(province, catalog):
    series, targets = province
    kpi = build_kpi(catalog["bts_count"], series, targets, "2025", "en")
    assert kpi.delta_text is None
    assert "boundaries changed on 1 July 2025" in kpi.delta_note


def test_kpi_rank_shows_out_of_and_falls_back_to_latest_year(province, catalog):
    series, targets = province
    kpi = build_kpi(catalog["dti_rank"], series, targets, "2026", "vi")
    assert kpi.value_text == "16/34" and kpi.period == "2024"
    assert kpi.period_note == "số liệu năm 2024" and kpi.status == "published"
    assert kpi.progress is None


def test_kpi_with_no_data_says_so(province, catalog):
    series, targets = province
    kpi = build_kpi(catalog["dvc_full_pct"], series, targets, "2016", "en")
    assert kpi.value_text == "—" and kpi.period_note == "No data"


def test_trend_figure_holds_the_store_numbers(province, catalog):
    series, targets = province
    fig = trend_figure(
        series,
        catalog["post_commune_pct"],
        region_name="Khánh Hòa",
        revision=1,
        lang="vi",
        targets=targets,
    )
    legacy, new, target_old, target_new = fig.data
    rows = series[(series.indicator == "post_commune_pct") & (series.period_kind == "year")]
    old = rows[rows.unit_list == "legacy"]
    assert list(legacy.x) == old["period"].tolist()
    assert list(legacy.y) == pytest.approx(old["value"].tolist())
    assert dict(zip(legacy.x, legacy.y, strict=True))["2020"] == 99
    assert list(new.x) == ["2025", "2026"]
    assert list(target_old.x) == ["2020", "2025"] and list(target_old.y) == [100, 100]
    assert list(target_new.x) == ["2025", "2030"] and target_old.name == "Mục tiêu (địa giới cũ)"
    # The published 2020 point is filled, illustrative ones are hollow.
    symbols = dict(zip(legacy.x, legacy.marker.symbol, strict=True))
    assert symbols["2020"] == "circle" and symbols["2019"] == "circle-open"
    text = " ".join(a.text for a in fig.layout.annotations)
    assert "Báo Khánh Hòa" in text and "Phiên bản dữ liệu 1" in text and "minh họa" in text
    assert fig.layout.separators == ",."


def test_ranking_figure_holds_the_store_numbers_and_leaves_gaps_as_no_data(seeded_store, catalog):
    with seeded_store.connect(read_only=True) as con:
        units = read.children(
            con,
            1,
            indicator="hh_internet_pct",
            unit_list="legacy",
            parent="56",
            period="2020",
            level="district",
        )
    units.loc[units["region"] == "576", "value"] = None  # Trường Sa reports nothing
    fig = ranking_figure(
        units,
        catalog["hh_internet_pct"],
        period_label="2020",
        level_label="Cấp huyện",
        province_value=63.89,
        revision=1,
        lang="en",
    )
    bar = fig.data[0]
    shown = dict(zip(bar.y, bar.x, strict=True))
    expected = units.dropna(subset=["value"]).set_index("name")["value"].to_dict()
    assert shown == pytest.approx(expected)
    assert "Huyện Trường Sa" not in shown  # not drawn as zero
    assert "No data: Trường Sa" in fig.layout.title.subtitle.text
    assert list(bar.x) == sorted(bar.x, reverse=True)  # a ranking: best on top, laggards below
    assert fig.layout.separators == ".,"
    assert all("%" in t for t in bar.text)


def test_kpi_unchanged_value_has_no_direction(province, catalog):
    series, targets = province
    kpi = build_kpi(catalog["mobile_commune_pct"], series, targets, "2026", "vi")
    assert kpi.value_text == "100%"
    assert kpi.delta_text == "±0 điểm %" and kpi.delta_color == "off"


def test_trend_of_a_quarterly_indicator_uses_quarter_labels(province, catalog):
    series, targets = province
    fig = trend_figure(
        series,
        catalog["records_online_pct"],
        region_name="Khánh Hòa",
        revision=1,
        lang="vi",
        targets=targets,
    )
    xs = [x for trace in fig.data for x in trace.x]
    assert xs[0] == "Quý 1/2022" and "Quý 3/2026" in xs
    assert [tr.name for tr in fig.data if "Mục tiêu" in tr.name] == []
    q = series[(series.indicator == "records_online_pct") & (series.period == "2022-Q1")]
    assert fig.data[0].y[0] == pytest.approx(q["value"].iloc[0])


def test_ranking_of_many_communes_shows_both_ends_and_counts_the_middle(seeded_store, catalog):
    with seeded_store.connect(read_only=True) as con:
        units = read.children(
            con,
            1,
            indicator="hh_internet_pct",
            unit_list="legacy",
            parent="56",
            period="2022",
            level="commune",
        )
    fig = ranking_figure(
        units,
        catalog["hh_internet_pct"],
        period_label="2022",
        level_label="Commune",
        province_value=75.8,
        revision=1,
        lang="en",
    )
    bar = fig.data[0]
    ranked = units.sort_values("value", ascending=False)
    assert len(bar.y) == 31 and bar.y[10] == "⋯ 102 units in between ⋯" and bar.x[10] is None
    assert list(bar.y[:10]) == ranked["name"].head(10).tolist()
    assert list(bar.y[11:]) == ranked["name"].tail(20).tolist()
    assert list(bar.x[11:]) == pytest.approx(ranked["value"].tail(20).tolist())


def test_kpi_does_not_compare_published_with_illustrative(province, catalog):
    series, targets = province
    kpi = build_kpi(catalog["post_commune_pct"], series, targets, "2020", "vi")
    assert kpi.value_text == "99%" and kpi.status == "published"
    assert kpi.delta_text is None
    assert kpi.delta_note == "Không so sánh với 2019: một bên là số liệu minh họa"


def test_kpi_shows_the_published_phase_figure(province, catalog):
    series, targets = province
    kpi = build_kpi(catalog["press_articles"], series, targets, "2018", "vi")
    assert kpi.phase_text.startswith("Giai đoạn 2016–2020: 30.000 (Đã công bố)")
    assert kpi.phase_text.endswith("— Công bố: hơn 30.000 tin bài")
    en = build_kpi(catalog["press_articles"], series, targets, "2018", "en").phase_text
    assert en == "2016–2020 phase: 30,000 (Published) — published as 'more than 30,000'"
    assert build_kpi(catalog["press_articles"], series, targets, "2022", "vi").phase_text == ""


def test_kpi_progress_uses_targets_on_the_same_units(province, catalog):
    series, targets = province
    before = build_kpi(catalog["hh_internet_pct"], series, targets, "2024", "en")
    after = build_kpi(catalog["hh_internet_pct"], series, targets, "2026", "en")
    assert before.target_text == "Target 2025: 85%"  # the old province's plan
    assert after.target_text == "Target 2030: 95%"  # the new province's plan
    old_target = targets[
        (targets.unit_list == "legacy")
        & (targets.period == "2025")
        & (targets.indicator == "hh_internet_pct")
    ]
    assert len(old_target) == 1


def test_kpi_of_a_value_without_source_or_note_names_none(province, catalog):
    """A text column read as strings (other rows had text) holds NaN where a row has none:
    the card says nothing there, never 'nan'."""
    series, targets = province
    rows = series.assign(
        source=series["source"].astype("string"), note=series["note"].astype("string")
    )
    hh = rows["indicator"] == "hh_internet_pct"
    rows.loc[hh, ["source", "note"]] = pd.NA
    kpi = build_kpi(catalog["hh_internet_pct"], rows, targets, "2020", "vi")
    assert kpi.source == "" and kpi.note == ""
    assert kpi.value_text == "63,9%"
