"""Glossary terms (<abbr>, macros/build/glossary_abbreviations.py) explain themselves on touch and
keyboard, not only on mouse hover (overrides/assets/javascripts/glossary.js): a term is a Tab
stop, its definition shows on focus and on tap, Escape dismisses it, and screen readers get it
as the term's description."""

from __future__ import annotations

import pytest

# Listed in the accessibility statement, with what it checks (data/accessibility.yml).
pytestmark = pytest.mark.accessibility

PAGE = "guide/champs/"  # has SIGB, among others
CASE_PAGE = "cas/g2id/"  # a page generated from data/: its texts name ETP (FTE) and DRAC
TERM = "abbr[aria-describedby]"


def tip_of(page, term):
    return page.locator("#" + term.get_attribute("aria-describedby"))


def test_the_build_gives_each_term_its_definition(site):
    abbr = site.html(PAGE).select_one("article abbr[title]")
    assert abbr is not None
    assert abbr["title"]  # without JavaScript, the browser's own tooltip still says it


@pytest.mark.parametrize("path", [PAGE, "en/" + PAGE, CASE_PAGE, "en/" + CASE_PAGE])
def test_a_term_shows_its_definition_on_keyboard_focus_and_escape_dismisses_it(site, visit, path):
    page, record = visit(path)
    term = page.locator(TERM).first
    definition = site.html(path).select_one("article abbr[title]")["title"]
    assert term.get_attribute("tabindex") == "0"
    term.focus()
    tip = tip_of(page, term)
    assert tip.is_visible()
    assert tip.inner_text() == definition
    assert tip.get_attribute("role") == "tooltip"
    page.keyboard.press("Escape")
    assert tip.is_hidden()
    assert record.errors == []


def test_a_term_is_reached_with_tab(visit):
    page, _ = visit(PAGE)
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "ABBR":
            break
    else:
        pytest.fail("Tab never reached a glossary term")
    assert page.locator(".glossary-tip:not([hidden])").count() == 1


def test_a_tap_shows_the_definition(visit):
    page, _ = visit(PAGE, viewport={"width": 390, "height": 740}, has_touch=True, is_mobile=True)
    term = page.locator(TERM).first
    term.scroll_into_view_if_needed()
    term.tap()
    tip = tip_of(page, term)
    assert tip.is_visible()
    box, width = tip.bounding_box(), 390
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= width  # the definition fits on the phone's screen


def test_screen_readers_get_the_definition_as_the_description(site, visit):
    """What Chromium hands to screen readers, read from its accessibility tree."""
    page, _ = visit(PAGE)
    definition = site.html(PAGE).select_one("article abbr[title]")["title"]
    cdp = page.context.new_cdp_session(page)
    document = cdp.send("DOM.getDocument")
    node = cdp.send("DOM.querySelector", {"nodeId": document["root"]["nodeId"], "selector": TERM})
    tree = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node["nodeId"]})
    described = [n for n in tree["nodes"] if n.get("description", {}).get("value")]
    assert described[0]["description"]["value"] == definition
    assert page.locator(TERM).first.get_attribute("title") is None  # no second tooltip on hover


def test_a_shown_definition_has_no_axe_violation(visit):
    from every_page import axe_violations

    page, _ = visit(PAGE)
    page.locator(TERM).first.focus()
    violations = axe_violations(page)
    assert violations == [], "\n".join(violations)
