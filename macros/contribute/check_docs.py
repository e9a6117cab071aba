"""Check the pages in docs/<language>/ as `make validate` does for the data: each problem with its
file and line, worded by macros/model/messages.py in both languages.

- every page starts with front matter holding a `title` and a `description`, and nothing else
  (data/schemas/page.schema.json; error);
- no page holds an invisible character: zero-width, direction control, soft hyphen (error);
- every page is in the navigation of mkdocs.yml, and the navigation names no missing page (error);
- every French page has its twin in each translation, and each translated page its French
  (warning: the site publishes it with a notice);
- twins have the same heading anchors (error: a trainer's link to a section works in both);
- the ids given to macros exist: `cite("source-id")`, `cases_for_step("step-id")` (error; the
  build runs the same check before mkdocs-macros, which would only print a traceback).

A byte-order mark and Windows line endings are accepted, as MkDocs accepts them.
Other checks of pages (translation parity, links and anchors between pages: twin_parity.py,
page_links.py) plug in beside `docs_problems` in macros/contribute/check_data.py.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pathspec
import yaml
from markdown.extensions.toc import slugify

from macros.model import messages
from macros.model.records import SiteData
from macros.model.validation import (
    INVISIBLE,
    Problem,
    SchemaChecker,
    character_name,
    parse_yaml,
)
from macros.site.i18n import DEFAULT_LANGUAGE, LANGUAGES, TRANSLATIONS
from macros.site.text import read_page

HEADING = re.compile(r"^(#{2,6})\s+(.*?)\s*#*\s*$")
EXPLICIT_ID = re.compile(r"\s*\{[^}]*#([\w-]+)[^}]*\}\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
# {{ cite("id") }} and the like: which list each macro's argument is an id of.
MACRO_CALL = re.compile(r"""\b(cite|cases_for_step)\(\s*["']([^"']*)["']\s*\)""")
MACRO_NOUNS = {"cite": "source", "cases_for_step": "step"}  # word.<noun> in data/messages.yml
# The checks of one page's text depend on that text alone: kept per text (`per_text`), a run of
# `make validate` after an edit checks again only the pages that changed.
per_text = functools.lru_cache(maxsize=4096)


def macro_ids(data: SiteData, macro: str) -> list[str]:
    return list(data.sources if macro == "cite" else data.vocabularies.steps)


@dataclass(frozen=True)
class Heading:
    line: int
    text: str
    anchor: str


@per_text
def headings(text: str) -> tuple[Heading, ...]:
    """The ## to ###### headings outside code blocks, with the anchor MkDocs gives each."""
    found, in_fence = [], False
    for number, line in enumerate(text.split("\n"), start=1):
        if FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else HEADING.match(line)
        if match:
            title = match.group(2)
            explicit = EXPLICIT_ID.search(title)
            title = EXPLICIT_ID.sub("", title)
            anchor = explicit.group(1) if explicit else slugify(title, "-")
            found.append(Heading(number, title, anchor))
    return tuple(found)


# Each key a page's front matter may hold, with its rules: data/schemas/page.schema.json.
PAGE_SCHEMA = "page.schema.json"
SCHEMAS = Path(__file__).resolve().parents[2] / "data" / "schemas"


@functools.cache
def _page_checker() -> SchemaChecker:
    return SchemaChecker(SCHEMAS, {}, date.today().year)


@per_text
def front_matter_problems(shown: str, text: str) -> tuple[Problem, ...]:
    """The front matter against data/schemas/page.schema.json: a key it does not declare, a
    value that is not one line of plain text, a missing title or description. The build runs
    the same check (macros/build/page_titles.py), so a page skipping `make validate` is still
    refused."""
    if not text.startswith("---\n") or "\n---" not in text[3:]:
        return (messages.problem("docs.no_front_matter", shown),)
    block = text[4:].split("\n---", 1)[0]
    limit = _page_checker().schemas[PAGE_SCHEMA]["x-max-file-bytes"]
    if len(block.encode()) > limit:
        return (messages.problem("file.too_large", shown, size=len(block.encode()), limit=limit),)
    # A blank line stands for the opening `---`: the lines YAML reports are the page's.
    parsed, problems = parse_yaml("\n" + block, shown)
    if parsed is None:
        if any(problem.key == "file.empty" for problem in problems):
            return (messages.problem("docs.no_front_matter", shown),)
        return tuple(problems)
    meta = parsed.content
    if not isinstance(meta, dict):
        return (messages.problem("docs.no_front_matter", shown),)
    problems += _page_checker().check(parsed, PAGE_SCHEMA)
    return (
        *problems,
        *[
            messages.problem("docs.front_matter_field_missing", shown, 1, field=name, name=name)
            for name in ("title", "description")
            if not (isinstance(meta.get(name), str) and meta[name].strip())
        ],
    )


@per_text
def body_problems(shown: str, text: str) -> tuple[Problem, ...]:
    """An invisible character anywhere in the page (validation.INVISIBLE), named: hidden text
    or a direction override would read differently from what a reviewer sees."""
    problems = []
    lines = text.split("\n")
    # The front matter's own lines are checked with their fields, by front_matter_problems.
    start = lines.index("---", 1) + 1 if lines[0] == "---" and "---" in lines[1:] else 0
    for number, line in enumerate(lines[start:], start=start + 1):
        found = INVISIBLE.search(line)
        if found:
            code, name = character_name(found[0])
            column = found.start() + 1
            problems.append(
                messages.problem(
                    "text.invisible_anywhere", shown, number, column, code=code, name=name
                )
            )
    return tuple(problems)


