"""In a real browser: pages request nothing but the site itself, log no error, and the language
switcher keeps the reader on the same page."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tools.chromium import arrive, settle
from tools.serve_like_pages import serving

# One of each kind of page, in both languages.
TESTED_PAGES = ["", "en/", "guide/champs/", "en/guide/champs/"]


@pytest.mark.parametrize("path", TESTED_PAGES)
def test_a_page_requests_only_the_site_itself(site, visit, path):
    _, record = visit(path)
    site_host = urlsplit(site.url).netloc
    foreign = [url for url in record.requests if urlsplit(url).netloc != site_host]
    assert foreign == []
    assert len(record.requests) > 1  # the page, its styles and scripts: we did record


@pytest.mark.parametrize("path", TESTED_PAGES)
def test_a_page_logs_no_console_error(visit, path):
    _, record = visit(path)
    assert record.errors == []


@pytest.mark.parametrize(
    ("start", "language", "arrival"),
    [
        ("guide/champs/", "English", "en/guide/champs/"),
        ("en/guide/champs/", "Français", "guide/champs/"),
    ],
)
def test_the_switcher_keeps_the_reader_on_the_same_page(site, visit, start, language, arrival):
    page, record = visit(start)
    page.locator(".md-header__option").get_by_role("link", name=language).click()
    settle(page)
    assert page.url == site.url + arrival
    assert record.errors == []


# A deferred script, then forty short scripts that each hold the parser for 50 ms: the files have
# all come long before the page has loaded, as when a busy machine parses a page slowly, and the
# parser lets other work in between (a test reading the page too early would see "not yet").
HOLD = "<script>{ const start = Date.now(); while (Date.now() - start < 50) {} }</script>"
SLOW_PARSE = {
    "index.html": '<!doctype html><html lang="en"><head><title>Slow</title>'
    '<script src="set.js" defer></script></head>'
    f'<body><p id="said">not yet</p>{HOLD * 40}</body></html>',
    "set.js": 'document.getElementById("said").textContent = "set"',
}


def test_a_page_the_tests_open_has_run_its_scripts_however_slowly_it_is_parsed(browser, tmp_path):
    for name, text in SLOW_PARSE.items():
        (tmp_path / name).write_text(text)
    with serving(tmp_path) as url:
        page = browser.new_page()
        try:
            arrive(page, url)
            assert page.evaluate("document.getElementById('said').textContent") == "set"
            page.reload(wait_until="commit")
            settle(page)
            assert page.evaluate("document.getElementById('said').textContent") == "set"
        finally:
            page.close()
