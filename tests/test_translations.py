"""Translations stay honest: each English text records the French text it was checked against
(data/translations.lock.yml), and when the French changes, the reader, the translator and the
pull request are told.

The proof is a copy of the project where a French page is edited and a French-only page is
added: the real build shows each its notice, the status page and `make translations` list them,
and `make translations-done` clears the first.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT
from every_page import axe_violations

from macros.contribute.check_translations import github_report
from macros.contribute.translations import (
    MISSING,
    OUTDATED,
    STATUS_FILE,
    STATUS_ROWS,
    UNCHECKED,
    UP_TO_DATE,
    by_page,
    edit_root,
    fingerprint,
    french_texts,
    translations,
)
from macros.contribute.twin_parity import parity_problems, twin_problems
from macros.model.data import DataError
from macros.registry import load_site_data
from macros.site.i18n import page_url
from tools.chromium import settle
from tools.project import copy_environment, copy_project, run_in_copy
from tools.serve_like_pages import pages_server

SITE_URL = "https://owner.github.io/mutualiser/"
EDITED = "guide/champs.md"
FRENCH_ONLY = "annonces.md"  # a page the project does not have


def run(project: Path, *command: str) -> subprocess.CompletedProcess:
    return run_in_copy(project, *command, SITE_URL=SITE_URL)


def build(project: Path, out: str) -> Path:
    result = run(project, "-m", "mkdocs", "build", "--strict", "-d", out)
    assert result.returncode == 0, result.stderr
    return project / out


def parsed(site: Path, path: str, language: str) -> BeautifulSoup:
    html = (site / page_url(path, language) / "index.html").read_text("utf-8")
    return BeautifulSoup(html, "html.parser")


def state_line(output: str, key: str) -> str:
    return next(line for line in output.splitlines() if line.split()[1:2] == [key])


# --- A French page edited, a French-only page added, in a copy of the project -----------------


@pytest.fixture(scope="module")
def edited(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("translations"))
    french = project / "docs" / "fr" / EDITED
    french.write_text(
        french.read_text("utf-8") + "\nUn paragraphe ajouté en français seulement.\n", "utf-8"
    )
    (project / "docs" / "fr" / FRENCH_ONLY).write_text(
        '---\ntitle: "Annonces"\ndescription: "Les annonces du réseau."\n---\n\n'
        "# Annonces\n\n## Ce mois-ci { #this-month }\n\nRien de neuf pour le moment.\n",
        "utf-8",
    )
    case = project / "data" / "case-studies" / "g2id.yml"  # a record's French text, edited too
    case.write_text(
        case.read_text("utf-8").replace("  fr: Le G2ID,", "  fr: Le projet G2ID,"), "utf-8"
    )
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace(
            "  - a-propos.md\n", f"  - a-propos.md\n  - {FRENCH_ONLY}\n"
        ),
        "utf-8",
    )
    return project


@pytest.fixture(scope="module")
def edited_site(edited) -> Path:
    return build(edited, "out")


def test_the_edited_pages_english_twin_says_the_french_changed(edited_site):
    english = parsed(edited_site, EDITED, "en")
    notice = english.select_one("article .translation-notice")
    assert notice is not None
    assert "The French original of this page has changed" in notice.get_text()
    link = notice.select_one("a[data-keep-place]")
    assert link["hreflang"] == "fr"
    assert link["href"] == "../../../guide/champs/"  # the French page, from en/guide/champs/
    assert english.select_one("nav .md-status--outdated") is not None
    # The French page, and an English page whose French did not change, have no notice.
    assert parsed(edited_site, EDITED, "fr").select_one(".translation-notice") is None
    assert (
        parsed(edited_site, "guide/projet-pilote.md", "en").select_one(".translation-notice")
        is None
    )


def test_a_records_english_page_says_its_french_changed(edited_site):
    english = parsed(edited_site, "cas/g2id.md", "en")
    assert english.select_one("article .translation-notice") is not None
    assert english.select_one("h1").get_text(strip=True).startswith("G2ID")  # still English
    assert parsed(edited_site, "cas/g2id.md", "fr").select_one(".translation-notice") is None
    other = parsed(edited_site, "cas/mediatheques-de-la-baie.md", "en")
    assert other.select_one(".translation-notice") is None


def test_a_french_only_page_is_served_in_english_marked_french_with_a_notice(edited_site):
    page = parsed(edited_site, FRENCH_ONLY, "en")
    assert page.html["lang"] == "en"  # the interface around it is English
    notice = page.select_one("article .translation-notice")
    assert notice.get_text(" ", strip=True).startswith("Not translated yet")
    assert notice.find_parent(attrs={"lang": "fr"}) is None  # the notice is in English
    content = notice.find_next_sibling("div")
    assert content["lang"] == "fr"
    assert content.select_one("h1").get_text(strip=True).startswith("Annonces")
    assert content.select_one("#this-month")
    # The navigation marks it, in English, on every page.
    mark = page.select_one(
        "nav a[href='./'] .md-status--untranslated, nav .md-status--untranslated"
    )
    assert mark["title"] == "In French only: not translated yet"
    elsewhere = parsed(edited_site, "a-propos.md", "en").select_one("nav .md-status--untranslated")
    assert elsewhere is not None
    # The words around it are those of every English page: feed link, contribution links,
    # search box, print colophon (whose address is where the page is served).
    english_page = parsed(edited_site, "a-propos.md", "en")
    for part in (".md-copyright__feed", ".contribute-links", ".print-colophon p:first-child"):
        assert (
            page.select_one(part).get_text(" ", strip=True).split(" http")[0]
            == (english_page.select_one(part).get_text(" ", strip=True).split(" http")[0])
        ), part
    assert page.select_one(".md-copyright__feed")["href"].endswith("/en/feed.xml")
    assert page.select_one("[data-search]").attrs == english_page.select_one("[data-search]").attrs
    assert page.select_one(".print-colophon")["lang"] == "en"
    assert (
        page.select_one(".print-colophon__url").get_text()
        == SITE_URL + "en/" + FRENCH_ONLY.removesuffix(".md") + "/"
    )
    # In French it is an ordinary page.
    assert parsed(edited_site, FRENCH_ONLY, "fr").select_one(".translation-notice") is None


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_status_page_lists_the_outdated_and_the_missing(edited_site, language):
    page = parsed(edited_site, "traductions.md", language)
    states = {
        row.select_one("th code").get_text(): row["data-state"]
        for row in page.select("table.translation-status tbody tr")
    }
    assert states[f"docs/en/{EDITED}"] == OUTDATED
    assert states[f"docs/en/{FRENCH_ONLY}"] == MISSING
    assert states["docs/en/guide/projet-pilote.md"] == UP_TO_DATE
    assert states["data/case-studies/g2id.yml"] == OUTDATED
    assert states["data/case-studies/mediatheques-de-la-baie.yml"] == UP_TO_DATE
    row = page.select_one(f"tr:has(code:-soup-contains('docs/en/{EDITED}'))")
    links = {link["hreflang"]: link["href"] for link in row.select("a[hreflang]")}
    edit = row.select_one("a[href*='/edit/']")["href"]  # GitHub's editor, on the English file
    assert edit.startswith("https://github.com/")
    assert edit.endswith(f"/edit/main/docs/en/{EDITED}")
    missing = page.select_one(f"tr:has(code:-soup-contains('docs/en/{FRENCH_ONLY}'))")
    assert missing.select_one("a[href*='/edit/']")["href"].endswith(f"/docs/fr/{FRENCH_ONLY}")
    here = SITE_URL + page_url("traductions.md", language)
    assert {language: urljoin(here, href) for language, href in links.items()} == {
        "fr": page_url(EDITED, "fr", SITE_URL),
        "en": page_url(EDITED, "en", SITE_URL),
    }


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_file_beside_the_status_page_lists_every_translation(edited, edited_site, language):
    """The table lists the first STATUS_ROWS, needing work first; the file lists every one, in the
    same order, with the fingerprint to record."""
    every_one = translations(edited, load_site_data(edited / "data"))
    page = parsed(edited_site, "traductions.md", language)
    table = [row.th.get_text() for row in page.select("table.translation-status tbody tr")]
    link = page.select_one(f"p.translation-shown a[href='{STATUS_FILE}']")
    assert link.get_text() == {
        "fr": "Les {} traductions dans un tableur (CSV)",
        "en": "All {} translations as a spreadsheet (CSV)",
    }[language].format(len(every_one))
    text = (edited_site / page_url("traductions.md", language) / STATUS_FILE).read_text("utf-8-sig")
    header, *rows = csv.reader(io.StringIO(text))
    assert (
        header
        == {
            "fr": ["Texte traduit", "État", "Vérifiée le", "Empreinte du français"],
            "en": ["Translated text", "State", "Checked on", "French fingerprint"],
        }[language]
    )
    assert len(table) == min(STATUS_ROWS, len(every_one))
    assert [key for key, *_ in rows][: len(table)] == table
    # missing, then outdated (pages before data), then up to date
    assert table[:3] == [
        f"docs/en/{FRENCH_ONLY}",
        f"docs/en/{EDITED}",
        "data/case-studies/g2id.yml",
    ]
    assert {key: fingerprint for key, *_, fingerprint in rows} == {
        item.key: item.fingerprint for item in every_one
    }


@pytest.fixture(scope="module")
def served(edited_site) -> Iterator[str]:
    """The edited copy's site, served like GitHub Pages: its address."""
    with pages_server(edited_site, base="/mutualiser/") as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        yield f"http://127.0.0.1:{server.server_port}/mutualiser/"
        server.shutdown()


