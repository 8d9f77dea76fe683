"""Vietnam's clock: stored times are UTC, officials read Vietnam time (UTC+7, no daylight saving).

One place for it, so the pages, the exported images and the command line agree on the date
(at 01:00 in Khánh Hòa it is still the day before in UTC).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

VIETNAM = timezone(timedelta(hours=7), "ICT")


def local_time(utc: datetime) -> str:
    """A stored (naive UTC) time as officials read it: Vietnam time, dd/MM/yyyy HH:mm."""
    return utc.replace(tzinfo=UTC).astimezone(VIETNAM).strftime("%d/%m/%Y %H:%M")


def utc_now() -> datetime:
    """Now as the store keeps times: naive UTC."""
    return datetime.now(UTC).replace(tzinfo=None)


def today() -> date:
    """Today in Vietnam (the export date printed on images and decks)."""
    return datetime.now(VIETNAM).date()
