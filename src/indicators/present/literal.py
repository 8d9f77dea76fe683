"""Text that came from data, shown exactly as written: never a link, an image, bold or a formula.

Sources, notes, unit and indicator names, file names, revision messages and chart tokens come
from files, forms and links that outsiders can write. Each place that shows them speaks a markup
language of its own, and each has one function here that makes any text inert in it:

- `plotly_literal`: plotly's pseudo-HTML (titles, annotations, legends, axis labels, hover). Plotly
  reads `<a href>`, `<b>`, `<br>`, `<span style>` and, where MathJax is loaded, `$…$`; it turns
  `&lt;`, `&gt;`, `&amp;` and numeric references (`&#36;`) back into characters. A hover template
  also fills in `%{…}`. The same text goes into the SVG, PDF and PNG exports (`export.images`).
- `markdown_literal`: Streamlit's Markdown (st.markdown, st.caption, st.info …, widget labels,
  radio options, help tooltips, metric values). Streamlit reads GitHub Markdown (links, images,
  emphasis, headings, tables, raw HTML, bare URLs and e-mail addresses become links) and adds
  `:red[…]` directives, `:material/…:` icons, `:emoji:` shortcodes, `:streamlit:` and `$math$`.
  Characters that open a construct are written as numeric character references (`&#91;` for
  `[`), which Markdown shows as the character and never parses; where Streamlit matches text
  *after* those references are decoded (bare URLs, e-mail addresses, shortcodes, `->` arrows) an
  invisible WORD JOINER (U+2060) breaks the pattern. Letters, digits, Vietnamese diacritics,
  spaces, `.`, `,`, `-`, `!`, a colon before a space and other punctuation that opens nothing in
  the middle of a line stay as written, so the Markdown source is mostly the text itself.
- `markdown_code`: a whole Markdown code span around any text (its backticks never end it early).
- `plain_literal`: plain text for places without markup (PowerPoint runs, PDF metadata): no
  control characters (an XML file cannot hold them), one line.

Line breaks and runs of spaces become one space: a value from a cell is one line, and a line
break in Markdown could start a heading or a list.
Where a text is not markup at all (selectbox and multiselect options, table cells, text inputs),
it is shown as it is: escaping there would show the references themselves.
"""

from __future__ import annotations

import re

WORD_JOINER = "\u2060"  # invisible, zero width, no line break: splits a pattern, not the text
ELLIPSIS = "…"

# Line breaks, tabs and other control characters; no-break spaces stay (numbers and units use them).
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SPACES = re.compile(r" {2,}")

# Markdown and Streamlit constructs open with one of these anywhere in a line (a colon opens a
# directive, a shortcode or a URL only when something follows it: "Nguồn: …" stays as written).
_OPENERS = re.compile(r"[\\`*_\[\]<>&~$@|{}^#]|:(?=\S)")
# …and with these only at the start of a line: "- item", "+ item", "1. item", "1) item", and
# "---" (a rule). "-5", "+4,3" and "99.2%" open nothing and stay as written.
_LEADING = re.compile(r"^(?:[-+](?= |$)|\d{1,9}[.)](?= |$)|-(?= *-(?: *-)+ *$))")
# Patterns Streamlit finds in text after references are decoded, broken by a WORD JOINER:
_ARROWS = re.compile(r"(?<!\S)(?:<->|->|<-|--|>=|<=|~=)(?!\S)")  # "a -> b" would become "a → b"
_JOINS = re.compile(
    r"(?<=:)(?=\S)"  # https://…, mailto:…, :emoji:, :material_icon:, :streamlit:
    r"|(?<=www)(?=\.)"  # www.example (a link without a scheme)
    r"|(?=@)",  # name@example.org
    re.IGNORECASE,
)


def one_line(text: object, limit: int | None = None) -> str:
    """`text` as one line: line breaks, tabs, other control characters and runs of spaces
    become one space; cut to `limit` characters (the last one an ellipsis) when longer."""
    line = _SPACES.sub(" ", _CONTROLS.sub(" ", "" if text is None else str(text))).strip(" ")
    if limit is not None and len(line) > limit:
        return line[: max(limit - 1, 0)].rstrip() + ELLIPSIS
    return line


def plain_literal(text: object, limit: int | None = None) -> str:
    """Text for a place without markup that still needs valid characters (PowerPoint, PDF)."""
    return one_line(text, limit)


def plotly_literal(text: object, limit: int | None = None) -> str:
    """`text` as plotly shows it literally in a title, legend, axis, annotation or hover label."""
    line = one_line(text, limit)
    line = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return line.replace("$", "&#36;").replace("%{", "&#37;{")


def from_plotly(text: str) -> str:
    """The plain text of a plotly string made of `plotly_literal` parts joined by `<br>` (to
    wrap it again at another width)."""
    line = text.replace("<br>", " ")
    for ref, char in (("&lt;", "<"), ("&gt;", ">"), ("&#36;", "$"), ("&#37;", "%")):
        line = line.replace(ref, char)
    return line.replace("&amp;", "&")


def markdown_literal(text: object, limit: int | None = None) -> str:
    """`text` as Streamlit's Markdown shows it literally, in a paragraph or in a label."""
    line = one_line(text, limit)
    line = _ARROWS.sub(lambda m: WORD_JOINER.join(m.group()), line)
    line = _JOINS.sub(WORD_JOINER, line)
    head = ""
    if lead := _LEADING.match(line):  # a list marker: its last character as a reference
        head, line = lead.group()[:-1] + _ref(lead.group()[-1]), line[lead.end() :]
    return head + _OPENERS.sub(lambda m: _ref(m.group()), line)


def markdown_code(text: object, limit: int | None = None) -> str:
    """`text` as a whole Markdown code span (monospace, shown as written): fenced by one more
    backtick than its longest run of backticks, so none of them ends the span."""
    # Streamlit turns ":material/" into ":material_" even in code: a WORD JOINER keeps it.
    line = one_line(text, limit).replace(":material/", f":{WORD_JOINER}material/")
    runs = [len(r) for r in re.findall(r"`+", line)]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if line.startswith("`") or line.endswith("`") else ""
    return f"{fence}{pad}{line}{pad}{fence}"


def _ref(char: str) -> str:
    return f"&#{ord(char)};"
