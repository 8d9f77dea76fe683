"""A recipe: how an analyst confirmed a published table is read, kept to read its next edition.

It says which series (a column or a row within a block, by its printed label) is which
indicator, the one area and the one period of a table that prints none, and how a column's
numbers are printed where the file itself could not tell. It is a small JSON text an analyst
can export, read and import again; the store keeps it by name and with every revision it read.
The next edition of the same table is recognised by its title and its labels, not its bytes:
the title's number ("208.") and years change from one yearbook to the next, its words do not.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import asdict, dataclass, field, replace

from indicators.core.folding import fold
from indicators.core.i18n import WordedError
from indicators.ingest.layout import LEVEL_SEP
from indicators.ingest.published import AXES

FORMAT = "chi-so-cntt-recipe"
VERSION = 1
MAX_TEXT = 20_000  # characters of a recipe file: a table has tens of series, not thousands
MAX_BYTES = MAX_TEXT * 4 + 3  # its bytes: UTF-8 takes at most 4 bytes a character, and a BOM
NUMBERS = ("vi", "en")  # "1.778.489 / 112,84" or "41,096 / 0.8002"
_NAME = re.compile(r"^(?!.*\.\.)[\w .()\-–]{1,80}$")
TITLE_FIT = 0.8  # how alike two titles must be (folded, numbers dropped) to be one table
LABEL_FIT = 0.8  # the share of the recipe's mapped series the new edition must print


class RecipeError(WordedError):
    """A recipe text that cannot be used: `rule` is the `recipe.error.*` message saying why."""


@dataclass(frozen=True)
class Recipe:
    """A confirmed mapping of one published table (see the module docstring)."""

    name: str
    title: str = ""
    series: dict[str, str] = field(default_factory=dict)  # series key -> indicator code
    labels: tuple[str, ...] = ()  # every series key the table printed when confirmed
    area: tuple[str, str] | None = None  # (unit_list, code); None: the home province
    period: str | None = None  # the one period of a table that prints none (a ranking)
    numbers: dict[str, str] = field(default_factory=dict)  # series key -> "vi" / "en"
    axis: str | None = None  # where the periods are, when the analyst said so (else found)

    def renamed(self, name: str) -> Recipe:
        return replace(self, name=name)

    def mapped(self, key: str, code: str | None) -> Recipe:
        """The recipe with series `key` read as indicator `code` (None: not imported)."""
        series = {k: v for k, v in self.series.items() if k != key}
        if code:
            series[key] = code
        return replace(self, series=series)

    def to_text(self) -> str:
        """The recipe as a small JSON file (UTF-8, one key a line, stable order)."""
        body = {"format": FORMAT, "version": VERSION, **asdict(self)}
        body["labels"] = list(self.labels)
        body["area"] = list(self.area) if self.area else None
        return json.dumps(body, ensure_ascii=False, indent=2, sort_keys=False) + "\n"

    @classmethod
    def from_bytes(cls, data: bytes) -> Recipe:
        """A recipe file's bytes (an upload, or a file read up to `MAX_BYTES`): UTF-8 text of
        a recipe's length at most; RecipeError otherwise."""
        if len(data) > MAX_BYTES:
            raise RecipeError("recipe.error.too_long", limit=MAX_TEXT)
        try:
            return cls.from_text(data.decode("utf-8-sig"))
        except UnicodeDecodeError:
            raise RecipeError("recipe.error.not_text") from None

    @classmethod
    def from_text(cls, text: str) -> Recipe:
        """A recipe from its JSON text; RecipeError says what is wrong (never a traceback)."""
        if len(text) > MAX_TEXT:
            raise RecipeError("recipe.error.too_long", limit=MAX_TEXT)
        try:
            body = json.loads(text)
        except (json.JSONDecodeError, RecursionError):
            raise RecipeError("recipe.error.not_json") from None
        if not isinstance(body, dict) or body.get("format") != FORMAT:
            raise RecipeError("recipe.error.format", format=FORMAT)
        if body.get("version") != VERSION:
            raise RecipeError("recipe.error.version", version=str(body.get("version"))[:20])
        return _checked(body)

    def fits(self, title: str, labels: list[str]) -> bool:
        """Whether a table with this title and these series labels is the same table."""
        if not self.series:
            return False
        alike = difflib.SequenceMatcher(None, title_key(self.title), title_key(title)).ratio()
        found = sum(1 for key in self.series if same_series(key, labels)) / len(self.series)
        return alike >= TITLE_FIT and found >= LABEL_FIT

    def for_table(self, labels: list[str]) -> Recipe:
        """The recipe with its series named as this edition prints them (a merged header
        expanded by Excel adds a level: 'Chia ra › Di động' under 'Số thuê bao điện thoại')."""
        series = {same_series(k, labels) or k: v for k, v in self.series.items()}
        numbers = {same_series(k, labels) or k: v for k, v in self.numbers.items()}
        return replace(self, series=series, numbers=numbers, labels=tuple(labels))


