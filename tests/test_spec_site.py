"""The specification site: the real project built with the hand-made records of
tests/fixtures/spec-site/ (its README says what each is for). The real data does not vary where
these do (every record added the same day, none updated, no filter with one result, no hostile
text), so these tests pin what the real site cannot show. Expected values are written out here,
from the record files.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from macros.site.i18n import LANGUAGES, page_url


def text_of(element) -> str:
    return " ".join(element.get_text(" ").split())


# --- Case pages ----------------------------------------------------------------------------------

MILESTONES = {
    "fr": [
        "mars 2019 · Lancement du réseau en mairie.",
        "2021 · Premier bilan devant les élus.",
        "31 décembre 2023 · Dissolution votée à l'unanimité.",
    ],
    "en": [
        "March 2019 · Network launched at the town hall.",
        "2021 · First review before the councillors.",
        "31 December 2023 · Dissolution voted unanimously.",
    ],
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_ended_case_shows_its_period_and_its_milestones_in_the_pages_language(
    spec_site, language
):
    page = spec_site.html(page_url("cas/ended-network.md", language))
    period = "2019\N{EN DASH}2023"
    meta = {
        "fr": f"Terminé Vallée de l'Alpha · France · {period}",
        "en": f"Ended Alpha valley · France · {period}",
    }
    assert text_of(page.select_one(".case-study__meta")) == meta[language]
    shown = [
        re.sub(r" \(Boussou, 2014\)$", "", text_of(item))
        for item in page.select(".case-study__milestones > li")
    ]
    assert shown == MILESTONES[language]


@pytest.mark.parametrize(
    ("language", "figures"),
    [
        ("fr", ["Bibliothèques membres 12 (2020)", "Budget commun 17,5 k€ (non daté)"]),
        ("en", ["Member libraries 12 (2020)", "Shared budget 17.5 k€ (undated)"]),
    ],
)
def test_a_key_figure_shows_its_year_or_says_it_is_undated(spec_site, language, figures):
    page = spec_site.html(page_url("cas/ended-network.md", language))
    shown = [
        re.sub(r" \(Boussou, 2014\)$", "", text_of(figure))
        for figure in page.select(".key-figures .key-figure")
    ]
    assert shown == figures


def test_no_english_page_shows_a_french_milestone_or_finding(spec_site, spec_data):
    """Texts whose two languages differ: the French one never reaches an English page."""
    checked = 0
    for case in spec_data.case_studies.values():
        english = text_of(spec_site.html(page_url(f"cas/{case.id}.md", "en")).article)
        french = text_of(spec_site.html(page_url(f"cas/{case.id}.md", "fr")).article)
        texts = [m.event for m in case.milestones]
        texts += [item.text for item in (*case.gains, *case.drawbacks)]
        texts += [link.why for link in case.steps] + list(case.lessons)
        for text in texts:
            if text["fr"] != text["en"]:
                assert " ".join(text["fr"].split()) not in english, (case.id, text["fr"])
                assert " ".join(text["en"].split()) not in french, (case.id, text["en"])
                checked += 1
    assert checked >= 15


@pytest.mark.parametrize(
    ("language", "no_partner"),
    [("fr", "Les sources ne nomment aucun partenaire."), ("en", "The sources name no partner.")],
)
def test_a_case_without_partner_says_so(spec_site, language, no_partner):
    page = spec_site.html(page_url("cas/abandoned-idea.md", language))
    assert not page.select(".case-study__partners")
    assert no_partner in text_of(page.article)


@pytest.mark.parametrize(
    ("path", "language", "updated"),
    [
        ("cas/ended-network.md", "fr", "Dernière mise à jour : 15 septembre 2026"),
        ("cas/ended-network.md", "en", "Last updated: 15 September 2026"),  # its `updated`
        ("cas/abandoned-idea.md", "fr", "Dernière mise à jour : 1er mars 2026"),  # its `added`
        ("partenaires/beta-lab.md", "en", "Last updated: 20 January 2026"),
    ],
)
def test_a_record_page_is_dated_by_its_last_change(spec_site, path, language, updated):
    assert updated in text_of(spec_site.html(page_url(path, language)))


# --- The listing and the step pages -------------------------------------------------------------


def test_each_card_carries_every_value_of_its_case(spec_site):
    """What filters.js filters on; the audience of a drawback counts as the case's audience."""
    cards = {
        card.select_one("a")["href"].rstrip("/").rsplit("/", 1)[-1]: card
        for card in spec_site.html("cas/").select("[data-listing-items] > li")
    }
    assert set(cards) == {
        "abandoned-idea",
        "ended-network",
        "hostile-text",
        "realised-store",
        "running-catalogue",
    }
    abandoned = cards["abandoned-idea"]
    assert abandoned["data-filter-audience"] == "institutions"
    assert abandoned["data-filter-partner-type"] == ""
    assert abandoned["data-filter-status"] == "abandoned"
    assert cards["running-catalogue"]["data-filter-partner-type"].split() == [
        "library-network",
        "research-organisation",
    ]
    assert cards["realised-store"]["data-filter-audience"] == "staff"
    # The territory: the French région, else the country (issue 28)
    assert {case: card["data-filter-territory"] for case, card in cards.items()} == {
        "abandoned-idea": "belgium",
        "ended-network": "fr-occ",
        "hostile-text": "france",
        "realised-store": "switzerland",
        "running-catalogue": "fr-occ",
    }


