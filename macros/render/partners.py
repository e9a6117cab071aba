"""Partners on the site: the filterable directory (the skills map) and one page per partner (the
record itself: macros/kinds/partners.py)."""

from __future__ import annotations

from markupsafe import Markup

from macros.model.identifiers import SCHEMES, url
from macros.model.life_cycle import current
from macros.model.records import CaseStudy, Partner, SiteData
from macros.render.citations import cite
from macros.render.context import PageContext
from macros.render.facets import count_texts, facet
from macros.render.glossary import abbreviator
from macros.render.record_nav import record_nav
from macros.render.templates import render
from macros.site.paths import PARTNER_FOLDER, case_page_path, partner_page_path

# --- Pages -------------------------------------------------------------------------------

# A directory card names this many of its partner's case studies, then links to the partner's
# page for the others: the directory grows with the partners, not with every case study
# (135 KB compressed at 1000 case studies with every one named).
CARD_CASES = 5


def partner_directory(data: SiteData, page: PageContext, script_url: str) -> str:
    """Every partner with its competences and first CARD_CASES case studies, filterable by
    competence and type with the script at `script_url` (filters.js)."""
    partners = directory_order(data, page.language)
    # each card's case studies, the current ones (an archived one is in no listing)
    cards = {partner.id: current(partner.case_studies) for partner in partners}
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
        cards=cards,
        case_links=_case_links([c for cases in cards.values() for c in cases[:CARD_CASES]], page),
        card_cases=CARD_CASES,
        counts=count_texts(ui, "partners"),
        script_url=script_url,
        language=language,
        ui=ui,
    )


def directory_order(data: SiteData, language: str) -> list[Partner]:
    """The partners as the directory lists them: the current ones (macros/model/life_cycle.py),
    by name in `language`."""
    return sorted(current(data.partners.values()), key=lambda partner: partner.name[language])


def partner_page(data: SiteData, page: PageContext, partner: Partner) -> str:
    """The whole body of a partner's generated page."""
    return render(
        "partner.html",
        partner=partner,
        schemes=SCHEMES,
        links={each.scheme: url(each.scheme, each.value) for each in partner.identifiers},
        nav=record_nav(
            page,
            f"{PARTNER_FOLDER}/index.md",
            page.ui["partners.dataset"],
            page.ui["partners.back"],
            directory_order(data, page.language),
            partner,
            lambda each: each.name[page.language],
            partner_page_path,
        ),
        cite=lambda source: Markup(cite(data, page, source.id)),
        abbr=abbreviator(data, page.language),
        case_links=_case_links(partner.case_studies, page),
        language=page.language,
        ui=page.ui,
    )


def _case_links(cases: list[CaseStudy], page: PageContext) -> dict[str, str]:
    return {case.id: page.link(case_page_path(case.id)) for case in cases}


# --- schema.org ----------------------------------------------------------------------------
