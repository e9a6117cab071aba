"""Each translation's state, and the record of translations checked (data/translations.lock.yml).

    python -m macros.contribute.check_translations              # every translation and its state
    python -m macros.contribute.check_translations --done docs/en/guide/champs.md  # record it
    python -m macros.contribute.check_translations --done --all # record every one as checked
    python -m macros.contribute.check_translations --github --changed-since COMMIT  # CI: French
                                                                  # changed without its English

`make translations` and `make translations-done PATH` run it. Without --done or --github it also
prints the structural differences between twins (macros/contribute/twin_parity.py), as warnings.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from macros.contribute.github_report import changed_files
from macros.contribute.translations import (
    LOCK_FILE,
    MISSING,
    OUTDATED,
    ROOT,
    STATES,
    UNCHECKED,
    Translation,
    lock_line,
    mark_checked,
    select,
    translations,
)
from macros.contribute.twin_parity import parity_problems
from macros.model import messages
from macros.model.data import DataError
from macros.registry import load_site_data
from macros.site.i18n import LANGUAGES


def report(all_translations: list[Translation]) -> list[str]:
    """One line per translation: state, key, and when it was last checked."""
    width = max(map(len, STATES))
    lines = []
    for item in all_translations:
        since = f"  (checked {item.check.checked})" if item.check else ""
        lines.append(f"{item.state:<{width}}  {item.key}{since}")
    counts = [f"{sum(i.state == s for i in all_translations)} {s}" for s in STATES]
    lines.append(f"{len(all_translations)} translations: {', '.join(counts)}")
    return lines


def github_report(
    all_translations, words: dict, changed: list[str] | None, project: Path = ROOT
) -> tuple[list[str], str]:
    """Warning annotations on the French files a change left without their English, and the
    job summary listing the translations it leaves out of date, in each language.
    `changed`: the files the pull request changes (None: every translation not up to date)."""
    stale = [item for item in all_translations if item.state in (OUTDATED, UNCHECKED)]
    if changed is not None:
        changed_files = set(changed)
        stale = [
            item
            for item in stale
            if item.french_file in changed_files
            and (
                item.translated_file == item.french_file
                or item.translated_file not in changed_files
            )
        ]

    def both(text, **values) -> str:
        texts = [text[language] for language in LANGUAGES]
        for name, value in values.items():
            texts = [text.replace("{" + name + "}", str(value)) for text in texts]
        return " / ".join(texts)

    title = _escape(both(words["translation.ci.title"]), ",:")
    annotations = [
        f"::warning file={_escape(item.french_file, ',:')},line={_line_of(item, project)},"
        f"title={title}::"
        + _escape(both(words["translation.ci.warning"], key=item.key, lock=LOCK_FILE))
        for item in stale
    ]
    summary = [f"## {title}", ""]
    if not stale:
        return annotations, "\n".join([*summary, both(words["translation.ci.none"])]) + "\n"
    for language in LANGUAGES:
        columns = words["translation.ci.columns"][language]
        summary += [
            words["translation.ci.summary"][language]
            .replace("{count}", str(len(stale)))
            .replace("{lock}", f"`{LOCK_FILE}`"),
            "",
            f"| {columns} |",
            "|---|---|---|",
            *(
                f"| `{item.key}` | `{item.french_file}` | `{lock_line(item, date.today())}` |"
                for item in stale
            ),
            "",
        ]
    return annotations, "\n".join(summary)


def _escape(text: str, also: str = "") -> str:
    """A value GitHub's workflow commands read as it is (their own escapes, %XX)."""
    for character in "%\r\n" + also:
        text = text.replace(character, f"%{ord(character):02X}")
    return text


def _line_of(item: Translation, project: Path) -> int:
    """The line of an entry (`id: abf`, `status:`) in its data file; 1 for a whole file."""
    if "#" not in item.key:
        return 1
    entry = item.key.partition("#")[2]
    path = Path(project) / item.french_file
    if path.is_file():
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            if line.strip() in (f"- id: {entry}", f"{entry}:"):
                return number
    return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m macros.contribute.check_translations", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "paths",
        nargs="*",
        help="with --done: what was checked; with --github: the files the change touches",
    )
    parser.add_argument("--done", action="store_true", help="record PATHS as checked today")
    parser.add_argument(
        "--all",
        action="store_true",
        help="with --done: record every translation; with --github: every one not up to date",
    )
    parser.add_argument("--github", action="store_true", help="annotations and job summary")
    parser.add_argument(
        "--changed-since",
        metavar="COMMIT",
        help="with --github: the change is what git lists since COMMIT (no file name on the "
        "command line, where a name could read as an option)",
    )
    parser.add_argument("--project", type=Path, default=Path.cwd(), help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    project = arguments.project

    try:
        data = load_site_data(project / "data")
        all_translations = translations(project, data)
    except DataError as error:
        print(messages.told(error.problems), file=sys.stderr)
        return 1

    if arguments.done:
        if not arguments.all and not arguments.paths:
            parser.error("--done needs PATHS, or --all")
        try:
            chosen = [
                item
                for item in (
                    all_translations if arguments.all else select(all_translations, arguments.paths)
                )
                if item.state != MISSING
            ]
        except LookupError as error:
            print(f"{LOCK_FILE}: {error}", file=sys.stderr)
            return 1
        mark_checked(project, all_translations, chosen, date.today())
        for item in chosen:
            print(f"checked   {item.key}")
        return 0

    if arguments.github:
        changed = None if arguments.all else arguments.paths
        if arguments.changed_since is not None:
            changed = changed_files(arguments.changed_since, project)
        annotations, summary = github_report(all_translations, data.words, changed, project)
        print("\n".join(annotations))
        summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary_file:
            with open(summary_file, "a", encoding="utf-8") as output:
                output.write(summary)
        else:
            print(summary)
        return 0

    print("\n".join(report(all_translations)))
    problems = parity_problems(project)  # warnings, also printed by `make validate`
    for problem in problems:
        for line in messages.lines(problem, messages.output_languages()):
            print(line)
    print(f"{len(problems)} structural difference(s) between French and English twins")
    return 0


if __name__ == "__main__":
    sys.exit(main())
