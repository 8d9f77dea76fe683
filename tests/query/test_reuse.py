"""A new revision's answers built from the last revision's: only the indicators it touched are
read again, and what comes out is what a fresh read of the new revision gives."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from indicators.core.settings import RegionRef
from indicators.query import across_reform, page_reads, provinces
from indicators.query.reuse import Answers, changed_indicators, per_indicator, size_of
from indicators.store.revisions import Store
from tests.conftest import clone_store
from tests.query.test_across_reform import commit

HOME = (RegionRef("legacy", "56"), RegionRef("2025", "56"))
TOUCHED = "hh_internet_pct"


@pytest.fixture
def store(seeded_store, tmp_path, request) -> Store:
    """The bundled data, in a copy this test may add revisions to."""
    return clone_store(seeded_store, tmp_path / "copy.duckdb", request)


def reading(query, asked: list):
    """`query`, noting the indicators each real read asks for."""

    @per_indicator
    def read(con, rev, **kwargs):
        asked.append(tuple(kwargs.get("indicators", [kwargs.get("indicator")])))
        return query(con, rev, **kwargs)

    return read


KEY = ["indicator", "unit_list", "region", "period"]


def same(got, fresh) -> None:
    """The same rows with the same values and types (rows a read sorts as equal, a year and
    the plan phase ending with it, may come in either order)."""
    for g, f in zip(got, fresh, strict=True) if isinstance(got, tuple) else [(got, fresh)]:
        assert list(g.columns) == list(f.columns)
        key = [k for k in KEY if k in g]
        g, f = (x.sort_values(key, ignore_index=True) for x in (g, f))
        pd.testing.assert_frame_equal(g, f)


def correct_households(store: Store, catalog, regions, value: int) -> int:
    """A revision of one indicator: Khánh Hòa's households with internet in 2024, corrected."""
    return commit(
        store, catalog, regions, [f"{TOUCHED},2025,56,2024,{value},,,published,Sở KH&CN,"]
    )


def test_a_new_revision_reads_again_only_the_indicators_it_touched(store, catalog, regions):
    codes = tuple(i.code for i in catalog)
    asked: list = []
    home, answers = reading(page_reads.home, asked), Answers()
    wanted = {"indicators": codes, "refs": HOME}
    with store.connect(read_only=True) as con:
        rev1 = store.current_revision()
        answers.answer(home, con, rev1, wanted)
    assert asked == [codes]

    rev2 = correct_households(store, catalog, regions, 88)
    with store.connect(read_only=True) as con:
        assert changed_indicators(con, rev1, rev2) == {TOUCHED}
        got = answers.answer(home, con, rev2, wanted)
        fresh = page_reads.home(con, rev2, **wanted)
    assert asked[1:] == [(TOUCHED,)]
    same(got, fresh)
    series = got[0]
    new = series[(series["indicator"] == TOUCHED) & (series["period"] == "2024")]
    assert 88 in set(new["value"])  # the corrected figure is shown

    rev3 = store.rollback(rev1, author="t").id  # a rollback touches what it puts back
    with store.connect(read_only=True) as con:
        got = answers.answer(home, con, rev3, wanted)
        same(got, page_reads.home(con, rev3, **wanted))
        again = answers.answer(home, con, rev3, wanted)  # the same revision: kept as it is
    assert asked[2:] == [(TOUCHED,)]
    same(again, got)


def test_an_answer_no_revision_since_touched_is_kept(store, catalog, regions):
    asked: list = []
    trend, answers = reading(page_reads.trend, asked), Answers()
    wanted = {"indicator": "bts_count", "refs": HOME[1:], "unit_list": "2025"}
    with store.connect(read_only=True) as con:
        first = answers.answer(trend, con, store.current_revision(), wanted)
    rev = correct_households(store, catalog, regions, 77)
    with store.connect(read_only=True) as con:
        kept = answers.answer(trend, con, rev, wanted)
        same(kept, page_reads.trend(con, rev, **wanted))
        households = answers.answer(trend, con, rev, {**wanted, "indicator": TOUCHED})
    assert asked == [("bts_count",), (TOUCHED,)]  # bts_count once; a new question is read
    same(kept, first)
    kept[0].loc[:, "value"] = -1  # a caller changing its copy changes nothing kept
    with store.connect(read_only=True) as con:
        same(answers.answer(trend, con, rev, wanted), first)
    assert not households[0].empty


