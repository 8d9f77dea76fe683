"""Tải lên / Upload: check a file, preview what it changes, save it as a new revision."""

import pandas as pd
import streamlit as st

from indicators.core.numbers import format_number
from indicators.present.tables import changes_table
from indicators.store.revisions import StaleRevisionError
from ui import common as c

lang, rev, cat, cfg = c.lang(), c.revision(), c.catalog(), c.conf()
SHOWN = 1000  # changed values listed on the page; the counts are always complete
mb = format_number(cfg.max_upload_bytes / 2**20, lang)

st.title(c.tr("upage.title"))
st.caption(c.revision_caption(rev))
if flash := st.session_state.pop("upload_flash", None):
    st.success(flash, icon=":material/check_circle:")
st.markdown(c.tr("upage.intro"))

with st.expander(c.tr("upage.template"), icon=":material/description:"):
    st.caption(c.tr("upage.template_help"))
    xlsx, csv = c.templates()
    left, right = st.columns(2)
    left.download_button(c.tr("upage.template_xlsx"), xlsx, "mau-nhap-lieu.xlsx",
                         icon=":material/download:")  # fmt: skip
    right.download_button(c.tr("upage.template_csv"), csv, "mau-nhap-lieu.csv", "text/csv",
                          icon=":material/download:")  # fmt: skip

# A new uploader (new key) after each save, so the saved file does not linger.
round_ = st.session_state.setdefault("upload_round", 0)
upload = st.file_uploader(
    c.tr("upage.file"), type=["csv", "txt", "tsv", "xlsx", "xlsm"], key=f"upload_{round_}",
    help=c.tr("upage.file_help", mb=mb),
)  # fmt: skip
if upload is None:
    st.stop()

data = upload.getvalue()
with st.spinner(c.tr("upage.checking")):
    checked, preview = c.check_file(rev, data, upload.name)

st.subheader(c.tr("upage.step_check"))
st.caption(checked.describe(lang))
rejected = len(checked.rejected_rows)
if checked.ok and len(checked.frame):
    st.success(c.tr("upage.clean", n=format_number(len(checked.frame), lang)))
elif len(checked.frame) == 0:  # unreadable, no data rows, or every row has an error
    st.error(c.tr("upage.nothing_storable"))
else:
    st.error(c.tr("upage.has_errors", errors=format_number(len(checked.errors), lang),
                  rows=format_number(rejected, lang)))  # fmt: skip

if checked.problems:
    report = checked.report()
    other = "en" if lang == "vi" else "vi"
    view = pd.DataFrame({
        c.tr("upage.col.severity"): [c.tr(f"upage.severity.{s}") for s in report["severity"]],
        c.tr("upage.col.row"): report["row"],
        c.tr("upage.col.column"): report["column"],
        c.tr("upage.col.value"): report["value"],
        c.tr("upage.col.reason"): report[f"reason_{lang}"] + " / " + report[f"reason_{other}"],
        c.tr("upage.col.hint"): report[f"hint_{lang}"],
    })  # fmt: skip
    st.markdown(f"**{c.tr('upage.report')}**")
    st.dataframe(view, hide_index=True, width="stretch", height=min(38 + 35 * len(view), 400))
    st.download_button(
        c.tr("upage.report_download"), checked.report_csv(),
        f"bao-cao-kiem-tra-{upload.name.rsplit('.', 1)[0]}.csv", "text/csv",
        icon=":material/download:",
    )  # fmt: skip

if preview is None:
    st.stop()

st.subheader(c.tr("upage.step_preview"))
cols = st.columns(4)
for col, key, n in zip(
    cols, ("new", "changed", "unchanged", "rejected"),
    (preview.rows_new, preview.rows_changed, preview.rows_unchanged, rejected), strict=True,
):  # fmt: skip
    col.metric(c.tr(f"upage.m.{key}"), format_number(n, lang), border=True)
changes = preview.changes
if preview.rows_new + preview.rows_changed == 0:
    st.info(c.tr("upage.nothing_new"))
if len(changes):
    st.markdown(f"**{c.tr('upage.changed_list')}**")
    table = changes_table(changes.head(SHOWN), cat, c.unit_names(), lang)
    st.dataframe(table, hide_index=True, width="stretch")

st.subheader(c.tr("upage.step_commit"))
valid_only = False
if not checked.ok:
    n_valid, n_bad = format_number(len(checked.frame), lang), format_number(rejected, lang)
    modes = {m: c.tr(f"upage.mode.{m}", n=n_valid, rejected=n_bad) for m in ("all", "valid")}
    mode = st.radio(c.tr("upage.mode"), list(modes), key=f"mode_{round_}", format_func=modes.get)
    valid_only = mode == "valid"
with st.form(f"commit_{round_}"):
    author = st.text_input(c.tr("upage.author"), key="upload_author")
    message = st.text_input(
        c.tr("upage.message"), value=c.tr("upage.message_default", file=upload.name)
    )
    go = st.form_submit_button(c.tr("upage.commit", rev=rev + 1), type="primary")
if go and not (checked.ok or valid_only):
    st.warning(c.tr("upage.blocked"))
elif go:
    bar = st.progress(0.0)
    try:
        done = c.store().commit(
            {"observations": checked.frame}, author=author or None, file_name=upload.name,
            data=data, message=message, rows_rejected=rejected,
            expect_revision=preview.base_revision,
            progress=lambda f, key: bar.progress(f, text=c.tr(key)),
        )  # fmt: skip
    except StaleRevisionError:
        st.error(c.tr("history.stale", current=c.store().current_revision(), base=rev))
    except Exception as exc:  # the commit is one transaction: nothing was written
        st.error(c.tr("upage.failed", error=exc))
    else:
        st.session_state["upload_flash"] = c.tr(
            "upage.saved", rev=done.id, new=format_number(done.rows_new, lang),
            changed=format_number(done.rows_changed, lang),
            unchanged=format_number(done.rows_unchanged, lang),
            rejected=format_number(done.rows_rejected, lang),
        )  # fmt: skip
        st.session_state["upload_round"] = round_ + 1
        st.rerun()
