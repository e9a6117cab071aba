"""Phones: readers in the field open the guide on small screens. No page of either language
scrolls sideways at 320 px (the narrowest phones, and WCAG 1.4.10 Reflow) or 390 px (a common
phone): wide content (tables, code) scrolls inside its own box, never the page."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.site.i18n import DEFAULT_LANGUAGE, LANGUAGES

# Listed in the accessibility statement, with what it checks (data/accessibility.yml).
pytestmark = pytest.mark.accessibility

WIDEST = """() => {
    const width = document.documentElement.clientWidth
    const over = [...document.querySelectorAll("body *")]
      .filter(element => element.getBoundingClientRect().right > width + 1)
      .filter(element => !element.closest("[hidden], .md-sidebar, .md-search, .md-nav"))
      .map(element => element.tagName.toLowerCase() + "." + [...element.classList].join("."))
    return { scroll: document.documentElement.scrollWidth, width, over: over.slice(0, 3) }
}"""


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", [320, 390])
def test_no_page_scrolls_sideways(site, browser, width, language):
    context = browser.new_context(viewport={"width": width, "height": 740}, has_touch=True)
    tab = context.new_page()
    pages = site.pages(language) + ([Path("404.html")] if language == DEFAULT_LANGUAGE else [])
    assert len(pages) > 100
    sideways = {}
    for path in pages:
        tab.goto(site.url + path.as_posix(), wait_until="load")
        found = tab.evaluate(WIDEST)
        if found["scroll"] > found["width"]:
            sideways[path.as_posix()] = found
    context.close()
    assert sideways == {}
