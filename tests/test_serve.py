"""`make serve` (tools/serve.py): after an edit, only the pages it can change are rendered again,
and no page is left stale. Driven on a copy of the project with real edits, the real build
and the real live-reload server; after the series of edits, every page served is the page
a whole build of the edited project makes.

The tests of this file run in order on one serve loop: each edits the copy further."""

from __future__ import annotations

import base64
import hashlib
import re
import time
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from macros.registry import load_site_data
from macros.render.cases import INDEX_LINKS
from tools.project import copy_project, run_in_copy
from tools.serve import Loop, pages_showing_records, plan

CASE = "abes-sudoc"  # a case study with partners, shown on the listings and its partners' pages
PARTNER = "abes"  # one of its partners
QUICK = re.compile(r"Building (\d+) pages of both languages")  # a build of what changed only
WHOLE = "Building the whole site"
LIVE_RELOAD = re.compile(rb"<script>(\s*var livereload = .*?)</script>", re.DOTALL)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("serve") / "project")


@pytest.fixture(scope="module")
def loop(project):
    running = Loop(project)
    yield running
    running.close()


def served(loop: Loop, path: str) -> str:
    """A page as the serve loop gives it, without the live-reload script it adds (and that
    script's hash, which it adds to the page's Content-Security-Policy)."""
    with urllib.request.urlopen(loop.url + path, timeout=120) as response:
        html = response.read()
    script = LIVE_RELOAD.search(html)
    assert script, f"{path}: no live-reload script"
    digest = base64.b64encode(hashlib.sha256(script[1]).digest())
    allowed = b" &#39;sha256-%b&#39;" % digest
    if b"Content-Security-Policy" in html:  # (a short link's redirect page has none)
        assert allowed in html, f"{path}: the live-reload script is not allowed by the page"
    html = html.replace(script[0], b"").replace(allowed, b"", 1)
    return html.decode("utf-8")


def every_page(loop: Loop) -> list[str]:
    """Every page's address, from the served sitemap (both languages, generated pages too)."""
    with urllib.request.urlopen(loop.url + "sitemap.xml", timeout=120) as response:
        tree = ET.fromstring(response.read())
    return [
        element.text.removeprefix(loop.url)
        for element in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]


def quick(log: list[str]) -> int:
    """How many pages the build logged in `log` rendered again, if it rendered only those."""
    counts = [int(found[1]) for line in log if (found := QUICK.search(line))]
    return counts[-1] if counts else 0


def fingerprint_shown(loop: Loop, key: str) -> str:
    """The French fingerprint the translation status page shows for the translation `key`."""
    row = re.search(
        rf"<code>{re.escape(key)}</code>.*?<code>(\w+)</code>", served(loop, "traductions/"), re.S
    )
    return row[1]


def showing(loop: Loop, text: str) -> set[str]:
    return {path for path in every_page(loop) if text in served(loop, path)}


def marked_outdated(loop: Loop, path: str) -> set[str]:
    """The pages the navigation of a served page marks as outdated translations."""
    html = BeautifulSoup(served(loop, path), "html.parser")
    return {
        urljoin(loop.url + path, status.find_parent("a")["href"]).removeprefix(loop.url)
        for status in html.select(".md-nav .md-status--outdated")
    }


def set_title(texts: dict[str, str]):
    """A change to a record file: its first `title:` (or `name:`) in each language."""

    def change(yaml: str) -> str:
        for language, text in texts.items():
            yaml = re.sub(rf"(?m)^(  {language}: ).*$", rf"\g<1>{text}", yaml, count=1)
        return yaml

    return change


def test_an_english_page_edit_renders_that_page_again(loop, project):
    page = project / "docs/en/a-propos.md"
    log = loop.edit(page, lambda text: text + "\nServecheckone is a new paragraph.\n")
    assert quick(log), log
    assert showing(loop, "Servecheckone") == {"en/a-propos/"}

    log = loop.edit(page, lambda text: text.replace("Servecheckone", "Servechecktwo"))
    assert quick(log), log
    assert showing(loop, "Servechecktwo") == {"en/a-propos/"}
    assert showing(loop, "Servecheckone") == set()


