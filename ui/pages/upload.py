"""Tải lên / Upload: check a file, preview what it changes, save it as a new revision."""

import pandas as pd
import streamlit as st

from indicators.access.actions import record_blocked_save, record_validation, save_upload
from indicators.core.i18n import LANGS, SEP, WordedError
from indicators.core.roles import Action
from indicators.core.settings import settings
from indicators.present.literal import markdown_literal
from indicators.present.tables import changes_table
from indicators.store.revisions import StaleRevisionError, content_hash
from ui.access import gate
from ui.cache import (
    catalog,
    check_file,
    revision,
    revision_committed,
    store,
    stored_recipes,
    templates,
    unit_choices,
    unit_names,
)
from ui.downloads import download
from ui.mapping_step import kept_recipe, mapping_step
from ui.session import language, number, page_heading, tr

me = gate(Action.VALIDATE)  # the page is for analysts; saving is checked again when it runs
lang, rev, cat = language(), revision(), catalog()
SHOWN = 1000  # changed values listed on the page; the counts are always complete
mb = number(settings().max_upload_bytes / 2**20)

page_heading(tr("upage.title"), rev, org=False)
if flash := st.session_state.pop("upload_flash", None):
    st.success(flash, icon=":material/check_circle:")
st.markdown(tr("upage.intro"))

with st.expander(tr("upage.template"), icon=":material/description:"):
    st.caption(tr("upage.template_help"))
    xlsx, csv = templates()
    left, right = st.columns(2)
    download(tr("upage.template_xlsx"), xlsx, "mau-nhap-lieu.xlsx", where=left)
    download(tr("upage.template_csv"), csv, "mau-nhap-lieu.csv", where=right)

# A new uploader (new key) after each save, so the saved file does not linger.
round_ = st.session_state.setdefault("upload_round", 0)
upload = st.file_uploader(
    tr("upage.file"),
    type=["csv", "txt", "tsv", "xlsx", "xlsm"],
    key=f"upload_{round_}",
    help=tr("upage.file_help", mb=mb),
)
if upload is None:
    st.stop()

data = upload.getvalue()
digest = content_hash(data)
recipes = st.session_state.setdefault("recipes", {})  # file digest -> the confirmed recipe
with st.spinner(tr("upage.checking")):
    checked, preview = check_file(rev, data, upload.name, recipes.get(digest), stored_recipes())
seen = st.session_state.setdefault("validated", set())  # each file in the trail once a session
if digest not in seen:
    record_validation(store(), me, settings().access, upload.name, data, len(checked.errors))
    seen.add(digest)

st.header(tr("upage.step_check"))
st.caption(markdown_literal(checked.describe(lang)))
if checked.published is not None:
    province = settings().province(lang)
    confirmed = mapping_step(checked, cat, lang, unit_choices(), province, f"{digest}_{round_}")
    if confirmed is not None:
        recipes[digest] = confirmed
        st.rerun()
rejected = len(checked.rejected_rows)
if checked.ok and len(checked.frame):
    st.success(tr("upage.clean", n=number(len(checked.frame))))
elif len(checked.frame) == 0:  # unreadable, no data rows, or every row has an error
    st.error(tr("upage.nothing_storable"))
else:
    st.error(tr("upage.has_errors", errors=number(len(checked.errors)), rows=number(rejected)))

if checked.problems:
    report = checked.report()
    other = next(code for code in LANGS if code != lang)  # the reason in both, the reader's first
    view = pd.DataFrame(
        {
            tr("upage.col.severity"): [tr(f"upage.severity.{s}") for s in report["severity"]],
            tr("upage.col.row"): report["row"].astype(object).where(report["row"].notna(), ""),
            tr("upage.col.column"): report["column"].fillna(""),
            tr("upage.col.value"): report["value"].fillna(""),
            tr("upage.col.reason"): report[f"reason_{lang}"] + SEP + report[f"reason_{other}"],
            tr("upage.col.hint"): report[f"hint_{lang}"],
        }
    )
    st.markdown(f"**{tr('upage.report')}**")
    st.dataframe(view, hide_index=True, width="stretch", height=min(38 + 35 * len(view), 400))
    stem = upload.name.rsplit(".", 1)[0]
    download(tr("upage.report_download"), checked.report_csv(), f"bao-cao-kiem-tra-{stem}.csv")

if preview is None:
    st.stop()

st.header(tr("upage.step_preview"))
cols = st.columns(4)
for col, key, n in zip(
    cols,
    ("new", "changed", "unchanged", "rejected"),
    (preview.rows_new, preview.rows_changed, preview.rows_unchanged, rejected),
    strict=True,
):
    col.metric(tr(f"upage.m.{key}"), number(n), border=True)
changes = preview.changes
if preview.rows_new + preview.rows_changed == 0:
    st.info(tr("upage.nothing_new"))
if len(changes):
    st.markdown(f"**{tr('upage.changed_list')}**")
    table = changes_table(changes.head(SHOWN), cat, unit_names(), lang)
    st.dataframe(table, hide_index=True, width="stretch")

st.header(tr("upage.step_commit"))
valid_only = False
if not checked.ok:
    n_valid, n_bad = number(len(checked.frame)), number(rejected)
    modes = {m: tr(f"upage.mode.{m}", n=n_valid, rejected=n_bad) for m in ("all", "valid")}
    mode = st.radio(tr("upage.mode"), list(modes), key=f"mode_{round_}", format_func=modes.get)
    valid_only = mode == "valid"
with st.form(f"commit_{round_}"):
    st.caption(tr("upage.author_is", name=markdown_literal(me.account)))
    message = st.text_input(
        tr("upage.message"), value=tr("upage.message_default", file=upload.name)
    )
    go = st.form_submit_button(tr("upage.commit", rev=rev + 1), type="primary")
if go and not (checked.ok or valid_only):
    record_blocked_save(store(), me, settings().access, upload.name, data, len(checked.errors))
    st.warning(tr("upage.blocked"))
elif go:
    bar = st.progress(0.0)
    try:
        done = save_upload(
            store(),
            me,
            settings().access,
            {"observations": checked.frame},
            file_name=upload.name,
            data=data,
            message=message,
            rows_rejected=rejected,
            expect_revision=preview.base_revision,
            recipe=kept_recipe(checked),
            progress=lambda f, key: bar.progress(f, text=tr(key)),
        )
    except StaleRevisionError:
        st.error(tr("history.stale", current=store().current_revision(), base=rev))
    except WordedError:  # refused (the role, read now, no longer allows it): app.py says why
        raise
    except Exception as exc:  # the commit is one transaction: nothing was written
        st.error(tr("upage.failed", error=type(exc).__name__))
    else:
        st.session_state["upload_flash"] = tr(
            "upage.saved",
            rev=done.id,
            new=number(done.rows_new),
            changed=number(done.rows_changed),
            unchanged=number(done.rows_unchanged),
            rejected=number(done.rows_rejected),
        )
        st.session_state["upload_round"] = round_ + 1
        revision_committed(done.id)  # every reader of this server sees it now
        st.rerun()
