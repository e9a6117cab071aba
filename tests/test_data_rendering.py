"""The data as readers and reusers get it: a page per case study and partner in each language,
listings holding every record without JavaScript, exports, JSON-LD, citations and tooltips.

Every count is taken from the YAML files through the loader, never written down here.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import LISTING_PAGE_SIZE, ROOT

from macros.model.identifiers import SCHEMES, url
from macros.model.records import ENDED
from macros.publish.open_data import tables
from macros.registry import KINDS, load_site_data
from macros.render.cases import STEP_CARDS
from macros.site.i18n import LANGUAGES, language_root

DATA = load_site_data(ROOT / "data")
CASES = list(DATA.case_studies.values())


PARTNERS = list(DATA.partners.values())


def text_of(element) -> str:
    """An element's text with French typography's no-break spaces read as plain spaces."""
    return element.get_text().replace("\u00a0", " ").replace("\u202f", " ").strip()


def page_path(language: str, path: str) -> str:
    return f"{language_root(language)}{path}"


def resolve(site, page: str, href: str) -> tuple[str, str]:
    """The site path (folder or file) and #fragment a link on `page` points to."""
    absolute = urljoin(site.url + page, href)
    return site.path_of(absolute), urlsplit(absolute).fragment


def site_file(site, path: str):
    target = site.root / path
    return target / "index.html" if path == "" or path.endswith("/") else target


# --- One page per record, in each language -------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_each_case_study_has_its_page_in_each_language(site, case, language):
    page = site.html(page_path(language, f"cas/{case.id}/"))
    assert text_of(page.h1) == case.title[language]
    assert text_of(page.select_one(".case-study__summary")) == case.summary[language]
    assert (
        text_of(page.select_one(f".status-badge--{case.status.id}")) == case.status.label[language]
    )
    shown_figures = page.select(".key-figure")
    scale = case.territory.scale
    scale_figures = (
        sum(value is not None for value in (scale.towns, scale.inhabitants, scale.libraries))
        if scale
        else 0
    )
    assert len(shown_figures) == len(case.key_figures) + scale_figures
    assert all(figure.select_one("a.citation") for figure in shown_figures), "each figure cited"
    for section, items in [("gains", case.gains), ("drawbacks", case.drawbacks)]:
        shown = page.select(f".case-study__{section} > li")
        assert [text_of(li.select_one(".case-study__finding")) for li in shown] == [
            item.text[language] for item in items
        ]
        for li, item in zip(shown, items, strict=True):
            for term in (item.audience, item.horizon):
                assert (term is None) or term.label[language] in text_of(li)
            assert bool(li.select_one("a.citation")) == bool(item.source)
    shown = [text_of(li) for li in page.select(".case-study__lessons > li")]
    assert shown == [item[language] for item in case.lessons], "lessons"
    shown_fields = text_of(page.select_one(".case-study__fields"))
    assert all(term.label[language] in shown_fields for term in case.fields)
    shown_dates = [time["datetime"] for time in page.select(".case-study__milestones time")]
    assert shown_dates == [milestone.date for milestone in case.milestones]
    governance = page.select(".case-study__governance dt")
    assert [text_of(dt) for dt in governance] == [b.body[language] for b in case.governance]
    funding = page.select_one(".case-study__funding")
    assert bool(funding) == bool(case.funding)
    if case.funding:
        assert case.funding.unknown[language] in text_of(funding)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_key_figure_says_its_year_or_that_it_is_undated(site, language):
    """The case listing promises it: a figure the source does not date says so, next to it (the
    territory's size first, one figure per count given, then the key figures)."""
    undated = f"({DATA.words['undated'][language]})"
    assert sum(figure.undated for case in CASES for figure in case.key_figures) > 0
    assert any(case.territory.scale and case.territory.scale.undated for case in CASES)
    for case in CASES:
        page = site.html(page_path(language, f"cas/{case.id}/"))
        scale = case.territory.scale
        counts = (scale.towns, scale.inhabitants, scale.libraries) if scale else ()
        figures = [scale] * sum(count is not None for count in counts) + list(case.key_figures)
        shown = page.select(".key-figure dd")
        for dd, figure in zip(shown, figures, strict=True):
            said = text_of(dd)
            assert (f"({figure.year})" in said) == (figure.year is not None), (case.id, said)
            assert (undated in said) == figure.undated, (case.id, said)
            assert figure.undated != (figure.year is not None), (case.id, said)


