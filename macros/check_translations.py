"""Each translation's state, and the record of translations checked (data/translations.lock.yml).

    python -m macros.check_translations                  # every translation and its state
    python -m macros.check_translations --done docs/en/guide/champs.md   # checked: record it
    python -m macros.check_translations --done --all     # record every translation as checked
    python -m macros.check_translations --github FILE... # CI: warn on French changed alone

`make translations` and `make translations-done PATH` run it. Without --done or --github it also
prints the structural differences between twins (macros/twin_parity.py) and exits 1 if any.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from .data import DataError, load_site_data
from .translations import (
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
from .twin_parity import parity_problems


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
    all_translations, changed: list[str] | None, project: Path = ROOT
) -> tuple[list[str], str]:
    """Warning annotations on the French files a change left without their English, and the
    job summary listing the translations it makes outdated. `changed`: the files the pull
    request changes (None: every translation not up to date)."""
    stale = [item for item in all_translations if item.state in (OUTDATED, UNCHECKED)]
    if changed is not None:
        changed_files = set(changed)
        stale = [
            item
            for item in stale
            if item.french_file in changed_files
            and (item.english_file == item.french_file or item.english_file not in changed_files)
        ]
    annotations = [
        f"::warning file={item.french_file},line={_line_of(item, project)},"
        f"title=Translation out of date::The French text changed; the English "
        f"({item.key}) has not been checked against it. Update the English, then run "
        f"`make translations-done {item.key}` (or set its line in {LOCK_FILE})."
        for item in stale
    ]
    summary = ["## Translations", ""]
    if stale:
        summary += [
            f"This change makes {len(stale)} English translation(s) out of date. "
            "It can be merged: a translator can follow. Once the English is updated, "
            f"record it with `make translations-done PATH`, or paste its line in `{LOCK_FILE}`:",
            "",
            "| translation | French source | line for the record |",
            "|---|---|---|",
            *(
                f"| `{item.key}` | `{item.french_file}` | `{lock_line(item, date.today())}` |"
                for item in stale
            ),
        ]
    else:
        summary.append("No English translation is left behind by this change.")
    return annotations, "\n".join(summary) + "\n"


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
        prog="python -m macros.check_translations", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "paths",
        nargs="*",
        help="with --done: what was checked; with --github: the files the change touches",
    )
    parser.add_argument("--done", action="store_true", help="record PATHS as checked today")
    parser.add_argument("--all", action="store_true", help="with --done: every translation")
    parser.add_argument("--github", action="store_true", help="annotations and job summary")
    parser.add_argument("--project", type=Path, default=Path.cwd(), help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    project = arguments.project

    try:
        all_translations = translations(project, load_site_data(project / "data"))
    except DataError as error:
        print(error, file=sys.stderr)
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
        all_translations = translations(project, load_site_data(project / "data"))
        for item in chosen:
            print(f"checked   {item.key}")
        return 0

    if arguments.github:
        annotations, summary = github_report(
            all_translations, arguments.paths if arguments.paths else None, project
        )
        print("\n".join(annotations))
        summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary_file:
            with open(summary_file, "a", encoding="utf-8") as output:
                output.write(summary)
        else:
            print(summary)
        return 0

    print("\n".join(report(all_translations)))
    problems = parity_problems(project)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} difference(s) between French and English twins", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