@pytest.mark.parametrize(
    ("step_page", "cases"),
    [
        ("en/guide/champs/", [("An idea that went nowhere", "A remit too broad to start.")]),
        ("guide/projet-pilote/", [("Un catalogue en cours", "Un pilote sur un seul fonds.")]),
        (
            "en/guide/reunir-les-facteurs/",
            [("The Alpha network, ended", "The end shows what was missing.")],
        ),
    ],
)
def test_a_step_page_shows_the_cases_that_illustrate_it_and_why(spec_site, step_page, cases):
    cards = spec_site.html(step_page).select(".case-cards > .case-card")
    shown = [
        (
            text_of(card.select_one(".case-card__title a")),
            text_of(card.select_one(".case-card__why")),
        )
        for card in cards
    ]
    assert shown == cases


# --- Hostile text, written by hand in every kind of field ---------------------------------------

# What tests/fixtures/spec-site/data/case-studies/hostile-text.yml puts in each kind of field,
# and what the English page must show: the same characters (a paragraph's line breaks as spaces).
SHOWN_AS_TEXT = [
    "Title <script>alert('title')</script> & *bold*",  # one line: the title
    "Summary Zorglub <img src=x onerror=alert('excerpt')> <b>bold</b> "
    "[link](javascript:alert('md')) {{ 7 * 7 }}",  # a paragraph
    "\"><svg onload=alert('territory')>",  # one line: the territory
    "</script><script>alert('milestone')</script>",
    "' autofocus onfocus='alert(`figure`)",
    "<i>units</i>",
    '*emphasis*{: onclick="alert(`attr_list`)" }',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    "![tracker](https://evil.example/pixel.png) &lt;b&gt;",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "First paragraph. <script>alert('blank line')</script> Last.",
    "{% raw %} {{ config.site_name }}",
    "[vb](vbscript:msgbox('vb')) <javascript:alert('autolink')>",
    '=HYPERLINK("https://evil.example/")',
    "Partner <script>alert('name')</script>",
    "Name <script>alert('contributor')</script> & *bold*",  # a contributor's name
    "\"><img src=x onerror=alert('institution')>",  # and institution
]


def test_hostile_text_shows_as_the_same_characters_and_adds_no_markup(spec_site):
    page = spec_site.html("en/cas/hostile-text/")
    shown = text_of(page.article)
    for attack in SHOWN_AS_TEXT:
        assert attack in shown, attack
    assert text_of(page.title).startswith(SHOWN_AS_TEXT[0])  # the window's title
    # The same page with harmless text makes the same kinds of elements and scripts, no more.
    harmless = spec_site.html("en/cas/ended-network/")
    assert {e.name for e in page.find_all(True)} <= {e.name for e in harmless.find_all(True)}

    def scripts(html) -> list:
        return sorted((s.get("type", ""), s.get("src", "")) for s in html.find_all("script"))

    assert scripts(page) == scripts(harmless)
    for element in page.find_all(True):
        assert not any(name.startswith("on") for name in element.attrs), element.name
        assert element.name not in ("iframe", "object", "embed", "base"), element.name
        for name in ("href", "src"):
            assert not re.match(r"\s*(javascript|vbscript|data):", element.get(name, "")), element
    assert "evil.example" not in " ".join(img.get("src", "") for img in page.find_all("img"))
    partner = spec_site.html("en/partenaires/hostile-partner/")
    (website,) = [a for a in partner.article.find_all("a") if "evil.example" in a["href"]]
    assert website["href"] == "https://evil.example/a'onmouseover='alert(`url`)'"
    assert not [name for name in website.attrs if name.startswith("on")]