def test_a_case_without_end_reads_since_its_start_milestone(site):
    """The Baie network opened on 23 June 2014: not "since 2010", the year of the decision."""
    baie = DATA.case_studies["mediatheques-de-la-baie"]
    assert baie.start.date == "2014-06-23"
    meta = text_of(site.html("cas/mediatheques-de-la-baie/").select_one(".case-study__meta"))
    assert meta.endswith("depuis 2014")


# How an ended or abandoned project ended, as its end milestone says, at the top of its page.
END_TITLE = {
    "fr": {"ended": "Terminé : ", "abandoned": "Abandonné : "},
    "en": {"ended": "Ended: ", "abandoned": "Abandoned: "},
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_an_ended_case_says_at_the_top_when_and_why_it_ended(site, case, language):
    header = site.html(page_path(language, f"cas/{case.id}/")).select_one(".case-study__header")
    notices = header.select(".case-study__end")
    if case.status.id not in ENDED:
        assert notices == []
        return
    [notice] = notices
    title = text_of(notice.select_one(".admonition-title"))
    assert title.startswith(END_TITLE[language][case.status.id])
    assert case.end.date[:4] in title
    assert case.end.event[language] in text_of(notice)
    assert notice.select_one("a.citation")["href"].endswith(f"#{case.end.source.id}")


def test_some_cases_have_ended_and_each_has_its_end():
    ended = [case for case in CASES if case.status.id in ENDED]
    assert len(ended) >= 3
    assert all(case.end for case in ended)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_a_case_resting_on_a_single_source_says_so(site, case, language):
    path = page_path(language, f"cas/{case.id}/")
    notices = site.html(path).select(".case-study__header .case-study__single-source")
    if len(case.sources) > 1:
        assert notices == []
        return
    [notice] = notices
    assert (
        text_of(notice)
        == {
            "fr": "Ce cas repose sur une seule source : ses faits n'ont pas pu être recoupés.",
            "en": "This case rests on a single source: its facts could not be cross-checked.",
        }[language]
    )
    target, anchor = resolve(site, path, notice.a["href"])
    assert (target, anchor) == (path, "sources")
    assert site.html(path).find(id="sources")


def test_single_source_cases_exist_to_be_flagged():
    assert 0 < sum(len(case.sources) == 1 for case in CASES) < len(CASES)


def listed_cards(site, language: str) -> dict[str, object]:
    """Every card of the case listing (its cards file holds them all), by case id."""
    cards = json.loads((site.root / page_path(language, "cas/") / "cards.json").read_text("utf-8"))
    listed = {}
    for card in cards:
        item = BeautifulSoup(card, "html.parser").li
        listed[item.h2.a["href"].strip("/").rpartition("/")[2]] = item
    return listed


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("facet", "value_of", "vocabulary"),
    [
        ("country", lambda case: case.territory.country, "countries"),
        ("status", lambda case: case.status, "status"),
    ],
    ids=["country", "status"],
)
def test_each_case_is_listed_under_its_country_and_its_status(
    site, language, facet, value_of, vocabulary
):
    listed = listed_cards(site, language)
    assert set(listed) == {case.id for case in CASES}
    for case in CASES:
        assert listed[case.id][f"data-filter-{facet}"] == value_of(case).id
        assert value_of(case).label[language] in text_of(listed[case.id].p)
    select = site.html(page_path(language, "cas/")).select_one(f"select[name={facet}]")
    offered = [option["value"] for option in select.select("option[value]:not([value=''])")]
    terms = getattr(DATA.vocabularies, vocabulary).values()
    assert offered == [term.id for term in terms if any(value_of(c) == term for c in CASES)]
    for option in select.select("option[value]:not([value=''])"):
        assert (
            text_of(option)
            == getattr(DATA.vocabularies, vocabulary)[option["value"]].label[language]
        )


