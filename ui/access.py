"""Who is reading, on the Streamlit side: the identity of this request, the sign-in form and the
sign-out control, and the gate at the top of a page a role guards.

The gate only decides what to draw. The actions behind a page (save, restore, account changes)
check the role again on the server when they run (`indicators.access.guard`).
"""

from __future__ import annotations

import secrets

import streamlit as st

from indicators.access.identity import Identity, anonymous, client_address
from indicators.access.signin import (
    Outcome,
    oidc_identity,
    record_sso_sign_in,
    resume,
    sign_in,
    sign_out,
)
from indicators.core.clock import local_time
from indicators.core.roles import NEEDS, Action, may
from indicators.core.settings import settings
from indicators.present.literal import markdown_literal
from ui.cache import store
from ui.session import tr
from ui.signin_routes import CLEAR_PATH, COOKIE, TICKET_PATH, issue_ticket

TOKEN = "signin_token"  # session state: the token of a sign-in made in this browser tab
PIXEL = "signin_pixel"  # session state: the address that sets (or clears) the cookie
_SEEN = "oidc_sign_in_recorded"  # session state: this session's SSO sign-in is in the trail
_THIS_RUN = "identity_this_run"  # session state: who() of the current run, set by the router


def _client() -> str | None:
    """The client's address for the audit trail (Streamlit gives None for a loopback peer, and
    something else than text where no browser is connected)."""
    cfg = settings().access
    ip = st.context.ip_address
    peer = ip if isinstance(ip, str) else "127.0.0.1"
    return client_address(peer, dict(st.context.headers), cfg.trusted_proxy)


def who() -> Identity:
    """The identity of this request: the person the identity server signed in (`st.user`,
    only ever set by Streamlit after an OIDC sign-in), else a local session (signed in in this
    tab, or the cookie of an earlier sign-in), else an anonymous visitor.

    The router calls this at the top of every run; the page's gate then reuses it (`current`),
    so a page view reads the session once."""
    cfg, client = settings().access, _client()
    claims = st.user.to_dict()
    if claims.get("is_logged_in"):
        found = oidc_identity(store(), claims, client, cfg)
        if found is not None and not st.session_state.get(_SEEN):
            record_sso_sign_in(store(), found)
            st.session_state[_SEEN] = True
    else:
        cookie = st.context.cookies.get(COOKIE)
        token = st.session_state.get(TOKEN) or (cookie if isinstance(cookie, str) else None)
        found = resume(store(), token, client, cfg)
        if found is None:
            st.session_state.pop(TOKEN, None)
    st.session_state[_THIS_RUN] = found or anonymous(client)
    return st.session_state[_THIS_RUN]


def current() -> Identity:
    """The identity `who` found at the top of this run."""
    return st.session_state.get(_THIS_RUN) or who()


def role_name(me: Identity) -> str:
    return tr(f"access.role.{me.role.value}") if me.role else ""


def _refusal(outcome: Outcome, locked_until) -> str:
    if outcome is Outcome.LOCKED:
        return tr("access.form.locked", until=local_time(locked_until) if locked_until else "")
    if outcome is Outcome.DISABLED:
        return tr("access.form.disabled")
    return tr("access.form.wrong")


def sign_in_form(key: str) -> None:
    """The sign-in control the settings choose: a name-and-password form, or the button of
    the identity server (single sign-on)."""
    cfg = settings().access
    if cfg.sign_in == "oidc":
        if st.button(tr("access.sign_in_sso"), icon=":material/login:", key=f"sso_{key}"):
            st.login(cfg.oidc_provider or None)
        return
    with st.form(f"sign_in_{key}"):
        name = st.text_input(tr("access.form.name"), max_chars=64, autocomplete="username")
        password = st.text_input(
            tr("access.form.password"), type="password", max_chars=256,
            autocomplete="current-password",
        )  # fmt: skip
        go = st.form_submit_button(tr("access.sign_in"), icon=":material/login:", type="primary")
    if not go:
        return
    result = sign_in(store(), name, password, _client(), cfg)
    if result.outcome is not Outcome.OK or not result.token:
        st.error(_refusal(result.outcome, result.locked_until))
        return
    st.session_state[TOKEN] = result.token
    st.session_state[PIXEL] = f"{TICKET_PATH}/{issue_ticket(result.token)}"
    st.rerun()


def cookie_pixel() -> None:
    """The 1×1 image that makes the browser keep (or forget) the session cookie, after signing
    in or out in this tab (see `ui.signin_routes`)."""
    if src := st.session_state.get(PIXEL):
        st.html(f'<img src="{src}" alt="" width="1" height="1">')


def account_box(me: Identity) -> None:
    """In the sidebar: who is signed in and a sign-out button, or the sign-in form."""
    cookie_pixel()
    if not me.signed_in:
        with st.popover(tr("access.sign_in"), icon=":material/login:"):
            sign_in_form("sidebar")
        return
    st.caption(tr("access.signed_in_as", name=markdown_literal(me.account), role=role_name(me)))
    if not st.button(tr("access.sign_out"), icon=":material/logout:", key="sign_out"):
        return
    sign_out(store(), me)
    if me.via == "oidc":
        st.logout()
    st.session_state.pop(TOKEN, None)
    st.session_state[PIXEL] = f"{CLEAR_PATH}/{secrets.token_hex(4)}"
    st.rerun()


def gate(action: Action) -> Identity:
    """Stop the page unless this request's identity may do `action`: a visitor is asked to sign
    in, a signed-in account without the role is told which role it needs."""
    me = current()
    if may(me.role, action):
        return me
    if me.signed_in:
        needed = tr(f"access.role.{NEEDS[action].value}")
        st.warning(
            tr(
                "access.need_role",
                name=markdown_literal(me.account),
                role=role_name(me),
                needed=needed,
            )
        )
    else:
        st.info(tr("access.need_sign_in"), icon=":material/lock:")
        sign_in_form("page")
    st.stop()
    raise AssertionError("unreachable: st.stop() ends the run")
