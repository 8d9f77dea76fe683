"""axe-core's violations on every page, in Vietnamese and English, split into the project's own
elements and Streamlit's framework markup.

    .venv/bin/python bench/accessibility_counts.py --label before|after [--out FILE]
    .venv/bin/python bench/accessibility_counts.py --table-only   # the .md again from the .json

Starts the real app server (ui/server.py) on the bundled data with a fresh store, as the browser
tests do, makes an admin account with the command line for the pages only an admin sees
(Upload, History, Accounts), and opens every page at desktop size (1440×2300) in Debian's
Chromium: the public pages as an anonymous visitor, the others signed in. axe-core
(axe-playwright-python) runs once the page has finished drawing. Each violation node is placed
by tests/browser/axe_audit.py (the same code the accessibility test uses): inside Streamlit's own
markup, or ours.

The counts of one run are kept under `--label` in bench/results/accessibility.json; the table
bench/results/accessibility.md is written from every label kept there, "before" and "after"
side by side.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # the test helpers live in tests/, beside bench/
    sys.path.insert(0, str(ROOT))

from axe_playwright_python.sync_playwright import Axe  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from indicators.core.i18n import LANGS  # noqa: E402
from indicators.export.chromium import CHROMIUM_ARGS, CHROMIUM_PATH  # noqa: E402
from tests.browser.axe_audit import (  # noqa: E402
    DESKTOP,
    IMPACTS,
    PAGES,
    audit,
    counts,
    settle,
    url,
)
from tests.browser.conftest import running_server  # noqa: E402
from tests.browser.helpers import add_account, sign_in, wait_for_session_cookie  # noqa: E402

RESULTS = ROOT / "bench" / "results"
ADMIN = "quantri"


def run_pages(base: str, db: Path) -> dict:
    """{page: {lang: {"counts": …, "rules": [[rule, impact, framework place, nodes], …]}}}"""
    add_account(db, ADMIN, "admin")
    out: dict = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        visitor = browser.new_context(viewport=DESKTOP, locale="vi-VN").new_page()
        admin = browser.new_context(viewport=DESKTOP, locale="vi-VN").new_page()
        visitor.goto(base)  # the Overview first: a new server's first page (README)
        settle(visitor)
        admin.goto(base + "/tai-len")
        sign_in(admin, ADMIN)
        wait_for_session_cookie(admin)
        for page in PAGES:
            tab = admin if page.admin else visitor
            for lang in LANGS:
                tab.goto(url(base, page, lang))
                settle(tab)
                found = audit(tab)
                rules = Counter((f.rule, f.impact, f.framework) for f in found)
                out.setdefault(page.name, {})[lang] = {
                    "counts": counts(found),
                    "rules": [[*key, n] for key, n in sorted(rules.items())],
                }
                print(page.name, lang, dict(rules), flush=True)
        browser.close()
    return out


def cell(c: list) -> str:
    rules, nodes = c
    return "·" if not nodes else f"{len(rules)} / {nodes}"


def total(c: dict, side: str, impacts=IMPACTS) -> int:
    return sum(c[side][i][1] for i in impacts)


def run_table(run: dict) -> list[str]:
    head = " | ".join(f"ours: {i}" for i in IMPACTS) + " | "
    head += " | ".join(f"Streamlit: {i}" for i in IMPACTS)
    lines = [
        f"| page | lang | {head} |",
        "|---|---|" + "---:|" * (2 * len(IMPACTS)),
    ]
    for name, by_lang in run["pages"].items():
        for lang, res in by_lang.items():
            c = res["counts"]
            own = " | ".join(cell(c["own"][i]) for i in IMPACTS)
            fw = " | ".join(cell(c["framework"][i]) for i in IMPACTS)
            lines.append(f"| {name} | {lang} | {own} | {fw} |")
    lines.append("")
    lines.append("| rule | impact | where | pages × languages | nodes |")
    lines.append("|---|---|---|---:|---:|")
    seen: dict = {}
    for by_lang in run["pages"].values():
        for res in by_lang.values():
            for rule, impact, place, n in res["rules"]:
                k = (rule, impact, place or "own")
                pages, nodes = seen.get(k, (0, 0))
                seen[k] = (pages + 1, nodes + n)
    for (rule, impact, place), (pages, nodes) in sorted(seen.items()):
        where = "ours" if place == "own" else f"Streamlit: {place}"
        lines.append(f"| `{rule}` | {impact} | {where} | {pages} | {nodes} |")
    return lines


def markdown(runs: dict) -> str:
    lines = [
        "# Accessibility: axe-core violations per page",
        "",
        "`bench/accessibility_counts.py`: the real server (ui/server.py) on the bundled data, "
        "every page in Vietnamese and English at 1440×2300 in Debian's Chromium, axe-core "
        "through axe-playwright-python once the page has finished drawing; Upload, History and "
        "Accounts signed in as an admin. A node is Streamlit's when it sits in the framework's "
        "own markup (`FRAMEWORK` in tests/browser/axe_audit.py: the menu, the header, the "
        "sidebar header, st.metric's sparkline, the file uploader's drop zone), otherwise "
        "ours. Cells: rules violated / nodes; · none.",
        "",
    ]
    if "before" in runs and "after" in runs:
        before, after = runs["before"]["pages"], runs["after"]["pages"]
        lines += [
            "## Before and after",
            "",
            "Nodes in violation, by impact: critical + serious, then moderate + minor.",
            "",
            "| page | lang | ours: critical+serious | ours: moderate+minor "
            "| Streamlit: critical+serious | Streamlit: moderate+minor |",
            "|---|---|---:|---:|---:|---:|",
        ]
        high, low = IMPACTS[:2], IMPACTS[2:]
        for name, by_lang in before.items():
            for lang, res in by_lang.items():
                b = res["counts"]
                a = after.get(name, {}).get(lang, {}).get("counts")
                cells = []
                for side in ("own", "framework"):
                    for imp in (high, low):
                        now = "?" if a is None else total(a, side, imp)
                        cells.append(f"{total(b, side, imp)} → {now}")
                lines.append(f"| {name} | {lang} | " + " | ".join(cells) + " |")
        lines += [
            "",
            "The before run placed one minor node on Upload (`presentation-role-conflict`, the "
            "file uploader's drop zone) with ours; the file uploader was added to `FRAMEWORK` "
            "after it, so the after run counts that same node as Streamlit's. The 7 `svg-img-alt` "
            "nodes of the Overview in each language (Streamlit's `st.metric` sparklines) are gone "
            "because the cards now draw their own trend lines, with alt text.",
            "",
        ]
    for label in ("before", "after"):
        if label not in runs:
            continue
        run = runs[label]
        lines += [
            f"## {label.capitalize()} ({run['date']}, commit {run['commit']}, axe {run['axe']})",
            "",
            *run_table(run),
            "",
        ]
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--label", choices=("before", "after"))
    ap.add_argument("--out", type=Path, default=RESULTS / "accessibility.md")
    ap.add_argument("--table-only", action="store_true", help="rewrite the table, run nothing")
    args = ap.parse_args()
    kept = args.out.with_suffix(".json")
    runs = json.loads(kept.read_text(encoding="utf-8")) if kept.exists() else {}
    if args.table_only:
        args.out.write_text(markdown(runs), encoding="utf-8")
        return 0
    if args.label is None:
        ap.error("--label before|after (or --table-only)")
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="a11y-") as folder, running_server(Path(folder)) as srv:
        pages = run_pages(srv.url, srv.db)
    axe = Axe().axe_script[:40].split("axe v")[-1].split()[0]
    runs[args.label] = {
        "date": dt.date.today().isoformat(),
        "commit": commit,
        "axe": axe,
        "pages": pages,
    }
    kept.write_text(json.dumps(runs, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    args.out.write_text(markdown(runs), encoding="utf-8")
    print(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
