"""A kind of record is declared once (macros/registry.py): adding one needs no other Python change.

The proof: a copy of the project gets an extra kind, "events", made of exactly what the
registry's docstring lists (a schema, a module with its template, its interface words, one
declaration) and a data file; the real build then gives each event a page in both languages and
publishes the events as open data, and `make validate` counts them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

from macros.registry import KINDS
from macros.site.i18n import LANGUAGES, page_url
from tools.project import copy_project, run_in_copy

FIXTURE = ROOT / "tests" / "fixtures" / "events-kind"
SITE_URL = "https://owner.github.io/mutualiser/"


def run(project: Path, *command: str) -> subprocess.CompletedProcess:
    return run_in_copy(project, *command, SITE_URL=SITE_URL)


@pytest.fixture(scope="module")
def project_with_events(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("events"))
    shutil.copytree(FIXTURE / "data", project / "data", dirs_exist_ok=True)
    shutil.copytree(FIXTURE / "macros", project / "macros", dirs_exist_ok=True)
    # The kind's interface words and its declaration, appended where they belong.
    words = project / "data" / "interface-events.yml"
    with (project / "data" / "interface.yml").open("a", encoding="utf-8") as interface:
        interface.write(words.read_text("utf-8"))
    words.unlink()
    declaration = project / "macros" / "registry-events.py"
    with (project / "macros" / "registry.py").open("a", encoding="utf-8") as kinds:
        kinds.write(declaration.read_text("utf-8"))
    declaration.unlink()
    return project


def test_the_project_declares_its_kinds_once():
    assert [kind.name for kind in KINDS] == ["partners", "case-studies"]
    for kind in KINDS:
        assert (ROOT / "data" / kind.name).is_dir()
        assert (ROOT / "data" / "schemas" / kind.schema).is_file()


def test_an_extra_kind_is_validated_and_counted(project_with_events):
    result = run(project_with_events, "-m", "macros.contribute.check_data", "data")
    assert result.returncode == 0, result.stderr
    assert "1 events" in result.stdout


def test_an_extra_kind_gets_pages_and_open_data(project_with_events):
    result = run(project_with_events, "-m", "mkdocs", "build", "--strict", "-d", "out")
    assert result.returncode == 0, result.stderr
    out = project_with_events / "out"
    for language in LANGUAGES:
        address = page_url("evenements/journee-abf-2015.md", language)
        page = BeautifulSoup((out / address / "index.html").read_text("utf-8"), "html.parser")
        assert page.html["lang"] == language
        title = {"fr": "Journée d'étude en Bretagne", "en": "Study day in Brittany"}[language]
        assert page.select_one("article h1").get_text(strip=True) == title
        assert page.select_one("p.event").get_text().endswith("(2015)")

        exported = json.loads((out / "donnees" / f"events.{language}.json").read_text("utf-8"))
        assert exported["records"] == [
            {
                "id": "journee-abf-2015",
                "url": page_url("evenements/journee-abf-2015.md", language, SITE_URL),
                "title": title,
                "year": 2015,
            }
        ]
        assert (out / "donnees" / f"events.{language}.csv").is_file()
    assert (out / "donnees" / "schemas" / "event.schema.json").is_file()