def test_the_cases_come_from_five_countries():
    """Issue 23: Switzerland, Belgium, Luxembourg and Québec beside France."""
    by_country = {}
    for case in CASES:
        by_country.setdefault(case.territory.country.id, set()).add(case.id)
    assert by_country["switzerland"] == {"rero", "slsp"}
    assert by_country["belgium"] == {"archivage-periodiques-belgique"}
    assert by_country["luxembourg"] == {"bibnet-consortium-luxembourg"}
    assert by_country["canada"] == {"buq-plateforme-partagee"}
    assert by_country["france"] == {case.id for case in CASES} - {
        "rero",
        "slsp",
        "archivage-periodiques-belgique",
        "bibnet-consortium-luxembourg",
        "buq-plateforme-partagee",
    }


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_a_case_page_links_its_partners_and_guide_steps(site, case, language):
    path = page_path(language, f"cas/{case.id}/")
    page = site.html(path)
    partner_links = [
        resolve(site, path, a["href"])[0]
        for a in page.select(".case-study__partners a:not(.citation)")
    ]
    assert partner_links == [
        page_path(language, f"partenaires/{link.partner.id}/") for link in case.partners
    ]
    roles = [text_of(li) for li in page.select(".case-study__partners > li")]
    for shown, link in zip(roles, case.partners, strict=True):
        assert link.role.label[language] in shown
    step_links = [resolve(site, path, a["href"])[0] for a in page.select(".case-study__steps a")]
    assert step_links == [
        page_path(language, link.step.page.removesuffix(".md") + "/") for link in case.steps
    ]
    reasons = [text_of(span) for span in page.select(".case-study__steps .case-study__why")]
    assert reasons == [link.why[language] for link in case.steps]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("partner", PARTNERS, ids=lambda partner: partner.id)
def test_each_partner_has_its_page_in_each_language_linking_its_case_studies(
    site, partner, language
):
    path = page_path(language, f"partenaires/{partner.id}/")
    page = site.html(path)
    assert text_of(page.h1) == partner.name[language]
    assert partner.description[language] in text_of(page.select_one("article"))
    shown = text_of(page.select_one("article"))
    assert all(c.term.label[language] in shown for c in partner.competences)
    case_links = [resolve(site, path, a["href"])[0] for a in page.select(".partner__cases a")]
    assert case_links == [page_path(language, f"cas/{case.id}/") for case in partner.case_studies]


IDENTIFIED = [partner for partner in PARTNERS if partner.identifiers]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("partner", IDENTIFIED, ids=lambda partner: partner.id)
def test_a_partner_page_links_each_identifier_to_its_register(site, partner, language):
    page = site.html(page_path(language, f"partenaires/{partner.id}/"))
    items = page.select(".partner__identifiers > li")
    assert len(items) == len(partner.identifiers)
    for item, identifier in zip(items, partner.identifiers, strict=True):
        assert text_of(item) == f"{SCHEMES[identifier.scheme].name} {identifier.value}"
        link = item.a
        if url(identifier.scheme, identifier.value):
            assert link["href"] == url(identifier.scheme, identifier.value)
            assert text_of(link) == identifier.value
        else:
            assert link is None  # ISIL has no resolver


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("partner", PARTNERS, ids=lambda partner: partner.id)
def test_a_partner_page_carries_an_organization_json_ld(site, partner, language):
    path = page_path(language, f"partenaires/{partner.id}/")
    (script,) = site.html(path).select("script[type='application/ld+json']")  # in the <head>
    organization = json.loads(script.string)["mainEntity"]
    assert organization["@type"] == "Organization"
    assert organization["name"] == partner.name[language]
    assert organization["url"] == site.url + path
    assert organization.get("identifier", []) == [
        {
            "@type": "PropertyValue",
            "propertyID": SCHEMES[each.scheme].name,
            "value": each.value,
            **({"url": url(each.scheme, each.value)} if url(each.scheme, each.value) else {}),
        }
        for each in partner.identifiers
    ]
    registers = [url(each.scheme, each.value) for each in partner.identifiers]
    assert organization.get("sameAs", []) == [
        address for address in (partner.website, *registers) if address
    ]


def test_some_partners_carry_identifiers_from_the_sources():
    assert {partner.id for partner in IDENTIFIED} >= {"abes", "bnf"}
    assert DATA.partners["bnf"].identifier("siren") == "180046252"


@pytest.mark.parametrize(
    ("scheme", "value", "address"),
    [
        ("ror", "02feahw73", "https://ror.org/02feahw73"),
        ("isil", "FR-123456789", None),
        ("siren", "180046252", "https://annuaire-entreprises.data.gouv.fr/entreprise/180046252"),
        ("wikidata", "Q90", "https://www.wikidata.org/wiki/Q90"),
        ("idref", "116736127", "https://www.idref.fr/116736127"),
    ],
)
def test_each_identifier_scheme_resolves_where_its_register_publishes_it(scheme, value, address):
    assert url(scheme, value) == address


