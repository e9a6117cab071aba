"""Search, in Material's header box, answered by Pagefind (macros/build/search_index.py,
overrides/assets/javascripts/search.js): one index per language, nothing fetched before the
reader starts a search, accents and case ignored, glossary terms found as themselves."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect


def test_each_language_has_its_own_index_and_materials_is_gone(site):
    entry = json.loads((site.root / "pagefind/pagefind-entry.json").read_text("utf-8"))
    pages = {language: meta["page_count"] for language, meta in entry["languages"].items()}
    assert set(pages) == {"fr", "en"}
    assert pages["fr"] > 20
    assert pages["en"] > 20
    # Material's index would be fetched by nobody: it is not published
    assert not list(site.root.rglob("search_index.json"))


def test_only_the_article_is_indexed(site):
    """The header, navigation and footer would make every page match every menu word."""
    for path in ("index.html", "en/cas/index.html", "glossaire/index.html"):
        html = site.html(path)
        body = html.select("[data-pagefind-body]")
        assert len(body) == 1, path
        assert body[0].find_parent("article"), path
    # each glossary term is a record of its own; the list on the glossary page is left out
    assert site.html("glossaire/").select_one("dl.glossary[data-pagefind-ignore]")


def search(page, query: str, delay: float = 0) -> list[str]:
    """Type a query in the header's search box and return the result links (absolute URLs)
    once the count of results for this query is shown."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    page.keyboard.type(query, delay=delay)
    page.wait_for_function(
        """() => {
            const texts = JSON.parse(document.getElementById("__config").textContent).translations
            const meta = document.querySelector(".md-search-result__meta").textContent.trim()
            const count = new RegExp("^" + texts["search.result.other"].replace("#", "\\\\d+") + "$")
            return [texts["search.result.none"], texts["search.result.one"]].includes(meta)
              || count.test(meta)
        }"""
    )
    return page.locator("a.md-search-result__link").evaluate_all(
        "links => links.map(link => link.href)"
    )


def search_requests(requests: list[str]) -> list[str]:
    return [url for url in requests if "/pagefind/" in url]


@pytest.mark.parametrize("path", ["", "en/cas/", "guide/champs/"])
def test_nothing_of_search_is_requested_before_the_reader_searches(site, visit, path):
    page, record = visit(path)
    page.mouse.wheel(0, 2000)  # reading, scrolling: still nothing
    page.wait_for_timeout(300)
    assert search_requests(record.requests) == []
    assert search(page, "pilote" if not path.startswith("en/") else "pilot")
    fetched = search_requests(record.requests)
    # then Pagefind, its index of the page's language only, and a few chunks of it
    assert any(url.endswith("/pagefind/pagefind.js") for url in fetched)
    other = "fr" if path.startswith("en/") else "en"
    assert not [url for url in fetched if f"pagefind.{other}_" in url or f"wasm.{other}." in url]
    assert record.errors == []


@pytest.mark.parametrize(
    ("path", "query"),
    [("", "mutualisation"), ("en/", "pooling")],
    ids=["french", "english"],
)
def test_a_query_returns_pages_of_the_reader_language_only(site, visit, path, query):
    page, record = visit(path)
    results = search(page, query)
    assert len(results) >= 3, f"too few results for {query!r} on /{path}"
    english = [url for url in results if url.startswith(site.url + "en/")]
    assert english == (results if path == "en/" else [])
    assert record.errors == []


def test_a_word_of_both_languages_finds_only_the_readers_pages(site, visit):
    """ "glossaire"/"glossary" aside, the project's name is written the same in both
    languages: found on both sides, each reader gets their own language's pages."""
    found = {}
    for path in ("", "en/"):
        page, _ = visit(path)
        found[path] = search(page, "Mutualiser")
    assert found[""]
    assert found["en/"]
    assert all(url.startswith(site.url + "en/") for url in found["en/"])
    assert not any(url.startswith(site.url + "en/") for url in found[""])


