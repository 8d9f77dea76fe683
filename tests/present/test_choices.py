"""The current choice in words: the bar a phone shows instead of the Trends filters, and the
title of the page a shared link opens."""

from indicators.core.catalog import load_catalog
from indicators.core.settings import REPO_ROOT
from indicators.present.choices import choice_line, link_title, page_title, period_span


def test_the_choice_reads_as_one_line():
    line = choice_line(
        ["Tỷ lệ hộ gia đình có kết nối Internet"], period_span("2016", "2026"),
        ["Tỉnh Khánh Hòa"], "vi",
    )  # fmt: skip
    assert line == "Tỷ lệ hộ gia đình có kết nối Internet · 2016–2026 · Tỉnh Khánh Hòa"


def test_several_areas_one_year_and_what_is_not_chosen():
    line = choice_line(["A"], period_span("2024", "2024"), ["X", "Y"], "en", more=["Quarter", ""])
    assert line == "A · 2024 · X, Y · Quarter"
    assert choice_line([], "2024", [], "vi") == "2024"


def test_names_stay_as_written():
    assert choice_line(["**a**"], "2024", ["<b>x</b>"], "vi") == "**a** · 2024 · <b>x</b>"


# A link's title, read from the link alone (the HTML a chat preview reads: ui.link_preview).
CATALOG = load_catalog(REPO_ROOT / "data" / "catalog.csv")
HH = CATALOG["hh_internet_pct"]


def test_a_link_names_its_indicators_period_and_page():
    q = {"ind": "hh_internet_pct,post_commune_pct,hh_internet_pct", "period": "2018-2024"}
    names = f"{HH.name('vi')}, {CATALOG['post_commune_pct'].name('vi')}"
    assert (
        link_title("Xu hướng", q, CATALOG, "vi")
        == f"{names} · 2018–2024 · Xu hướng — Chỉ số CNTT-TT"
    )
    assert link_title("Trends", {"trend": "hh_internet_pct", "year": "2024"}, CATALOG, "en") == (
        f"{HH.name('en')} · 2024 · Trends — ICT Indicators"
    )
    assert link_title("Xu hướng", {"period": "2025-Q3"}, CATALOG, "vi").startswith("2025-Q3 · ")


def test_a_link_s_other_words_are_left_out():
    for period in ("2024-2018", "20245", "<b>2024</b>", "2024-Q5", "1e3"):
        got = link_title("Dữ liệu", {"period": period, "ind": "DROP TABLE"}, CATALOG, "vi")
        assert got == "Dữ liệu — Chỉ số CNTT-TT", period
    assert page_title([], "en") == "ICT Indicators"