@pytest.mark.parametrize("language", LANGUAGES)
def test_generated_pages_stay_out_of_the_navigation(site, language):
    for listing, records in [("cas/", CASES), ("partenaires/", PARTNERS)]:
        navigation = site.html(page_path(language, listing)).select_one(".md-nav--primary")
        linked = {a.get("href", "") for a in navigation.select("a")}
        assert not any(f"/{record.id}/" in href for record in records for href in linked)


# --- Listings: every record in the HTML, filters ready for the script ------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_case_listing_reaches_every_case_study_without_javascript(site, language):
    """Its first page of cards, then a link to the index of every case study by title."""
    path = page_path(language, "cas/")
    listing = site.html(path)
    items = listing.select("[data-listing-items] > li")
    links = [resolve(site, path, item.h2.a["href"])[0] for item in items]
    every_case = [page_path(language, f"cas/{case.id}/") for case in CASES]
    assert links == every_case[:LISTING_PAGE_SIZE]
    assert not any(item.has_attr("hidden") for item in items)
    if len(CASES) > LISTING_PAGE_SIZE:
        index, _ = resolve(site, path, listing.select_one(".case-list__index a")["href"])
        linked = [
            resolve(site, index, a["href"])[0] for a in site.html(index).select(".case-index a")
        ]
        assert linked == every_case


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_partner_directory_holds_every_partner_and_links_their_case_studies(site, language):
    path = page_path(language, "partenaires/")
    items = site.html(path).select("[data-listing-items] > li")
    assert len(items) == len(PARTNERS)
    linked_cases = {
        resolve(site, path, a["href"])[0] for item in items for a in item.select("dd a")
    }
    expected = {
        page_path(language, f"cas/{case.id}/")
        for partner in PARTNERS
        for case in partner.case_studies
    }
    assert linked_cases == expected


@pytest.mark.parametrize(
    ("path", "filters"),
    [
        (
            "cas/",
            {"field", "form", "status", "partner-type", "audience", "country", "territory", "step"},
        ),
        ("partenaires/", {"competence", "partner-type"}),
    ],
)
@pytest.mark.parametrize("language", LANGUAGES)
def test_filters_are_labelled_and_the_count_is_announced(site, language, path, filters):
    listing = site.html(page_path(language, path)).select_one("[data-listing]")
    form = listing.select_one("form[data-filters]")
    assert form.fieldset.legend.get_text(strip=True) == {"fr": "Filtrer", "en": "Filter"}[language]
    selects = form.select("select")
    assert {select["name"] for select in selects} == filters
    # Every card, the listing's first page and those the script fetches (cards.json).
    items = (
        list(listed_cards(site, language).values())
        if path == "cas/"
        else listing.select("[data-listing-items] > li")
    )
    for select in selects:
        assert form.select_one(f"label[for='{select['id']}']").get_text(strip=True)
        for option in select.select("option[value]:not([value=''])"):
            matching = [
                item
                for item in items
                if option["value"] in item.get(f"data-filter-{select['name']}", "").split()
            ]
            assert matching, f"{select['name']}={option['value']} would show nothing"
    count = listing.select_one("[role=status]")
    assert count["aria-live"] == "polite"
    assert {"data-count-none", "data-count-one", "data-count-many"} <= set(count.attrs)


@pytest.mark.parametrize("step", DATA.vocabularies.steps.values(), ids=lambda step: step.id)
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_step_page_shows_the_case_studies_illustrating_it(site, language, step):
    path = page_path(language, step.page.removesuffix(".md") + "/")
    cards = site.html(path).select(".case-cards .case-card")
    shown = {
        resolve(site, path, card.select_one(".case-card__title a")["href"])[0]: text_of(
            card.select_one(".case-card__why")
        )
        for card in cards
    }
    illustrating = [case for case in CASES if case.why(step)]
    expected = {
        page_path(language, f"cas/{case.id}/"): case.why(step)[language]
        for case in illustrating[:STEP_CARDS]
    }
    assert shown == expected, "each case listed with why it illustrates the step"
    more = site.html(path).select_one(".case-cards__more a")
    if len(illustrating) > STEP_CARDS:  # the others, in the listing filtered by the step
        target = urljoin(site.url + path, more["href"])
        assert site.path_of(target) == page_path(language, "cas/")
        assert parse_qs(urlsplit(target).query) == {"step": [step.id]}
    else:
        assert more is None


# --- Citations, glossary, tooltips ------------------------------------------------------------