@pytest.mark.parametrize(
    ("path", "written", "typed"),
    [
        ("", "réseau", "reseau"),
        ("", "réseau", "RÉSEAU"),
        ("", "intercommunalité", "Intercommunalite"),
        ("en/", "pooling", "POOLING"),
    ],
)
def test_accents_and_case_are_ignored(visit, path, written, typed):
    page, _ = visit(path)
    expected = search(page, written)
    assert expected, f"{written!r} finds nothing: the test would prove nothing"
    assert search(page, typed) == expected


def test_french_is_stemmed(visit):
    """A plural finds the pages written with the singular, and the other way round."""
    page, _ = visit("")
    singular = set(search(page, "bibliothèque"))
    plural = set(search(page, "bibliothèques"))
    assert singular
    assert singular == plural


@pytest.mark.parametrize(
    ("path", "query", "term"),
    [("", "usager", "usager"), ("en/", "SIVU", "sivu")],
)
def test_a_glossary_hit_lands_on_its_term(site, visit, path, query, term):
    page, _ = visit(path)
    results = search(page, query)
    target = f"{site.url}{path}glossaire/#{term}"
    assert target in results
    page.locator(f'a.md-search-result__link[href$="glossaire/#{term}"]').first.click()
    page.wait_for_url(target)
    page.wait_for_function(
        """id => {
            const box = document.getElementById(id).getBoundingClientRect()
            return box.top >= 0 && box.bottom <= innerHeight
        }""",
        arg=term,
    )
    # the term is further down than one screen: it was scrolled to, not found at the top
    assert page.evaluate("scrollY") > 0


def test_a_section_hit_lands_on_its_heading(site, visit):
    """Words of one section's heading link to that section, not only to the page's top."""
    page, _ = visit("")
    assert site.html("guide/projet-pilote/").select_one("h2#pitfalls")
    results = search(page, "pilote pièges")
    assert f"{site.url}guide/projet-pilote/#pitfalls" in results


def test_matched_words_are_highlighted(visit):
    page, _ = visit("")
    search(page, "reseau")
    marks = page.locator(".md-search-result mark").all_inner_texts()
    assert marks
    assert all("rése" in mark.lower() for mark in marks)


def test_only_the_last_query_typed_is_answered(visit):
    """Typing fast, each key supersedes the query before: what shows is the last one's."""
    page, _ = visit("")
    alone = search(page, "partenaires")
    page.locator("input.md-search__input").fill("")
    typed = search(page, "partenaires", delay=20)
    assert typed == alone
    assert page.locator("input.md-search__input").input_value() == "partenaires"


@pytest.mark.parametrize(("path", "query"), [("", "reseau"), ("en/", "network")])
def test_open_results_have_no_axe_violation(visit, path, query):
    from every_page import axe_violations

    page, _ = visit(path)
    assert search(page, query)
    page.keyboard.press("ArrowDown")  # a result has the focus, as a keyboard reader leaves it
    violations = axe_violations(page)
    assert violations == [], "\n".join(violations)


def test_case_texts_are_indexed_once_on_their_own_page(site):
    """A case's summary and reasons are indexed on its own page only: the listing's cards, the
    step pages' cards and inline citations are left out (the Sources page holds each reference)."""
    for prefix in ("", "en/"):
        assert site.html(f"{prefix}cas/").select_one("ul.case-list[data-pagefind-ignore]")
        step = site.html(f"{prefix}guide/champs/")
        assert step.select_one("ul.case-cards[data-pagefind-ignore]")
        citations = site.html(f"{prefix}guide/champs/").select("a.citation")
        assert citations
        assert all(citation.has_attr("data-pagefind-ignore") for citation in citations)