def test_the_kit_says_its_files_are_made_by_make_build_not_linked_to_nothing(loop, project):
    """make serve makes no sheets, books or offline copies (they take seconds): where the kit
    page and the home page offer them, the preview says which command makes them."""
    said = load_site_data(project / "data").words["kit.not_made"]
    for path, language, parts in (
        ("kit-formateurs/", "fr", 3),
        ("en/kit-formateurs/", "en", 3),
        ("", "fr", 1),
        ("en/", "en", 1),
    ):
        html = BeautifulSoup(served(loop, path), "html.parser")
        assert html.select("a[href*='kit/']") == [], path
        notes = html.select(".kit-not-made")
        assert [note.get_text() for note in notes] == [said[language]] * parts, path
    short_links = BeautifulSoup(served(loop, "kit-formateurs/"), "html.parser")
    assert short_links.select("a[href^='../e/']")  # the short links are made: offered


def test_reading_the_files_is_not_an_edit(loop):
    since = len(loop.log)
    time.sleep(3)  # each build reads every watched file: no build may follow by itself
    assert [line for line in loop.log[since:] if "Building" in line] == []


def test_a_case_title_reaches_its_pages_the_listings_and_its_partners_pages(loop, project):
    case = project / f"data/case-studies/{CASE}.yml"
    fingerprint = fingerprint_shown(loop, f"data/case-studies/{CASE}.yml")
    log = loop.edit(case, set_title({"fr": "Titrecasun", "en": "Titlecaseone"}))
    assert quick(log), log
    assert fingerprint_shown(loop, f"data/case-studies/{CASE}.yml") != fingerprint
    french, english = showing(loop, "Titrecasun"), showing(loop, "Titlecaseone")
    assert {f"cas/{CASE}/", "cas/", f"partenaires/{PARTNER}/"} <= french
    assert {f"en/cas/{CASE}/", "en/cas/", f"en/partenaires/{PARTNER}/"} <= english

    log = loop.edit(case, set_title({"fr": "Titrecasdeux", "en": "Titlecasetwo"}))
    assert quick(log), log
    assert showing(loop, "Titrecasdeux") == french
    assert showing(loop, "Titlecasetwo") == english
    assert showing(loop, "Titrecasun") == showing(loop, "Titlecaseone") == set()
    for cards, title in (("cas/cards.json", "Titrecasdeux"), ("en/cas/cards.json", "Titlecasetwo")):
        with urllib.request.urlopen(loop.url + cards, timeout=120) as response:
            assert title in response.read().decode("utf-8")  # the cards the filters fetch


def test_an_english_text_leaves_the_translation_status_page_as_it_is(loop, project):
    case = project / f"data/case-studies/{CASE}.yml"
    fingerprint = fingerprint_shown(loop, f"data/case-studies/{CASE}.yml")
    french_and_english = quick(
        loop.edit(case, set_title({"fr": "Titrecastrois", "en": "Titlecasethree"}))
    )
    english = quick(loop.edit(case, set_title({"en": "Titlecasefour"})))
    assert {f"en/cas/{CASE}/", "en/cas/"} <= showing(loop, "Titlecasefour")
    assert english == french_and_english - 2  # the status page, in each language, is not rendered
    assert fingerprint_shown(loop, f"data/case-studies/{CASE}.yml") != fingerprint


def test_a_partner_name_reaches_the_pages_of_its_case_studies(loop, project):
    log = loop.edit(project / f"data/partners/{PARTNER}.yml", set_title({"fr": "Nompartenaire"}))
    assert quick(log), log
    assert {f"partenaires/{PARTNER}/", f"cas/{CASE}/"} <= showing(loop, "Nompartenaire")


def test_a_french_page_edit_marks_its_translation_outdated_everywhere(loop, project):
    page = project / "docs/fr/a-propos.md"
    before = served(loop, "en/a-propos/")
    assert marked_outdated(loop, "en/glossaire/") == set()
    log = loop.edit(page, lambda text: text + "\nVerifservun, un paragraphe ajouté.\n")
    assert not any(WHOLE in line for line in log), log
    assert any("navigation of every page in en" in line for line in log), log
    assert showing(loop, "Verifservun") == {"a-propos/"}
    assert served(loop, "en/a-propos/") != before  # now outdated: its notice
    for path in ("en/", "en/glossaire/", "en/cas/"):  # every English page's navigation
        assert marked_outdated(loop, path) == {"en/a-propos/"}, path

    log = loop.edit(page, lambda text: text.replace("Verifservun", "Verifservdeux"))
    assert quick(log), log  # still outdated: only this page changes
    assert showing(loop, "Verifservdeux") == {"a-propos/"}


