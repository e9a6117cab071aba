"""Shared fixtures: the site is built once per session, in process, into a temporary folder,
then served on 127.0.0.1 for the browser tests, like GitHub Pages serves it.

The build uses the real mkdocs.yml, plugins, macros and hooks; the only thing we set is
SITE_URL, so that absolute URLs (hreflang, sitemap) point at the test server. It has a path
(BASE), as a Pages project site has (https://<owner>.github.io/<repository>/), so that every
address is checked where the path matters.

Beside it, the specification site (`spec_site`): a copy of the project whose records are the few
hand-made ones of tests/fixtures/spec-site/data/, chosen so that every branch is taken (different
days, an update, one result for a filter, no partner, hostile text). Tests that know the answer
in advance use it; tests/test_spec_site.py says what each record is for.

Tiers: a test that needs a site build is marked `build`, one that needs Chromium `browser`,
from the fixtures it uses (pytest_collection_modifyitems below), so that
`pytest -m "not build and not browser"` (make test-fast) runs in seconds.
"""

from __future__ import annotations

import fcntl
import functools
import os
import re
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from macros.kit.short_links import short_address
from macros.registry import KINDS, load_site_data
from macros.site.i18n import LANGUAGES, url_language
from tools.bench import add_case_studies
from tools.budget import record
from tools.chromium import arrive, launch
from tools.project import copy_project, run_in_copy
from tools.serve_like_pages import pages_server

ROOT = Path(__file__).resolve().parent.parent
SPEC_DATA = ROOT / "tests" / "fixtures" / "spec-site" / "data"

BASE = "/mutualiser/"  # the test site's path, like a Pages project site's
# The address readers without GitHub write to, as deploy.yml passes it (mkdocs.yml contact_email).
CONTACT = "equipe@mutualiser.test"
# The cards the case listing prints before the reader filters or asks for more (mkdocs.yml).
[LISTING_PAGE_SIZE] = [
    int(size)
    for size in re.findall(
        r"case_listing_page_size: (\d+)", (ROOT / "mkdocs.yml").read_text("utf-8")
    )
]