@pytest.mark.parametrize(("path", "query"), [("", "mutualisation"), ("en/", "pooling")])
def test_search_still_answers_when_its_worker_cannot_start(site, visit, path, query):
    """Pagefind answers from the page itself when pagefind-worker.js cannot load (a proxy, an
    extension, a browser that refuses workers): its WebAssembly must then compile in the page,
    which the policy allows with 'wasm-unsafe-eval' (macros/build/content_security_policy.py)."""
    page, record = visit(path)
    page.route("**/pagefind-worker.js", lambda route: route.abort())
    violations = []
    page.on("console", lambda m: "Content Security Policy" in m.text and violations.append(m.text))
    results = search(page, query)
    assert any(url.endswith("/pagefind-worker.js") for url in record.requests), "not refused"
    assert len(results) >= 3, f"too few results for {query!r} without the worker"
    english = [url for url in results if url.startswith(site.url + "en/")]
    assert english == (results if path == "en/" else [])
    assert violations == []


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("", "problème"),
        ("", "modifier cette page"),
        ("en/", "edit this page"),
        ("en/", "report a problem"),
    ],
)
def test_the_page_actions_are_not_searched(site, visit, path, query):
    """Every page has "Edit this page" and "Report a problem": indexed, they made every page
    match. The home page has them and says nothing of either: it must not be found."""
    for actions in site.html(path).select("[data-pagefind-body] .contribute-links"):
        assert actions.has_attr("data-pagefind-ignore")
    page, _ = visit(path)
    found = {url.split("#")[0] for url in search(page, query)}
    assert site.url + path not in found
    # the few pages that speak of editing or reporting, not every page of the language
    assert len(found) < len(site.pages("en" if path else "fr")) / 4, found


@pytest.mark.parametrize(("path", "query"), [("", "mutualisation"), ("en/", "pooling")])
def test_result_titles_do_not_end_in_the_permalink_sign(site, visit, path, query):
    assert site.html(f"{path}guide/champs/").select("[data-pagefind-body] a.headerlink")
    page, _ = visit(path)
    assert search(page, query)
    titles = page.locator(".md-search-result__article > :is(h1, h2)").all_inner_texts()
    assert titles
    assert not [title for title in titles if "¶" in title]
    excerpts = " ".join(page.locator(".md-search-result__teaser").all_inner_texts())
    assert "Lien permanent" not in excerpts
    assert "Permanent link" not in excerpts


def suggestion(page):
    return page.locator("[data-search-suggestion] button")


@pytest.mark.parametrize(
    ("path", "typed", "meant"),
    [
        ("", "mutualsation", "mutualisation"),
        ("", "biblioteque", "bibliothèque"),
        ("en/", "libarry", "library"),
    ],
)
def test_a_misspelt_query_gets_the_closest_word_of_the_site(site, visit, path, typed, meant):
    """A query's words are compared with the site's titles, headings and glossary terms,
    without accents or case; the closest is offered when it finds more, one click away."""
    page, record = visit(path)
    found = search(page, typed)
    expect(suggestion(page)).to_have_text(meant)
    suggestion(page).click()  # the suggestion becomes the query
    expect(page.locator("input.md-search__input")).to_have_value(meant)
    page.wait_for_function(  # what the suggestion finds: more than the misspelt query
        "found => document.querySelectorAll('a.md-search-result__link').length > found",
        arg=len(found),
    )
    expect(suggestion(page)).to_have_count(0)
    assert record.errors == []


@pytest.mark.parametrize(("path", "query"), [("", "mutualisation"), ("en/", "pooling")])
def test_a_query_that_finds_enough_gets_no_suggestion(visit, path, query):
    page, _ = visit(path)
    assert len(search(page, query)) > 2
    expect(suggestion(page)).to_have_count(0)


def test_the_suggestion_is_reached_with_the_keyboard(visit):
    page, _ = visit("")
    assert search(page, "mutualsation") is not None
    expect(suggestion(page)).to_have_text("mutualisation")
    page.keyboard.press("ArrowDown")
    expect(suggestion(page)).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("input.md-search__input")).to_have_value("mutualisation")
