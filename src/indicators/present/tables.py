"""Tables people read: the Trends table beside a chart and the Data page's table.

Headers and labels in the reader's language, numbers kept as numbers (so they sort and export
exactly); `styled` formats them for the screen through Babel.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pandas as pd
from pandas.io.formats.style import Styler

from indicators.core.catalog import Catalog, Indicator
from indicators.core.i18n import t
from indicators.core.numbers import format_number
from indicators.core.periods import parse_period
from indicators.core.schema import REFORM_COLUMNS

# Rows of a chart's figures drawn under it (`ui.charts`), and of the changes History lists; the
# CSV beside a chart holds them all. Sending tens of thousands of rows on every run of a page
# takes seconds (measured on the Data page, which now draws a page at a time: PAGE_ROWS).
MAX_ROWS_SHOWN = 1000
# Rows of a long table drawn at a time, the reader paging through the rest (`ui.paging`): the
# browser's grid costs time for every row it is sent. On the national example store (warm
# opens, old and new code in one run) History went from 1.56x a bare one-chart page to 1.32x.
# A Styler costs on top of its rows: the Data page's 200 styled rows 1.40x, plain 0.95x.
PAGE_ROWS = 200

DATA_COLUMNS = (
    "indicator_name", "region_name", "period_label", "value", "unit", "status", "origin",
    "source", "numerator", "denominator", "note", "indicator", "region", "period", "level",
    "unit_list",
)  # fmt: skip
# Added after `origin` when the values cross the 2025 reform (`indicators.query.across_reform`);
# the `converted` flag itself is not a column of its own.
SHOWN_REFORM_COLUMNS = tuple(c for c in REFORM_COLUMNS if c != "converted")


def header(key: str, lang: str) -> str:
    return t(f"col.{key}", lang)


def _per_code(codes: pd.Series, label: Callable[[Any], str]) -> list[str]:
    """`label(code)` for each row's code, worked out once per distinct code ("" where a row has
    none): a national table repeats a few hundred codes over a hundred thousand rows."""
    codes = pd.Series(codes)
    distinct = {c: label(c) for c in codes.dropna().unique()}
    return codes.map(distinct).astype(object).fillna("").tolist()


def _labels(codes: pd.Series, prefix: str, lang: str) -> list[str]:
    return _per_code(codes, lambda c: t(f"{prefix}.{c}", lang) if isinstance(c, str) else "")


def _period_labels(codes: pd.Series, lang: str) -> list[str]:
    return _per_code(codes, lambda c: parse_period(c).label(lang))


def _yes_no(flags: pd.Series, lang: str) -> list[str]:
    yes, no = t("reform.yes", lang), t("reform.no", lang)
    return [yes if f else no for f in flags.astype("boolean").fillna(False)]


def reform_columns(values: pd.DataFrame, lang: str) -> dict[str, list]:
    """Which values were converted across the 2025 reform: estimate yes/no, basis, the unit
    list the figure was reported on ('' for values not converted)."""
    conv = values["converted"].fillna(False).astype(bool).to_numpy()
    basis = _labels(values["basis"].where(conv, None), "reform.basis", lang)
    source = _labels(values["from_unit_list"], "unitlist", lang)
    return {
        "estimate": _yes_no(values["estimate"], lang),
        "basis": basis,
        "from_unit_list": source,
    }


def data_table(
    values: pd.DataFrame, catalog: Catalog, units: pd.DataFrame, lang: str
) -> pd.DataFrame:
    """Resolved values (read.RESOLVED_COLUMNS) as the Data page lists and exports them.

    Values with the reform columns (`query.across_reform.converted_series`) also get
    'Estimate (boundary change)', 'Conversion basis' and 'Reported on' after 'How obtained'.
    """
    names = dict(zip(units["code"], units["name"], strict=True))
    levels = dict(zip(units["code"], units["level"], strict=True))
    codes, regions = values["indicator"], values["region"]

    def name(code: str) -> str:
        return catalog[code].name(lang) if code in catalog else code

    def unit(code: str) -> str:
        return catalog[code].unit(lang) if code in catalog else ""

    def level(region: str) -> str:
        return t(f"level.{levels[region]}", lang) if isinstance(levels.get(region), str) else ""

    out = pd.DataFrame(
        {
            "indicator_name": _per_code(codes, name),
            "indicator": codes.to_numpy(),
            "unit": _per_code(codes, unit),
            "unit_list": _labels(values["unit_list"], "unitlist", lang),
            "region_name": _per_code(regions, lambda c: names.get(c, c)),
            "region": regions.to_numpy(),
            "level": _per_code(regions, level),
            "period_label": _period_labels(values["period"], lang),
            "period": values["period"].to_numpy(),
            "value": values["value"].astype("float64").to_numpy(),
            "numerator": values["numerator"].astype("float64").to_numpy(),
            "denominator": values["denominator"].astype("float64").to_numpy(),
            "status": _labels(values["status"], "status", lang),
            "origin": _labels(values["origin"], "origin", lang),
            "source": values["source"].fillna("").to_numpy(),
            "note": values["note"].fillna("").to_numpy(),
        }
    )
    columns = list(DATA_COLUMNS)
    if "converted" in values:
        for k, col in reform_columns(values, lang).items():
            out[k] = col
        at = columns.index("origin") + 1
        columns[at:at] = SHOWN_REFORM_COLUMNS
    return out[columns].rename(columns={k: header(k, lang) for k in columns})


def value_decimals(indicators: pd.Series, catalog: Catalog) -> pd.Series:
    """Each row's decimals for display, from its indicator."""
    decimals = {c: catalog[c].decimals if c in catalog else 2 for c in indicators.unique()}
    return indicators.map(decimals).astype("int64")


