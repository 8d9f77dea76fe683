"""The Quick briefing page, its presentation view and the image menus, through AppTest.

Expected titles and captions are built from the same store with
`indicators.present.chart_spec`, never typed here. Decks themselves are drawn in the browser
test (they need the image engine).
"""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from indicators.core.catalog import load_catalog
from indicators.core.i18n import t
from indicators.core.settings import REPO_ROOT, settings
from indicators.present import chart_spec
from indicators.store.revisions import Store
from tests.conftest import app_store_at
from tests.pages.apptest import open_page

PAGE = "ui/pages/briefing.py"


@pytest.fixture(scope="module", autouse=True)
def db(tmp_path_factory):
    with app_store_at(tmp_path_factory.mktemp("briefing")) as db:
        at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=120)
        at.run()  # the app seeds its store on first start
        yield db


@pytest.fixture(scope="module")
def store(db) -> Store:
    return Store(db)


@pytest.fixture(scope="module")
def built(store):
    """Charts as `chart_spec.build` makes them from the app's store: (token, lang) → Chart."""
    cat = load_catalog(settings().data_dir / "catalog.csv")
    rev = store.current_revision()
    cache: dict = {}

    def get(token: str, lang: str = "vi") -> chart_spec.Chart:
        if (token, lang) not in cache:
            with store.connect(read_only=True) as con:
                spec = chart_spec.ChartSpec.from_token(token)
                cache[token, lang] = chart_spec.build(con, spec, catalog=cat, rev=rev, lang=lang)
        return cache[token, lang]

    return get


@pytest.fixture(scope="module")
def phase(store) -> list[str]:
    cat = load_catalog(settings().data_dir / "catalog.csv")
    rev = store.current_revision()
    with store.connect(read_only=True) as con:
        specs = chart_spec.preset("phase_2016_2020", con, rev, catalog=cat, settings=settings())
    return [s.token() for s in specs]


def briefing(**params: str) -> AppTest:
    """The briefing page opened as a link with these query parameters."""
    return open_page(PAGE, **params)


def test_the_page_opens_empty_and_offers_the_ready_made_sets(phase):
    at = briefing()
    assert not at.exception
    assert at.title[0].value == "Báo cáo nhanh"
    labels = [b.label for b in at.button]
    assert f"Tổng kết giai đoạn 2016–2020 ({len(phase)} biểu đồ)" in labels
    assert any(label.startswith("Năm hiện tại (") for label in labels)
    assert any("Chưa có" in cap.value for cap in at.caption)  # no views yet
    assert any("chưa có biểu đồ nào" in i.value for i in at.info)
    assert "charts" not in at.query_params


def test_a_preset_lists_its_charts_with_captions_from_the_data(phase, built):
    at = briefing()
    at.button(key="preset_phase_2016_2020").click().run()
    assert not at.exception
    cat = load_catalog(settings().data_dir / "catalog.csv")
    # one chart per headline figure with figures in 2016–2020 (not the DTI rank: first in 2022)
    assert len(phase) == len(settings().headline_in(cat)) - 1
    assert at.header[-2].value == f"Bộ trình bày: {len(phase)} biểu đồ"
    captions = [cap.value for cap in at.caption]
    for token in phase:
        chart = built(token)
        assert chart.caption in captions
        assert any(m.value == f"**{chart.title}** · {chart.areas}" for m in at.markdown)
    assert at.query_params["charts"] in (",".join(phase), [",".join(phase)])
    labels = [d.proto.label for d in at.get("download_button")]
    assert labels == ["PowerPoint (.pptx)", "PDF", "Ảnh PNG (.zip)"]
    assert not any(d.proto.disabled for d in at.get("download_button"))
    assert any(f"bộ {len(phase)} biểu đồ mất khoảng" in cap.value for cap in at.caption)
    # the title slide's subtitle names the set
    assert at.text_input[0].value == "Tổng kết giai đoạn 2016–2020"


def test_a_link_restores_the_deck_and_drops_what_it_cannot_read(phase, built):
    bad = "trend~no_such_indicator~legacy~56~2016~2020~year"
    chosen = [phase[4], "garbage", phase[0], bad]
    at = briefing(charts=",".join(chosen), lang="en")
    assert not at.exception
    assert at.title[0].value == "Quick briefing"
    warning = at.warning[0].value
    assert "2 charts" in warning and "garbage" in warning and bad in warning
    assert at.query_params["charts"] in (f"{phase[4]},{phase[0]}", [f"{phase[4]},{phase[0]}"])
    titles = [m.value for m in at.markdown if m.value.startswith("**") and " · " in m.value]
    assert titles == [
        f"**{built(tok, 'en').title}** · {built(tok, 'en').areas}" for tok in (phase[4], phase[0])
    ]