def test_the_notice_link_leads_to_the_french_at_the_same_section(served, browser):
    page = browser.new_page()
    try:
        page.goto(f"{served}{page_url(EDITED, 'en')}#what-to-do")
        page.locator(".translation-notice a").click()
        settle(page)
        assert page.url == f"{served}{page_url(EDITED, 'fr')}#what-to-do"
    finally:
        page.close()


@pytest.mark.parametrize("path", [EDITED, FRENCH_ONLY, "traductions.md", "cas/g2id.md"])
def test_the_notices_and_the_status_page_pass_axe(served, browser, path):
    page = browser.new_page()
    try:
        page.goto(served + page_url(path, "en"), wait_until="load")
        assert axe_violations(page) == []
    finally:
        page.close()


def test_make_translations_says_so_and_translations_done_clears_it(edited, edited_site):
    before = run(edited, "-m", "macros.contribute.check_translations")
    assert state_line(before.stdout, f"docs/en/{EDITED}").startswith("outdated")
    assert state_line(before.stdout, f"docs/en/{FRENCH_ONLY}").startswith("missing")

    done = run(edited, "-m", "macros.contribute.check_translations", "--done", f"docs/en/{EDITED}")
    assert done.returncode == 0, done.stderr
    after = run(edited, "-m", "macros.contribute.check_translations")
    assert state_line(after.stdout, f"docs/en/{EDITED}").startswith("up-to-date")
    refused = run(
        edited, "-m", "macros.contribute.check_translations", "--done", f"docs/fr/{FRENCH_ONLY}"
    )
    assert refused.returncode == 1
    assert f"translate docs/fr/{FRENCH_ONLY} first" in refused.stderr

    rebuilt = build(edited, "out-after")
    assert parsed(rebuilt, EDITED, "en").select_one(".translation-notice") is None
    assert parsed(rebuilt, FRENCH_ONLY, "en").select_one(".translation-notice") is not None


