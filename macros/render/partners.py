"""Partners: built from data/partners/, their open-data columns, the filterable directory (the
skills map) and one page per partner (declared in macros/kinds.py)."""

from __future__ import annotations

from markupsafe import Markup

from macros.model.record_dates import RecordDates
from macros.model.records import Column, Competence, Partner, SiteData, Text
from macros.model.validation import YamlFile
from macros.render.citations import cite
from macros.render.context import PageContext
from macros.render.facets import count_texts, facet
from macros.render.templates import render
from macros.site.paths import case_page_path, partner_page_path

# --- From the data -----------------------------------------------------------------------


def build_partner(parsed: YamlFile, site: SiteData) -> Partner:
    """A partner from its valid file; its case studies are added as they are built."""
    content, vocabularies, sources = parsed.content, site.vocabularies, site.sources
    return Partner(
        id=content["id"],
        data_file=parsed.shown_path,
        name=Text.of(content["name"]),
        partner_type=vocabularies.partner_types[content["type"]],
        country=vocabularies.countries.get(content.get("country", "")),
        region=Text.optional(content.get("region")),
        website=content.get("website"),
        competences=tuple(
            Competence(
                term=vocabularies.competences[entry["competence"]],
                source=sources[entry["source"]],
            )
            for entry in content.get("competences", ())
        ),
        description=Text.of(content["description"]),
        dates=RecordDates.of(content),
    )


# The open data's columns after id and url; their meanings are the words partners.column.*.
COLUMNS = (
    Column("name", lambda partner, language: partner.name[language]),
    Column("type", lambda partner, language: partner.partner_type.id),
    Column("type_label", lambda partner, language: partner.partner_type.label[language]),
    Column(
        "country",
        lambda partner, language: partner.country.label[language] if partner.country else None,
    ),
    Column(
        "region", lambda partner, language: partner.region[language] if partner.region else None
    ),
    Column("website", lambda partner, language: partner.website),
    Column("competences", lambda partner, language: [c.term.id for c in partner.competences]),
    Column(
        "competence_labels",
        lambda partner, language: [c.term.label[language] for c in partner.competences],
    ),
    Column(
        "competence_sources",
        lambda partner, language: [
            {"competence": c.term.id, "source": c.source.id} for c in partner.competences
        ],
    ),
    Column("description", lambda partner, language: partner.description[language]),
    Column("case_studies", lambda partner, language: [case.id for case in partner.case_studies]),
    Column(
        "case_roles",
        lambda partner, language: [
            {"case_study": case.id, "role": partner.role_in(case).id}
            for case in partner.case_studies
        ],
    ),
)

# --- Pages -------------------------------------------------------------------------------


def partner_directory(data: SiteData, page: PageContext, script_url: str) -> str:
    """Every partner with its competences and case studies, filterable by competence and type
    with the script at `script_url` (filters.js)."""
    partners = sorted(data.partners.values(), key=lambda partner: partner.name[page.language])
    language, ui, vocabularies = page.language, page.ui, data.vocabularies
    facets = [
        facet(
            "competence",
            ui["competence"],
            partners,
            lambda partner: [c.term.id for c in partner.competences],
            {term.id: term.label[language] for term in vocabularies.competences.values()},
        ),
        facet(
            "partner-type",
            ui["partner_type"],
            partners,
            lambda partner: [partner.partner_type.id],
            {term.id: term.label[language] for term in vocabularies.partner_types.values()},
        ),
    ]
    return render(
        "partner_directory.html",
        partners=partners,
        facets=facets,
        links={partner.id: page.link(partner_page_path(partner.id)) for partner in partners},
        case_links=_case_links(partners, page),
        counts=count_texts(ui, "partners"),
        script_url=script_url,
        language=language,
        ui=ui,
    )


def partner_page(data: SiteData, page: PageContext, partner: Partner) -> str:
    """The whole body of a partner's generated page."""
    return render(
        "partner.html",
        partner=partner,
        cite=lambda source: Markup(cite(data, page, source.id)),
        case_links=_case_links([partner], page),
        language=page.language,
        ui=page.ui,
    )


def _case_links(partners: list[Partner], page: PageContext) -> dict[str, str]:
    return {
        case.id: page.link(case_page_path(case.id))
        for partner in partners
        for case in partner.case_studies
    }
