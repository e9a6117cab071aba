"""Two languages, first class: French at /, English at /en/, on every page."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin
from xml.etree import ElementTree

import pytest
import yaml
from conftest import ROOT, built_language

from macros.model.records import Text
from macros.site.i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    TRANSLATIONS,
    language_root,
    other_languages,
)

OTHER = {"fr": "en", "en": "fr"}
XML = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def counterpart(page: Path, language: str) -> Path:
    """The same page in the other language: guide/x/index.html <-> en/guide/x/index.html."""
    if language == "fr":
        return Path("en") / page
    return page.relative_to("en")


def page_url(site, page: Path) -> str:
    return urljoin(site.url, page.as_posix().removesuffix("index.html"))


def test_the_languages_are_those_mkdocs_static_i18n_builds():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8").replace("!ENV", ""))
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    assert tuple(language["locale"] for language in i18n["languages"]) == LANGUAGES
    assert [lang["locale"] for lang in i18n["languages"] if lang.get("default")] == [
        DEFAULT_LANGUAGE
    ]


def language_keyed(node) -> Iterator[dict]:
    """Every object of a schema whose properties are texts keyed by language."""
    if isinstance(node, list):
        for item in node:
            yield from language_keyed(item)
    elif isinstance(node, dict):
        if DEFAULT_LANGUAGE in node.get("properties", {}):
            yield node
        for value in node.values():
            yield from language_keyed(value)


def language_codes(keys) -> tuple[str, ...]:
    return tuple(key for key in keys if re.fullmatch("[a-z]{2}", key))


def test_the_schemas_texts_are_keyed_by_exactly_the_declared_languages():
    """The editors read the schema files, so they list the languages themselves: the same."""
    found = 0
    for path in sorted((ROOT / "data" / "schemas").glob("*.schema.json")):
        for node in language_keyed(json.loads(path.read_text("utf-8"))):
            found += 1
            assert language_codes(node["properties"]) == LANGUAGES, path.name
            if DEFAULT_LANGUAGE in node.get("required", ()):
                assert language_codes(node["required"]) == LANGUAGES, path.name
    assert found >= 6  # a line and a text (common), a term, a message, forms used and avoided


def test_a_text_holds_one_string_per_declared_language():
    text = Text({language: f"<{language}>" for language in reversed(LANGUAGES)})
    assert list(text) == list(LANGUAGES)  # in the declared order, whatever the data's
    assert [text[language] for language in LANGUAGES] == [f"<{code}>" for code in LANGUAGES]
    assert text == Text(dict(text))
    assert hash(text) == hash(Text(dict(text)))
    with pytest.raises(KeyError, match="xx"):
        text["xx"]
    with pytest.raises(KeyError):
        Text({DEFAULT_LANGUAGE: "seulement en français"})


def test_other_languages_are_every_declared_one_but_this_one():
    for language in LANGUAGES:
        others = other_languages(language)
        assert language not in others
        assert set(others) | {language} == set(LANGUAGES)
    assert other_languages(DEFAULT_LANGUAGE) == TRANSLATIONS


def test_every_page_exists_in_both_languages(site):
    french = {p for p in site.pages("fr")}
    english = {counterpart(p, "en") for p in site.pages("en")}
    assert french == english
    nav_pages = len(
        re.findall(r"\.md\b", (ROOT / "mkdocs.yml").read_text("utf-8").split("\nnav:")[1])
    )
    assert len(french) >= nav_pages


@pytest.mark.parametrize("language", LANGUAGES)
def test_html_lang_matches_the_page_language(site, language):
    for page in site.pages(language):
        assert site.html(page).html["lang"] == language, page


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_switcher_leads_to_the_same_page(site, language):
    other = OTHER[language]
    for page in site.pages(language):
        links = site.html(page).select(f"a.md-select__link[hreflang={other}]")
        assert len(links) == 1, f"{page}: no switcher link to {other}"
        target = urljoin(page_url(site, page), links[0]["href"])
        assert target == page_url(site, counterpart(page, language)), page


@pytest.mark.parametrize("language", LANGUAGES)
def test_hreflang_alternates_are_absolute_and_point_at_both_versions(site, language):
    for page in site.pages(language):
        alternates = {
            link["hreflang"]: link["href"]
            for link in site.html(page).select("head link[rel=alternate][hreflang]")
        }
        versions = {language: page, OTHER[language]: counterpart(page, language)}
        assert alternates == {
            language: page_url(site, page),
            OTHER[language]: page_url(site, counterpart(page, language)),
            "x-default": page_url(site, versions[DEFAULT_LANGUAGE]),  # the French original
        }, page


def test_sitemap_lists_every_page_with_its_alternates(site):
    sitemap = ElementTree.parse(site.root / "sitemap.xml")
    entries = {
        url.findtext("sm:loc", namespaces=XML): {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", XML)
        }
        for url in sitemap.iterfind("sm:url", XML)
    }
    for page in site.pages():
        if page.name == "404.html":
            continue
        language = built_language(page)
        assert entries[page_url(site, page)] == {
            language: page_url(site, page),
            OTHER[language]: page_url(site, counterpart(page, language)),
        }, page


@pytest.mark.parametrize(
    ("language", "placeholder", "back_to_top"),
    [("fr", "Rechercher", "Retour en haut de la page"), ("en", "Search", "Back to top")],
)
def test_theme_strings_are_in_the_page_language(site, language, placeholder, back_to_top):
    for page in site.pages(language):
        html = site.html(page)
        assert html.select_one("input.md-search__input")["placeholder"] == placeholder, page
        assert html.select_one("button.md-top").get_text(strip=True) == back_to_top, page


def test_one_404_page_carries_both_languages(site):
    html = site.html("404.html")
    assert html.html["lang"] == "fr"
    sections = {s["lang"]: s.get_text(" ", strip=True) for s in html.select("[data-not-found]")}
    assert "Page introuvable" in sections["fr"]
    assert "Page not found" in sections["en"]
    assert not (site.root / "en" / "404.html").exists()


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [("guide/nowhere/", "fr", "Page introuvable"), ("en/guide/nowhere/", "en", "Page not found")],
)
def test_404_page_speaks_the_language_of_the_missing_address(visit, path, language, heading):
    page, _ = visit(path)
    assert page.evaluate("document.documentElement.lang") == language
    assert page.get_by_role("heading", level=1).inner_text() == heading


# What the words around the content say, read in the browser: (what, selector, attribute or text)
CHROME = [
    ("search box", "input.md-search__input", "placeholder"),
    ("search box's name", "input.md-search__input", "aria-label"),
    ("search dialog", "[data-search]", "aria-label"),
    ("search hint", "[data-search-meta]", None),
    ("language switch", ".md-header__option a:visible", None),
    ("back to top", "button.md-top", None),
    ("licence", ".md-copyright__highlight", None),
]


def chrome_words(page) -> dict[str, str]:
    def read(selector: str, attribute: str | None) -> str:
        element = page.locator(selector).first
        text = element.get_attribute(attribute) if attribute else element.text_content()
        return " ".join((text or "").split())

    return {what: read(selector, attribute) for what, selector, attribute in CHROME}


def other_errors(record) -> list[str]:
    """The console's errors but the one the missing page's own status gives."""
    errors = list(record.errors)
    own = "the server responded with a status of 404 (Not Found)"
    assert errors.count(next((e for e in errors if own in e), None)) <= 1
    return [error for error in errors if own not in error]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_404_page_is_in_the_readers_language_around_its_content_too(site, visit, language):
    """The one 404 page is built in French: for an English address, its header, search,
    menu and footer speak English, word for word as the English home page does."""
    root = language_root(language)
    home, _ = visit(root)
    expected = chrome_words(home)
    missing, record = visit(root + "guide/nowhere/")
    assert chrome_words(missing) == expected
    # no menu of the other language's pages
    other = next(each for each in LANGUAGES if each != language)
    other_menu = {
        " ".join(link.get_text().split())
        for link in site.html(language_root(other)).select(".md-sidebar--primary .md-nav__link")
    }
    visible = missing.locator(".md-sidebar--primary .md-nav__link:visible").all_text_contents()
    shown = {" ".join(text.split()) for text in visible}
    assert not (shown & other_menu) - {"Mutualiser"}, shown & other_menu
    assert other_errors(record) == []


def test_search_on_the_english_404_page_finds_english_pages(site, visit):
    from test_search import search

    page, record = visit("en/guide/nowhere/")
    results = search(page, "pooling")  # waits for the count in English (__config's words)
    assert results
    assert all(url.startswith(site.url + "en/") for url in results)
    assert other_errors(record) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_page_names_its_own_address_as_canonical(site, language):
    for page in site.pages(language):
        assert site.html(page).select_one("link[rel=canonical]")["href"] == page_url(site, page)
