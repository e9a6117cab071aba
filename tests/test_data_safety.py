"""Whatever a contributor writes in data/, the site shows it as text, and invalid data builds
nothing. Each test builds a copy of the project, as a contributor's pull request would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from test_build import build_copy

POISON = '<script>alert("pwned")</script> {{ 7 * 7 }} "quoted" & </script>'


def replace_in(path: str, old: str, new: str):
    def break_it(project: Path) -> None:
        file = project / path
        text = file.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path}"
        file.write_text(text.replace(old, new, 1), encoding="utf-8")

    return break_it


def yaml_string(text: str) -> str:
    return json.dumps(text)  # JSON strings are YAML strings


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory) -> Path:
    """The project with markup and a macro in YAML fields shown on many pages."""
    project = tmp_path_factory.mktemp("poisoned")
    mistakes = [
        replace_in(
            "data/case-studies/g2id.yml",
            "  fr: Le G2ID, projet de groupe d'intervention en informatique documentaire",
            f"  fr: {yaml_string('Le G2ID ' + POISON)}",
        ),
        replace_in(
            "data/partners/cnfpt.yml", "  en: CNFPT", f"  en: {yaml_string('CNFPT ' + POISON)}"
        ),
        replace_in(
            "data/glossary.yml",
            'en: "scientific and technical information"',
            f"en: {yaml_string('scientific ' + POISON)}",
        ),
    ]

    def poison(root: Path) -> None:
        for mistake in mistakes:
            mistake(root)

    result = build_copy(project, poison)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "out"


def parse(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize(
    "page",
    [
        "cas/g2id/index.html",
        "cas/index.html",
        "guide/champs/index.html",
        "en/partenaires/cnfpt/index.html",
        "en/partenaires/index.html",
        "en/cas/mediatheques-de-la-baie/index.html",
        "en/index.html",
    ],
)
def test_markup_in_a_yaml_field_shows_as_text(poisoned_site, page):
    html = parse(poisoned_site, page)
    for script in html.find_all("script"):
        assert "pwned" not in (script.string or "") or script["type"] == "application/ld+json"
    shown = html.get_text() + " ".join(abbr["title"] for abbr in html.find_all("abbr"))
    assert '<script>alert("pwned")</script>' in shown
    assert "{{ 7 * 7 }}" in shown, "a macro in the data is shown, not run"


def test_markup_in_a_title_shows_as_text_in_the_window_title(poisoned_site):
    title = parse(poisoned_site, "cas/g2id/index.html").title.get_text()
    assert title.startswith('Le G2ID <script>alert("pwned")</script> {{ 7 * 7 }}')


def test_json_ld_cannot_be_closed_by_the_data(poisoned_site):
    html = parse(poisoned_site, "cas/g2id/index.html")
    scripts = html.select("script[type='application/ld+json']")  # the page's, and the case's
    assert scripts
    assert all("</script" not in script.string for script in scripts)
    (case,) = [json.loads(s.string) for s in scripts if "headline" in json.loads(s.string)][-1:]
    assert case["headline"].startswith("Le G2ID <script>")


@pytest.mark.build
def test_invalid_data_fails_the_build_naming_every_problem_and_writes_nothing(tmp_path):
    def break_two_files(project: Path) -> None:
        replace_in("data/case-studies/g2id.yml", "status: proposal", "status: dreaming")(project)
        replace_in("data/partners/cnfpt.yml", "type: training-body", "type: [oops]")(project)

    result = build_copy(tmp_path, break_two_files)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "data/case-studies/g2id.yml:5:" in output
    assert "data/partners/cnfpt.yml:" in output
    assert "Traceback" not in output
    assert not (tmp_path / "out").exists(), "no half site"
