"""A published table's parts: title, unit line, header rows, blocks, body, notes and source.

Yearbooks ("Niên giám thống kê") and rankings print a numbered bilingual title, a unit line
("ĐVT: Thuê bao"), two or three header rows (often merged, two lines in a cell), block label rows
("Thuê bao - Subscribers", "Chỉ số phát triển (Năm trước = 100) - %"), the data, and footnote
and "Nguồn:" rows below. This module only finds where each part is and joins the header rows
into one label per column; what the body means (periods, units, series) is `published`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from indicators.core.folding import fold
from indicators.ingest.arrow_text import TEXT
from indicators.ingest.headers import period_header, status_marker
from indicators.ingest.raw_table import Grid

LEVEL_SEP = " › "  # between the header rows of one column's label
LINE_SEP = " / "  # between the lines of one header cell ("Tổng số\nTotal")
_UNIT = re.compile(r"^\(?\s*(dvt|don vi tinh|don vi|unit)\s*[:.]\s*(.+?)\)?$")
_SOURCE = re.compile(r"^(nguon so lieu|nguon|source)\s*[:.]\s*(.*)$")
_NOTE = re.compile(r"^(ghi chu|chu thich|chu giai|notes?|\(\*+\)|\*+|\(\d\))\s*[:.]?\s*")
# A figure as printed: 1.778.489, 112,84, 0.8002, 41,096, 99,2%, -3, (0,6419), 07 (0,678)
_NUMBER = re.compile(r"^[(\-+−]?\s*\d[\d.,  ]*\s*%?\)?(\s*\n?\s*\(\s*\d[\d.,]*\s*\))?$")
NO_FIGURE = frozenset({"-", "--", "..", "...", "…", "—", "–", "x", "n/a", "na"})


def is_figure(text: str) -> bool:
    """A cell holding a number as printed (or a 'no figure' mark: '-', '..', 'x')."""
    t = text.strip()
    return bool(t) and (bool(_NUMBER.match(t)) or fold(t) in NO_FIGURE)


def one_line(text: str) -> str:
    """A header cell's lines joined: 'Tổng số\\nTotal' -> 'Tổng số / Total'."""
    return LINE_SEP.join(" ".join(p.split()) for p in str(text).splitlines() if p.strip())


@dataclass
class Parts:
    """Where each part of a published table is (0-based grid rows) and what its lines say."""

    title: str = ""  # every title line, joined
    title_lines: list[str] = field(default_factory=list)
    unit: str = ""
    notes: list[str] = field(default_factory=list)
    source: str = ""
    header_rows: list[int] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)  # one per column, header rows joined
    body: list[tuple[int, str]] = field(default_factory=list)  # (row, block label) per data row
    blocks: list[str] = field(default_factory=list)  # block labels in order ('' when none)
    width: int = 0


def find_parts(grid: Grid) -> Parts | None:
    """The parts of the table in `grid`; None when no row holds figures under a label."""
    cells = grid.cells.fillna("").astype(TEXT)
    if cells.empty:
        return None
    rows = [[c.strip() for c in r] for r in cells.itertuples(index=False)]
    width = max((_last(r) for r in rows), default=0)
    kinds = [_kind(r, width) for r in rows]
    first_data = next((i for i, k in enumerate(kinds) if k == "data"), None)
    if first_data is None:
        return None
    parts = Parts(width=width)
    head_start = next((i for i, k in enumerate(kinds) if k in ("head", "data")), first_data)
    for i in range(head_start):
        _line(parts, rows[i], above=True)
    block = ""
    for i in range(head_start, first_data):
        if kinds[i] == "head" or (kinds[i] == "line" and _continues_header(rows[i])):
            parts.header_rows.append(i)
        elif kinds[i] == "line" and not _line(parts, rows[i], above=True):
            block = _text(rows[i])
    last_data = max(i for i, k in enumerate(kinds) if k == "data")
    for i in range(first_data, len(rows)):
        if kinds[i] == "data":
            parts.body.append((i, block))
        elif kinds[i] == "line" and i < last_data and not _is_note(rows[i]):
            block = _text(rows[i])
        elif kinds[i] in ("line", "head"):
            _line(parts, rows[i], above=False)
    parts.blocks = list(dict.fromkeys(b for _, b in parts.body))
    parts.labels = _labels([rows[i] for i in parts.header_rows], width)
    return parts


def _last(row: list[str]) -> int:
    return max((j + 1 for j, c in enumerate(row) if c), default=0)


