"""What every page needs: the store (seeded on first start), the language, cached queries.

Query results are cached per data revision, so a rerun after a filter change reads the store
only for what it has not seen in this revision.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pandas as pd
import streamlit as st

from indicators.core.catalog import Catalog, load_catalog
from indicators.core.clock import local_time, today
from indicators.core.i18n import LANGS, t
from indicators.core.settings import RegionRef, Settings, settings
from indicators.query import across_reform, read
from indicators.service import seed_from
from indicators.store.revisions import Revision, Store


@st.cache_resource(show_spinner=False)
def store() -> Store:
    s = settings()
    st_store = Store(s.db_path)
    seed_from(s.data_dir, st_store)
    return st_store


@st.cache_resource(show_spinner=False)
def catalog() -> Catalog:
    return load_catalog(settings().data_dir / "catalog.csv")


def conf() -> Settings:
    return settings()


def lang() -> str:
    value = st.session_state.get("w_lang") or st.query_params.get("lang") or "vi"
    return value if value in ("vi", "en") else "vi"


def tr(key: str, **kwargs: object) -> str:
    return t(key, lang(), **kwargs)


def revision() -> int:
    return store().current_revision()


@st.cache_data(show_spinner=False)
def revision_info(rev: int) -> Revision | None:
    return next((r for r in store().revisions() if r.id == rev), None)


@st.cache_data(show_spinner=False)
def province_series(rev: int, indicators: tuple[str, ...]) -> pd.DataFrame:
    refs = list(conf().province_units)
    with store().connect(read_only=True) as con:
        return read.series(con, rev, indicators=indicators, refs=refs)


@st.cache_data(show_spinner=False)
def province_targets(rev: int, indicators: tuple[str, ...]) -> pd.DataFrame:
    refs = list(conf().province_units)
    with store().connect(read_only=True) as con:
        return read.targets(con, rev, indicators=indicators, refs=refs)


@st.cache_data(show_spinner=False)
def children(
    rev: int, indicator: str, unit_list: str, parent: str, period: str, level: str
) -> pd.DataFrame:
    with store().connect(read_only=True) as con:
        return read.children(
            con,
            rev,
            indicator=indicator,
            unit_list=unit_list,
            parent=parent,
            period=period,
            level=level,
        )


@st.cache_data(show_spinner=False)
def levels_with_data(rev: int) -> pd.DataFrame:
    with store().connect(read_only=True) as con:
        return read.levels_with_data(con, rev)


def province_ref(unit_list: str) -> RegionRef | None:
    return next((r for r in conf().province_units if r.unit_list == unit_list), None)


def revision_caption(rev: int) -> str:
    info = revision_info(rev)
    when = local_time(info.created_at) if info else "—"
    return tr("app.revision", rev=rev, date=when)


def url_choice(widget, label: str, options, *, key: str, default=None, scope: str = "", **kwargs):
    """A choice widget whose value lives in the URL as a code (?trend=post_commune_pct).

    Streamlit's own binding stores the displayed label, which changes with the language; codes
    keep a copied link valid in both languages.
    """
    options = list(options)
    default = default if default in options else options[0]
    # Streamlit keeps a widget's *label* as its state, so labels in another language need
    # another widget; the URL (codes) carries the choice across.
    wkey = choice_key(key, scope)
    if wkey not in st.session_state:
        from_url = st.query_params.get(key)
        st.session_state[wkey] = from_url if from_url in options else default
    elif st.session_state[wkey] not in options:
        st.session_state[wkey] = default
    if "format_func" in kwargs:  # labels fixed now, in this run's language (AppTest calls
        labels = {o: kwargs["format_func"](o) for o in options}  # format_func outside a run)
        kwargs["format_func"] = labels.__getitem__
    value = widget(label, options, key=wkey, **kwargs)
    if value not in options:  # never put an empty or stale choice in the URL
        value = default
    if value == default:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = value
    return value


def choice_key(key: str, scope: str = "") -> str:
    """The session-state key of a `url_choice` widget (to set it from a chart click)."""
    return "w_lang" if key == "lang" else f"w_{key}_{lang()}{scope}"


ERAS = ("2025", "legacy")  # the unit lists, newest first; codes match `regions.unit_list`


def era_choice(scope: str = "", default: str | None = None) -> str:
    """The unit list a view is shown on, kept in the URL as ?era=legacy (default: new units,
    or `default`, e.g. the list in force at the end of a chosen period range).

    Codes are reused across the 1 July 2025 reform, so every page that spans it asks which
    set of units to show, with the same words and the same URL key.
    """
    era = url_choice(
        st.radio, tr("era.label"), ERAS, key="era", scope=scope, horizontal=True, default=default,
        format_func=lambda code: tr(f"era.{code}"), help=tr("era.note"),
    )  # fmt: skip
    return era


# --- Regions page: units below an area, their values over time, boundaries (issue 3) ---


@st.cache_data(show_spinner=False)
def units_below(rev: int, unit_list: str, parent: str, level: str) -> pd.DataFrame:
    with store().connect(read_only=True) as con:
        return read.units_below(con, unit_list=unit_list, parent=parent, level=level)


@st.cache_data(show_spinner=False)
def values_below(rev: int, indicator: str, unit_list: str, parent: str, level: str) -> pd.DataFrame:
    with store().connect(read_only=True) as con:
        return read.values_below(
            con, rev, indicator=indicator, unit_list=unit_list, parent=parent, level=level
        )


@st.cache_data(show_spinner=False)
def unit_values(rev: int, indicator: str, unit_list: str, region: str) -> pd.DataFrame:
    with store().connect(read_only=True) as con:
        return read.resolved_values(
            con, rev, indicators=[indicator], unit_list=unit_list, regions=[region]
        )


@st.cache_data(show_spinner=False)
def indicator_periods(rev: int, indicator: str) -> pd.DataFrame:
    with store().connect(read_only=True) as con:
        return read.indicator_periods(con, rev, indicator)


@st.cache_data(show_spinner=False)
def boundaries(unit_list: str, mtime: float):
    """The configured boundary file of a unit list, checked (cached until the file changes)."""
    from indicators.geography.boundaries import load_boundaries

    path = conf().boundary_file(unit_list)
    codes = units(unit_list)["code"].tolist()
    return load_boundaries(
        path, unit_list=unit_list, known_codes=codes, code_property=conf().boundary_code_property
    )


# --- Trends, Data and Methodology pages (issue 3) ---


def url_choices(
    widget, label: str, options, *, key: str, default=(), scope: str = "", **kwargs
) -> list:
    """A multiple choice whose codes live in the URL, comma-separated (?reg=56,568).

    Like `url_choice`: codes, not labels, so a copied link works in both languages; unknown
    codes in a link are dropped rather than shown as errors.
    """
    options = list(options)
    default = [d for d in default if d in options]
    wkey = f"w_{key}_{lang()}{scope}"
    if wkey not in st.session_state:
        raw = st.query_params.get(key)
        from_url = [c for c in raw.split(",") if c in options] if raw is not None else default
        st.session_state[wkey] = from_url
    elif any(v not in options for v in st.session_state[wkey]):
        st.session_state[wkey] = [v for v in st.session_state[wkey] if v in options]
    value = [v for v in widget(label, options, key=wkey, **kwargs) if v in options]
    if value == default:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = ",".join(value)
    return value


def url_range(label: str, options, *, key: str, default=None, scope: str = "", **kwargs):
    """A (first, last) range slider kept in the URL as ?period=2016-2024 (or one code)."""
    options = list(options)
    first, last = default or (options[0], options[-1])
    wkey = f"w_{key}_{lang()}{scope}"
    if wkey not in st.session_state:
        raw = st.query_params.get(key) or ""
        parts = raw.split("-") if raw.count("-") == 1 else [raw, raw]
        if all(p in options for p in parts) and options.index(parts[0]) <= options.index(parts[1]):
            first, last = parts
        st.session_state[wkey] = (first, last)
    elif any(v not in options for v in st.session_state[wkey]):
        st.session_state[wkey] = (options[0], options[-1])
    value = tuple(st.select_slider(label, options, key=wkey, **kwargs))
    if len(value) == 1:
        value = (value[0], value[0])
    if value == tuple(default or (options[0], options[-1])):
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = value[0] if value[0] == value[1] else f"{value[0]}-{value[1]}"
    return value


@st.cache_data(show_spinner=False)
def units(unit_list: str) -> pd.DataFrame:
    """The units of one unit list (configuration: the same in every revision)."""
    with store().connect(read_only=True) as con:
        return read.units(con, unit_list)


@st.cache_data(show_spinner=False)
def data_span(rev: int) -> pd.DataFrame:
    with store().connect(read_only=True) as con:
        return read.data_span(con, rev)


@st.cache_data(show_spinner=False, max_entries=256)
def trend_values(
    rev: int, indicator: str, era: str, regions: tuple[str, ...], first: str, last: str
) -> pd.DataFrame:
    """One indicator's values for some units of one unit list within [first, last] (years),
    with the other era's values converted onto these units (issue 6: one series across the
    2025 reform; `converted`, `estimate`, `basis`, `from_unit_list` say which).

    Cached per indicator, so adding an indicator to a view reads only that one.
    """
    from indicators.core.periods import parse_period
    from indicators.query.timeseries import within

    refs = [RegionRef(era, code) for code in regions]
    with store().connect(read_only=True) as con:
        values = across_reform.converted_series(
            con, rev, indicators=[indicator], refs=refs, target_list=era
        )
    return within(values, parse_period(first).start, parse_period(last).end)


@st.cache_data(show_spinner=False)
def era_targets(
    rev: int, indicators: tuple[str, ...], era: str, regions: tuple[str, ...]
) -> pd.DataFrame:
    refs = [RegionRef(era, code) for code in regions]
    with store().connect(read_only=True) as con:
        return read.targets(con, rev, indicators=indicators, refs=refs)


@st.cache_data(show_spinner=False, max_entries=64)
def level_values(
    rev: int, era: str, level: str, first: str, last: str, converted: bool = False
) -> pd.DataFrame:
    """Every indicator's values for all units of one level within [first, last] (Data page).

    With `converted`, the other era's values converted onto these units are added and every
    row says whether it was converted (`indicators.query.across_reform`).
    """
    from indicators.core.periods import parse_period
    from indicators.query.timeseries import within

    codes = units(era).query("level == @level")["code"].tolist()
    start, end = parse_period(first).start, parse_period(last).end
    inds = [i.code for i in catalog()]
    with store().connect(read_only=True) as con:
        if converted:
            refs = [RegionRef(era, code) for code in codes]
            values = across_reform.converted_series(
                con, rev, indicators=inds, refs=refs, target_list=era
            )
            return within(values, start, end)
        return read.range_series(
            con, rev, indicators=inds, unit_list=era, regions=codes, start=start, end=end,
        )  # fmt: skip


# --- Series across the 2025 reform: the other era converted onto the chosen units (issue 6) ---


@st.cache_data(show_spinner=False)
def converted_series(
    rev: int, indicators: tuple[str, ...], refs: tuple[RegionRef, ...], target_list: str
) -> pd.DataFrame:
    """`read.series` on one unit list, with the other era's values converted onto it and
    flagged (`converted`, `estimate`, `basis`); see `indicators.query.across_reform`."""
    with store().connect(read_only=True) as con:
        return across_reform.converted_series(
            con, rev, indicators=indicators, refs=refs, target_list=target_list
        )


def url_toggle(label: str, *, key: str, default: bool, scope: str = "", **kwargs) -> bool:
    """An on/off switch kept in the URL as ?conv=1 or ?conv=0 (only when not the default)."""
    wkey = f"w_{key}_{lang()}{scope}"
    if wkey not in st.session_state:
        raw = st.query_params.get(key)
        st.session_state[wkey] = raw == "1" if raw in ("0", "1") else default
    value = bool(st.toggle(label, key=wkey, **kwargs))
    if value == default:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = "1" if value else "0"
    return value


# --- History and Upload pages (issue 4) ---


@st.cache_data(show_spinner=False)
def revisions_frame(rev: int) -> pd.DataFrame:
    """Every revision, newest first (keyed by the current revision, so a new one shows)."""
    return pd.DataFrame([vars(r) for r in store().revisions()]).sort_values("id", ascending=False)


@st.cache_data(show_spinner=False)
def revision_diff(rev_a: int, rev_b: int, limit: int) -> pd.DataFrame:
    return store().diff(rev_a, rev_b, limit=limit)


@st.cache_data(show_spinner=False, max_entries=32)
def observations_as_of(rev: int, indicator: str) -> pd.DataFrame:
    """One indicator's stored rows as of a revision, with unit names."""
    rows = store().read("observations", rev, indicators=[indicator])
    names = unit_names()
    rows["region_name"] = [
        names.get(key) for key in zip(rows["unit_list"], rows["region"], strict=True)
    ]
    return rows


