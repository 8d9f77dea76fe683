"""Every province's and the country's values of one indicator, made once per change of it.

At national scale a province's or the country's value is added up from thousands of communes
at each read (`values_sql`): 0.1–0.7 s per indicator, and no cheaper for one province than
for all of them with the country (its sum makes every province's on the way). A Trends or
Regions filter change asks for one or two such areas, often of an indicator it has not shown
yet, and paid that at every change.

A *table* here is one indicator's resolved values (`values_sql.resolve`, every period) of every
province and the country of one unit list. It is kept in this process and reused:

- for every later question about those units: `read.resolved_values` takes them from here
  and reads only the units below the province from the store;
- across revisions, while none touches it: a table is keyed by its *basis*, the last revision
  that added or retired a row of that indicator on that unit list, so an import of one
  indicator leaves every other table as it was.

The revision watcher makes every table of a new revision (`make_all`, after the pages' default
views); without it, a question that asks for the country's every period makes its indicators'
tables (no dearer than answering it), and any other is answered in SQL as before (one asking
only for years must not add up the months). A table is trusted only
for the same store file and configuration, and while its basis revision keeps its time and
content hash (a store put back from a backup starts afresh). Tables stay within a byte budget,
the least recently used dropped first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence

import pandas as pd

from indicators.query.reuse import config_hash, revision_made, store_path
from indicators.query.values_sql import resolve

BUDGET = 96 * 2**20  # bytes of tables kept (forty indicators on both lists: about 40 MB)
UPPER_LEVELS = ("province", "country")

_LOCK = threading.Lock()
_TABLES: OrderedDict[tuple, tuple[pd.DataFrame, int]] = OrderedDict()  # key → (table, bytes)
_BASES: OrderedDict[tuple, dict[tuple[str, str], int]] = OrderedDict()  # revision → its bases
_UNITS: OrderedDict[tuple, frozenset[str]] = OrderedDict()  # (store, config, list, levels)


def _config(con) -> tuple | None:
    """The store file and its configuration (None: a store in memory: nothing is kept)."""
    path = store_path(con)
    if path is None:
        return None
    return (str(path), config_hash(con))


def upper_units(con, unit_list: str) -> frozenset[str]:
    """The provinces and the country of one unit list: the units a table holds."""
    return _units_at(con, unit_list, UPPER_LEVELS)


def communes(con, unit_list: str) -> frozenset[str]:
    """The communes of one unit list: units with nothing below them, whose values are only
    ever what they reported (`values_sql.reported` reads them without adding anything up)."""
    return _units_at(con, unit_list, ("commune",))


def _units_at(con, unit_list: str, levels: tuple[str, ...]) -> frozenset[str]:
    """The units of one unit list at `levels` (configuration: kept per store file)."""
    config = _config(con)
    key = (*config, unit_list, levels) if config is not None else None
    if key is not None and key in _UNITS:
        return _UNITS[key]
    rows = con.execute(
        "SELECT code FROM regions WHERE unit_list = ? AND list_contains(?, level)",
        [unit_list, list(levels)],
    ).fetchall()
    found = frozenset(r[0] for r in rows)
    if key is not None:
        with _LOCK:
            _UNITS[key] = found
            while len(_UNITS) > 16:  # a few stores' unit lists at most
                _UNITS.popitem(last=False)
    return found


def bases(con, rev: int) -> dict[tuple[str, str], int]:
    """(unit list, indicator) → the last revision up to `rev` that added or retired one of its
    values: its values as of `rev` are those of that revision. One scan per revision (0.2 s
    at ten million rows), kept: a revision's content never changes."""
    key = (store_path(con), int(rev), revision_made(con, rev))
    with _LOCK:
        if key in _BASES:
            return _BASES[key]
    rows = con.execute(
        "SELECT unit_list, indicator,"
        " greatest(coalesce(max(rev_from) FILTER (WHERE rev_from <= $rev), 0),"
        "          coalesce(max(rev_to) FILTER (WHERE rev_to <= $rev), 0))"
        " FROM observations GROUP BY ALL",
        {"rev": int(rev)},
    ).fetchall()
    found = {(ul, code): int(basis) for ul, code, basis in rows if basis}
    with _LOCK:
        _BASES[key] = found
        while len(_BASES) > 8:
            _BASES.popitem(last=False)
    return found


