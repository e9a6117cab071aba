"""Twins keep the same structure: a French page and its English translation have as many list
and checklist items, cite the same sources and link to the same places.

A translation that drops a step of a checklist, a citation or a link is incomplete even when it
reads well; this finds it and says where, `file:line:column: what: problem (expected)`. Headings
and their anchors are checked with the other page checks (issue 12's docs checks).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from .i18n import DEFAULT_LANGUAGE, LANGUAGES
from .validation import Problem

FENCE = re.compile(r"^\s*(```|~~~)")
CHECKLIST_ITEM = re.compile(r"^\s*[-*+]\s+\[[ xX]\]\s")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\S")
CITE = re.compile(r"""\bcite\(\s*["']([^"']+)["']\s*\)""")
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
        found["cite()"] += [(source, number) for source in CITE.findall(line)]
        found["links"] += [(target, number) for target in LINK.findall(line)]
    return found


def twin_problems(french_file: str, french: str, english_file: str, english: str) -> list[Problem]:
    """How the English page differs in structure from the French one, reported on the English."""
    ours, theirs = structure(english), structure(french)
    problems = []
    for what in ("checklist items", "list items"):
        count, expected = len(ours[what]), len(theirs[what])
        if count != expected:
            # where the two stop matching: the first item one of them lacks
            index = min(count, expected)
            line = ours[what][index][1] if count > expected else _line_after(ours[what], index)
            problems.append(
                Problem(
                    english_file,
                    line,
                    1,
                    what,
                    f"{count} here, {expected} in {french_file}",
                    "as many as in the French page",
                )
            )
    for what in ("cite()", "links"):
        mine = Counter(value for value, _ in ours[what])
        other = Counter(value for value, _ in theirs[what])
        for value in sorted((mine - other) | (other - mine)):
            extra = mine[value] > other[value]
            file, items = (english_file, ours[what]) if extra else (french_file, theirs[what])
            line = next(number for found, number in items if found == value)
            counted = f"{mine[value]} in {english_file}, {other[value]} in {french_file}"
            problems.append(
                Problem(file, line, 1, what, f"{value!r}: {counted}", "the same in both languages")
            )
    return problems


def _line_after(items: list[tuple[str, int]], index: int) -> int:
    return items[index - 1][1] if index and index <= len(items) else 1


def parity_problems(project: Path) -> list[Problem]:
    """Every structural difference between the French pages and their English twins."""
    project = Path(project)
    french_folder = project / "docs" / DEFAULT_LANGUAGE
    problems = []
    for language in LANGUAGES:
        if language == DEFAULT_LANGUAGE:
            continue
        for french in sorted(french_folder.rglob("*.md")):
            path = french.relative_to(french_folder).as_posix()
            english = project / "docs" / language / path
            if english.is_file():
                problems += twin_problems(
                    f"docs/{DEFAULT_LANGUAGE}/{path}",
                    french.read_text("utf-8"),
                    f"docs/{language}/{path}",
                    english.read_text("utf-8"),
                )
    return sorted(problems)
