"""Search per language: each language has its own index and stemmer, and finds only its pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml


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


@pytest.mark.parametrize(("prefix", "language"), [("", "fr"), ("en/", "en")])
def test_case_texts_are_indexed_once_on_their_own_page(site, prefix, language):
    """Every visit downloads the index: a case's summary and its reasons for a step are indexed on
    the case page only, not again in the listing cards or on the step pages, and the full
    references only on the Sources page, not as inline citations."""
    index = json.loads((site.root / prefix / "search/search_index.json").read_text("utf-8"))
    # French typography turns some spaces into no-break spaces: compare words only
    texts = {doc["location"]: " ".join(doc["text"].split()) for doc in index["docs"]}
    data = Path(__file__).resolve().parent.parent / "data"
    sources = yaml.safe_load((data / "sources.yml").read_text("utf-8"))
    case = yaml.safe_load((data / "case-studies" / "couperin.yml").read_text("utf-8"))
    why = " ".join(case["steps"][0]["why"][language].split()[:8])

    def on(where: str) -> list[str]:
        return [loc for loc, text in texts.items() if why in text and loc.startswith(where)]

    assert on("cas/couperin/"), "the reason is searchable on the case page"
    assert not on("guide/"), "the step page repeats the reason outside the index"
    summary = " ".join(case["summary"][language].split()[:8])
    holders = [loc for loc, text in texts.items() if summary in text]
    assert holders, "the summary is searchable"
    assert all(loc.startswith("cas/couperin/") for loc in holders), holders
    reference = next(s["title"] for s in sources["sources"] if s["id"] == "klee-2006")
    title = " ".join(reference.split()[2:6])
    holders = [loc for loc, text in texts.items() if title in text]
    assert holders, "the reference is searchable"
    assert all(loc.startswith("sources/") for loc in holders), holders
    assert not any("(Klee, 2006)" in text for text in texts.values()), "citations stay out"
