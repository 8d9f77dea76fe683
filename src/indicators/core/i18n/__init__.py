"""Every word the UI shows, Vietnamese first, English second. Pages never hold strings.

One catalog, kept in several files by area so that work on one page does not touch another's
words; a key may be defined only once across them.
"""

from __future__ import annotations

from indicators.core.i18n import (
    base,
    briefing,
    briefing_page,
    history,
    pages,
    reform,
    regions,
    update_pages,
    uploads,
)

LANGS = ("vi", "en")


def _merge(*parts: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for part in parts:
        twice = merged.keys() & part.keys()
        if twice:
            raise ValueError(f"message keys defined twice: {sorted(twice)}")
        merged.update(part)
    return merged


MESSAGES = _merge(
    base.MESSAGES,
    pages.MESSAGES,
    regions.MESSAGES,
    uploads.MESSAGES,
    reform.MESSAGES,
    history.MESSAGES,
    update_pages.MESSAGES,
    briefing.MESSAGES,
    briefing_page.MESSAGES,
)


def t(key: str, lang: str = "vi", **kwargs: object) -> str:
    """The message for `key` in `lang`, with {placeholders} filled in."""
    text = in_lang(lang, *MESSAGES[key])
    return text.format(**kwargs) if kwargs else text


def in_lang(lang: str, vi: str, en: str) -> str:
    """Of two texts that data or settings hold in both languages (`name_vi`, `name_en`), the one
    for `lang`: the single place that chooses between Vietnamese and English."""
    return en if lang == "en" else vi


def both(key: str, sep: str = " / ", **kwargs: object) -> str:
    """The message in Vietnamese, then English, joined: for text read by people of either
    language at once (the command line, exceptions, file headers)."""
    return sep.join(t(key, lang, **kwargs) for lang in LANGS)
