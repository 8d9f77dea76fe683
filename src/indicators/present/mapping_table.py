"""The mapping of a published table as the analyst edits it: one row per series, and back.

The Upload page shows these rows in an editable table (which indicator, how numbers are
written), and turns the edited rows into a `Recipe`. Kept here, away from Streamlit, so the
round trip is tested without a browser and the command line could print the same table.
"""

from __future__ import annotations

import re

import pandas as pd

from indicators.core.catalog import Catalog
from indicators.core.i18n import t
from indicators.ingest.conventions import Convention
from indicators.ingest.published import COLUMNS, NONE, ROWS, UNITS, Published
from indicators.ingest.recipe import Recipe, valid_name

EDITOR_COLUMNS = ("series", "block", "indicator", "confidence", "numbers")
NUMBER_CHOICES = ("auto", "vi", "en")  # as the file shows / 1.234,5 / 1,234.5
_NAME_CHARS = re.compile(r"[^\w ()\-–]")


def no_indicator(lang: str) -> str:
    return t("mapping.none", lang)


def indicator_options(catalog: Catalog, lang: str) -> list[str]:
    """'— không nhập —' then 'code · name' for every indicator, in catalog order."""
    return [no_indicator(lang), *(_option(i.code, catalog, lang) for i in catalog)]


def _option(code: str, catalog: Catalog, lang: str) -> str:
    return f"{code} · {catalog[code].name(lang)}"


def number_options(lang: str) -> dict[str, str]:
    return {c: t(f"mapping.numbers.{c}", lang) for c in NUMBER_CHOICES}


def mapping_rows(
    pub: Published,
    recipe: Recipe,
    confidence: dict[str, float],
    catalog: Catalog,
    lang: str,
) -> pd.DataFrame:
    """The editor's rows (index: the series keys); growth series are listed as cross-checks."""
    numbers = number_options(lang)
    rows = []
    for s in pub.series:
        code = recipe.series.get(s.key)
        chosen = _option(code, catalog, lang) if code in catalog else no_indicator(lang)
        if s.growth and not code:
            shown = t("mapping.growth", lang)
        elif s.key in confidence:
            shown = f"{round(100 * confidence[s.key])}%"
        else:
            shown = t("mapping.confirmed", lang) if code else ""
        rows.append((s.label, s.block, chosen, shown, numbers[recipe.numbers.get(s.key, "auto")]))
    return pd.DataFrame(rows, columns=list(EDITOR_COLUMNS), index=[s.key for s in pub.series])


def recipe_from_rows(
    edited: pd.DataFrame,
    base: Recipe,
    *,
    name: str,
    area: tuple[str, str] | None,
    period: str | None,
    lang: str,
    axis: str | None = None,
) -> Recipe:
    """The recipe the analyst confirmed: each row's indicator and number choice, and where
    the periods are when the analyst corrected it (None: as the reader finds them)."""
    numbers = {v: k for k, v in number_options(lang).items()}
    series, written = {}, {}
    for key, row in edited.iterrows():
        code = str(row["indicator"]).split(" · ", 1)[0]
        if row["indicator"] != no_indicator(lang) and code:
            series[str(key)] = code
        choice = numbers.get(str(row["numbers"]), "auto")
        if choice != "auto":
            written[str(key)] = choice
    return Recipe(name, base.title, series, base.labels, area, period or None, written, axis)


def default_name(pub: Published) -> str:
    """A recipe name from the table's first title line, as printed, without its number and
    years ('208. Số thuê bao điện thoại và internet' -> 'Số thuê bao điện thoại và internet')."""
    first = pub.parts.title_lines[0] if pub.parts.title_lines else pub.title
    text = re.sub(r"^\s*\d+\s*[.)]\s*", "", first)
    text = " ".join(_NAME_CHARS.sub(" ", re.sub(r"\d{4}", " ", text)).split())
    while len(text) > 60 and " " in text:
        text = text.rsplit(" ", 1)[0]
    text = re.sub(
        r"\s+(năm|year|giai đoạn|period)$", "", text, flags=re.IGNORECASE
    )  # its year went
    name = text[:60].strip(" -–") or "Bang"
    return name if valid_name(name) else "Bang"


def layout_lines(pub: Published, lang: str) -> list[tuple[str, str]]:
    """(what, text) pairs saying what was found: title, unit, source, notes, the layout."""
    parts = pub.parts
    shape = {
        (ROWS, "periods"): "mapping.layout.periods_down",
        (COLUMNS, UNITS): "mapping.layout.units_down",
        (COLUMNS, "series"): "mapping.layout.series_down",
        (NONE, UNITS): "mapping.layout.ranking",
        (NONE, "series"): "mapping.layout.one_period",
    }.get((pub.axis, pub.rows_are), "mapping.layout.one_period")
    lines = [
        (t("mapping.found.title", lang), parts.title),
        (t("mapping.found.unit", lang), parts.unit),
        (t("mapping.found.source", lang), parts.source),
        *((t("mapping.found.note", lang), n) for n in parts.notes),
        (t("mapping.found.layout", lang), t(shape, lang, rows=len(parts.body))),
    ]
    if len(parts.blocks) > 1:
        lines.append((t("mapping.found.blocks", lang), " | ".join(parts.blocks)))
    return [(what, text) for what, text in lines if text]


def conventions_lines(pub: Published, convs: dict[str, Convention], lang: str) -> list[str]:
    """'Di động / Mobi-phone: 1.234,5 (ô '1.733.369')' for every series read with a mark."""
    label = {s.key: s.label for s in pub.series}
    out = []
    for key, conv in convs.items():
        if conv.numbers:
            how = t(f"mapping.numbers.{conv.numbers}", lang)
            out.append(f"{label.get(key, key)}: {how} ('{conv.example}')")
    return out
