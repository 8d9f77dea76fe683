"""Báo cáo nhanh / Quick briefing: charts from the views looked at or from ready-made sets, put
in order and downloaded as a PowerPoint deck, a PDF and PNG images; `?present=1` shows them one
at a time in a fixed 16:9 area for screenshots.

The deck is in the URL (`?charts=tok1,tok2`, `charts.ChartSpec` tokens), so a link reopens it.
"""

from functools import partial

import streamlit as st

from indicators.core.i18n import LANGS, t
from indicators.core.periods import parse_period
from indicators.export.images import Size, for_export
from indicators.present.chart_spec import PRESETS
from ui import common as c

lang, rev, cat, cfg = c.lang(), c.revision(), c.catalog(), c.conf()
DECK = "briefing_deck"  # session state: the deck's tokens, in slide order
PRESENT = Size(1280, 720, 1.0)  # the presentation view's 16:9 chart area, CSS pixels
SECONDS_PER_CHART = 0.8  # a deck's time per chart on a warm image engine (measured, rounded up)


def load_deck() -> tuple[list[str], list[str]]:
    """The deck's tokens that make a chart, and those that do not (dropped, to say so)."""
    if DECK not in st.session_state:
        raw = st.query_params.get("charts") or ""
        # a "+" typed or copied into a link arrives as a space
        st.session_state[DECK] = [p.strip().replace(" ", "+") for p in raw.split(",") if p.strip()]
    good, bad = [], []
    for token in dict.fromkeys(st.session_state[DECK]):
        try:
            c.built_chart(rev, token, lang)
            good.append(token)
        except (ValueError, KeyError):
            bad.append(token)
    st.session_state[DECK] = good
    if good:
        st.query_params["charts"] = ",".join(good)
    else:
        st.query_params.pop("charts", None)
    return good, bad


def add(tokens: list[str]) -> None:
    st.session_state[DECK] = list(dict.fromkeys([*st.session_state[DECK], *tokens]))


def move(i: int, step: int) -> None:
    deck = st.session_state[DECK]
    deck[i], deck[i + step] = deck[i + step], deck[i]


def remove(i: int) -> None:
    del st.session_state[DECK][i]


def clear() -> None:
    st.session_state[DECK] = []


def describe(token: str) -> str:
    """A chart in one line: what, which indicator, where, when."""
    chart = c.built_chart(rev, token, lang)
    spec = chart.spec
    parts = [c.tr(f"bpage.kind.{spec.kind}"), chart.title, chart.areas]
    if spec.kind == "trend":
        first, last = (parse_period(p).label(lang) for p in (spec.first, spec.last))
        parts += [first if first == last else c.tr("bpage.span", first=first, last=last),
                  c.tr(f"gran.{spec.gran}")]  # fmt: skip
    parts.append(c.tr(f"era.short.{spec.era}"))
    return " · ".join(parts)


def framed(token: str, size: Size):
    """The chart as its images show it: title, caption, areas, source, export date."""
    chart = c.built_chart(rev, token, lang)
    return for_export(
        chart.figure, size, org=cfg.org(lang), exported=c.today(), lang=lang, areas=chart.areas,
        caption=chart.caption,
    )  # fmt: skip


def set_slide(n: int) -> None:
    st.query_params["slide"] = str(n)


def leave() -> None:
    st.query_params.pop("present", None)
    st.query_params.pop("slide", None)


def presentation(tokens: list[str]) -> None:
    """One chart at a time at a fixed 16:9 size; the controls sit below it."""
    st.html(
        """<style>
        [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
        [data-testid="stExpandSidebarButton"], header[data-testid="stHeader"],
        [data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
        [data-testid="stMainBlockContainer"] { padding: 1rem 1rem 2rem 1rem; max-width: none; }
        </style>"""
    )
    if not tokens:
        st.info(c.tr("bpage.deck_empty"))
        st.button(c.tr("bpage.exit"), on_click=leave, icon=":material/close:", key="present_exit")
        return
    raw = st.query_params.get("slide", "1")
    i = min(max(int(raw) if raw.isdigit() else 1, 1), len(tokens))
    with st.container(key="present_chart", width=PRESENT.width):
        st.plotly_chart(
            framed(tokens[i - 1], PRESENT), width="content", theme=None, key=f"present_{i}",
            config={"displayModeBar": False, "displaylogo": False},
        )  # fmt: skip
    with st.container(horizontal=True, vertical_alignment="center", key="present_nav"):
        st.button(
            c.tr("bpage.prev"), on_click=set_slide, args=(i - 1,), disabled=i == 1,
            shortcut="Left", key="present_prev",
        )  # fmt: skip
        st.markdown(c.tr("bpage.slide_of", i=i, n=len(tokens)), width="content")
        st.button(
            c.tr("bpage.next"), on_click=set_slide, args=(i + 1,), disabled=i == len(tokens),
            shortcut="Right", key="present_next",
        )  # fmt: skip
        st.button(
            c.tr("bpage.exit"), on_click=leave, icon=":material/close:", shortcut="Esc",
            key="present_exit",
        )  # fmt: skip


tokens, dropped = load_deck()
if st.query_params.get("present") == "1":
    presentation(tokens)
    st.stop()

st.title(c.tr("bpage.title"))
st.caption(f"{cfg.org(lang)} · {c.revision_caption(rev)}")
st.caption(c.tr("bpage.intro"))
if dropped:
    st.warning(
        c.tr("bpage.bad_tokens", n=len(dropped), tokens=", ".join(dropped)),
        icon=":material/link_off:",
    )
problem = c.engine_problem()
if problem:
    st.error(problem, icon=":material/error:")

