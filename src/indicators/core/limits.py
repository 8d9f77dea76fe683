"""How much one uploaded file may hold: the limits that a hostile file cannot pass.

A file is refused as soon as it passes one of them, while it is being read, never after it is
in memory: a 2 KB workbook can claim a sheet of a million rows and 16,384 columns, a 4 MB CSV
can hold one row of two million cells, a 140 KB cell can hide an unclosed quote. Every limit
has a default fit for a province and a key of the same name under `[uploads]` in the data
folder's settings.toml; a national install raises them there. The refusal names the key, so the
administrator knows which one to change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields

from indicators.core.i18n import WordedError

MB = 1024 * 1024


@dataclass(frozen=True)
class UploadLimits:
    """The limits of one upload; each field is also its key under `[uploads]`.

    max_mb            the file as uploaded (the Upload page and `indicators validate/import`)
    max_unzipped_mb   XLSX: all its parts unzipped together, as their sizes are declared (the
                      reader never inflates a part beyond its declared size)
    max_zip_ratio     XLSX: one part's unzipped size over its zipped size, for parts above
                      1 MB unzipped; 100 is Apache POI's zip-bomb default, and real sheets
                      compress 5-30 times
    max_zip_parts     XLSX: parts in the zip (a workbook has a few dozen)
    max_part_mb       XLSX: one part the reader loads whole (styles, workbook, relationships);
                      sheets and shared strings are streamed and bounded by the limits below
    max_rows          rows of the table, blank ones and title lines included: the highest row
                      number of a sheet (its declared dimension is never trusted), the records
                      of a CSV. A million-row sheet is refused by default
    max_columns       columns of any row (a yearbook table has a few dozen)
    max_cells         rows x columns of the table as held in memory
    max_field_chars   one cell's text; 32,767 is the most Excel itself lets a cell hold
    max_text_chars    the `source` and `note` of one row: a line of provenance, not a document
    """

    max_mb: float = 20
    max_unzipped_mb: float = 200
    max_zip_ratio: float = 100
    max_zip_parts: int = 1_000
    max_part_mb: float = 20
    max_rows: int = 200_000
    max_columns: int = 500
    max_cells: int = 3_000_000
    max_field_chars: int = 32_767
    max_text_chars: int = 500

    @property
    def max_bytes(self) -> int:
        return int(self.max_mb * MB)

    @property
    def max_unzipped_bytes(self) -> int:
        return int(self.max_unzipped_mb * MB)

    @property
    def max_part_bytes(self) -> int:
        return int(self.max_part_mb * MB)

    @classmethod
    def from_table(cls, table: Mapping[str, object]) -> UploadLimits:
        """The `[uploads]` table of settings.toml; missing keys keep their defaults.

        A misspelt key or a value that is not a positive number raises WordedError (the Upload
        page and the CLI stop on it): a limit the administrator believes is set, and is not,
        would be worse than a clear stop.
        """
        known = {f.name: f for f in fields(cls)}
        unknown = sorted(set(table) - set(known))
        if unknown:
            names = {"keys": ", ".join(unknown), "known": ", ".join(known)}
            raise WordedError("upload.limit_unknown", **names)
        values = {}
        for key, raw in table.items():
            kind = int if known[key].type == "int" else float
            values[key] = _positive(key, raw, kind)
        return cls(**values)


def _positive(key: str, raw: object, kind: type) -> int | float:
    """`raw` as a number above zero (an int where the limit counts things), else WordedError."""
    ok = isinstance(raw, int | float) and not isinstance(raw, bool) and raw > 0
    if ok and kind is int and float(raw).is_integer():
        return int(raw)
    if ok and kind is float:
        return float(raw)
    raise WordedError("upload.limit_bad", name=key, value=repr(raw))


DEFAULT_LIMITS = UploadLimits()
