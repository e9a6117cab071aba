"""Shared fixtures: the site is built once per session, in process, into a temporary folder,
then served on 127.0.0.1 for the browser tests.

The build uses the real mkdocs.yml, plugins, macros and hooks; the only thing we set is
SITE_URL, so that absolute URLs (hreflang, sitemap) point at the test server.
"""

from __future__ import annotations

import functools
import http.server
import os
import socket
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))  # tools/ is not a package
from chromium import FLAGS, find_chromium  # noqa: E402

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"


@dataclass
class BuiltSite:
    """The built site on disk and the address it is served at."""

    root: Path
    url: str  # ends with "/"
    _parsed: dict[Path, BeautifulSoup] = field(default_factory=dict, repr=False)

    def pages(self, language: str | None = None) -> list[Path]:
        """Every HTML page of the site (relative paths), optionally of one language only."""
        pages = sorted(p.relative_to(self.root) for p in self.root.rglob("*.html"))
        pages = [p for p in pages if p.name != "404.html" or p.parent == Path(".")]
        if language is None:
            return pages
        return [p for p in pages if page_language(p) == language and p.name != "404.html"]

    def html(self, page: str | Path) -> BeautifulSoup:
        """The parsed page; `page` is a path like "guide/champs/index.html" or an URL path."""
        path = Path(str(page).lstrip("/"))
        if path.suffix != ".html":
            path = path / "index.html"
        if path not in self._parsed:
            text = (self.root / path).read_text(encoding="utf-8")
            self._parsed[path] = BeautifulSoup(text, "html.parser")
        return self._parsed[path]


def page_language(path: Path) -> str:
    first = path.parts[0] if path.parts else ""
    return first if first in LANGUAGES and first != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep pytest output readable
        pass

    def send_error(self, code, message=None, explain=None):
        # Serve the site's own 404 page, as GitHub Pages does.
        if code == 404 and (Path(self.directory) / "404.html").exists():
            body = (Path(self.directory) / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    root = tmp_path_factory.mktemp("site")
    os.environ["SITE_URL"] = url
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    cwd = Path.cwd()
    os.chdir(ROOT)  # macros' module_name and hook paths are relative to the project
    try:
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(root), strict=True)
        build(config)
    finally:
        os.chdir(cwd)

    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield BuiltSite(root=root, url=url)
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = find_chromium()
    assert executable, "no Chromium: run `make browser` (installs Debian's chromium package)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            args=FLAGS,
        )
        yield browser
        browser.close()


@dataclass
class Visit:
    """What a page did while it loaded: every request it made and every console error."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture
def visit(browser, site):
    """Open a page of the test site in a fresh context, recording requests and errors."""
    contexts = []

    def open_page(path: str, **context_options):
        context = browser.new_context(**context_options)
        contexts.append(context)
        page = context.new_page()
        record = Visit()
        page.on("request", lambda request: record.requests.append(request.url))
        page.on(
            "console",
            lambda message: message.type == "error" and record.errors.append(message.text),
        )
        page.on("pageerror", lambda error: record.errors.append(str(error)))
        page.goto(site.url + path.lstrip("/"), wait_until="networkidle")
        return page, record

    yield open_page
    for context in contexts:
        context.close()
