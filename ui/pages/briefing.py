"""Báo cáo nhanh / Quick briefing: charts from the views looked at or from ready-made sets, put
in order and downloaded as a PowerPoint deck, a PDF and PNG images; `?present=1` shows them one
at a time in a fixed 16:9 area for screenshots.

The deck is in the URL (`?charts=tok1,tok2`, `chart_spec.ChartSpec` tokens), so a link reopens it.
"""

import streamlit as st

from indicators.core.clock import today
from indicators.core.i18n import LANGS, t
from indicators.core.periods import parse_period
from indicators.core.settings import settings
from indicators.export.images import Size, for_export
from indicators.present.chart_spec import PRESETS
from indicators.present.literal import markdown_code, markdown_literal
from ui import briefing_deck as deck
from ui.cache import built_chart, preset_tokens, revision
from ui.charts import chart as described
from ui.downloads import deck_downloads, deck_info, engine_problem
from ui.navigation import BRIEFING, REGIONS, TRENDS
from ui.session import language, page_heading, remembered_views, tr

lang, rev, cfg = language(), revision(), settings()
PRESENT = Size(1280, 720, 1.0)  # the presentation view's 16:9 chart area, CSS pixels
SECONDS_PER_CHART = 0.8  # a deck's time per chart on a warm image engine (measured, rounded up)
BAD_SHOWN, BAD_CHARS = 3, 80  # tokens of a link that were left out: a few, cut short


def describe(token: str) -> str:
    """A chart in one line: what, which indicator, where, when (plain text)."""
    chart = built_chart(rev, token, lang)
    spec = chart.spec
    parts = [tr(f"bpage.kind.{spec.kind}"), chart.title, chart.areas]
    if spec.kind == "trend":
        first, last = (parse_period(p).label(lang) for p in (spec.first, spec.last))
        parts += [
            first if first == last else tr("bpage.span", first=first, last=last),
            tr(f"gran.{spec.gran}"),
        ]
    parts.append(tr(f"unitlist.short.{spec.unit_list}"))
    return " · ".join(parts)


def framed(token: str, size: Size):
    """The chart as its images show it: title, caption, areas, source, export date."""
    chart = built_chart(rev, token, lang)
    return for_export(
        chart.figure,
        size,
        org=cfg.org(lang),
        exported=today(),
        lang=lang,
        areas=chart.areas,
        caption=chart.caption,
    )


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
        st.info(tr("bpage.deck_empty"))
        st.button(
            tr("bpage.exit"), on_click=deck.leave, icon=":material/close:", key="present_exit"
        )
        return
    i = deck.slide(len(tokens))
    with st.container(key="present_chart", width=PRESENT.width):
        described(
            framed(tokens[i - 1], PRESENT),
            sentence=built_chart(rev, tokens[i - 1], lang).caption or None,
            width="content",
            theme=None,
            key=f"present_{i}",
            config={"displayModeBar": False, "displaylogo": False},
        )
    with st.container(horizontal=True, vertical_alignment="center", key="present_nav"):
        st.button(
            tr("bpage.prev"),
            on_click=deck.set_slide,
            args=(i - 1,),
            disabled=i == 1,
            shortcut="Left",
            key="present_prev",
        )
        st.markdown(tr("bpage.slide_of", i=i, n=len(tokens)), width="content")
        st.button(
            tr("bpage.next"),
            on_click=deck.set_slide,
            args=(i + 1,),
            disabled=i == len(tokens),
            shortcut="Right",
            key="present_next",
        )
        st.button(
            tr("bpage.exit"),
            on_click=deck.leave,
            icon=":material/close:",
            shortcut="Esc",
            key="present_exit",
        )


tokens, dropped = deck.load_deck(rev, lang)
if deck.presenting():
    presentation(tokens)
    st.stop()

page_heading(tr("bpage.title"), rev)
st.caption(tr("bpage.intro"))
if dropped:  # what a link asked for, as code, cut short: a link is anyone's text
    shown = [markdown_code(token, BAD_CHARS) for token in dropped[:BAD_SHOWN]]
    st.warning(
        tr(
            "bpage.bad_tokens",
            n=len(dropped),
            tokens=", ".join(shown + ["…"] * (len(dropped) > BAD_SHOWN)),
        ),
        icon=":material/link_off:",
    )
problem = engine_problem()
if problem:
    st.error(problem, icon=":material/error:")

