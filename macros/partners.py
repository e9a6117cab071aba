"""Partners: the filterable directory (the skills map) and one page per partner."""

from __future__ import annotations

from .context import PageContext
from .data import Partner, SiteData
from .filters import count_texts, facet
from .paths import case_page_path, partner_page_path
from .templates import render


def find_partner(data: SiteData, partner_id: str) -> Partner:
    try:
        return data.partners[partner_id]
    except KeyError:
        known = ", ".join(data.partners)
        raise KeyError(f"unknown partner {partner_id!r} (one of: {known})") from None


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
            lambda partner: [term.id for term in partner.competences],
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


def partner_page_body(data: SiteData, page: PageContext, partner_id: str) -> str:
    """The whole body of a partner's generated page."""
    partner = find_partner(data, partner_id)
    return render(
        "partner.html",
        partner=partner,
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
