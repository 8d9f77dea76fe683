"""The current choice of a page in words: the one-line bar a phone shows instead of its
filters ("Tỷ lệ hộ có Internet · 2016–2026 · Tỉnh Khánh Hòa"), and the title of the page a
shared link opens, as the browser tab and a chat app's preview show it.

Plain text (names come from the catalog and the unit lists): the page shows it as written.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from indicators.core.catalog import Catalog
from indicators.core.i18n import t
from indicators.core.settings import Settings

# The URL parameters that name an indicator, and a period or year, on any page (ui.url_state).
INDICATOR_PARAMS = ("ind", "indicator", "trend")
PERIOD_PARAMS = ("period", "year")
_YEARS = re.compile(r"(\d{4})(?:-(\d{4}))?")  # ?period=2016-2024, ?year=2024
_ONE = re.compile(r"\d{4}-(?:Q[1-4]|H[12]|\d{2})")  # ?period=2024-Q3, a month 2024-03


def _period(raw: str) -> str:
    """A link's period as a title writes it, or "" for anything that is not one."""
    if _ONE.fullmatch(raw):
        return raw
    years = _YEARS.fullmatch(raw)
    if years is None:
        return ""
    first, last = years.group(1), years.group(2) or years.group(1)
    return period_span(first, last) if first <= last else ""


def period_span(first: str, last: str) -> str:
    """A period range as a title writes it: 2016–2026, or 2026 alone."""
    return first if first == last else f"{first}–{last}"


def choice_line(
    indicators: Sequence[str],
    period: str,
    areas: Sequence[str],
    lang: str,
    *,
    more: Sequence[str] = (),
) -> str:
    """What is chosen, joined by the title separator: indicators, period, areas, then `more`
    (a granularity other than the default, a unit list); what is not chosen is left out."""
    return joined([", ".join(indicators), period, ", ".join(areas), *more], lang)


def joined(parts: Sequence[str], lang: str) -> str:
    """`parts` joined by the title separator, the empty ones left out."""
    return t("a11y.title_sep", lang).join(p.strip() for p in parts if p and p.strip())


def page_title(parts: Sequence[str], lang: str) -> str:
    """A page's title: `parts` (indicator, period, page name…) joined, then the app's name:
    "Tỷ lệ hộ có Internet · 2016–2026 · Xu hướng — Chỉ số CNTT-TT"."""
    what = joined(parts, lang)
    if not what:
        return t("app.title", lang)
    return t("a11y.title", lang, what=what, app=t("app.title", lang))


def link_title(page: str, query: Mapping[str, str], catalog: Catalog, lang: str) -> str:
    """The title of the page a link opens, read from the link alone (before any page runs):
    the indicators its parameters name (codes of the catalog; anything else is ignored), its
    period or year (written as periods are, else ignored), and the page's name `page`."""
    names: list[str] = []
    for key in INDICATOR_PARAMS:
        for code in query.get(key, "").split(","):
            if code in catalog and catalog[code].name(lang) not in names:
                names.append(catalog[code].name(lang))
    period = next((_period(query.get(k, "")) for k in PERIOD_PARAMS if query.get(k)), "")
    return page_title([", ".join(names), period, page], lang)


def install_heading(settings: Settings, lang: str) -> str:
    """What the install shows, as its Overview's heading says it: "Chỉ số CNTT-TT tỉnh Khánh
    Hòa", or the country's for an install of the whole country."""
    if settings.whole_country:
        return t("national.heading", lang, name=settings.province(lang))
    return t("app.heading", lang, province=settings.province(lang))
