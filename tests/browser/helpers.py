"""What every browser test does: wait for charts, pick an option, time a page's first charts."""

from __future__ import annotations

import statistics
import time

from playwright.sync_api import Page, expect

CHART = '[data-testid="stPlotlyChart"] .main-svg'
ERRORS = '[data-testid="stException"]'


def wait_for_charts(page: Page, count: int = 1, timeout: float = 60_000) -> None:
    page.wait_for_function(
        f"document.querySelectorAll('{CHART}').length >= {count}", timeout=timeout
    )


def choose(page: Page, label: str, option: str) -> None:
    """Pick `option` in the selectbox labelled `label`."""
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text=label)
    box.click()
    page.get_by_role("option", name=option, exact=True).click()


def no_errors(page: Page) -> None:
    expect(page.locator(ERRORS)).to_have_count(0)


def median_load(page: Page, url: str, charts: int, runs: int = 5) -> float:
    """Median of `runs` times from navigation to `charts` charts drawn (the issue's measure)."""
    times = []
    for _ in range(runs):
        t0 = time.monotonic()
        page.goto(url)
        wait_for_charts(page, charts)
        times.append(time.monotonic() - t0)
    return statistics.median(times)


def card_value(page: Page, label: str) -> str:
    """The value shown on the Overview's KPI card labelled `label`."""
    card = (
        page.locator('[data-testid="stVerticalBlock"]')
        .filter(has=page.get_by_text(label, exact=True))
        .filter(has=page.locator('[data-testid="stMetricValue"]'))
    )
    return card.last.locator('[data-testid="stMetricValue"]').inner_text().strip()
