"""What a first visit of each page costs: bytes as GitHub Pages sends them, and requests.

    python tools/budget.py site     # one line per page of a built site, heaviest first

tests/test_budget.py holds the limits and measures every page (`FirstVisits`). "Compressed"
means what Pages sends: text (HTML, CSS, JS, JSON, SVG, XML) gzipped, images as they are.
Everything the page requests until the network is idle counts (search fetches nothing until
the reader searches). Each visit starts from an empty cache.
"""

from __future__ import annotations

import argparse
import gzip
import mimetypes
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from tools.chromium import settle

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

    def foreign(self, site_host: str) -> list[str]:
        """The requests that went to another host than the site's."""
        return [url for url in self.requests if urlsplit(url).netloc != site_host]


def record(page) -> Load:
    """Start recording what a browser page requests and every error it reports (the tests'
    `visit` fixture and `measuring` both record this way)."""
    return _recording(page)[0]


def _recording(page) -> tuple[Load, Callable[[], None]]:
    """What `record` records, with the function that stops recording."""
    load = Load()
    return load, _listen(
        page,
        request=lambda request: load.requests.append(request.url),
        console=lambda message: message.type == "error" and load.errors.append(message.text),
        pageerror=lambda error: load.errors.append(str(error)),
    )


def _listen(page, **handlers: Callable) -> Callable[[], None]:
    """Each handler on the page's event of its name; returns what removes them."""
    for event, handler in handlers.items():
        page.on(event, handler)
    return lambda: [page.remove_listener(event, handler) for event, handler in handlers.items()]


def measuring(page, sizes: dict[str, int] | None = None) -> Callable[[], Load]:
    """Start measuring what `page` loads (a `FirstVisits` tab: an empty cache); call the result
    once the network is idle for the total, and the page is no longer listened to. `sizes`: the
    compressed size of each address already measured, for a walk through many pages of one site,
    which load the same scripts and styles (compressing them again for each page took most of
    the walk's time)."""
    sizes = {} if sizes is None else sizes
    (load, stop_recording), responses = _recording(page), []
    stop_measuring = _listen(
        page,
        response=lambda response: responses.append(response),
        # A request that failed weighed nothing: an error, not a lighter page.
        requestfailed=lambda request: load.errors.append(f"failed: {request.url}"),
    )

    def total() -> Load:
        stop_recording()
        stop_measuring()
        for response in responses:
            if response.url not in sizes:
                kind = response.headers.get("content-type", "")
                sizes[response.url] = compressed_size(response.body(), kind)
            load.bytes += sizes[response.url]
        return load

    return total


def first_load(browser, url: str, sizes: dict[str, int] | None = None) -> Load:
    """What a first visit of `url` alone loads (`FirstVisits`, for one page)."""
    tab = FirstVisits(browser, url)
    load = tab.load(url, {} if sizes is None else sizes)
    tab.close()
    return load


DESKTOP = {"width": 1280, "height": 720}  # Playwright's default window


class FirstVisits:
    """One tab in which every visit is a first visit of the site at `site_url`: the HTTP cache
    off, the site's storage and cookies cleared before each page. (A fresh context per page
    started a new renderer each time: a third of a walk through many pages, for the same bytes
    and the same requests.) `init_script` runs in every page before its own."""

    def __init__(self, browser, site_url: str, init_script: str | None = None) -> None:
        self.context = browser.new_context()
        self.page = self.context.new_page()
        if init_script:
            self.page.add_init_script(init_script)
        self._devtools = self.context.new_cdp_session(self.page)
        self._devtools.send("Network.enable")
        self._devtools.send("Network.setCacheDisabled", {"cacheDisabled": True})
        self._origin = "{0.scheme}://{0.netloc}".format(urlsplit(site_url))

    def open(self, url: str, sizes: dict[str, int]) -> Callable[[], Load]:
        """Open `url` at desktop size, as a first visit; the result gives what it loaded once
        called (`measuring`)."""
        self._devtools.send(
            "Storage.clearDataForOrigin", {"origin": self._origin, "storageTypes": "all"}
        )
        self.page.set_viewport_size(DESKTOP)
        total = measuring(self.page, sizes)
        self.page.goto(url, wait_until="load")
        return total

    def load(self, url: str, sizes: dict[str, int]) -> Load:
        """What a first visit of `url` loads until the network is idle."""
        total = self.open(url, sizes)
        settle(self.page)
        return total()

    def close(self) -> None:
        self.context.close()


def growth(load: Load, site_url: str, larger: Path, smaller: Path) -> int:
    """How much more the files of `load` (a visit of a page of the site at `site_url`) weigh,
    compressed, in the build `larger` than in the build `smaller` of the same site: what the page
    gained between them. Read on disk, so that a visit missing a file cannot pass for growth."""

    def weight(root: Path, address: str) -> int:
        path = urlsplit(address).path.removeprefix(urlsplit(site_url).path)
        file = root / (path + "index.html" if path.endswith("/") or not path else path)
        kind = mimetypes.guess_type(file.name)[0] or ""
        return compressed_size(file.read_bytes(), kind) if file.is_file() else 0

    own = urlsplit(site_url).netloc
    addresses = {address for address in load.requests if urlsplit(address).netloc == own}
    return sum(weight(larger, each) - weight(smaller, each) for each in addresses)


def main(argv: list[str] | None = None) -> int:
    from playwright.sync_api import sync_playwright

    from tools.chromium import launch
    from tools.serve_like_pages import serving

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site folder")
    args = parser.parse_args(argv)
    pages = sorted(p.relative_to(args.site).as_posix() for p in args.site.rglob("*.html"))
    rows = []
    with sync_playwright() as playwright, serving(args.site) as url:
        browser = launch(playwright)
        sizes: dict[str, int] = {}
        tab = FirstVisits(browser, url)
        for page in pages:
            load = tab.load(url + page, sizes)
            foreign = len(load.foreign(urlsplit(url).netloc))
            rows.append((load.bytes, len(load.requests), len(load.errors), foreign, page))
        tab.close()
        browser.close()
    print(f"{'KB':>6} {'requests':>8} {'errors':>6} {'foreign':>7}  page")
    for size, requests, errors, foreign, page in sorted(rows, reverse=True):
        print(f"{size / 1000:6.1f} {requests:8} {errors:6} {foreign:7}  {page}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
