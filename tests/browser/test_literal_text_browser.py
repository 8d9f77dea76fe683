"""Text from data is text, in a real Chromium: a server on a store whose catalog, sources, notes
and revision carry links, images, HTML, bold, a spreadsheet formula, a Streamlit directive and a
formula in `$…$` (tests/present/hostile_text.py), and a briefing link whose chart tokens do too.

On every page that shows such text, the DOM has no link, image or event handler that came from
the data (the only links are the app's own: heading anchors and its pages), and the text reads
exactly as written, in the page's Markdown and in the charts' SVG.
"""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page

from tests.present.hostile_text import (
    AUTHOR,
    DEFINITION,
    EVIL,
    FILE_NAME,
    MESSAGE,
    NAME,
    NAMED,
    PAYLOADS,
    SOURCE,
    hostile_store,
)

from .conftest import running_server
from .helpers import ERRORS, wait_for_charts, wait_until_settled
from .test_trends_browser import close_not_found

WORD_JOINER = "\u2060"  # invisible; `markdown_literal` puts it inside "https:" and the like
TOKEN = f"trend~{NAMED}~legacy~56~2016~2020~year"
CRAFTED = ",".join([TOKEN, *PAYLOADS])  # a briefing link anyone could send

# What the DOM holds that did not come from us: links leaving the app, images (but the cards'
# own trend lines, drawn from numbers), event handlers, links inside the charts' SVG.
FOREIGN = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const origin = h => { try { return new URL(h, location.href).origin; } catch { return h; } };
  const hrefs = [...main.querySelectorAll('a[href]')].map(a => a.getAttribute('href'));
  return {
    leaving: hrefs.filter(h => !h.startsWith('#') && origin(h) !== location.origin),
    evil: [...main.querySelectorAll('[href], [src]')]
      .map(e => e.getAttribute('href') || e.getAttribute('src'))
      .filter(v => v.includes('evil')),
    images: [...main.querySelectorAll('img')]
      .filter(i => !(i.dataset.testid === 'cntt-sparkline'
                     && i.getAttribute('src').startsWith('data:image/svg+xml;base64,')))
      .map(i => i.getAttribute('src')),
    handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
    svg_links: main.querySelectorAll('svg a').length,
    own: hrefs.length,
  };
}"""
# Each text element of the charts as one line (a wrapped title or footer: its lines joined).
SVG_TEXT = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"] svg text')]
  .map(t => { const lines = t.querySelectorAll('tspan.line');
              return lines.length ? [...lines].map(l => l.textContent).join(' ')
                                  : t.textContent; })
  .join('\\n')"""


def flat(text: str) -> str:
    return " ".join(text.replace(WORD_JOINER, "").split())


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A server of its own on the hostile store and data folder."""
    folder = tmp_path_factory.mktemp("hostile")
    built = hostile_store(folder)
    with running_server(folder, INDICATORS_DATA_DIR=str(built.settings.data_dir)) as srv:
        srv.folder = folder
        yield srv


def opened(page: Page, url: str, charts: int = 0, table: bool = False, own: bool = True) -> dict:
    """Open `url`, wait for its charts (or table), check it shows no error and nothing foreign
    (and, if `own`, that it has links of its own, so the check sees links at all)."""
    page.goto(url)
    page.wait_for_selector('[data-testid="stMain"]', timeout=60_000)
    if own:
        page.wait_for_selector('[data-testid="stMain"] h1', timeout=60_000)
    if charts:
        wait_for_charts(page, charts)
    if table:
        page.wait_for_selector('[data-testid="stDataFrame"] table', state="attached")
    return drawn_safely(page, own)


def drawn_safely(page: Page, own: bool = True) -> dict:
    """Once the page has drawn what it was asked for, check it shows no error and nothing
    foreign (see `opened`)."""
    wait_until_settled(page)  # all of it drawn (a busy machine draws the rest seconds later)
    close_not_found(page)
    page.wait_for_timeout(800)  # the last Markdown blocks settle
    assert page.locator(ERRORS).count() == 0
    foreign = page.evaluate(FOREIGN)
    assert foreign["leaving"] == [] and foreign["evil"] == [] and foreign["images"] == []
    assert foreign["handlers"] == 0 and foreign["svg_links"] == 0
    assert foreign["own"] > 0 or not own  # the page's own heading anchors
    return foreign


def main_text(page: Page) -> str:
    return flat(page.locator('[data-testid="stMain"]').inner_text())


def chart_text(page: Page) -> str:
    return flat(page.evaluate(SVG_TEXT))


def test_overview_shows_names_units_and_sources_as_written(hostile, page):
    opened(page, hostile.url + "/", charts=2)
    text = main_text(page)
    assert flat(NAME) in text  # a card's title
    assert f"Nguồn: {SOURCE}" in text  # every card's caption
    assert "Traceback" not in text
    svg = chart_text(page)
    assert flat(NAME) in svg and f"Nguồn: {SOURCE}" in svg  # the trend's title and footer
    spark = page.locator('img[data-testid="cntt-sparkline"]')
    alts = spark.evaluate_all("images => images.map(i => i.alt)")
    assert any(flat(NAME) in flat(alt) for alt in alts)  # a trend line's alt text, as text
    page.screenshot(path=hostile.folder / "overview.png")


def test_trends_and_regions_show_titles_and_footers_as_written(hostile, page):
    opened(page, hostile.url + "/xu-huong", charts=2)
    assert flat(NAME) in main_text(page)  # the table's heading
    assert flat(NAME) in flat(page.title())  # the tab's title: text, as written
    svg = chart_text(page)
    assert flat(NAME) in svg and f"Nguồn: {SOURCE}" in svg
    opened(page, hostile.url + f"/dia-ban?indicator={NAMED}", charts=3)
    svg = chart_text(page)
    assert flat(NAME) in svg and f"Nguồn: {SOURCE}" in svg  # ranking, map and heatmap


def test_a_crafted_briefing_link_shows_its_tokens_and_slides_as_written(hostile, page):
    opened(page, hostile.url + "/bao-cao?" + urlencode({"charts": CRAFTED}))
    text = main_text(page)
    assert f"Liên kết có {len(PAYLOADS)} biểu đồ không đọc được" in text
    for token in PAYLOADS[:3]:  # the first three named as read ("+" in a link is a space)
        assert token.replace(" ", "+") in text
    assert flat(NAME) in text  # the slide's title in the deck list
    present = urlencode({"charts": CRAFTED, "present": "1"})
    opened(page, hostile.url + "/bao-cao?" + present, charts=1, own=False)
    svg = chart_text(page)
    assert flat(NAME) in svg and f"Nguồn: {SOURCE}" in svg  # the framed slide


def test_data_and_methodology_show_catalog_and_revision_text_as_written(hostile, page):
    opened(page, hostile.url + f"/du-lieu?ind={NAMED}&era=legacy&level=province", table=True)
    table = flat(page.locator('[data-testid="stDataFrame"]').text_content())
    assert flat(NAME) in table  # cells are never Markdown
    opened(page, hostile.url + "/phuong-phap")  # the indicators' cards first
    text = main_text(page)
    for written in (NAME, DEFINITION):
        assert flat(written) in text
    page.get_by_role("tab", name="Phiên bản dữ liệu").click()  # the revision's own tab
    page.get_by_role("heading", name="Phiên bản dữ liệu đang dùng").wait_for()
    drawn_safely(page)
    text = main_text(page)
    for written in (AUTHOR, MESSAGE, FILE_NAME):
        assert flat(written) in text
    assert EVIL in text  # …and it is there as text
