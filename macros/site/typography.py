"""French typography, applied once in the build rather than by hand in every file.

Writers type ordinary spaces; on French pages the build (macros/build/french_typography.py) turns
the space before ; ! ? into a narrow no-break space, the space before : and inside « » into a
no-break space, so that punctuation never starts a line. Figures get the same care: a narrow
no-break space separates thousands (550 000), comes before % and € and after n°, so that "17,52 %"
or "550 000 €" never break across lines; a range of years takes an en dash (2011 to 2013). Only text
is touched: never tags, attributes, code or scripts.
"""

from __future__ import annotations

import re
from collections.abc import Callable

NBSP, NARROW_NBSP = "\u00a0", "\u202f"
TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
VERBATIM = re.compile(r"<(/?)(code|pre|kbd|samp|script|style|textarea)\b", re.IGNORECASE)
SPACE = "[ \u00a0\u202f]"
RULES: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    # 550 000, 1 000 000: a group of 1-3 digits followed by groups of exactly three
    (
        re.compile(rf"(?<![\d,.])(\d{{1,3}})((?:{SPACE}\d{{3}})+)(?![\d,])"),
        lambda m: m.group(1) + re.sub(SPACE, NARROW_NBSP, m.group(2)),
    ),
    (re.compile(rf"(\d){SPACE}?([%€])"), rf"\1{NARROW_NBSP}\2"),
    (re.compile(rf"\b([nN][°º]){SPACE}*(?=\d)"), rf"\1{NARROW_NBSP}"),
    (re.compile(r"\b((?:19|20)\d\d)-((?:19|20)\d\d)\b"), "\\1\u2013\\2"),
    (re.compile(r"[ \u00a0\u202f]+([;!?])"), NARROW_NBSP + r"\1"),
    (re.compile(r"[ \u00a0]+:"), NBSP + ":"),
    (re.compile(r"«[ \u00a0]*"), "«" + NBSP),
    (re.compile(r"[ \u00a0]*»"), NBSP + "»"),
]


# Data text reaches the page with Markdown's syntax characters as character references
# (macros/site/escaping.py markdown_text); once Markdown has run they are plain punctuation again.
PUNCTUATION_REFERENCE = re.compile(r"&#(33|58|59|63);")


def french_spacing(text: str) -> str:
    text = PUNCTUATION_REFERENCE.sub(lambda match: chr(int(match.group(1))), text)
    for pattern, replacement in RULES:
        text = pattern.sub(replacement, text)
    return text


def apply_to_text(html: str) -> str:
    """Apply french_spacing to the text between tags, outside verbatim elements."""
    out, verbatim_depth = [], 0
    for chunk in TAG_OR_TEXT.split(html):
        if chunk.startswith("<"):
            if match := VERBATIM.match(chunk):
                closing = match.group(1) == "/"
                verbatim_depth = max(0, verbatim_depth + (-1 if closing else 1))
            out.append(chunk)
        else:
            out.append(chunk if verbatim_depth else french_spacing(chunk))
    return "".join(out)
