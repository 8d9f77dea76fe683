"""Tables as published reach the canonical rows written by hand (issue 13).

Every example of `published_examples` (a yearbook, its next edition, a district table, a postal
table with Excel's date accidents, DTI and ICT Index rankings, an English ranking, a report
annex, real yearbooks of Quảng Ngãi and Nghệ An, an e-government ranking; sources in
PUBLISHED_SOURCES.md) is uploaded as CSV and as XLSX with merged cells: first it is proposed a
mapping and nothing can be stored, then, with the mapping the test confirms, it gives exactly
the rows written by hand in the example, with the source and note it prints.
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path

import numpy as np
import pytest

from indicators.core.catalog import load_catalog
from indicators.core.folding import fold
from indicators.geography.units import build_regions, own_units
from indicators.ingest.check import PROPOSED, Checked, check_upload
from indicators.ingest.mapping import AreaNames
from indicators.ingest.published import SCORE, UNITS
from indicators.ingest.recipe import Recipe
from indicators.ingest.unitmatch import UnitMatcher
from tests.ingest.published_examples import (
    EXAMPLES,
    OTHER_INSTALL_EXPECTED,
    Example,
    csv_bytes,
    xlsx_bytes,
)

ROOT = Path(__file__).resolve().parents[2]
CATALOG = load_catalog(ROOT / "data" / "catalog.csv")
HOME = (("legacy", ("56", "58")), ("2025", ("56",)))  # the bundled install's unit lists
OTHER = {ex.name: ex for ex in EXAMPLES if ex.name in OTHER_INSTALL_EXPECTED}
HERE = [ex for ex in EXAMPLES if ex.name not in OTHER]
FORMATS = {"csv": csv_bytes, "xlsx": xlsx_bytes}


@cache
def regions(sources=HOME):
    return build_regions(sources)


def confirmed(ex: Example, proposed: Checked) -> Recipe:
    """The mapping an analyst would confirm: the example's, by a distinctive part of a label."""
    pub = proposed.published
    series = {}
    for s in pub.series:
        for part, code in ex.mapping.items():
            kind = CATALOG[code].kind
            if part in fold(s.label) and not s.growth and not (s.part == SCORE and kind == "rank"):
                series.setdefault(s.key, code)
    area = ex.area if pub.rows_are != UNITS else None
    return Recipe("test", pub.title, series, tuple(pub.labels()), area, None)


def rows_of(checked: Checked, sources=HOME) -> list[tuple]:
    """The stored rows of the install's own units (a ranking's other provinces are stored too,
    on the national level: `test_a_ranking_stores_every_province_as_printed`)."""
    units = regions(sources)
    mine = set(
        zip(
            units.loc[own_units(units), "unit_list"],
            units.loc[own_units(units), "code"],
            strict=True,
        )
    )
    f = checked.frame
    f = f[np.array([(ul, c) in mine for ul, c in zip(f["unit_list"], f["region"], strict=True)],
                   dtype=bool)]  # fmt: skip
    cols = ["indicator", "unit_list", "region", "period", "value", "status"]
    return sorted(tuple(r) for r in f[cols].itertuples(index=False))


def same_rows(got: list[tuple], want: tuple[tuple, ...]) -> None:
    want_sorted = sorted(want)
    assert [r[:4] for r in got] == [r[:4] for r in want_sorted]
    for g, w in zip(got, want_sorted, strict=True):
        assert math.isclose(g[4], w[4], rel_tol=1e-12), (g, w)
        assert g[5] == w[5], (g, w)


def check(ex: Example, fmt: str, sources=HOME, home=None, recipe=None, recipes=()) -> Checked:
    data = FORMATS[fmt](ex)
    name = f"{ex.name}.{fmt}"
    options = {"recipe": recipe, "recipes": recipes, "home": home}
    return check_upload(data, name, CATALOG, regions(sources), **options)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("ex", HERE, ids=lambda e: e.name)
def test_a_published_table_is_proposed_a_mapping_and_stores_nothing_yet(ex, fmt):
    checked = check(ex, fmt)
    assert checked.recipe_use == PROPOSED and checked.needs_mapping
    assert checked.published is not None and checked.published.series
    assert len(checked.frame) == 0 and not checked.ok
    assert any(p.rule == "needs_mapping" for p in checked.errors)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("ex", HERE, ids=lambda e: e.name)
def test_with_the_confirmed_mapping_it_reaches_the_rows_written_by_hand(ex, fmt):
    recipe = confirmed(ex, check(ex, fmt))
    checked = check(ex, fmt, recipe=recipe)
    assert not checked.errors, [(p.row, p.column, p.value, p.reason_en) for p in checked.errors]
    same_rows(rows_of(checked), ex.expected)
    if ex.expected_source is not None and len(checked.frame):
        assert set(checked.frame["source"]) == {ex.expected_source}
    if ex.expected_note is not None and len(checked.frame):
        assert checked.frame["note"].str.contains(ex.expected_note, regex=False).any()


@pytest.mark.parametrize("ex", OTHER.values(), ids=lambda e: e.name)
def test_another_province_reads_its_own_yearbook(ex):
    """An install for the table's province (its unit list only) stores the rows for it."""
    code = ex.area[1]
    sources = (("legacy", (code,)),)
    for fmt in FORMATS:
        recipe = confirmed(ex, check(ex, fmt, sources, {"legacy": code}))
        checked = check(ex, fmt, sources, {"legacy": code}, recipe)
        assert not checked.errors, [(p.row, p.reason_en) for p in checked.errors]
        same_rows(rows_of(checked, sources), OTHER_INSTALL_EXPECTED[ex.name])


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_ranking_stores_every_province_as_printed(fmt):
    """With the national level, the DTI 2022 ranking stores the rank of all 63 old provinces as
    printed (the tie 15, 15, 17 kept), each on its own code however the table names it."""
    ex = next(e for e in EXAMPLES if e.name == "dti_2022_ranking_63")
    checked = check(ex, fmt, recipe=confirmed(ex, check(ex, fmt)))
    assert checked.ok
    ranks = checked.frame[checked.frame["indicator"] == "dti_rank"].set_index("region")["value"]
    assert len(ranks) == 63 and sorted(ranks.astype(int)) == [*range(1, 16), 15, *range(17, 64)]
    areas = AreaNames(UnitMatcher(regions(HOME)), ("legacy", "2025"))
    for row in (r for r in ex.rows if r[0].isdigit()):  # TT | name | score | rank, as printed
        (code,) = {c for ul, c in areas.province(row[1]) if ul == "legacy"}
        assert ranks[code] == float(row[3]), row
