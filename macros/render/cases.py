"""Case studies: built from data/case-studies/, their open-data columns, the cards on the step
pages, the filterable listing and one page per case (declared in macros/kinds.py)."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial
from urllib.parse import urlencode

from markupsafe import Markup
from mkdocs.utils import get_relative_url

from macros.model import messages
from macros.model.record_dates import RecordDates
from macros.model.records import (
    CasePartner,
    CaseStudy,
    Column,
    Finding,
    Funding,
    GoverningBody,
    KeyFigure,
    Milestone,
    Scale,
    SiteData,
    Source,
    StepLink,
    Territory,
    Text,
    lookup,
)
from macros.model.validation import Problem, YamlFile
from macros.render.citations import cite
from macros.render.context import PageContext
from macros.render.facets import Facet, count_texts, facet
from macros.render.templates import render
from macros.site.i18n import page_url
from macros.site.paths import (
    CASE_INDEX_PAGE,
    CASE_LISTING_PAGE,
    FORMS_PAGE,
    case_page_path,
    partner_page_path,
)
from macros.site.text import slug

# --- From the data -----------------------------------------------------------------------


def build_case_study(parsed: YamlFile, site: SiteData) -> CaseStudy:
    """A case study from its valid file, added to the case studies of each of its partners."""
    content, vocabularies, sources = parsed.content, site.vocabularies, site.sources
    territory, scale, funding = (
        content["territory"],
        content["territory"].get("scale"),
        content.get("funding"),
    )

    def finding(item: dict) -> Finding:
        return Finding(
            text=Text.of(item["text"]),
            audience=vocabularies.audiences.get(item.get("audience", "")),
            horizon=vocabularies.horizons.get(item.get("horizon", "")),
            source=sources.get(item.get("source", "")),
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
        milestones=tuple(
            Milestone(
                date=milestone["date"],
                event=Text.of(milestone["event"]),
                marks=milestone.get("marks"),
                source=sources[milestone["source"]],
            )
            for milestone in content.get("milestones", ())
        ),
        partners=tuple(
            CasePartner(
                partner=site.partners[link["partner"]],
                role=vocabularies.partner_roles[link["role"]],
                source=sources[link["source"]],
            )
            for link in content["partners"]
        ),
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
        steps=tuple(
            StepLink(step=vocabularies.steps[link["step"]], why=Text.of(link["why"]))
            for link in content["steps"]
        ),
        gains=tuple(finding(item) for item in content.get("gains", ())),
        drawbacks=tuple(finding(item) for item in content.get("drawbacks", ())),
        governance=tuple(
            GoverningBody(
                body=Text.of(body["body"]),
                role=Text.of(body["role"]),
                source=sources[body["source"]],
            )
            for body in content.get("governance", ())
        ),
        funding=Funding(
            known=Text.of(funding["known"]),
            unknown=Text.of(funding["unknown"]),
            sources=tuple(sources[source_id] for source_id in funding["sources"]),
        )
        if funding
        else None,
        lessons=Text.all(content.get("lessons")),
        sources=tuple(sources[source_id] for source_id in content["sources"]),
        dates=RecordDates.of(content),
    )
    for link in case.partners:
        link.partner.case_studies.append(case)  # cases are built in id order
    return case


def check_case(parsed: YamlFile) -> list[Problem]:
    """What the schema cannot say: milestones in date order, at most one start and one end,
    a partner or a step named once. Each problem points at the line to change."""
    content = parsed.content if isinstance(parsed.content, dict) else {}
    return [
        *_check_milestones(parsed, content.get("milestones")),
        *_check_once(parsed, content.get("partners"), "partner"),
        *_check_once(parsed, content.get("steps"), "step"),
    ]


def _check_milestones(parsed: YamlFile, milestones) -> list[Problem]:
    problems, previous, marked = [], None, {}
    for index, milestone in enumerate(milestones if isinstance(milestones, list) else []):
        if not isinstance(milestone, dict) or not isinstance(milestone.get("date"), str):
            continue  # the schema reports it
        date = milestone["date"]
        if previous is not None and date < previous:
            problems.append(
                parsed.worded(
                    ("milestones", index, "date"),
                    "case.milestone_order",
                    date=date,
                    previous=previous,
                )
            )
        previous = date
        marks = milestone.get("marks")
        if marks in marked:
            problems.append(
                parsed.worded(
                    ("milestones", index, "marks"),
                    "case.second_mark",
                    marks=marks,
                    first=marked[marks][0],
                )
            )
        elif marks in ("start", "end"):
            marked[marks] = (parsed.position(("milestones", index, "marks"))[0], index, date)
    if not problems and "start" in marked and "end" in marked:
        (_, _, start), (_, end_index, end) = marked["start"], marked["end"]
        if end < start:
            problems.append(
                parsed.worded(
                    ("milestones", end_index, "date"), "case.end_before_start", end=end, start=start
                )
            )
    return problems


def _check_once(parsed: YamlFile, links, key: str) -> list[Problem]:
    problems, seen = [], {}
    for index, link in enumerate(links if isinstance(links, list) else []):
        value = link.get(key) if isinstance(link, dict) else None
        if not isinstance(value, str):
            continue
        if value in seen:
            problems.append(
                parsed.worded(
                    (key + "s", index, key),
                    f"case.{key}_twice",
                    value=messages.quoted(value),
                    first=seen[value],
                )
            )
        else:
            seen[value] = parsed.position((key + "s", index, key))[0]
    return problems


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


def _finding(finding: Finding, language: str) -> dict:
    return {
        "text": finding.text[language],
        "audience": finding.audience.id if finding.audience else None,
        "horizon": finding.horizon.id if finding.horizon else None,
        "source": finding.source.id if finding.source else None,
    }


def _partner(link: CasePartner, language: str) -> dict:
    return {
        "id": link.partner.id,
        "name": link.partner.name[language],
        "role": link.role.id,
        "role_label": link.role.label[language],
        "source": link.source.id,
    }


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
    Column("start_date", lambda case, language: case.start.date if case.start else None),
    Column("end_date", lambda case, language: case.end.date if case.end else None),
    Column(
        "milestones",
        lambda case, language: [
            {"date": m.date, "event": m.event[language], "marks": m.marks, "source": m.source.id}
            for m in case.milestones
        ],
    ),
    Column("fields", lambda case, language: [term.id for term in case.fields]),
    Column("field_labels", lambda case, language: [term.label[language] for term in case.fields]),
    Column("administrative_form", lambda case, language: case.administrative_form.id),
    Column(
        "administrative_form_label",
        lambda case, language: case.administrative_form.label[language],
    ),
    Column("partners", lambda case, language: [link.partner.id for link in case.partners]),
    Column(
        "partner_names",
        lambda case, language: [link.partner.name[language] for link in case.partners],
    ),
    Column(
        "partner_roles",
        lambda case, language: [_partner(link, language) for link in case.partners],
    ),
    Column("steps", lambda case, language: [link.step.id for link in case.steps]),
    Column(
        "step_reasons",
        lambda case, language: [
            {"step": link.step.id, "why": link.why[language]} for link in case.steps
        ],
    ),
    Column(
        "key_figures",
        lambda case, language: [_key_figure(figure, language) for figure in case.key_figures],
    ),
    Column("gains", lambda case, language: [_finding(item, language) for item in case.gains]),
    Column(
        "drawbacks", lambda case, language: [_finding(item, language) for item in case.drawbacks]
    ),
    Column(
        "governance",
        lambda case, language: [
            {"body": b.body[language], "role": b.role[language], "source": b.source.id}
            for b in case.governance
        ],
    ),
    Column(
        "funding",
        lambda case, language: (
            {
                "known": case.funding.known[language],
                "unknown": case.funding.unknown[language],
                "sources": [source.id for source in case.funding.sources],
            }
            if case.funding
            else None
        ),
    ),
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
        facet("territory", ui["territory"], cases, lambda c: [territory_key(c)], territories),
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


# A step's "in practice" section shows this many cards at most, then links to the listing
# filtered by the step: at 1000 case studies a step page would otherwise carry hundreds.
STEP_CARDS = 20


def cases_for_step(data: SiteData, page: PageContext, step_id: str) -> str:
    """The case studies illustrating a guide step: linked title, status, and why it illustrates
    the step (the case file's note), so that a reader sees the link, not only a tag; the first
    STEP_CARDS, and a link to all of them in the listing when there are more."""
    step = lookup(data.vocabularies.steps, step_id, "guide step")
    cases = [case for case in data.case_studies.values() if case.why(step)]
    shown = cases[:STEP_CARDS]
    return render(
        "cases_for_step.html",
        cases=shown,
        links={case.id: page.link(case_page_path(case.id)) for case in shown},
        reasons={case.id: case.why(step)[page.language] for case in shown},
        listing=page.link(CASE_LISTING_PAGE),
        more=len(cases) - len(shown),
        total=len(cases),
        step_filter=f"?{urlencode({'step': step.id})}",
        language=page.language,
        ui=page.ui,
    )


# The listing's cards beyond its first page: the filters script fetches them, in the page's
# language, from this file next to the listing page (hooks/case_listing_cards.py writes it).
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

    cases, ui = list(data.case_studies.values()), data.ui(language)
    cards = listing_cards(cases, case_facets(data, cases, language, ui), language, ui, link_of)
    return json.dumps([str(card) for card in cards], ensure_ascii=False, separators=(",", ":"))


def case_listing(data: SiteData, page: PageContext, script_url: str, page_size: int) -> str:
    """The case studies with their filters: the first `page_size` cards and, for readers
    without JavaScript, a link to every case study's title (CASE_INDEX_PAGE). filters.js (at
    `script_url`) brings the filters to life and fetches every card (LISTING_CARDS) only once
    the reader filters or asks for more."""
    cases = list(data.case_studies.values())
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


def case_index(data: SiteData, page: PageContext) -> str:
    """Every case study as a plain link (the listing's page for readers without JavaScript)."""
    cases = list(data.case_studies.values())
    return render(
        "case_index.html",
        cases=cases,
        links={case.id: page.link(case_page_path(case.id)) for case in cases},
        language=page.language,
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
        "spatialCoverage": {"@type": "Place", "name": case.territory.label[language]},
        "citation": [_creative_work(source) for source in case.sources],
    }
    if case.start:
        article["temporalCoverage"] = f"{case.start.date}/{case.end.date if case.end else '..'}"
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