def same_series(key: str, labels: list[str]) -> str | None:
    """The label among `labels` that is series `key`: the same, or the only one with the same
    last level whose levels hold all of the other's (or the other way round)."""
    if key in labels:
        return key
    levels = key.split(LEVEL_SEP)
    found = [
        label
        for label in labels
        if label.split(LEVEL_SEP)[-1] == levels[-1]
        and (
            set(levels) <= set(label.split(LEVEL_SEP)) or set(label.split(LEVEL_SEP)) <= set(levels)
        )
    ]
    return found[0] if len(found) == 1 else None


def title_key(title: str) -> str:
    """'208. Số thuê bao … năm 2020' -> 'so thue bao … nam': what stays from edition to edition."""
    f = fold(title)
    f = re.sub(r"^\s*\d+\s*[.)]\s*", "", f)
    return " ".join(re.sub(r"\d+", " ", f).split())


def best_fit(recipes: list[Recipe], title: str, labels: list[str]) -> Recipe | None:
    """The stored recipe made for this table, if any (the one whose title is most alike)."""
    fitting = [r for r in recipes if r.fits(title, labels)]
    if not fitting:
        return None

    def alike(r: Recipe) -> float:
        return difflib.SequenceMatcher(None, title_key(r.title), title_key(title)).ratio()

    return max(fitting, key=alike)


def valid_name(name: str) -> bool:
    """A recipe name an analyst types: letters, digits, spaces and . ( ) -, at most 80; never
    '..' (a name may become a file name when the recipe is exported)."""
    return bool(_NAME.match(name.strip())) and name == name.strip()


def _checked(body: dict) -> Recipe:
    """Every field of a parsed recipe checked for its type and size."""
    name = body.get("name")
    if not isinstance(name, str) or not valid_name(name):
        raise RecipeError("recipe.error.name")
    series = body.get("series") or {}
    numbers = body.get("numbers") or {}
    labels = body.get("labels") or []
    if not (_str_map(series) and _str_map(numbers) and _str_list(labels)):
        raise RecipeError("recipe.error.field", field="series/numbers/labels")
    if any(v not in NUMBERS for v in numbers.values()):
        raise RecipeError("recipe.error.field", field="numbers")
    area = body.get("area")
    if area is not None and not (_str_list(area) and len(area) == 2):
        raise RecipeError("recipe.error.field", field="area")
    title, period = body.get("title") or "", body.get("period")
    if not isinstance(title, str) or (period is not None and not isinstance(period, str)):
        raise RecipeError("recipe.error.field", field="title/period")
    axis = body.get("axis")
    if axis not in (None, *AXES):
        raise RecipeError("recipe.error.field", field="axis")
    return Recipe(
        name, title, dict(series), tuple(labels), tuple(area) if area else None, period,
        dict(numbers), axis,
    )  # fmt: skip


def _str_map(value: object) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, str) and len(k) < 2000 and len(v) < 200
        for k, v in value.items()
    )


def _str_list(value: object) -> bool:
    return isinstance(value, list | tuple) and all(
        isinstance(v, str) and len(v) < 2000 for v in value
    )
