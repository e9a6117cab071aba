"""One first visit of every page, shared by the tests that check every page of a language.

Each of those tests used to open every page itself: four walks through the whole site per
language, and most of `make test`'s time. Now the `every_page` fixture (tests/conftest.py) walks
each language once, on one worker, and keeps for each page what its visit showed:

- what it cost and every error it reported (tests/test_budget.py; tools/budget.py measures);
- the Content-Security-Policy violations the browser saw (tests/test_content_security_policy.py);
- what axe found at desktop size (tests/test_accessibility.py);
- how far it scrolls sideways at phone widths (tests/test_phones.py).

A visit starts at desktop size from an empty cache and no stored state; once axe has run, the
window narrows to each phone width and the page reflows as a phone shows it. The visit ends
when the network is idle.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from conftest import ROOT, BuiltSite

from macros.site.i18n import DEFAULT_LANGUAGE
from tools.budget import FirstVisits, Load
from tools.chromium import settle

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# Recorded in each page before its own scripts run (Playwright's init scripts are not subject
# to the page's policy).
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", event => window.__violations.push(
  `${event.effectiveDirective} blocked ${event.blockedURI || "inline"}: ${event.sample}`));
"""

# The narrowest phones (WCAG 1.4.10 Reflow asks for 320 px) and a common one.
PHONE_WIDTHS = (390, 320)
PHONE_HEIGHT = 740

# How wide the page is, and the first elements that stick out of the window (menus and search,
# folded away on a phone, are left out).
WIDEST = """() => {
    const width = document.documentElement.clientWidth
    const over = [...document.querySelectorAll("body *")]
      .filter(element => element.getBoundingClientRect().right > width + 1)
      .filter(element => !element.closest("[hidden], .md-sidebar, .md-search, .md-nav"))
      .map(element => element.tagName.toLowerCase() + "." + [...element.classList].join("."))
    return { scroll: document.documentElement.scrollWidth, width, over: over.slice(0, 3) }
}"""


def axe_violations(page) -> list[str]:
    """Each violation axe finds on the open page, as `rule (impact): element: what to fix`."""
    # Evaluated, not added as a <script>: the page's Content-Security-Policy would block that.
    page.evaluate(AXE.read_text("utf-8"))
    options = {"runOnly": {"type": "tag", "values": RULES}, "resultTypes": ["violations"]}
    results = page.evaluate("options => axe.run(document, options)", options)
    # axe still lists the rules that passed (one node each): none means it checked nothing, as
    # with a misspelt tag in RULES, and no violation would then prove nothing.
    assert results["passes"], f"axe ran no rule of {RULES} on {page.url}"
    return [
        f"{violation['id']} ({violation['impact']}): {' '.join(node['target'])}: {violation['help']}"
        for violation in results["violations"]
        for node in violation["nodes"]
    ]


@dataclass
class Visit:
    """What the first visit of one page showed."""

    load: Load
    policy_violations: list[str]
    axe_violations: list[str]
    sideways: dict[int, dict]  # phone width -> how the page scrolls sideways, where it does


def pages_of(site: BuiltSite, language: str) -> list[Path]:
    """Every page of `language`; the one 404 page is built in the default language."""
    return site.pages(language) + ([Path("404.html")] if language == DEFAULT_LANGUAGE else [])


def visit(tab: FirstVisits, url: str, sizes: dict[str, int]) -> Visit:
    total = tab.open(url, sizes)
    page = tab.page
    found_by_axe = axe_violations(page)
    sideways = {}
    for width in PHONE_WIDTHS:
        page.set_viewport_size({"width": width, "height": PHONE_HEIGHT})
        if (found := page.evaluate(WIDEST))["scroll"] > found["width"]:
            sideways[width] = found
    settle(page)  # mostly elapsed while axe ran
    policy = page.evaluate("window.__violations")
    load = total()
    policy += [error for error in load.errors if "Content Security Policy" in error]
    return Visit(load, policy, found_by_axe, sideways)


def walk(browser, site: BuiltSite, language: str) -> dict[str, Visit]:
    """The first visit of every page of `language`, by its path ("en/cas/index.html"), all in
    one tab (tools/budget.py `FirstVisits`)."""
    tab = FirstVisits(browser, site.url, RECORD_VIOLATIONS)
    sizes: dict[str, int] = {}
    visits = {
        path.as_posix(): visit(tab, site.url + path.as_posix(), sizes)
        for path in pages_of(site, language)
    }
    tab.close()
    return visits
