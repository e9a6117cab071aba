"""Phones: readers in the field open the guide on small screens. No page of either language
scrolls sideways at 320 px (the narrowest phones, and WCAG 1.4.10 Reflow) or 390 px (a common
phone): wide content (tables, code) scrolls inside its own box, never the page. Each page is
narrowed to those widths during its one visit (tests/every_page.py)."""

from __future__ import annotations

import pytest

from macros.site.i18n import LANGUAGES

# Listed in the accessibility statement, with what it checks (data/accessibility.yml).
pytestmark = pytest.mark.accessibility


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_scrolls_sideways(every_page, language):
    visits = every_page(language)
    assert len(visits) > 100, len(visits)
    sideways = {path: visit.sideways for path, visit in visits.items() if visit.sideways}
    assert sideways == {}