def _text(row: list[str]) -> str:
    """A line's text: its distinct cells in order (a merged line repeats one text)."""
    return " ".join(one_line(c) for c in dict.fromkeys(c for c in row if c))


def _kind(row: list[str], width: int) -> str:
    """'empty', 'line' (one text, e.g. a title or a merged block label), 'data' (a label with
    figures beside it) or 'head' (several texts, no figures under a label)."""
    filled = [(j, c) for j, c in enumerate(row) if c]
    if not filled:
        return "empty"
    distinct = dict.fromkeys(c for _, c in filled)
    lone_figure = len(filled) == 1 and filled[0][0] > 0 and is_figure(filled[0][1])
    if len(distinct) == 1 and not lone_figure:
        return "line"
    if any(_UNIT.match(fold(one_line(c))) for c in distinct):  # a title with 'ĐVT:' at its end
        return "line"
    if _periods_across(filled):
        return "head"
    label_at = filled[0][0]
    figures = [c for j, c in filled if j > label_at and is_figure(c)]
    return "data" if figures else "head"


def _periods_across(filled: list[tuple[int, str]]) -> bool:
    """A header row of periods ('2016', '2017', …, 'Sơ bộ 2020'): two or more period cells,
    and every other cell a text that is no figure."""
    periods = [c for _, c in filled if period_header(c)]
    others = [c for _, c in filled if not period_header(c)]
    return len(periods) >= 2 and all(not is_figure(c) for c in others)


def _continues_header(row: list[str]) -> bool:
    """A line under the header that marks a column ('Sơ bộ - Prel.'), not a block label."""
    filled = [(j, c) for j, c in enumerate(row) if c]
    return len(filled) == 1 and filled[0][0] > 0 and status_marker(filled[0][1]) is not None


def _is_note(row: list[str]) -> bool:
    f = fold(_text(row))
    return bool(_NOTE.match(f) or _SOURCE.match(f))


def _line(parts: Parts, row: list[str], *, above: bool) -> bool:
    """Read a line (or the cells of one) as the unit, the source, a note or the title.
    Returns False for a line above the body that is none of these (a block label)."""
    found = False
    rest = []
    for cell in dict.fromkeys(c for c in row if c):
        text = one_line(cell)
        f = fold(text)
        if _UNIT.match(f):
            parts.unit = parts.unit or _after_colon(text)
            found = True
        elif m := _SOURCE.match(f):
            parts.source = _after_colon(text) if m.group(2) else parts.source
            found = True
        elif _NOTE.match(f) and (not above or f.startswith(("ghi chu", "note"))):
            parts.notes.append(_note_text(text))
            found = True
        else:
            rest.append(text)
    if rest and above and not parts.header_rows and not parts.body:
        parts.title_lines.append(" ".join(rest))
        parts.title = " ".join(parts.title_lines)
        return True
    if rest and not above:
        parts.notes.append(" ".join(rest))
        return True
    return found and not rest


def _note_text(text: str) -> str:
    """'Ghi chú: Số thuê bao …' -> 'Số thuê bao …' (a footnote mark such as '(*)' is kept)."""
    if re.match(r"^(ghi chu|chu thich|chu giai|notes?)\b", fold(text)):
        return _after_colon(text) or text
    return text


def _after_colon(text: str) -> str:
    """'ĐVT: Thuê bao' -> 'Thuê bao'; '(Nguồn: Niên giám 2020)' -> 'Niên giám 2020'."""
    _, sep, tail = text.partition(":")
    return (tail if sep else text).strip(" ()")


def _labels(header: list[list[str]], width: int) -> list[str]:
    """One label per column: its header cells top-down, a merged cell's text once."""
    labels = []
    for j in range(width):
        parts = [one_line(r[j]) for r in header if j < len(r) and r[j]]
        labels.append(LEVEL_SEP.join(dict.fromkeys(parts)))
    return labels


def title_year(title: str) -> str | None:
    """The year a one-period table is about, from its title ('Xếp hạng DTI năm 2022')."""
    years = re.findall(r"(?<!\d)(19[9]\d|20\d\d)(?!\d)", title)
    return years[-1] if years else None


def grid_rows(grid: Grid, rows: list[int]) -> pd.DataFrame:
    """The grid's cells of `rows` (0-based), stripped."""
    return grid.cells.iloc[rows].fillna("").astype(TEXT).apply(lambda c: c.str.strip())
