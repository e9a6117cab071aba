"""The case listing stays light however many case studies there are (issue 16): a first visit
gets one page of cards within the page budget, and nothing of the others; a filter still looks
at every case study, at once, and lives in the address (reload, shared link, back button);
"show more" goes on from there with the keyboard; without JavaScript a plain list of links
reaches every case study.

A copy of the project gets the benchmark's synthetic case studies (tools/bench.py) and a small
page size, so that a few dozen cases make several pages; it is built and served like Pages.
"""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit
from urllib.request import urlopen

import pytest
from bs4 import BeautifulSoup
from conftest import BASE, page_opener
from every_page import axe_violations
from playwright.sync_api import expect
from test_budget import over_budget

from macros.registry import load_site_data
from macros.render.cases import LISTING_CARDS, territory_of
from tools.bench import add_case_studies
from tools.chromium import arrive, settle
from tools.project import copy_project, run_in_copy
from tools.serve_like_pages import serving

SYNTHETIC = 40  # plus the real ones
PAGE_SIZE = 10
CARDS = "[data-listing-items] > li"


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    """(served URL, data) of a copy with SYNTHETIC more case studies, PAGE_SIZE cards a page."""
    project = copy_project(tmp_path_factory.mktemp("large"))
    add_case_studies(project, SYNTHETIC)
    settings = project / "mkdocs.yml"
    text, count = re.subn(
        r"case_listing_page_size: \d+", f"case_listing_page_size: {PAGE_SIZE}", settings.read_text()
    )
    assert count == 1, "mkdocs.yml no longer sets extra.case_listing_page_size"
    settings.write_text(text)
    result = run_in_copy(project, "-m", "mkdocs", "build", "--strict", "-d", "out")
    assert result.returncode == 0, result.stderr[-3000:]
    with serving(project / "out", base=BASE) as url:
        yield url, load_site_data(project / "data")


@pytest.fixture
def open_large(browser, large):
    with page_opener(browser, large[0]) as open_page:
        yield open_page


def served(url: str) -> BeautifulSoup:
    """The page as the server sends it, before any script."""
    with urlopen(url) as response:
        return BeautifulSoup(response.read(), "html.parser")


def rare_territory(data) -> tuple[str, list]:
    """The territory with the fewest case studies, the last of the listing among ties, and its
    cases in listing order: its last one lies far beyond the first page of cards."""
    cases = list(data.case_studies.values())
    territories = [territory_of(case) for case in cases]
    value = min(reversed(territories), key=territories.count)
    return value, [case for case in cases if territory_of(case) == value]


@pytest.mark.parametrize("path", ["cas/", "en/cas/"])
def test_a_first_visit_gets_one_page_of_cards_within_budget(browser, large, open_large, path):
    from tools.budget import first_load

    url, data = large
    assert len(data.case_studies) > 3 * PAGE_SIZE
    load = first_load(browser, url + path)
    assert over_budget(load, urlsplit(url).netloc) == []
    assert not any(request.endswith(LISTING_CARDS) for request in load.requests)

    assert len(served(url + path).select(CARDS)) == PAGE_SIZE
    page, recorded = open_large(path)
    expect(page.locator(CARDS)).to_have_count(PAGE_SIZE)
    expect(page.get_by_role("status")).to_contain_text(str(len(data.case_studies)))
    expect(page.locator("[data-show-more]")).to_be_visible()
    assert recorded.errors == []


def test_a_filter_finds_a_case_beyond_the_first_page_and_the_address_keeps_it(open_large, large):
    _, data = large
    value, matching = rare_territory(data)
    case = matching[-1]
    assert list(data.case_studies.values()).index(case) >= PAGE_SIZE
    count = f"{len(matching)} case stud{'y' if len(matching) == 1 else 'ies'}"
    # Territories are codes (issue 28): a list of région and country names, however many cases.
    page, recorded = open_large("en/cas/")
    territory = page.get_by_label("Territory")
    expect(territory).to_have_js_property("tagName", "SELECT")
    expect(page.get_by_role("link", name=case.title["en"], exact=True)).to_have_count(0)

    territory.select_option(value)

    expect(page.locator(CARDS)).to_have_count(len(matching))
    expect(page.get_by_role("link", name=case.title["en"], exact=True)).to_be_visible()
    expect(page.get_by_role("status")).to_have_text(f"{count} of {len(data.case_studies)}")
    assert parse_qs(urlsplit(page.url).query) == {"territory": [value]}
    assert axe_violations(page) == []

    page.reload()

    settle(page)
    assert territory.input_value() == value
    expect(page.get_by_role("link", name=case.title["en"], exact=True)).to_be_visible()
    expect(page.locator(CARDS)).to_have_count(len(matching))

    page.get_by_role("link", name=case.title["en"], exact=True).click()
    page.wait_for_url(f"**/en/cas/{case.id}/")
    page.go_back()
    settle(page)
    expect(page.locator(CARDS)).to_have_count(len(matching))
    expect(page.get_by_role("link", name=case.title["en"], exact=True)).to_be_visible()
    assert recorded.errors == []