def trend_table(
    values: pd.DataFrame, ind: Indicator, regions: dict[str, str], granularity: str, lang: str
) -> pd.DataFrame:
    """One indicator's values and growth index per area and period (after roll-up)."""
    rows = values[(values["indicator"] == ind.code) & values["region"].isin(list(regions))]
    order = {code: i for i, code in enumerate(regions)}
    rows = rows.assign(_o=rows["region"].map(order)).sort_values(["_o", "period_end"])
    growth = rows["growth"] if "growth" in rows else pd.Series(float("nan"), index=rows.index)
    out = pd.DataFrame(
        {
            "region_name": [regions[c] for c in rows["region"]],
            "period_label": _period_labels(rows["period"], lang),
            "value": rows["value"].astype("float64").to_numpy(),
            "growth": growth.astype("float64").to_numpy(),
            "status": _labels(rows["status"], "status", lang),
            "region": rows["region"].to_numpy(),
            "period": rows["period"].to_numpy(),
            "origin": _labels(rows["origin"], "origin", lang),
            "source": rows["source"].fillna("").to_numpy(),
        }
    )
    if "converted" in rows:  # origin says 'rolled up' for a rolled-up converted value
        conv = rows["converted"].fillna(False).astype(bool).to_numpy()
        out.loc[conv, "origin"] = t("origin.converted", lang)
        for k, col in reform_columns(rows, lang).items():
            out[k] = col
    names = {k: header(k, lang) for k in out.columns if k != "growth"}
    names["value"] = f"{header('value', lang)} ({ind.unit(lang)})"
    names["growth"] = t(f"growth.base.{granularity}", lang)
    return out.rename(columns=names)


def formatted_once(sty: Styler) -> Styler:
    """`sty`, made to write its cells once however often it is drawn.

    Streamlit draws a Styler by asking it for every cell's text (`_compute`, `_translate`,
    pandas' own steps) at every run of a page: 0.15-0.3 s for 1,000 rows of the Data page on
    this project's machines, each time a reader opens it or changes a filter. A view keeps its
    Styler and every reader shares it (`ui.views`), so the first draw works the text out and
    the next ones reuse it. Only formats are set (nothing that depends on more than the
    values), so the answer never changes; the lock keeps two first readers from working it
    out at once. The two steps are replaced on this one object, not in a subclass: Streamlit
    knows a Styler by its exact class.
    """
    lock, compute, translate = threading.Lock(), sty._compute, sty._translate
    done: dict[tuple, Any] = {}

    def compute_once() -> Styler:
        with lock:
            if "computed" not in done:
                done["computed"] = compute()
        return sty

    def translate_once(*args: Any, **kwargs: Any) -> dict:
        key = (args, tuple(sorted(kwargs.items())))
        with lock:
            if key not in done:
                done[key] = translate(*args, **kwargs)
            return done[key]

    sty._compute, sty._translate = compute_once, translate_once
    return sty


def styled(frame: pd.DataFrame, decimals: pd.Series | int, columns: list[str], lang: str) -> Styler:
    """The frame with numbers in `columns` written the reader's way (99,2 / 99.2), written once
    however often it is drawn (`formatted_once`)."""
    dec = pd.Series(decimals, index=frame.index) if isinstance(decimals, int) else decimals
    sty = frame.style.hide(axis="index")
    for d in sorted(set(dec)):
        rows = frame.index[dec.to_numpy() == d]
        sty = sty.format(
            lambda v, d=d: "—" if pd.isna(v) else format_number(v, lang, d),
            subset=pd.IndexSlice[rows, columns],
        )
    return formatted_once(sty)


def changes_table(
    changes: pd.DataFrame, catalog: Catalog, names: dict[tuple[str, str], str], lang: str
) -> pd.DataFrame:
    """Rows an upload or a revision changes (`Store.preview(...).changes`, `Store.diff`), old
    value beside new, for an analyst to check before saving or when tracing a revision.

    `names` maps (unit_list, code) to a unit's name. Values are written the reader's way.
    """
    inds = [catalog.get(c) for c in changes["indicator"]]

    def num(col: str) -> list[str]:
        vals = changes[col] if col in changes else pd.Series(float("nan"), index=changes.index)
        return [
            "" if pd.isna(v) else format_number(v, lang, i.decimals if i else 2)
            for v, i in zip(vals, inds, strict=True)
        ]

    def status(col: str) -> list[str]:
        vals = changes[col] if col in changes else pd.Series(None, index=changes.index)
        return _labels(vals, "status", lang)

    out = pd.DataFrame(
        {
            t("changes.change", lang): _labels(changes["change"], "changes.kind", lang),
            header("indicator_name", lang): [
                i.name(lang) if i else c for i, c in zip(inds, changes["indicator"], strict=True)
            ],
            header("region_name", lang): [
                names.get((unit_list, r), r)
                for unit_list, r in zip(changes["unit_list"], changes["region"], strict=True)
            ],
            header("period_label", lang): _period_labels(changes["period"], lang),
            t("changes.old", lang): num("value_old"),
            t("changes.new", lang): num("value_new"),
            t("changes.status_old", lang): status("status_old"),
            t("changes.status_new", lang): status("status_new"),
            header("unit_list", lang): _labels(changes["unit_list"], "unitlist", lang),
            header("region", lang): changes["region"].to_numpy(),
        }
    )
    return out


def as_text(frame: pd.DataFrame, decimals: int, columns: list[str], lang: str) -> pd.DataFrame:
    """The frame with numbers in `columns` as the reader writes them and '—' where missing.

    For short tables read rather than sorted: a browser grid shows a missing number as 'None'.
    """
    out = frame.copy()
    for col in columns:
        out[col] = ["—" if pd.isna(v) else format_number(v, lang, decimals) for v in frame[col]]
    return out
