"""In a real browser: the listings' filters narrow the list at once, write the choice into the
URL, keep it on reload, announce the count, and log no error."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import LISTING_PAGE_SIZE, ROOT
from playwright.sync_api import expect

from macros.registry import load_site_data
from macros.render.cases import territory_of
from tools.chromium import settle

DATA = load_site_data(ROOT / "data")


def narrowing_status() -> tuple[str, int]:
    """A status that some but not all case studies have, and how many have it."""
    cases = list(DATA.case_studies.values())
    for status in DATA.vocabularies.status:
        matching = sum(case.status.id == status for case in cases)
        if 0 < matching < len(cases):
            return status, matching
    raise AssertionError("every case study has the same status: no filter can narrow the list")


def visible_items(page):
    """The listing items on screen; `expect(...).to_have_count(n)` waits for the script."""
    return page.locator("[data-listing-items] > li:visible")


@pytest.mark.parametrize("path", ["cas/", "en/cas/"])
def test_a_filter_narrows_the_case_listing_and_the_url_keeps_it(site, visit, path):
    status, matching = narrowing_status()
    total = len(DATA.case_studies)
    first_page = min(total, LISTING_PAGE_SIZE)
    page, record = visit(path)
    count = page.get_by_role("status")
    expect(visible_items(page)).to_have_count(first_page)

    page.locator("select[name=status]").select_option(status)

    expect(visible_items(page)).to_have_count(min(matching, LISTING_PAGE_SIZE))
    assert parse_qs(urlsplit(page.url).query) == {"status": [status]}
    expect(count).to_have_attribute("aria-live", "polite")
    expect(count).to_contain_text(f"{matching} ")
    expect(count).to_contain_text(f" {total}")

    page.reload()

    settle(page)
    assert page.locator("select[name=status]").input_value() == status
    expect(visible_items(page)).to_have_count(min(matching, LISTING_PAGE_SIZE))

    page.get_by_role("button", name={"cas/": "Tout afficher", "en/cas/": "Show all"}[path]).click()
    expect(visible_items(page)).to_have_count(first_page)
    expect(page).to_have_url(site.url + path)
    assert record.errors == []


def test_a_shared_filtered_link_opens_on_the_filtered_view(site, visit):
    status, matching = narrowing_status()
    page, record = visit(f"en/cas/?status={status}")
    expect(visible_items(page)).to_have_count(min(matching, LISTING_PAGE_SIZE))
    assert page.get_by_label("Status").input_value() == status
    assert record.errors == []


@pytest.mark.parametrize(
    ("path", "choice", "expected"),
    [
        ("cas/", {"country": "switzerland"}, ["rero", "slsp"]),
        ("en/cas/", {"country": "belgium"}, ["archivage-periodiques-belgique"]),
        (
            "en/cas/",
            {"status": "ended"},
            ["clermont-bibliotheque-commune", "rero", "reseau-carel", "sgbm"],
        ),
        ("cas/", {"country": "switzerland", "status": "ended"}, ["rero"]),
    ],
)
def test_the_country_and_status_filters_keep_exactly_their_cases(visit, path, choice, expected):
    """Issue 23: the cases outside France, and those that ended, found in one choice each."""
    language = "en" if path.startswith("en/") else "fr"
    page, record = visit(path)
    for name, value in choice.items():
        page.locator(f"select[name={name}]").select_option(value)
    titles = [DATA.case_studies[case_id].title[language] for case_id in expected]
    expect(visible_items(page).locator(".case-card__title")).to_have_text(titles)
    assert parse_qs(urlsplit(page.url).query) == {name: [value] for name, value in choice.items()}
    assert record.errors == []


OCCITANIE = ["agropolis-ist", "mediatheque-numerique-lot", "pcp-occitanie", "pont-du-gard-navette"]


@pytest.mark.parametrize(("path", "label"), [("cas/", "Territoire"), ("en/cas/", "Territory")])
def test_the_territory_filter_groups_cases_by_region(visit, path, label):
    """Issue 28: the territory is a facet from codes (a French région, else the country), no
    longer one free-text value per case; choosing a région keeps exactly its cases."""
    language = "en" if path.startswith("en/") else "fr"
    page, record = visit(path)
    territory = page.get_by_label(label, exact=True)
    choices = territory.locator("option:not([value=''])")
    expect(choices).to_have_count(len({territory_of(case) for case in DATA.case_studies.values()}))
    assert choices.count() < len(DATA.case_studies) / 2
    assert "Occitanie" in choices.all_inner_texts()

    territory.select_option(label="Occitanie")

    titles = [DATA.case_studies[case_id].title[language] for case_id in OCCITANIE]
    expect(visible_items(page).locator(".case-card__title")).to_have_text(titles)
    assert parse_qs(urlsplit(page.url).query) == {"territory": ["fr-occ"]}
    assert record.errors == []


def empty_combination() -> tuple[str, str]:
    """A status and a field that each some case has, but no case has both."""
    cases = DATA.case_studies.values()
    pairs = {(case.status.id, field.id) for case in cases for field in case.fields}
    statuses = {case.status.id for case in cases}
    fields = {field.id for case in cases for field in case.fields}
    empty = sorted((s, f) for s in statuses for f in fields if (s, f) not in pairs)
    assert empty, "the data offers no empty combination of status and field to test"
    return empty[0]


def test_no_match_is_said_in_words(visit):
    page, record = visit("cas/?status=no-such-status&field=no-such-field")
    first_page = min(len(DATA.case_studies), LISTING_PAGE_SIZE)
    expect(visible_items(page)).to_have_count(first_page)  # unknown values ignored
    status, field = empty_combination()
    page.locator("select[name=status]").select_option(status)
    page.locator("select[name=field]").select_option(field)
    expect(visible_items(page)).to_have_count(0)
    expect(page.get_by_role("status")).to_contain_text(DATA.words["case-studies.count_none"]["fr"])
    assert record.errors == []


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_partner_directory_filters_by_competence(visit, language):
    partners = list(DATA.partners.values())
    competence = partners[0].competences[0].term.id
    matching = sum(competence in {c.term.id for c in p.competences} for p in partners)
    page, record = visit("partenaires/" if language == "fr" else "en/partenaires/")
    page.locator("select[name=competence]").select_option(competence)
    expect(visible_items(page)).to_have_count(min(matching, LISTING_PAGE_SIZE))
    assert parse_qs(urlsplit(page.url).query) == {"competence": [competence]}
    assert record.errors == []


@pytest.mark.parametrize("path", ["cas/", "en/partenaires/"])
def test_without_javascript_the_whole_list_shows_and_no_useless_filter(visit, path):
    page, _ = visit(path, java_script_enabled=False)
    assert page.locator("form[data-filters]").is_hidden()
    items = page.locator("[data-listing-items] > li")
    assert items.count() > 0
    assert all(items.nth(i).is_visible() for i in range(items.count()))


@pytest.mark.parametrize("path", ["cas/", "en/cas/"])
def test_the_filters_are_in_place_at_first_paint(visit, path):
    """No layout shift: the filters do not appear after the list has been drawn."""
    page, _ = visit(path)
    shift = page.evaluate(
        """() => new Promise(resolve => {
            let sum = 0
            new PerformanceObserver(list => {
                for (const entry of list.getEntries()) sum += entry.value
            }).observe({type: "layout-shift", buffered: true})
            setTimeout(() => resolve(sum), 500)
        })"""
    )
    assert shift < 0.01
