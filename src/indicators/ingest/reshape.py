"""A published table read through a confirmed recipe: our long text frame, ready to validate.

Each mapped series' cells become rows with the indicator's code, the unit (the one area the
analyst named, the home province by default, or the row's unit), the period (the row's, the
column's, or the one the table is about) and its status ('Sơ bộ' → preliminary); the "Nguồn:"
line is every value's source, and a footnote is the note of the values it covers (the years it
names, else all). Numbers are read per series (`conventions`) and handed on as exact numbers.
What is not imported is listed, never silently dropped.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from indicators.core.catalog import Catalog
from indicators.core.periods import PeriodError, parse_period
from indicators.core.problems import Problem
from indicators.geography.units import NEW, unit_list_for
from indicators.ingest.arrow_text import TEXT
from indicators.ingest.conventions import Convention, decide, read_numbers
from indicators.ingest.cross_checks import cross_checks
from indicators.ingest.mapping import AreaNames, is_country
from indicators.ingest.published import UNITS, Published, problem
from indicators.ingest.recipe import Recipe
from indicators.ingest.shapes import LongText

SHAPE = "published"
# How a column's numbers were read, and why (`conventions.Convention`): the note's rule
_READ = {
    ("vi", "evidence"): "numbers_vi_evidence", ("en", "evidence"): "numbers_en_evidence",
    ("vi", "table"): "numbers_vi_table", ("en", "table"): "numbers_en_table",
    ("vi", "whole"): "numbers_vi_whole", ("en", "whole"): "numbers_en_whole",
    ("vi", "analyst"): "numbers_vi_analyst", ("en", "analyst"): "numbers_en_analyst",
}  # fmt: skip
_SHOWN = 5  # names listed in a note about rows set aside


def apply_recipe(
    pub: Published,
    recipe: Recipe,
    catalog: Catalog,
    home: dict[str, str],
    areas: AreaNames,
) -> tuple[LongText, dict[str, Convention]]:
    """The table's mapped values as a long text frame, and how each series' numbers were read."""
    probs = _not_imported(pub, recipe, catalog)
    every = pub.values.copy()
    if pub.rows_are == UNITS:
        every, outside = _outside(every, areas)
        probs += outside
    mapped = catalog_codes(recipe, catalog)
    by_series = {k: g["text"][~g["typed"]] for k, g in every.groupby("series", sort=False)}
    whole = {k: k in mapped and catalog[recipe.series[k]].decimals == 0 for k in by_series}
    convs = decide(by_series, whole, recipe.numbers)
    every["value"] = _numbers(every, convs)
    probs += cross_checks(pub, every, recipe, catalog)
    undecided = {k for k, c in convs.items() if not c.decided}  # asked about: one error each
    vals = every[every["series"].isin(mapped - undecided)]
    convs = {k: c for k, c in convs.items() if k in mapped}
    probs += _conventions(pub, convs)
    frame = _frame(pub, recipe, vals, home, probs, areas)
    labels = {"indicator": "indicator", "period": "period", "value": "value", "status": "status"}
    labels["region_name" if pub.rows_are == UNITS else "region"] = "region"
    return LongText(frame, labels, SHAPE, probs), convs


def catalog_codes(recipe: Recipe, catalog: Catalog) -> set[str]:
    """The series keys of the recipe whose indicator is in this catalog."""
    return {k for k, code in recipe.series.items() if code in catalog}


def _not_imported(pub: Published, recipe: Recipe, catalog: Catalog) -> list[Problem]:
    """A note for every series, column and block that is not stored, saying why."""
    probs = []
    for s in pub.series:
        code = recipe.series.get(s.key)
        if s.growth and not code:
            probs.append(problem("growth_kept", None, s.label, s.key))
        elif not code:
            probs.append(problem("not_imported", None, s.label, s.key))
        elif code not in catalog:
            probs.append(problem("unknown_code", None, s.label, code, severity="error", code=code))
    probs += [problem("column_ignored", None, label, label) for label in pub.ignored]
    probs += [
        problem("read_as_year", None, text, text, year=year, example=text)
        for text, year in pub.read_as
    ]
    return probs


def _outside(vals: pd.DataFrame, areas: AreaNames) -> tuple[pd.DataFrame, list[Problem]]:
    """Rows naming a province outside this install, or the whole country, are set aside with
    one note (a ranking prints every province); a name no list knows stays, for validation to
    report. In a table of provinces a name is read as the province ('Hòa Bình' the province,
    not a ward of the same name)."""
    labels = list(pd.unique(vals["area"]))
    provinces = _is_province_table(labels, areas)
    outside = [
        a
        for a in labels
        if is_country(a)
        or (provinces and areas.province(a) and not _home_province(a, areas))
        or (not provinces and not areas.in_install(a) and areas.province(a))
    ]
    if not outside:
        return vals, []
    shown = ", ".join(outside[:_SHOWN]) + (" …" if len(outside) > _SHOWN else "")
    note = problem("outside_install", None, None, None, count=len(outside), names=shown)
    return vals[~vals["area"].isin(outside)], [note]


def _is_province_table(labels: list[str], areas: AreaNames) -> bool:
    named = sum(1 for a in labels if areas.province(a))
    return named >= max(2, 0.5 * len(labels))


def _home_province(label: str, areas: AreaNames) -> bool:
    return any(areas.is_install_province(ul, code) for ul, code in areas.province(label))


def _numbers(vals: pd.DataFrame, convs: dict[str, Convention]) -> pd.Series:
    """Each cell as an exact number's text ('1778489', '112.84'), or as printed when it is no
    number (validation then names the cell)."""
    out = vals["text"].copy()
    for key, idx in vals.groupby("series", sort=False).groups.items():
        part = vals.loc[idx]
        conv = convs[key]
        if not conv.decided:
            continue
        typed = part["typed"].to_numpy(dtype=bool)
        nums, bad = read_numbers(part["text"], conv)
        exact = ~bad & ~np.isnan(nums) & ~typed
        out.loc[idx[exact]] = [repr(float(x)) for x in nums[exact]]
    return out


def _conventions(pub: Published, convs: dict[str, Convention]) -> list[Problem]:
    """How each series' numbers were read (a note), or that the analyst must say (an error)."""
    label = {s.key: s.label for s in pub.series}
    probs = []
    for key, conv in convs.items():
        if conv.by == "undecided":
            probs.append(
                problem(
                    "numbers_undecided",
                    None,
                    label[key],
                    conv.example,
                    severity="error",
                    example=conv.example,
                )
            )
        elif conv.numbers:
            rule = _READ[conv.numbers, conv.by]
            probs.append(problem(rule, None, label[key], conv.example, example=conv.example))
    return probs


