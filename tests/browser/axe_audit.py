"""axe-core on every page of the dashboard, as the accessibility test and
bench/accessibility_counts.py run it.

Each violation node is placed: inside Streamlit's own markup (the menu, the header, the sidebar's
collapse button, the inside of a widget we only label) or in the project's own elements. The
framework findings known today are listed in `KNOWN`, each with its reason and the upstream issue,
and matched by rule id and the element it sits in, so that a new one is not let through.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from indicators.core.i18n import LANGS
from tests.browser.helpers import wait_until_settled


@dataclass(frozen=True)
class PageToAudit:
    name: str  # as the table names it
    path: str  # the URL path (Vietnamese, part of every shared link)
    admin: bool = False  # opened by a signed-in admin (the menu hides it from others)


PAGES = (
    PageToAudit("Overview", "/"),
    PageToAudit("Trends", "/xu-huong"),
    PageToAudit("Regions", "/dia-ban"),
    PageToAudit("Provinces", "/so-sanh-tinh"),
    PageToAudit("Briefing", "/bao-cao"),
    PageToAudit("Data", "/du-lieu"),
    PageToAudit("Methodology", "/phuong-phap"),
    PageToAudit("Upload", "/tai-len", admin=True),
    PageToAudit("History", "/lich-su", admin=True),
    PageToAudit("Accounts", "/tai-khoan", admin=True),
)
IMPACTS = ("critical", "serious", "moderate", "minor")
DESKTOP = {"width": 1440, "height": 2300}

# Markup that Streamlit draws by itself, whatever the app asks: a node inside one of these is the
# framework's. Anything else on the page (our texts, colours, headings, labels, charts) is ours.
FRAMEWORK = {
    "menu": '[data-testid="stSidebarNav"]',
    "header": '[data-testid="stHeader"]',
    "sidebar header": '[data-testid="stSidebarHeader"]',
    "metric sparkline": '[data-testid="stMetric"] svg',
    # the file uploader's drop zone: a <section role="presentation"> given our label as its
    # aria-label (`presentation-role-conflict`, minor)
    "file uploader": '[data-testid="stFileUploaderDropzone"]',
}


@dataclass(frozen=True)
class Known:
    """A framework finding we cannot fix from the app: `rule` on a node inside `within`."""

    rule: str
    within: str  # a key of FRAMEWORK
    reason: str
    upstream: str  # the issue upstream


# Streamlit's sidebar menu, with sections (st.navigation given a dict): each section is a <div>
# holding its <header> and its <li> links, put directly in the menu's <ul>, so the <ul> holds a
# non-<li> child (`list`) and the links are <li> outside any list (`listitem`). No issue for this
# exact markup was found upstream; the umbrella issue on Streamlit's page structure is cited.
UPSTREAM_STRUCTURE = "https://github.com/streamlit/streamlit/issues/8399"
KNOWN: tuple[Known, ...] = (
    Known("list", "menu", "the menu's <ul> holds each section's <div>", UPSTREAM_STRUCTURE),
    Known("listitem", "menu", "the menu's <li> links sit in a section's <div>", UPSTREAM_STRUCTURE),
)


@dataclass(frozen=True)
class Finding:
    rule: str
    impact: str
    target: str
    html: str
    summary: str
    framework: str  # the key of FRAMEWORK the node sits in, or "" (the project's own)

    @property
    def own(self) -> bool:
        return not self.framework

    @property
    def known(self) -> Known | None:
        return next((k for k in KNOWN if k.rule == self.rule and k.within == self.framework), None)

    def __str__(self) -> str:
        where = f"[{self.framework}] " if self.framework else ""
        return f"{self.rule} ({self.impact}) {where}{self.target}: {self.html[:160]}"


# The FRAMEWORK container a node (axe's target: selectors, one per shadow root) sits in.
PLACE = """([target, containers]) => {
  let root = document, el = null;
  for (const sel of target) {
    el = root.querySelector(sel);
    if (!el) return '';
    root = el.shadowRoot || el;
  }
  for (const [name, css] of containers) if (el.closest(css)) return name;
  return '';
}"""


def url(base: str, page: PageToAudit, lang: str) -> str:
    return base + page.path + ("" if lang == LANGS[0] else f"?lang={lang}")


# How many elements the page holds: once the script is done, charts drawn later (st.metric's
# sparklines, drawn by Vega after the page) still add theirs.
SIZE = "() => document.getElementsByTagName('*').length"


def settle(page: Page, timeout: float = 120_000) -> None:
    """Wait until the page has finished drawing: the script done and every plotly chart drawn
    (twice: a rerun may follow the first run), then no element added for a second."""
    for _ in range(2):
        page.wait_for_timeout(700)
        wait_until_settled(page, timeout)
    size, still = page.evaluate(SIZE), 0
    while still < 4:
        page.wait_for_timeout(250)
        now = page.evaluate(SIZE)
        still = still + 1 if now == size else 0
        size = now


def audit(page: Page) -> list[Finding]:
    """axe-core's violations on the page as it is now, one Finding per node."""
    response = Axe().run(page).response
    containers = list(FRAMEWORK.items())
    found = []
    for violation in response["violations"]:
        for node in violation["nodes"]:
            target = [t if isinstance(t, str) else t[-1] for t in node["target"]]
            place = page.evaluate(PLACE, [target, containers])
            found.append(
                Finding(
                    rule=violation["id"],
                    impact=node.get("impact") or violation["impact"] or "minor",
                    target=" ".join(target),
                    html=node["html"],
                    summary=node.get("failureSummary", ""),
                    framework=place,
                )
            )
    return found


def counts(findings: Iterable[Finding]) -> dict:
    """{"own" | "framework": {impact: [rules, nodes]}} and the rules by name."""
    out: dict = {side: {i: [set(), 0] for i in IMPACTS} for side in ("own", "framework")}
    for f in findings:
        cell = out["own" if f.own else "framework"][f.impact]
        cell[0].add(f.rule)
        cell[1] += 1
    return {
        side: {i: [sorted(rules), n] for i, (rules, n) in by.items()} for side, by in out.items()
    }
