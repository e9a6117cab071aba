"""The guide itself: seven step pages with the same parts in both languages, the reference
pages, and heading links titled in the reader's language."""

from __future__ import annotations

from itertools import pairwise

import pytest
from conftest import ROOT

from macros.registry import load_site_data
from macros.render.cases import FINDINGS_CASES, STEP_CARDS

DATA = load_site_data(ROOT / "data")
STEPS = sorted(DATA.vocabularies.steps.values(), key=lambda step: step.number)
STEP_URLS = [step.page.removesuffix(".md") + "/" for step in STEPS]
BOTH = [("", "fr"), ("en/", "en")]


def section(html, anchor: str):
    """The elements between the heading with this id and the next heading of its level."""
    heading = html.select_one(f"article #{anchor}")
    assert heading is not None, f"no #{anchor}"
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name == heading.name:
            break
        parts.append(sibling)
    return parts


def items(parts, selector: str) -> list:
    return [item for part in parts for item in part.select(selector)]


def test_there_are_seven_steps():
    assert [step.number for step in STEPS] == [1, 2, 3, 4, 5, 6, 7]


@pytest.mark.parametrize(("prefix", "language"), BOTH)
@pytest.mark.parametrize("step_url", STEP_URLS)
def test_a_step_page_has_every_part(site, prefix, language, step_url):
    html = site.html(prefix + step_url)
    assert section(html, "why"), "no 'why this step matters'"
    assert len(items(section(html, "what-to-do"), "ol > li")) >= 5
    assert len(items(section(html, "checklist"), "li.task-list-item input[type=checkbox]")) >= 5
    assert len(items(section(html, "pitfalls"), "li")) >= 2
    assert items(section(html, "sources"), "a[href*='sources/#']"), "no cited source"


@pytest.mark.parametrize(("prefix", "language"), BOTH)
def test_in_practice_lists_the_case_studies_of_the_step_from_the_data(site, prefix, language):
    for step, step_url in zip(STEPS, STEP_URLS, strict=True):
        illustrating = [c.id for c in DATA.case_studies.values() if c.why(step)]
        expected = set(illustrating[:STEP_CARDS])  # the others: the listing filtered by the step
        if len(illustrating) > STEP_CARDS:
            expected.add(f"?step={step.id}")
        links = items(section(site.html(prefix + step_url), "in-practice"), "a[href*='cas/']")
        linked = {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in links} - {"..", "cas"}
        assert linked == expected, step.id


@pytest.mark.parametrize(("prefix", "language"), BOTH)
def test_steps_lead_to_one_another(site, prefix, language):
    for previous, following in pairwise(STEP_URLS):
        footer = site.html(prefix + previous).select_one("nav.md-footer__inner")
        next_link = footer.select_one("a.md-footer__link--next")
        assert next_link["href"] == "../" + following.split("/", 1)[1], previous


@pytest.mark.parametrize(("prefix", "language"), BOTH)
def test_the_home_page_shows_the_seven_steps(site, prefix, language):
    overview = site.html(prefix).select_one("ol.steps-overview")
    hrefs = [a["href"] for a in overview.select("a")]
    assert [href.rstrip("/") for href in hrefs] == [url.rstrip("/") for url in STEP_URLS]


@pytest.mark.parametrize(("prefix", "language"), BOTH)
def test_the_seven_steps_start_on_the_home_pages_first_screen(visit, prefix, language):
    """A reader sees what the guide is before scrolling: the steps follow the introduction,
    their heading and first step within a laptop's first screen (they started 2,600 px down)."""
    page, _ = visit(prefix, viewport={"width": 1280, "height": 800})
    headings = page.locator("article h2").evaluate_all("hs => hs.map(h => h.id)")
    assert headings[0] == "seven-steps"
    first = page.locator("ol.steps-overview a").first.bounding_box()
    assert first["y"] + first["height"] <= 800


@pytest.mark.parametrize(("prefix", "language"), BOTH)
def test_decision_makers_get_every_finding_of_the_cases_with_its_case_and_source(
    site, prefix, language
):
    """Their reading path (in the navigation) quotes the case files, gains then drawbacks, each
    under a link to its case and with its citation: no fact of its own."""
    html = site.html(prefix + "decideurs/")
    assert site.html(prefix).select_one('.md-nav a[href$="decideurs/"]')
    lists = html.select("article dl.case-findings")
    assert len(lists) == 2
    for section, found in zip(("gains", "drawbacks"), lists, strict=True):
        cases = [case for case in DATA.case_studies.values() if getattr(case, section)]
        cases = cases[:FINDINGS_CASES]  # the others: the listing
        titles = [
            " ".join(link.get_text().replace("\u202f", " ").replace("\u00a0", " ").split())
            for link in found.select("dt > a")
        ]
        assert titles == [case.title[language] for case in cases]
        assert [link["href"] for link in found.select("dt > a")] == [
            f"../cas/{case.id}/#{section}" for case in cases
        ]
        items = [item for case in cases for item in getattr(case, section)]
        findings = found.select("dd")
        assert len(findings) == len(items)
        for item, finding in zip(items, findings, strict=True):
            assert bool(finding.select("a.citation")) == bool(item.source)


@pytest.mark.parametrize(("prefix", "language"), BOTH)
def test_the_success_factors_page_has_the_seven_factors(site, prefix, language):
    ids = [h["id"] for h in site.html(prefix + "facteurs-de-reussite/").select("article h2[id]")]
    factors = ["solidarity", "political-will", "shared-gains", "user-orientation"]
    factors += ["pragmatism", "belonging", "visibility"]
    assert [i for i in ids if i in factors] == factors


@pytest.mark.parametrize(("prefix", "language"), BOTH)
def test_the_glossary_has_at_least_thirty_terms(site, prefix, language):
    assert len(site.html(prefix + "glossaire/").select("article dt[id]")) >= 30


@pytest.mark.parametrize(
    ("prefix", "language", "title"), [("", "fr", "Lien permanent"), ("en/", "en", "Permanent link")]
)
def test_heading_links_are_titled_in_the_page_language(site, prefix, language, title):
    every_title = set()
    for page in site.pages(language):
        titles = {a.get("title") for a in site.html(page).select("a.headerlink")}
        assert titles <= {title}, page
        every_title |= titles
    assert every_title == {title}, "no heading has a permanent link"


@pytest.mark.parametrize(("prefix", "language"), BOTH)
def test_checklist_boxes_are_named_by_their_text_without_javascript(site, prefix, language):
    for step_url in STEP_URLS:
        for label in site.html(prefix + step_url).select("label.task-list-control"):
            assert label.select_one("input[type=checkbox]") is not None
            assert label.get_text(strip=True), f"{step_url}: a checkbox without a name"