def test_every_citation_links_to_an_existing_reference(site):
    citations = 0
    for page in site.pages():
        for link in site.html(page).select("a.citation"):
            target, anchor = resolve(site, page.as_posix(), link["href"])
            assert anchor in DATA.sources, f"{page}: {link['href']}"
            assert site.html(target).find(id=anchor), f"{page}: {link['href']}"
            citations += 1
    assert citations > len(DATA.sources)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_sources_page_lists_every_source_by_id(site, language):
    references = site.html(page_path(language, "sources/")).select(".bibliography > li[id]")
    assert [li["id"] for li in references] == list(DATA.sources)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_reference_without_year_or_address_says_why(site, language):
    """A missing date or address is a fact about the document, told to the reader in words."""
    page = site.html(page_path(language, "sources/"))
    words = DATA.words
    for source in DATA.sources.values():
        reasons = [text_of(span) for span in page.find(id=source.id).select(".reference__reason")]
        expected = [
            words[word][language].format(reason=reason.label[language])
            for word, reason in (
                ("undated_because", source.undated_reason),
                ("no_url_because", source.no_url_reason),
            )
            if reason
        ]
        assert [reason.replace("\u00a0", " ") for reason in reasons] == [
            reason.replace("\u00a0", " ") for reason in expected
        ], source.id
        assert (source.year is None) == bool(source.undated_reason), source.id
        assert (source.url is None) == bool(source.no_url_reason), source.id
    assert any(source.no_url_reason for source in DATA.sources.values())


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_glossary_defines_every_term_in_the_page_language(site, language):
    page = site.html(page_path(language, "glossaire/"))
    terms = {dt["id"]: text_of(dt) for dt in page.select(".glossary dt")}
    assert terms == {term.id: term.term[language] for term in DATA.glossary.values()}


@pytest.mark.parametrize("language", LANGUAGES)
def test_abbreviations_expand_in_the_reader_language_on_every_page(site, language):
    expansions = {
        term.term[language]: term.expansion[language]
        for term in DATA.glossary.values()
        if term.expansion
    }
    tooltips = 0
    for page in site.pages(language):
        html = site.html(page)
        for abbr in html.select("article abbr"):
            assert abbr["title"] == expansions[abbr.get_text()], f"{page}: {abbr}"
            tooltips += 1
        assert not html.select(":is(code, pre) abbr"), f"{page}: a tooltip inside code"
    assert tooltips > 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_glossary_opens_with_an_a_to_z_index(site, language):
    """Each initial of the terms (accents aside: "État" under E) links to its first term."""
    html = site.html(page_path(language, "glossaire/"))
    terms = html.select("dl.glossary > dt")

    def initial(text: str) -> str:
        letter = unicodedata.normalize("NFD", text)[0].upper()
        return letter if letter.isalpha() else "#"

    firsts = {}
    for term in terms:
        firsts.setdefault(initial(text_of(term)), term["id"])
    index = html.select("nav.glossary-index a")
    assert [text_of(link) for link in index] == list(firsts)
    assert [link["href"] for link in index] == [f"#{term_id}" for term_id in firsts.values()]
    assert len(index) > 10


@pytest.mark.parametrize("language", LANGUAGES)
def test_record_pages_get_glossary_tooltips_in_their_texts(site, language):
    """Markdown's abbr extension skips the HTML of generated pages: their templates add the
    tooltips to the texts they print (a case's summary, a partner's description)."""
    abbreviations = [term.term[language] for term in DATA.glossary.values() if term.expansion]
    tooltips = 0
    for path, selector, text in [
        *((f"cas/{c.id}/", ".case-study__summary", c.summary) for c in CASES),
        *((f"partenaires/{p.id}/", ".partner__description", p.description) for p in PARTNERS),
    ]:
        written = [
            term
            for term in abbreviations
            if re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", text[language])
        ]
        shown = site.html(page_path(language, path)).select_one(f"article {selector}")
        assert sorted({text_of(abbr) for abbr in shown.select("abbr")}) == sorted(set(written))
        tooltips += len(written)
    assert tooltips > 0


