"""Keyboard: every control can be reached with Tab alone, shows where the focus is, and works
with Enter or Space: search, the language switcher, the checklists, the case-study filters.

A "control" is anything the reader can act on and see: links, buttons, form fields, summaries
and elements given a tabindex, unless disabled or hidden (`hidden`, `display: none`,
`visibility: hidden`). Focus is "visible" when the control
(or, for a checklist's invisible checkbox, the box drawn for it) has an outline or a shadow
when focused that it does not have otherwise, or a card around it gains an outline.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tools.chromium import arrive

# Listed in the accessibility statement, with what it checks (data/accessibility.yml).
pytestmark = pytest.mark.accessibility

# One page of each kind with controls, in both languages: home, a guide step (checklist), the
# case-study listing (filters), the self-assessment (radio groups, notes, export buttons).
PAGES = [
    "",
    "en/",
    "guide/champs/",
    "en/guide/champs/",
    "cas/",
    "en/cas/",
    "auto-evaluation/",
    "en/auto-evaluation/",
]

MARK_CONTROLS = """() => {
  const selector = "a[href], button, input, select, textarea, summary, [tabindex]"
  const controls = [...document.querySelectorAll(selector)].filter(control =>
    !control.disabled && control.tabIndex >= 0 && !control.closest("[hidden]") &&
    control.checkVisibility({visibilityProperty: true}))
  return controls.map((control, index) => {
    control.dataset.control = index
    const group = control.type === "radio" ? control.name : null
    return {index, group, name: window.describeControl(control), rings: window.focusRings(control)}
  })
}"""

HELPERS = """
window.describeControl = control => [
  control.tagName.toLowerCase(),
  control.getAttribute("aria-label") || control.innerText?.trim().slice(0, 40) || "",
  control.getAttribute("href") || control.type || "",
].join(" ")

// Where focus shows: an outline or a shadow on the control (on the drawn box of a checklist's
// invisible checkbox), or an outline on a card around it (`:focus-within`).
window.focusRings = control => {
  const outline = ({outlineStyle, outlineWidth, outlineColor}) =>
    outlineStyle !== "none" && parseFloat(outlineWidth) > 0
      ? `outline ${outlineStyle} ${outlineWidth} ${outlineColor}` : null
  const drawn = control.matches(".task-list-control > input")
  const own = getComputedStyle(drawn ? control.nextElementSibling : control, drawn ? "::after" : null)
  const rings = [outline(own) ?? (own.boxShadow === "none" ? null : `shadow ${own.boxShadow}`)]
  for (let card = control.parentElement; card; card = card.parentElement) {
    const ring = outline(getComputedStyle(card))
    rings.push(ring && `${card.tagName} ${ring}`)
  }
  return rings.filter(Boolean)
}
"""

ACTIVE = """() => {
  const control = document.activeElement
  if (!control || control === document.body) return null
  const index = control.dataset.control
  return {index: index === undefined ? null : Number(index),
          name: window.describeControl(control), rings: window.focusRings(control)}
}"""


def open_page(browser, site, path):
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(HELPERS)
    arrive(page, site.url + path)
    return context, page


def tab_to(page, selector: str, limit: int = 300) -> None:
    """Press Tab, and only Tab, until the focused element matches `selector`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("selector => document.activeElement.matches(selector)", selector):
            return
    pytest.fail(f"Tab never reached {selector}")


@pytest.fixture(scope="module")
def walk(site, browser):
    """Tab from the top of a page until focus comes back round: (every control, each Tab stop)."""
    walks = {}

    def walk_page(path):
        if path not in walks:
            context, page = open_page(browser, site, path)
            controls = page.evaluate(MARK_CONTROLS)
            stops = []
            for _ in range(3 * len(controls) + 10):
                page.keyboard.press("Tab")
                stop = page.evaluate(ACTIVE)
                if stop is None or stop in stops[:1]:
                    break
                stops.append(stop)
            context.close()
            walks[path] = controls, stops
        return walks[path]

    return walk_page


@pytest.mark.parametrize("path", PAGES)
def test_tab_alone_reaches_every_control(walk, path):
    controls, stops = walk(path)
    reached = {stop["index"] for stop in stops}
    # Tab enters a group of radio buttons once; the arrow keys move within it.
    groups = {control["group"] for control in controls if control["index"] in reached}
    missed = [
        control["name"]
        for control in controls
        if control["index"] not in reached
        and (control["group"] is None or control["group"] not in groups)
    ]
    assert missed == []
    assert len(controls) > 10  # header, navigation and content: we did find the controls


@pytest.mark.parametrize("path", PAGES)
def test_every_tab_stop_shows_where_the_focus_is(walk, path):
    controls, stops = walk(path)
    unfocused = {control["index"]: control["rings"] for control in controls}
    invisible = [
        stop["name"]
        for stop in stops
        if not set(stop["rings"]) - set(unfocused.get(stop["index"], []))
    ]
    assert invisible == []
    assert stops


@pytest.mark.parametrize(
    ("path", "query", "result"),
    [
        ("guide/champs/", "pilote", "guide/projet-pilote/"),
        ("en/", "pilot", "en/guide/projet-pilote/"),
    ],
)
def test_search_works_from_the_keyboard(site, browser, path, query, result):
    context, page = open_page(browser, site, path)
    tab_to(page, "input.md-search__input")
    page.keyboard.type(query)
    page.locator(".md-search-result__link").first.wait_for()
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.split("?")[0] == site.url + result
    context.close()


@pytest.mark.parametrize(
    ("path", "language", "arrival"),
    [("guide/champs/", "en", "en/guide/champs/"), ("en/guide/champs/", "fr", "guide/champs/")],
)
def test_the_language_switcher_works_from_the_keyboard(site, browser, path, language, arrival):
    context, page = open_page(browser, site, path)
    tab_to(page, f"a.md-select__link[hreflang={language}]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == site.url + arrival
    context.close()


@pytest.mark.parametrize("path", ["guide/champs/", "en/guide/champs/"])
def test_a_checklist_box_ticks_and_unticks_with_space(site, browser, path):
    context, page = open_page(browser, site, path)
    tab_to(page, ".task-list-control > input")
    ticked = []
    for _ in range(2):
        page.keyboard.press("Space")
        ticked.append(page.evaluate("document.activeElement.checked"))
    assert ticked == [True, False]
    context.close()


@pytest.mark.parametrize("path", ["cas/", "en/cas/"])
def test_the_case_study_filters_work_from_the_keyboard(site, browser, path):
    context, page = open_page(browser, site, path)
    total = page.locator("[data-listing-items] > li").count()
    shown = page.locator("[data-listing-items] > li:not([hidden])")
    tab_to(page, "[data-filters] select[name=status]")
    page.keyboard.press("ArrowDown")  # the first status: only the case studies that have it
    expect(shown).not_to_have_count(total)
    assert shown.count() > 0
    tab_to(page, "[data-filters] button[type=reset]")
    page.keyboard.press("Enter")
    expect(shown).to_have_count(total)
    context.close()
