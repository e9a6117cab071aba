"""Twins keep the same structure: a French page and its English translation have as many list
and checklist items, cite the same sources and link to the same places.

A translation that drops a step of a checklist, a citation or a link is incomplete even when it
reads well; this finds it and says where, with file and line, in French and in English
(data/messages.yml). Warnings, not errors: a pull request may change the French first and a
translator follow. `make validate` (macros/contribute/check_data.py, beside the page checks of
macros/contribute/check_docs.py, which compare headings and anchors) and `make translations` report
them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from macros.contribute.check_docs import per_text
from macros.model import messages
from macros.model.validation import Problem
from macros.site.i18n import DEFAULT_LANGUAGE, LANGUAGES
from macros.site.text import read_page

FENCE = re.compile(r"^\s*(```|~~~)")
CHECKLIST_ITEM = re.compile(r"^\s*[-*+]\s+\[[ xX]\]\s")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\S")
CITE = re.compile(r"""\bcite\(\s*["']([^"']+)["']\s*\)""")
INLINE_CODE = re.compile(r"`+[^`]*`+")  # `[text](address)` shows Markdown: not a link
LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """The lines of a page outside code blocks and front matter, numbered from 1."""
    in_fence = False
    in_front_matter = text.startswith("---")
    for number, line in enumerate(text.splitlines(), start=1):
        if in_front_matter:
            in_front_matter = number == 1 or line.strip() != "---"
            continue
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            yield number, line


def structure(text: str) -> dict[str, list[tuple[str, int]]]:
    """What must match between twins, each with the line it is on."""
    found: dict[str, list[tuple[str, int]]] = {
        "checklist items": [],
        "list items": [],
        "cite()": [],
        "links": [],
    }
    for number, line in _lines(text):
        if CHECKLIST_ITEM.match(line):
            found["checklist items"].append(("item", number))
        elif LIST_ITEM.match(line):
            found["list items"].append(("item", number))
        prose = INLINE_CODE.sub("", line)
        found["cite()"] += [(source, number) for source in CITE.findall(prose)]
        found["links"] += [(target, number) for target in LINK.findall(prose)]
    return found


WORDS = {  # each structure's name, worded in the message's language (data/messages.yml)
    "checklist items": messages.Word("twin.checklist_items"),
    "list items": messages.Word("twin.list_items"),
    "cite()": messages.Word("twin.citations"),
    "links": messages.Word("twin.links"),
}


@per_text
def twin_problems(
    french_file: str, french: str, english_file: str, english: str
) -> tuple[Problem, ...]:
    """How the English page differs in structure from the French one: warnings (the site is
    published anyway, a translator can follow), worded in both languages by
    macros/model/messages.py."""
    ours, theirs = structure(english), structure(french)
    problems = []
    for what in ("checklist items", "list items"):
        count, expected = len(ours[what]), len(theirs[what])
        if count != expected:
            # where the two stop matching: the first extra item, or the last one both have
            index = min(count, expected)
            line = ours[what][index][1] if count > expected else _line_after(ours[what], index)
            problems.append(
                messages.warning(
                    "docs.twin_count_differs",
                    english_file,
                    line,
                    field=what,
                    count=count,
                    expected=expected,
                    what=WORDS[what],
                    twin=french_file,
                )
            )
    for what in ("cite()", "links"):
        mine = Counter(value for value, _ in ours[what])
        other = Counter(value for value, _ in theirs[what])
        for value in sorted((mine - other) | (other - mine)):
            # reported where it is (more often): the page to compare with its twin
            here, there = (ours, theirs) if mine[value] > other[value] else (theirs, ours)
            file, twin = (
                (english_file, french_file) if here is ours else (french_file, english_file)
            )
            line = next(number for found, number in here[what] if found == value)
            problems.append(
                messages.warning(
                    "docs.twin_value_differs",
                    file,
                    line,
                    field=what,
                    value=value,
                    count=Counter(v for v, _ in here[what])[value],
                    expected=Counter(v for v, _ in there[what])[value],
                    what=WORDS[what],
                    twin=twin,
                )
            )
    return tuple(problems)


def _line_after(items: list[tuple[str, int]], index: int) -> int:
    return items[index - 1][1] if index and index <= len(items) else 1


def parity_problems(project: Path) -> list[Problem]:
    """Every structural difference between the French pages and their English twins."""
    project = Path(project)
    french_folder = project / "docs" / DEFAULT_LANGUAGE
    problems: list[Problem] = []
    for language in LANGUAGES:
        if language == DEFAULT_LANGUAGE:
            continue
        for french in sorted(french_folder.rglob("*.md")):
            path = french.relative_to(french_folder).as_posix()
            english = project / "docs" / language / path
            if english.is_file():
                problems += twin_problems(
                    f"docs/{DEFAULT_LANGUAGE}/{path}",
                    read_page(french),
                    f"docs/{language}/{path}",
                    read_page(english),
                )
    return sorted(problems)
