"""The data catalogue (DCAT, JSON-LD): every dataset the site publishes under donnees/, its
titles and descriptions in both languages, licence, publisher, dates and files, so that an
open-data portal can harvest it (data.gouv.fr harvests DCAT; the required properties are
DCAT-AP's). The open data page's schema.org `Dataset`s are made from the same list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from macros.model.records import SiteData, Text
from macros.publish import glossary_vocabulary
from macros.publish.bibliography_files import BIBTEX_FILE, RIS_FILE
from macros.publish.open_data import (
    MEDIA_TYPES,
    file_name,
    published_url,
    tables,
)
from macros.site.i18n import DEFAULT_LANGUAGE, LANGUAGES, page_url
from macros.site.paths import OPEN_DATA_PAGE

CATALOGUE_FILE = "catalogue.jsonld"
SKOS_FILES = {"glossary.ttl": "text/turtle", "glossary.jsonld": "application/ld+json"}
# The EU's file-type authority list, which DCAT-AP asks for in dct:format.
FILE_TYPES = {
    "text/csv": "CSV",
    "application/json": "JSON",
    "text/turtle": "RDF_TURTLE",
    "application/ld+json": "JSON_LD",
}
EU = "http://publications.europa.eu/resource/authority/"
# The EU's language authority names a language by its three-letter code. The site's languages
# are data (macros/site/i18n.py), so the table covers those a site like this one may add.
LANGUAGE_CODES = {
    "fr": "FRA", "en": "ENG", "es": "SPA", "de": "DEU", "it": "ITA", "nl": "NLD", "pt": "POR",
    "ca": "CAT", "br": "BRE", "eu": "EUS", "oc": "OCI", "ar": "ARA",
}  # fmt: skip


@dataclass(frozen=True)
class Distribution:
    path: str  # under donnees/
    media_type: str | None  # None: the format has no registered media type (RIS, BibTeX)
    language: str | None  # None: both languages in one file
    conforms_to: str | None = None  # the schema or standard it follows (an address)


@dataclass(frozen=True)
class Dataset:
    name: str
    title: Text
    description: Text
    issued: date | None  # None: its records carry no dates
    modified: date | None
    distributions: tuple[Distribution, ...]


def datasets(data: SiteData, site_url: str) -> tuple[Dataset, ...]:
    """Every published dataset: each table (kinds, glossary), then the bibliography."""
    found = []
    for of in tables():
        days = [item.dates for item in of.items(data) if hasattr(item, "dates")]
        files = [
            Distribution(
                file_name(of.name, language, extension),
                MEDIA_TYPES[extension],
                language,
                published_url(site_url, file_name(of.name, language, schema)),
            )
            for language in LANGUAGES
            for extension, schema in (("json", "schema.json"), ("csv", "tableschema.json"))
        ]
        if of.name == glossary_vocabulary.DATASET:
            files += [
                Distribution(path, media_type, None, "http://www.w3.org/2004/02/skos/core")
                for path, media_type in SKOS_FILES.items()
            ]
        found.append(
            Dataset(
                name=of.name,
                title=data.words[f"{of.name}.dataset"],
                description=data.words[f"{of.name}.description"],
                issued=min((each.added for each in days), default=None),
                modified=max((each.last_changed for each in days), default=None),
                distributions=tuple(files),
            )
        )
    found.append(
        Dataset(
            name="sources",
            title=data.words["sources.dataset"],
            description=data.words["sources.description"],
            issued=None,
            modified=None,
            distributions=(
                Distribution(RIS_FILE, None, None),
                Distribution(BIBTEX_FILE, None, None),
            ),
        )
    )
    return tuple(found)


# --- DCAT ----------------------------------------------------------------------------------


def as_dcat(data: SiteData, site_url: str, site_name: str, licence: dict) -> dict:
    catalogue = published_url(site_url, CATALOGUE_FILE)
    publisher = {"@id": site_url, "@type": "foaf:Agent", "foaf:name": site_name}
    licence_document = {"@id": licence["url"], "@type": "dct:LicenseDocument"}
    languages = [_language(each) for each in LANGUAGES]

    def distribution(each: Distribution) -> dict:
        address = {"@id": published_url(site_url, each.path)}
        node = {
            "@id": f"{catalogue}#{each.path}",
            "@type": "dcat:Distribution",
            "dct:title": each.path,
            "dcat:accessURL": address,
            "dcat:downloadURL": address,
            "dct:license": licence_document,
        }
        if each.media_type:
            node["dcat:mediaType"] = {
                "@id": f"http://www.iana.org/assignments/media-types/{each.media_type}"
            }
            node["dct:format"] = {"@id": f"{EU}file-type/{FILE_TYPES[each.media_type]}"}
        if each.language:
            node["dct:language"] = _language(each.language)
        if each.conforms_to:
            node["dct:conformsTo"] = {"@id": each.conforms_to}
        return node

    def dataset(each: Dataset) -> dict:
        node = {
            "@id": f"{catalogue}#{each.name}",
            "@type": "dcat:Dataset",
            "dct:title": _texts(each.title),
            "dct:description": _texts(each.description),
            "dct:publisher": publisher,
            "dct:license": licence_document,
            "dct:language": languages,
            "dcat:landingPage": {"@id": page_url(OPEN_DATA_PAGE, DEFAULT_LANGUAGE, site_url)},
            "dcat:distribution": [distribution(file) for file in each.distributions],
        }
        for name, day in (("dct:issued", each.issued), ("dct:modified", each.modified)):
            if day:
                node[name] = {"@value": day.isoformat(), "@type": "xsd:date"}
        return node

    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": catalogue,
        "@type": "dcat:Catalog",
        "dct:title": _texts(data.words["open_data.title"]),
        "dct:description": _texts(data.words["open_data.description"]),
        "dct:publisher": publisher,
        "dct:license": licence_document,
        "dct:language": languages,
        "foaf:homepage": {"@id": site_url},
        "dcat:dataset": [dataset(each) for each in datasets(data, site_url)],
    }


def _texts(text: Text) -> list[dict]:
    return [{"@value": text[language], "@language": language} for language in LANGUAGES]


def _language(language: str) -> dict:
    if language not in LANGUAGE_CODES:
        raise KeyError(
            f"macros/publish/catalogue.py: LANGUAGE_CODES has no code for {language!r}; add the "
            "EU language authority's (https://op.europa.eu/web/eu-vocabularies/dataset/-/resource"
            "?uri=http://publications.europa.eu/resource/dataset/language)"
        )
    return {"@id": f"{EU}language/{LANGUAGE_CODES[language]}"}
