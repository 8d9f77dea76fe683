"""Every province of both unit lists by name, for reading tables that rank all of them.

A ranking of provinces prints all 63 (or 34) of them, while an install's unit lists hold only
its own province. Telling "a province outside this install" from "a name nobody knows" needs
the whole list: the rows of other provinces are set aside with a note, a misspelt name is an
error. The national picture (provinces as units of their own) builds on the same list.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from indicators.geography.unit_source import query
from indicators.geography.units import LEGACY, NEW


@lru_cache(maxsize=1)
def all_provinces() -> pd.DataFrame:
    """unit_list, code, name, short_name of the 63 provinces before 1 July 2025 and the 34
    after (read once: the package's tables do not change while the app runs)."""
    parts = []
    for unit_list, table in ((LEGACY, "admin_units_legacy"), (NEW, "admin_units")):
        rows = query(
            "SELECT DISTINCT provinceCode AS code, province AS name, provinceShort AS short_name"
            f" FROM {table}"
        )
        parts.append(pd.DataFrame(rows).assign(unit_list=unit_list))
    out = pd.concat(parts, ignore_index=True)
    return out[["unit_list", "code", "name", "short_name"]].sort_values(
        ["unit_list", "code"], ignore_index=True
    )
