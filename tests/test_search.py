"""Search per language: each language has its own index and stemmer, and finds only its pages."""

from __future__ import annotations

import json

import pytest


@pytest.mark.parametrize(("prefix", "language"), [("", "fr"), ("en/", "en")])
def test_each_language_has_its_own_index(site, prefix, language):
    index = json.loads((site.root / prefix / "search/search_index.json").read_text("utf-8"))
    assert index["config"]["lang"] == [language]
    assert index["docs"], "empty index"
    # locations are relative to the language root; none points into another language
    assert not any(doc["location"].startswith(("en/", "fr/")) for doc in index["docs"])


def search(page, query: str) -> list[str]:
    """Type a query in Material's search box and return the result links (absolute URLs)."""
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)
    # The result count replaces the placeholder once the worker has answered.
    page.wait_for_function(
        """() => {
            const config = JSON.parse(document.getElementById("__config").textContent)
            const meta = document.querySelector(".md-search-result__meta")
            return meta && meta.textContent !== config.translations["search.result.placeholder"]
        }"""
    )
    return page.locator("a.md-search-result__link").evaluate_all(
        "links => links.map(link => link.href)"
    )


@pytest.mark.parametrize(
    ("path", "query"),
    [("", "mutualisation"), ("en/", "pooling")],
    ids=["french", "english"],
)
def test_a_query_returns_pages_of_the_reader_language_only(site, visit, path, query):
    page, record = visit(path)
    results = search(page, query)
    assert results, f"no result for {query!r} on /{path}"
    english = [url for url in results if url.startswith(site.url + "en/")]
    if path == "en/":
        assert english == results
    else:
        assert english == []
    assert record.errors == []


def test_a_french_word_on_an_english_page_finds_no_french_page(site, visit):
    page, _ = visit("en/")
    results = search(page, "mutualisation")
    assert all(url.startswith(site.url + "en/") for url in results)


def test_both_indexes_hold_every_page_and_section_once(site):
    """Pages and anchors are the same in both languages, so are the indexes' locations."""
    locations = {}
    for prefix in ("", "en/"):
        index = json.loads((site.root / prefix / "search/search_index.json").read_text("utf-8"))
        found = [doc["location"] for doc in index["docs"]]
        assert len(found) == len(set(found)), f"duplicates in /{prefix}search/"
        locations[prefix] = set(found)
    assert locations[""] == locations["en/"]
