"""Lịch sử / History: the revisions, what each changed, the data as of one, and restoring it."""

import re

import streamlit as st

from indicators.access.actions import import_recipe, restore_revision
from indicators.core.clock import local_time
from indicators.core.folding import fold
from indicators.core.i18n import WordedError
from indicators.core.roles import Action, may
from indicators.core.settings import settings
from indicators.export.files import csv_bytes
from indicators.ingest.recipe import Recipe, RecipeError
from indicators.present.literal import markdown_literal
from indicators.present.tables import MAX_ROWS_SHOWN, changes_table
from indicators.query import stored
from ui.access import gate
from ui.cache import (
    audit_trail,
    cached,
    catalog,
    revision,
    revision_committed,
    revision_diff,
    revisions_frame,
    saved_recipes,
    store,
    unit_names,
)
from ui.downloads import download
from ui.paging import page_of_rows
from ui.session import language, number, page_heading, tr
from ui.url_state import forget, indicator_choice, url_choice, url_choices

me = gate(Action.READ_HISTORY)  # analysts and admins; restoring is checked again when it runs
lang, rev, cat = language(), revision(), catalog()
SHOWN = MAX_ROWS_SHOWN  # changed rows listed, a page at a time; the counts are always complete


def recipe_file_name(name: str) -> str:
    """A recipe's download name: its name folded to letters, digits and hyphens."""
    return "cong-thuc-" + (re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-") or "bang") + ".json"


def recipe_download(name: str, text: str, key: str) -> None:
    """A download button of a recipe file, named after the recipe."""
    download(tr("recipe.history.download"), text.encode("utf-8"), recipe_file_name(name), key=key)


def series_count(text: str) -> str:
    try:
        return number(len(Recipe.from_text(text).series))
    except RecipeError:  # a text an older version kept: listed, but it maps nothing now
        return ""


page_heading(tr("hpage.title"), rev, org=False)
st.markdown(tr("hpage.intro"))
if flash := st.session_state.pop("history_flash", None):
    st.success(flash, icon=":material/check_circle:")

revs = revisions_frame(rev)
COUNTS = ["rows_new", "rows_changed", "rows_unchanged", "rows_removed", "rows_rejected"]
SHOWN_COLUMNS = ["id", "created_at", "author", "file_name", "message", *COUNTS, "restores"]
table = revs[[*SHOWN_COLUMNS, "recipe"]].copy()
table["created_at"] = [local_time(x) for x in table["created_at"]]
table["file_name"] = table["file_name"].fillna("")
table["recipe"] = table["recipe"].fillna("")  # the recipe that read a published table
for col in COUNTS:
    table[col] = [number(v) for v in table[col]]
table["restores"] = table["restores"].astype("Int64").astype("string").fillna("")
headers = {col: tr(f"hpage.col.{col}") for col in SHOWN_COLUMNS}
st.dataframe(
    table.rename(columns={**headers, "recipe": tr("hpage.col.recipe")}),
    hide_index=True,
    width="stretch",
    height=min(38 + 35 * len(table), 320),
)

info = {int(r.id): r for r in revs.itertuples()}


def option(r: int) -> str:
    row = info[r]
    what = row.message or row.file_name or ""
    label = tr("hpage.option", rev=r, date=local_time(row.created_at), what=what)
    return f"{label} {tr('hpage.current')}" if r == rev else label


picked = int(
    url_choice(
        st.selectbox,
        tr("hpage.pick"),
        [str(r) for r in info],
        key="rev",
        format_func=lambda r: option(int(r)),
    )
)


used = info[picked].recipe  # how this revision's published table was read, as it was used
if isinstance(used, str):
    with st.expander(tr("recipe.history.used", rev=picked, name=markdown_literal(used))):
        st.code(info[picked].recipe_text or "", language="json")
        recipe_download(used, info[picked].recipe_text or "", key=f"recipe-of-{picked}")

titles = [tr("hpage.changed_title", rev=picked), tr("hpage.asof_title", rev=picked)]
if may(me.role, Action.RESTORE):  # admins: restore and the audit trail
    titles += [tr("hpage.rollback_title"), tr("hpage.audit_title")]
changed, asof, *admin_tabs, recipes = st.tabs([*titles, tr("recipe.history.saved_title")])

with changed:
    diff = revision_diff(picked - 1, picked, SHOWN)
    total = sum(int(getattr(info[picked], k)) for k in ("rows_new", "rows_changed", "rows_removed"))
    if diff.empty:
        st.info(tr("hpage.changed_none"))
    else:
        st.caption(tr("hpage.changed_count", n=number(total), prev=picked - 1, shown=number(SHOWN)))
        part = page_of_rows(len(diff), key="changed", what=(picked, lang))
        table = changes_table(diff.iloc[part], cat, unit_names(), lang)
        st.dataframe(table, hide_index=True, width="stretch")

with asof:
    codes = tuple(cat.codes(("headline", "detail", "component")))
    pick_indicator, pick_periods = st.columns([3, 2])
    with pick_indicator:
        code = indicator_choice(tr("hpage.asof_indicator"), codes, key="asof")
    offered = cached(stored.periods, picked, code)
    with pick_periods:  # a national indicator has a million rows: its latest period first
        periods = url_choices(
            st.multiselect,
            tr("hpage.asof_periods"),
            offered,
            key="asof_period",
            scope=f"_asof{code}",
            default=offered[:1],
            placeholder=tr("hpage.asof_all_periods"),
        )
    rows = cached(stored.rows, picked, code, tuple(periods) if periods else None)
    st.caption(tr("hpage.asof_rows", n=number(len(rows))))
    cols = ["unit_list", "region", "region_name", "period", "value", "numerator", "denominator",
            "status", "source"]  # fmt: skip
    part = page_of_rows(len(rows), key="asof", what=(picked, code, tuple(periods), lang))
    st.dataframe(rows.iloc[part][cols], hide_index=True, width="stretch", height=360)
    chosen = rows[cols]
    download(tr("hpage.download_csv"), lambda: csv_bytes(chosen), f"{code}-rev{picked}.csv",
             on_click="ignore")  # fmt: skip


with recipes:
    st.caption(tr("recipe.history.saved_intro"))
    kept = {r.name: r for r in saved_recipes()}
    if not kept:
        st.info(tr("recipe.history.none"))
    else:
        st.dataframe(
            [
                {
                    tr("recipe.history.col.name"): r.name,
                    tr("recipe.history.col.series"): series_count(r.text),
                    tr("recipe.history.col.updated_by"): r.updated_by or r.created_by or "",
                    tr("recipe.history.col.updated_at"): local_time(r.updated_at or r.created_at),
                }
                for r in kept.values()
            ],
            hide_index=True,
            width="stretch",
        )
        name = st.selectbox(tr("recipe.history.pick"), list(kept), key="saved_recipe")
        recipe_download(name, kept[name].text, key="saved-recipe-download")
    if may(me.role, Action.EDIT_RECIPES):
        with st.form("recipe_import", clear_on_submit=True):
            sent = st.file_uploader(tr("recipe.history.import"), type=["json"])
            go = st.form_submit_button(tr("recipe.history.import_button"))
        if go and sent is not None:
            try:
                recipe = Recipe.from_bytes(sent.getvalue())
            except RecipeError as exc:  # the file, worded (a refusal of the role goes to app.py)
                st.error(markdown_literal(exc.text(lang)))
            else:
                import_recipe(store(), me, settings().access, recipe.name, recipe.to_text())
                said = tr("recipe.imported", name=markdown_literal(recipe.name),
                          series=number(len(recipe.series)))  # fmt: skip
                st.session_state["history_flash"] = said
                st.rerun()

if not admin_tabs:
    st.stop()
restore, trail = admin_tabs

with trail:
    st.caption(tr("hpage.audit_intro"))
    log = audit_trail()
    part = page_of_rows(len(log), key="audit", what=(rev, lang))
    shown = log.iloc[part].astype("string").fillna("")  # an empty cell, not "None"
    shown.columns = [tr(f"hpage.audit.col.{col}") for col in log.columns]
    st.dataframe(shown, hide_index=True, width="stretch", height=360)
    download(tr("hpage.audit_download"), lambda: csv_bytes(log), "nhat-ky-truy-cap.csv",
             on_click="ignore")  # fmt: skip

with restore:
    if picked == rev:
        st.info(tr("hpage.rollback_current"))
    else:
        st.markdown(
            tr("hpage.rollback_explain", next=rev + 1, rev=picked, after=f"{picked + 1}–{rev}")
        )
        with st.form("rollback"):
            st.caption(tr("hpage.rollback_author_is", name=markdown_literal(me.account)))
            message = st.text_input(
                tr("hpage.rollback_message"),
                value=tr("history.rollback.default_message", rev=picked),
                max_chars=500,
            )
            sure = st.checkbox(tr("hpage.rollback_confirm", rev=picked))
            go = st.form_submit_button(tr("hpage.rollback_button", rev=picked), type="primary")
        if go and not sure:
            st.warning(tr("hpage.rollback_need_confirm"))
        elif go:
            bar = st.progress(0.0)
            try:
                done = restore_revision(
                    store(),
                    me,
                    settings().access,
                    picked,
                    message,
                    progress=lambda f, key: bar.progress(f, text=tr(key)),
                )
            except WordedError:  # refused: the role, read now, does not allow it (app.py says)
                raise
            except Exception as exc:  # the store rolled the transaction back: nothing changed
                st.error(tr("hpage.rollback_failed", error=type(exc).__name__))
            else:  # show the new revision everywhere, with the outcome on top
                st.session_state["history_flash"] = tr(
                    "history.rollback.done",
                    rev=done.id,
                    to=picked,
                    changed=done.rows_changed,
                    new=done.rows_new,
                    removed=done.rows_removed,
                )
                forget("rev")
                revision_committed(done.id)  # every reader of this server sees it now
                st.rerun()
