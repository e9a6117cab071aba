"""Page budget: readers in training rooms are on slow connections. On a first visit (empty
cache) every page of both languages loads at most 150 KB compressed in at most 12 requests,
logs no console error and asks nothing of another host.

How a visit is measured (gzip as GitHub Pages sends it, everything until the network is idle,
what search fetches is left for the reader's first search: tests/test_search.py) is in
tools/budget.py, which also prints the figures per page; every page is visited once per language
for this and the other checks of every page (tests/every_page.py).

The pages that list records are measured again on a copy with 1000 more case studies
(`site_at_scale`): the case listing, the plain list of cases and its parts, the partners
directory, the guide's steps, the translation status page, the busiest partner's page.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from macros.site.i18n import LANGUAGES, page_url
from macros.site.paths import TRANSLATION_STATUS_PAGE, case_page_path, partner_page_path
from tools.budget import FirstVisits, Load, compressed_size, first_load, growth
from tools.serve import pages_showing_records, snapshot

MAX_BYTES = 150_000
MAX_REQUESTS = 12


def over_budget(load: Load, site_host: str) -> list[str]:
    return [
        *([f"{load.bytes / 1000:.0f} KB > 150 KB"] if load.bytes > MAX_BYTES else []),
        *([f"{len(load.requests)} requests > 12"] if len(load.requests) > MAX_REQUESTS else []),
        *(f"console: {error}" for error in load.errors),
        *(f"another host: {url}" for url in load.foreign(site_host)),
    ]


def test_the_budget_counts_every_script_the_page_loads(site, browser):
    load = first_load(browser, site.url + "en/")
    assert site.url + "assets/javascripts/search.js" in load.requests
    assert load.bytes > 10_000  # the HTML, Material's CSS and JS: bodies were measured


def test_growth_is_read_on_disk_so_a_missed_file_is_not_growth(tmp_path):
    """A page's growth between two builds: what its files weigh more in the larger one. A file
    the visit missed (CI once lost the Material script to a reset connection) adds nothing."""
    smaller, larger = tmp_path / "smaller", tmp_path / "larger"
    for root, cards in ((smaller, 10), (larger, 1000)):
        (root / "cas").mkdir(parents=True)
        (root / "cas" / "index.html").write_text("".join(f"<li>{n}</li>" for n in range(cards)))
        (root / "bundle.js").write_text("var same = 1;" * 100)
    (larger / "more.json").write_text('{"only": "in the larger build"}')
    site = "http://127.0.0.1:8000/mutualiser/"
    load = Load(requests=[site + "cas/", site + "bundle.js", site + "more.json", "http://x.org/y"])
    grown = growth(load, site, larger, smaller)
    html = [
        compressed_size((root / "cas/index.html").read_bytes(), "text/html")
        for root in (larger, smaller)
    ]
    json = compressed_size((larger / "more.json").read_bytes(), "application/json")
    assert grown == html[0] - html[1] + json
    assert growth(Load(requests=[site + "cas/"]), site, larger, smaller) == html[0] - html[1]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_of_either_language_stays_within_budget(site, every_page, language):
    site_host = urlsplit(site.url).netloc
    visits = every_page(language)
    assert len(visits) > 100, len(visits)
    over = {
        path: problems
        for path, visit in visits.items()
        if (problems := over_budget(visit.load, site_host))
    }
    assert over == {}


def pages_listing_records(project, data) -> list[str]:
    """The addresses of the pages that grow with the records: those calling a macro that shows
    records (as `make serve` finds them), the translation status page, the home page, and the
    pages of the partner in the most case studies and of a case study."""
    sources = pages_showing_records(snapshot(project))
    busiest = max(data.partners.values(), key=lambda partner: len(partner.case_studies))
    for language in LANGUAGES:
        for path in ("index.md", TRANSLATION_STATUS_PAGE, partner_page_path(busiest.id)):
            sources.add(f"{language}/{path}")
        sources.add(f"{language}/{case_page_path(next(iter(data.case_studies)))}")
    return sorted(
        page_url(path, language) for language, _, path in (s.partition("/") for s in sources)
    )


# The budget must hold at this many case studies: a page's first visit at SCALE, plus its growth
# per case study from the real site to SCALE, times the case studies still to come.
PROJECTED = 5000


@pytest.mark.slow
def test_the_pages_listing_records_stay_within_budget_at_scale(site, data, site_at_scale, browser):
    """Within budget at 1000 more case studies, and at PROJECTED by linear growth: at 1000 the
    old partners directory still fitted (135 KB), growing 52 bytes a case study."""
    large = site_at_scale.site
    pages = pages_listing_records(site_at_scale.project, site_at_scale.data)
    for expected in ("cas/", "en/cas/liste/", "cas/liste/2/", "partenaires/", "en/traductions/"):
        assert expected in pages
    cases = (len(data.case_studies), len(site_at_scale.data.case_studies))
    site_host = urlsplit(large.url).netloc
    over = {}
    tab, sizes = FirstVisits(browser, large.url), {}
    for path in pages:
        load = tab.load(large.url + path, sizes)
        problems = over_budget(load, site_host)
        if (site.root / path / "index.html").is_file():  # the parts past the first are new
            per_case = growth(load, large.url, large.root, site.root) / (cases[1] - cases[0])
            projected = load.bytes + per_case * (PROJECTED - cases[1])
            if projected > MAX_BYTES:
                problems.append(
                    f"{projected / 1000:.0f} KB at {PROJECTED}: {per_case:.0f} B a case"
                )
        if problems:
            over[path] = problems
    tab.close()
    assert over == {}