@st.cache_resource(show_spinner=False)
def unit_lists() -> pd.DataFrame:
    """Every configured unit with its validity dates (what uploads are matched against)."""
    from indicators.geography.units import build_regions

    return build_regions(conf().region_sources)


@st.cache_resource(show_spinner=False)
def unit_matcher():
    from indicators.ingest.unitmatch import UnitMatcher

    return UnitMatcher(unit_lists())


@st.cache_resource(show_spinner=False, max_entries=4, ttl=3600)
def check_file(rev: int, data: bytes, file_name: str):
    """The checked file and what committing its valid rows would change, for this revision.

    Kept as objects (not pickled copies): the pages only read them, and a large file's frame
    is not copied on every rerun.
    """
    from indicators.ingest.check import check_upload

    checked = check_upload(
        data, file_name, catalog(), unit_lists(), history=store().read("observations", rev),
        max_bytes=conf().max_upload_bytes, matcher=unit_matcher(),
    )  # fmt: skip
    preview = store().preview({"observations": checked.frame}) if len(checked.frame) else None
    return checked, preview


@st.cache_data(show_spinner=False)
def templates() -> tuple[bytes, bytes]:
    from indicators.ingest.template import template_csv, template_xlsx

    return template_xlsx(catalog(), unit_lists()), template_csv(catalog(), unit_lists())