@functools.cache
def redirect_pages() -> set[str]:
    """The short links' redirect pages. Read when a built site is walked, not at import: every
    process pytest starts (the controller and each worker) imports this file."""
    return {
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
        pages = [p for p in pages if p.as_posix() not in redirect_pages()]
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


def build_site(project: Path, site_dir: Path, site_url: str, **environment: str) -> None:
    """The real strict build of `project` (the repository or a copy), as `make build` runs it,
    with SITE_URL and `environment` set for the build's duration."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    environment = {"SITE_URL": site_url, **environment}
    saved = {name: os.environ.get(name) for name in environment}
    os.environ.update(environment)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    cwd = Path.cwd()
    os.chdir(project)  # macros' module_name and hook paths are relative to the project
    try:
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True))
    finally:
        os.chdir(cwd)
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def spec_data_copy(folder: Path) -> Path:
    """A copy of data/ in `folder` whose records are the specification records: every field of
    each kind in a few records rather than the real ninety."""
    data = folder / "data"
    shutil.copytree(ROOT / "data", data)
    return with_spec_records(data)


def with_spec_records(data: Path) -> Path:
    """`data` (a copy of data/) with the specification records instead of the real ones; the
    copy's pages keep only the text of their links to real records, which it no longer has."""
    for kind in KINDS:
        shutil.rmtree(data / kind.name)
    shutil.copytree(SPEC_DATA, data, dirs_exist_ok=True)
    docs = data.parent / "docs"
    if docs.is_dir():
        unlink_absent_records(docs, data)
    return data


# A Markdown link to a record's page: [text](../cas/ctles.md#anchor)
RECORD_LINK = re.compile(r"\[([^\]]+)\]\((?:\.\./)*([a-z-]+)/([a-z0-9-]+)\.md(?:#[^)]*)?\)")


def unlink_absent_records(docs: Path, data: Path) -> None:
    """The guide names some real records by a link: in a copy whose records are others, such a
    link would break the strict build, so it becomes its text."""
    present = {
        kind.page_folder: {path.stem for path in (data / kind.name).glob("*.yml")} for kind in KINDS
    }

    def unlinked(link: re.Match[str]) -> str:
        folder, record = link.group(2), link.group(3)
        return (
            link.group(1) if folder in present and record not in present[folder] else link.group(0)
        )

    for page in docs.rglob("*.md"):
        text = page.read_text("utf-8")
        if (kept := RECORD_LINK.sub(unlinked, text)) != text:
            page.write_text(kept, "utf-8")


@pytest.fixture(scope="session")
def data():
    """The repository's data, as the build loads it."""
    return load_site_data(ROOT / "data")


def shared_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test run's temporary folder, shared by its parallel workers (pytest-xdist)."""
    own = tmp_path_factory.getbasetemp()
    return own.parent if "PYTEST_XDIST_WORKER" in os.environ else own


@contextmanager
def built_once(
    tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path, str], None]
) -> Iterator[BuiltSite]:
    """A site built once per test run by `build(folder, url)` and served like Pages at `url`.

    `make test` runs the tests in parallel workers (pytest-xdist), which share the run's
    temporary folder: the first worker to ask builds while the others wait on a lock, then each
    serves the same folder on the same port, so that the build's absolute addresses answer in
    every worker (tools/serve_like_pages.py shares the port).

    A worker whose tests are done leaves before the others. Had it closed its listening socket
    then, the connections the system had just handed to it would be reset, and a page another
    worker was measuring would miss a file (CI saw the Material script missing from a budget
    walk): so each worker keeps serving until every worker using the site is done."""
    run_folder = shared_folder(tmp_path_factory)
    folder, port_file = run_folder / name, run_folder / f"{name}.port"
    users = SiteUsers(run_folder / f"{name}.lock")
    with users.locked():
        if port_file.exists():  # another worker built it
            server = pages_server(folder, int(port_file.read_text()), BASE, shared=True)
        else:
            server = pages_server(
                folder, 0, BASE, shared=True
            )  # bound first: the build needs its address
            folder.mkdir()
            build(folder, f"http://127.0.0.1:{server.server_port}{BASE}")
            port_file.write_text(str(server.server_port))
        users.count(+1)
    with server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield BuiltSite(root=folder, url=f"http://127.0.0.1:{server.server_port}{BASE}")
        finally:
            with users.locked():
                users.count(-1)
            # Waiting here could wait forever: each worker tears its sites down in its own
            # order, and two could each wait for the other's next site.
            LEAVING.append((users, server))


# The shared sites this worker is done with, served until every worker is (pytest_sessionfinish).
LEAVING: list[tuple[SiteUsers, ThreadingHTTPServer]] = []


def pytest_sessionfinish(session: pytest.Session) -> None:
    for users, server in LEAVING:
        users.wait_until_none(timeout=LAST_USER_WAIT)
        server.shutdown()


# How long a worker done with a site waits for the others before closing its socket anyway (a
# worker that crashed never says it is done).
LAST_USER_WAIT = 600


@dataclass
class SiteUsers:
    """How many workers serve one shared site, in a file beside its lock."""

    lock: Path

    @contextmanager
    def locked(self) -> Iterator[None]:
        with open(self.lock, "a") as held:
            fcntl.flock(held, fcntl.LOCK_EX)  # released when the file closes
            yield

    def count(self, change: int = 0) -> int:
        tally = self.lock.with_suffix(".users")
        users = int(tally.read_text()) if tally.exists() else 0
        if change:
            tally.write_text(str(users + change))
        return users + change

    def wait_until_none(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while self.count() > 0 and time.monotonic() < deadline:
            time.sleep(0.2)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    def build(folder: Path, url: str) -> None:
        build_site(ROOT, folder, url, CONTACT_EMAIL=CONTACT)

    with built_once(tmp_path_factory, "site", build) as built:
        yield built


# The synthetic case studies (tools/bench.py) of the copy that the pages listing records are
# checked on: enough for every listing to need its paging, as the bench measures.
SCALE = 1000


@dataclass
class SiteAtScale:
    site: BuiltSite
    project: Path
    data: object  # the copy's SiteData


@pytest.fixture(scope="session")
def site_at_scale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteAtScale]:
    """A copy of the project with SCALE more case studies, built once per test run (without the
    trainers' kit) and served like Pages; the tests using it are marked `slow`."""
    project = shared_folder(tmp_path_factory) / "scale-project"

    def build(folder: Path, url: str) -> None:
        copy_project(project)
        add_case_studies(project, SCALE)
        result = run_in_copy(project, "-m", "mkdocs", "build", "--strict", "-d", str(folder))
        assert result.returncode == 0, result.stderr[-3000:]

    with built_once(tmp_path_factory, "scale", build) as site:
        # The copy's data, as its build read it (the folder beside the built site).
        yield SiteAtScale(site, project, load_site_data(project / "data"))