def test_make_passes_the_paths_after_translations_done_to_the_module():
    result = subprocess.run(
        ["make", "-n", "translations-done", "docs/en/a-propos.md", "data/glossary.yml#abf"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert (
        "macros.contribute.check_translations --done docs/en/a-propos.md data/glossary.yml#abf"
        in (result.stdout)
    )


# --- In CI: a warning on French changed without its English -----------------------------------


def test_github_report_warns_on_the_french_file_and_lists_what_it_leaves_behind(data):
    found = translations(ROOT, data)
    # The record of the edited page as if its French had changed since.
    edited = next(item for item in found if item.key == f"docs/en/{EDITED}")
    stale = type(edited)(**{**edited.__dict__, "fingerprint": "000000000000"})
    assert stale.state == OUTDATED
    others = [item for item in found if item.key != edited.key]
    annotations, summary = github_report([*others, stale], data.words, [f"docs/fr/{EDITED}"])
    assert len(annotations) == 1
    assert annotations[0].startswith(f"::warning file=docs/fr/{EDITED},line=1,title=")
    assert "make translations-done docs/en/guide/champs.md" in annotations[0]
    assert f'"docs/en/{EDITED}": {{french: "000000000000"' in summary
    # French and English changed together: the translator did follow, no warning.
    both = [f"docs/fr/{EDITED}", f"docs/en/{EDITED}"]
    assert github_report([*others, stale], data.words, both)[0] == []
    # A change elsewhere says nothing about this page.
    assert github_report([*others, stale], data.words, ["docs/fr/a-propos.md"])[0] == []


# --- Fingerprints and the record --------------------------------------------------------------


def test_a_fingerprint_changes_with_the_words_not_with_line_endings():
    text = "Première ligne.\nDeuxième ligne.\n"
    assert fingerprint([text]) == fingerprint(["\ufeff" + text.replace("\n", "  \r\n")])
    assert fingerprint([text]) != fingerprint([text.replace("Deuxième", "Seconde")])
    assert len(fingerprint([text])) == 12


def test_a_records_french_texts_are_its_own_not_those_it_refers_to(data):
    case = data.case_studies["mediatheques-de-la-baie"]
    texts = list(french_texts(case))
    assert case.title["fr"] in texts
    assert case.key_figures[0].label["fr"] in texts  # a part of the case
    # another record, translated apart
    assert case.partners[0].partner.description["fr"] not in texts
    assert case.steps[0].why["fr"] in texts  # why the case illustrates a step: the case's own words
    assert case.steps[0].step.label["fr"] not in texts  # the step's name: the vocabulary's
    assert case.partners[0].role.label["fr"] not in texts


def test_every_english_page_is_recorded_and_the_built_site_agrees(site, data):
    found = translations(ROOT, data)
    assert {item.state for item in found} <= {UP_TO_DATE, OUTDATED, UNCHECKED}
    for path, item in by_page(found, "en").items():  # guide pages and the records' generated pages
        notice = site.html(page_url(path, "en")).select_one(".translation-notice")
        assert (notice is not None) == (item.state == OUTDATED), path


def test_a_broken_record_is_reported_with_its_line(tmp_path):
    project = copy_project(tmp_path / "project")
    lock = project / "data" / "translations.lock.yml"
    lines = lock.read_text("utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith('"docs/en/a-propos.md"'))
    lines[index] = '"docs/en/a-propos.md": {french: "not-a-hash", checked: "2026-11-21"}'
    lock.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(DataError) as error:
        load_site_data(project / "data")
    assert f"data/translations.lock.yml:{index + 1}:" in str(error.value)
    assert "fingerprint" in str(error.value)


# --- Structural parity between twins ----------------------------------------------------------

FRENCH_PAGE = """---
title: "Titre"
description: "Description."
---

# Titre

1. Premier point {{ cite("boussou-2014") }}.
2. Second point, voir [l'étape 4](guide/champs.md#why) ; un lien s'écrit `[lien](adresse)`.

- [ ] Une case
- [x] Une autre

```
- pas une liste, du code
```
"""


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda text: text, []),
        (
            lambda text: text.replace("2. Second point", "Second point"),
            [
                "docs/en/x.md:8:1: list items: 1 list items here, 2 in docs/fr/x.md (give both versions as many list items, in the same order; the translation may have one too many or too few)"
            ],
        ),
        (
            lambda text: text.replace("- [x] Une autre\n", ""),
            [
                "docs/en/x.md:11:1: checklist items: 1 checklist items here, 2 in docs/fr/x.md (give both versions as many checklist items, in the same order; the translation may have one too many or too few)"
            ],
        ),
        (
            lambda text: text.replace("boussou-2014", "baie-2015"),
            [
                'docs/en/x.md:8:1: cite(): "baie-2015" (citation): 1 here, 0 in docs/fr/x.md (cite the same sources and link to the same places in both versions)',
                'docs/fr/x.md:8:1: cite(): "boussou-2014" (citation): 1 here, 0 in docs/en/x.md (cite the same sources and link to the same places in both versions)',
            ],
        ),
        (
            lambda text: text.replace("#why", "#what-to-do"),
            [
                'docs/en/x.md:9:1: links: "guide/champs.md#what-to-do" (link): 1 here, 0 in docs/fr/x.md (cite the same sources and link to the same places in both versions)',
                'docs/fr/x.md:9:1: links: "guide/champs.md#why" (link): 1 here, 0 in docs/en/x.md (cite the same sources and link to the same places in both versions)',
            ],
        ),
        (lambda text: text.replace("`[lien](adresse)`", "`[link](address)`"), []),
    ],
    ids=["same", "list-item-lost", "checklist-item-lost", "other-source", "other-anchor", "code"],
)
def test_twins_differ_in_structure_reported_with_file_and_line(change, expected):
    problems = twin_problems("docs/fr/x.md", FRENCH_PAGE, "docs/en/x.md", change(FRENCH_PAGE))
    assert [str(problem) for problem in sorted(problems)] == expected
    assert all(problem.severity == "warning" for problem in problems)  # a translator can follow


