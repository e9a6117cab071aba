"""Page budget: readers in training rooms are on slow connections. On a first visit (empty
cache) every page of both languages loads at most 150 KB compressed in at most 12 requests,
logs no console error and asks nothing of another host.

"Compressed" is what GitHub Pages sends: text (HTML, CSS, JS, JSON, SVG, XML) gzipped, images
as they are. Everything the page requests until the network is idle counts, including the
search index its search worker fetches.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from urllib.parse import urlsplit

MAX_BYTES = 150_000
MAX_REQUESTS = 12
TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg", "xml")


def compressed_size(body: bytes, content_type: str) -> int:
    textual = any(kind in content_type for kind in TEXT_TYPES)
    return len(gzip.compress(body, compresslevel=6)) if textual else len(body)


@dataclass
class Load:
    """What one first visit of a page cost."""

    requests: list[str] = field(default_factory=list)
    bytes: int = 0
    errors: list[str] = field(default_factory=list)

    def over_budget(self, site_host: str) -> list[str]:
        foreign = [url for url in self.requests if urlsplit(url).netloc != site_host]
        return [
            *([f"{self.bytes / 1000:.0f} KB > 150 KB"] if self.bytes > MAX_BYTES else []),
            *([f"{len(self.requests)} requests > 12"] if len(self.requests) > MAX_REQUESTS else []),
            *(f"console: {error}" for error in self.errors),
            *(f"another host: {url}" for url in foreign),
        ]


def first_load(browser, url: str) -> Load:
    context = browser.new_context()  # empty cache
    page = context.new_page()
    load, responses = Load(), []
    page.on("request", lambda request: load.requests.append(request.url))
    page.on("response", lambda response: responses.append(response))
    page.on("console", lambda message: message.type == "error" and load.errors.append(message.text))
    page.on("pageerror", lambda error: load.errors.append(str(error)))
    page.goto(url, wait_until="networkidle")
    for response in responses:
        load.bytes += compressed_size(response.body(), response.headers.get("content-type", ""))
    context.close()
    return load


def test_the_budget_counts_the_search_index_fetched_by_the_worker(site, browser):
    load = first_load(browser, site.url + "en/")
    assert site.url + "en/search/search_index.json" in load.requests
    assert load.bytes > 10_000  # the HTML, Material's CSS and JS: bodies were measured


def test_every_page_of_either_language_stays_within_budget(site, browser):
    site_host = urlsplit(site.url).netloc
    over = {}
    for path in site.pages():
        if problems := first_load(browser, site.url + path.as_posix()).over_budget(site_host):
            over[path.as_posix()] = problems
    assert over == {}