@pytest.fixture(scope="session")
def spec_data(tmp_path_factory: pytest.TempPathFactory):
    """The specification records (tests/fixtures/spec-site/), loaded as the build loads them."""
    return load_site_data(spec_data_copy(tmp_path_factory.mktemp("spec-data")))


@pytest.fixture(scope="session")
def spec_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    """The specification site: the project with the specification records, built once like the
    real one (without the trainers' kit), in a git repository so that its pages are dated."""

    def build(folder: Path, url: str) -> None:
        project = copy_project(folder.parent / "spec-project")
        with_spec_records(project / "data")
        git = [
            "git",
            "-C",
            str(project),
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.org",
        ]
        subprocess.run([*git, "init", "-q"], check=True)
        subprocess.run([*git, "add", "-A"], check=True)
        subprocess.run([*git, "commit", "-q", "-m", "specification site"], check=True)
        build_site(project, folder, url, MUTUALISER_KIT="0", PAGE_DATES="on")

    with built_once(tmp_path_factory, "spec-site", build) as built:
        yield built


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def every_page(site, browser) -> Callable[[str], dict]:
    """`every_page(language)`: the first visit of every page of `language` (tests/every_page.py),
    walked once by the worker whose tests ask; they are grouped by language (below)."""
    from every_page import walk

    walks: dict[str, dict] = {}

    def of(language: str) -> dict:
        if language not in walks:
            walks[language] = walk(browser, site, language)
        return walks[language]

    return of


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
        arrive(page, base_url + path.lstrip("/"))
        return page, recorded

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def visit(browser, site):
    """Open a page of the test site in a fresh context, recording requests and errors."""
    with page_opener(browser, site.url) as open_page:
        yield open_page


@pytest.fixture
def spec_visit(browser, spec_site):
    """Open a page of the specification site, as `visit` does for the real one."""
    with page_opener(browser, spec_site.url) as open_page:
        yield open_page


# --- Tiers -------------------------------------------------------------------------------------

# Fixtures that build a site (here or in a test module), and those that need Chromium; a test's
# `fixturenames` holds every fixture it depends on, so `visit` brings in `site` and `browser`.
BUILDS = {
    "site",
    "spec_site",
    "hostile_site",
    "poisoned_site",
    "project_with_events",
    "large",
    "edited",
    "loop",  # tests/test_serve.py: make serve's build loop
    "site_at_scale",  # a copy with 1000 more case studies (also marked slow)
}
BROWSES = {"browser"}


# First: pytest-xdist reads the groups in its own hook, registered before this file is.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        # Parallel workers (make test: --dist loadgroup) take tests one at a time, except that
        # the tests sharing a module's own fixture (a copy of the project it builds) stay on one
        # worker, so that the copy is built once.
        fixtures = getattr(item, "_fixtureinfo", None)
        if fixtures and any(
            definitions[-1].scope == "module" for definitions in fixtures.name2fixturedefs.values()
        ):
            item.add_marker(pytest.mark.xdist_group(item.nodeid.partition("::")[0]))
        used = set(getattr(item, "fixturenames", ()))
        if "every_page" in used:  # the tests reading one language's walk share its worker
            item.add_marker(
                pytest.mark.xdist_group(f"every page: {item.callspec.params['language']}")
            )
        if used & BUILDS:
            item.add_marker(pytest.mark.build)
        if used & BROWSES:
            item.add_marker(pytest.mark.browser)
        if "site_at_scale" in used:
            item.add_marker(pytest.mark.slow)
    # The groups first: each is a copy built then tested (seconds, minutes in the site tier),
    # where most other tests take milliseconds. Started last, one would keep a worker busy
    # while the other has nothing left to do.
    items.sort(key=lambda item: item.get_closest_marker("xdist_group") is None)
