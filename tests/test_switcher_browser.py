"""In a real browser, the language switch keeps the reader's place: the #section a trainer linked
to and the filters a reader chose (in the query string) follow to the other language."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tools.chromium import settle

LANGUAGE_NAMES = {"fr": "Français", "en": "English"}


def switch_to(page, language: str) -> None:
    page.locator(".md-header__option").get_by_role("link", name=LANGUAGE_NAMES[language]).click()
    settle(page)


def in_view(page, anchor: str) -> bool:
    """The heading with this id is at the top of the window, where a link to it scrolls."""
    return page.evaluate(
        """id => { const top = document.getElementById(id).getBoundingClientRect().top
                   return top >= 0 && top < window.innerHeight / 2 }""",
        anchor,
    )


@pytest.mark.parametrize(
    ("start", "language", "arrival"),
    [
        ("guide/champs/", "en", "en/guide/champs/"),
        ("en/guide/champs/", "fr", "guide/champs/"),
    ],
)
def test_the_switch_keeps_the_section(site, visit, start, language, arrival):
    page, record = visit(start + "#what-to-do")
    switch_to(page, language)
    assert page.url == site.url + arrival + "#what-to-do"
    assert page.locator("html").get_attribute("lang") == language
    assert in_view(page, "what-to-do")
    assert record.errors == []


@pytest.mark.parametrize(
    ("start", "language", "arrival"),
    [("cas/", "en", "en/cas/"), ("en/cas/", "fr", "cas/")],
)
def test_the_switch_keeps_the_listing_filters(site, visit, data, start, language, arrival):
    status = next(iter(data.vocabularies.status))
    matching = sum(case.status.id == status for case in data.case_studies.values())
    page, record = visit(start)
    page.locator("select[name=status]").select_option(status)  # the script writes it in the URL
    expect(page).to_have_url(f"{site.url}{start}?status={status}")
    switch_to(page, language)
    assert page.url == f"{site.url}{arrival}?status={status}"
    expect(page.locator("select[name=status]")).to_have_value(status)
    expect(page.locator("[data-listing-items] > li:visible")).to_have_count(matching)
    assert record.errors == []


@pytest.mark.parametrize(
    ("start", "language"), [("guide/champs/", "en"), ("en/guide/champs/", "fr")]
)
def test_the_switch_names_the_other_language_in_words(site, visit, start, language):
    """Not an icon with a menu: the other language's name, in that language, in the header."""
    page, _ = visit(start)
    switch = page.locator(".md-header__option").get_by_role("link", name=LANGUAGE_NAMES[language])
    expect(switch).to_be_visible()
    expect(switch).to_have_text(LANGUAGE_NAMES[language], use_inner_text=True)
    expect(switch).to_have_attribute("lang", language)
    expect(page.locator(".md-header__option a:visible")).to_have_count(1)  # not its own language


@pytest.mark.parametrize(
    ("start", "language"), [("guide/champs/", "en"), ("en/guide/champs/", "fr")]
)
def test_on_a_phone_the_switch_shows_the_code_and_keeps_the_name(site, visit, start, language):
    page, _ = visit(start, viewport={"width": 390, "height": 844}, is_mobile=True)
    switch = page.locator(".md-header__option").get_by_role("link", name=LANGUAGE_NAMES[language])
    expect(switch).to_be_visible()
    expect(switch.locator(".language-switch__code")).to_be_visible()
    expect(switch.locator(".language-switch__code")).to_have_text(language.upper())
    assert switch.locator(".language-switch__name").bounding_box()["width"] <= 1  # for readers
    box = switch.bounding_box()
    assert box["x"] + box["width"] <= 390


@pytest.mark.parametrize(
    ("missing", "language", "home"), [("nowhere/", "en", "en/"), ("en/nowhere/", "fr", "")]
)
def test_the_404_page_switch_names_the_other_language_of_the_reader(
    site, visit, missing, language, home
):
    page, _ = visit(missing)
    switch = page.locator(".md-header__option a:visible")
    expect(switch).to_have_count(1)
    expect(switch).to_have_text(LANGUAGE_NAMES[language], use_inner_text=True)
    switch.click()
    page.wait_for_url(site.url + home)
