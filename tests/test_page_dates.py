"""A page's date comes from the history: a build that cannot read it stops and says why,
rather than publishing wrong dates. PAGE_DATES=off is the one explicit way to build without
(a preview, or a copy of the project in a test)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import ROOT

from macros.model.record_dates import RecordDates
from macros.publish.page_dates import markdown_dates
from tools.project import copy_project


def build(project: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "MUTUALISER_KIT": "0"}
    environment.pop("PAGE_DATES", None)
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "out")],
        cwd=project,
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )


@pytest.mark.build
def test_a_copy_without_git_history_fails_and_says_how_to_get_it(tmp_path):
    done = build(copy_project(tmp_path))
    assert done.returncode != 0
    assert "is not in a git checkout, so the pages' dates cannot be known" in done.stderr
    assert "PAGE_DATES=off" in done.stderr
    assert not (tmp_path / "out" / "index.html").exists()


@pytest.mark.build
def test_a_shallow_clone_fails_and_says_how_to_fetch_the_history(tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{ROOT}", str(clone)],
        check=True,
        capture_output=True,
    )
    done = build(clone)
    assert done.returncode != 0
    assert "shallow clone" in done.stderr
    assert "fetch-depth: 0" in done.stderr


@pytest.mark.build
def test_page_dates_off_builds_a_preview_whose_pages_carry_no_date(tmp_path):
    done = build(copy_project(tmp_path), PAGE_DATES="off")
    assert done.returncode == 0, done.stderr
    home = (tmp_path / "out" / "index.html").read_text("utf-8")
    assert "page-info__updated" not in home
    assert 'name="DC.date"' not in home
    assert "s. d." in home  # the citation says "no date" rather than a wrong one


def commit(repository: Path, day: str, message: str) -> None:
    dated = {
        **os.environ,
        "GIT_AUTHOR_DATE": f"{day}T12:00:00",
        "GIT_COMMITTER_DATE": f"{day}T12:00:00",
    }
    for command in (["add", "-A"], ["commit", "-q", "-m", message]):
        subprocess.run(
            ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *command],
            cwd=repository,
            env=dated,
            check=True,
        )


def test_a_markdown_page_is_dated_by_the_last_commit_of_its_own_file(tmp_path):
    docs = tmp_path / "docs"
    (docs / "fr").mkdir(parents=True)
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (docs / "fr" / "old.md").write_text("old\n")
    (docs / "fr" / "edited.md").write_text("first\n")
    commit(tmp_path, "2020-01-02", "two pages")
    (docs / "fr" / "edited.md").write_text("second\n")
    (tmp_path / "elsewhere.txt").write_text("not a page\n")
    commit(tmp_path, "2021-03-04", "one page changes")
    (docs / "fr" / "draft.md").write_text("new, not committed\n")
    today = date(2026, 5, 6)
    assert markdown_dates(docs, today) == {
        "fr/old.md": date(2020, 1, 2),
        "fr/edited.md": date(2021, 3, 4),
        "fr/draft.md": today,
    }
    (docs / "fr" / "old.md").write_text("changed, not committed\n")
    assert markdown_dates(docs, today)["fr/old.md"] == today


def test_a_record_last_changed_on_its_updated_day_or_else_the_day_it_was_added():
    added_only = RecordDates.of({"added": "2026-02-01"})
    assert (added_only.added, added_only.updated) == (date(2026, 2, 1), None)
    assert added_only.last_changed == date(2026, 2, 1)
    updated = RecordDates.of({"added": "2026-02-01", "updated": "2026-09-15"})
    assert updated.last_changed == date(2026, 9, 15)
    assert updated.added == date(2026, 2, 1)
