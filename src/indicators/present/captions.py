"""One-sentence captions for briefing slides, computed from the figures a chart shows.

A caption states what the chart shows (first and last value, the change, the leader and
laggard, the target) in words an official can read out. Every number comes from the data
passed in; nothing is written by hand, so a new revision rewrites the sentence.
"""

from __future__ import annotations

import math

import pandas as pd
from babel.numbers import format_decimal

from indicators.core.catalog import Indicator
from indicators.core.direction import best_first, comparable_with_area, reaches, worse_than
from indicators.core.i18n import in_lang, t
from indicators.core.numbers import LOCALES, format_value
from indicators.core.periods import parse_period, sort_key
from indicators.query.across_reform import NEVER_CONVERTED
from indicators.query.timeseries import Trajectory

UNIT_WORDS = (
    "Tỉnh ",
    "Thành phố ",
    "Huyện ",
    "Thị xã ",
    "Quận ",
    "Xã ",
    "Phường ",
    "Thị trấn ",
    "Đặc khu ",
)
NBSP = "\u00a0"


def fixed(value: float, ind: Indicator, lang: str) -> str:
    """A value with exactly the indicator's decimals (95,0% beside 99,0%, not 95% beside 99%)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    text = _digits(float(value), ind.decimals, lang)
    if ind.kind == "rank":
        return t("caption.rank_value", lang, n=text)
    return f"{text}%" if ind.unit(lang).strip() == "%" else text


def _digits(value: float, digits: int, lang: str) -> str:
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return format_decimal(round(value, digits), format=pattern, locale=LOCALES[lang])


def in_sentence(name: str, lang: str) -> str:
    """A unit's name inside a sentence: "Tỉnh Khánh Hòa" → "tỉnh Khánh Hòa", in English
    "Khánh Hòa province"; other units keep their Vietnamese type, lower-cased in a Vietnamese
    sentence ("xã Suối Dầu") and as written in an English one ("Xã Suối Dầu")."""
    if name.startswith("Tỉnh "):
        return t("caption.province", lang, name=name.removeprefix("Tỉnh "))
    typed = name.startswith(UNIT_WORDS)
    return in_lang(lang, name[0].lower() + name[1:] if typed else name, name)


def label(period: str, lang: str) -> str:
    return parse_period(period).label(lang)


def when(period: str, lang: str) -> str:
    """A period as a sentence's time: "năm 2024", "Quý 1/2024"; "in 2024", "in Q1 2024"."""
    p = parse_period(period)
    return t(
        "caption.when.year" if p.kind == "year" else "caption.when.other", lang, label=p.label(lang)
    )


