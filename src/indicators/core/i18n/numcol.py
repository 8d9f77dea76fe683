"""How the numbers of a column were read (`ingest.validate`, `ingest.number_columns`): notes
on cells read by a rule rather than by the file's own decimal mark. `numcol.rule.<rule>` says
how a cell was read, `numcol.hint.<rule>` what to do if that reading is wrong."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # {mark}: '.' or ','; {n}: how many cells of the column were read so; {example} one of them.
    "numcol.rule.whole_number_thousands": (
        "đọc '{example}' là {number} (số nguyên, dấu '{mark}' phân cách hàng nghìn); "
        "{n} ô của cột này được đọc như vậy",
        "read '{example}' as {number} (a whole number, '{mark}' separating thousands); "
        "{n} cell(s) of this column read so",
    ),
    "numcol.hint.whole_number_thousands": (
        "Chỉ tiêu này là số nguyên (số đếm) nên không có phần thập phân. Nếu đọc sai, ghi số "
        "không có dấu phân cách (1234) hoặc dùng dấu thập phân rõ ràng cho cả tệp.",
        "This indicator is a whole number (a count), so it has no decimals. If this reading "
        "is wrong, write the number without separators (1234) or a clear decimal mark for the "
        "whole file.",
    ),
}
