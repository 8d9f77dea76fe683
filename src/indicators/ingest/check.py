"""One way in for every file: the Upload page, the command line, the bundled data and the tests.

    bytes -> reading (encoding, delimiter, sheet, header) -> shapes (long or wide)
          -> validate (every rule, a hint for each problem) -> Checked

`check_upload` never raises on a bad file: whatever is wrong is in `Checked.problems`, and
`Checked.frame` holds the rows that can be stored. Storing is the caller's choice (the store
commits all of a clean file, or with `valid_only` the valid rows of a partly bad one).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pandas as pd

from indicators.core.catalog import Catalog
from indicators.core.i18n import t
from indicators.core.limits import DEFAULT_LIMITS, UploadLimits
from indicators.core.problems import (
    Problem,
    problems_frame,
    report_csv,
    rule_problem,
    sort_problems,
)
from indicators.core.schema import OBS_COLUMNS, PERIOD_COLUMNS
from indicators.ingest.reading import Detected, RawTable, read_table
from indicators.ingest.shapes import to_long
from indicators.ingest.unitmatch import UnitMatcher
from indicators.ingest.validate import Validated, validate


@dataclass
class Checked:
    """What a file holds and what is wrong with it.

    frame          valid rows in canonical form (OBS_COLUMNS + period_kind/start/end)
    problems       errors, warnings and notes, errors first, then by file row
    rejected_rows  file row numbers (as Excel shows them) that have at least one error
    rows_read      data rows found below the header (blank rows not counted)
    detected       encoding, delimiter, sheet, header row, decimal mark, shape
    """

    file_name: str
    frame: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    rejected_rows: list[int] = field(default_factory=list)
    rows_read: int = 0
    detected: Detected = field(default_factory=Detected)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        """No errors: the whole file can be stored."""
        return not self.errors

    def report(self) -> pd.DataFrame:
        """Problems as a table (problems.REPORT_COLUMNS), both languages side by side."""
        return problems_frame(self.problems)

    def report_csv(self) -> bytes:
        """The report as a UTF-8-BOM CSV that Excel opens (headers 'Dòng / Row', …)."""
        return report_csv(self.problems)

    def summary(self, lang: str = "vi") -> str:
        return t(
            "upload.summary",
            lang,
            rows=self.rows_read,
            valid=len(self.frame),
            errors=len(self.errors),
            warnings=len(self.warnings),
        )

    def describe(self, lang: str = "vi") -> str:
        """'Tệp csv: bảng mã utf-8-sig, dấu phân cách ';', …' for the page and the CLI."""
        d = self.detected
        delim = {"\t": "tab", None: "—"}.get(d.delimiter, f"'{d.delimiter}'")
        shape = t(f"upload.shape.{d.shape}", lang) if d.shape else "—"
        if d.kind == "xlsx":
            head = d.header_row or "—"
            return t("upload.detected_xlsx", lang, sheet=d.sheet or "—", header=head, shape=shape)
        return t(
            "upload.detected",
            lang,
            kind=d.kind or "?",
            encoding=d.encoding or "—",
            delimiter=delim,
            header=d.header_row or "—",
            shape=shape,
        )


def check_upload(
    data: bytes,
    file_name: str,
    catalog: Catalog,
    regions: pd.DataFrame,
    *,
    history: pd.DataFrame | None = None,
    default_status: str = "published",
    decimal: str | None = None,
    max_bytes: int | None = None,
    columns: list[str] = OBS_COLUMNS,
    matcher: UnitMatcher | None = None,
    limits: UploadLimits = DEFAULT_LIMITS,
) -> Checked:
    """Read, reshape and validate one file. Never raises on bad input.

    history         the store's current observations (store.read("observations")), for
                    warnings about values far from the unit's previous period
    default_status  status of rows that give none (a yearbook's 'Sơ bộ' column says its own)
    decimal         "," or "." when the caller knows; otherwise detected from the numbers
    max_bytes       size limit (Settings.max_upload_bytes); None for the bundled data
    matcher         a prebuilt UnitMatcher(regions), to save rebuilding it per file
    limits          what the file may hold (Settings.upload_limits: rows, columns, cells, one
                    cell's and one source's or note's length, the XLSX zip); a file that passes
                    one is refused while it is read, with one error naming the limit
    """
    raw: RawTable = read_table(bytes(data), file_name, max_bytes=max_bytes, limits=limits)
    if not raw.readable:
        return _empty(file_name, raw.problems, raw.detected, columns)
    long = to_long(raw)
    det = replace(raw.detected, shape=long.shape)
    if long.frame.empty:
        probs = [*raw.problems, *long.problems, rule_problem("no_rows", det.header_row)]
        return _empty(file_name, probs, det, columns)
    checked: Validated = validate(
        long,
        catalog,
        regions,
        columns=columns,
        header_row=det.header_row,
        decimal=decimal,
        delimiter=det.delimiter,
        default_status=default_status,
        history=history,
        matcher=matcher,
        max_text_chars=limits.max_text_chars,
    )
    return Checked(
        file_name=file_name,
        frame=checked.frame,
        problems=sort_problems([*raw.problems, *long.problems, *checked.problems]),
        rejected_rows=checked.rejected_rows,
        rows_read=len(raw.cells),
        detected=replace(det, decimal=checked.decimal),
    )


def _empty(file_name: str, problems: list[Problem], det: Detected, columns) -> Checked:
    frame = pd.DataFrame(columns=[*columns, *PERIOD_COLUMNS])
    return Checked(file_name, frame, sort_problems(problems), [], 0, det)
