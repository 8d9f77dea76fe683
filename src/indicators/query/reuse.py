"""An answer of the last revision, reused for the next one where the new revision did not touch it.

Most revisions change one or two indicators: an analyst imports this year's households with
internet, or corrects one table. Every answer is cached per revision (`ui.cache.cached`), so
before this, the first reader after each import paid for every indicator again: at national
scale the Overview added up the whole country's communes for all forty indicators to show the
one that changed.

A query marked `per_indicator` answers each indicator from that indicator's own rows (values
and targets) and the reference tables, never from another indicator's. For such a query,
`Answers` keeps the latest answer to each question (the query and its arguments other than the
revision) and, asked the same question at a later revision, asks the store which indicators
the revisions in between added or retired a row of (`changed_indicators`, one small query):

- none of the question's: the kept answer is the answer;
- some: only those are read again, and their rows replace theirs in the kept answer (a frame,
  or a tuple of frames, sorted by indicator first, as every such query sorts its rows).

A revision's rows never change once committed, so a kept answer is trusted only while the
revision it was read at is still the same revision of the same store (its time and content
hash): a store put back from a backup, or another store in the same process, starts afresh.
"""

from __future__ import annotations

import copy
import dataclasses
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import pandas as pd

F = TypeVar("F", bound=Callable[..., Any])
PER_INDICATOR = "_answers_per_indicator"  # the mark `per_indicator` sets on a query function


def per_indicator(query: F) -> F:
    """Mark `query(con, rev, *, indicator=…|indicators=…, …)` as answering each indicator
    from its own rows alone (see above). Without either argument, the query answers every
    indicator, and `indicators=` must narrow it to some."""
    setattr(query, PER_INDICATOR, True)
    return query


def is_per_indicator(query: Callable[..., Any]) -> bool:
    return bool(getattr(query, PER_INDICATOR, False))


def changed_indicators(con, since: int, rev: int) -> frozenset[str]:
    """The indicators of which a revision after `since`, up to `rev`, added or retired a value
    or a target (a rollback retires and adds rows too, so it counts)."""
    between = "(rev_from > $since AND rev_from <= $rev) OR (rev_to > $since AND rev_to <= $rev)"
    rows = con.execute(
        f"SELECT DISTINCT indicator FROM observations WHERE {between}"
        f" UNION SELECT DISTINCT indicator FROM targets WHERE {between}",
        {"since": int(since), "rev": int(rev)},
    ).fetchall()
    return frozenset(r[0] for r in rows)


# What a connection has already said about the store it reads, asked once per connection: a
# read asks the store's file, its configuration and a few revisions' identities several times
# (the keys of the caches above it), and each small query costs a DuckDB round of 1-2 ms, about
# a fifth of a province's trend read. Kept only as long as the connection is.
_FACTS: weakref.WeakKeyDictionary[Any, dict] = weakref.WeakKeyDictionary()
_FACTS_LOCK = threading.Lock()


def _facts(con) -> dict:
    """What `con` has said so far (a connection that takes no weak reference: nothing kept)."""
    try:
        with _FACTS_LOCK:
            return _FACTS.setdefault(con, {"made": {}})
    except TypeError:
        return {"made": {}}


def revision_made(con, rev: int) -> tuple | None:
    """What tells a revision from another store's revision of the same number: its time and
    content hash (None: no such revision). A committed revision's are never changed, so they
    are remembered for the connection; an absent one is asked again (it may be being made)."""
    made = _facts(con)["made"]
    if rev not in made:
        found = con.execute(
            "SELECT created_at, content_hash FROM revisions WHERE id = ?", [int(rev)]
        ).fetchone()
        if found is None:
            return None
        made[rev] = found
    return made[rev]


def store_path(con) -> str | None:
    """The file `con` reads (None: a store in memory)."""
    facts = _facts(con)
    if "path" not in facts:
        facts["path"] = con.execute(
            "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
        ).fetchone()[0]
    return facts["path"]


def config_hash(con) -> str | None:
    """The hash of the configuration the store holds (catalog and unit lists: `store.tables`),
    remembered for a read-only connection (a writing one may write a new configuration)."""
    facts = _facts(con)
    if "config" in facts:
        return facts["config"]
    row = con.execute("SELECT value FROM meta WHERE key = 'config_hash'").fetchone()
    found = row[0] if row else None
    mode = con.execute("SELECT current_setting('access_mode')").fetchone()[0]
    if str(mode).lower() == "read_only":
        facts["config"] = found
    return found


