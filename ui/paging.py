"""A long table drawn one page of rows at a time, with a page chooser above it.

Why pages: the browser's table grid costs time for every row it is sent
(`present.tables.PAGE_ROWS` says how much). So a table shows `PAGE_ROWS` rows and the reader
pages through the rest; the downloads beside it still hold every row.

The chooser's key carries the table's identity (`what`, e.g. the filters) and its page count,
so a new choice of filters starts again on the first page instead of keeping a page number the
new table may not have.
"""

from __future__ import annotations

import hashlib

import streamlit as st

from indicators.present.tables import PAGE_ROWS
from ui.session import number, tr


def pages(n: int) -> int:
    """How many pages `n` rows take (at least one)."""
    return max(1, -(-n // PAGE_ROWS))


def page_of_rows(n: int, *, key: str, what: object = "") -> slice:
    """The rows of the page the reader chose among `n`, all of them when they fit one page.

    With more than one page, a page chooser ("Trang", 1 to the last page) and a line naming the
    rows shown ("Dòng 201–400 trong 12.345") are drawn where this is called."""
    total = pages(n)
    if total == 1:
        return slice(0, n)
    digest = hashlib.blake2b(repr(what).encode(), digest_size=6).hexdigest()
    left, right = st.columns([1, 3], vertical_alignment="bottom")
    with left:
        page = st.number_input(
            tr("paging.page", pages=number(total)),
            min_value=1,
            max_value=total,
            value=1,
            step=1,
            key=f"page_{key}_{digest}_{total}",
        )
    start = (int(page) - 1) * PAGE_ROWS
    stop = min(start + PAGE_ROWS, n)
    with right:
        st.caption(tr("paging.rows", first=number(start + 1), last=number(stop), n=number(n)))
    return slice(start, stop)
