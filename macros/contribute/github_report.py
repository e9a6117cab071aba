"""The checks' findings where a contributor sees them on a pull request: an annotation on the file
and line of each problem, and a job summary in both languages that says how to fix each, which
pages the pull request changes (the file of each in the preview, and its address online) and how
to open the preview.

Workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
Used by `python -m macros.contribute.check_data --github`;
`python -m macros.contribute.github_report preview NAME` adds the preview's two lines once the
workflow has uploaded the offline copies, unpacked (macros/kit/offline_copy.py), as artifact NAME;
`... failed` says what to do when a test or the build fails after the checks of the data passed.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from macros.kit.offline_copy import preview_file
from macros.model import messages
from macros.model.records import SiteData
from macros.model.validation import Problem
from macros.registry import KINDS
from macros.site.i18n import LANGUAGES, page_url


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem) -> str:
    """`::error file=...,line=...,col=...,title=...::message` with the message in both languages."""
    texts = [messages.in_language(problem, language) for language in LANGUAGES]
    where = f"{problem.file}:{problem.line}:{problem.column}: "
    body = "\n".join(dict.fromkeys(text.removeprefix(where) for text in texts))
    properties = ",".join(
        f"{name}={escape_property(str(value))}"
        for name, value in (
            ("file", problem.file),
            ("line", problem.line),
            ("col", problem.column),
            ("title", messages.heading(problem.severity)),
        )
    )
    return f"::{problem.severity} {properties}::{escape_data(body)}"


def summary(
    problems: list[Problem],
    changed_pages: list[tuple[str, list[str]]],
    previews: list[tuple[str, list[str]]] | None = None,
) -> str:
    """The job summary, in Markdown: problems with their fixes, then the pages changed, each
    with its file in the preview (`previews`, as `changed_pages`) and its address online."""
    out = [f"## {messages.heading('checks')}", ""]
    if not problems:
        out += [messages.heading("no_problem"), ""]
    for problem in problems:
        out.append(f"- **`{problem.file}:{problem.line}`** ({messages.heading(problem.severity)})")
        for language in LANGUAGES:
            message, fix = messages.explained(problem, language)
            where = messages.field_prefix(problem)
            out.append(f"  - {language.upper()} : {where}{message}. **→** {fix}")
    out += ["", f"## {messages.heading('changed_pages')}", ""]
    if not changed_pages:
        out.append(messages.heading("no_changed_page"))
    else:
        out += [messages.heading("changed_pages.how"), ""]
    files = dict(previews or [])
    for source, addresses in changed_pages:
        links = ", ".join(f"[{address}]({address})" for address in addresses)
        if source in files:
            in_preview = ", ".join(f"`{file}`" for file in files[source])
            links = f"{in_preview} ({messages.heading('online_today')}: {links})"
        out.append(f"- `{source}`: {links}")
    return "\n".join(out) + "\n"


COMMIT = re.compile(r"[0-9a-f]{7,40}")


def changed_files(since: str, project: Path) -> list[str]:
    """The files changed between commit `since` and HEAD, each name exactly as it is: git
    separates them with NUL (-z: no quoting of accents, no splitting on spaces or line breaks),
    and `since` must be a commit id, so that nothing from outside can become an option."""
    if not COMMIT.fullmatch(since):
        print(f"git diff: {since!r} is not a commit id", file=sys.stderr)
        return []
    result = subprocess.run(
        ["git", "diff", "-z", "--name-only", since, "HEAD", "--"],
        cwd=project,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",
        check=False,
    )
    if result.returncode != 0:
        print(f"git diff {since}: {result.stderr.strip()}", file=sys.stderr)
        return []
    return [name for name in result.stdout.split("\0") if name]


def changed_pages(files: list[str], site: SiteData | None) -> list[tuple[str, list[tuple]]]:
    """For each changed page source, the pages built from it, (path in a language folder,
    language): a docs page is one page of its language; a record's file is its page in every
    language."""
    found: list[tuple[str, list[tuple]]] = []
    kinds = {kind.name: kind for kind in KINDS}
    for file in files:
        parts = file.split("/")
        if parts[0] == "docs" and len(parts) > 2 and parts[1] in LANGUAGES and file.endswith(".md"):
            found.append((file, [("/".join(parts[2:]), parts[1])]))
        elif parts[0] == "data" and len(parts) == 3 and parts[1] in kinds:
            record_id = parts[2].removesuffix(".yml")
            if site is None or record_id in site.records[parts[1]]:
                path = kinds[parts[1]].page_path(record_id)
                found.append((file, [(path, language) for language in LANGUAGES]))
    return found


def pages_of(files: list[str], site: SiteData | None, site_url: str | None):
    """For each changed page source, the addresses of the pages built from it, online."""
    return [
        (file, [page_url(path, language, site_url) for path, language in pages])
        for file, pages in changed_pages(files, site)
    ]


def previews_of(files: list[str], site: SiteData | None):
    """For each changed page source, the files of its pages in the unpacked preview."""
    return [
        (file, [preview_file(path, language) for path, language in pages])
        for file, pages in changed_pages(files, site)
    ]


def write_summary(text: str) -> None:
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if path:
        with open(path, "a", encoding="utf-8") as summary_file:
            summary_file.write(text)
    else:
        print(text)


def report(problems: list[Problem], project: Path, since: str | None, site: SiteData | None):
    for problem in problems:
        print(annotation(problem))
    files = changed_files(since, project) if since else []
    site_url = os.environ.get("SITE_URL") or None
    write_summary(summary(problems, pages_of(files, site, site_url), previews_of(files, site)))


def preview_lines(artifact: str) -> str:
    how = messages.catalogue()["summary.preview.how"]
    lines = [how[language]["message"].format(artifact) for language in LANGUAGES]
    title = f"## {messages.heading('preview')}"
    return "\n".join([title, "", *(f"{line}  " for line in lines), ""])


def failure_lines() -> tuple[str, str]:
    """When a test or the build fails after `make validate` passed: an error annotation on the
    pull request and a summary section, both languages, saying what to do rather than leaving
    the contributor a raw log in English."""
    title = messages.heading("failed")
    how = messages.catalogue()["summary.failed.how"]
    lines = [how[language]["message"] for language in LANGUAGES]
    annotation = f"::error title={escape_property(title)}::{escape_data(chr(10).join(lines))}"
    return annotation, "\n".join([f"## {title}", "", *(f"{line}  " for line in lines), ""])


USAGE = "usage: python -m macros.contribute.github_report preview ARTIFACT_NAME | failed"

if __name__ == "__main__":
    if sys.argv[1:2] == ["preview"] and len(sys.argv) == 3:
        write_summary(preview_lines(sys.argv[2]))
    elif sys.argv[1:] == ["failed"]:
        failure_annotation, section = failure_lines()
        print(failure_annotation)
        write_summary(section)
    else:
        sys.exit(USAGE)
