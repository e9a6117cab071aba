"""When each page last changed, for its "last updated" line, its citation and the feeds.

A Markdown page: the day of the last commit that touched its file (one `git log` for all of
docs/), or today if the file has changes not yet committed. A page generated from a record: the
record's `updated` or `added` day; a listing of records: the newest of its file's day and its
records' days. Without the history (no git checkout, or a shallow clone such as CI's default
checkout) every date would be wrong, so the build stops and says how to get the history, unless
PAGE_DATES=off says the build is a preview whose pages carry no date at all.
"""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

from macros.model.records import SiteData
from macros.registry import KINDS
from macros.site.i18n import LANGUAGES

OPT_OUT = "PAGE_DATES"  # PAGE_DATES=off: a preview without dates (README, "Dates of pages")


class MissingHistory(Exception):
    """The pages' dates cannot be known: the message says why and what to do."""


def dates_wanted() -> bool:
    return os.environ.get(OPT_OUT, "").strip().lower() != "off"


def page_dates(docs_dir: Path, site: SiteData, today: date | None = None) -> dict[str, date]:
    """Every page's day, by its path under docs/ ("en/guide/champs.md", "fr/cas/g2id.md")."""
    dates = markdown_dates(Path(docs_dir), today or date.today())
    for kind in KINDS:
        records = [record for record in site.records[kind.name].values() if _dated(record)]
        newest = max((record.dates.last_changed for record in records), default=None)
        for language in LANGUAGES:
            for record in records:
                dates[kind.source_path(record.id, language)] = record.dates.last_changed
            listing = f"{language}/{kind.page_folder}/index.md"
            if listing in dates and newest:
                dates[listing] = max(dates[listing], newest)
    return dates


# --- The dates of the build in progress, read once per language build
# (macros/build/page_citations.py) and asked by the steps that print them (citations, feeds).

_this_build: dict[str, date] = {}


def read_for_build(docs_dir: Path, site: SiteData) -> None:
    """Read every page's date now (MissingHistory if it cannot be), or none under PAGE_DATES=off."""
    _this_build.clear()
    if dates_wanted():
        _this_build.update(page_dates(docs_dir, site))


def page_day(page) -> date | None:
    """The day a page last changed; None under PAGE_DATES=off. A page without one is a bug."""
    if not dates_wanted():
        return None
    src_uri = page.file.src_uri
    if src_uri not in _this_build:
        raise MissingHistory(f"docs/{src_uri}: no date of last change (is it ignored by git?)")
    return _this_build[src_uri]


def _dated(record) -> bool:
    """Case studies and partners carry `dates`; a kind without them dates its pages by git."""
    return getattr(record, "dates", None) is not None


def markdown_dates(docs_dir: Path, today: date) -> dict[str, date]:
    """The day each file under `docs_dir` last changed, from git; today for uncommitted changes."""
    shallow = _git(docs_dir, "rev-parse", "--is-shallow-repository")
    if shallow is None:
        raise MissingHistory(
            f"{docs_dir} is not in a git checkout, so the pages' dates cannot be known. "
            "Build from a clone of the repository, or set PAGE_DATES=off for a preview "
            "whose pages show no date."
        )
    if shallow.strip() == "true":
        raise MissingHistory(
            "this is a shallow clone: its history is cut, so the pages' dates would be wrong. "
            "Fetch the whole history (git fetch --unshallow; in GitHub Actions, "
            "actions/checkout with fetch-depth: 0), or set PAGE_DATES=off for a preview."
        )
    dates: dict[str, date] = {}
    day: date | None = None
    log = _git(docs_dir, "log", "--format=@%cs", "--name-only", "--relative", "--", ".") or ""
    for line in log.splitlines():
        if line.startswith("@"):
            day = date.fromisoformat(line[1:])
        elif line and line not in dates and (docs_dir / line).is_file():
            assert day is not None, "git log gives a commit's day (@%cs) before its files"
            dates[line] = day  # the log runs newest first
    changed = _git(docs_dir, "diff", "HEAD", "--name-only", "--relative", "--", ".") or ""
    new = _git(docs_dir, "ls-files", "--others", "--exclude-standard", "--", ".") or ""
    for line in (changed + "\n" + new).splitlines():
        if line and (docs_dir / line).is_file():
            dates[line] = today
    return dates


def _git(folder: Path, *arguments: str) -> str | None:
    """git's output in `folder`, or None if git is missing or `folder` is not in a checkout."""
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotePath=false", *arguments],
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
        )
    except FileNotFoundError:
        return None
    return done.stdout if done.returncode == 0 else None


def day_text(day: date, language: str, words, form: str | None = None) -> str:
    """A day as the language writes it, "1er mars 2026", "1 March 2026" (words["day_format"]),
    or in another `form` with the same {day}, {month}, {year} (APA's "2026, March 1")."""
    months = words["months"][language].split()
    number = words["first_day"][language] if day.day == 1 else str(day.day)
    form = form or words["day_format"][language]
    return form.format(day=number, month=months[day.month - 1], year=day.year)
