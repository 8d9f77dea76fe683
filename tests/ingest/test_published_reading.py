"""How a published table is read: merged cells, ties, split rank-and-score cells, province names
written five ways, number conventions per column, the checks such a table allows, and recipes
recognised on the next edition (issue 13). The tables are the corpus of `published_examples`."""

from __future__ import annotations

import pytest

from indicators.ingest.check import GIVEN, PROPOSED, RECOGNISED
from indicators.ingest.published import RANK, SCORE
from indicators.ingest.raw_table import Grid
from indicators.ingest.reading import read_grid
from indicators.ingest.recipe import Recipe, RecipeError
from indicators.ingest.unitmatch import province_key
from tests.ingest.published_examples import (
    DISTRICTS,
    DTI_2022,
    EGOV_2017,
    ICT_2019,
    POSTAL,
    YEARBOOK_2020,
    YEARBOOK_2021,
    Example,
    xlsx_bytes,
)
from tests.ingest.test_published_tables import check, confirmed


def _recipe(ex: Example, fmt: str = "csv", name: str = "test") -> Recipe:
    return confirmed(ex, check(ex, fmt)).renamed(name)


def _rules(checked, severity: str) -> list:
    return [p for p in checked.problems if p.severity == severity]


def test_merged_cells_of_an_xlsx_are_expanded_as_a_reader_sees_them():
    grid: Grid = read_grid(xlsx_bytes(YEARBOOK_2020), "nien-giam.xlsx")
    assert (0, 0, 0, 4) in grid.merged  # the title across A1:E1
    title = grid.cells.iat[0, 0]
    assert title.startswith("208.") and list(grid.cells.iloc[0, :5]) == [title] * 5
    # 'Chia ra - Of which' spans B5:D5 … as merged over C5:D5 in the sheet
    assert grid.cells.iat[4, 2] == grid.cells.iat[4, 3] == "Chia ra - Of which"


def test_a_misprinted_growth_index_is_a_warning_naming_both_numbers():
    checked = check(YEARBOOK_2020, "csv", recipe=_recipe(YEARBOOK_2020))
    growth = [p for p in checked.warnings if p.rule == "growth_differs"]
    assert len(growth) == 1
    assert "112,41" in growth[0].reason_vi and "112,14" in growth[0].reason_vi
    assert "2019" in growth[0].reason_en and growth[0].value == "112,41"
    assert checked.ok  # a warning: the values can still be stored


def test_a_total_row_that_is_not_the_sum_of_its_districts_is_a_warning():
    checked = check(DISTRICTS, "csv", recipe=_recipe(DISTRICTS))
    totals = [p for p in checked.warnings if p.rule == "total_differs"]
    assert [(p.row, "176.912" in p.reason_vi, "176.908" in p.reason_vi) for p in totals] == [
        (5, True, True)
    ]


def test_tied_ranks_are_kept_as_printed():
    pub = check(DTI_2022, "csv").published
    ranks = pub.values[pub.values["series"].eq("Xếp hạng")].set_index("area")["text"]
    assert (ranks["Thanh Hóa"], ranks["Yên Bái"], ranks["Hậu Giang"]) == ("15", "15", "17")


def test_a_rank_and_score_cell_becomes_two_series():
    pub = check(ICT_2019, "xlsx").published
    parts = {s.part for s in pub.series}
    assert parts == {RANK, SCORE}
    overall = pub.values[pub.values["area"].eq("Khánh Hòa") & pub.values["column"].eq(2)]
    assert sorted(overall["text"]) == ["0,6012", "11"]


def test_a_rank_over_its_score_on_two_lines_is_split_too():
    rows = [["Xếp hạng DTI năm 2023", "", ""], ["TT", "Tỉnh/Thành phố", "DTI 2023"]]
    rows += [["1", "TP. Đà Nẵng", "1\n(0,6419)"], ["2", "Bắc Ninh", "2\n(0,6102)"]]
    rows += [["3", "Khánh Hòa", "3\n(0,6020)"]]
    ex = Example("two_lines", "made for this test", rows, mapping={"dti 2023": "dti_rank"})
    checked = check(ex, "csv", recipe=_recipe(ex))
    assert checked.ok
    got = checked.frame[["indicator", "region", "period", "value"]].itertuples(index=False)
    assert sorted(got) == [("dti_rank", "27", "2023", 2.0), ("dti_rank", "48", "2023", 1.0),
                           ("dti_rank", "56", "2023", 3.0)]  # fmt: skip


