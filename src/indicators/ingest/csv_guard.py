"""A CSV read with bounded memory: every record counted as it is parsed, refused at the first
limit, and every error of the csv module turned into a Problem.

The file's text is parsed once by Python's csv module before pandas reads it: a row of two
million cells, a million rows or a 140 KB cell stops the scan where it is found. A physical
line that starts a record and has no quote is measured before the csv module splits it, so a
4 MB line of two million cells costs one `str.count`, not two million strings.
"""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from indicators.core.i18n import LANGS, t
from indicators.core.limits import UploadLimits
from indicators.core.problems import Problem, rule_problem
from indicators.ingest.limit_checks import Refused, TableCount

# `csv.field_size_limit` is one setting of the whole process, not of a reader.
_FIELD_LIMIT_LOCK = threading.Lock()
_TOO_LONG = "field larger than field limit"  # the csv module's words for a too-long field
_QUOTE_OPEN = "unexpected end of data"  # strict mode at the end of the text, inside quotes


@contextmanager
def field_limit(chars: int) -> Iterator[None]:
    """The csv module refuses a cell longer than `chars` while this lasts (one read at a time,
    so that two uploads never restore each other's limit)."""
    with _FIELD_LIMIT_LOCK:
        old = csv.field_size_limit(chars)
        try:
            yield
        finally:
            csv.field_size_limit(old)


class _Lines:
    """The text's physical lines, for csv.reader; a line that starts a record and holds no
    quote has exactly one cell more than delimiters, so a too-wide one is refused unsplit."""

    def __init__(self, text: str, delimiter: str, count: TableCount):
        self.text, self.delimiter, self.count = text, delimiter, count
        self.records = 0  # records the reader has returned
        self.lines_done = 0  # physical lines they used

    def __iter__(self) -> Iterator[str]:
        limit = self.count.limits.max_columns
        for n, line in enumerate(io.StringIO(self.text, newline="")):
            if n == self.lines_done and '"' not in line:
                width = line.count(self.delimiter) + 1
                if width > limit:
                    self.count.cell(self.records + 1, width)
            yield line


def scan_csv(text: str, delimiter: str, limits: UploadLimits) -> TableCount:
    """Rows and widest row of the whole text; `Refused` at the first limit or csv error.

    Blank lines are rows (pandas keeps them, so row numbers stay those Excel shows).
    """
    count = TableCount(limits)
    lines = _Lines(text, delimiter, count)
    reader = csv.reader(lines, delimiter=delimiter)
    with field_limit(limits.max_field_chars):
        try:
            for fields in reader:
                lines.records += 1
                lines.lines_done = reader.line_num
                count.cell(lines.records, len(fields))
        except csv.Error as exc:
            raise Refused(csv_problem(exc, lines.records + 1, limits)) from None
    return count


def csv_problem(exc: csv.Error, row: int, limits: UploadLimits) -> Problem:
    """What a csv module error means to the analyst, at the record `row` where it happened."""
    message = str(exc)
    if message.startswith(_TOO_LONG):
        return rule_problem("field_too_long", row, limit=limits.max_field_chars)
    if message == _QUOTE_OPEN:
        reason = tuple(t("upload.csv_quotes", lang, row=row) for lang in LANGS)
        return rule_problem("file_unreadable", row, reason=reason, error=message)
    return rule_problem("file_unreadable", row, error=message)


def strict_rows(text: str, delimiter: str, limits: UploadLimits) -> list[list[str]]:
    """Every record by the csv module in strict mode (for a file pandas cannot tokenise);
    `Refused` with the record where it fails."""
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    with field_limit(limits.max_field_chars):
        try:
            for fields in reader:
                rows.append(fields)
        except csv.Error as exc:
            raise Refused(csv_problem(exc, len(rows) + 1, limits)) from None
    return rows
