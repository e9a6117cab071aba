"""Case studies: the cards on the step pages, the filterable listing, one page per case."""

from __future__ import annotations

from markupsafe import Markup

from .citations import cite
from .context import PageContext
from .data import CaseStudy, SiteData, Source
from .filters import Facet, count_texts, facet
from .open_data import CONTENT_LICENCE
from .paths import CASE_LISTING_PAGE, FORMS_PAGE, case_page_path, partner_page_path
from .templates import render
from .text import first_sentence, slug


def find_case(data: SiteData, case_id: str) -> CaseStudy:
    try:
        return data.case_studies[case_id]
    except KeyError:
        known = ", ".join(data.case_studies)
        raise KeyError(f"unknown case study {case_id!r} (one of: {known})") from None


# --- The listing's filters ---------------------------------------------------------------


def territory_key(case: CaseStudy) -> str:
    """Territories have no id: the slug of the French label is stable in both languages."""
    return slug(case.territory.label.fr)


def case_facets(data: SiteData, cases: list[CaseStudy], language: str, ui: dict) -> list[Facet]:
    vocabularies = data.vocabularies

    def labels(terms) -> dict[str, str]:
        return {term.id: term.label[language] for term in terms.values()}

    territories = {territory_key(case): case.territory.label[language] for case in cases}
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
            lambda c: sorted({p.partner_type.id for p in c.partners}),
            labels(vocabularies.partner_types),
        ),
        facet("territory", ui["territory"], cases, lambda c: [territory_key(c)], territories),
    ]


# --- Macros --------------------------------------------------------------------------------


def cases_for_step(data: SiteData, page: PageContext, step_id: str) -> str:
    """The case studies illustrating a guide step: linked title, status, one-line summary."""
    if step_id not in data.vocabularies.steps:
        known = ", ".join(data.vocabularies.steps)
        raise KeyError(f"unknown guide step {step_id!r} (one of: {known})")
    step = data.vocabularies.steps[step_id]
    cases = [case for case in data.case_studies.values() if step in case.steps]
    return render(
        "cases_for_step.html",
        cases=cases,
        links={case.id: page.link(case_page_path(case.id)) for case in cases},
        summaries={case.id: first_sentence(case.summary[page.language]) for case in cases},
        listing=page.link(CASE_LISTING_PAGE),
        language=page.language,
        ui=page.ui,
    )


def case_listing(data: SiteData, page: PageContext, script_url: str) -> str:
    """Every case study, with filters that filters.js (at `script_url`) brings to life."""
    cases = list(data.case_studies.values())
    facets = case_facets(data, cases, page.language, page.ui)
    return render(
        "case_listing.html",
        cases=cases,
        facets=facets,
        links={case.id: page.link(case_page_path(case.id)) for case in cases},
        counts=count_texts(page.ui, "cases"),
        script_url=script_url,
        language=page.language,
        ui=page.ui,
    )


def case_study_page(data: SiteData, page: PageContext, case_id: str) -> str:
    """The whole body of a case study's generated page."""
    case = find_case(data, case_id)
    language = page.language
    return render(
        "case_study.md",
        case=case,
        language=language,
        ui=page.ui,
        json_ld=json_ld(case, page),
        cite=lambda source: Markup(cite(data, page, source.id)),
        partner_links={p.id: page.link(partner_page_path(p.id)) for p in case.partners},
        step_links={step.id: page.link(step.page) for step in case.steps},
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
        "url": page.site_url + page.url,
        "isPartOf": {"@type": "WebSite", "name": "Mutualiser", "url": page.site_url},
        "license": CONTENT_LICENCE["url"],
        "about": [
            {"@type": "DefinedTerm", "name": term.label[language]}
            for term in (*case.fields, case.administrative_form)
        ],
        "contributor": [
            {
                "@type": "Organization",
                "name": partner.name[language],
                "url": page.absolute_url(partner_page_path(partner.id)),
                **({"sameAs": partner.website} if partner.website else {}),
            }
            for partner in case.partners
        ],
        "spatialCoverage": {"@type": "Place", "name": case.territory.label[language]},
        "citation": [_creative_work(source) for source in case.sources],
    }
    if case.period:
        article["temporalCoverage"] = f"{case.period.start}/{case.period.end or '..'}"
    return article


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
