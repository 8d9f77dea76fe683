"""The Upload page's mapping step for a table as published: what was found, the proposed
series → indicator mapping to correct, the area and period, the recipe's name.

Everything the table printed is shown as text (`markdown_literal`): a title or a label is data.
Returns the confirmed recipe's text when the analyst presses Apply; the page keeps it for the
file and checks the file again with it.
"""

from __future__ import annotations

import streamlit as st

from indicators.core.catalog import Catalog
from indicators.ingest.check import GIVEN, RECOGNISED, Checked
from indicators.ingest.published import AXES, NONE, UNITS
from indicators.ingest.recipe import Recipe, valid_name
from indicators.present.literal import markdown_literal
from indicators.present.mapping_table import (
    conventions_lines,
    default_name,
    indicator_options,
    layout_lines,
    mapping_rows,
    number_options,
    recipe_from_rows,
)
from ui.session import tr


def mapping_step(
    checked: Checked,
    catalog: Catalog,
    lang: str,
    areas: dict[tuple[str, str], str],
    province: str,
    key: str,
) -> str | None:
    """Draw the step; the confirmed recipe's JSON text when Apply was pressed, else None."""
    pub, recipe = checked.published, checked.recipe
    if pub is None or recipe is None:
        return None
    st.header(tr("mapping.step"))
    for what, text in layout_lines(pub, lang):
        st.markdown(f"**{what}:** {markdown_literal(text)}")
    if checked.recipe_use == RECOGNISED:
        st.success(tr("mapping.recognised", name=markdown_literal(recipe.name)))
    elif checked.recipe_use == GIVEN:
        st.info(tr("mapping.given", name=markdown_literal(recipe.name)))
    else:
        st.info(tr("mapping.intro"))
    if lines := conventions_lines(pub, checked.conventions, lang):
        with st.expander(tr("mapping.numbers_read")):
            st.markdown("\n".join(f"- {markdown_literal(line)}" for line in lines))
    if checked.recipe_use in (GIVEN, RECOGNISED):
        with st.expander(tr("mapping.edit"), icon=":material/edit:"):
            return _form(checked, catalog, lang, areas, province, key)
    return _form(checked, catalog, lang, areas, province, key)


def _form(
    checked: Checked,
    catalog: Catalog,
    lang: str,
    areas: dict[tuple[str, str], str],
    province: str,
    key: str,
) -> str | None:
    """One labelled choice per series (keyboard and screen-reader friendly, usable on a
    phone), then the area, the period and the name; the recipe when Apply is pressed."""
    pub, recipe = checked.published, checked.recipe
    assert pub is not None and recipe is not None
    rows = mapping_rows(pub, recipe, checked.confidence, catalog, lang)
    options, numbers = indicator_options(catalog, lang), list(number_options(lang).values())
    chosen = rows.copy()
    with st.form(f"mapping_{key}"):
        head = st.columns([4, 4, 2, 2])
        for col, name in zip(head, ("series", "indicator", "confidence", "numbers"), strict=True):
            col.markdown(f"**{tr(f'mapping.col.{name}')}**")
        blocks = len(pub.parts.blocks) > 1
        for i, (series, row) in enumerate(rows.iterrows()):
            label, what, conf, num = st.columns([4, 4, 2, 2], vertical_alignment="center")
            named = row["series"] + (f" — {row['block']}" if blocks else "")  # unique per row
            block = f"  \n:gray[{markdown_literal(row['block'])}]" if blocks else ""
            label.markdown(markdown_literal(row["series"]) + block)
            chosen.at[series, "indicator"] = what.selectbox(
                tr("mapping.choose", series=markdown_literal(named)),
                options,
                index=options.index(row["indicator"]),
                key=f"map_{key}_{i}",
                label_visibility="collapsed",
            )
            conf.markdown(markdown_literal(row["confidence"]) or "—")
            chosen.at[series, "numbers"] = num.selectbox(
                tr("mapping.numbers_of", series=markdown_literal(named)),
                numbers,
                index=numbers.index(row["numbers"]),
                key=f"num_{key}_{i}",
                label_visibility="collapsed",
            )
        axis = _axis_choice(pub.axis, recipe.axis)
        area = _area_choice(recipe, areas, province) if pub.rows_are != UNITS else None
        period = None
        if pub.axis == NONE:
            period = st.text_input(tr("mapping.period"), value=recipe.period or "", max_chars=20)
        name = st.text_input(
            tr("mapping.name"),
            value=recipe.name or default_name(pub),
            max_chars=80,
            help=tr("mapping.name_help"),
        )
        go = st.form_submit_button(tr("mapping.apply"), type="primary")
    if not go:
        return None
    name = name.strip()
    if not valid_name(name):
        st.error(tr("mapping.bad_name"))
        return None
    confirmed = recipe_from_rows(
        chosen, recipe, name=name, area=area, period=period, lang=lang, axis=axis
    )
    if not confirmed.series:
        st.error(tr("mapping.nothing_mapped"))
        return None
    return confirmed.to_text()


def kept_recipe(checked: Checked) -> tuple[str, str] | None:
    """(name, text) of the recipe that read the file, to keep with the revision it saves."""
    if checked.recipe is None or checked.recipe_use not in (GIVEN, RECOGNISED):
        return None
    return checked.recipe.name, checked.recipe.to_text()


def _axis_choice(found: str, chosen: str | None) -> str | None:
    """Where the periods are: as found (None), or as the analyst corrects it."""
    options: list[str | None] = [None, *AXES]
    labels = {a: tr(f"mapping.axis.{a}") for a in AXES}
    labels[None] = tr("mapping.axis.found", found=labels[found])
    return st.selectbox(
        tr("mapping.axis"),
        options,
        index=options.index(chosen) if chosen in options else 0,
        format_func=lambda o: labels[o],
        help=tr("mapping.axis_help"),
    )


def _area_choice(
    recipe: Recipe, areas: dict[tuple[str, str], str], province: str
) -> tuple[str, str] | None:
    """The one area of a table without a unit column: the province unless the analyst says."""
    options: list[tuple[str, str] | None] = [None, *areas]
    labels = {
        (ul, code): f"{name} ({tr(f'unitlist.short.{ul}')})" for (ul, code), name in areas.items()
    }
    labels[None] = tr("mapping.area.home", province=province)
    at = options.index(recipe.area) if recipe.area in options else 0
    return st.selectbox(
        tr("mapping.area"),
        options,
        index=at,
        format_func=lambda o: labels[o],
        help=tr("mapping.area_help"),
    )
