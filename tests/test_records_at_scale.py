"""The pages that list every record stay light however many records there are (issue 30), and
still reach every record: on a copy with 1000 more case studies (`site_at_scale`, built once),
the plain list of case studies comes in parts that link to one another, a partner's card in
the directory names its first case studies and links to its page for the others, and the
translation status page shows the translations that need work first, every one being in a
file beside it. (The page budget itself: tests/test_budget.py; the case listing:
tests/test_listing_at_scale.py.)"""

from __future__ import annotations

import csv
import io
from urllib.parse import urljoin, urlsplit

import pytest
from conftest import BASE, page_opener
from every_page import axe_violations
from playwright.sync_api import expect

from macros.contribute.translations import (
    STATES,
    STATUS_FILE,
    STATUS_ROWS,
    translations,
)
from macros.render.cases import INDEX_LINKS, case_index_parts
from macros.render.partners import CARD_CASES
from macros.site.i18n import page_url
from tools.chromium import settle

pytestmark = pytest.mark.slow


def links_of(site, path: str, selector: str) -> list[str]:
    """The addresses (paths from the server's root) the elements `selector` of `path` link to."""
    return [
        urlsplit(urljoin(site.url + path, link["href"])).path
        for link in site.html(path).select(selector)
    ]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_plain_list_of_cases_comes_in_parts_that_reach_every_case(site_at_scale, language):
    site, data = site_at_scale.site, site_at_scale.data
    cases = list(data.case_studies.values())
    parts = case_index_parts(len(cases))
    assert parts >= 3  # the test would prove nothing otherwise
    first = page_url("cas/liste.md", language)
    addresses = [first] + [f"{first}{part}/" for part in range(2, parts + 1)]
    reached = []
    for number, path in enumerate(addresses, start=1):
        # each part links to every part, itself marked as the current one
        assert links_of(site, path, ".case-index__parts a") == [BASE + a for a in addresses]
        (current,) = site.html(path).select(".case-index__parts a[aria-current=page]")
        assert current.get_text() == str(number)
        titles = [link.get_text() for link in site.html(path).select(".case-index a")]
        assert len(titles) == (INDEX_LINKS if number < parts else len(cases) - len(reached))
        reached += links_of(site, path, ".case-index a")
    assert reached == [BASE + page_url(f"cas/{case.id}.md", language) for case in cases]


def test_without_javascript_a_reader_pages_through_the_plain_list(browser, site_at_scale):
    site, data = site_at_scale.site, site_at_scale.data
    last = list(data.case_studies.values())[-1]
    with page_opener(browser, site.url) as open_page:
        page, recorded = open_page("en/cas/liste/", java_script_enabled=False)
        parts = page.get_by_role("navigation", name="Pages of the list of case studies")
        parts.get_by_role("link", name=str(case_index_parts(len(data.case_studies)))).click()
        settle(page)
        expect(page.get_by_role("heading", level=1)).to_contain_text("All case studies, by title")
        page.get_by_role("link", name=last.title["en"], exact=True).click()
        page.wait_for_url(f"**/en/cas/{last.id}/")
        assert recorded.errors == []
        page, _ = open_page("cas/liste/2/")
        assert axe_violations(page) == []


def test_a_partner_card_names_its_first_cases_and_its_page_all_of_them(site_at_scale):
    site, data = site_at_scale.site, site_at_scale.data
    busiest = max(data.partners.values(), key=lambda partner: len(partner.case_studies))
    others = len(busiest.case_studies) - CARD_CASES
    assert others > CARD_CASES, "the card must be unable to name them all"
    partner_page = BASE + f"en/partenaires/{busiest.id}/"
    card = next(
        card
        for card in site.html("en/partenaires/").select("[data-listing-items] > li")
        if card.h2.get_text() == busiest.name["en"]
    )
    links = [
        urlsplit(urljoin(site.url + "en/partenaires/", a["href"])) for a in card.select("dd a")
    ]
    named = [BASE + f"en/cas/{case.id}/" for case in busiest.case_studies[:CARD_CASES]]
    assert [link.path for link in links[:-1]] == named
    assert (links[-1].path, links[-1].fragment) == (partner_page, "case-studies")
    assert card.select("dd a")[-1].get_text() == f"and {others} more case studies"
    on_its_page = links_of(site, f"en/partenaires/{busiest.id}/", ".partner__cases a")
    assert on_its_page == [BASE + f"en/cas/{case.id}/" for case in busiest.case_studies]


def status_rows(site, language: str) -> list[tuple[str, str]]:
    table = site.html(page_url("traductions.md", language)).select("table.translation-status")
    return [(row.th.get_text(), row["data-state"]) for row in table[0].select("tbody tr")]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_status_page_shows_what_needs_work_first_and_the_file_every_one(
    site_at_scale, language
):
    site, project, data = site_at_scale.site, site_at_scale.project, site_at_scale.data
    every_one = translations(project, data)
    assert len(every_one) > 2 * STATUS_ROWS
    rows = status_rows(site, language)
    assert len(rows) == STATUS_ROWS
    # worst first: missing, never checked, outdated, then up to date
    ranks = [STATES.index(state) for _, state in rows]
    assert ranks == sorted(ranks, reverse=True)
    assert rows[-1][1] != "up-to-date"  # 1000 new case studies were never checked
    page = page_url("traductions.md", language)
    (link,) = site.html(page).select(f"a[href$='{STATUS_FILE}']")
    shown = link.find_parent("p").get_text()
    assert f"{STATUS_ROWS} {'sur' if language == 'fr' else 'of'} {len(every_one)}" in shown
    path = urlsplit(urljoin(site.url + page, link["href"])).path
    listed = list(csv.reader(io.StringIO((site.root / site.path_of(path)).read_text("utf-8-sig"))))
    by_key = {item.key: item for item in every_one}
    assert sorted(key for key, *_ in listed[1:]) == sorted(by_key)
    assert [key for key, *_ in listed[1 : STATUS_ROWS + 1]] == [key for key, _ in rows]
    assert all(fingerprint == by_key[key].fingerprint for key, _, _, fingerprint in listed[1:])
