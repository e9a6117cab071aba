"""A case study's or partner's page says where it sits: a breadcrumb above its title (home, its
listing, itself), and under its text a link back to its listing and to the previous and next
records in the listing's order. Generated pages are outside the navigation, so without these a
reader who lands on one from search has no way on but the browser's back button.

The order is read from the listing pages themselves (the case index, the partner directory),
never written here."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from test_data_rendering import resolve, text_of

from macros.site.i18n import LANGUAGES, language_root

# kind: (its listing, the page listing every record in order, and the link to each record there)
LISTINGS = {
    "cas": ("cas/", "cas/liste/", "ul.case-index a"),
    "partenaires": ("partenaires/", "partenaires/", ".partner-card__name a"),
}


def listing_order(site, language: str, kind: str) -> list[str]:
    """The site paths of the kind's records, as its listing orders them."""
    _, ordered_on, selector = LISTINGS[kind]
    page = language_root(language) + ordered_on
    links = site.html(page).select(selector)
    assert links, page
    return [resolve(site, page, link["href"])[0] for link in links]


def title_of(site, page: str) -> str:
    """The page's heading, without its permalink sign."""
    return text_of(site.html(page).select_one("article h1")).removesuffix("¶")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", LISTINGS)
def test_each_record_page_has_a_breadcrumb_to_home_and_its_listing(site, language, kind):
    root = language_root(language)
    listing = root + LISTINGS[kind][0]
    for page in listing_order(site, language, kind):
        html = site.html(page)
        crumbs = html.select("article nav.record-breadcrumb li")
        assert len(crumbs) == 3, page
        home, parent, itself = crumbs
        assert resolve(site, page, home.a["href"])[0] == root
        assert resolve(site, page, parent.a["href"])[0] == listing
        assert text_of(parent) == title_of(site, listing)
        assert itself["aria-current"] == "page"
        assert text_of(itself) == title_of(site, page)
        assert html.select_one("nav.record-breadcrumb").has_attr("data-pagefind-ignore")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", LISTINGS)
def test_previous_and_next_follow_the_listing_and_a_link_leads_back(site, language, kind):
    listing = language_root(language) + LISTINGS[kind][0]
    order = listing_order(site, language, kind)
    assert len(order) > 2
    for index, page in enumerate(order):
        pager = site.html(page).select_one("article nav.record-pager")
        assert pager, page
        back = pager.select_one(".record-pager__back a")
        assert resolve(site, page, back["href"])[0] == listing
        for rel, neighbour in (("prev", index - 1), ("next", index + 1)):
            link = pager.select_one(f'a[rel="{rel}"]')
            if 0 <= neighbour < len(order):
                assert link, f"{page}: no {rel}"
                assert resolve(site, page, link["href"])[0] == order[neighbour]
                title = title_of(site, order[neighbour])
                assert title in text_of(link)
            else:
                assert link is None, f"{page}: {rel} beyond the listing"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_partner_card_shows_an_empty_label(site, language):
    cards = site.html(language_root(language) + "partenaires/").select(".partner-card")
    assert cards
    for card in cards:
        for value in card.select("dd"):
            assert text_of(value), (
                f"{text_of(card.h2)}: {text_of(value.find_previous('dt'))} is empty"
            )


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_reader_goes_from_a_case_page_back_to_the_listing(site, visit, data, language):
    ui = data.ui(language)
    listing = language_root(language) + "cas/"
    path = listing_order(site, language, "cas")[0]
    page, record = visit(path)
    breadcrumb = page.get_by_role("navigation", name=ui["breadcrumb"])
    expect(breadcrumb.get_by_role("link")).to_have_text([ui["home"], ui["case-studies.dataset"]])
    expect(breadcrumb).to_be_visible()
    back = page.get_by_role("link", name=ui["case-studies.back"])
    back.scroll_into_view_if_needed()
    expect(back).to_be_visible()
    back.click()
    page.wait_for_url(site.url + listing)
    assert record.errors == []
