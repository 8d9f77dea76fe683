"""A link shared in a chat app: the HTML the server sends (what a link preview reads; it runs no
script) names the indicator, the period and the page, in the link's language, with the
preview lines; whatever else a link carries never reaches that HTML as markup."""

from __future__ import annotations

import gzip
import html
import re
import urllib.request
from urllib.parse import quote, urlencode

from playwright.sync_api import expect

from indicators.core.catalog import load_catalog
from indicators.core.settings import REPO_ROOT

from .helpers import no_errors, wait_for_charts, wait_until_settled

CATALOG = load_catalog(REPO_ROOT / "data" / "catalog.csv")
APP = {"vi": "Chỉ số CNTT-TT", "en": "ICT Indicators"}


def fetch(url: str, gzip_ok: bool = False) -> tuple[dict[str, str], str]:
    """The headers and the HTML text a link preview gets for `url`."""
    headers = {"Accept-Encoding": "gzip"} if gzip_ok else {}
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=60) as r:
        body = r.read()
        got = {k.lower(): v for k, v in r.headers.items()}
    if got.get("content-encoding") == "gzip":
        body = gzip.decompress(body)
    return got, body.decode("utf-8")


def head(page: str) -> dict[str, str]:
    """The title, the preview lines and the language of an HTML page, as written (unescaped)."""
    title = re.search(r"<title>([^<]*)</title>", page)
    metas = dict(re.findall(r'<meta (?:name|property)="([^"]+)" content="([^"]*)"', page))
    lang = re.search(r'<html lang="([^"]*)"', page)
    return {
        "title": html.unescape(title.group(1)) if title else "",
        "lang": lang.group(1) if lang else "",
        **{k: html.unescape(v) for k, v in metas.items()},
    }


def test_a_trends_link_names_its_indicator_period_and_page(server):
    name = CATALOG["hh_internet_pct"].name("vi")
    got, page = fetch(f"{server.url}/xu-huong?ind=hh_internet_pct&period=2018-2024", gzip_ok=True)
    said = head(page)
    assert said["title"] == f"{name} · 2018–2024 · Xu hướng — {APP['vi']}"
    assert said["og:title"] == said["title"] and said["lang"] == "vi"
    assert said["og:description"] == "Chỉ số CNTT-TT tỉnh Khánh Hòa" == said["description"]
    assert "content-encoding" not in got and int(got["content-length"]) == len(page.encode())


def test_an_english_link_and_the_home_page(server):
    said = head(fetch(f"{server.url}/?lang=en&period=2024")[1])
    assert said["title"] == f"2024 · Overview — {APP['en']}" and said["lang"] == "en"
    said = head(fetch(f"{server.url}/so-sanh-tinh?indicator=hh_internet_pct&lang=en")[1])
    name = CATALOG["hh_internet_pct"].name("en")
    assert said["title"] == f"{name} · Provinces — {APP['en']}"
    assert said["og:description"] == "Khánh Hòa ICT indicators"


def test_a_crafted_link_puts_no_markup_in_the_page(server):
    hostile = "<script>alert(1)</script>"
    query = urlencode({"ind": f"hh_internet_pct,{hostile}", "period": hostile, "lang": hostile})
    page = fetch(f"{server.url}/xu-huong?{query}")[1]
    assert "<script>alert" not in page and "alert(1)" not in page
    said = head(page)
    name = CATALOG["hh_internet_pct"].name("vi")
    assert said["title"] == f"{name} · Xu hướng — {APP['vi']}" and said["lang"] == "vi"
    # a very long link is read in part only, and still answered
    long = "?" + "&".join(f"x{i}={quote('a' * 50)}" for i in range(2000))
    assert head(fetch(f"{server.url}/du-lieu{long}")[1])["title"].endswith(APP["vi"])


def test_what_is_not_a_page_passes_unchanged(server):
    assert fetch(f"{server.url}/_stcore/health")[1] == "ok"
    got, manifest = fetch(f"{server.url}/manifest.json", gzip_ok=True)
    assert got["content-type"].startswith("application/json") and '"name"' in manifest


def test_the_page_language_follows_the_reader_s_switch(server, page):
    """A screen reader speaks a page by its `<html lang>`: the link's language first, then the
    one the reader switches to."""
    page.goto(f"{server.url}/?lang=en")
    wait_for_charts(page, 1)
    assert page.evaluate("document.documentElement.lang") == "en"
    page.get_by_test_id("stSidebar").get_by_text("Tiếng Việt", exact=True).click()
    page.wait_for_function("document.documentElement.lang === 'vi'", timeout=30_000)
    expect(page).to_have_title(re.compile("Tổng quan — Chỉ số CNTT-TT$"))


def test_a_page_link_connects_at_the_app_s_own_routes_first(server, page):
    """Opened at a page's path, the browser asks the server's routes where they are (the app's
    root) and not first under the page's path, which is refused and then waited on."""
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url))
    page.on("websocket", lambda ws: asked.append(ws.url.replace("ws://", "http://", 1)))
    for path in ("/xu-huong?ind=hh_internet_pct", "/dia-ban/", "/"):
        asked.clear()
        page.goto(server.url + path)
        wait_for_charts(page, 1)
        wait_until_settled(page)
        core = [u.removeprefix(server.url) for u in asked if "/_stcore/" in u]
        assert "/_stcore/health" in core and "/_stcore/stream" in core, core
        assert all(u.startswith("/_stcore/") for u in core), core  # none under the page's path
        no_errors(page)
    # the home page's HTML is Streamlit's own: its routes are found there at the first ask
    assert "BACKEND_BASE_URL" not in fetch(f"{server.url}/")[1]
    assert "BACKEND_BASE_URL" in fetch(f"{server.url}/xu-huong")[1]
