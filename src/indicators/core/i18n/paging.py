"""Long tables drawn a page of rows at a time (`ui.paging`)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "paging.page": ("Trang (trên {pages})", "Page (of {pages})"),
    "paging.rows": ("Dòng {first}–{last} trong {n}", "Rows {first}–{last} of {n}"),
}
