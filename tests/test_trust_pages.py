"""The accessibility statement and the legal notice: in both languages, linked from every page's
footer, and stating only what the project knows.

The statement follows the French model (RGAA): the site says "non conforme" until an RGAA audit
exists, however clean the tests; the tests it lists are exactly the modules marked
`pytest.mark.accessibility`, so that the list cannot drift from the suite; a reader learns how to
report a barrier and where to appeal (the Défenseur des droits). The legal notice names the
publisher and the host as mkdocs.yml's `extra` sets them, once.
"""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path
from urllib.parse import urljoin

import pytest
from conftest import ROOT
from mkdocs.utils.yaml import yaml_load

from macros.render.trust import footer_links
from macros.site.i18n import LANGUAGES

STATEMENT = {"fr": "accessibilite/", "en": "en/accessibilite/"}
NOTICE = {"fr": "mentions-legales/", "en": "en/mentions-legales/"}
# What the footer says while no audit exists: the French model's wording, written out by hand.
FOOTER = {
    "fr": ["Accessibilité : non conforme", "Mentions légales"],
    "en": ["Accessibility: non-compliant", "Legal notice"],
}


def marked_accessibility(path) -> bool:
    """Whether a test module carries `pytestmark = pytest.mark.accessibility`."""
    for node in ast.parse(path.read_text("utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "pytestmark" for target in node.targets
        ):
            return "pytest.mark.accessibility" in ast.unparse(node.value)
    return False


def extra() -> dict:
    """mkdocs.yml's `extra`, read as MkDocs reads it (its !ENV tags included)."""
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as file:
        return yaml_load(file)["extra"]


def text(element) -> str:
    return " ".join(element.get_text(" ").split())


def test_the_statement_lists_exactly_the_test_modules_marked_accessibility(data):
    marked = {
        path.relative_to(ROOT).as_posix()
        for path in sorted((ROOT / "tests").glob("test_*.py"))
        if marked_accessibility(path)
    }
    assert len(marked) >= 4  # axe-core, keyboard, phones, glossary terms
    assert {test.module for test in data.accessibility.tests} == marked


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_links_the_statement_with_the_sites_status_and_the_legal_notice(site, language):
    pages = site.pages(language) + ([Path("404.html")] if language == "fr" else [])
    assert len(pages) > 40
    for relative in pages:
        links = site.html(relative).select(".md-copyright__legal a")
        assert [text(link) for link in links] == FOOTER[language], relative
        address = site.path_of(site.url + relative.as_posix())
        targets = [site.path_of(urljoin(site.url + address, link["href"])) for link in links]
        assert targets == [STATEMENT[language], NOTICE[language]], relative


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_statement_says_non_compliant_lists_each_test_and_gives_recourse(site, data, language):
    article = site.html(STATEMENT[language]).select_one("article")
    status = text(article.select_one(".accessibility-status"))
    non_compliant = {"fr": "non conforme", "en": "non-compliant"}[language]
    assert non_compliant in status
    assert "RGAA" in status
    assert {"fr": "Aucun audit", "en": "No audit"}[language] in status

    listed = article.select(".accessibility-tests li")
    assert [text(item.code) for item in listed] == [
        test.module for test in data.accessibility.tests
    ]
    for item, test in zip(listed, data.accessibility.tests, strict=True):
        assert item.a["href"].endswith("/blob/main/" + test.module)
        assert test.checks[language] in text(item)

    issues = [text(item) for item in article.select(".accessibility-known-issues li")]
    assert issues == [issue[language] for issue in data.accessibility.known_issues]
    report = article.find(id="report").find_next("p")
    assert any(link["href"].endswith("/issues") for link in report.select("a"))
    recourse = article.find(id="recourse").find_next("p")
    assert "Défenseur des droits" in text(recourse)
    assert [link["href"] for link in recourse.select("a")] == [
        "https://defenseurdesdroits.fr/fr/obtenir-de-laide"
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_legal_notice_names_the_publisher_and_host_set_in_mkdocs_yml(site, language):
    settings = extra()
    notice = site.html(NOTICE[language]).select_one(".legal-notice")
    terms = [text(term) for term in notice.select("dt")]
    details = [text(detail) for detail in notice.select("dd")]
    assert terms == {"fr": ["Éditeur", "Hébergeur"], "en": ["Publisher", "Host"]}[language]
    assert details[0].startswith(settings["publisher"][language])
    assert settings["host"]["name"] in details[1]
    assert settings["host"]["company"] in details[1]
    assert notice.select("dd")[1].a["href"] == settings["host"]["terms"]


def test_an_audit_changes_the_status_the_footer_shows(data):
    """The status comes from the audit, not from the page: "partial" once an audit says so."""
    audited = dataclasses.replace(
        data,
        accessibility=dataclasses.replace(
            data.accessibility,
            audit_day="2027-03-01",
            audit_report="https://example.org/audit",
            compliance="partial",
        ),
    )
    assert footer_links(audited, "fr")[0] == (
        "accessibilite/",
        "Accessibilité : partiellement conforme",
    )
    assert footer_links(audited, "en")[0] == (
        "en/accessibilite/",
        "Accessibility: partially compliant",
    )
    assert footer_links(data, "fr")[0][1] == "Accessibilité : non conforme"
