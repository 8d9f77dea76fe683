"""Every page of a new install that holds no figures yet, as its first visitors open it.

The Overview said "no data yet", but Trends and Data crashed (their period pickers were built
from the first and last day with data: there was none). Each page now opens in both languages
without an incident; the pages built on periods say what the Overview says. The same install,
whose settings.toml has no `[overview]`, then shows the catalog's headline indicators once
its first figure is imported, and the note on the unit lists names its own province.
"""

from __future__ import annotations

import pytest

from indicators.cli import main
from indicators.core.catalog import load_catalog
from indicators.core.i18n import t
from indicators.core.settings import DEFAULT_DATA_DIR, settings
from indicators.present.chart_spec import PRESETS
from indicators.service import open_store
from tests.pages.apptest import app_data_at, open_page, open_section, signed_in
from tests.service.test_new_install import LAO_CAI, OBS_HEADER, data_folder, init

NO_DATA = {  # the reader's language → the Overview's words for a store with no yearly figures
    None: "Chưa có số liệu theo năm của Lào Cai",
    "en": "No yearly figures for Lào Cai yet",
}
LANGS = list(NO_DATA)
# Page → what a visitor sees on it with no figures, in (Vietnamese, English).
SEEN_EMPTY = {
    "overview": NO_DATA.values(),
    "trends": NO_DATA.values(),
    "data": NO_DATA.values(),
    "regions": ("Chưa có chỉ tiêu nào", "No indicator has figures below the province"),
    "briefing": ("Bộ trình bày chưa có biểu đồ nào", "The deck has no charts yet"),
}


@pytest.fixture(scope="module")
def empty(tmp_path_factory):
    """A Lào Cai install started by `indicators init` from a folder with no figures (an empty
    observations.csv, targets.csv with its header only), and an analyst's session token."""
    root = tmp_path_factory.mktemp("empty-install")
    folder = data_folder(root / "data", LAO_CAI, obs=b"")
    mp = pytest.MonkeyPatch()
    try:
        assert init(mp, folder, root / "store.duckdb") == 0
    finally:
        mp.undo()
    with app_data_at(folder, root / "store.duckdb"):
        yield signed_in(open_store(settings()), "chuyenvien", "analyst")


def texts(at) -> str:
    """Everything a visitor reads in the page's messages and text blocks."""
    kinds = ("info", "warning", "markdown", "caption", "header", "subheader", "title")
    return "\n".join(str(e.value) for kind in kinds for e in getattr(at, kind))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", list(SEEN_EMPTY))
def test_pages_built_on_figures_say_there_are_none_yet(empty, page, lang):
    at = open_page(f"ui/pages/{page}.py", lang=lang)
    assert not at.exception and not at.error  # no traceback, no incident id
    vi, en = SEEN_EMPTY[page]
    assert (en if lang else vi) in "\n".join(i.value for i in at.info)
    assert not at.get("plotly_chart") and not at.dataframe
    if page in ("trends", "data"):  # stopped before the pickers of periods, areas, indicators
        assert not at.multiselect and not at.get("select_slider")


@pytest.mark.parametrize("lang", LANGS)
def test_methodology_opens_and_names_every_kind_of_period(empty, lang):
    at = open_section(open_page("ui/pages/methodology.py", lang=lang), "periods")
    assert not at.exception and not at.error
    shown = texts(at)
    half, quarter = ("H1 2020", "Q2 2020") if lang else ("6 tháng đầu năm 2020", "Quý 2/2020")
    assert half in shown and quarter in shown


@pytest.mark.parametrize("lang", LANGS)
def test_an_analyst_can_upload_and_read_the_first_revision(empty, lang):
    at = open_page("ui/pages/upload.py", lang=lang, token=empty)
    assert not at.exception and not at.error
    assert at.get("file_uploader")  # the way to the first figures
    at = open_page("ui/pages/history.py", lang=lang, token=empty)
    assert not at.exception and not at.error
    revisions = at.dataframe[0].value  # the first revision, saying the store has no figures
    assert len(revisions) == 1 and "no figures yet" in revisions.to_csv()


@pytest.mark.parametrize("lang", LANGS)
def test_the_unit_list_note_names_this_province_not_the_bundled_one(empty, lang):
    at = open_page("ui/pages/regions.py", lang=lang)
    label = "Administrative boundaries" if lang else "Địa giới hành chính"
    (picker,) = [r for r in at.radio if r.label == label]
    assert "Lào Cai" in picker.help
    assert "Khánh Hòa" not in picker.help and "Ninh Thuận" not in picker.help


@pytest.fixture(scope="module")
def first_row(tmp_path_factory):
    """A Lào Cai install whose settings.toml has no `[overview]`, with one figure imported after
    `indicators init`: the province's press articles in 2025. (data folder, store file)"""
    root = tmp_path_factory.mktemp("first-row")
    folder = data_folder(root / "data", LAO_CAI, obs=b"")
    assert "[overview]" not in (folder / "settings.toml").read_text(encoding="utf-8")
    db = root / "store.duckdb"
    upload = root / "press.csv"
    row = "press_articles,2025,15,Tỉnh Lào Cai,2025,1250,,,published,Báo Lào Cai,\r\n"
    upload.write_bytes(OBS_HEADER + row.encode())
    mp = pytest.MonkeyPatch()
    try:
        assert init(mp, folder, db) == 0
        assert main(["import", str(upload), "-m", "Tin bài 2025"]) == 0
    finally:
        mp.undo()
    return folder, db


def test_without_overview_settings_the_cards_are_the_catalogs_headline(first_row):
    """settings.toml without `[overview] headline`: the Overview's cards are the headline
    indicators of catalog.csv, and the first imported figure is on its card."""
    catalog = load_catalog(DEFAULT_DATA_DIR / "catalog.csv")
    headline = catalog.codes(("headline",))
    with app_data_at(*first_row):
        at = open_page("ui/pages/overview.py")
    assert not at.exception and not at.error
    cards = {m.label: m.value for m in at.metric}  # four columns: read by label, not order
    assert len(at.metric) == len(headline) > 0
    assert set(cards) == {catalog[c].name("vi") for c in headline}
    assert cards[catalog["press_articles"].name("vi")] == "1.250"


@pytest.mark.parametrize("lang", LANGS)
def test_without_overview_settings_the_briefing_offers_the_first_figure(first_row, lang):
    """The Quick briefing's ready-made sets are the same headline indicators (they had no
    charts at all): the current year's set is 2025, and its press chart carries the figure."""
    catalog = load_catalog(DEFAULT_DATA_DIR / "catalog.csv")
    # of the catalog's headline indicators only the press articles have a figure, in 2025
    counts = {"phase_2016_2020": 0, "current_year": 1}
    with app_data_at(*first_row):
        at = open_page("ui/pages/briefing.py", lang=lang)
        labels = [b.label for b in at.button]
        for name in PRESETS:  # "Năm hiện tại (1 biểu đồ)": not 8 slides saying "no data"
            words = t(f"deck.preset.{name}", lang or "vi")
            assert t("bpage.preset_button", lang or "vi", name=words, n=counts[name]) in labels
        at.button(key="preset_current_year").click().run()
    assert not at.exception and not at.error
    assert t("bpage.deck", lang or "vi", n=1) in [h.value for h in at.header]
    press = catalog["press_articles"].name(lang or "vi")
    figure = "1.250 (2025)" if lang is None else "1,250 (2025)"
    captions = [c.value for c in at.caption]
    assert any(press in c and "Lào Cai" in c and figure in c for c in captions), captions
