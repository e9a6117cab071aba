"""In a real browser: pages request nothing but the site itself, log no error, and the language
switcher keeps the reader on the same page."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

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
    page.wait_for_load_state("networkidle")
    assert page.url == site.url + arrival
    assert record.errors == []
