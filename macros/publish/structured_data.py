"""schema.org JSON-LD for every page, in its <head>: what the page is (a `WebPage`, a guide
step's `Article`) and, where a page is about records, those records: the glossary's
`DefinedTermSet`, a partner's `Organization`, the open data page's `Dataset`s. A case study's
page also carries its own `Article` (macros/render/cases.py). Built from the records and the
facts of the page's citation, so it says what the page and its "cite this page" block say.

Each page also names its language's link-preview image (overrides/assets/images/, made by
tools/preview_images.py).
"""

from __future__ import annotations

from macros.model.identifiers import SCHEMES, url
from macros.model.records import Partner, SiteData
from macros.publish import glossary_vocabulary
from macros.publish.catalogue import Dataset, datasets
from macros.publish.open_data import published_url
from macros.publish.page_citation import PageCitation
from macros.site.i18n import page_url, source_path
from macros.site.paths import (
    GLOSSARY_PAGE,
    OPEN_DATA_PAGE,
    PARTNER_FOLDER,
    partner_page_path,
)

PREVIEW_IMAGE = "assets/images/preview-{language}.png"  # under the site root, one per language
PREVIEW_SIZE = (1200, 630)  # what link previews show whole (Open Graph's advice)


def preview_image_url(language: str, site_url: str) -> str:
    return site_url.rstrip("/") + "/" + PREVIEW_IMAGE.format(language=language)


def page_json_ld(page, citation: PageCitation, data: SiteData, site_url: str) -> dict:
    """The page as schema.org sees it."""
    language, path = citation.language, source_path(page)
    site = {"@type": "Organization", "name": citation.author, "url": site_url}
    described = {
        "@context": "https://schema.org",
        "@type": "Article" if path.startswith("guide/") else "WebPage",
        "name": citation.title,
        "description": citation.description,
        "url": citation.url,
        "inLanguage": language,
        "isPartOf": {
            "@type": "WebSite",
            "name": citation.author,
            "url": page_url("index.md", language, site_url),
        },
        "license": citation.licence["url"],
        "author": site,
        "image": preview_image_url(language, site_url),
    }
    if described["@type"] == "Article":
        described["headline"] = citation.title
    if citation.updated:
        described["dateModified"] = citation.updated.isoformat()
    entity = _main_entity(path, citation, data, site_url, site)
    if entity:
        described["mainEntity"] = entity
    return described


def _main_entity(path: str, citation: PageCitation, data: SiteData, site_url: str, site: dict):
    language = citation.language
    if path == GLOSSARY_PAGE:
        return _glossary(language, data, site_url)
    if path == OPEN_DATA_PAGE:
        return [_dataset(each, citation, site_url, site) for each in datasets(data, site_url)]
    folder, _, name = path.partition("/")
    if folder == PARTNER_FOLDER and name.removesuffix(".md") in data.partners:
        return _organisation(data.partners[name.removesuffix(".md")], language, site_url)
    return None


def _glossary(language: str, data: SiteData, site_url: str) -> dict:
    vocabulary = glossary_vocabulary

    def term(entry) -> dict:
        described = {
            "@type": "DefinedTerm",
            "@id": vocabulary.concept_uri(entry, site_url),
            "name": entry.term[language],
            "description": entry.definition[language],
            "termCode": entry.id,
            "url": vocabulary.term_url(entry, language, site_url),
        }
        if entry.expansion:
            described["alternateName"] = entry.expansion[language]
        return described

    return {
        "@type": "DefinedTermSet",
        "@id": vocabulary.scheme_uri(site_url),
        "name": data.words[f"{vocabulary.DATASET}.dataset"][language],
        "description": data.words[f"{vocabulary.DATASET}.description"][language],
        "hasDefinedTerm": [term(entry) for entry in data.glossary.values()],
    }


def _organisation(partner: Partner, language: str, site_url: str) -> dict[str, object]:
    described: dict[str, object] = {
        "@type": "Organization",
        "name": partner.name[language],
        "description": partner.description[language],
        "url": page_url(partner_page_path(partner.id), language, site_url),
        "knowsAbout": [competence.term.label[language] for competence in partner.competences],
    }
    if partner.identifiers:  # each identifier, and its register's page where it has one
        described["identifier"] = [
            {
                "@type": "PropertyValue",
                "propertyID": SCHEMES[each.scheme].name,
                "value": each.value,
                **({"url": url(each.scheme, each.value)} if url(each.scheme, each.value) else {}),
            }
            for each in partner.identifiers
        ]
    addresses = [partner.website, *(url(each.scheme, each.value) for each in partner.identifiers)]
    if same_as := [address for address in addresses if address]:
        described["sameAs"] = same_as
    place = [
        text[language]
        for text in (partner.region, partner.country and partner.country.label)
        if text
    ]
    if place:
        described["areaServed"] = {"@type": "Place", "name": ", ".join(place)}
    return described


def _dataset(dataset: Dataset, citation: PageCitation, site_url: str, site: dict) -> dict:
    language = citation.language
    described = {
        "@type": "Dataset",
        "name": dataset.title[language],
        "description": dataset.description[language],
        "url": f"{page_url(OPEN_DATA_PAGE, language, site_url)}#files",
        "creator": site,
        "license": citation.licence["url"],
        "isAccessibleForFree": True,
        "distribution": [
            {
                "@type": "DataDownload",
                "contentUrl": published_url(site_url, file.path),
                **({"encodingFormat": file.media_type} if file.media_type else {}),
                **({"inLanguage": file.language} if file.language else {}),
            }
            for file in dataset.distributions
        ],
    }
    if dataset.issued:
        described["datePublished"] = dataset.issued.isoformat()
    if dataset.modified:
        described["dateModified"] = dataset.modified.isoformat()
    return described
