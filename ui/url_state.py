"""Widgets whose value lives in the URL, so that a copied link reopens the same view.

The URL carries codes, never the labels the reader sees (`?ind=hh_internet_pct,bts_count`,
`?period=2016-2024`, `?conv=0`), so a link works in both languages. A default leaves nothing in
the URL, and an unknown or stale value in a link is dropped, never shown as an error. A link is
written by anyone: a value is cut to `MAX_PARAM_CHARS` before it is read, and a list of codes to
the widget's `max_selections`, so no link can make a widget refuse its value.

Streamlit's own `bind="query-params"` cannot keep these links: it writes the widget's formatted
label (`format_func`'s text, which changes with the language), a multiple choice as repeated
parameters and a switch as `true`/`false`. So one function, `url_widget`, syncs every kind of
widget with the URL, and a `Codec` says how one kind's value is read, checked and written.

A widget's session key holds the language (`w_ind_vi_trends`): its labels are fixed when it is
first drawn, so the other language needs another widget, and the URL carries the choice across.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

import streamlit as st

from indicators.core.settings import settings
from indicators.geography.units import LEGACY, NEW
from indicators.present.literal import markdown_literal
from ui.cache import catalog
from ui.session import LANG_KEY, language, tr

UNIT_LIST_CHOICES = (NEW, LEGACY)  # the unit lists a view can be shown on, newest first
MAX_PARAM_CHARS = 4096  # the most of one URL value read; every real value is far shorter


@dataclass(frozen=True)
class Codec:
    """How one kind of widget value goes to and from the URL, given the widget's options."""

    default: Callable[[Any, list], Any]  # (the caller's default, options) → a valid default
    read: Callable[[str, list, Any], Any]  # (URL text, options, default) → value
    keep: Callable[[Any, list, Any], Any]  # (value, options, default) → what the options allow
    write: Callable[[Any], str]  # value → URL text


def _read_range(raw: str, options: list, default: tuple) -> tuple:
    """`2016-2024`, or one code for a range of one; an unknown or reversed range: the default."""
    parts = raw.split("-") if raw.count("-") == 1 else [raw, raw]
    if all(p in options for p in parts) and options.index(parts[0]) <= options.index(parts[1]):
        return (parts[0], parts[1])
    return default


def _keep_range(value: Sequence, options: list, default: tuple) -> tuple:
    pair = tuple(value) if len(value) == 2 else (value[0], value[0])
    return pair if all(v in options for v in pair) else default


CHOICE = Codec(
    default=lambda d, options: d if d in options else options[0],
    read=lambda raw, options, d: raw if raw in options else d,
    keep=lambda v, options, d: v if v in options else d,
    write=str,
)


def _known(codes: Sequence, options: list) -> list:
    """The codes that are options, each once, in their order."""
    return list(dict.fromkeys(c for c in codes if c in options))


CHOICES = Codec(  # comma-separated codes: ?reg=56,568
    default=lambda d, options: _known(d, options),
    read=lambda raw, options, d: _known(raw.split(","), options),
    keep=lambda v, options, d: _known(v, options),
    write=",".join,
)
RANGE = Codec(  # (first, last): ?period=2016-2024, or ?period=2020 for one
    default=lambda d, options: tuple(d or (options[0], options[-1])),
    read=_read_range,
    keep=_keep_range,
    write=lambda v: v[0] if v[0] == v[1] else f"{v[0]}-{v[1]}",
)
SWITCH = Codec(  # ?conv=1 or ?conv=0
    default=lambda d, options: bool(d),
    read=lambda raw, options, d: raw == "1" if raw in ("0", "1") else d,
    keep=lambda v, options, d: bool(v),
    write=lambda v: "1" if v else "0",
)


def widget_key(key: str, scope: str = "") -> str:
    """The session key of the widget bound to `?key=` (to set it from a click or a button)."""
    return LANG_KEY if key == "lang" else f"w_{key}_{language()}{scope}"


def url_param(key: str) -> str | None:
    """`?key=` of the URL, cut to `MAX_PARAM_CHARS` (a link may carry anything)."""
    raw = st.query_params.get(key)
    return None if raw is None else str(raw)[:MAX_PARAM_CHARS]


def set_url_param(key: str, value: str | None) -> None:
    """Put `?key=value` in the URL, or take `key` out of it (None)."""
    if value is None:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = value


def forget(key: str, scope: str = "") -> None:
    """Drop `?key=` and the widget bound to it, so that it opens on its default next run."""
    set_url_param(key, None)
    st.session_state.pop(widget_key(key, scope), None)