# --- Credit: those who asked for it, on the records and the contributors page -------------------

ORCID_PAGE = "https://orcid.org/0000-0002-1825-0097"
CAMILLE = f"Camille Exemple (Bibliothèque imaginaire) {ORCID_PAGE}"
LEAD = {"fr": "Contribution :", "en": "Contributed by:"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_record_s_page_credits_its_contributors_as_they_asked(spec_site, language):
    credits = spec_site.html(page_url("cas/running-catalogue.md", language)).select_one(
        "article .record-contributors"
    )
    assert text_of(credits.p) == LEAD[language]
    assert [text_of(person) for person in credits.select("li")] == [CAMILLE, "Dominique Essai"]
    [orcid] = credits.select("a")
    assert orcid["href"] == ORCID_PAGE
    partner = spec_site.html(page_url("partenaires/alpha-network.md", language))
    assert text_of(partner.select_one("article .record-contributors li")) == (
        f"Camille Exemple {ORCID_PAGE}"
    )


def test_a_record_nobody_asked_credit_for_credits_nobody(spec_site):
    for path in ("cas/ended-network/", "en/cas/realised-store/", "en/partenaires/beta-lab/"):
        assert spec_site.html(path).select(".record-contributors") == [], path


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_contributors_page_lists_each_person_once_with_the_records_they_worked_on(
    spec_site, spec_data, language
):
    address = page_url("contributeurs.md", language)
    page = spec_site.html(address)
    listed = [
        (
            text_of(entry.select_one(".contributor")),
            [
                (text_of(link), spec_site.path_of(urljoin(spec_site.url + address, link["href"])))
                for link in entry.select(":scope > ul a")
            ],
        )
        for entry in page.select("article ul.contributors > li")
    ]

    def record(kind: str, record_id: str) -> tuple[str, str]:
        if kind == "cas":
            title = spec_data.case_studies[record_id].title[language]
        else:
            title = spec_data.partners[record_id].name[language]
        return title, page_url(f"{kind}/{record_id}.md", language)

    running = record("cas", "running-catalogue")
    assert [(person, [resolved for _, resolved in links]) for person, links in listed] == [
        (CAMILLE, [record("partenaires", "alpha-network")[1], running[1]]),
        ("Dominique Essai", [running[1]]),
        (
            "Name <script>alert('contributor')</script> & *bold* "
            "(\"><img src=x onerror=alert('institution')>)",
            [record("cas", "hostile-text")[1]],
        ),
    ]
    assert listed[1][1] == [running]  # each record named by its title in the page's language


# --- In Chromium --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "name", "value", "count"),
    [
        ("cas/", "status", "realised", "1 étude de cas sur 5"),
        ("en/cas/", "status", "realised", "1 case study of 5"),
        ("en/cas/", "country", "france", "3 case studies of 5"),
        ("cas/", "status", "abandoned", "1 étude de cas sur 5"),
    ],
)
def test_the_count_says_one_for_a_single_result_and_a_number_otherwise(
    spec_visit, path, name, value, count
):
    page, record = spec_visit(path)
    page.locator(f"select[name={name}]").select_option(value)
    expect(page.locator("[data-listing] [role=status]")).to_have_text(count)
    shown = page.locator("[data-listing-items] > li:visible")
    expect(shown).to_have_count(int(count.split()[0]))
    assert record.errors == []


@pytest.mark.parametrize(
    ("path", "label", "titles"),
    [
        ("cas/", "Occitanie", ["Le réseau Alpha, terminé", "Un catalogue en cours"]),
        (
            "en/cas/",
            "France: nationwide or several regions",
            ["Title <script>alert('title')</script> & *bold*"],
        ),
    ],
)
def test_choosing_a_region_shows_exactly_its_cases(spec_visit, path, label, titles):
    """Issue 28: the territory filter offers fewer choices than there are cases, by name."""
    page, record = spec_visit(path)
    choices = page.locator("select[name=territory] option:not([value=''])")
    expect(choices).to_have_count(4)  # for 5 cases
    page.get_by_label("Territoire" if path == "cas/" else "Territory").select_option(label=label)
    expect(page.locator("[data-listing-items] > li:visible .case-card__title")).to_have_text(titles)
    assert record.errors == []