# --- Structured data and open data -----------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_a_case_page_carries_schema_org_json_ld(site, case, language):
    path = page_path(language, f"cas/{case.id}/")
    # the page's own, in its content (the head's describes the web page: test_structured_data.py)
    (script,) = site.html(path).select("article script[type='application/ld+json']")
    article = json.loads(script.string)
    assert article["@type"] == "Article"
    assert article["headline"] == case.title[language]
    assert article["inLanguage"] == language
    assert article["url"] == site.url + path
    # who wrote it and when, as its citation block and reference-manager metadata say
    head = site.html(path).head
    assert (
        article["author"]["name"] == head.find("meta", attrs={"name": "citation_author"})["content"]
    )
    assert article["dateModified"] == head.find("meta", attrs={"name": "DC.date"})["content"]
    assert article["dateModified"] == case.dates.last_changed.isoformat()
    assert article["datePublished"] == case.dates.added.isoformat()
    assert [c["name"] for c in article["contributor"]] == [
        link.partner.name[language] for link in case.partners
    ]
    assert len(article["citation"]) == len(case.sources)
    # where: the case's own words, within its région (ISO 3166-2 code) if any, within its country
    place = article["spatialCoverage"]
    assert place["name"] == case.territory.label[language]
    within = place["containedInPlace"]
    if case.territory.region:
        assert within["@type"] == "AdministrativeArea"
        assert within["name"] == case.territory.region.label[language]
        assert re.fullmatch(r"FR-[0-9A-Z]{2,3}", within["identifier"])
        within = within["containedInPlace"]
    assert within == {"@type": "Country", "name": case.territory.country.label[language]}


def exported(site, dataset: str, language: str) -> tuple[dict, list[dict]]:
    """A dataset's JSON document and its CSV rows, as published."""
    published = site.root / "donnees"
    document = json.loads((published / f"{dataset}.{language}.json").read_text("utf-8"))
    text = (published / f"{dataset}.{language}.csv").read_text("utf-8-sig")
    return document, list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_open_data_holds_every_record_with_its_page_url(site, kind, language):
    document, table = exported(site, kind.name, language)
    assert document["language"] == language
    assert document["licence"]["name"] == "CC BY-NC-SA 4.0"
    rows = document["records"]
    assert [row["id"] for row in rows] == list(DATA.records[kind.name])
    for row in rows:
        page = page_path(language, f"{kind.page_folder}/{row['id']}/")
        assert row["url"] == site.url + page
        assert site_file(site, page).is_file()
    assert [(row["id"], row["url"]) for row in table] == [(row["id"], row["url"]) for row in rows]


@pytest.mark.parametrize("language", LANGUAGES)
def test_open_data_texts_are_in_the_file_language(site, language):
    cases, case_table = exported(site, "case-studies", language)
    for row, case in zip(cases["records"], CASES, strict=True):
        assert row["title"] == case.title[language]
        assert row["status_label"] == case.status.label[language]
        assert row["field_labels"] == [term.label[language] for term in case.fields]
        assert [gain["text"] for gain in row["gains"]] == [g.text[language] for g in case.gains]
        assert [gain["audience"] for gain in row["gains"]] == [
            g.audience.id if g.audience else None for g in case.gains
        ]
        assert row["start_date"] == (case.start.date if case.start else None)
        assert [s["why"] for s in row["step_reasons"]] == [s.why[language] for s in case.steps]
        assert [p["role"] for p in row["partner_roles"]] == [p.role.id for p in case.partners]
    assert [row["title"] for row in case_table] == [case.title[language] for case in CASES]
    for row, case in zip(case_table, CASES, strict=True):
        assert (row["country"], row["country_label"]) == (
            case.territory.country.id,
            case.territory.country.label[language],
        )
    partners, partner_table = exported(site, "partners", language)
    for row, line, partner in zip(partners["records"], partner_table, PARTNERS, strict=True):
        for scheme in SCHEMES:
            assert row[scheme] == partner.identifier(scheme)
            assert line[scheme] == (partner.identifier(scheme) or "")
        assert row["name"] == partner.name[language]
        assert row["type_label"] == partner.partner_type.label[language]
        assert row["description"] == partner.description[language]


def test_open_data_publishes_the_schemas(site):
    published = sorted(path.name for path in (site.root / "donnees" / "schemas").iterdir())
    expected = sorted([*(kind.schema for kind in KINDS), "common.schema.json"])
    assert published == expected
    for name in published:
        assert (site.root / "donnees" / "schemas" / name).read_bytes() == (
            ROOT / "data" / "schemas" / name
        ).read_bytes()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_open_data_page_documents_every_column(site, language):
    page = site.html(page_path(language, "donnees-ouvertes/"))
    documented = [
        [code.get_text() for code in table.select("tbody code")]
        for table in page.select("table.open-data-columns")
    ]
    published = [list(exported(site, table.name, language)[0]["records"][0]) for table in tables()]
    assert sorted(documented) == sorted(published)
    assert len(documented) == len(KINDS) + 1  # each kind's, and the glossary's
