"""Check the data files and the pages; report every problem with its file, line and column.

Usage: `python -m macros.contribute.check_data [data_dir] [--github] [--changed-since REF]` (what
`make validate` runs; CI adds --github).

Prints every problem as `path:line:column: [field: ]what is wrong (how to fix it)` in the
contributor's language (French when the locale is French, both in CI: macros/model/messages.py) and
exits 1 if any is an error; warnings alone (a page not yet translated) exit 0. The pages are
checked when the data folder sits in a project with docs/ and mkdocs.yml
(macros/contribute/check_docs.py), and so are the forms the guide avoids, in the pages and the
data's texts (macros/contribute/check_terms.py). With --github, each problem is also a GitHub
annotation on its file and line, and the job summary lists the problems and the pages the pull
request changes (macros/contribute/github_report.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from macros.contribute import github_report
from macros.contribute.changes import change_problems
from macros.contribute.check_docs import docs_problems
from macros.contribute.check_terms import terminology_problems
from macros.contribute.page_links import link_problems
from macros.contribute.twin_parity import parity_problems
from macros.model import messages
from macros.model.data import DataError
from macros.model.records import SiteData
from macros.model.validation import Problem
from macros.registry import KINDS, load_site_data

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m macros.contribute.check_data", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "data_dir",
        nargs="?",
        type=Path,
        default=DEFAULT_DATA_DIR,
        help="the data folder (default: the repository's data/)",
    )
    parser.add_argument(
        "--github",
        action="store_true",
        help="also print GitHub annotations and write the job summary (CI, once per run)",
    )
    parser.add_argument(
        "--changed-since",
        metavar="REF",
        help="list in the job summary the pages changed since this git commit",
    )
    arguments = parser.parse_args(argv)
    data_dir = arguments.data_dir
    if data_dir.resolve().is_relative_to(Path.cwd()):
        data_dir = data_dir.resolve().relative_to(Path.cwd())  # shorter to read
    project = data_dir.parent

    site: SiteData | None = None
    try:
        site = load_site_data(data_dir)
        problems: list[Problem] = []
    except DataError as error:
        problems = list(error.problems)
    if (project / "docs").is_dir() and (project / "mkdocs.yml").is_file():
        problems += docs_problems(project, site) + parity_problems(project)
        problems += link_problems(project, site)
        if site is not None:  # the terms and the change notes come from the data
            problems += terminology_problems(project, site.terminology)
            problems += change_problems(project, site)

    languages = messages.output_languages()
    for problem in problems:
        for line in messages.lines(problem, languages):
            print(line, file=sys.stderr)
    if arguments.github:
        github_report.report(problems, project, arguments.changed_since, site)

    errors = [problem for problem in problems if problem.severity == "error"]
    if errors:
        key = "check.one_problem" if len(errors) == 1 else "check.problems"
        for language in languages:
            print(messages.wording(key, language, {"count": len(errors)})[0], file=sys.stderr)
        return 1
    assert site is not None, "the data loader's problems are all errors: none, so it loaded"
    for language in languages:
        print(messages.wording("check.valid", language, counts(site, data_dir, language))[0])
    return 0


def counts(site: SiteData, data_dir: Path, language: str) -> dict:
    """What the data holds, as check.valid's placeholders: each kind of record by its name in
    the interface words (`<kind>.dataset`), so that a new kind is counted too."""
    vocabularies = vars(site.vocabularies)
    records = (
        f"{len(site.records[kind.name])} {site.words[f'{kind.name}.dataset'][language].lower()}"
        for kind in KINDS
    )
    return {
        "folder": data_dir,
        "records": ", ".join(records),
        "sources": len(site.sources),
        "vocabularies": len(vocabularies),
        "terms": sum(len(terms) for terms in vocabularies.values()),
        "glossary": len(site.glossary),
        "words": len(site.words),
    }


if __name__ == "__main__":
    sys.exit(main())
