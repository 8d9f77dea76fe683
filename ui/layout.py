"""One home for the page styles the Streamlit theme cannot say: the phone layout and the visible
keyboard focus. The router draws them once on every page (`styles`).

Streamlit draws the page on the server without knowing the screen, so the phone layout is CSS:
below 640 px the headline cards sit two to a row with value, change and status only (their
trend line, target and notes stay on the desktop and in the table under them), spacing is
compact, and a "fold" (`folded`) shows its one-line label closed instead of its content. On a
wider screen a fold is drawn open with no label: the desktop page is as it was.

The script is fixed text: it only closes each fold once when the screen is narrow, and sets the
page's language to one of ours.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from indicators.core.i18n import LANGS
from indicators.present.palette import BLUE

PHONE = 640  # px: below this width the phone layout applies
FOLD = "fold_"  # container keys of the folds (class st-key-fold_…)
SAID = "said_"  # a fold's line above its label, on a phone only

_CARD = '[class*="st-key-kpi_card_"]'
_FOLD = f'[class*="st-key-{FOLD}"]'
_PART = '[data-testid="stElementContainer"]'

_STYLE = f"""<style>
/* A visible focus on everything the keyboard reaches. */
a:focus-visible, button:focus-visible, summary:focus-visible, input:focus-visible,
[role="button"]:focus-visible, [role="radio"]:focus-visible, [role="slider"]:focus-visible,
[role="option"]:focus-visible, [tabindex]:focus-visible {{
  outline: 3px solid {BLUE} !important; outline-offset: 2px;
}}
@media (min-width: {PHONE + 1}px) {{
  {_FOLD} [data-testid="stExpander"] details {{ border: none; }}
  {_FOLD} [data-testid="stExpander"] summary {{ display: none; }}
  {_FOLD} [data-testid="stExpanderDetails"] {{ padding: 0; border: none !important; }}
  [class*="st-key-{SAID}"],
  [data-testid="stLayoutWrapper"]:has(> [class*="st-key-{SAID}"]) {{ display: none; }}
}}
@media (max-width: {PHONE}px) {{
  [data-testid="stMainBlockContainer"] {{ padding: 3.75rem 0.75rem 2rem 0.75rem; }}
  [data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] {{ gap: 0.5rem; }}
  [data-testid="stMain"] h1 {{ font-size: 1.6rem !important; }}
  [data-testid="stMain"] h2 {{ font-size: 1.25rem !important; }}
  [data-testid="stAlertContainer"] {{ padding: 0.5rem 0.75rem; font-size: 0.875rem; }}
  .st-key-kpi_cards [data-testid="stHorizontalBlock"] {{ flex-wrap: wrap; gap: 0.5rem; }}
  .st-key-kpi_cards [data-testid="stColumn"] {{
    flex: 1 1 calc(50% - 0.25rem) !important; width: calc(50% - 0.25rem) !important;
    min-width: calc(50% - 0.25rem) !important; max-width: calc(50% - 0.25rem);
  }}
  {_CARD} {{ padding: 0.5rem; gap: 0.25rem !important; }}
  {_CARD} p {{ font-size: 0.8125rem; line-height: 1.3; }}
  {_CARD} [data-testid="stMetricLabel"] {{ display: none; }}
  {_CARD} [data-testid="stMetricValue"] p {{ font-size: 1.75rem; line-height: 1.2; }}
  {_CARD} {_PART}:has(> [data-testid="stHtml"]),
  {_CARD} {_PART}:has(> [data-testid="stProgress"]),
  {_CARD} {_PART}:has(> .stMarkdown [data-testid="stCaptionContainer"]) {{
    display: none;
  }}
  {_FOLD} [data-testid="stExpander"] summary {{ padding: 0.5rem 0.75rem; min-height: 2.75rem; }}
  [class*="st-key-{SAID}"] p {{ font-weight: 600; margin: 0 0 0.25rem 0; }}
  {_CARD} [data-testid="stMarkdownContainer"]:has(> p) {{ margin-bottom: 0; }}
  {_CARD} [data-testid="stMarkdownContainer"] > p {{ margin-bottom: 0; }}
  .modebar-container {{ display: none; }}
}}
</style>"""

_SCRIPT = f"""<script>
(() => {{
  if (window.__cnttFolds) return;
  window.__cnttFolds = true;
  const narrow = window.matchMedia("(max-width: {PHONE}px)");
  const fold = () => {{
    if (!narrow.matches) return;
    document.querySelectorAll('{_FOLD} [data-testid="stExpander"] details').forEach((d) => {{
      if (d.dataset.cnttFolded) return;
      d.dataset.cnttFolded = "1";
      const summary = d.querySelector("summary");
      if (summary && summary.getAttribute("aria-expanded") !== "false") summary.click();
    }});
  }};
  new MutationObserver(fold).observe(document.body, {{ childList: true, subtree: true }});
  fold();
}})();
</script>"""


def styles(lang: str) -> None:
    """The phone layout, the folds and the focus style (the router calls it on every page), and
    the page's language (`<html lang>`, which a screen reader speaks by) as the reader's: the
    server sends the link's (`ui.link_preview`); the language switch changes it here."""
    code = lang if lang in LANGS else LANGS[0]  # a code of ours, never text from a link
    language = f'<script>document.documentElement.lang = "{code}";</script>'
    st.html(_STYLE + _SCRIPT + language, unsafe_allow_javascript=True)


@contextmanager
def folded(key: str, label: str) -> Iterator[DeltaGenerator]:
    """A part of a page a phone shows closed under `label` (Markdown: words from the catalog,
    or names passed through `markdown_literal`); elsewhere open, with no label. It gives a slot
    above the label, shown on a phone only, for a line drawn once the part's widgets are read
    (the current choice in words)."""
    with st.container(key=FOLD + key):
        said = st.container(key=SAID + key).empty()
        with st.expander(label, expanded=True):
            yield said