def url_widget(
    draw: Callable[..., Any],
    codec: Codec,
    options: Sequence,
    *,
    key: str,
    default: Any,
    scope: str = "",
    **kwargs: Any,
) -> Any:
    """`draw(key=…, **kwargs)` (a widget with its label and options) bound to `?key=`.

    The first run takes the value from the URL; later runs keep the widget's own value, cut down
    to what the options allow now (options change with the data, the unit list, the level).
    `scope` separates widgets that share a URL key but not their options.
    """
    options = list(options)
    most = kwargs.get("max_selections")

    def fit(value: Any) -> Any:  # a list of codes no longer than the widget takes
        return value[:most] if most is not None and isinstance(value, list) else value

    default = fit(codec.default(default, options))
    wkey = widget_key(key, scope)
    if wkey not in st.session_state:
        raw = url_param(key)
        st.session_state[wkey] = fit(default if raw is None else codec.read(raw, options, default))
    else:
        kept = fit(codec.keep(st.session_state[wkey], options, default))
        if kept != st.session_state[wkey]:
            st.session_state[wkey] = kept
    if "format_func" in kwargs:  # labels fixed now, in this run's language (AppTest calls
        labels = {o: kwargs["format_func"](o) for o in options}  # format_func outside a run)
        kwargs["format_func"] = labels.__getitem__
    value = codec.keep(draw(key=wkey, **kwargs), options, default)
    set_url_param(key, None if value == default else codec.write(value))
    return value


def url_choice(
    widget: Callable[..., Any],
    label: str,
    options: Sequence,
    *,
    key: str,
    default: Any = None,
    scope: str = "",
    **kw: Any,
) -> Any:
    """One code from `options` with `widget` (selectbox, radio): ?trend=post_commune_pct."""
    draw = partial(widget, label, list(options))
    return url_widget(draw, CHOICE, options, key=key, default=default, scope=scope, **kw)


def url_choices(
    widget: Callable[..., Any],
    label: str,
    options: Sequence,
    *,
    key: str,
    default: Sequence = (),
    scope: str = "",
    **kw: Any,
) -> list:
    """Several codes from `options` with `widget` (multiselect): ?reg=56,568."""
    draw = partial(widget, label, list(options))
    return url_widget(draw, CHOICES, options, key=key, default=default, scope=scope, **kw)


def url_range(
    label: str,
    options: Sequence,
    *,
    key: str,
    default: tuple | None = None,
    scope: str = "",
    **kw: Any,
) -> tuple:
    """A (first, last) range of `options` on a slider: ?period=2016-2024.

    The slider is given the whole range as its `value`: Streamlit tells a range slider from a
    one-value slider by that argument alone, not by the pair kept in the session. Without it a
    moved thumb (by mouse or arrow key) came back as one option, which is not a range, so the
    period fell back to the default and the thumb jumped back."""
    options = list(options)
    whole = RANGE.default(default, options)
    draw = partial(st.select_slider, label, options, value=whole)
    return url_widget(draw, RANGE, options, key=key, default=whole, scope=scope, **kw)


def url_toggle(label: str, *, key: str, default: bool, scope: str = "", **kw: Any) -> bool:
    """An on/off switch: ?conv=1 or ?conv=0 (only when not the default)."""
    draw = partial(st.toggle, label)
    return url_widget(draw, SWITCH, (), key=key, default=default, scope=scope, **kw)


def unit_list_choice(scope: str = "", default: str | None = None) -> str:
    """The unit list a view is shown on, kept in the URL as ?era=legacy (default: new units,
    or `default`, e.g. the list in force at the end of a chosen period range).

    Codes are reused across the 1 July 2025 reform, so every page that spans it asks which
    set of units to show, with the same words and the same URL key.
    """
    return url_choice(
        st.radio,
        tr("unitlist.label"),
        UNIT_LIST_CHOICES,
        key="era",
        scope=scope,
        horizontal=True,
        default=default,
        format_func=lambda code: tr(f"unitlist.by.{code}"),
        help=tr("unitlist.note", province=markdown_literal(settings().province(language()))),
    )


def indicator_name(code: str) -> str:
    """How every indicator picker shows a code: the indicator's name in the reader's language."""
    return catalog()[code].name(language())


def indicator_choice(label: str, codes: Sequence[str], *, key: str, **kw: Any) -> str:
    """One indicator in a selectbox, shown by name, kept in the URL by code."""
    return url_choice(st.selectbox, label, codes, key=key, format_func=indicator_name, **kw)


def indicator_choices(label: str, codes: Sequence[str], *, key: str, **kw: Any) -> list[str]:
    """Several indicators in a multiselect, shown by name, kept in the URL by code."""
    return url_choices(st.multiselect, label, codes, key=key, format_func=indicator_name, **kw)


def level_choice(label: str, levels: Sequence[str], *, key: str = "level", **kw: Any) -> str:
    """The level of the units shown (province, district, commune) as radio buttons."""
    return url_choice(st.radio, label, levels, key=key, format_func=level_name, **kw)


def level_name(level: str) -> str:
    """A unit level's name in the reader's language."""
    return tr(f"level.{level}")
