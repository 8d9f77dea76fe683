"""The HTTP side of signing in: hand the session token to the browser as an HttpOnly cookie.

People sign in on the page (a Streamlit form, `ui.access`), which runs over a websocket and so
cannot set a cookie. After a right password the page shows a 1×1 image whose address carries a
single-use ticket; this route exchanges the ticket for the `Set-Cookie` of the session token
(HttpOnly: no script can read it; SameSite=Lax; Secure over HTTPS), so the sign-in survives a
reload. A ticket lives `TICKET_SECONDS`, works once and only in this process (the load balancer
keeps a browser on one server for its websocket anyway). Signing out expires the cookie the same
way. Served beside Streamlit's own routes by `ui/server.py`.
"""

from __future__ import annotations

import base64
import secrets
import threading
import time

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from indicators.core.settings import settings

COOKIE = "cntt_session"
TICKET_PATH, CLEAR_PATH = "/_auth/ticket", "/_auth/clear"
TICKET_SECONDS = 60
# A transparent 1×1 GIF: what the browser asked for, so nothing shows and nothing breaks.
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")
_TICKETS: dict[str, tuple[str, float]] = {}
_LOCK = threading.Lock()


def issue_ticket(token: str) -> str:
    """A single-use ticket the browser exchanges for the cookie holding `token`."""
    ticket = secrets.token_urlsafe(24)
    now = time.monotonic()
    with _LOCK:
        for old in [k for k, (_, until) in _TICKETS.items() if until < now]:
            del _TICKETS[old]
        _TICKETS[ticket] = (token, now + TICKET_SECONDS)
    return ticket


def _redeem(ticket: str) -> str | None:
    with _LOCK:
        token, until = _TICKETS.pop(ticket, ("", 0.0))
    return token if token and until >= time.monotonic() else None


def _secure(request: Request) -> bool:
    """Mark the cookie Secure when the browser reached us over HTTPS (directly or, behind a
    trusted proxy, as the proxy says)."""
    proto = request.url.scheme
    if settings().access.trusted_proxy:
        proto = request.headers.get("x-forwarded-proto", proto)
    return proto == "https"


def _pixel() -> Response:
    headers = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}
    return Response(PIXEL, media_type="image/gif", headers=headers)


async def ticket(request: Request) -> Response:
    reply = _pixel()
    token = _redeem(request.path_params["ticket"][:64])
    if token:
        reply.set_cookie(COOKIE, token, httponly=True, samesite="lax",
                         secure=_secure(request), path="/")  # fmt: skip
    return reply


async def clear(request: Request) -> Response:
    reply = _pixel()
    reply.delete_cookie(COOKIE, path="/")
    return reply


ROUTES = [
    Route(TICKET_PATH + "/{ticket}", ticket, methods=["GET"]),
    Route(CLEAR_PATH + "/{nonce}", clear, methods=["GET"]),
]