def test_the_repositorys_twins_have_the_same_structure():
    assert [str(problem) for problem in parity_problems(ROOT)] == []


def test_make_translations_and_make_validate_warn_of_a_structural_difference(tmp_path):
    project = copy_project(tmp_path / "project")
    english = project / "docs" / "en" / EDITED
    english.write_text(english.read_text("utf-8").replace('cite("boussou-2014")', "", 1), "utf-8")
    result = run(project, "-m", "macros.contribute.check_translations")
    assert result.returncode == 0  # a warning: the French may change first, a translator follow
    assert f"docs/fr/{EDITED}:" in result.stdout
    assert 'cite(): "boussou-2014" (citation)' in result.stdout
    validated = run(
        project, "-m", "macros.contribute.check_data", "data"
    )  # make validate says so too
    assert validated.returncode == 0, validated.stderr
    assert 'cite(): "boussou-2014" (citation)' in validated.stderr


def test_edit_links_open_githubs_editor_at_the_repositorys_root():
    config = SimpleNamespace(
        repo_url="https://github.com/owner/mutualiser/", edit_uri="edit/main/docs/"
    )
    assert edit_root(config) == "https://github.com/owner/mutualiser/edit/main/"
    assert edit_root(SimpleNamespace(repo_url=None, edit_uri=None)) is None


