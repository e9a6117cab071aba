"""Case studies: built from data/case-studies/, their open-data columns, the cards on the step
pages, the filterable listing and one page per case (declared in macros/kinds.py)."""

from __future__ import annotations

from markupsafe import Markup

from .citations import cite
from .context import PageContext
from .facets import Facet, count_texts, facet
from .paths import CASE_LISTING_PAGE, FORMS_PAGE, case_page_path, partner_page_path
from .record_dates import RecordDates
from .records import (
    CaseStudy,
    Column,
    KeyFigure,
    Period,
    Scale,
    SiteData,
    Source,
    Territory,
    Text,
    lookup,
)
from .templates import render
from .text import first_sentence, slug
from .validation import Problem, YamlFile

# --- From the data -----------------------------------------------------------------------


def build_case_study(parsed: YamlFile, site: SiteData) -> CaseStudy:
    """A case study from its valid file, added to the case studies of each of its partners."""
    content, vocabularies, sources = parsed.content, site.vocabularies, site.sources
    territory, scale, period = (
        content["territory"],
        content["territory"].get("scale"),
        content.get("period"),
    )
    case = CaseStudy(
        id=content["id"],
        data_file=parsed.shown_path,
        status=vocabularies.status[content["status"]],
        title=Text.of(content["title"]),
        summary=Text.of(content["summary"]),
        territory=Territory(
            label=Text.of(territory["label"]),
            scale=Scale(
                towns=scale.get("towns"),
                inhabitants=scale.get("inhabitants"),
                libraries=scale.get("libraries"),
                year=scale.get("year"),
                source=sources[scale["source"]],
            )
            if scale
            else None,
        ),
        period=Period(period["start"], period.get("end")) if period else None,
        partners=tuple(site.partners[partner_id] for partner_id in content["partners"]),
        fields=tuple(vocabularies.fields[term] for term in content["fields"]),
        administrative_form=vocabularies.administrative_forms[content["administrative_form"]],
        key_figures=tuple(
            KeyFigure(
                label=Text.of(figure["label"]),
                value=figure["value"],
                unit=Text.optional(figure.get("unit")),
                year=figure.get("year"),
                source=sources[figure["source"]],
            )
            for figure in content.get("key_figures", ())
        ),
        steps=tuple(vocabularies.steps[step_id] for step_id in content["steps"]),
        gains=Text.all(content.get("gains")),
        drawbacks=Text.all(content.get("drawbacks")),
        lessons=Text.all(content.get("lessons")),
        sources=tuple(sources[source_id] for source_id in content["sources"]),
        dates=RecordDates.of(content),
    )
    for partner in case.partners:
        partner.case_studies.append(case)  # cases are built in id order
    return case


def check_period(parsed: YamlFile) -> list[Problem]:
    """A period cannot end before it starts (the schema checks each year alone)."""
    period = parsed.content.get("period") if isinstance(parsed.content, dict) else None
    if not isinstance(period, dict):
        return []
    start, end = period.get("start"), period.get("end")
    if isinstance(start, int) and isinstance(end, int) and end < start:
        wrong = f"ends in {end}, before it starts"
        return [parsed.problem(("period", "end"), wrong, f"a year from {start} on")]
    return []


def _key_figure(figure: KeyFigure, language: str) -> dict:
    return {
        "label": figure.label[language],
        "value": figure.value,
        "unit": figure.unit[language] if figure.unit else None,
        "year": figure.year,
        "source": figure.source.id,
    }


def _scale(case: CaseStudy, name: str):
    return getattr(case.territory.scale, name) if case.territory.scale else None


# The open data's columns after id and url; their meanings are the words case-studies.column.*.
COLUMNS = (
    Column("title", lambda case, language: case.title[language]),
    Column("summary", lambda case, language: case.summary[language]),
    Column("status", lambda case, language: case.status.id),
    Column("status_label", lambda case, language: case.status.label[language]),
    Column("territory", lambda case, language: case.territory.label[language]),
    Column("towns", lambda case, language: _scale(case, "towns")),
    Column("inhabitants", lambda case, language: _scale(case, "inhabitants")),
    Column("libraries", lambda case, language: _scale(case, "libraries")),
    Column("start_year", lambda case, language: case.period.start if case.period else None),
    Column("end_year", lambda case, language: case.period.end if case.period else None),
    Column("fields", lambda case, language: [term.id for term in case.fields]),
    Column("field_labels", lambda case, language: [term.label[language] for term in case.fields]),
    Column("administrative_form", lambda case, language: case.administrative_form.id),
    Column(
        "administrative_form_label",
        lambda case, language: case.administrative_form.label[language],
    ),
    Column("partners", lambda case, language: [partner.id for partner in case.partners]),
    Column(
        "partner_names",
        lambda case, language: [partner.name[language] for partner in case.partners],
    ),
    Column("steps", lambda case, language: [step.id for step in case.steps]),
    Column(
        "key_figures",
        lambda case, language: [_key_figure(figure, language) for figure in case.key_figures],
    ),
    Column("gains", lambda case, language: [text[language] for text in case.gains]),
    Column("drawbacks", lambda case, language: [text[language] for text in case.drawbacks]),
    Column("lessons", lambda case, language: [text[language] for text in case.lessons]),
    Column("sources", lambda case, language: [source.id for source in case.sources]),
)


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
    step = lookup(data.vocabularies.steps, step_id, "guide step")
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
        counts=count_texts(page.ui, "case-studies"),
        script_url=script_url,
        language=page.language,
        ui=page.ui,
    )


def case_study_page(data: SiteData, page: PageContext, case: CaseStudy) -> str:
    """The whole body of a case study's generated page."""
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
        "url": page.absolute_url(),
        "isPartOf": {"@type": "WebSite", "name": page.site_name, "url": page.site_url},
        "license": page.licence["url"],
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