def _keys(con, rev: int, indicators: Sequence[str], unit_list: str) -> dict[str, tuple] | None:
    """Each indicator's table key as of `rev`: the store file, its configuration, the unit
    list, the indicator and its basis with that revision's time and content hash (None: a
    store in memory)."""
    config = _config(con)
    if config is None:
        return None
    of_rev = bases(con, rev)
    made: dict[int, tuple | None] = {0: None}
    keys = {}
    for code in indicators:
        basis = of_rev.get((unit_list, code), 0)
        if basis not in made:
            made[basis] = revision_made(con, basis)
        keys[code] = (*config, unit_list, code, basis, made[basis])
    return keys


def tables(
    con, rev: int, indicators: Sequence[str], unit_list: str, *, make: bool
) -> dict[str, pd.DataFrame] | None:
    """Each indicator's table as of `rev` (shared: do not modify), or None when one of them is
    not kept and `make` is False. `make` reads the missing ones in one query."""
    keys = _keys(con, rev, indicators, unit_list)
    if keys is None:
        return None
    empty = _none(con, rev, unit_list)
    found: dict[str, pd.DataFrame] = {}
    with _LOCK:
        for code, key in keys.items():
            if key[-2] == 0:  # no value of it was ever stored on this list
                found[code] = empty
            elif key in _TABLES:
                _TABLES.move_to_end(key)
                found[code] = _TABLES[key][0]
    missing = [code for code in indicators if code not in found]
    if missing and not make:
        return None
    if missing:
        found.update(_made(con, rev, missing, unit_list, keys))
    return found


_NONE: list[pd.DataFrame] = []  # no rows, typed as the store's SQL types them (any store)


def _none(con, rev: int, unit_list: str) -> pd.DataFrame:
    """The table of an indicator never stored on a unit list (read once per process)."""
    if not _NONE:
        _NONE.append(resolve(con, rev, indicators=[], unit_list=unit_list, regions=[]))
    return _NONE[0]


def _made(con, rev: int, codes: list[str], unit_list: str, keys: dict) -> dict[str, pd.DataFrame]:
    """Read the tables of `codes` and keep them (within the budget)."""
    units = sorted(upper_units(con, unit_list))
    every = resolve(con, rev, indicators=codes, unit_list=unit_list, regions=units)
    out = {}
    for code in codes:
        out[code] = every[every["indicator"] == code].reset_index(drop=True)
        keep(keys[code], out[code])
    return out


def kept_keys(con, rev: int, indicators: Sequence[str], unit_list: str) -> dict[str, tuple] | None:
    """Each indicator's table key as of `rev` when every one of those tables is kept (so what
    is made from them costs no commune read), else None. A table derived from one indicator's
    values on one list (`province_merger`'s conversions) is kept under a key made of its own
    name and this one: it lives exactly as long as the values it was made from."""
    keys = _keys(con, rev, indicators, unit_list)
    if keys is None:
        return None
    with _LOCK:
        if all(key[-2] == 0 or key in _TABLES for key in keys.values()):
            return keys
    return None


def kept(key: tuple) -> pd.DataFrame | None:
    """The table kept under `key`, if it still is (shared: do not modify)."""
    with _LOCK:
        if key not in _TABLES:
            return None
        _TABLES.move_to_end(key)
        return _TABLES[key][0]


def keep(key: tuple, table: pd.DataFrame) -> None:
    """Keep `table` under `key`, within the budget shared by every table here (the least
    recently used dropped first)."""
    size = int(table.memory_usage(index=False, deep=True).sum())
    with _LOCK:
        _TABLES[key] = (table, size)
        while sum(s for _, s in _TABLES.values()) > BUDGET and len(_TABLES) > 1:
            _TABLES.popitem(last=False)


def make_all(con, rev: int) -> int:
    """Make every table of revision `rev` not kept yet, in one read per unit list (what the
    revision watcher does once a new revision's pages are ready: after an import, the tables
    of the indicators it touched); how many."""
    missing: dict[str, list[str]] = {}
    for unit_list, code in sorted(bases(con, rev)):
        if tables(con, rev, [code], unit_list, make=False) is None:
            missing.setdefault(unit_list, []).append(code)
    for unit_list, codes in missing.items():
        tables(con, rev, codes, unit_list, make=True)
    return sum(len(codes) for codes in missing.values())


def picked(
    table: pd.DataFrame,
    regions: Sequence[str],
    periods: Sequence[str] | None = None,
    kinds: Sequence[str] | None = None,
) -> pd.DataFrame:
    """The rows of a table for some of its units (and periods or period kinds)."""
    keep = table["region"].isin(list(regions))
    if periods is not None:
        keep &= table["period"].isin(list(periods))
    if kinds is not None:
        keep &= table["period_kind"].isin(list(kinds))
    return table[keep]
