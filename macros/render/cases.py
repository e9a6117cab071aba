"""Case studies on the site: the cards on the step pages, the filterable listing and one page per
case, with its schema.org JSON-LD (the record itself: macros/kinds/case_studies.py)."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial
from urllib.parse import urlencode

from markupsafe import Markup
from mkdocs.utils import get_relative_url

from macros.model.life_cycle import current
from macros.model.records import (
    ENDED,
    CaseStudy,
    SiteData,
    Source,
    Territory,
    lookup,
)
from macros.render.citations import cite
from macros.render.context import PageContext
from macros.render.facets import Facet, count_texts, facet
from macros.render.glossary import abbreviator
from macros.render.record_nav import record_nav
from macros.render.templates import render
from macros.site.i18n import page_url
from macros.site.paths import (
    CASE_INDEX_PAGE,
    CASE_LISTING_PAGE,
    FORMS_PAGE,
    case_index_page,
    case_page_path,
    partner_page_path,
)

# --- The listing's filters ---------------------------------------------------------------


def territory_of(case: CaseStudy) -> str:
    """What the territory filter groups a case under: its French région, else its country (a
    case across France or several régions, or abroad)."""
    return (case.territory.region or case.territory.country).id


def territory_labels(data: SiteData, cases: list[CaseStudy], language: str, ui: dict):
    """The régions, then the countries; a country that also has cases in régions reads as its
    national scope ("France: national or several régions"), so that it is not taken for them all."""
    vocabularies = data.vocabularies
    with_regions = {case.territory.country.id for case in cases if case.territory.region}
    labels = {region.id: region.label[language] for region in vocabularies.regions.values()}
    for country in vocabularies.countries.values():
        label = country.label[language]
        labels[country.id] = (
            ui["territory_national"].format(country=label) if country.id in with_regions else label
        )
    return labels


def case_facets(data: SiteData, cases: list[CaseStudy], language: str, ui: dict) -> list[Facet]:
    vocabularies = data.vocabularies

    def labels(terms) -> dict[str, str]:
        return {term.id: term.label[language] for term in terms.values()}

    return [
        facet(
            "field",
            ui["field"],
            cases,
            lambda c: [term.id for term in c.fields],
            labels(vocabularies.fields),
        ),
        facet(
            "form",
            ui["administrative_form"],
            cases,
            lambda c: [c.administrative_form.id],
            labels(vocabularies.administrative_forms),
        ),
        facet("status", ui["status"], cases, lambda c: [c.status.id], labels(vocabularies.status)),
        facet(
            "partner-type",
            ui["partner_type"],
            cases,
            lambda c: sorted({link.partner.partner_type.id for link in c.partners}),
            labels(vocabularies.partner_types),
        ),
        facet(
            "audience",
            ui["audience"],
            cases,
            lambda c: sorted({f.audience.id for f in (*c.gains, *c.drawbacks) if f.audience}),
            labels(vocabularies.audiences),
        ),
        facet(
            "country",
            ui["country"],
            cases,
            lambda c: [c.territory.country.id],
            labels(vocabularies.countries),
        ),
        facet(
            "territory",
            ui["territory"],
            cases,
            lambda c: [territory_of(c)],
            territory_labels(data, cases, language, ui),
        ),
        facet(
            "step",
            ui["step"],
            cases,
            lambda c: [link.step.id for link in c.steps],
            {
                step.id: ui["step_link"].format(number=step.number, label=step.label[language])
                for step in vocabularies.steps.values()
            },
        ),
    ]


# --- Macros --------------------------------------------------------------------------------


def listed(data: SiteData) -> list[CaseStudy]:
    """The case studies every listing shows, in id order: the current ones. An archived or
    superseded case keeps its page, which links to what replaces it (macros/model/life_cycle.py)."""
    return current(data.case_studies.values())


# A step's "in practice" section shows this many cards at most, then links to the listing
# filtered by the step: at 1000 case studies a step page would otherwise carry hundreds.
STEP_CARDS = 30


def cases_for_step(data: SiteData, page: PageContext, step_id: str) -> str:
    """The case studies illustrating a guide step: linked title, status, and why it illustrates
    the step (the case file's note), so that a reader sees the link, not only a tag; the first
    STEP_CARDS, and a link to all of them in the listing when there are more."""
    step = lookup(data.vocabularies.steps, step_id, "guide step")
    why = {case.id: reason for case in listed(data) if (reason := case.why(step))}
    cases = [data.case_studies[case_id] for case_id in why]
    shown = cases[:STEP_CARDS]
    return render(
        "cases_for_step.html",
        cases=shown,
        links={case.id: page.link(case_page_path(case.id)) for case in shown},
        reasons={case.id: why[case.id][page.language] for case in shown},
        listing=page.link(CASE_LISTING_PAGE),
        more=len(cases) - len(shown),
        total=len(cases),
        step_filter=f"?{urlencode({'step': step.id})}",
        language=page.language,
        ui=page.ui,
    )


FINDINGS = ("gains", "drawbacks")
# The decision-makers' page quotes this many cases at most, then links to the listing, where
# each case page holds its findings: at 1000 cases the page would otherwise weigh 400 KB.
FINDINGS_CASES = 30


def case_findings(data: SiteData, page: PageContext, section: str) -> str:
    """What the case studies found, gains or drawbacks, case by case, each with its source and
    a link to its case (the decision-makers' page): the facts stay in the case files. The first
    FINDINGS_CASES cases, and a link to all of them when there are more."""
    if section not in FINDINGS:
        raise LookupError(f"case_findings: {section!r} is not one of {FINDINGS}")
    cases = [case for case in listed(data) if getattr(case, section)]
    shown = cases[:FINDINGS_CASES]
    return render(
        "case_findings.html",
        cases=shown,
        more=len(cases) - len(shown),
        total=len(cases),
        listing=page.link(CASE_LISTING_PAGE),
        ui=page.ui,
        section=section,
        links={case.id: page.link(case_page_path(case.id), section) for case in shown},
        cite=lambda source: Markup(cite(data, page, source.id)),
        abbr=abbreviator(data, page.language),
        language=page.language,
    )


# The listing's cards beyond its first page: the filters script fetches them, in the page's
# language, from this file next to the listing page (macros/build/case_listing_cards.py writes it).
LISTING_CARDS = "cards.json"


def listing_cards(
    cases: list[CaseStudy],
    facets: list[Facet],
    language: str,
    ui: dict,
    link_of: Callable[[str], str],
) -> list[Markup]:
    """The cards of `cases` in the listing, as HTML: one autoescaped template, whether the page
    prints the card or the script adds it. `facets`: the listing's filters, over every case
    study; `link_of(case_id)`: the case page's address."""
    card = partial(render, "case_card.html", facets=facets, language=language, ui=ui)
    return [Markup(card(case=case, link=link_of(case.id))) for case in cases]


def listing_cards_json(data: SiteData, language: str) -> str:
    """The file LISTING_CARDS of a language: every card in listing order, linked from there."""
    listing = page_url(CASE_LISTING_PAGE, language)

    def link_of(case_id: str) -> str:
        return get_relative_url(page_url(case_page_path(case_id), language), listing)

    cases, ui = listed(data), data.ui(language)
    cards = listing_cards(cases, case_facets(data, cases, language, ui), language, ui, link_of)
    return json.dumps([str(card) for card in cards], ensure_ascii=False, separators=(",", ":"))


def case_listing(data: SiteData, page: PageContext, script_url: str, page_size: int) -> str:
    """The case studies with their filters: the first `page_size` cards and, for readers
    without JavaScript, a link to every case study's title (CASE_INDEX_PAGE). filters.js (at
    `script_url`) brings the filters to life and fetches every card (LISTING_CARDS) only once
    the reader filters or asks for more."""
    cases = listed(data)
    first, others = cases[:page_size], cases[page_size:]
    listing = page_url(CASE_LISTING_PAGE, page.language)
    facets = case_facets(data, cases, page.language, page.ui)
    return render(
        "case_listing.html",
        cards=listing_cards(
            first,
            facets,
            page.language,
            page.ui,
            lambda case_id: page.link(case_page_path(case_id)),
        ),
        total=len(cases),
        case_index=page.link(CASE_INDEX_PAGE),
        page_size=page_size,
        source=get_relative_url(listing + LISTING_CARDS, page.url) if others else None,
        facets=facets,
        counts=count_texts(page.ui, "case-studies"),
        script_url=script_url,
        language=page.language,
        ui=page.ui,
    )


# The plain list of case studies holds this many links a page; the next ones are on generated
# pages (macros/build/generated_pages.py), each linking to all the others: every page stays
# within the page budget however many case studies there are.
INDEX_LINKS = 200


def case_index_parts(cases: int) -> int:
    """How many pages the plain list of `cases` case studies takes."""
    return max(1, -(-cases // INDEX_LINKS))


def case_index(data: SiteData, page: PageContext, part: int = 1) -> str:
    """Every case study as a plain link (the listing's page for readers without JavaScript),
    INDEX_LINKS a page: this is page `part`, linked to the others. The first page also names,
    folded away, those archived or superseded: every case study is reachable from a list."""
    cases = listed(data)
    retired = [case for case in data.case_studies.values() if case.life_cycle] if part == 1 else []
    parts = case_index_parts(len(cases))
    if not 1 <= part <= parts:
        raise LookupError(f"the list of case studies has {parts} pages, not {part}")
    start = (part - 1) * INDEX_LINKS
    shown = cases[start : start + INDEX_LINKS]
    return render(
        "case_index.html",
        cases=shown,
        links={case.id: page.link(case_page_path(case.id)) for case in [*shown, *retired]},
        retired=retired,
        part=part,
        parts=[page.link(case_index_page(n)) for n in range(1, parts + 1)],
        first=start + 1,
        total=len(cases),
        language=page.language,
        ui=page.ui,
    )


def case_study_page(data: SiteData, page: PageContext, case: CaseStudy) -> str:
    """The whole body of a case study's generated page."""
    language = page.language
    return render(
        "case_study.md",
        case=case,
        nav=record_nav(
            page,
            CASE_LISTING_PAGE,
            page.ui["case-studies.dataset"],
            page.ui["case-studies.back"],
            listed(data),  # the listing's order (case_listing)
            case,
            lambda each: each.title[language],
            case_page_path,
        ),
        language=language,
        ui=page.ui,
        json_ld=json_ld(case, page),
        ended=ENDED,
        abbr=abbreviator(data, language),
        cite=lambda source: Markup(cite(data, page, source.id)),
        partner_links={
            link.partner.id: page.link(partner_page_path(link.partner.id)) for link in case.partners
        },
        step_links={link.step.id: page.link(link.step.page) for link in case.steps},
        forms_page=page.link(FORMS_PAGE),
    )


# --- schema.org ----------------------------------------------------------------------------


def json_ld(case: CaseStudy, page: PageContext) -> dict:
    """The case as a schema.org Article, for search engines and citation tools."""
    language = page.language
    article = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": case.title[language],
        "description": case.summary[language],
        "inLanguage": language,
        "url": page.absolute_url(),
        "isPartOf": {"@type": "WebSite", "name": page.site_name, "url": page.site_url},
        "license": page.licence["url"],
        # the project writes the page, as its citation says (macros/publish/page_citation.py)
        "author": {"@type": "Organization", "name": page.site_name, "url": page.site_url},
        "datePublished": case.dates.added.isoformat(),
        "dateModified": case.dates.last_changed.isoformat(),
        "about": [
            {"@type": "DefinedTerm", "name": term.label[language]}
            for term in (*case.fields, case.administrative_form)
        ],
        "contributor": [
            {
                "@type": "Organization",
                "name": link.partner.name[language],
                "url": page.absolute_url(partner_page_path(link.partner.id)),
                **({"sameAs": link.partner.website} if link.partner.website else {}),
            }
            for link in case.partners
        ],
        "spatialCoverage": _place(case.territory, language),
        "citation": [_creative_work(source) for source in case.sources],
    }
    if case.start:
        article["temporalCoverage"] = f"{case.start.date}/{case.end.date if case.end else '..'}"
    return article


def _place(territory: Territory, language: str) -> dict:
    """The case's territory, within its région (by its ISO 3166-2 code) if it has one, within
    its country."""
    within: dict = {"@type": "Country", "name": territory.country.label[language]}
    if territory.region:
        within = {
            "@type": "AdministrativeArea",
            "name": territory.region.label[language],
            "identifier": territory.region.id.upper(),  # "fr-ara": ISO 3166-2 "FR-ARA"
            "containedInPlace": within,
        }
    return {"@type": "Place", "name": territory.label[language], "containedInPlace": within}


def _creative_work(source: Source) -> dict:
    work: dict = {"@type": "CreativeWork", "name": source.title}
    if source.authors:
        # The data writes people as "Family, Given" and institutions by their name.
        work["author"] = [
            {"@type": "Person" if "," in author else "Organization", "name": author}
            for author in source.authors
        ]
    if source.year:
        work["datePublished"] = str(source.year)
    if source.url:
        work["url"] = source.url
    return work