@st.cache_data(show_spinner=False)
def unit_names() -> dict[tuple[str, str], str]:
    """(unit_list, code) → name, for every configured unit."""
    regions = unit_lists()
    return dict(zip(zip(regions["unit_list"], regions["code"], strict=True), regions["name"],
                    strict=True))  # fmt: skip


# --- Briefings: views to put in a deck, image downloads under each chart (issue 5) ---

VIEWS = "briefing_views"  # session state: tokens of the charts looked at, newest first
MAX_VIEWS = 20


def remember_views(specs) -> None:
    """Offer these charts (`charts.ChartSpec`, in page order) on the briefing page.

    Kept in the session, newest first, each once, at most `MAX_VIEWS`.
    """
    tokens = list(dict.fromkeys(s.token() for s in specs))
    older = [v for v in st.session_state.get(VIEWS, []) if v not in tokens]
    st.session_state[VIEWS] = (tokens + older)[:MAX_VIEWS]


def remembered_views() -> list[str]:
    return list(st.session_state.get(VIEWS, []))


@st.cache_data(show_spinner=False, max_entries=256)
def built_chart(rev: int, token: str, lang: str):
    """The chart a token describes (`charts.build`); raises ValueError for a bad token."""
    from indicators.present.chart_spec import ChartSpec, build

    spec = ChartSpec.from_token(token)
    with store().connect(read_only=True) as con:
        return build(con, spec, catalog=catalog(), rev=rev, lang=lang)