def macro_id_problems(shown: str, text: str, data: SiteData) -> list[Problem]:
    """`file:line: unknown source 'x' (did you mean ...?)` for every macro call naming a missing
    id: the ids when there are few, else the closest (messages.choices)."""
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        for match in MACRO_CALL.finditer(line):
            macro, given = match.groups()
            known = macro_ids(data, macro)
            if given in known:
                continue
            choices = messages.choices(given, known, f"{MACRO_NOUNS[macro]}s")
            problems.append(
                messages.problem(
                    "macro.unknown_id",
                    shown,
                    number,
                    match.start() + 1,
                    id=given,
                    noun=messages.Word(MACRO_NOUNS[macro]),
                    choices=choices,
                )
            )
    return problems


def nav_paths(mkdocs_yml: Path) -> list[tuple[str, int]]:
    """The pages the navigation of mkdocs.yml lists, each with its line there."""
    nav = _setting(mkdocs_yml, "nav")

    def walk(item) -> Iterator[tuple[str, int]]:
        if isinstance(item, yaml.ScalarNode) and item.value.endswith(".md"):
            yield item.value, item.start_mark.line + 1
        elif isinstance(item, yaml.SequenceNode):
            for child in item.value:
                yield from walk(child)
        elif isinstance(item, yaml.MappingNode):
            for _, child in item.value:
                yield from walk(child)

    return list(walk(nav)) if nav is not None else []


def not_in_nav(mkdocs_yml: Path) -> pathspec.GitIgnoreSpec:
    """The pages mkdocs.yml's `not_in_nav` leaves out of the navigation on purpose."""
    patterns = _setting(mkdocs_yml, "not_in_nav")
    lines = patterns.value.splitlines() if isinstance(patterns, yaml.ScalarNode) else []
    return pathspec.GitIgnoreSpec.from_lines(lines)


def _setting(mkdocs_yml: Path, name: str) -> yaml.Node | None:
    """A top-level setting of mkdocs.yml, as a YAML node (lines known, tags left unresolved)."""

    # Composed, not constructed: its tags (!ENV and the like) are left on the nodes. libyaml's
    # parser where PyYAML has it, several times faster on mkdocs.yml.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    node = yaml.compose(mkdocs_yml.read_text(encoding="utf-8"), Loader=loader)
    if node is None:  # an empty file
        return None
    return next((value for key, value in node.value if key.value == name), None)


def docs_problems(project: Path, data: SiteData | None) -> list[Problem]:
    """Every problem of the pages in project/docs/, errors and warnings (`severity`)."""
    docs = project / "docs"
    pages = {
        language: {
            path.relative_to(docs / language).as_posix(): path
            for path in sorted((docs / language).rglob("*.md"))
        }
        for language in LANGUAGES
    }

    def shown(language: str, page: str) -> str:
        return f"docs/{language}/{page}"

    problems: list[Problem] = []
    texts = {}
    for language in LANGUAGES:
        for page, path in pages[language].items():
            text = texts[language, page] = read_page(path)
            problems += front_matter_problems(shown(language, page), text)
            problems += body_problems(shown(language, page), text)
            if data is not None:
                problems += macro_id_problems(shown(language, page), text, data)

    nav = nav_paths(project / "mkdocs.yml")
    in_nav = {path for path, _ in nav}
    left_out = not_in_nav(project / "mkdocs.yml")
    for language in LANGUAGES:
        for page in pages[language]:
            if page not in in_nav and not left_out.match_file(f"{language}/{page}"):
                problems.append(
                    messages.problem("docs.not_in_nav", shown(language, page), path=page)
                )
    for nav_path, line in nav:
        if not any(nav_path in pages[language] for language in LANGUAGES):
            problems.append(
                messages.problem("docs.nav_missing_page", "mkdocs.yml", line, path=nav_path)
            )

    # Twins: each translation and its French source, both ways.
    for translation in TRANSLATIONS:
        for language, other in ((DEFAULT_LANGUAGE, translation), (translation, DEFAULT_LANGUAGE)):
            for page in pages[language]:
                if page not in pages[other]:
                    problems.append(
                        messages.warning(
                            "docs.twin_missing",
                            shown(language, page),
                            twin=shown(other, page),
                            other=messages.Word(f"language.{other}"),
                        )
                    )
                    continue
                problems += anchor_problems(
                    shown(language, page),
                    headings(texts[language, page]),
                    shown(other, page),
                    headings(texts[other, page]),
                )
    return sorted(problems)


def anchor_problems(
    shown: str, mine: Sequence[Heading], twin: str, theirs: Sequence[Heading]
) -> list:
    """Each heading of this page whose anchor the twin lacks, with the twin's anchor at the same
    place as the likely fix."""
    their_anchors = {heading.anchor for heading in theirs}
    problems = []
    for index, heading in enumerate(mine):
        if heading.anchor in their_anchors:
            continue
        expected = theirs[index].anchor if index < len(theirs) else heading.anchor
        problems.append(
            messages.problem(
                "docs.anchors_differ",
                shown,
                heading.line,
                heading=heading.text,
                anchor=heading.anchor,
                twin=twin,
                expected=expected,
            )
        )
    return problems
