"""Links between pages, checked by `make validate` before any build: each Markdown link of a page
to another file of the site (`[text](../cas/g2id.md#why)`) must lead to a page of that language,
to its French (which the site serves in its place), to a record's page (generated from data/, one
per record: macros/registry.py `KINDS`, `Kind.page_path`) or to a file beside the pages; and its
anchor must be one the page has. Each broken link is reported at its line and column, with the
closest page or anchor when one is close (difflib).

Known anchors: the headings' (check_docs.headings), the `{ #id }` and `id="..."` written in the
page, and those its macros make from the data (a glossary term's id, a source's id). A page
calling another macro may make anchors this check cannot know: a link to one of its anchors is
left to the strict build. So are the anchors of the records' pages, made by their templates.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from pathlib import Path

from macros.contribute.check_docs import FENCE, headings, per_text
from macros.model import messages
from macros.model.records import SiteData
from macros.model.validation import Problem
from macros.registry import KINDS
from macros.site.i18n import DEFAULT_LANGUAGE, LANGUAGES
from macros.site.text import read_page

# [text](target) or [text](target "title"), images included; inline code is blanked first.
LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
INLINE_CODE = re.compile(r"`+[^`]*`+")
EXPLICIT_ANCHOR = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}|\bid=\"([\w-]+)\"")
MACRO = re.compile(r"\{\{\s*(\w+)\(")
# The macros that make anchors from the data, and the ids they make them from.
ANCHOR_MACROS = {
    "glossary": lambda data: list(data.glossary),
    "bibliography": lambda data: list(data.sources),
}
# Macros that make no anchor at all: a page calling only these has only its own.
NO_ANCHOR_MACROS = {"cite", "cases_for_step"}


@per_text
def links(text: str) -> tuple[tuple[int, int, str], ...]:
    """(line, column, target) of each link outside code."""
    return tuple(_links(text))


def _links(text: str) -> Iterator[tuple[int, int, str]]:
    in_fence = False
    for number, line in enumerate(text.split("\n"), start=1):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        line = INLINE_CODE.sub(lambda code: " " * len(code[0]), line)
        for found in LINK.finditer(line):
            yield number, found.start(1) + 1, found.group(1)


def anchors(text: str, data: SiteData | None) -> set[str] | None:
    """The anchors of a page, or None when its macros may make others this check cannot know."""
    found = {heading.anchor for heading in headings(text)}
    found |= {a or b for a, b in EXPLICIT_ANCHOR.findall(text)}
    for macro in set(MACRO.findall(text)) - NO_ANCHOR_MACROS:
        if macro not in ANCHOR_MACROS or data is None:
            return None
        found |= set(ANCHOR_MACROS[macro](data))
    return found


def is_outside(target: str) -> bool:
    """A link this check leaves alone: another site, an e-mail, an address made by a macro."""
    return bool(re.match(r"[a-z][a-z0-9+.-]*:", target, re.IGNORECASE)) or "{{" in target


def link_problems(project: Path, data: SiteData | None) -> list[Problem]:
    """Every broken link and anchor of the pages in project/docs/."""
    docs = project / "docs"
    pages = {
        language: {
            path.relative_to(docs / language).as_posix(): path
            for path in sorted((docs / language).rglob("*.md"))
        }
        for language in LANGUAGES
    }
    texts = {
        (language, page): read_page(path)
        for language in LANGUAGES
        for page, path in pages[language].items()
    }
    records = {
        kind.page_path(record_id)
        for kind in KINDS
        for record_id in (data.records[kind.name] if data else ())
    }
    record_folders = {kind.page_folder for kind in KINDS}
    page_anchors: dict[tuple[str, str], set[str] | None] = {}  # a page's, once per run
    problems: list[Problem] = []
    for language in LANGUAGES:
        # What a page of this language can link to: its pages, the French ones served in their
        # place, the records' pages and the other files beside the pages.
        known = set(pages[language]) | set(pages[DEFAULT_LANGUAGE]) | records
        files = {
            path.relative_to(docs / folder).as_posix()
            for folder in {language, DEFAULT_LANGUAGE}
            for path in (docs / folder).rglob("*")
            if path.is_file() and path.suffix != ".md"
        }
        for page in pages[language]:
            shown = f"docs/{language}/{page}"
            for line, column, target in links(texts[language, page]):
                if is_outside(target) or target.startswith("/"):
                    continue  # absolute paths: MkDocs' own validation warns about them
                path, _, anchor = target.partition("#")
                linked = posixpath.normpath(posixpath.join(posixpath.dirname(page), path or page))
                # Data that did not load has its own problems: its records' pages are unknown.
                unknown_records = data is None and linked.split("/")[0] in record_folders
                if path and linked not in known | files and not unknown_records:
                    problems.append(
                        messages.problem(
                            "docs.link_not_found",
                            shown,
                            line,
                            column,
                            target=path,
                            suggestion=suggestion(path, page, known),
                        )
                    )
                    continue
                twin = language if linked in pages[language] else DEFAULT_LANGUAGE
                if not anchor or linked not in pages[twin]:
                    continue  # a record's page or a file: their anchors are the build's to check
                if (twin, linked) not in page_anchors:
                    page_anchors[twin, linked] = anchors(texts[twin, linked], data)
                found = page_anchors[twin, linked]
                if found is not None and anchor not in found:
                    problems.append(
                        messages.problem(
                            "docs.anchor_not_found",
                            shown,
                            line,
                            column + len(path),
                            anchor=anchor,
                            page=f"docs/{twin}/{linked}",
                            choices=messages.choices(anchor, sorted(found), "anchors"),
                        )
                    )
    return problems


def suggestion(target: str, page: str, known: set[str]) -> messages.Worded:
    """The link to write instead: the closest of the known pages, as a path from this page."""
    folder = posixpath.dirname(page) or "."
    relative = sorted(posixpath.relpath(other, folder) for other in known)
    return messages.closest_or(target, relative, messages.Worded("docs.link_how"))
