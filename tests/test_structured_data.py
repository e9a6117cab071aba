"""schema.org structured data as a search engine reads it: every indexable page carries one
JSON-LD description of itself in its <head> that parses, uses only the schema.org types and
properties listed below (a hand-written table: no network, no guessing), says what the page's
citation says, and describes the records the page is about. Every page also names its
language's link-preview image, a PNG the project made.
"""

from __future__ import annotations

import json
import struct

import pytest
from conftest import ROOT

from macros.model.identifiers import url
from macros.publish.catalogue import datasets
from macros.registry import load_site_data
from macros.site.i18n import LANGUAGES, language_root

DATA = load_site_data(ROOT / "data")
KEYWORDS = {"@context", "@type", "@id"}

# Each type used, and the properties used on it, as schema.org defines them (checked by hand on
# schema.org: a property of a parent type, Thing or CreativeWork, is listed where it is used).
CREATIVE_WORK = {
    "name", "description", "url", "inLanguage", "isPartOf", "license", "author", "image",
    "dateModified", "datePublished", "mainEntity", "headline", "about", "contributor",
    "spatialCoverage", "citation", "temporalCoverage",
}  # fmt: skip
SCHEMA_ORG = {
    "WebPage": CREATIVE_WORK,
    "Article": CREATIVE_WORK,
    "CreativeWork": CREATIVE_WORK,
    "WebSite": {"name", "url"},
    "Organization": {
        "name",
        "url",
        "sameAs",
        "description",
        "knowsAbout",
        "areaServed",
        "identifier",
    },
    "PropertyValue": {"propertyID", "value", "url"},
    "Person": {"name"},
    "Place": {"name", "containedInPlace"},
    "Country": {"name"},
    "AdministrativeArea": {"name", "identifier", "containedInPlace"},
    "DefinedTermSet": {"name", "description", "hasDefinedTerm"},
    "DefinedTerm": {"name", "description", "termCode", "url", "alternateName"},
    "Dataset": {
        "name", "description", "url", "creator", "license", "isAccessibleForFree",
        "distribution", "datePublished", "dateModified",
    },
    "DataDownload": {"contentUrl", "encodingFormat", "inLanguage"},
}  # fmt: skip


def indexable(site) -> list:
    """Every page a search engine indexes: not the 404 page, not a short link's redirect."""
    return [page for page in site.pages() if page.name != "404.html"]


def described(site, page) -> dict:
    """The page's own JSON-LD, in its <head>."""
    (script,) = site.html(page).head.select('script[type="application/ld+json"]')
    return json.loads(script.string)


def nodes(value):
    """Every schema.org object inside a JSON-LD value, the value itself included."""
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from nodes(item)
    elif isinstance(value, list):
        for item in value:
            yield from nodes(item)


def test_every_indexable_page_uses_only_the_listed_types_and_properties(site):
    pages = indexable(site)
    assert len(pages) > 100
    for page in pages:
        scripts = site.html(page).select('script[type="application/ld+json"]')
        assert scripts, page
        for script in scripts:  # a case study's page adds its Article (macros/render/cases.py)
            document = json.loads(script.string)
            assert document["@context"] == "https://schema.org", page
            for node in nodes(document):
                if "@type" not in node:
                    continue
                assert node["@type"] in SCHEMA_ORG, (page, node["@type"])
                unknown = set(node) - KEYWORDS - SCHEMA_ORG[node["@type"]]
                assert not unknown, (page, node["@type"], unknown)


def test_each_page_says_what_its_citation_says(site):
    for page in indexable(site):
        head = site.html(page).head
        document = described(site, page)
        assert document["url"] == head.find("meta", property="og:url")["content"], page
        assert document["name"] == head.find("meta", property="og:title")["content"], page
        assert document["inLanguage"] == head.find("meta", attrs={"name": "DC.language"})["content"]
        assert document["dateModified"] == head.find("meta", attrs={"name": "DC.date"})["content"]
        assert document["license"] == "https://creativecommons.org/licenses/by-nc-sa/4.0/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_guide_step_is_an_article_and_a_reference_page_a_web_page(site, language):
    root = language_root(language)
    step = described(site, f"{root}guide/champs/")
    assert step["@type"] == "Article"
    assert step["headline"] == step["name"]
    assert described(site, f"{root}sources/")["@type"] == "WebPage"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_glossary_is_a_defined_term_set_of_every_term(site, language):
    path = f"{language_root(language)}glossaire/"
    terms = described(site, path)["mainEntity"]
    assert terms["@type"] == "DefinedTermSet"
    anchors = {dt["id"] for dt in site.html(path).select("dl.glossary dt")}
    assert [each["termCode"] for each in terms["hasDefinedTerm"]] == list(DATA.glossary)
    for each, term in zip(terms["hasDefinedTerm"], DATA.glossary.values(), strict=True):
        assert each["name"] == term.term[language]
        assert each["description"] == term.definition[language]
        assert each["url"] == f"{site.url}{path}#{term.id}"
        assert each["@id"] == f"{site.url}glossaire/#{term.id}"  # the SKOS concept's URI
        assert term.id in anchors
        assert each.get("alternateName") == (term.expansion[language] if term.expansion else None)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_partner_page_describes_the_organisation(site, language):
    for partner in DATA.partners.values():
        path = f"{language_root(language)}partenaires/{partner.id}/"
        organisation = described(site, path)["mainEntity"]
        assert organisation["@type"] == "Organization"
        assert organisation["name"] == partner.name[language]
        assert organisation["url"] == site.url + path
        registers = [url(each.scheme, each.value) for each in partner.identifiers]
        addresses = [address for address in (partner.website, *registers) if address]
        assert organisation.get("sameAs", []) == addresses
        assert organisation["knowsAbout"] == [c.term.label[language] for c in partner.competences]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_open_data_page_describes_each_dataset_and_its_files(site, language):
    found = described(site, f"{language_root(language)}donnees-ouvertes/")["mainEntity"]
    expected = datasets(DATA, site.url)
    assert [each["name"] for each in found] == [each.title[language] for each in expected]
    for dataset in found:
        assert dataset["@type"] == "Dataset"
        assert dataset["distribution"]
        for download in dataset["distribution"]:
            assert (site.root / site.path_of(download["contentUrl"])).is_file()


def png_size(path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])  # the IHDR chunk's width and height


def test_every_page_names_its_language_s_preview_image(site):
    for page in indexable(site):
        head = site.html(page).head
        language = head.find("meta", attrs={"name": "DC.language"})["content"]
        image = head.find("meta", property="og:image")["content"]
        assert image == f"{site.url}assets/images/preview-{language}.png", page
        assert described(site, page)["image"] == image
        assert (
            head.find("meta", property="og:image:alt")["content"]
            == (DATA.words["preview_image.alt"][language])
        )
    for language in LANGUAGES:
        assert png_size(site.root / f"assets/images/preview-{language}.png") == (1200, 630)
