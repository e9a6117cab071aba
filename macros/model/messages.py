"""What the checks tell a contributor, in plain words, in French and in English.

Every problem a contributor can meet is worded in data/messages.yml (`key: {fr: {message, fix},
en: {message, fix}}`): the YAML syntax, the schema checks (macros/model/validation.py), the record
checks (macros/render/cases.py, macros/model/record_dates.py, macros/model/data.py) and the pages
(macros/contribute/check_docs.py). A problem carries its key and values, so that it can be printed
in either language; its English wording is also its `message` and `expected`. A value may itself be
worded per language: a `Word` or a `Worded` of data/messages.yml, or a `Translated` text such as a
field's description in a schema (`description` in English, `x-description-fr` in French beside it).

Which language: the locale's when the site speaks it (macros/site/i18n.py `LANGUAGES`), English
otherwise, every language in CI (`output_languages`). This module also rewords YAML's syntax
errors (`yaml_syntax_problem`) and finds what YAML cannot show: tabs and non-breaking spaces
(`invisible_character_problems`).
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

import yaml

from macros.site.i18n import LANGUAGES

NON_BREAKING_SPACES = "\u00a0\u202f\u2007"  # a French keyboard types the first two easily
# The language of a problem's own `message` and `expected`, of the schemas' descriptions (which
# the editors show) and of a locale the site does not speak.
ENGLISH = "en"
# A message in each language (`{language: {message, fix}}`), as data/messages.yml words it.
Wording = dict[str, dict[str, str]]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one data file; sorts by file, then position."""

    file: str
    line: int
    column: int
    field: str
    message: str
    expected: str
    # Its message in data/messages.yml, in either language. (`dataclasses.field`: the name
    # `field` is this class's attribute.)
    key: str = dataclasses.field(default="", compare=False)
    values: tuple[tuple[str, object], ...] = dataclasses.field(default=(), compare=False)
    severity: str = dataclasses.field(default="error", compare=False)  # or "warning": published

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.field}: {self.message} ({self.expected})"


def catalogue() -> dict[str, Wording]:
    """data/messages.yml, as the loader reads it (macros/model/data.py, which imports this
    module: hence the import here, on first use)."""
    from macros.model.data import messages_catalogue

    return messages_catalogue()


def problem(
    key: str,
    file: str,
    line: int = 1,
    column: int = 1,
    *,
    field: str = "file",
    **values: object,
) -> Problem:
    """A problem worded by data/messages.yml; `values` fill its {placeholders}."""
    message, fix = wording(key, ENGLISH, values)
    return Problem(
        file, line, column, field, message, fix, key=key, values=tuple(sorted(values.items()))
    )


def warning(
    key: str, file: str, line: int = 1, column: int = 1, *, field: str = "file", **values: object
) -> Problem:
    """Something to fix soon that does not stop the site from being published."""
    return replace(problem(key, file, line, column, field=field, **values), severity="warning")


class Word(str):
    """A value that is itself a word of data/messages.yml (`word.<key>`), worded in the language
    of the message: Word("language.en") is "anglaise" in French, "English" in English."""


class Worded:
    """A value that is itself a message of data/messages.yml with its own values:
    Worded("value.number", value=3) is "le nombre 3" in French, "the number 3" in English."""

    def __init__(self, key: str, **values: object):
        self.key, self.values = key, values

    def __repr__(self) -> str:
        return f"Worded({self.key!r}, {self.values!r})"


class Translated(dict[str, str]):
    """A text given in each language by the data itself, such as a schema's description:
    `Translated({"fr": ..., "en": ...})`, read as `text[language]`."""


def quoted(value: object, limit: int = 40) -> Translated:
    """A value from the data as a message quotes it, shortened: in English as Python writes it,
    'like this'; in French with its control characters written as escapes, for « » around it.
    Either way a quoted line break cannot split the message's line."""
    if not isinstance(value, str):
        return Translated({language: str(value) for language in LANGUAGES} | {ENGLISH: repr(value)})
    text = value if len(value) <= limit else value[: limit - 1] + "…"
    escaped = "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)
    return Translated({language: escaped for language in LANGUAGES} | {ENGLISH: repr(text)})


LONGEST_LISTED_CHOICE = 12  # beyond this many ids, the closest ones, or how many there are


def choices(given: object, known: Sequence[str], list_name: str) -> Worded:
    """What a contributor may have meant by an unknown id: every id when there are few; else the
    closest ones, if any is close ("boussu-2014": boussou-2014), or how many there are."""
    if len(known) <= LONGEST_LISTED_CHOICE:
        return Worded("choices.listed", ids=", ".join(known))
    return closest_or(given, known, Worded("choices.counted", count=len(known), list=list_name))


def closest_or(given: object, known: Sequence[str], otherwise: Worded) -> Worded:
    """ "did you mean" the ids closest to `given`, else `otherwise`: difflib's closest, and those
    nearly as close (three at most), so that a typo gets its one likely id, not a list."""
    if not isinstance(given, str):
        return otherwise
    scored = sorted(
        ((difflib.SequenceMatcher(None, given, id_).ratio(), id_) for id_ in known),
        key=lambda pair: -pair[0],
    )
    best = scored[0][0] if scored else 0
    close = [id_ for ratio, id_ in scored[:3] if ratio >= max(0.6, best - 0.1)]
    return Worded("choices.closest", ids=", ".join(close)) if close else otherwise