@pytest.mark.parametrize(
    "names",
    [
        ("Khánh Hòa", "Khánh Hoà", "Khanh Hoa", "Tỉnh Khánh Hòa", "KHÁNH HÒA"),
        (
            "TP. Hồ Chí Minh",
            "Thành phố Hồ Chí Minh",
            "Ho Chi Minh City",
            "TP Hồ Chí Minh",
            "Hồ Chí Minh",
        ),
        (
            "Thừa Thiên - Huế",
            "Thừa Thiên Huế",
            "Thua Thien - Hue",
            "Tỉnh Thừa Thiên Huế",
            "THỪA THIÊN-HUẾ",
        ),
        (
            "Bà Rịa - Vũng Tàu",
            "Bà Rịa-Vũng Tàu",
            "Ba Ria - Vung Tau",
            "Tỉnh Bà Rịa – Vũng Tàu",
            "Bà Rịa Vũng Tàu",
        ),
        ("Thanh Hóa", "Thanh Hoá", "Thanh Hoa", "Tỉnh Thanh Hóa", "THANH HOÁ"),
    ],
)
def test_a_province_written_five_ways_is_one_name(names):
    assert len({province_key(n) for n in names}) == 1


def test_each_column_says_how_its_numbers_were_read():
    yearbook = check(YEARBOOK_2020, "csv", recipe=_recipe(YEARBOOK_2020))
    assert {p.rule for p in yearbook.problems} >= {"numbers_vi_evidence"}
    dti = check(DTI_2022, "csv", recipe=_recipe(DTI_2022))
    read = {p.column: p.rule for p in dti.problems if p.rule.startswith("numbers_")}
    assert read == {"Điểm": "numbers_en_evidence"}  # 0.8002: four places after a point
    scores = dti.frame[dti.frame["indicator"].eq("dti_score")].set_index("region")["value"]
    assert (scores["56"], scores["58"], scores["48"]) == (0.5291, 0.5979, 0.8002)


def test_a_column_that_cannot_be_decided_is_asked_about_then_read_as_chosen():
    rows = [["Số trạm BTS", ""], ["Năm", "Số trạm"], ["2020", "1.250"], ["2021", "1.340"]]
    ex = Example("bts", "made for this test", rows, mapping={"so tram": "post_radius_km"})
    recipe = _recipe(ex)  # an amount with decimals: '1.250' may be 1.25 or 1250
    asked = check(ex, "csv", recipe=recipe)
    assert [p.rule for p in asked.errors] == ["numbers_undecided"]
    assert len(asked.frame) == 0
    key = next(iter(recipe.series))
    answered = check(ex, "csv", recipe=Recipe(**{**recipe.__dict__, "numbers": {key: "en"}}))
    assert answered.ok and sorted(answered.frame["value"]) == [1.25, 1.34]


def test_excel_dates_in_year_headers_are_read_as_years_and_said_so():
    for fmt in ("csv", "xlsx"):
        checked = check(POSTAL, fmt, recipe=_recipe(POSTAL, fmt))
        assert set(checked.frame["period"]) == {"2016", "2017", "2018", "2019", "2020"}
        assert sum(p.rule == "read_as_year" for p in checked.problems) == 5


def test_series_not_imported_are_listed_never_dropped_silently():
    checked = check(ICT_2019, "csv", recipe=_recipe(ICT_2019))
    listed = {p.value for p in checked.problems if p.rule == "not_imported"}
    assert len(listed) == len(checked.published.series) - 1  # all but the overall rank
    assert any("Hạ tầng kỹ thuật" in key for key in listed)
    ignored = [p for p in checked.problems if p.rule == "column_ignored"]
    assert [p.column for p in ignored] == ["TT"]  # the running number is not the rank
    nothing = check(EGOV_2017, "csv", recipe=_recipe(EGOV_2017))
    assert len(nothing.frame) == 0 and nothing.published.series


