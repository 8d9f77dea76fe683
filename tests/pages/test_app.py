"""The Overview page run headless through Streamlit's AppTest (fast; the browser test is apart)."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from indicators.core.settings import REPO_ROOT
from tests.conftest import app_store_at


@pytest.fixture(scope="module", autouse=True)
def app_store(tmp_path_factory):
    with app_store_at(tmp_path_factory.mktemp("app")) as db:
        yield db


def run(**params: str) -> AppTest:
    at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def metrics(at: AppTest) -> dict[str, str]:
    """Card title (the markdown above each metric) -> the metric's value."""
    titles = [m.value.strip("*") for m in at.markdown if m.value.startswith("**")]
    return dict(zip(titles, [m.value for m in at.metric], strict=True))


def test_first_start_seeds_the_store_and_shows_the_overview(app_store):
    at = run()
    assert not at.exception
    assert app_store.exists()
    assert at.title[0].value == "Chỉ số CNTT-TT tỉnh Khánh Hòa"
    assert at.selectbox(key="w_period_vi").value == "2026"
    assert len(at.metric) == 8


def test_overview_2020_shows_the_published_figures_in_vietnamese():
    at = run(period="2020")
    shown = metrics(at)
    assert shown["Tỷ lệ xã, phường có điểm phục vụ bưu chính"] == "99%"
    assert shown["Tỷ lệ xã, phường được phủ sóng di động"] == "100%"
    assert shown["Số tin, bài báo chí về tỉnh được tổng hợp"] == "6.380"
    assert any("minh họa" in w.value for w in at.warning)


def test_english_switch_changes_words_and_number_format():
    at = run(period="2020", lang="en")
    shown = metrics(at)
    assert shown["Communes with a post office or commune cultural post office"] == "99%"
    assert shown["Press articles about the province compiled"] == "6,380"
    assert at.title[0].value == "Khánh Hòa ICT indicators"


def test_charts_carry_the_chosen_indicator_and_period():
    at = run(period="2020", trend="mobile_commune_pct")
    charts = [json.loads(e.proto.spec) for e in at.get("plotly_chart")]
    assert len(charts) == 2
    trend, ranking = charts
    assert trend["layout"]["title"]["text"] == "Tỷ lệ xã, phường được phủ sóng di động"
    assert "2020" in ranking["layout"]["title"]["text"]


def test_ranking_offers_only_indicators_reported_below_the_province():
    at = run(period="2020")
    options = at.selectbox(key="w_rank_vi").options
    assert "Tỷ lệ hộ gia đình có kết nối Internet" in options
    assert "Tỷ lệ dịch vụ công trực tuyến toàn trình" not in options  # province-level only
    assert "Xếp hạng DTI cấp tỉnh" not in options