def wording(key: str, language: str, values: Mapping[str, object]) -> tuple[str, str]:
    worded = catalogue()[key][language]
    shown = {name: in_words(value, language) for name, value in values.items()}
    return worded["message"].format(**shown), worded.get("fix", "").format(**shown)


def in_words(value: object, language: str) -> object:
    """A value as a message in `language` shows it."""
    if isinstance(value, Word):
        return catalogue()[f"word.{value}"][language]["message"]
    if isinstance(value, Worded):
        return wording(value.key, language, value.values)[0]
    if isinstance(value, Translated):
        return value[language]
    return value


def explained(found: Problem, language: str) -> tuple[str, str]:
    """What is wrong and how to fix it, in `language` (in English if it has no key)."""
    if found.key:
        return wording(found.key, language, dict(found.values))
    return found.message, found.expected


def both(key: str, **values: object) -> str:
    """A message in each language, French first, on one line (for a maintainer's TODO or a
    refusal)."""
    return " · ".join(wording(key, language, values)[0] for language in LANGUAGES)


def heading(key: str, *values: str) -> str:
    """A line of the pull-request summary (`summary.<key>`), in each language, French first."""
    worded = catalogue()[f"summary.{key}"]
    return " · ".join(worded[language]["message"].format(*values) for language in LANGUAGES)


def in_language(found: Problem, language: str) -> str:
    """One line: `file:line:column: [field: ]what is wrong (how to fix it)`."""
    message, fix = explained(found, language)
    return f"{found.file}:{found.line}:{found.column}: {field_prefix(found)}{message} ({fix})"


def field_prefix(found: Problem) -> str:
    """`title.en: ` for a problem in one field; nothing for one with the file as a whole."""
    return "" if found.field == "file" else f"{found.field}: "


def output_languages(environ: Mapping[str, str] = os.environ) -> tuple[str, ...]:
    """Every language in CI (reviewers and contributors may read any); otherwise the locale's if
    the site speaks it, else English."""
    if environ.get("GITHUB_ACTIONS") == "true":
        return LANGUAGES
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        if environ.get(name):
            spoken = environ[name].lower()[:2]
            return (spoken,) if spoken in LANGUAGES else (ENGLISH,)
    return (ENGLISH,)


def lines(found: Problem, languages: tuple[str, ...]) -> list[str]:
    return list(dict.fromkeys(in_language(found, language) for language in languages))


def told(problems: Iterable[Problem], languages: tuple[str, ...] | None = None) -> str:
    """Every problem, one line each, in the contributor's language(s)."""
    languages = languages or output_languages()
    return "\n".join(line for found in problems for line in lines(found, languages))


# --- YAML ----------------------------------------------------------------------------------------


def visible(line: str) -> str:
    """The line with its invisible characters shown: a tab as →, a non-breaking space as ⍽."""
    shown = line.rstrip("\r\n").replace("\t", "→")
    for space in NON_BREAKING_SPACES:
        shown = shown.replace(space, "⍽")
    return shown.strip(" ")


def invisible_character_problems(shown_path: str, text: str) -> list[Problem]:
    """Tabs anywhere, non-breaking spaces in the indentation: YAML either refuses them with a
    cryptic message or reads a key whose name looks empty."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        if "\t" in line:
            problems.append(
                problem("yaml.tab", shown_path, number, line.index("\t") + 1, shown=visible(line))
            )
            continue
        indentation = line[: len(line) - len(line.lstrip(f" {NON_BREAKING_SPACES}"))]
        odd = next((i for i, char in enumerate(indentation) if char != " "), None)
        if odd is not None:
            problems.append(
                problem("yaml.nbsp_indent", shown_path, number, odd + 1, shown=visible(line))
            )
    return problems


def yaml_syntax_problem(shown_path: str, text: str, error: yaml.MarkedYAMLError) -> Problem:
    """YAML's syntax error as a contributor can act on it: what is wrong, where, and the fix."""
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    wrong = error.problem or error.context or ""
    context = error.context or ""
    text_lines = text.splitlines()
    line_text = text_lines[line - 1] if 0 < line <= len(text_lines) else ""
    before = line_text[: column - 1]
    if "mapping values are not allowed" in wrong:
        # A second ": " on a line that already has a key: the colon belongs to the text.
        key = "yaml.colon_in_text" if ": " in before or before.lstrip().startswith("- ") else None
        key = key or "yaml.bad_indentation"
    elif "expected ',' or '}'" in wrong or "expected ',' or ']'" in wrong:
        key = "yaml.unclosed_bracket"
    elif "quoted scalar" in context and error.context_mark:
        # Reported at the end of the file: say where the quote opens instead.
        where = error.context_mark
        return problem("yaml.unclosed_quote", shown_path, where.line + 1, where.column + 1)
    elif "'<scalar>'" in wrong and re.search("['\"]", before):
        key = "yaml.unclosed_quote"
    elif "<block sequence start>" in wrong or "'-'" in wrong:
        key = "yaml.misaligned_dash"
    elif "'?'" in wrong and "block collection" in context:
        key = "yaml.list_item_field"
    elif "expected <block end>" in wrong:
        key = "yaml.bad_indentation"
    else:
        detail = f"{context}, {wrong}" if wrong.startswith("but ") and context else wrong
        return problem("yaml.other", shown_path, line, column, detail=detail or "?")
    return problem(key, shown_path, line, column)