def test_the_data_pages_table_after_a_revision_is_the_fresh_one(store, catalog, regions):
    """Every indicator of the provinces on the new units, converted across the reform."""
    answers, asked = Answers(), []
    values = reading(across_reform.values_at_level, asked)
    wanted = {
        "unit_list": "2025",
        "level": "province",
        "indicators": tuple(i.code for i in catalog),
        "start": date(2016, 1, 1),
        "end": date(2030, 12, 31),
        "converted": True,
    }
    with store.connect(read_only=True) as con:
        answers.answer(values, con, store.current_revision(), wanted)
    rev = correct_households(store, catalog, regions, 66)
    with store.connect(read_only=True) as con:
        got = answers.answer(values, con, rev, wanted)
        same(got, across_reform.values_at_level(con, rev, **wanted))
    assert asked[1:] == [(TOUCHED,)]


def test_another_store_at_the_same_revision_is_read_afresh(
    store, seeded_store, catalog, regions, tmp_path, request
):
    """Revision numbers repeat across stores (and after a backup is put back): a kept answer
    counts only for the store and the revision it was read from."""
    other = clone_store(seeded_store, tmp_path / "other.duckdb", request)
    correct_households(store, catalog, regions, 55)
    correct_households(other, catalog, regions, 44)
    asked: list = []
    home, answers = reading(page_reads.home, asked), Answers()
    wanted = {"indicators": (TOUCHED,), "refs": HOME}
    got = []
    for s in (store, store, other):
        with s.connect(read_only=True) as con:
            got.append(answers.answer(home, con, s.current_revision(), wanted)[0])
    assert len(asked) == 2  # the same store again is kept; the other is read
    latest = [g.loc[g["period"] == "2024", "value"] for g in got]
    assert 55 in set(latest[0]) and 44 in set(latest[2]) and 55 not in set(latest[2])


def test_a_question_of_every_indicator_reads_again_only_the_touched_ones(store, catalog, regions):
    """The Provinces page's list of what it can compare counts every indicator's provinces."""
    answers, asked = Answers(), []
    known = reading(provinces.province_indicators, asked)
    with store.connect(read_only=True) as con:
        before = answers.answer(known, con, store.current_revision(), {})
    row = f"{TOUCHED},2025,01,2031,71.5,,,published,GSO,"  # Hà Nội, a year nobody had
    rev = commit(store, catalog, regions, [row])
    with store.connect(read_only=True) as con:
        got = answers.answer(known, con, rev, {})
        same(got, provinces.province_indicators(con, rev))
    assert asked == [(None,), (TOUCHED,)]
    assert len(got) == len(before) + 1 and "2031" in set(got["period"])


def test_the_kept_answers_stay_within_their_budget(store):
    """The least recently asked go first; an answer bigger than the whole budget is not kept."""
    asked: list = []
    home = reading(page_reads.home, asked)
    questions = [{"indicators": (code,), "refs": HOME} for code in ("bts_count", TOUCHED)]
    with store.connect(read_only=True) as con:
        rev = store.current_revision()
        sizes = [size_of(page_reads.home(con, rev, **q)) for q in questions]
        answers = Answers(budget=max(sizes) + min(sizes) // 2)  # room for one, not both
        for q in [*questions, questions[1], questions[0]]:
            answers.answer(home, con, rev, q)
        assert len(asked) == 3  # the second kept, the first read again after it went
        small = Answers(budget=min(sizes) - 1)
        for _ in range(2):
            small.answer(home, con, rev, questions[0])
    assert len(asked) == 5 and min(sizes) > 0  # too big to keep: read each time
