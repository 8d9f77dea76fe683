"""One indicator's rows as stored at a revision, for the History page's "as of" table: which
periods it has, and its rows of some periods with each unit's name.

At national scale a monthly indicator has over a million rows at one revision; a reader looks
at a period or a few, so the periods are listed first (a DISTINCT in the database) and only the
chosen periods' rows are read and named (a join, not a Python loop over the rows).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from indicators.core.schema import KEY
from indicators.store.tables import VERSIONED, as_of

COLUMNS = [*VERSIONED["observations"], "region_name"]


def periods(con, rev: int, indicator: str) -> list[str]:
    """The periods `indicator` has rows for at revision `rev`, latest first (a year before
    its last quarter and month)."""
    found = con.execute(
        f"SELECT DISTINCT period, period_end FROM observations WHERE {as_of(rev)}"
        " AND indicator = ? ORDER BY period_end DESC, period_start",
        [indicator],
    ).fetchall()
    return [p for p, _ in found]


def rows(con, rev: int, indicator: str, chosen: Sequence[str] | None = None) -> pd.DataFrame:
    """The rows of `indicator` at revision `rev` (only those of the `chosen` periods, when
    given), in key order, each with its unit's name (empty when the unit is not configured)."""
    cols = ", ".join(f"o.{c}" for c in VERSIONED["observations"])
    where, params = f"{as_of(rev, 'o')} AND o.indicator = $indicator", {"indicator": indicator}
    if chosen is not None:
        where += " AND list_contains($periods, o.period)"
        params["periods"] = list(chosen)
    order = ", ".join(f"o.{c}" for c in KEY)
    return con.execute(
        f"SELECT {cols}, r.name AS region_name FROM observations o"
        " LEFT JOIN regions r ON r.unit_list = o.unit_list AND r.code = o.region"
        f" WHERE {where} ORDER BY {order}",
        params,
    ).df()[COLUMNS]