@pytest.mark.parametrize(("path", "audience"), [("cas/", "institutions"), ("en/cas/", "staff")])
def test_the_audience_filter_finds_an_audience_named_only_in_a_drawback(spec_visit, path, audience):
    page, _ = spec_visit(f"{path}?audience={audience}")
    titles = page.locator("[data-listing-items] > li:visible a")
    expected = {
        "institutions": ["Une idée restée sans suite"],
        "staff": ["A catalogue under way", "A shared store"],
    }[audience]
    expect(titles).to_have_count(len(expected))
    assert sorted(titles.all_inner_texts()) == expected


def test_a_search_excerpt_shows_hostile_text_as_text(spec_visit):
    """Pagefind's excerpts are HTML holding the page's text as it is: search.js keeps only the
    text and the <mark>s, so the summary's <img onerror> is shown, not made."""
    page, record = spec_visit("en/")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    box = page.locator("input.md-search__input")
    box.click()
    page.keyboard.type("Zorglub")
    teaser = page.locator(".md-search-result__item .md-search-result__teaser").first
    expect(teaser).to_contain_text("Zorglub")
    assert "<img src=x onerror=alert('excerpt')>" in teaser.inner_text()
    tags = teaser.evaluate("p => [...p.querySelectorAll('*')].map(e => e.tagName)")
    assert tags == ["MARK"]
    assert teaser.locator("mark").inner_text() == "Zorglub"
    assert page.locator(".md-search-result img").count() == 0
    page.wait_for_timeout(200)
    assert dialogs == []
    assert record.errors == []


# Whatever the search engine answers, search.js keeps only text and <mark>: an engine answering
# markup (Pagefind escapes < and > today, not &) is stood in for by this module, served in place
# of pagefind.js.
HOSTILE_ENGINE = """
const answer = {
  url: "/nowhere/",
  meta: {title: "<b>title</b>"},
  excerpt: '<img src="x" onerror="window.__ran = 1"> <mark>Zorglub</mark> <b>bold</b> ' +
    '<a href="javascript:window.__ran = 2">link</a><script>window.__ran = 3</script>',
  sub_results: [],
}
export async function options() {}
export async function init() {}
export async function debouncedSearch() {
  return {results: [{data: async () => answer}]}
}
"""


def test_a_search_engine_answering_markup_gets_only_its_text_and_marks_shown(spec_visit):
    page, record = spec_visit("en/")
    page.route(
        "**/pagefind/pagefind.js",
        lambda route: route.fulfill(body=HOSTILE_ENGINE, content_type="text/javascript"),
    )
    page.locator("input.md-search__input").click()
    page.keyboard.type("Zorglub")
    result = page.locator(".md-search-result__item").first
    expect(result).to_contain_text("Zorglub")
    assert result.locator("h1").inner_text() == "<b>title</b>"
    teaser = result.locator(".md-search-result__teaser")
    assert teaser.evaluate("p => [...p.querySelectorAll('*')].map(e => e.tagName)") == ["MARK"]
    # every node's text, a script's included, as text
    assert " ".join(teaser.inner_text().split()) == "Zorglub bold linkwindow.__ran = 3"
    page.wait_for_timeout(200)
    assert page.evaluate("window.__ran") is None
    # Parsing the answer to read its text makes Chromium weigh the handler against the page's
    # policy, which blocks it (once per key typed): the only errors allowed.
    assert all("Content Security Policy" in error for error in record.errors), record.errors


def test_without_the_kit_no_page_links_to_a_sheet(spec_site, spec_data):
    """Issue 28: the specification site is built without the trainers' kit, as `make serve` is:
    a step page then offers no sheet to download, since none was made (with the kit, each links
    to its own, relatively: tests/test_trainers_kit.py)."""
    steps = [link.page for link in spec_data.short_links if link.sheet]
    assert steps
    for step in steps:
        for language in LANGUAGES:
            page = spec_site.html(page_url(step, language))
            assert page.select_one("h1"), step
            assert page.select(".kit-sheet-link, a[download][href$='.pdf']") == [], step