def _ranked_list(labels: pd.Series, areas: AreaNames) -> str:
    """The unit list a table of provinces ranks over (all its rows, the install's or not):
    the one list every name fits; or, when every name fits both, the 2025 list for a table of
    30 to 34 provinces (29 old provinces are gone from it, so an old ranking that long names
    one of them). '' when the names cannot tell: then each row's period decides."""
    lists = [{ul for ul, _ in areas.province(a)} for a in pd.unique(labels)]
    lists = [found for found in lists if found]
    common = set.intersection(*lists) if lists else set()
    if len(common) == 1:
        return common.pop()
    return NEW if NEW in common and 30 <= len(lists) <= 34 else ""


def _units(
    frame: pd.DataFrame, labels: pd.Series, period: pd.Series, areas: AreaNames, ranked: str
) -> None:
    """Each row's unit: a province of a ranking by its code in the list ranked over (the list
    in force for the period when the names fit both), any other unit by its name."""
    frame["region_name"] = labels.map(lambda a: areas.name_of(a) or a)
    if not _is_province_table(list(pd.unique(labels)), areas):
        frame["unit_list"] = ranked
        return
    lists = [ranked or _in_force(p) for p in period]
    codes = [_code_in(areas.province(a), ul) for a, ul in zip(labels, lists, strict=True)]
    frame["unit_list"] = lists
    frame["region"] = codes
    # the code decides: the printed name ('Ho Chi Minh City') was matched to it already
    frame["region_name"] = frame["region_name"].where(
        pd.Series(codes, index=frame.index).eq(""), ""
    )


def _in_force(period: str) -> str:
    try:
        return unit_list_for(parse_period(period).end)
    except PeriodError:
        return ""


def _code_in(found: set[tuple[str, str]], unit_list: str) -> str:
    return next((code for ul, code in found if ul == unit_list), "")


def _frame(
    pub: Published,
    recipe: Recipe,
    vals: pd.DataFrame,
    home: dict[str, str],
    probs: list,
    areas: AreaNames,
) -> pd.DataFrame:
    """Canonical text columns, plus the file row and the column label of every value."""
    label = {s.key: s.label for s in pub.series}
    period = vals["period"].where(vals["period"].ne(""), recipe.period or pub.default_period or "")
    if (period == "").any():  # one error for the table, not one per value
        probs.append(problem("no_period", None, None, pub.title, severity="error"))
        vals, period = vals[period.ne("")], period[period.ne("")]
    frame = pd.DataFrame(
        {
            "indicator": vals["series"].map(recipe.series),
            "period": period,
            "value": vals["value"],
            "status": vals["status"].fillna("").astype(TEXT),
            "source": pub.parts.source,
            "note": _notes(pub, period),
            "_row": vals["row"].astype(int),
            "_value_col": vals["series"].map(label),
            "_typed_value": vals["typed"].astype(bool),
        },
        index=vals.index,
    )
    frame["_typed_value"] |= frame["value"].ne(vals["text"])  # read here: exact
    if pub.rows_are == UNITS:
        _units(frame, vals["area"], period, areas, _ranked_list(pub.values["area"], areas))
    elif recipe.area is not None:
        frame["unit_list"], frame["region"] = recipe.area
    else:
        frame["region"] = [_home(p, home) for p in period]
    return frame.reset_index(drop=True)


def _home(period: str, home: dict[str, str]) -> str:
    """The home province's code in the unit list in force at the end of `period`."""
    try:
        return home.get(unit_list_for(parse_period(period).end), "")
    except PeriodError:
        return next(iter(home.values()), "")


def _notes(pub: Published, period: pd.Series) -> pd.Series:
    """A footnote on the values it covers: those of the years it names, else every value."""
    out = pd.Series("", index=period.index)
    for note in pub.parts.notes:
        years = set(re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", note))
        covered = period.str[:4].isin(years) if years & set(period.str[:4]) else period.ne("~")
        out = out.where(~covered, (out + " " + note).str.strip())
    return out
