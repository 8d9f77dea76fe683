"""The pages: their files, menu entries and URL paths, for the router and for links between pages.

URL paths are Vietnamese and part of every shared link: they never change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import streamlit as st

from indicators.core.roles import Action
from ui.session import tr


@dataclass(frozen=True)
class Page:
    file: str  # relative to app.py
    key: str  # the menu entry's message: nav.<key>
    icon: str
    url_path: str

    def page(self, **kwargs: Any) -> st.Page:
        """The page for `st.navigation`, titled in the reader's language."""
        return st.Page(
            self.file,
            title=tr(f"nav.{self.key}"),
            icon=self.icon,
            url_path=self.url_path,
            **kwargs,
        )

    def link(self, where: Any = st, **kwargs: Any) -> None:
        """A link to this page in `where` (its menu entry's words and icon unless given)."""
        where.page_link(self.file, **{"label": tr(f"nav.{self.key}"), "icon": self.icon, **kwargs})


OVERVIEW = Page("ui/pages/overview.py", "overview", ":material/dashboard:", "tong-quan")
TRENDS = Page("ui/pages/trends.py", "trends", ":material/show_chart:", "xu-huong")
REGIONS = Page("ui/pages/regions.py", "regions", ":material/map:", "dia-ban")
PROVINCES = Page("ui/pages/provinces.py", "provinces", ":material/leaderboard:", "so-sanh-tinh")
BRIEFING = Page("ui/pages/briefing.py", "briefing", ":material/slideshow:", "bao-cao")
DATA = Page("ui/pages/data.py", "data", ":material/table:", "du-lieu")
METHODOLOGY = Page("ui/pages/methodology.py", "methodology", ":material/menu_book:", "phuong-phap")
UPLOAD = Page("ui/pages/upload.py", "upload", ":material/upload_file:", "tai-len")
HISTORY = Page("ui/pages/history.py", "history", ":material/history:", "lich-su")
ACCOUNTS = Page("ui/pages/accounts.py", "accounts", ":material/manage_accounts:", "tai-khoan")

SECTIONS = {  # menu section (message key) → its pages; the first page opens at /
    "nav.section_view": (OVERVIEW, TRENDS, REGIONS, PROVINCES, BRIEFING, DATA, METHODOLOGY),
    "nav.section_update": (UPLOAD, HISTORY, ACCOUNTS),
}
# The role a page's menu entry waits for: below it the entry is hidden, and the page itself,
# opened by a link, asks for sign-in (`ui.access.gate`) — the action is checked again when it runs.
MENU_ACTION = {
    UPLOAD: Action.VALIDATE,
    HISTORY: Action.READ_HISTORY,
    ACCOUNTS: Action.MANAGE_ACCOUNTS,
}