def lower_first(text: str) -> str:
    """A name inside a sentence: "Tỷ lệ hộ …" → "tỷ lệ hộ …" (an acronym stays: "DTI")."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _change(first: float, last: float, ind: Indicator, lang: str) -> str:
    """The change in words: percentage points for a percentage, relative for a count.

    Points are the difference of the values as shown, with the indicator's decimals, so the
    sentence adds up for a reader (94,7% → 99,0% is +4,3, and 97,0% → 100,0% is +3,0, not +3).
    Number and unit stay on one line when a slide wraps the caption.
    """
    if ind.kind == "rank":
        return ""
    if ind.unit(lang).strip() == "%":
        digits = ind.decimals
        delta = round(last, digits) - round(first, digits)
        return _signed(delta, digits, lang) + t("number.points", lang).replace(" ", NBSP)
    if first == 0:
        return ""
    return _signed((last / first - 1) * 100, 1, lang) + "%"


def _signed(delta: float, digits: int, lang: str) -> str:
    delta = round(delta, digits)
    sign = "+" if delta > 0 else ("−" if delta < 0 else "±")
    return sign + _digits(abs(delta), digits, lang)


def direction(first: float, last: float, ind: Indicator) -> str:
    """rise, fall or flat, as the chart reads (a rank's number falling is a rise in rank).

    Flat when the values as shown are the same (99,04 and 98,96 both read 99,0).
    """
    digits = ind.decimals
    if round(last, digits) == round(first, digits):
        return "flat"
    up = last > first
    if ind.kind == "rank":
        up = not up
    return "rise" if up else "fall"


def trend_caption(
    values: pd.DataFrame,
    ind: Indicator,
    *,
    names: dict[str, str],
    lang: str,
    targets: pd.DataFrame | None = None,
    paths: list[Trajectory] | None = None,
) -> str:
    """The sentence under a trend chart: the first area's first and last values, the change,
    where it stands against its target, and (with several areas) which leads at the end."""
    regions = list(names)
    have = values[values["value"].notna() & (values["indicator"] == ind.code)]
    if have.empty or not regions:
        return t("caption.no_data", lang, indicator=ind.name(lang))
    main = regions[0] if regions[0] in set(have["region"]) else have["region"].iloc[0]
    mine = have[have["region"] == main].sort_values("period", key=lambda s: s.map(sort_key))
    first, last = mine.iloc[0], mine.iloc[-1]
    place = in_sentence(names.get(main, main), lang)
    words = dict(
        indicator=ind.name(lang),
        region=place,
        a=fixed(first["value"], ind, lang),
        pa=label(first["period"], lang),
        b=fixed(last["value"], ind, lang),
        pb=label(last["period"], lang),
    )
    if len(mine) == 1:
        text = t("caption.single", lang, **words)
    else:
        move = direction(float(first["value"]), float(last["value"]), ind)
        key = f"caption.{move}.rank" if ind.kind == "rank" and move != "flat" else f"caption.{move}"
        text = t(key, lang, **words)
        change = _change(float(first["value"]), float(last["value"]), ind, lang)
        if change and move != "flat":
            text += f", {change}"
    extra = [_target_clause(mine, ind, main, lang, targets, paths)]
    if len(regions) > 1:
        extra.append(_leader_clause(have, ind, names, lang))
    return _sentence(text, [e for e in extra if e], lang)


def _target_clause(
    mine: pd.DataFrame,
    ind: Indicator,
    region: str,
    lang: str,
    targets: pd.DataFrame | None,
    paths: list[Trajectory] | None,
) -> str:
    """Met or missed for a target whose date has passed; on track or behind for one ahead."""
    if targets is None or targets.empty:
        return ""
    own = targets[(targets["region"] == region) & targets["value"].notna()]
    if "indicator" in own:
        own = own[own["indicator"] == ind.code]
    if own.empty:
        return ""
    last = mine.iloc[-1]
    own = own.assign(_end=[parse_period(p).end for p in own["period"]])
    ended = own[own["_end"] <= parse_period(last["period"]).end]
    if not ended.empty:
        goal = ended.sort_values("_end").iloc[-1]
        at = mine[mine["period"] == goal.get("x", goal["period"])]
        value = float(at["value"].iloc[0]) if not at.empty else float(last["value"])
        met = reaches(value, float(goal["value"]), ind)
        return t(
            "caption.target_met" if met else "caption.target_missed",
            lang,
            target=fixed(goal["value"], ind, lang),
            period=label(goal["period"], lang),
        )
    goal = own.sort_values("_end").iloc[0]
    words = dict(target=fixed(goal["value"], ind, lang), period=label(goal["period"], lang))
    path = next(
        (p for p in paths or [] if p.region == region and p.target_period == goal["period"]), None
    )
    expected = path.expected(last["period"]) if path else None
    if expected is None or path.start == last["period"]:  # nothing yet on the way to it
        return t("caption.target_ahead", lang, **words)
    on_track = reaches(float(last["value"]), expected, ind)
    return t("caption.on_track" if on_track else "caption.behind", lang, **words)


def _leader_clause(have: pd.DataFrame, ind: Indicator, names: dict[str, str], lang: str) -> str:
    end = max(have["period"], key=sort_key)
    at = have[(have["period"] == end) & have["region"].isin(list(names))]
    if len(at) < 2:
        return ""
    best = best_first(at, ind).iloc[0]
    return t(
        "caption.leader",
        lang,
        when=when(end, lang),
        region=in_sentence(names.get(best["region"], best["region"]), lang),
        value=fixed(best["value"], ind, lang),
    )


def ranking_caption(
    units: pd.DataFrame,
    ind: Indicator,
    *,
    period: str,
    level: str,
    place: str,
    place_value: float | None,
    lang: str,
) -> str:
    """The sentence under a ranking: who leads and who trails, and how many are behind the
    area they make up."""
    have = best_first(units[units["value"].notna()], ind)
    if have.empty:
        return t("caption.no_data", lang, indicator=ind.name(lang))
    units_word = t(f"caption.units.{level}", lang)
    best, worst = have.iloc[0], have.iloc[-1]
    missing = _missing(units, have, units_word, lang)
    if fixed(best["value"], ind, lang) == fixed(worst["value"], ind, lang):  # all level
        text = t(
            "caption.ranking_tie",
            lang,
            when=upper_first(when(period, lang)),
            n=len(have),
            units=units_word,
            indicator=lower_first(ind.name(lang)),
            value=fixed(best["value"], ind, lang),
        )
        return _sentence(text, missing, lang)
    text = t(
        "caption.ranking",
        lang,
        when=upper_first(when(period, lang)),
        indicator=lower_first(ind.name(lang)),
        best=best["name"],
        best_value=fixed(best["value"], ind, lang),
        worst=worst["name"],
        worst_value=fixed(worst["value"], ind, lang),
    )
    extra = []
    if comparable_with_area(ind) and place_value is not None and not math.isnan(place_value):
        behind = int(worse_than(have["value"], place_value, ind).sum())
        extra.append(
            t(
                "caption.behind_area",
                lang,
                k=behind,
                n=len(have),
                units=units_word,
                place=in_sentence(place, lang),
                value=fixed(place_value, ind, lang),
            )
        )
    return _sentence(text, extra + missing, lang)


def _missing(units: pd.DataFrame, have: pd.DataFrame, units_word: str, lang: str) -> list[str]:
    missing = len(units) - len(have)
    return [t("caption.missing_units", lang, n=missing, units=units_word)] if missing else []


def _sentence(text: str, clauses: list[str], lang: str) -> str:
    """One sentence: the main clause, then the others after semicolons, one full stop."""
    return "; ".join([text, *clauses]) + "."


def on_track_lines(
    ind: Indicator, values: pd.DataFrame, paths: list[Trajectory], names: dict[str, str], lang: str
) -> list[str]:
    """For each area with a target path, where its latest value stands against the straight
    line to the target (ahead or behind), one sentence each."""
    lines = []
    unit = ind.unit(lang)
    for p in paths:
        mine = values[(values["region"] == p.region) & values["value"].notna()]
        mine = mine[[p.start < x and p.expected(x) is not None for x in mine["period"]]]
        if mine.empty:
            continue
        latest = mine.sort_values("period_end").iloc[-1]
        expected = p.expected(latest["period"])
        ahead = reaches(latest["value"], expected, ind)
        lines.append(
            t(
                "trends.on_track",
                lang,
                region=names[p.region],
                period=parse_period(latest["period"]).label(lang),
                value=format_value(latest["value"], unit, lang, ind.decimals),
                target=parse_period(p.target_period).label(lang),
                expected=format_value(expected, unit, lang, ind.decimals),
                verdict=t("trends.ahead" if ahead else "trends.behind", lang),
            )
        )
    return lines


def not_converted_note(ind: Indicator, lang: str) -> str:
    """Why an indicator's values are not converted across the 2025 reform: an index or a rank
    means nothing on other units; an amount that does not add up cannot be split."""
    key = "reform.not_converted" if ind.kind in NEVER_CONVERTED else "reform.not_converted_amount"
    return t(key, lang)