# --- Adding charts: the views looked at in this session, and the ready-made sets ---
left, right = st.columns([3, 2], gap="large")
with left:
    st.header(tr("bpage.views"))
    views = []
    for token in remembered_views():
        try:
            views.append((token, describe(token)))
        except (ValueError, KeyError):
            continue  # a view of data that is no longer there
    if not views:
        st.caption(tr("bpage.views_none"))
        with st.container(horizontal=True):
            TRENDS.link()
            REGIONS.link()
    with st.container(height=320 if len(views) > 6 else "content", border=False):
        for k, (token, text) in enumerate(views):
            row = st.columns([6, 1.2], vertical_alignment="center")
            row[0].markdown(markdown_literal(text))
            have = token in tokens
            row[1].button(
                tr("bpage.in_deck" if have else "bpage.add"),
                key=f"view_add_{k}",
                on_click=deck.add,
                args=([token],),
                disabled=have,
                width="stretch",
                icon=":material/check:" if have else ":material/add:",
            )
with right:
    st.header(tr("bpage.presets"))
    for name in PRESETS:
        label = tr(f"deck.preset.{name}")
        try:
            preset = preset_tokens(rev, name)
        except ValueError as err:
            st.caption(tr("bpage.preset_error", name=label, error=markdown_literal(err)))
            continue
        st.button(
            tr("bpage.preset_button", name=label, n=len(preset)),
            key=f"preset_{name}",
            on_click=deck.add,
            args=(preset,),
            help=tr("bpage.preset_help"),
            icon=":material/library_add:",
            width="stretch",
        )

# --- The deck, in slide order ---
st.divider()
head = st.columns([4, 1.5, 1.2], vertical_alignment="center")
head[0].header(tr("bpage.deck", n=len(tokens)))
if not tokens:
    st.info(tr("bpage.deck_empty"))
    st.stop()
preview = head[1].toggle(tr("bpage.preview"), key="briefing_preview")
head[2].button(tr("bpage.clear"), on_click=deck.clear, icon=":material/delete_sweep:", key="clear")
for i, token in enumerate(tokens):
    chart = built_chart(rev, token, lang)
    with st.container(border=True, key=f"slide_{i}"):
        row = st.columns([0.4, 8, 0.5, 0.5, 0.5], vertical_alignment="top")
        row[0].markdown(f"**{i + 1}**")
        with row[1]:
            title, areas = markdown_literal(chart.title), markdown_literal(chart.areas)
            st.markdown(f"**{title}** · {areas}")
            st.caption(markdown_literal(chart.caption))
            if chart.illustrative:
                st.badge(tr("bpage.illustrative"), color="orange", icon=":material/change_history:")
        moves = (
            ("up", ":material/arrow_upward:", deck.move, (i, -1), i == 0),
            ("down", ":material/arrow_downward:", deck.move, (i, 1), i == len(tokens) - 1),
            ("remove", ":material/close:", deck.remove, (i,), False),
        )
        for col, (what, icon, act, args, off) in zip(row[2:], moves, strict=True):
            col.button(
                "",
                icon=icon,
                key=f"{what}_{i}",
                on_click=act,
                args=args,
                disabled=off,
                help=tr(f"bpage.{what}"),
            )
        if preview:
            described(
                framed(token, Size(720, 405, 1.0)),
                sentence=chart.caption or None,
                width="content",
                theme=None,
                key=f"preview_{i}_{token}",
                config={"displayModeBar": False},
            )

# --- Downloads and the presentation view ---
st.divider()
st.header(tr("bpage.download"))
opts = st.columns([1, 3], vertical_alignment="bottom")
with opts[0]:
    file_lang = st.radio(
        tr("bpage.file_lang"),
        LANGS,
        index=LANGS.index(lang),
        horizontal=True,
        format_func=lambda code: t(f"lang.{code}", code),
        key=f"briefing_file_lang_{lang}",
    )
presets = {tuple(preset_tokens(rev, n)): n for n in PRESETS}
default_sub = (
    t(f"deck.preset.{presets[tuple(tokens)]}", file_lang)
    if tuple(tokens) in presets
    else t("bpage.subtitle_default", file_lang, date=today().strftime("%d/%m/%Y"))
)
with opts[1]:
    subtitle = st.text_input(
        tr("bpage.subtitle"), value=default_sub, key=f"briefing_sub_{file_lang}_{default_sub}"
    )
info = deck_info(rev, file_lang, subtitle)
st.caption(tr("bpage.wait", n=len(tokens), s=max(2, round(SECONDS_PER_CHART * len(tokens)))))
stem = f"{t('bpage.file_stem', file_lang)}_{today():%Y-%m-%d}"
buttons = st.container(horizontal=True, key="briefing_downloads")
deck_downloads(buttons, tokens, stem, rev=rev, info=info, off=problem is not None)
link = {"charts": ",".join(tokens), "present": "1", **({"lang": lang} if lang != LANGS[0] else {})}
BRIEFING.link(
    where=buttons, label=tr("bpage.present"), query_params=link, help=tr("bpage.present_help")
)
