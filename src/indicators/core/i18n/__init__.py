"""The message catalog: every word the app shows, Vietnamese first, English second.

One file per key prefix (`status.*` in status.py, `upload.*` in upload.py …); a prefix of only
one or two keys shares the file of the prefix it is shown with, as that file's docstring says.
A key may be defined only once across the files: importing fails otherwise. Pages hold no
strings, and errors hold no prose: they carry a message key and its parameters (`WordedError`)
and the catalog words them in either language.

The two languages meet only here: `t` words a message in one language, `in_lang` picks one of
two texts held in both (a name, a unit), `bilingual` makes the `name(lang)` accessor of such a
pair, `both` and `joined` set the two side by side ("tiếng Việt / English", for the command line,
exceptions and file headers) and `half` reads one side back.
"""

from __future__ import annotations

import pkgutil
from collections.abc import Callable
from importlib import import_module
from typing import Any

LANGS = ("vi", "en")
SEP = " / "  # between the two languages of one text

# Every module of this package is a message file: adding a file adds its messages.
_FILES = sorted(m.name for m in pkgutil.iter_modules(__path__))


def _merge(*parts: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for part in parts:
        twice = merged.keys() & part.keys()
        if twice:
            raise ValueError(f"message keys defined twice: {sorted(twice)}")
        merged.update(part)
    return merged


MESSAGES = _merge(*(import_module(f"{__name__}.{name}").MESSAGES for name in _FILES))


def t(key: str, lang: str = "vi", **kwargs: object) -> str:
    """The message for `key` in `lang`, with {placeholders} filled in."""
    text = in_lang(lang, *MESSAGES[key])
    return text.format(**kwargs) if kwargs else text


def in_lang(lang: str, vi: str, en: str) -> str:
    """Of two texts that data or settings hold in both languages (`name_vi`, `name_en`), the one
    for `lang`: the single place that chooses between Vietnamese and English."""
    return en if lang == "en" else vi


def bilingual(field: str) -> Callable[[Any, str], str]:
    """A method `obj.<field>(lang)` reading `<field>_vi` or `<field>_en`, for records that hold
    a text in both languages (an indicator's name, the province's name)."""

    def read(self: Any, lang: str) -> str:
        return in_lang(lang, getattr(self, f"{field}_vi"), getattr(self, f"{field}_en"))

    read.__doc__ = f"`{field}_vi` or `{field}_en`, for `lang`."
    return read


def joined(vi: str, en: str, sep: str = SEP) -> str:
    """A text in both languages, Vietnamese first: 'Giá trị / Value'."""
    return f"{vi}{sep}{en}"


def half(text: str, lang: str) -> str:
    """The reader's half of a text written 'tiếng Việt / English' (a data note); a text without
    the separator is in one language only and is returned whole."""
    vi, sep, en = text.partition(SEP)
    return in_lang(lang, vi, en).strip() if sep else text


def both(key: str, sep: str = SEP, **kwargs: object) -> str:
    """The message in Vietnamese, then English, joined: for text read by people of either
    language at once (the command line, exceptions, file headers)."""
    return joined(*(t(key, lang, **kwargs) for lang in LANGS), sep=sep)


class WordedError(ValueError):
    """An error that names its rule (a message key) and the rule's parameters, so that whoever
    shows it words it in the reader's language: `err.text(lang)`.

    `str(err)` is both languages, 'tiếng Việt / English', for logs and the command line.
    """

    def __init__(self, rule: str, **params: object) -> None:
        self.rule = rule
        self.params = params
        super().__init__(both(rule, **params))

    def text(self, lang: str) -> str:
        """The error in `lang`."""
        return t(self.rule, lang, **self.params)