def test_the_next_edition_is_recognised_by_its_title_and_labels():
    recipe = _recipe(YEARBOOK_2020, name="Thuê bao NGTK")
    for fmt in ("csv", "xlsx"):
        checked = check(YEARBOOK_2021, fmt, recipes=[recipe])
        assert checked.recipe_use == RECOGNISED and checked.recipe.name == "Thuê bao NGTK"
        assert checked.ok and len(checked.frame) == 14
    other = check(DISTRICTS, "csv", recipes=[recipe])  # another table is not taken for it
    assert other.recipe_use == PROPOSED
    given = check(YEARBOOK_2021, "csv", recipe=recipe)
    assert given.recipe_use == GIVEN


def test_a_recipe_is_a_small_text_file_that_round_trips():
    recipe = _recipe(DTI_2022, name="DTI cấp tỉnh")
    text = recipe.to_text()
    assert Recipe.from_text(text) == recipe
    assert len(text.encode()) < 4000 and '"format": "chi-so-cntt-recipe"' in text


@pytest.mark.parametrize(
    "text, rule",
    [
        ("not json {", "recipe.error.not_json"),
        ("x" * 30_000, "recipe.error.too_long"),
        ('{"format": "other"}', "recipe.error.format"),
        ('{"format": "chi-so-cntt-recipe", "version": 9}', "recipe.error.version"),
        (
            '{"format": "chi-so-cntt-recipe", "version": 1, "name": "../../etc"}',
            "recipe.error.name",
        ),
        ('{"format": "chi-so-cntt-recipe", "version": 1, "name": "<b>x</b>"}', "recipe.error.name"),
        (
            '{"format": "chi-so-cntt-recipe", "version": 1, "name": "a", "series": [1]}',
            "recipe.error.field",
        ),
        ("[" * 100_00, "recipe.error.not_json"),
    ],
)
def test_a_hostile_recipe_file_is_refused_with_a_reason(text, rule):
    with pytest.raises(RecipeError) as err:
        Recipe.from_text(text)
    assert err.value.rule == rule
    assert err.value.text("vi") and err.value.text("en")


def test_a_ranking_without_a_year_asks_for_its_period():
    rows = [["Xếp hạng chuyển đổi số", "", "", ""], ["TT", "Tỉnh", "Điểm", "Xếp hạng"]]
    rows += [["1", "Khánh Hòa", "0.7071", "16"], ["2", "Ninh Thuận", "0.6000", "20"]]
    rows += [["3", "Lâm Đồng", "0.5000", "25"]]
    ex = Example("no_year", "made for this test", rows, mapping={"xep hang": "dti_rank"})
    recipe = _recipe(ex)
    assert [p.rule for p in check(ex, "csv", recipe=recipe).errors] == ["no_period"]
    dated = Recipe(**{**recipe.__dict__, "period": "2024"})
    checked = check(ex, "csv", recipe=dated)
    assert checked.ok and set(checked.frame["period"]) == {"2024"}
    assert sorted(checked.frame["region"]) == ["56", "58", "68"]  # Lâm Đồng: a national unit
    assert not any(p.rule == "outside_install" for p in checked.problems)


def test_the_analyst_can_say_where_the_periods_are():
    """Found: years down the rows. Said otherwise (one period), the table is read again that
    way: its rows become the series to map, and the recipe keeps the choice."""
    recipe = _recipe(YEARBOOK_2020)
    assert check(YEARBOOK_2020, "csv", recipe=recipe).published.axis == "rows"
    one_period = Recipe(**{**recipe.__dict__, "axis": "none", "period": "2020"})
    again = check(YEARBOOK_2020, "csv", recipe=one_period)
    assert again.published.axis == "none" and again.recipe.axis == "none"
    assert any(s.label.startswith("2015 › ") for s in again.published.series)
    assert Recipe.from_text(one_period.to_text()).axis == "none"
    with pytest.raises(RecipeError):
        Recipe.from_text(one_period.to_text().replace('"axis": "none"', '"axis": "diagonal"'))
