"""What differs, row by row: the changes a staged load would make, and the diff of two
revisions, as frames of the same columns (`table`, the key, `change`, `<col>_old`/`<col>_new`).
"""

from __future__ import annotations

import pandas as pd

from indicators.core.schema import KEY
from indicators.store.staging import removed_sql, same_key, same_values
from indicators.store.tables import ALL_VALUE_COLUMNS, VALUE_COLUMNS, VERSIONED, as_of


def _change_columns(table: str, old: str | None, new: str | None) -> str:
    """old/new pairs for every value column, NULL where a table lacks one."""
    out = []
    for v in ALL_VALUE_COLUMNS:
        has = v in VALUE_COLUMNS[table]
        for side, src in (("old", old), ("new", new)):
            expr = src.format(v=v) if (has and src) else "NULL"
            out.append(f"{expr} AS {v}_{side}")
    return ", ".join(out)


def staged_changes(con, table: str, replace: bool, limit: int | None) -> pd.DataFrame:
    """The rows `staging.stage` found changed (and, with `replace`, the rows removed)."""
    keys = ", ".join(KEY)
    lim = "" if limit is None else f" LIMIT {int(limit)}"
    sql = (
        f"SELECT '{table}' AS \"table\", {keys}, 'changed' AS change,"
        f" {_change_columns(table, '{v}_old', '{v}')} FROM staged"
        " WHERE cur_row IS NOT NULL AND NOT same"
    )
    if replace:
        sql += (
            f" UNION ALL SELECT '{table}', {keys}, 'removed',"
            f" {_change_columns(table, 'c.{v}', None)} FROM (" + removed_sql(table, "c.*") + ") c"
        )
    return con.execute(f"SELECT * FROM ({sql}) AS found ORDER BY {keys}{lim}").df()


def diff(con, table: str, rev_a: int, rev_b: int, limit: int | None) -> pd.DataFrame:
    """Rows of `table` new in revision b, changed between a and b, or removed from a."""
    cols = ", ".join(VERSIONED[table])
    keys = ", ".join(f"coalesce(a.{k}, b.{k}) AS {k}" for k in KEY)
    lim = "" if limit is None else f" LIMIT {int(limit)}"
    # Only a row added or retired by a revision between the two can differ: the rest are the
    # same row in both (a national store's ten million rows are not joined for 500 changes).
    lo, hi = sorted((int(rev_a), int(rev_b)))
    moved = f"((rev_from > {lo} AND rev_from <= {hi}) OR (rev_to > {lo} AND rev_to <= {hi}))"
    sql = (
        f"WITH a AS (SELECT {cols} FROM {table} WHERE {as_of(rev_a)} AND {moved}),"
        f" b AS (SELECT {cols} FROM {table} WHERE {as_of(rev_b)} AND {moved})"
        f" SELECT '{table}' AS \"table\", {keys},"
        " CASE WHEN a.indicator IS NULL THEN 'new' WHEN b.indicator IS NULL THEN 'removed'"
        " ELSE 'changed' END AS change,"
        f" {_change_columns(table, 'a.{v}', 'b.{v}')}"
        f" FROM a FULL OUTER JOIN b ON {same_key('a', 'b')}"
        f" WHERE a.indicator IS NULL OR b.indicator IS NULL OR NOT ({same_values(table, 'a', 'b')})"
    )
    return con.execute(f"SELECT * FROM ({sql}) AS found ORDER BY {', '.join(KEY)}{lim}").df()


def concat_changes(parts: list[pd.DataFrame], limit: int | None) -> pd.DataFrame:
    """The tables' change frames as one, at most `limit` rows."""
    parts = [p for p in parts if not p.empty] or parts[:1]
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    return out.head(limit) if limit is not None else out
