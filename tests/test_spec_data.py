"""The specification records (tests/fixtures/spec-site/), without a build: what the listing's
filters and the open data make of them. Every expected value is written out by hand from the
record files, never computed by the code under test.
"""

from __future__ import annotations

import dataclasses

import pytest

from macros.model.records import Text
from macros.registry import KINDS, kind
from macros.render.cases import case_facets, listed
from macros.render.facets import MAX_CHOICES, Facet, facet
from macros.site.i18n import LANGUAGES

# Each filter of the case listing, and the case studies each of its choices keeps: a case appears
# under every value it has (an audience named in a gain or only in a drawback alike), and a
# choice nobody has is not offered.
CHOICES = {
    "field": {
        "acquisition": ["ended-network"],
        "cataloguing": ["ended-network", "running-catalogue"],
        "expertise": ["abandoned-idea"],
        "tools": ["hostile-text", "running-catalogue"],
        "products-services": ["running-catalogue"],
        "training": ["hostile-text"],
        "communication": ["hostile-text"],
        "governance": ["realised-store"],
        "storage": ["realised-store"],
    },
    "form": {
        "charter": ["ended-network"],
        "association": ["running-catalogue"],
        "convention": ["hostile-text"],
        "public-interest-group": ["realised-store"],
        "none-yet": ["abandoned-idea"],
    },
    "status": {
        "realised": ["realised-store"],
        "in-progress": ["running-catalogue"],
        "proposal": ["hostile-text"],
        "ended": ["ended-network"],
        "abandoned": ["abandoned-idea"],
    },
    "partner-type": {  # abandoned-idea has no partner: it is under no partner type
        "research-organisation": ["realised-store", "running-catalogue"],
        "library-network": ["ended-network", "running-catalogue"],
        "company": ["hostile-text"],
    },
    "audience": {
        "users": ["ended-network", "hostile-text"],  # from their gains
        "institutions": ["abandoned-idea"],  # only in its drawbacks
        "staff": ["realised-store", "running-catalogue"],  # a drawback, a gain
    },
    "step": {
        "together": ["ended-network"],
        "success-factors": ["ended-network"],
        "motivated-partners": ["running-catalogue"],
        "scope": ["abandoned-idea"],
        "administrative-form": ["realised-store"],
        "pilot": ["running-catalogue"],
        "communicate": ["hostile-text"],
    },
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_filter_choice_keeps_exactly_the_cases_that_have_it(spec_data, language):
    cases = listed(spec_data)  # superseded-plan is in no listing, so under no choice
    facets = {
        facet.name: facet
        for facet in case_facets(spec_data, cases, language, spec_data.ui(language))
    }
    for name, expected in CHOICES.items():
        facet = facets[name]
        assert not facet.typed, name
        assert [value for value, _ in facet.options] == list(expected), f"{name}: choices"
        kept = {
            value: [case.id for case in cases if value in facet.item_values(case).split()]
            for value in expected
        }
        assert kept == expected, name


TERRITORIES = {
    "fr": [
        ("fr-occ", "Occitanie"),
        ("france", "France : échelle nationale ou plusieurs régions"),
        ("belgium", "Belgique"),
        ("switzerland", "Suisse"),
    ],
    "en": [
        ("fr-occ", "Occitanie"),
        ("france", "France: nationwide or several regions"),
        ("belgium", "Belgium"),
        ("switzerland", "Switzerland"),
    ],
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_territory_filter_groups_cases_by_region_or_country(spec_data, language):
    """Issue 28: the territory is a facet from codes, the French région or else the country,
    named in the page's language; a French case in no région reads as national in scope."""
    cases = listed(spec_data)
    (territory,) = [
        facet
        for facet in case_facets(spec_data, cases, language, spec_data.ui(language))
        if facet.name == "territory"
    ]
    assert territory.options == TERRITORIES[language]
    assert len(territory.options) < len(cases)
    assert {case.id: territory.item_values(case) for case in cases} == {
        "abandoned-idea": "belgium",
        "ended-network": "fr-occ",
        "hostile-text": "france",
        "realised-store": "switzerland",
        "running-catalogue": "fr-occ",
    }


def test_a_facet_with_too_many_choices_becomes_a_text_field(spec_data):
    """No facet of today's vocabularies has more than MAX_CHOICES choices (territories are codes
    since issue 28), but a vocabulary may grow: its filter is then a text field matching labels."""
    cases = listed(spec_data)
    labels = {f"term-{number}": f"Term n°{number}" for number in range(MAX_CHOICES + 1)}
    values = {case.id: f"term-{number}" for number, case in enumerate(cases)}
    many = facet("many", "Many", cases, lambda c: [values[c.id]], labels)
    assert not many.typed  # only the choices some case has are offered
    many = Facet("many", "Many", list(labels.items()), lambda c: [values[c.id]])
    assert many.typed
    assert many.item_values(cases[0]) == "term-n-0"


# --- Open data: each language's columns ----------------------------------------------------------


def row(record, record_kind, language: str) -> dict:
    return {column.name: column.value(record, language) for column in record_kind.columns}


def test_the_open_data_columns_speak_the_files_language(spec_data):
    cases = kind("case-studies")
    ended = spec_data.case_studies["ended-network"]
    french, english = row(ended, cases, "fr"), row(ended, cases, "en")
    assert french["title"] == "Le réseau Alpha, terminé"
    assert english["title"] == "The Alpha network, ended"
    assert (french["status"], french["status_label"]) == ("ended", "Terminé")
    assert (english["status"], english["status_label"]) == ("ended", "Ended")
    assert (english["start_date"], english["end_date"]) == ("2019-03", "2023-12-31")
    assert [m["event"] for m in french["milestones"]] == [
        "Lancement du réseau en mairie.",
        "Premier bilan devant les élus.",
        "Dissolution votée à l'unanimité.",
    ]
    assert [m["event"] for m in english["milestones"]] == [
        "Network launched at the town hall.",
        "First review before the councillors.",
        "Dissolution voted unanimously.",
    ]
    assert english["partner_roles"] == [
        {
            "id": "alpha-network",
            "name": "Alpha Network",
            "role": "lead",
            "role_label": "Lead",
            "source": "boussou-2014",
        }
    ]
    assert english["gains"] == [
        {
            "text": "Users better served.",
            "audience": "users",
            "horizon": "immediate",
            "source": "boussou-2014",
        }
    ]
    assert english["funding"]["unknown"] == "How large the shares were."
    assert english["lessons"] == ["Write down from the start how to part ways."]

    abandoned = row(spec_data.case_studies["abandoned-idea"], cases, "en")
    assert (abandoned["partners"], abandoned["start_date"], abandoned["funding"]) == (
        [],
        None,
        None,
    )
    assert abandoned["drawbacks"][0]["audience"] == "institutions"

    partners = kind("partners")
    beta = row(spec_data.partners["beta-lab"], partners, "fr")
    assert (beta["name"], beta["type_label"], beta["country"], beta["region"]) == (
        "Laboratoire Bêta",
        "Organisme de recherche",
        None,
        None,
    )
    # the open data holds every record, superseded ones too (its partner's page names it too)
    assert beta["case_studies"] == ["realised-store", "running-catalogue", "superseded-plan"]
    assert beta["case_roles"] == [
        {"case_study": "realised-store", "role": "training-provider"},
        {"case_study": "running-catalogue", "role": "funder"},
        {"case_study": "superseded-plan", "role": "member"},
    ]


def texts_of(record, seen=None) -> list[Text]:
    """Every bilingual text a record holds, its references' included (not back references)."""
    seen = seen if seen is not None else set()
    if id(record) in seen:
        return []
    seen.add(id(record))
    if isinstance(record, Text):
        return [record]
    if isinstance(record, list | tuple):
        return [text for item in record for text in texts_of(item, seen)]
    if not dataclasses.is_dataclass(record):
        return []
    return [
        text
        for field in dataclasses.fields(record)
        if field.compare  # a partner's case studies point back: not its own text
        for text in texts_of(getattr(record, field.name), seen)
    ]


def strings(value) -> set[str]:
    """Every string in a row of open data, however deep."""
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return {text for item in value for text in strings(item)}
    return set()


@pytest.mark.parametrize("record_kind", KINDS, ids=lambda each: each.name)
def test_no_column_of_one_language_holds_the_other_languages_text(spec_data, record_kind):
    checked = 0
    for record in spec_data.records[record_kind.name].values():
        texts = [text for text in texts_of(record) if text["fr"] != text["en"]]
        for language in LANGUAGES:
            exported = strings(row(record, record_kind, language))
            for text in texts:
                other = text["en" if language == "fr" else "fr"]
                assert other not in exported, (record.id, language, other)
                checked += 1
    assert checked > 20


# --- The dataset keeps exercising what it is for (tests/fixtures/spec-site/README.md) -------------


def test_the_specification_records_take_every_branch(spec_data):
    cases, partners = spec_data.case_studies, spec_data.partners
    records = [*cases.values(), *partners.values()]
    added = [record.dates.added for record in records]
    assert len(set(added)) == len(added), "each record added on a day of its own"
    (updated,) = [record for record in records if record.dates.updated]
    assert updated.dates.last_changed > max(added), "one record updated after every addition"
    assert updated.dates.added == min(case.dates.added for case in cases.values())
    assert [case.id for case in cases.values() if not case.partners] == ["abandoned-idea"]
    assert {case.status.id for case in cases.values()} == set(spec_data.vocabularies.status)
    assert [case.id for case in cases.values() if case.end] == ["abandoned-idea", "ended-network"]
    only_in_drawbacks = {
        case.id
        for case in cases.values()
        for finding in case.drawbacks
        if finding.audience and finding.audience not in [gain.audience for gain in case.gains]
    }
    assert "abandoned-idea" in only_in_drawbacks
    vocabularies = spec_data.vocabularies
    used = {
        "fields": {term.id for case in cases.values() for term in case.fields},
        "partner_roles": {link.role.id for case in cases.values() for link in case.partners},
        "audiences": {
            finding.audience.id
            for case in cases.values()
            for finding in (*case.gains, *case.drawbacks)
            if finding.audience
        },
        "horizons": {
            finding.horizon.id
            for case in cases.values()
            for finding in (*case.gains, *case.drawbacks)
            if finding.horizon
        },
        "steps": {link.step.id for case in cases.values() for link in case.steps},
        "competences": {c.term.id for partner in partners.values() for c in partner.competences},
    }
    for name, ids in used.items():
        assert ids == set(getattr(vocabularies, name)), f"every term of {name} is used"
