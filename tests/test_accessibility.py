"""Accessibility: axe-core finds nothing on any page of either language.

Readers include people using screen readers and keyboards, and French public bodies must meet
RGAA, which follows WCAG 2.1 AA. axe-core (npm, `make node_modules`) runs in the system Chromium
on every built page, after the page's own scripts, with the rules tagged WCAG 2.0, 2.1 and 2.2
A and AA plus axe's best practices (landmarks, heading order, a named search dialog...).
Any violation fails, whatever its impact. Every page is checked at desktop size, and the first
page of each section of each language again on a phone (390 px, touch), where boxes scroll and
menus fold. Results axe cannot decide alone ("incomplete", such
as contrast over a gradient) are not violations and are not asserted.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from every_page import AXE, axe_violations

from macros.site.i18n import DEFAULT_LANGUAGE, LANGUAGES, TRANSLATIONS, language_root

# Listed in the accessibility statement, with what it checks (data/accessibility.yml).
pytestmark = pytest.mark.accessibility


@pytest.mark.browser  # with the tier whose tool it checks: make test-site installs it
def test_axe_is_installed():
    assert AXE.is_file(), "run `make node_modules` (npm ci) first"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_of_either_language_has_any_axe_violation(every_page, language):
    visits = every_page(language)
    assert len(visits) > 100, len(visits)
    assert Path(language_root(language), "index.html").as_posix() in visits
    findings = {
        path: visit.axe_violations for path, visit in visits.items() if visit.axe_violations
    }
    assert findings == {}


def one_page_per_section(pages: list[Path]) -> list[str]:
    """Every page one level deep in its language (home, listings, guide's index...) and the first
    page of each folder below (a case, a partner, a step, a toolkit sheet)."""
    samples: dict[tuple[str, ...], str] = {}
    for path in sorted(pages):
        folders = path.parts[:-1]
        language = folders[0] if folders[:1] and folders[0] in TRANSLATIONS else DEFAULT_LANGUAGE
        inside = folders[1:] if language != DEFAULT_LANGUAGE else folders
        section = ("page", *inside, path.name) if len(inside) <= 1 else ("folder", *inside[:-1])
        samples.setdefault((language, *section), path.as_posix())
    return sorted(samples.values())


def test_a_page_of_each_section_has_no_axe_violation_on_a_touch_phone(site, browser):
    pages = one_page_per_section(site.pages())
    assert {"index.html", "en/index.html", "cas/index.html", "en/contribuer/index.html"} <= set(
        pages
    )
    assert any(page.startswith("en/cas/") and page != "en/cas/index.html" for page in pages)
    context = browser.new_context(viewport={"width": 390, "height": 740}, has_touch=True)
    tab = context.new_page()
    findings = {}
    for path in pages:
        tab.goto(site.url + path, wait_until="load")
        if violations := axe_violations(tab):
            findings[path] = violations
    context.close()
    assert findings == {}


def test_the_archived_and_superseded_notices_and_marks_have_no_axe_violation(spec_site, browser):
    """The real site archives nothing: the specification site's notices (tests/test_life_cycle.py)
    and the marks beside a retired page's links, in both languages."""
    pages = [
        f"{root}{page}"
        for root in ("", "en/")
        for page in (
            "cas/superseded-plan/",
            "guide/projet-pilote/",
            "partenaires/beta-lab/",
            "cas/liste/",  # the retired cases, folded
        )
    ] + ["nouveautes/", "en/nouveautes/"]
    context = browser.new_context()
    tab = context.new_page()
    findings = {}
    for path in pages:
        tab.goto(spec_site.url + path, wait_until="load")
        assert tab.locator(".life-cycle-notice, .life-cycle-mark").count() > 0, path
        if violations := axe_violations(tab):
            findings[path] = violations
    context.close()
    assert findings == {}