def test_a_shared_file_edit_renders_every_page_again(loop, project):
    words = project / "data/interface.yml"
    log = loop.edit(words, lambda text: text.replace("(flux Atom)", "(flux Atom Motpartout)", 1))
    assert any(WHOLE in line for line in log), log
    french = [path for path in every_page(loop) if not path.startswith("en/")]
    assert showing(loop, "Motpartout") == set(french)


def test_after_the_edits_every_page_is_what_a_whole_build_makes(loop, project, tmp_path):
    built = run_in_copy(
        project, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path), SITE_URL=loop.url
    )
    assert built.returncode == 0, built.stderr
    pages = sorted(tmp_path.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        path = page.relative_to(tmp_path).as_posix().removesuffix("index.html")
        assert served(loop, path) == page.read_text("utf-8"), f"{path} is stale"


def test_an_open_page_reloads_by_itself_after_an_edit(loop, project, browser):
    context = browser.new_context()
    page = context.new_page()
    refused = []
    page.on("console", lambda message: message.type == "error" and refused.append(message.text))
    page.goto(loop.url + "en/a-propos/", wait_until="load")
    loop.edit(project / "docs/en/a-propos.md", lambda text: text + "\nReloadcheck here.\n")
    page.get_by_text("Reloadcheck here.").wait_for(timeout=60_000)  # no reload asked for
    context.close()
    assert refused == []  # the page's Content-Security-Policy lets the live-reload script run


def test_a_record_edit_renders_the_parts_of_the_plain_list_of_cases_again():
    """Past INDEX_LINKS case studies, the plain list goes on in generated pages (cas/liste/2.md):
    they show records as the pages calling the macros do, though no file in docs/ calls it."""
    files = {f"data/case-studies/case-{n}.yml": b"" for n in range(2 * INDEX_LINKS + 1)}
    files["docs/fr/cas/liste.md"] = b"{{ case_index() }}"
    files["docs/fr/glossaire.md"] = b"{{ glossary() }}"
    pages = pages_showing_records(files)
    assert pages == {
        "fr/cas/liste.md",
        *(f"{lang}/cas/liste/{n}.md" for lang in ("fr", "en") for n in (2, 3)),
    }


def test_a_record_that_replaces_a_page_renders_every_page_again():
    """A page superseded by a record shows the record's title in its notice, yet names it only in
    data/life-cycle.yml: the edit renders the whole site. A record no page names does not."""
    life_cycle = b'pages:\n  "docs/fr/x.md": {state: superseded, by: data/case-studies/g2id.yml}\n'
    before = {
        "data/case-studies/g2id.yml": b"title: {fr: A, en: A}",
        "data/case-studies/g2id-2.yml": b"title: {fr: B, en: B}",
        "data/life-cycle.yml": life_cycle,
    }
    named = {**before, "data/case-studies/g2id.yml": b"title: {fr: C, en: C}"}
    assert plan(Path("."), before, named).whole_site
    other = {**before, "data/case-studies/g2id-2.yml": b"title: {fr: C, en: C}"}
    assert not plan(Path("."), before, other).whole_site


def test_where_the_system_sends_no_file_events_the_loop_polls(monkeypatch, tmp_path):
    import ctypes
    import errno

    from watchdog.observers import inotify_c
    from watchdog.observers.polling import PollingObserver

    from tools.serve import ChangeObserver, Server

    def observer():
        server = Server(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
        server.server_close()
        return server.observer

    assert isinstance(observer(), ChangeObserver)

    def refused(*arguments):  # what the system answers once a user's watches are all taken
        ctypes.set_errno(errno.ENOSPC)
        return -1

    monkeypatch.setattr(inotify_c, "inotify_add_watch", refused)
    assert isinstance(observer(), PollingObserver)
