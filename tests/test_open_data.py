"""The open data as a harvester or a reuser checks it: each published file passes its published
schema (frictionless for the CSV files and their data packages, fetched from the served site as
a tool would; JSON Schema for the JSON files), the schemas say what the declarations say, the DCAT
catalogue and the SKOS glossary are RDF holding the properties DCAT-AP and SKOS require, and the
open data page links every file.

Every count and text comes from the data through the loader, never written down here.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date
from urllib.parse import urljoin, urlsplit

import frictionless
import jsonschema
import pytest
from conftest import ROOT
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, SKOS

from macros.model.record_dates import RecordDates
from macros.publish.catalogue import datasets
from macros.publish.open_data import column_names, tables
from macros.registry import KINDS, load_site_data
from macros.site.escaping import turtle_string
from macros.site.i18n import LANGUAGES, language_root

DATA = load_site_data(ROOT / "data")
TABLES = tables()


def published(site, path: str):
    return site.root / "donnees" / path


def table_schema(site, path: str) -> frictionless.Schema:
    return frictionless.Schema.from_descriptor(json.loads(published(site, path).read_text("utf-8")))


def package(site, language: str) -> dict:
    return json.loads(published(site, f"{language}/datapackage.json").read_text("utf-8"))


# --- Schemas of the published files --------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_data_package_validates_with_frictionless_from_the_site(site, language):
    # As a harvester does: the package and its files fetched from the site's address.
    report = frictionless.Package(f"{site.url}donnees/{language}/datapackage.json").validate()
    assert report.valid, report.flatten(["resourcePath", "rowNumber", "fieldName", "message"])
    assert [resource["path"] for resource in package(site, language)["resources"]] == [
        f"{site.url}donnees/{table.name}.{language}.csv" for table in TABLES
    ]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("table", TABLES, ids=lambda table: table.name)
def test_each_csv_validates_against_its_published_table_schema(site, table, language):
    csv_file = published(site, f"{table.name}.{language}.csv")
    schema = table_schema(site, f"{table.name}.{language}.tableschema.json")
    resource = frictionless.Resource(
        path=csv_file.name,
        basepath=str(csv_file.parent),
        schema=schema,
        encoding="utf-8",  # as the package says: the byte-order mark is skipped
        format="csv",
    )
    report = resource.validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])
    # the package carries the same schema as the file beside the CSV
    (described,) = [
        each
        for each in package(site, language)["resources"]
        if each["path"].endswith(csv_file.name)
    ]
    assert described["schema"] == schema.to_descriptor() | {"missingValues": [""]}
    assert resource.read_rows()  # not an empty table passing trivially


def test_frictionless_reports_a_cell_of_the_wrong_type(site, tmp_path):
    # The oracle is not blind: the inhabitants of a case study written as words are refused.
    text = published(site, "case-studies.en.csv").read_text("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    rows[0]["inhabitants"] = "many"
    broken = tmp_path / "case-studies.en.csv"
    with broken.open("w", encoding="utf-8-sig", newline="") as output:
        writer = csv.DictWriter(output, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    resource = frictionless.Resource(
        path=broken.name,
        basepath=str(tmp_path),
        schema=table_schema(site, "case-studies.en.tableschema.json"),
        encoding="utf-8-sig",
    )
    report = resource.validate()
    assert report.flatten(["rowNumber", "fieldName"]) == [[2, "inhabitants"]]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("table", TABLES, ids=lambda table: table.name)
def test_each_json_file_validates_against_its_published_json_schema(site, table, language):
    schema = json.loads(published(site, f"{table.name}.{language}.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"] == f"{site.url}donnees/{table.name}.{language}.schema.json"
    document = json.loads(published(site, f"{table.name}.{language}.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    assert [error.message for error in validator.iter_errors(document)] == []
    assert len(document["records"]) == len(list(table.items(DATA)))
    # and it refuses what the files never hold: a missing column, a status that is no id
    record = dict(document["records"][0])
    record.pop("url")
    assert not validator.is_valid({**document, "records": [record]})
    if table.name == "case-studies":
        wrong = {**document["records"][0], "status": "En cours"}
        assert not validator.is_valid({**document, "records": [wrong]})


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("table", TABLES, ids=lambda table: table.name)
def test_the_schemas_describe_the_declared_columns_in_the_file_language(site, table, language):
    words = DATA.ui(language)
    meanings = {name: words[f"{table.name}.column.{name}"] for name in column_names(table)}
    table_schema = json.loads(
        published(site, f"{table.name}.{language}.tableschema.json").read_text("utf-8")
    )
    assert {field["name"]: field["description"] for field in table_schema["fields"]} == meanings
    header = published(site, f"{table.name}.{language}.csv").read_text("utf-8-sig").splitlines()[0]
    assert header.split(",") == list(meanings)
    json_schema = json.loads(
        published(site, f"{table.name}.{language}.schema.json").read_text("utf-8")
    )
    columns = json_schema["properties"]["records"]["items"]["properties"]
    assert {name: column["description"] for name, column in columns.items()} == meanings


def test_integers_are_typed_in_the_csv_schema(site):
    fields = {
        field["name"]: field
        for field in json.loads(
            published(site, "case-studies.fr.tableschema.json").read_text("utf-8")
        )["fields"]
    }
    assert fields["inhabitants"]["type"] == "integer"
    assert fields["id"]["constraints"] == {"required": True, "pattern": "[a-z0-9]+(-[a-z0-9]+)*"}
    assert fields["milestones"]["type"] == "string"  # a list is one cell of lines


# --- The DCAT catalogue --------------------------------------------------------------------


@pytest.fixture(scope="module")
def catalogue(site) -> Graph:
    return Graph().parse(published(site, "catalogue.jsonld"), format="json-ld")


def languages_of(graph: Graph, subject, predicate) -> set[str]:
    return {value.language for value in graph.objects(subject, predicate)}


def test_the_catalogue_holds_dcat_ap_s_mandatory_properties(site, catalogue):
    (root,) = catalogue.subjects(RDF.type, DCAT.Catalog)
    assert str(root) == f"{site.url}donnees/catalogue.jsonld"
    for predicate in (DCTERMS.title, DCTERMS.description):
        assert languages_of(catalogue, root, predicate) == set(LANGUAGES)
    (publisher,) = catalogue.objects(root, DCTERMS.publisher)
    assert catalogue.value(publisher, FOAF.name) == Literal("Mutualiser")
    assert (publisher, RDF.type, FOAF.Agent) in catalogue
    assert catalogue.value(root, DCTERMS.license) == URIRef(
        "https://creativecommons.org/licenses/by-nc-sa/4.0/"
    )
    datasets = set(catalogue.objects(root, DCAT.dataset))
    assert {str(each).rsplit("#", 1)[1] for each in datasets} == {
        *(table.name for table in TABLES),
        "sources",
    }
    for dataset in datasets:
        assert (dataset, RDF.type, DCAT.Dataset) in catalogue
        for predicate in (DCTERMS.title, DCTERMS.description):
            assert languages_of(catalogue, dataset, predicate) == set(LANGUAGES), dataset
        assert catalogue.value(dataset, DCTERMS.publisher) == publisher
        assert catalogue.value(dataset, DCTERMS.license) is not None
        distributions = list(catalogue.objects(dataset, DCAT.distribution))
        assert distributions, dataset
        for distribution in distributions:
            assert (distribution, RDF.type, DCAT.Distribution) in catalogue
            address = str(catalogue.value(distribution, DCAT.accessURL))
            assert published(site, site.path_of(address).removeprefix("donnees/")).is_file()


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_a_kind_s_dates_are_its_records_first_added_and_last_changed(site, catalogue, kind):
    dataset = URIRef(f"{site.url}donnees/catalogue.jsonld#{kind.name}")
    records = DATA.records[kind.name].values()
    issued = catalogue.value(dataset, DCTERMS.issued).toPython()
    modified = catalogue.value(dataset, DCTERMS.modified).toPython()
    assert issued == min(record.dates.added for record in records)
    assert modified == max(record.dates.last_changed for record in records)
    assert isinstance(modified, date)


def test_a_dataset_changes_when_any_of_its_records_was_updated():
    partner = next(iter(DATA.partners.values()))
    later = replace(partner, dates=RecordDates(partner.dates.added, date(2099, 1, 2)))
    records = {**DATA.records, "partners": {**DATA.partners, partner.id: later}}
    found = datasets(replace(DATA, records=records), "https://example.org/")
    (partners,) = [each for each in found if each.name == "partners"]
    assert partners.modified == date(2099, 1, 2)
    assert partners.issued == min(each.dates.added for each in DATA.partners.values())


def test_each_distribution_names_its_media_type_and_schema(site, catalogue):
    dataset = URIRef(f"{site.url}donnees/catalogue.jsonld#partners")
    media = {}
    for distribution in catalogue.objects(dataset, DCAT.distribution):
        name = site.path_of(str(catalogue.value(distribution, DCAT.downloadURL)))
        media[name] = (
            str(catalogue.value(distribution, DCAT.mediaType)).rsplit("media-types/", 1)[1],
            site.path_of(str(catalogue.value(distribution, DCTERMS.conformsTo))),
        )
    assert media == {
        f"donnees/partners.{language}.{extension}": (
            media_type,
            f"donnees/partners.{language}.{schema}",
        )
        for language in LANGUAGES
        for extension, media_type, schema in (
            ("json", "application/json", "schema.json"),
            ("csv", "text/csv", "tableschema.json"),
        )
    }


# --- The glossary as SKOS ------------------------------------------------------------------


@pytest.fixture(scope="module")
def vocabulary(site) -> Graph:
    return Graph().parse(published(site, "glossary.ttl"), format="turtle")


def test_the_turtle_and_json_ld_glossaries_are_the_same_graph(site, vocabulary):
    as_json_ld = Graph().parse(published(site, "glossary.jsonld"), format="json-ld")
    assert isomorphic(vocabulary, as_json_ld)


def test_each_term_is_a_concept_labelled_and_defined_in_both_languages(site, vocabulary):
    (scheme,) = vocabulary.subjects(RDF.type, SKOS.ConceptScheme)
    concepts = set(vocabulary.subjects(RDF.type, SKOS.Concept))
    assert len(concepts) == len(DATA.glossary)
    for term in DATA.glossary.values():
        concept = URIRef(f"{site.url}glossaire/#{term.id}")
        assert concept in concepts
        assert (concept, SKOS.inScheme, scheme) in vocabulary
        assert (scheme, SKOS.hasTopConcept, concept) in vocabulary
        for predicate, text in (
            (SKOS.prefLabel, term.term),
            (SKOS.definition, term.definition),
            (SKOS.altLabel, term.expansion),
        ):
            expected = (
                {Literal(text[language], lang=language) for language in LANGUAGES}
                if text
                else set()
            )
            assert set(vocabulary.objects(concept, predicate)) == expected, (term.id, predicate)


@pytest.mark.parametrize(
    "text", ['a "quoted" word', "a \\ backslash", "two\nlines\r", '""" ends early', "'''", "<>"]
)
def test_a_turtle_literal_holds_any_text_as_it_is(text):
    literal = turtle_string(text, "fr")
    graph = Graph().parse(data=f"<urn:a> <urn:b> {literal} .", format="turtle")
    assert list(graph.objects()) == [Literal(text, lang="fr")]


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_term_s_uri_is_its_anchor_on_the_glossary_page(site, vocabulary, language):
    page = site.html(f"{language_root(language)}glossaire/")
    anchors = {dt["id"] for dt in page.select("dl.glossary dt")}
    for concept in vocabulary.subjects(RDF.type, SKOS.Concept):
        address = urlsplit(str(concept))
        assert site.path_of(str(concept)) == "glossaire/"  # the French page, in both files
        assert address.fragment in anchors


# --- The page that documents them ----------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_open_data_page_links_every_published_file(site, language):
    path = f"{language_root(language)}donnees-ouvertes/"
    page = site.html(path)
    addresses = [urljoin(site.url + path, link["href"]) for link in page.select("article a[href]")]
    linked = {site.path_of(each) for each in addresses if each.startswith(site.url)}
    files = {
        f"donnees/{each.relative_to(published(site, '')).as_posix()}"
        for each in published(site, "").rglob("*")
        if each.is_file()
    }
    assert files - linked == set()
    # each table's row gives its JSON, its JSON Schema, its CSV and its Table Schema
    rows = page.select("table.open-data-files tbody tr")
    assert len(rows) == len(TABLES) * len(LANGUAGES)
    for row in rows:
        names = [link.get_text() for link in row.select("a")]
        stem = names[0].removesuffix(".json")
        assert names == [
            f"{stem}.json",
            f"{stem}.schema.json",
            f"{stem}.csv",
            f"{stem}.tableschema.json",
        ]
