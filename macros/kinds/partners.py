"""Partners as data: built from data/partners/, and their open-data columns. The directory (the
skills map) and one page per partner are macros/render/partners.py."""

from __future__ import annotations

from collections.abc import Callable

from macros.model.identifiers import SCHEMES
from macros.model.life_cycle import STATE_SHAPE, LifeCycle, state_of
from macros.model.record_dates import RecordDates
from macros.model.records import (
    Column,
    Competence,
    Contributor,
    Identifier,
    Partner,
    SiteData,
    Text,
)
from macros.model.shapes import ID, TEXT, URL, list_of, optional, record
from macros.model.validation import YamlFile


def identifier_of(scheme: str) -> Callable[[Partner, str], str | None]:
    """The open-data column of one identifier scheme: the partner's identifier there, if any."""
    return lambda partner, language: partner.identifier(scheme)


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
        identifiers=tuple(
            Identifier(scheme, content["identifiers"][scheme])
            for scheme in SCHEMES
            if scheme in content.get("identifiers", {})
        ),
        competences=tuple(
            Competence(
                term=vocabularies.competences[entry["competence"]],
                source=sources[entry["source"]],
            )
            for entry in content.get("competences", ())
        ),
        description=Text.of(content["description"]),
        contributors=Contributor.all(content.get("contributors")),
        dates=RecordDates.of(content),
        life_cycle=LifeCycle.of(content.get("life_cycle")),
    )


# The open data's columns after id and url; their meanings are the words partners.column.*,
# their shapes (macros/model/shapes.py) make the published schemas.
COLUMNS = (
    Column("name", lambda partner, language: partner.name[language], TEXT),
    Column("type", lambda partner, language: partner.partner_type.id, ID),
    Column("type_label", lambda partner, language: partner.partner_type.label[language], TEXT),
    Column(
        "country",
        lambda partner, language: partner.country.label[language] if partner.country else None,
        optional(TEXT),
    ),
    Column(
        "region",
        lambda partner, language: partner.region[language] if partner.region else None,
        optional(TEXT),
    ),
    Column("website", lambda partner, language: partner.website, optional(URL)),
    *(Column(scheme, identifier_of(scheme), optional(TEXT)) for scheme in SCHEMES),
    Column(
        "competences",
        lambda partner, language: [c.term.id for c in partner.competences],
        list_of(ID),
    ),
    Column(
        "competence_labels",
        lambda partner, language: [c.term.label[language] for c in partner.competences],
        list_of(TEXT),
    ),
    Column(
        "competence_sources",
        lambda partner, language: [
            {"competence": c.term.id, "source": c.source.id} for c in partner.competences
        ],
        list_of(record(competence=ID, source=ID)),
    ),
    Column("description", lambda partner, language: partner.description[language], TEXT),
    Column(
        "case_studies",
        lambda partner, language: [case.id for case in partner.case_studies],
        list_of(ID),
    ),
    Column(
        "case_roles",
        lambda partner, language: [
            {"case_study": case.id, "role": partner.role_in(case).id}
            for case in partner.case_studies
        ],
        list_of(record(case_study=ID, role=ID)),
    ),
    Column("life_cycle", state_of, STATE_SHAPE),
)