def test_the_pull_request_check_runs_the_translation_report_on_the_files_it_changes():
    workflow = yaml.safe_load((ROOT / ".github/workflows/check.yml").read_text("utf-8"))
    step = next(
        step
        for step in workflow["jobs"]["check"]["steps"]
        if "macros.contribute.check_translations --github" in step.get("run", "")
    )
    assert step["if"] == "github.event_name == 'pull_request'"
    # The files it changes, as git lists them since the base (NUL-separated, never arguments:
    # tests/test_workflows.py gives it files named like options)
    assert '--changed-since "${BASE_SHA}"' in step["run"]
    assert step["env"]["BASE_SHA"] == "${{ github.event.pull_request.base.sha }}"


# --- Warnings stay warnings: an English page removed, in a copy of the project -----------------

# Its English is deleted, the French stays. (A page with a trainers' short link needs both: its
# sheet is printed in each language, data/short-links.yml.)
REMOVED = "boite-a-outils/personnel.md"


@pytest.fixture(scope="module")
def without_english(tmp_path_factory) -> Path:
    """A copy of the project, with its tests, whose English page of REMOVED is gone."""
    project = copy_project(tmp_path_factory.mktemp("without-english"))
    for name in ("tests", "tools"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", project)
    (project / "docs" / "en" / REMOVED).unlink()
    return project


def test_a_page_without_its_english_is_a_warning_in_both_languages_not_a_failure(
    without_english,
):
    summary = without_english / "summary.md"
    result = run_in_copy(
        without_english,
        *("-m", "macros.contribute.check_data", "data", "--github"),
        GITHUB_ACTIONS="true",
        GITHUB_STEP_SUMMARY=str(summary),
    )
    assert result.returncode == 0, result.stderr
    where = f"docs/fr/{REMOVED}:1:1"
    assert result.stderr.splitlines() == [
        f"{where}: la page n'a pas encore de version anglaise (créez docs/en/{REMOVED}, même nom "
        "de fichier dans l'autre dossier de langue ; en attendant, le site publie la page avec un "
        "avis)",
        f"{where}: the page has no English version yet (create docs/en/{REMOVED}, the same file "
        "name in the other language's folder; until then the site publishes the page with a "
        "notice)",
    ]
    [annotation] = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert annotation.startswith(f"::warning file=docs/fr/{REMOVED},line=1,col=1,")
    assert f"- **`docs/fr/{REMOVED}:1`** (avertissement · warning)" in summary.read_text("utf-8")


@pytest.mark.build  # builds the copy
def test_a_page_without_its_english_builds_with_the_notice(without_english):
    built = build(without_english, "out")
    page = parsed(built, REMOVED, "en")
    notice = page.select_one("article .translation-notice")
    assert notice.get_text(" ", strip=True).startswith("Not translated yet")
    assert notice.find_next_sibling("div")["lang"] == "fr"


def test_a_page_without_its_english_passes_the_tests_that_read_the_pages(without_english):
    """The tests `make test` runs on the pages and on the shipped project's messages, run in the
    copy: none fails because an English page is missing (they once asserted every twin in
    English). The contributor-message tests that make one mistake each are left out: they look
    for their own lines among the others, and they took half of the fast tier's longest test."""
    result = subprocess.run(
        [
            sys.executable,
            *("-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not build and not browser"),
            "tests/test_pages.py",
            "tests/test_contributor_messages.py",
            *("-k", "not test_each_mistake_is_told"),
        ],
        cwd=without_english,
        capture_output=True,
        text=True,
        env=copy_environment(),
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert " passed" in result.stdout.splitlines()[-1]
