"""The two languages meet in `indicators.core.i18n` only: wording a message, choosing one of two
texts, writing both side by side and reading one side back, and wording errors."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

import pytest

from indicators.core import i18n
from indicators.core.i18n import (
    MESSAGES,
    WordedError,
    bilingual,
    both,
    half,
    in_lang,
    joined,
    t,
)
from indicators.core.problems import REPORT_HEADERS, DataError, Problem, rule_problem


def test_t_words_a_message_in_either_language_with_its_parameters():
    assert t("kpi.vs_prev", "vi", period="2023") == "so với 2023"
    assert t("kpi.vs_prev", "en", period="2023") == "vs 2023"
    assert t("number.points", "en") == " pp"


def test_both_and_joined_put_vietnamese_first():
    assert both("problem.col.row") == "Dòng / Row"
    assert both("template.sheet.data", sep=" - ") == joined(
        t("template.sheet.data", "vi"), t("template.sheet.data", "en"), sep=" - "
    )


def test_in_lang_and_half_pick_the_readers_side():
    assert (in_lang("vi", "a", "b"), in_lang("en", "a", "b")) == ("a", "b")
    assert (half("Sơ bộ / Preliminary", "vi"), half("Sơ bộ / Preliminary", "en")) == (
        "Sơ bộ",
        "Preliminary",
    )
    assert half("Chỉ tiếng Việt", "en") == "Chỉ tiếng Việt"  # one language only: kept whole


def test_bilingual_makes_the_accessor_of_a_pair():
    @dataclass(frozen=True)
    class Named:
        name_vi: str
        name_en: str
        name = bilingual("name")

    x = Named("Tỉnh Khánh Hòa", "Khánh Hòa province")
    assert (x.name("vi"), x.name("en")) == ("Tỉnh Khánh Hòa", "Khánh Hòa province")


def test_a_worded_error_keeps_its_rule_and_params_and_says_both_languages():
    err = WordedError("chartspec.bad_indicator", code="x")
    assert (err.rule, err.params) == ("chartspec.bad_indicator", {"code": "x"})
    assert err.text("en") == "No indicator with code 'x' in the catalog"
    assert str(err) == f"{err.text('vi')} / {err.text('en')}"
    assert isinstance(err, ValueError)
    with pytest.raises(KeyError):
        WordedError("no.such.key")


def test_a_problem_is_worded_from_its_area_and_rule():
    p = rule_problem("not_a_flag", 3, "higher_is_better", "yes", area="catalog")
    assert (p.rule, p.reason_vi, p.reason_en) == (
        "not_a_flag",
        *MESSAGES["catalog.rule.not_a_flag"],
    )
    assert (p.hint_vi, p.hint_en) == ("", "")  # the catalog's rules have no hints
    assert p.message() == (
        "dòng 3 / row 3, cột 'higher_is_better' / column 'higher_is_better' — giá trị / value "
        "'yes': phải là 1 hoặc 0 / must be 1 or 0"
    )


def test_a_data_error_counts_its_problems_in_both_languages():
    probs = [Problem(n, None, None, "lý do", "reason") for n in range(1, 23)]
    text = str(DataError(probs, "tệp.csv"))
    assert text.startswith("tệp.csv: 22 lỗi / problem(s)\ndòng 1 / row 1: lý do / reason\n")
    assert text.endswith("\n… và 2 lỗi khác / and 2 more")


def test_the_report_headers_are_bilingual_where_one_column_holds_both():
    assert REPORT_HEADERS["row"] == "Dòng / Row"
    assert (REPORT_HEADERS["reason_vi"], REPORT_HEADERS["reason_en"]) == ("Lý do", "Reason")
    assert (REPORT_HEADERS["hint_vi"], REPORT_HEADERS["hint_en"]) == ("Cách sửa", "How to fix")


def test_each_message_file_holds_one_prefix():
    for name in i18n._FILES:
        keys = import_module(f"indicators.core.i18n.{name}").MESSAGES
        assert {k.split(".")[0] for k in keys} == {name}, name


def test_a_key_defined_twice_is_refused():
    with pytest.raises(ValueError, match="defined twice"):
        i18n._merge({"a.b": ("x", "y")}, {"a.b": ("x", "y")})
