"""How each kind of URL-bound widget reads, checks and writes its `?key=` (ui.url_state).

The pages' links depend on these texts: codes, comma-separated lists, `first-last` ranges and
`1`/`0` switches, with anything unknown dropped rather than shown as an error.
"""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from indicators.core.settings import REPO_ROOT
from tests.conftest import app_store_at
from tests.pages.apptest import open_page
from ui.url_state import CHOICE, CHOICES, RANGE, SWITCH

YEARS = ["2016", "2020", "2024"]


def test_a_choice_is_its_code_and_an_unknown_one_falls_back_to_the_default():
    assert CHOICE.default(None, YEARS) == "2016" and CHOICE.default("2020", YEARS) == "2020"
    assert CHOICE.read("2024", YEARS, "2016") == "2024"
    assert CHOICE.read("1999", YEARS, "2016") == "2016"
    assert CHOICE.keep("gone", YEARS, "2020") == "2020"
    assert CHOICE.write("2024") == "2024"


def test_choices_are_comma_separated_and_unknown_codes_are_dropped():
    assert CHOICES.default(("56", "x"), ["56", "568"]) == ["56"]
    assert CHOICES.read("568,zzz,56", ["56", "568"], []) == ["568", "56"]
    assert CHOICES.read("", ["56"], ["56"]) == []  # `?ind=` chooses nothing
    assert CHOICES.read("56,56,568,56", ["56", "568"], []) == ["56", "568"]  # each code once
    assert CHOICES.keep(["56", "gone"], ["56"], []) == ["56"]
    assert CHOICES.write(["56", "568"]) == "56,568"


def test_a_range_is_first_dash_last_or_one_code_and_must_run_forward():
    full = RANGE.default(None, YEARS)
    assert full == ("2016", "2024")
    assert RANGE.read("2016-2020", YEARS, full) == ("2016", "2020")
    assert RANGE.read("2020", YEARS, full) == ("2020", "2020")
    assert RANGE.read("2024-2016", YEARS, full) == full  # reversed
    assert RANGE.read("2016-2030", YEARS, full) == full  # unknown end
    assert RANGE.read("", YEARS, full) == full
    assert RANGE.keep(("2020",), YEARS, full) == ("2020", "2020")
    assert RANGE.write(("2016", "2020")) == "2016-2020" and RANGE.write(("2020", "2020")) == "2020"


def test_a_switch_is_one_or_zero_and_anything_else_is_the_default():
    assert SWITCH.read("0", [], True) is False and SWITCH.read("1", [], False) is True
    assert SWITCH.read("yes", [], True) is True
    assert SWITCH.write(True) == "1" and SWITCH.write(False) == "0"


# -- links anyone can write: the pages open on what the widgets take, never on a traceback --------
# (AppTest runs the app in this process on a store of its own; a few page runs, seconds each)

TRENDS, BRIEFING = "ui/pages/trends.py", "ui/pages/briefing.py"
HUGE = "x" * 200_000
FIVE = [
    "post_commune_pct",
    "mobile_commune_pct",
    "fibre_commune_pct",
    "internet_commune_pct",
    "hh_internet_pct",
]


@pytest.fixture(scope="module", autouse=True)
def app_store(tmp_path_factory):
    with app_store_at(tmp_path_factory.mktemp("url_state")) as db:
        yield db


def opened(page: str, **params: str) -> AppTest:
    """The page opened as a link with these parameters: no exception, no error on the page."""
    at = open_page(page, **params)
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def url(at: AppTest, key: str) -> str | None:
    value = at.query_params.get(key)
    return value[0] if isinstance(value, list) else value


def chart_titles(at: AppTest) -> list[str]:
    return [json.loads(e.proto.spec)["layout"]["title"]["text"] for e in at.get("plotly_chart")]


def test_a_link_with_five_indicators_opens_the_first_four(catalog):
    at = opened(TRENDS, ind=",".join(FIVE))
    assert at.multiselect(key="w_ind_vi_trends").value == FIVE[:4]
    assert url(at, "ind") == ",".join(FIVE[:4])
    titles = chart_titles(at)
    assert all(catalog[code].name_vi in titles for code in FIVE[:4])
    assert catalog[FIVE[4]].name_vi not in titles


def test_garbage_and_huge_values_in_a_trends_link_fall_back_to_what_the_widgets_take():
    at = opened(
        TRENDS,
        ind=f"zzz,hh_internet_pct,hh_internet_pct,<img src=x>,{HUGE}",
        period="2030-1990",
        gran="<b>x</b>",
        era=HUGE,
        reg="56,56," + "9" * 5000 + ",[x](https://evil.example)",
    )
    assert at.multiselect(key="w_ind_vi_trends").value == ["hh_internet_pct"]  # known, once
    regions = [m for m in at.multiselect if m.key.startswith("w_reg_vi_trends")]
    assert [m.value for m in regions] == [["56"]]
    assert url(at, "gran") is None and url(at, "period") is None  # the defaults
    assert len(chart_titles(at)) == 2  # the trend and its growth bars


def test_a_link_with_a_thousand_charts_opens_twelve_and_names_a_few_left_out(catalog):
    good = [
        f"trend~{code}~legacy~56~{first}~2020~year"
        for code in FIVE
        for first in ("2016", "2017", "2018")
    ]
    junk = [f"junk{i}" for i in range(1000 - len(good) - 2)]
    at = opened(BRIEFING, charts=",".join([*good, *junk, HUGE, "<img src=x onerror=alert(1)>"]))
    assert url(at, "charts") == ",".join(good[:12])
    assert at.header[-2].value == "Bộ trình bày: 12 biểu đồ"
    warning = at.warning[0].value  # the first three left out, as code, and how many in all
    assert warning.startswith("Liên kết có ") and "biểu đồ không đọc được" in warning
    assert warning.endswith(f": `{good[12]}`, `{good[13]}`, `{good[14]}`, …")
    assert "<img" not in warning and "junk" not in warning


def test_a_chart_token_longer_than_a_chart_or_a_bad_slide_number_opens_the_first_slide():
    token = "trend~hh_internet_pct~legacy~56~2016~2020~year"
    for slide in ("²", "9" * 5000, "-1"):
        at = opened(BRIEFING, charts=f"{token},{token}~{HUGE}", present="1", slide=slide)
        assert any(m.value == "Trang 1/1" for m in at.markdown)


def test_garbage_in_links_to_overview_regions_and_data_opens_their_defaults():
    garbage = {"period": "99999", "level": "[x](y)", "era": "\x00", "unit": "<img src=x>"}
    at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=120)  # the first page
    for key, value in {"lang": HUGE, "trend": HUGE, "rank": "**x**", **garbage}.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception and not at.error
    assert at.title[0].value == "Chỉ số CNTT-TT tỉnh Khánh Hòa"  # in Vietnamese, the default
    assert len(at.metric) == 8
    at = opened("ui/pages/regions.py", indicator=HUGE, **garbage)
    assert at.selectbox(key="w_indicator_vi").value == "hh_internet_pct"  # the configured default
    at = opened("ui/pages/data.py", ind=HUGE, reg=HUGE, status="<b>", conv="2", **garbage)
    assert at.multiselect(key="w_ind_vi_data").value == []
