"""Shared fixtures: the site is built once per session, in process, into a temporary folder,
then served on 127.0.0.1 for the browser tests, like GitHub Pages serves it.

The build uses the real mkdocs.yml, plugins, macros and hooks; the only thing we set is
SITE_URL, so that absolute URLs (hreflang, sitemap) point at the test server. It has a path
(BASE), as a Pages project site has (https://<owner>.github.io/<repository>/), so that every
address is checked where the path matters.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from macros.kit.short_links import short_address
from macros.registry import load_site_data
from macros.site.i18n import LANGUAGES, url_language
from tools.budget import record
from tools.chromium import launch
from tools.serve_like_pages import pages_server

ROOT = Path(__file__).resolve().parent.parent

BASE = "/mutualiser/"  # the test site's path, like a Pages project site's
# The cards the case listing prints before the reader filters or asks for more (mkdocs.yml).
[LISTING_PAGE_SIZE] = [
    int(size)
    for size in re.findall(
        r"case_listing_page_size: (\d+)", (ROOT / "mkdocs.yml").read_text("utf-8")
    )
]
REDIRECT_PAGES = {
    short_address(link, language) + "index.html"
    for link in load_site_data(ROOT / "data").short_links
    for language in LANGUAGES
}


@dataclass
class BuiltSite:
    """The built site on disk and the address it is served at."""

    root: Path
    url: str  # ends with "/"
    _parsed: dict[Path, BeautifulSoup] = field(default_factory=dict, repr=False)

    def pages(self, language: str | None = None) -> list[Path]:
        """Every HTML page of the site (relative paths), optionally of one language only; not
        the short links' redirect pages (tests/test_trainers_kit.py checks those)."""
        pages = sorted(p.relative_to(self.root) for p in self.root.rglob("*.html"))
        pages = [p for p in pages if p.name != "404.html" or p.parent == Path(".")]
        pages = [p for p in pages if p.as_posix() not in REDIRECT_PAGES]
        if language is None:
            return pages
        return [p for p in pages if built_language(p) == language and p.name != "404.html"]

    def path_of(self, url: str) -> str:
        """The address of `url` relative to the site's root: ".../mutualiser/en/cas/" -> "en/cas/"."""
        path = urlsplit(url).path
        assert path.startswith(BASE), f"{url} is outside the site ({BASE})"
        return path.removeprefix(BASE)

    def html(self, page: str | Path) -> BeautifulSoup:
        """The parsed page; `page` is a path like "guide/champs/index.html" or an URL path."""
        path = Path(str(page).lstrip("/"))
        if path.suffix != ".html":
            path = path / "index.html"
        if path not in self._parsed:
            text = (self.root / path).read_text(encoding="utf-8")
            self._parsed[path] = BeautifulSoup(text, "html.parser")
        return self._parsed[path]


def built_language(path: Path) -> str:
    """The language of a built file, from its address: en/cas/index.html -> "en"."""
    return url_language(path.as_posix())


def build_site(project: Path, site_dir: Path, site_url: str) -> None:
    """The real strict build of `project` (the repository or a copy), as `make build` runs it."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    saved = os.environ.get("SITE_URL")
    os.environ["SITE_URL"] = site_url
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    cwd = Path.cwd()
    os.chdir(project)  # macros' module_name and hook paths are relative to the project
    try:
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True))
    finally:
        os.chdir(cwd)
        if saved is None:
            os.environ.pop("SITE_URL", None)
        else:
            os.environ["SITE_URL"] = saved


@pytest.fixture(scope="session")
def data():
    """The repository's data, as the build loads it."""
    return load_site_data(ROOT / "data")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    root = tmp_path_factory.mktemp("site")
    with pages_server(root, base=BASE) as server:  # bound first: the build needs its address
        url = f"http://127.0.0.1:{server.server_port}{BASE}"
        build_site(ROOT, root, url)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield BuiltSite(root=root, url=url)
        server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@contextmanager
def page_opener(browser, base_url: str):
    """`open_page(path, **context_options)`: a page under `base_url` in a fresh context, with
    what it requests and the errors it reports (`record`); the contexts close at the end."""
    contexts = []

    def open_page(path: str, **context_options):
        context = browser.new_context(**context_options)
        contexts.append(context)
        page = context.new_page()
        recorded = record(page)
        page.goto(base_url + path.lstrip("/"), wait_until="networkidle")
        return page, recorded

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def visit(browser, site):
    """Open a page of the test site in a fresh context, recording requests and errors."""
    with page_opener(browser, site.url) as open_page:
        yield open_page
