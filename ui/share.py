"""A shared link says what it shows: the browser tab's title names the page and, where the page
shows one indicator or period, those too; and a "copy link" control copies the address of the
view as it is (the pages keep their choices in the URL: `ui.url_state`).

The title is plain text (the browser shows it as written). The copy control is a real
`<button>`, so it works from the keyboard (Tab, then Enter or Space), and a polite live region
says, in the reader's language, that the link was copied (or that it could not be).
"""

from __future__ import annotations

import html

import streamlit as st

from indicators.present import choices
from indicators.present.palette import BLUE
from ui.session import language, tr


def page_title(*parts: str) -> None:
    """Set the tab's title: `parts` (e.g. indicator, period, page) joined, then the app's name:
    "Tỷ lệ hộ có Internet · 2016–2026 · Xu hướng — Chỉ số CNTT-TT"."""
    st.set_page_config(page_title=choices.page_title(parts, language()))


# One listener for every copy button of the page, added once: Streamlit may draw a button again
# on each run, and the listener must not be added again with it.
_SCRIPT = """<script>
(() => {
  if (window.__cnttCopyLink) return;
  window.__cnttCopyLink = true;
  document.addEventListener("click", async (event) => {
    const button = event.target.closest("button.cntt-copy-link");
    if (!button) return;
    const status = button.parentElement.querySelector("[role=status]");
    try {
      await navigator.clipboard.writeText(window.location.href);
      status.textContent = button.dataset.done;
    } catch (err) {
      status.textContent = button.dataset.failed;
    }
  });
})();
</script>"""

_STYLE = f"""<style>
.cntt-share {{ display: flex; align-items: center; gap: 0.75rem; flex-wrap: wrap; }}
.cntt-copy-link {{
  font: inherit; color: inherit; background: transparent; cursor: pointer;
  border: 1px solid rgba(17, 17, 17, 0.45); border-radius: 0.5rem; padding: 0.25rem 0.75rem;
  min-height: 2.5rem;
}}
.cntt-copy-link:hover {{ border-color: currentColor; }}
.cntt-copy-link:focus-visible {{ outline: 3px solid {BLUE}; outline-offset: 2px; }}
</style>"""


def copy_link(key: str) -> None:
    """The "copy link" button of a chart view, with its live message (every text escaped,
    quotes too: `html.escape`'s default)."""
    esc = html.escape
    body = (
        f'<div class="cntt-share" data-testid="cntt-share-{esc(key)}">'
        f'<button type="button" class="cntt-copy-link" title="{esc(tr("a11y.copy_link_help"))}" '
        f'data-done="{esc(tr("a11y.copied"))}" data-failed="{esc(tr("a11y.copy_failed"))}">'
        f"{esc(tr('a11y.copy_link'))}</button>"
        '<span role="status" aria-live="polite"></span></div>'
    )
    # The script is fixed text; the words reach it only through the button's data-* attributes.
    st.html(_STYLE + body + _SCRIPT, unsafe_allow_javascript=True)
