"""Tài khoản / Accounts (admins): who may sign in, with which role; add, change, disable,
reset a password, lift a lock-out. Each change is checked and written to the audit trail by
`indicators.access.manage` when it runs."""

import pandas as pd
import streamlit as st

from indicators.access import manage
from indicators.core.clock import local_time
from indicators.core.i18n import WordedError
from indicators.core.roles import Action, Role
from indicators.core.settings import settings
from indicators.present.literal import markdown_literal
from ui.access import gate
from ui.cache import accounts, revision, store
from ui.session import language, page_heading, tr

me = gate(Action.MANAGE_ACCOUNTS)
cfg, lang = settings().access, language()
ROLES = [r.value for r in Role]

page_heading(tr("apage.title"), revision(), org=False)
st.caption(tr("apage.intro"))
if flash := st.session_state.pop("accounts_flash", None):
    st.success(flash, icon=":material/check_circle:")

found = accounts()
table = pd.DataFrame(
    {
        tr("apage.col.name"): [a.name for a in found],
        tr("apage.col.role"): [tr(f"access.role.{a.role}") for a in found],
        tr("apage.col.sign_in"): [
            tr("apage.password") if a.password_hash else tr("apage.sso_only") for a in found
        ],
        tr("apage.col.state"): [
            tr("apage.disabled") if a.disabled else tr("apage.active") for a in found
        ],
        tr("apage.col.locked"): [
            local_time(a.locked_until) if a.locked_until else "" for a in found
        ],
    }
)
st.dataframe(table, hide_index=True, width="stretch")


def done(message: str) -> None:
    st.session_state["accounts_flash"] = message
    st.rerun()


def attempt(change, *args) -> bool:
    """Run an account change; a refusal (bad name, weak password, no permission) is shown."""
    try:
        change(store(), me, cfg, *args)
    except WordedError as exc:
        st.error(markdown_literal(exc.text(lang)))
        return False
    return True


add, edit = st.tabs([tr("apage.add"), tr("apage.edit")])
with add, st.form("add_account", clear_on_submit=True):
    name = st.text_input(tr("apage.col.name"), max_chars=64, help=tr("apage.name_help"))
    role = st.selectbox(tr("apage.col.role"), ROLES, format_func=lambda r: tr(f"access.role.{r}"))
    sso = st.checkbox(tr("apage.sso_only_box"))
    password = st.text_input(tr("apage.new_password"), type="password", max_chars=256)
    again = st.text_input(tr("apage.again"), type="password", max_chars=256)
    if st.form_submit_button(tr("apage.add"), type="primary") and attempt(
        manage.add_account, name, role, None if sso else password, None if sso else again
    ):
        done(tr("apage.added", name=markdown_literal(name.strip().lower())))

with edit:
    if not found:
        st.stop()
    who = st.selectbox(tr("apage.pick"), [a.name for a in found])
    account = next(a for a in found if a.name == who)
    with st.form("edit_role"):
        new_role = st.selectbox(
            tr("apage.col.role"), ROLES, index=ROLES.index(account.role),
            format_func=lambda r: tr(f"access.role.{r}"),
        )  # fmt: skip
        if st.form_submit_button(tr("apage.set_role")) and attempt(manage.set_role, who, new_role):
            done(tr("apage.changed", name=markdown_literal(who)))
    with st.form("edit_password", clear_on_submit=True):
        password = st.text_input(tr("apage.new_password"), type="password", max_chars=256)
        again = st.text_input(tr("apage.again"), type="password", max_chars=256)
        if st.form_submit_button(tr("apage.set_password")) and attempt(
            manage.set_password, who, password, again
        ):
            done(tr("apage.changed", name=markdown_literal(who)))
    left, right = st.columns(2)
    flip = not account.disabled
    if left.button(tr("apage.disable") if flip else tr("apage.enable")) and attempt(
        manage.set_disabled, who, flip
    ):
        done(tr("apage.changed", name=markdown_literal(who)))
    if account.locked_until and right.button(tr("apage.unlock")) and attempt(manage.unlock, who):
        done(tr("apage.changed", name=markdown_literal(who)))
