"""The forms the guide avoids (data/terminology.yml, `avoid`), found in the pages and in the
data's texts of the same language, each with its file, line and column, worded in both
languages by data/messages.yml: `make validate` runs it (macros/contribute/check_data.py).

A page is read as written, its macro calls blanked out (an id is not prose); a data text is
every `{fr: ..., en: ...}` text of data/ but the bibliographic records (sources.yml keeps each
document's own words) and the terminology itself. A match in a page is located at the word; in a
data text, at the start of the text (its field is named). Matching ignores case and takes whole
words only, as tests/test_terminology.py does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from macros.contribute.check_docs import per_text
from macros.model import messages
from macros.model.data import parsed_file
from macros.model.records import GuideTerm
from macros.model.validation import FieldPath, Problem, YamlFile
from macros.site.i18n import LANGUAGES
from macros.site.text import read_page

MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
NOT_PROSE = {"sources.yml", "terminology.yml", "messages.yml", "translations.lock.yml"}


@dataclass(frozen=True)
class Avoided:
    """Every form to avoid in one language, found in one pass over a text (a pass per term made
    the terminology half of `make validate`'s time)."""

    finder: re.Pattern  # one named group per term: t0, t1...
    preferred: tuple[str, ...]  # the form to write, for each term in the order of its group

    def found(self, text: str) -> Iterator[tuple[re.Match, str]]:
        for match in self.finder.finditer(text):
            yield match, self.preferred[int(str(match.lastgroup)[1:])]


def avoided(terms: tuple[GuideTerm, ...], language: str) -> Avoided | None:
    """What finds the forms to avoid in `language`, with the form to write for each term."""
    checked = [term for term in terms if term.avoid.get(language) and term.forms.get(language)]
    if not checked:
        return None
    groups = [
        f"(?P<t{number}>" + "|".join(map(re.escape, term.avoid[language])) + ")"
        for number, term in enumerate(checked)
    ]
    return Avoided(
        re.compile(r"(?<!\w)(?:" + "|".join(groups) + r")(?!\w)", re.IGNORECASE),
        tuple(term.forms[language][0] for term in checked),
    )


def terminology_problems(project: Path, terms: tuple[GuideTerm, ...]) -> list[Problem]:
    """Every avoided form in project/docs/<language>/ and in project/data/."""
    problems: list[Problem] = []
    files = list(data_files(project))
    for language in LANGUAGES:
        checks = avoided(terms, language)
        if checks is None:
            continue
        for path in sorted((project / "docs" / language).rglob("*.md")):
            shown = path.relative_to(project).as_posix()
            problems += page_problems(shown, read_page(path), checks)
        for parsed in files:
            problems += data_problems(parsed, language, checks)
    return sorted(problems)


@per_text
def page_problems(shown: str, text: str, checks: Avoided) -> tuple[Problem, ...]:
    # Macro calls blanked character for character: lines and columns stay the page's.
    prose = MACRO.sub(lambda call: re.sub(r"[^\n]", " ", call[0]), text)
    problems = []
    for found, preferred in checks.found(prose):
        line = prose.count("\n", 0, found.start()) + 1
        column = found.start() - (prose.rfind("\n", 0, found.start()) + 1) + 1
        problems.append(
            messages.problem(
                "terms.avoided",
                shown,
                line,
                column,
                found=messages.quoted(found[0]),
                preferred=messages.quoted(preferred),
            )
        )
    return tuple(problems)


def data_files(project: Path) -> Iterator[YamlFile]:
    """The data files holding prose, parsed with their positions, as the loader read them (a file
    that cannot be read is the loader's to report)."""
    data = project / "data"
    for path in sorted(data.rglob("*.yml")):
        relative = path.relative_to(data)
        if path.name in NOT_PROSE or relative.parts[0] in ("templates", "schemas"):
            continue
        shown = path.relative_to(project).as_posix()
        parsed = parsed_file(path, shown)
        if parsed is not None:
            yield parsed


# A data file's problems, kept with the file as the loader read it: the loader hands back the same
# object while the file is unchanged (macros/model/data.py parsed_file).
_found_in_data: dict[tuple[str, str, Avoided], tuple[YamlFile, tuple[Problem, ...]]] = {}


def data_problems(parsed: YamlFile, language: str, checks: Avoided) -> tuple[Problem, ...]:
    key = (parsed.shown_path, language, checks)
    known = _found_in_data.get(key)
    if known is None or known[0] is not parsed:
        known = _found_in_data[key] = (parsed, _data_problems(parsed, language, checks))
    return known[1]


def _data_problems(parsed: YamlFile, language: str, checks: Avoided) -> tuple[Problem, ...]:
    return tuple(
        parsed.worded(
            path,
            "terms.avoided",
            found=messages.quoted(found[0]),
            preferred=messages.quoted(preferred),
        )
        for path, text in texts(parsed.content, language, ())
        for found, preferred in checks.found(text)
    )


def texts(value: Any, language: str, path: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    """Each text of a language in a data file: the `language` of every {fr, en} mapping."""
    if isinstance(value, dict):
        if isinstance(value.get(language), str) and set(value) <= set(LANGUAGES):
            yield (*path, language), value[language]
        for key, item in value.items():
            yield from texts(item, language, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from texts(item, language, (*path, index))