def steps_of(case) -> list[str]:
    return [link.step.id for link in case.steps]


def test_a_shared_link_to_a_step_filters_every_case(open_large, large):
    _, data = large
    cases = list(data.case_studies.values())
    step = max(data.vocabularies.steps, key=lambda s: sum(s in steps_of(c) for c in cases))
    matching = [case for case in cases if step in steps_of(case)]
    assert len(matching) > PAGE_SIZE
    page, recorded = open_large(f"cas/?step={step}")
    expect(page.locator(CARDS)).to_have_count(PAGE_SIZE)
    expect(page.get_by_role("status")).to_have_text(
        f"{len(matching)} études de cas sur {len(data.case_studies)}"
    )
    titles = page.locator(f"{CARDS} h2").all_inner_texts()
    assert titles == [case.title["fr"] for case in matching[:PAGE_SIZE]]
    assert recorded.errors == []


def test_show_more_goes_on_from_the_first_new_card_until_every_case_shows(open_large, large):
    _, data = large
    everything = list(data.case_studies.values())
    page, recorded = open_large("cas/")
    more = page.locator("[data-show-more]")
    more.focus()
    page.keyboard.press("Enter")
    expect(page.locator(CARDS)).to_have_count(2 * PAGE_SIZE)
    expect(page.locator(":focus")).to_have_text(everything[PAGE_SIZE].title["fr"])
    expect(more).to_contain_text(f"{2 * PAGE_SIZE} affichées sur {len(everything)}")
    assert axe_violations(page) == []

    page.reload()  # the history entry keeps how many were shown

    settle(page)
    expect(page.locator(CARDS)).to_have_count(2 * PAGE_SIZE)

    while more.is_visible():
        more.click()
    expect(page.locator(CARDS)).to_have_count(len(everything))
    titles = page.locator(f"{CARDS} h2").all_inner_texts()
    assert titles == [case.title["fr"] for case in everything]
    assert recorded.errors == []


def case_links(page) -> set[str]:
    """The case pages the open page links to, as paths."""
    hrefs = page.locator("main a[href]").evaluate_all("links => links.map(link => link.href)")
    return {urlsplit(href).path for href in hrefs if re.search(r"/cas/[^/]+/$", href)}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_without_javascript_every_case_is_two_links_away(open_large, large, language):
    _, data = large
    path = "cas/" if language == "fr" else "en/cas/"
    everything = {f"{BASE}{path}{case_id}/" for case_id in data.case_studies}
    page, _ = open_large(path, java_script_enabled=False)
    assert page.locator("[data-filters]").is_hidden()
    assert page.locator("[data-show-more]").is_hidden()
    expect(page.locator(CARDS)).to_have_count(PAGE_SIZE)
    index = page.get_by_role("link", name=str(len(everything)))
    index.click()
    page.wait_for_url(f"**/{path}liste/")
    assert case_links(page) == everything


def test_if_the_cards_cannot_be_fetched_the_link_to_every_case_shows(browser, large):
    url, data = large
    context = browser.new_context()
    page = context.new_page()
    page.route(f"**/{LISTING_CARDS}", lambda route: route.abort())
    arrive(page, url + "en/cas/")
    page.get_by_label("Status").select_option(next(iter(data.vocabularies.status)))
    expect(page.get_by_role("status")).to_have_text(data.words["case-studies.unavailable"]["en"])
    page.get_by_role("link", name=f"All {len(data.case_studies)} case studies").click()
    page.wait_for_url("**/en/cas/liste/")
    assert len(case_links(page)) == len(data.case_studies)
    context.close()


def test_the_cards_added_by_the_script_are_the_cards_the_page_prints(large):
    """One template: the first page's cards, as printed, are the file's first cards."""
    url, _ = large
    printed = served(url + "en/cas/").select(CARDS)
    with urlopen(url + "en/cas/" + LISTING_CARDS) as response:
        fetched = json.loads(response.read())
    assert [str(card) for card in printed] == [
        str(BeautifulSoup(card, "html.parser").li) for card in fetched[:PAGE_SIZE]
    ]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_real_site_shows_every_case_on_the_first_page(site, data, prefix):
    html = site.html(f"{prefix}cas/")
    assert len(html.select(CARDS)) == len(data.case_studies)
    assert html.select("[data-show-more]") == []
    assert html.select("noscript") == []
    index = site.html(f"{prefix}cas/liste/").select(".case-index a")
    assert [link.get_text() for link in index] == [
        case.title["en" if prefix else "fr"] for case in data.case_studies.values()
    ]