def _splice(kept: Any, fresh: Any, again: frozenset[str]) -> Any:
    """`kept` with the rows of the indicators in `again` replaced by `fresh`'s (both a frame
    or a tuple of frames), in the order a fresh read gives: by indicator, each indicator's
    rows as its own read sorted them."""
    if isinstance(kept, tuple):
        return tuple(_splice(k, f, again) for k, f in zip(kept, fresh, strict=True))
    rest = kept[~kept["indicator"].isin(list(again))]
    parts = [f for f in (rest, fresh) if not f.empty]
    if len(parts) < 2:
        return (parts[0] if parts else rest).reset_index(drop=True)
    return joined(parts).sort_values("indicator", kind="stable", ignore_index=True)


def joined(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """Frames read apart as one frame, their text columns typed as one read types them: a
    column read all empty in one part (a note) comes as objects, in another as text."""
    out = pd.concat(parts, ignore_index=True)
    for column in out.columns:
        text = [p[column].dtype for p in parts if isinstance(p[column].dtype, pd.StringDtype)]
        if text and out[column].dtype == object:
            out[column] = out[column].astype(text[0])
    return out


def size_of(answer: Any) -> int:
    """Bytes an answer holds, roughly: its frames' columns (a tuple's or a dataclass's)."""
    if isinstance(answer, pd.DataFrame):
        return int(answer.memory_usage(index=False, deep=False).sum())
    if isinstance(answer, pd.Series):  # a row (the province's latest rank)
        return int(answer.memory_usage(index=False, deep=False))
    if isinstance(answer, tuple):
        return sum(size_of(a) for a in answer)
    if dataclasses.is_dataclass(answer) and not isinstance(answer, type):
        return sum(size_of(getattr(answer, f.name)) for f in dataclasses.fields(answer))
    return 0


class Answers:
    """The latest answer to each question of `per_indicator` queries, within `budget` bytes
    (the least recently asked go first): the Data page's table of a whole level is a few
    tens of MB at national scale, and a server keeps its own caches besides."""

    def __init__(self, budget: int = 128 * 2**20) -> None:
        self.budget = budget
        self._kept: OrderedDict[tuple, tuple[int, tuple | None, Any, int]] = OrderedDict()
        self._lock = threading.Lock()

    def answer(self, query: Callable[..., Any], con, rev: int, kwargs: Mapping[str, Any]) -> Any:
        """`query(con, rev, **kwargs)`, from the kept answer of an earlier revision where that
        holds (see the module's text)."""
        question = (query.__module__, query.__qualname__, store_path(con), _frozen(kwargs))
        with self._lock:
            kept = self._kept.get(question)
        answer = self._from(kept, query, con, rev, kwargs)
        made, size = revision_made(con, rev), size_of(answer)
        with self._lock:
            now = self._kept.get(question)
            if (now is None or now[0] <= rev) and size <= self.budget:
                self._kept[question] = (rev, made, answer, size)
                self._kept.move_to_end(question)
                while sum(k[3] for k in self._kept.values()) > self.budget:
                    self._kept.popitem(last=False)
        return copy.deepcopy(answer)  # a caller may change its copy, never the kept one

    def _from(self, kept, query: Callable[..., Any], con, rev: int, kwargs) -> Any:
        if kept is None or kept[0] > rev or kept[1] != revision_made(con, kept[0]):
            return query(con, rev, **kwargs)
        since, _, answer, _ = kept
        changed = changed_indicators(con, since, rev)
        if "indicator" in kwargs:  # one indicator: kept, or read again if it changed
            return answer if kwargs["indicator"] not in changed else query(con, rev, **kwargs)
        asked = kwargs.get("indicators")  # not given: every indicator
        again = changed if asked is None else changed & frozenset(asked)
        if not again:
            return answer
        wanted = sorted(again) if asked is None else [c for c in asked if c in again]
        fresh = query(con, rev, **{**kwargs, "indicators": tuple(wanted)})
        return _splice(answer, fresh, again)


def _frozen(kwargs: Mapping[str, Any]) -> tuple:
    """The arguments as a key (lists as tuples: `refs`, `indicators`)."""
    return tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in sorted(kwargs.items()))
