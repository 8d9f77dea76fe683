"""One way in for every file: the Upload page, the command line, the bundled data and the tests.

    bytes -> reading (encoding, delimiter, sheet, grid) -> our own layout under a header row:
                 shapes (long or wide)
             or a table as published (yearbook, ranking, annex): published + a recipe
                 (given, recognised from the stored ones, or proposed for the analyst)
          -> validate (every rule, a hint for each problem) -> Checked

`check_upload` never raises on a bad file: whatever is wrong is in `Checked.problems`, and
`Checked.frame` holds the rows that can be stored. Storing is the caller's choice (the store
commits all of a clean file, or with `valid_only` the valid rows of a partly bad one).
"""

from __future__ import annotations

from collections.abc import Sequence
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
from indicators.ingest.conventions import Convention
from indicators.ingest.mapping import AreaNames, propose
from indicators.ingest.published import Published, problem, read_published
from indicators.ingest.raw_table import Grid
from indicators.ingest.reading import Detected, read_grid
from indicators.ingest.recipe import Recipe, best_fit
from indicators.ingest.reshape import SHAPE, apply_recipe
from indicators.ingest.shapes import LongText, to_long
from indicators.ingest.unitmatch import UnitMatcher
from indicators.ingest.validate import Validated, validate
from indicators.ingest.value_checks import History

GIVEN, RECOGNISED, PROPOSED = "given", "recognised", "proposed"  # how a recipe came to be used


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
    # A table as published: what was read, the recipe used (or proposed, to be confirmed),
    # how it came to be used, each proposed indicator's confidence and each series' numbers.
    published: Published | None = None
    recipe: Recipe | None = None
    recipe_use: str = ""
    confidence: dict[str, float] = field(default_factory=dict)
    conventions: dict[str, Convention] = field(default_factory=dict)

    @property
    def needs_mapping(self) -> bool:
        """A published table nobody has mapped yet: nothing is stored until it is confirmed."""
        return self.recipe_use == PROPOSED

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
        shape_key = "published.shape" if d.shape == SHAPE else f"upload.shape.{d.shape}"
        shape = t(shape_key, lang) if d.shape else "—"
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
    history: History | None = None,
    default_status: str = "published",
    decimal: str | None = None,
    max_bytes: int | None = None,
    columns: list[str] = OBS_COLUMNS,
    matcher: UnitMatcher | None = None,
    limits: UploadLimits = DEFAULT_LIMITS,
    recipe: Recipe | None = None,
    recipes: Sequence[Recipe] = (),
    home: dict[str, str] | None = None,
) -> Checked:
    """Read, reshape and validate one file. Never raises on bad input.

    history         the store's current observations of the indicators and units asked
                    (`value_checks.History`), for warnings about values far from the unit's
                    previous period
    default_status  status of rows that give none (a yearbook's 'Sơ bộ' column says its own)
    decimal         "," or "." when the caller knows; otherwise detected from the numbers
    max_bytes       size limit (Settings.max_upload_bytes); None for the bundled data
    matcher         a prebuilt UnitMatcher(regions), to save rebuilding it per file
    limits          what the file may hold (Settings.upload_limits: rows, columns, cells, one
                    cell's and one source's or note's length, the XLSX zip); a file that passes
                    one is refused while it is read, with one error naming the limit
    recipe          how to read a table as published (the analyst confirmed it, or named it)
    recipes         the stored recipes: one made for this table is used without asking
    home            {unit_list: code} of the home province: a published table's one area
    """
    grid = read_grid(bytes(data), file_name, max_bytes=max_bytes, limits=limits)
    if not grid.readable:
        return _empty(file_name, grid.problems, grid.detected, columns)
    raw = grid.table()
    long = to_long(raw) if raw.readable else None
    matcher = matcher or UnitMatcher(regions)
    if columns == OBS_COLUMNS and (long is None or not _own_layout(long)):
        unit_lists = tuple(pd.unique(regions["unit_list"]))
        pub = read_published(grid, AreaNames(matcher, unit_lists))
        if pub is not None and pub.series:
            options = {"recipe": recipe, "recipes": recipes, "home": home or _home(regions)}
            options["file_name"] = file_name
            return _check_published(grid, pub, catalog, regions, matcher, options, **{
                "history": history, "default_status": default_status,
                "max_text_chars": limits.max_text_chars,
            })  # fmt: skip
    if long is None:
        return _empty(file_name, raw.problems, raw.detected, columns)
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


def _own_layout(long: LongText) -> bool:
    """Our own layouts name the indicator and the unit in columns of their own."""
    have = set(long.labels)
    return bool(have & {"indicator", "indicator_name"}) and bool(have & {"region", "region_name"})


def _home(regions: pd.DataFrame) -> dict[str, str]:
    """The home province in each unit list when the caller does not say: the one with the
    most units (old Ninh Thuận is loaded beside old Khánh Hòa, which has more)."""
    units = regions[regions["level"].ne("province")]
    counts = units.groupby(["unit_list", "province_code"]).size()
    return {ul: str(counts[ul].idxmax()) for ul in counts.index.get_level_values(0).unique()}


def _check_published(
    grid: Grid,
    pub: Published,
    catalog: Catalog,
    regions: pd.DataFrame,
    matcher: UnitMatcher,
    options: dict,
    **validate_options,
) -> Checked:
    """A published table through its recipe (given or recognised), or a proposal to confirm."""
    first_header = pub.parts.header_rows[0] + 1 if pub.parts.header_rows else None
    det = replace(grid.detected, shape=SHAPE, header_row=first_header)
    recipe, use = options["recipe"], GIVEN
    if recipe is None:
        recipe, use = best_fit(list(options["recipes"]), pub.title, pub.labels()), RECOGNISED
    if recipe is None:
        proposal = propose(pub, catalog)
        probs = [*grid.problems, problem("needs_mapping", severity="error")]
        frame = pd.DataFrame(columns=[*OBS_COLUMNS, *PERIOD_COLUMNS])
        return Checked(
            options["file_name"], frame, sort_problems(probs), [], len(pub.parts.body), det, pub,
            proposal.recipe, PROPOSED, proposal.confidence,
        )  # fmt: skip
    unit_lists = tuple(pd.unique(regions["unit_list"]))
    if recipe.axis and recipe.axis != pub.axis:  # the analyst said where the periods are
        again = read_published(grid, AreaNames(matcher, unit_lists), recipe.axis)
        pub = again if again is not None and again.series else pub
    recipe = recipe.for_table(pub.labels())
    long, convs = apply_recipe(
        pub, recipe, catalog, options["home"], AreaNames(matcher, unit_lists)
    )
    applied = [problem("recipe_used", value=recipe.name, name=recipe.name)] if recipe.name else []
    checked = validate(long, catalog, regions, header_row=None, matcher=matcher, **validate_options)
    probs = [*grid.problems, *applied, *long.problems, *checked.problems]
    return Checked(
        options["file_name"], checked.frame, sort_problems(probs), checked.rejected_rows,
        len(pub.parts.body), det, pub, recipe, use, {}, convs,
    )  # fmt: skip


def _empty(file_name: str, problems: list[Problem], det: Detected, columns) -> Checked:
    frame = pd.DataFrame(columns=[*columns, *PERIOD_COLUMNS])
    return Checked(file_name, frame, sort_problems(problems), [], 0, det)
