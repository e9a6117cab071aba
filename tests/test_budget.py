"""Page budget: readers in training rooms are on slow connections. On a first visit (empty
cache) every page of both languages loads at most 150 KB compressed in at most 12 requests,
logs no console error and asks nothing of another host.

How a visit is measured (gzip as GitHub Pages sends it, everything until the network is idle,
what search fetches is left for the reader's first search: tests/test_search.py) is in
tools/budget.py, which also prints the figures per page.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from tools.budget import Load, first_load

MAX_BYTES = 150_000
MAX_REQUESTS = 12


def over_budget(load: Load, site_host: str) -> list[str]:
    return [
        *([f"{load.bytes / 1000:.0f} KB > 150 KB"] if load.bytes > MAX_BYTES else []),
        *([f"{len(load.requests)} requests > 12"] if len(load.requests) > MAX_REQUESTS else []),
        *(f"console: {error}" for error in load.errors),
        *(f"another host: {url}" for url in load.foreign(site_host)),
    ]


def test_the_budget_counts_every_script_the_page_loads(site, browser):
    load = first_load(browser, site.url + "en/")
    assert site.url + "assets/javascripts/search.js" in load.requests
    assert load.bytes > 10_000  # the HTML, Material's CSS and JS: bodies were measured


def test_every_page_of_either_language_stays_within_budget(site, browser):
    site_host = urlsplit(site.url).netloc
    over = {}
    for path in site.pages():
        if problems := over_budget(first_load(browser, site.url + path.as_posix()), site_host):
            over[path.as_posix()] = problems
    assert over == {}