def deck_info(rev: int, lang_code: str, subtitle: str = ""):
    from indicators.export.deck import default_info

    return default_info(conf(), rev, lang_code, subtitle, today())


def engine_problem() -> str | None:
    """Why images cannot be made on this server (both languages), or None.

    Images are drawn by the system Chromium; without it every download would fail with a
    traceback in the log and nothing on the page, so the page says so and disables them.
    """
    from indicators.export import chromium

    if Path(chromium.CHROMIUM_PATH).exists():
        return None
    return "\n\n".join(t("bpage.no_engine", code, path=chromium.CHROMIUM_PATH) for code in LANGS)


def deck_file(store_: Store, tokens: list[str], fmt: str, *, catalog_: Catalog, rev: int, info):
    """A deck (pptx, pdf or zip of PNGs) of the charts `tokens` describe.

    Handed to a download button as a callable: it runs without Streamlit's script context,
    when the button is clicked, so it uses only the objects passed in.
    """
    from indicators.export import deck
    from indicators.present.chart_spec import ChartSpec

    specs = [ChartSpec.from_token(tok) for tok in tokens]
    return deck.deck_bytes(store_, specs, fmt, catalog=catalog_, rev=rev, info=info)


IMAGE_CHOICES = (  # (label, format, size)
    ("img.png_wide", "png", "wide"),
    ("img.png_square", "png", "square"),
    ("img.svg", "svg", "wide"),
)
MIME = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "zip": "application/zip",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}


def image_downloads(key: str, stem: str, *, spec=None, fig=None, areas: str | None = None):
    """A compact "Tải ảnh" menu under a chart: PNG 16:9, PNG square and SVG with provenance.

    Nothing is drawn until a button is clicked: each button holds a callable (`deck.spec_image`
    for a chart a spec describes, `deck.figure_image` for any other figure).
    """
    from indicators.export import deck
    from indicators.export.images import SIZES

    problem = engine_problem()
    rev = revision()
    with st.popover(tr("img.menu"), icon=":material/image:", width="content"):
        if problem:
            st.error(problem, icon=":material/error:")
        info = deck_info(rev, lang())
        for label, fmt, size in IMAGE_CHOICES:
            if spec is not None:
                data = partial(
                    deck.spec_image, store(), spec, catalog=catalog(), rev=rev, fmt=fmt,
                    size=SIZES[size], info=info,
                )  # fmt: skip
            else:
                data = partial(deck.figure_image, fig, fmt, SIZES[size], info, areas)
            st.download_button(
                tr(label), data=data, file_name=f"{stem}_{size}.{fmt}", mime=MIME[fmt],
                key=f"img_{key}_{fmt}_{size}", on_click="ignore", disabled=problem is not None,
                icon=":material/download:", width="stretch",
            )  # fmt: skip
        st.caption(tr("img.note"))


@st.cache_data(show_spinner=False)
def preset_tokens(rev: int, name: str) -> list[str]:
    """The charts of a ready-made deck (`charts.preset`) as tokens, for this revision."""
    from indicators.present.chart_spec import preset

    with store().connect(read_only=True) as con:
        specs = preset(name, con, rev, catalog=catalog(), settings=conf())
    return [s.token() for s in specs]