def test_a_plus_in_a_link_that_arrives_as_a_space_still_reads():
    token = "trend~hh_internet_pct~legacy~56+568~2016~2020~year"
    at = briefing(charts=token.replace("+", " "))
    assert not at.exception and not at.warning
    assert at.query_params["charts"] in (token, [token])


def test_rows_move_up_and_down_and_are_removed(phase):
    at = briefing(charts=",".join(phase[:3]))
    at.button(key="down_0").click().run()
    assert at.query_params["charts"] in (
        f"{phase[1]},{phase[0]},{phase[2]}",
        [f"{phase[1]},{phase[0]},{phase[2]}"],
    )
    assert at.button(key="up_0").disabled and at.button(key="down_2").disabled
    at.button(key="up_2").click().run()
    at.button(key="remove_0").click().run()
    assert not at.exception
    assert at.query_params["charts"] in (f"{phase[2]},{phase[0]}", [f"{phase[2]},{phase[0]}"])
    at.button(key="clear").click().run()
    assert "charts" not in at.query_params


def test_views_looked_at_on_trends_and_regions_are_offered(built):
    at = open_page("ui/pages/trends.py", ind="hh_internet_pct", reg="56,568", era="legacy",
                   period="2016-2020")  # fmt: skip
    assert not at.exception
    at.switch_page("ui/pages/regions.py")
    at.query_params.clear()
    at.query_params.update(indicator="post_commune_pct", era="legacy", period="2020")
    at.run()
    assert not at.exception
    at.switch_page(PAGE).run()
    trend = "trend~hh_internet_pct~legacy~56+568~2016~2020~year"
    ranking = "ranking~post_commune_pct~legacy~56~2020~district"
    offered = [m.value for m in at.markdown if m.value.startswith(("Xu hướng · ", "Xếp hạng · "))]
    assert offered[0].startswith(f"Xếp hạng · {built(ranking).title}")  # newest first
    assert offered[1].startswith(f"Xu hướng · {built(trend).title} · {built(trend).areas}")
    at.button(key="view_add_1").click().run()
    assert not at.exception
    assert at.query_params["charts"] in (trend, [trend])
    assert at.button(key="view_add_1").disabled  # already in the deck
    assert built(trend).caption in [cap.value for cap in at.caption]


def test_present_mode_shows_one_16_9_chart_and_no_sidebar(phase, built):
    at = briefing(charts=",".join(phase[:2]), present="1")
    assert not at.exception
    assert not at.sidebar.children  # no language switch, no navigation
    shown = at.get("plotly_chart")
    assert len(shown) == 1
    fig = json.loads(shown[0].proto.spec)
    assert (fig["layout"]["width"], fig["layout"]["height"]) == (1280, 720)
    assert fig["layout"]["title"]["text"].replace("<br>", " ") == built(phase[0]).title
    assert json.loads(shown[0].proto.config)["displayModeBar"] is False
    assert at.button(key="present_prev").disabled
    at.button(key="present_next").click().run()
    fig = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert fig["layout"]["title"]["text"].replace("<br>", " ") == built(phase[1]).title
    assert at.query_params["slide"] in ("2", ["2"])
    assert at.button(key="present_next").disabled
    at.button(key="present_exit").click().run()
    assert not at.exception
    assert "present" not in at.query_params
    assert at.title[0].value == "Báo cáo nhanh" and at.sidebar.children


def test_present_is_ignored_on_other_pages():
    at = open_page("ui/pages/trends.py", present="1")
    assert not at.exception
    assert "present" not in at.query_params
    assert at.radio(key="w_lang") is not None


def test_without_chromium_the_page_says_so_in_both_languages(monkeypatch, phase):
    from indicators.export import chromium

    monkeypatch.setattr(chromium, "CHROMIUM_PATH", "/nonexistent/chromium")
    at = briefing(charts=phase[0])
    assert not at.exception
    text = at.error[0].value
    assert "/nonexistent/chromium" in text
    assert t("bpage.no_engine", "vi", path="/nonexistent/chromium") in text
    assert t("bpage.no_engine", "en", path="/nonexistent/chromium") in text
    assert all(d.proto.disabled for d in at.get("download_button"))


@pytest.mark.parametrize(
    ("page", "params", "menus"),
    [
        ("ui/pages/trends.py", {"ind": "hh_internet_pct,bts_count"}, 4),  # 2 trends, 2 growth
        ("ui/pages/regions.py", {}, 3),  # ranking, map, heatmap
        ("ui/pages/overview.py", {}, 2),  # trend, ranking
    ],
)
def test_every_chart_has_an_image_menu(page, params, menus):
    at = open_page(page, **params)
    assert not at.exception
    labels = [d.proto.label for d in at.get("download_button")]
    for label in ("PNG 16:9 (1920×1080)", "PNG vuông (1080×1080)", "SVG (vẽ lại không vỡ nét)"):
        assert labels.count(label) == menus
