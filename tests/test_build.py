"""Fail loudly: a contributor's mistake stops the build with a message naming the file."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

from tools.project import copy_project, run_in_copy

pytestmark = pytest.mark.build  # every test here runs a build of a copy of the project


def build_copy(tmp_path: Path, break_it) -> subprocess.CompletedProcess:
    """Copy the project, apply one mistake, and run the strict build as a contributor would."""
    copy_project(tmp_path)
    break_it(tmp_path)
    return run_in_copy(tmp_path, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out"))


def append(path: str, text: str):
    def break_it(project: Path) -> None:
        with (project / path).open("a", encoding="utf-8") as file:
            file.write(text)

    return break_it


def delete(path: str):
    return lambda project: (project / path).unlink()


@pytest.mark.parametrize(
    ("mistake", "expected"),
    [
        (append("docs/en/index.md", "\n[a link](nowhere.md)\n"), ["en/index.md", "nowhere.md"]),
        (
            append("docs/fr/index.md", "\n[une ancre](guide/champs.md#nulle-part)\n"),
            ["fr/index.md", "#nulle-part"],
        ),
        (
            append("docs/fr/index.md", "\n{{ no_such_variable }}\n"),
            ["fr/index.md", "no_such_variable"],
        ),
        (
            delete("data/sources.yml"),
            [
                "the data is invalid, nothing was built (problems to fix: 1)",
                "data/sources.yml:1:1: missing file (a required data file)",
            ],
        ),
    ],
    ids=["broken-link", "broken-anchor", "undefined-variable", "missing-data-file"],
)
def test_a_mistake_fails_the_build_naming_the_file(tmp_path, mistake, expected):
    result = build_copy(tmp_path, mistake)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    for text in expected:
        assert text in output, output


def test_the_unbroken_project_builds(tmp_path):
    result = build_copy(tmp_path, lambda project: None)
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_unknown_source_in_cite_stops_the_build_at_its_line_without_a_traceback(tmp_path):
    def mistype(project: Path) -> None:
        page = project / "docs/fr/guide/champs.md"
        text = page.read_text("utf-8")
        page.write_text(text.replace('cite("boussou-2014")', 'cite("boussu-2014")', 1), "utf-8")

    result = build_copy(tmp_path, mistype)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    lines = (ROOT / "docs/fr/guide/champs.md").read_text("utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if 'cite("boussou-2014")' in text)
    column = lines[line - 1].index('cite("boussou-2014")') + 1
    where = f"docs/fr/guide/champs.md:{line}:{column}"
    assert f"{where}: unknown source 'boussu-2014' (did you mean boussou-2014?)" in output
    assert "Traceback" not in output


@pytest.mark.parametrize("folder", ["docs/fr", "overrides"])
def test_a_symbolic_link_fails_the_build_naming_it_and_publishes_nothing(tmp_path, folder):
    """A link to a file outside the project would be copied into the site (notes/security.md)."""
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("TOP-SECRET-CONTENT\n", encoding="utf-8")
    result = build_copy(
        tmp_path / "project", lambda project: (project / folder / "secret.txt").symlink_to(secret)
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"{folder}/secret.txt:1:1: file: symbolic link" in output
    assert "TOP-SECRET-CONTENT" not in output
    assert not (tmp_path / "project" / "out").exists()


def test_the_data_folder_is_looked_at_once_per_build_and_again_after_it(tmp_path, monkeypatch):
    """Every hook asks for the data on every page: within each language's build the folder is
    looked at once; after the build, each call looks again, so no edit goes unseen."""
    from conftest import build_site

    from macros import site_cache
    from macros.site.i18n import LANGUAGES

    project = copy_project(tmp_path / "project")
    looked = []
    look = site_cache._signature
    monkeypatch.setattr(
        site_cache, "_signature", lambda folder: looked.append(folder) or look(folder)
    )
    monkeypatch.setenv("MUTUALISER_KIT", "0")
    monkeypatch.setenv("PAGE_DATES", "off")
    build_site(project, tmp_path / "site", "https://example.org/mutualiser/")
    assert looked == [(project / "data").resolve()] * len(LANGUAGES)  # mkdocs-static-i18n
    site_cache.site_data(project)  # outside a build, as a test or a tool asks
    assert len(looked) == len(LANGUAGES) + 1
