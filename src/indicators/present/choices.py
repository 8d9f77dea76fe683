"""The current choice of a page in words, for the one-line bar a phone shows instead of its
filters: "Tỷ lệ hộ có Internet · 2016–2026 · Tỉnh Khánh Hòa".

Plain text (names come from the catalog and the unit lists): the page shows it as written.
"""

from __future__ import annotations

from collections.abc import Sequence

from indicators.core.i18n import t


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
    parts = [", ".join(indicators), period, ", ".join(areas), *more]
    return t("a11y.title_sep", lang).join(p.strip() for p in parts if p and p.strip())
