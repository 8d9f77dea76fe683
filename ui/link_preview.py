"""What a shared link says before any page runs: the page's HTML, as the server sends it, carries
the view's title, a short description and the reader's language.

A chat app's link preview, a search engine and a screen reader's first words read the HTML the
server sends; they run no script, so the title a page sets while it runs (`ui.share.page_title`)
never reaches them, and Streamlit's own page says "Streamlit" in English (`<html lang="en">`).
This middleware rewrites that one HTML page for the app's own paths: the title names the
indicators, the period and the page the link's parameters name (`present.choices.link_title`:
codes of the catalog and periods only, anything else in the link is left out), with
`og:title` and `og:description` for previews, and `lang` is the link's language.

Every text is escaped; the page is read whole only when it is that HTML page (a few kB), and
asked for uncompressed, so it can be rewritten before it is sent.

A page's HTML also tells Streamlit's script where the server's own routes are (`BASE_SCRIPT`).
Opened at a page's path (`/xu-huong`), that script does not know whether `xu-huong` is a page
or the folder the app is served under, so it first asks `/xu-huong/_stcore/health`, is told
404, waits about 100 ms and only then asks `/_stcore/health`: every link to a page but the
home paid that before its first word showed. The folder is the page's path without its last
part, and is computed in the browser from the address it shows, so a proxy serving the app
under a folder of its own is followed as it is.
"""

from __future__ import annotations

import html
import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qsl

from indicators.core.i18n import LANGS, t
from indicators.core.settings import settings
from indicators.present.choices import install_heading, link_title
from ui.cache import catalog
from ui.navigation import OVERVIEW, SECTIONS

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

PAGES = {page.url_path: page for pages in SECTIONS.values() for page in pages}
_TITLE = re.compile(rb"<title>[^<]*</title>")
_LANG = re.compile(rb'<html lang="[^"]*"')
MAX_PAGE = 1 << 20  # bytes: Streamlit's index.html is about 6 kB; anything bigger is not it
MAX_QUERY = 2000  # characters of a link's query read for its title (a view's link is ~100)
# Streamlit's frontend reads `window.__streamlit.BACKEND_BASE_URL` (1.67) as the one place of
# its routes. Constant text: nothing of the request is written into it.
BASE_SCRIPT = (
    b"<script>window.__streamlit={BACKEND_BASE_URL:"
    b'location.href.replace(/[?#].*$/,"").replace(/[^/]+\\/?$/,"")}</script>'
)


def _last_part(path: str) -> str:
    return path.rstrip("/").rsplit("/", 1)[-1] if path.strip("/") else ""


def page_of(path: str) -> str | None:
    """The menu key of the page at `path` (its last part: a base URL path may come before it),
    or None when `path` is not a page (a script, an image, Streamlit's own routes)."""
    last = _last_part(path)
    if last in PAGES:
        return PAGES[last].key
    home = path.endswith("/") and "." not in last and "_stcore" not in path
    return OVERVIEW.key if home else None


def head_of(key: str, query: str) -> tuple[str, str, str]:
    """(language, title, description) of the page `key` opened with the query string `query`."""
    params = dict(parse_qsl(query[:MAX_QUERY], keep_blank_values=True))
    lang = params.get("lang") if params.get("lang") in LANGS else LANGS[0]
    title = link_title(t(f"nav.{key}", lang), params, catalog(), lang)
    return lang, title, install_heading(settings(), lang)


def rewrite(page: bytes, lang: str, title: str, description: str, named: bool = False) -> bytes:
    """Streamlit's `page` with our language, title and preview lines (all escaped, quotes too:
    `html.escape`'s default); `named`: opened at a page's own path, so it also says where the
    server's routes are (`BASE_SCRIPT`)."""
    attr = html.escape
    head = (BASE_SCRIPT if named else b"") + (
        f"<title>{html.escape(title)}</title>"
        f'<meta name="description" content="{attr(description)}" />'
        f'<meta property="og:title" content="{attr(title)}" />'
        f'<meta property="og:description" content="{attr(description)}" />'
        '<meta property="og:type" content="website" />'
    ).encode()
    page = _TITLE.sub(lambda _: head, page, count=1)
    return _LANG.sub(f'<html lang="{attr(lang)}"'.encode(), page, count=1)


class LinkPreview:
    """ASGI middleware: the app's HTML page with the view's title and language (see above)."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = page_of(scope.get("path", "")) if scope["type"] == "http" else None
        if key is None or scope.get("method") != "GET":
            await self.app(scope, receive, send)
            return
        words = head_of(key, scope.get("query_string", b"").decode("latin-1"))
        named = _last_part(scope.get("path", "")) in PAGES
        plain = [(k, v) for k, v in scope["headers"] if k.lower() != b"accept-encoding"]
        await self.app(dict(scope, headers=plain), receive, _Rewriting(send, *words, named))


class _Rewriting:
    """The `send` of one page response: an HTML body is gathered, rewritten and sent at once,
    with its length; anything else passes as it comes."""

    def __init__(self, send: Send, lang: str, title: str, description: str, named: bool) -> None:
        self.send, self.words = send, (lang, title, description, named)
        self.start: Message | None = None
        self.body = b""

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            kind = dict(message.get("headers", [])).get(b"content-type", b"")
            if kind.startswith(b"text/html"):
                self.start = message  # held until the body is whole
                return
        elif message["type"] == "http.response.body" and self.start is not None:
            self.body += message.get("body", b"")
            if message.get("more_body") and len(self.body) <= MAX_PAGE:
                return
            await self._flush(message.get("more_body", False))
            return
        await self.send(message)

    async def _flush(self, more: bool) -> None:
        start, self.start = self.start, None
        assert start is not None
        body = self.body if more else rewrite(self.body, *self.words)
        if not more:
            kept = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
            start = dict(start, headers=[*kept, (b"content-length", str(len(body)).encode())])
        await self.send(start)
        await self.send({"type": "http.response.body", "body": body, "more_body": more})