# --- Adding charts: the views looked at in this session, and the ready-made sets ---
left, right = st.columns([3, 2], gap="large")
with left:
    st.subheader(c.tr("bpage.views"))
    views = []
    for token in c.remembered_views():
        try:
            views.append((token, describe(token)))
        except (ValueError, KeyError):
            continue  # a view of data that is no longer there
    if not views:
        st.caption(c.tr("bpage.views_none"))
        with st.container(horizontal=True):
            st.page_link("ui/trends.py", label=c.tr("nav.trends"), icon=":material/show_chart:")
            st.page_link("ui/regions.py", label=c.tr("nav.regions"), icon=":material/map:")
    with st.container(height=320 if len(views) > 6 else "content", border=False):
        for k, (token, text) in enumerate(views):
            row = st.columns([6, 1.2], vertical_alignment="center")
            row[0].markdown(text)
            have = token in tokens
            row[1].button(
                c.tr("bpage.in_deck" if have else "bpage.add"), key=f"view_add_{k}",
                on_click=add, args=([token],), disabled=have, width="stretch",
                icon=":material/check:" if have else ":material/add:",
            )  # fmt: skip
with right:
    st.subheader(c.tr("bpage.presets"))
    for name in PRESETS:
        label = c.tr(f"deck.preset.{name}")
        try:
            preset = c.preset_tokens(rev, name)
        except ValueError as err:
            st.caption(c.tr("bpage.preset_error", name=label, error=err))
            continue
        st.button(
            c.tr("bpage.preset_button", name=label, n=len(preset)), key=f"preset_{name}",
            on_click=add, args=(preset,), help=c.tr("bpage.preset_help"),
            icon=":material/library_add:", width="stretch",
        )  # fmt: skip

# --- The deck, in slide order ---
st.divider()
head = st.columns([4, 1.5, 1.2], vertical_alignment="center")
head[0].subheader(c.tr("bpage.deck", n=len(tokens)))
if not tokens:
    st.info(c.tr("bpage.deck_empty"))
    st.stop()
preview = head[1].toggle(c.tr("bpage.preview"), key="briefing_preview")
head[2].button(c.tr("bpage.clear"), on_click=clear, icon=":material/delete_sweep:", key="clear")
for i, token in enumerate(tokens):
    chart = c.built_chart(rev, token, lang)
    with st.container(border=True, key=f"slide_{i}"):
        row = st.columns([0.4, 8, 0.5, 0.5, 0.5], vertical_alignment="top")
        row[0].markdown(f"**{i + 1}**")
        with row[1]:
            st.markdown(f"**{chart.title}** · {chart.areas}")
            st.caption(chart.caption)
            if chart.illustrative:
                st.badge(
                    c.tr("bpage.illustrative"), color="orange", icon=":material/change_history:"
                )
        moves = (
            ("up", ":material/arrow_upward:", move, (i, -1), i == 0),
            ("down", ":material/arrow_downward:", move, (i, 1), i == len(tokens) - 1),
            ("remove", ":material/close:", remove, (i,), False),
        )
        for col, (what, icon, act, args, off) in zip(row[2:], moves, strict=True):
            col.button("", icon=icon, key=f"{what}_{i}", on_click=act, args=args, disabled=off,
                       help=c.tr(f"bpage.{what}"))  # fmt: skip
        if preview:
            st.plotly_chart(
                framed(token, Size(720, 405, 1.0)), width="content", theme=None,
                key=f"preview_{i}_{token}", config={"displayModeBar": False},
            )  # fmt: skip

# --- Downloads and the presentation view ---
st.divider()
st.subheader(c.tr("bpage.download"))
opts = st.columns([1, 3], vertical_alignment="bottom")
with opts[0]:
    file_lang = st.radio(
        c.tr("bpage.file_lang"), LANGS, index=LANGS.index(lang), horizontal=True,
        format_func=lambda code: t(f"lang.{code}", code), key=f"briefing_file_lang_{lang}",
    )  # fmt: skip
presets = {tuple(c.preset_tokens(rev, n)): n for n in PRESETS}
default_sub = (
    t(f"deck.preset.{presets[tuple(tokens)]}", file_lang)
    if tuple(tokens) in presets
    else t("bpage.subtitle_default", file_lang, date=c.today().strftime("%d/%m/%Y"))
)
with opts[1]:
    subtitle = st.text_input(
        c.tr("bpage.subtitle"), value=default_sub, key=f"briefing_sub_{file_lang}_{default_sub}"
    )
info = c.deck_info(rev, file_lang, subtitle)
st.caption(c.tr("bpage.wait", n=len(tokens), s=max(2, round(SECONDS_PER_CHART * len(tokens)))))
stem = f"{t('bpage.file_stem', file_lang)}_{c.today():%Y-%m-%d}"
buttons = st.container(horizontal=True, key="briefing_downloads")
for fmt in ("pptx", "pdf", "zip"):
    buttons.download_button(
        c.tr(f"bpage.{fmt}"), key=f"deck_{fmt}", file_name=f"{stem}.{fmt}", mime=c.MIME[fmt],
        data=partial(c.deck_file, c.store(), list(tokens), fmt, catalog_=cat, rev=rev, info=info),
        on_click="ignore", disabled=problem is not None, icon=":material/download:",
        type="primary" if fmt == "pptx" else "secondary",
    )  # fmt: skip
link = {"charts": ",".join(tokens), "present": "1", **({"lang": lang} if lang != "vi" else {})}
buttons.page_link(
    "ui/briefing.py", label=c.tr("bpage.present"), icon=":material/slideshow:",
    query_params=link, help=c.tr("bpage.present_help"),
)  # fmt: skip
