"""Open data: the records of every kind (macros/registry.py) and the glossary as JSON and CSV,
one file per language, each with its schema, a data package per language, and the page that
documents them. Columns, their shapes and their meanings come from each declaration (the kinds'
COLUMNS, the glossary's) and the interface words, so neither the schemas nor the documentation
can drift from the files.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.utils import get_relative_url

from macros.model.kind import Kind
from macros.model.records import Column, SiteData
from macros.model.shapes import ID, URL, base_type, nullable
from macros.publish import glossary_vocabulary
from macros.registry import KINDS
from macros.render.context import PageContext
from macros.render.templates import render
from macros.site.escaping import csv_cell
from macros.site.i18n import LANGUAGES, page_url
from macros.site.paths import OPEN_DATA_FOLDER, OPEN_DATA_PAGE

COMMON_SCHEMA = "common.schema.json"  # the definitions every kind's schema refers to
# every table's first columns: the record's id and its page's address (the term's, its anchor)
GENERIC_COLUMNS = (("id", ID), ("url", URL))
MEDIA_TYPES = {"json": "application/json", "csv": "text/csv"}


# --- Tables --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """One published dataset in rows: each kind of record, and the glossary. Its words are
    `<name>.dataset`, `<name>.description` and `<name>.column.<column>`."""

    name: str  # the files' stem: donnees/<name>.<language>.json
    columns: tuple[Column, ...]  # after id and url
    items: Callable[[SiteData], Iterable[Any]]  # each with an `id`, in the files' order
    url: Callable[[Any, str, str], str]  # (item, language, site_url) -> its address


def _kind_table(of: Kind) -> Table:
    return Table(
        name=of.name,
        columns=of.columns,
        items=lambda data: data.records[of.name].values(),
        url=lambda item, language, site_url: page_url(of.page_path(item.id), language, site_url),
    )


def tables() -> tuple[Table, ...]:
    return (
        *(_kind_table(each) for each in KINDS),
        Table(
            name=glossary_vocabulary.DATASET,
            columns=glossary_vocabulary.COLUMNS,
            items=lambda data: data.glossary.values(),
            url=glossary_vocabulary.term_url,
        ),
    )


def table(name: str) -> Table:
    return next(each for each in tables() if each.name == name)


def rows(data: SiteData, of: Table, language: str, site_url: str) -> list[dict]:
    """Every item of a table as one row, texts in `language`."""
    return [
        {
            "id": item.id,
            "url": of.url(item, language, site_url),
            **{column.name: column.value(item, language) for column in of.columns},
        }
        for item in of.items(data)
    ]


def column_names(of: Table | Kind) -> list[str]:
    return [*(name for name, _ in GENERIC_COLUMNS), *(column.name for column in of.columns)]


def _shapes(of: Table) -> list[tuple[str, dict]]:
    return [*GENERIC_COLUMNS, *((column.name, column.shape) for column in of.columns)]


# --- Files ---------------------------------------------------------------------------------


def file_name(dataset: str, language: str, extension: str) -> str:
    """donnees/<dataset>.<language>.<extension>: "json", "csv", "schema.json" (the JSON
    file's JSON Schema), "tableschema.json" (the CSV file's Table Schema)."""
    return f"{dataset}.{language}.{extension}"


def package_name(language: str) -> str:
    """Each language's data package, in a folder of its own as the standard names it."""
    return f"{language}/datapackage.json"


def published_url(site_url: str, path: str) -> str:
    return f"{site_url.rstrip('/')}/{OPEN_DATA_FOLDER}/{path}"


def as_json(rows: list[dict], language: str, licence: dict) -> str:
    document = {"language": language, "licence": licence, "records": rows}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def as_csv(rows: list[dict], columns: list[str]) -> str:
    """One row per record; a list goes in one cell, one item per line (spreadsheets show them)."""
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({name: _cell(value) for name, value in row.items()})
    return output.getvalue()


def _cell(value) -> str:
    """A cell's text; one that a spreadsheet would run as a formula is neutralised (OWASP)."""
    if value is None or isinstance(value, int | float):
        return "" if value is None else str(value)  # numbers stay numbers, -3 included
    return csv_cell(_text(value))


def _text(value) -> str:
    if isinstance(value, list):
        return "\n".join(_cell(item) for item in value)
    if isinstance(value, dict) and {"label", "value"} <= value.keys():  # a key figure
        unit = f" {value['unit']}" if value["unit"] else ""
        year = f", {value['year']}" if value["year"] else ""
        return f"{value['label']}: {value['value']}{unit} ({value['source']}{year})"
    if isinstance(value, dict):  # a milestone, a gain, a partner's role...: "name: value; ..."
        return "; ".join(
            f"{name}: {_cell(item)}" for name, item in value.items() if item not in (None, [])
        )
    return str(value)


# --- Schemas of the published files --------------------------------------------------------


def json_schema(of: Table, language: str, data: SiteData, site_url: str) -> dict:
    """The JSON Schema of donnees/<table>.<language>.json, each column described in `language`."""
    words = data.ui(language)
    columns = {
        name: {**shape, "description": words[f"{of.name}.column.{name}"]}
        for name, shape in _shapes(of)
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": published_url(site_url, file_name(of.name, language, "schema.json")),
        "title": words[f"{of.name}.dataset"],
        "description": words[f"{of.name}.description"],
        "type": "object",
        "properties": {
            "language": {"const": language},
            "licence": {
                "type": "object",
                "properties": {"name": {"type": "string"}, "url": URL},
                "required": ["name", "url"],
            },
            "records": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": columns,
                    "required": list(columns),
                    "additionalProperties": False,
                },
            },
        },
        "required": ["language", "licence", "records"],
        "additionalProperties": False,
    }


def table_schema(of: Table, language: str, data: SiteData) -> dict:
    """The Table Schema (Frictionless) of donnees/<table>.<language>.csv: a list or an object is
    one cell of text, its items one per line; a value the data does not give is an empty cell."""
    words = data.ui(language)
    return {
        "fields": [
            _csv_field(name, shape, words[f"{of.name}.column.{name}"])
            for name, shape in _shapes(of)
        ],
        "missingValues": [""],
        "primaryKey": ["id"],
    }


def _csv_field(name: str, shape: dict, description: str) -> dict:
    of_type = base_type(shape)
    if of_type in ("array", "object"):
        return {"name": name, "type": "string", "description": description}
    field: dict = {"name": name, "type": of_type, "description": description}
    if shape.get("format") == "uri":
        field["format"] = "uri"
    constraints = {"required": True} if not nullable(shape) else {}
    if "pattern" in shape:  # Table Schema patterns match the whole value: no anchors
        constraints["pattern"] = shape["pattern"].removeprefix("^").removesuffix("$")
    if "enum" in shape:
        constraints["enum"] = shape["enum"]
    return {**field, **({"constraints": constraints} if constraints else {})}


def data_package(data: SiteData, language: str, site_url: str, licence: dict) -> dict:
    """The Data Package of one language: every CSV with its Table Schema. Its files sit beside
    the package's folder, so their paths are absolute (the standard allows no "../")."""
    words = data.ui(language)
    return {
        "profile": "tabular-data-package",
        "name": f"mutualiser-{language}",
        "title": words["open_data.title"],
        "description": words["open_data.description"],
        "homepage": page_url(OPEN_DATA_PAGE, language, site_url),
        "licenses": [{"path": licence["url"], "title": licence["name"]}],
        "resources": [
            {
                "name": f"{of.name}-{language}",
                "title": words[f"{of.name}.dataset"],
                "description": words[f"{of.name}.description"],
                "profile": "tabular-data-resource",
                "path": published_url(site_url, file_name(of.name, language, "csv")),
                "format": "csv",
                "mediatype": MEDIA_TYPES["csv"],
                "encoding": "utf-8",  # an IANA name; readers skip the byte-order mark
                "schema": table_schema(of, language, data),
            }
            for of in tables()
        ],
    }


def _dump(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def write_open_data(
    data: SiteData, site_dir: Path, schemas_dir: Path, site_url: str, licence: dict
) -> None:
    """Write site/donnees/: every table in every language as JSON and CSV with their schemas,
    a data package per language, the glossary in SKOS, and the source files' schemas."""
    folder = site_dir / OPEN_DATA_FOLDER
    (folder / "schemas").mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        for of in tables():
            published = rows(data, of, language, site_url)

            def write(extension: str, text: str, encoding: str = "utf-8") -> None:
                path = folder / file_name(of.name, language, extension)  # noqa: B023
                path.write_text(text, encoding=encoding)

            write("json", as_json(published, language, licence))
            # With a byte-order mark, spreadsheet software reads the accents right.
            write("csv", as_csv(published, column_names(of)), "utf-8-sig")
            write("schema.json", _dump(json_schema(of, language, data, site_url)))
            write("tableschema.json", _dump(table_schema(of, language, data)))
        package = folder / package_name(language)
        package.parent.mkdir(exist_ok=True)
        package.write_text(_dump(data_package(data, language, site_url, licence)), "utf-8")
    vocabulary = glossary_vocabulary
    (folder / "glossary.ttl").write_text(vocabulary.as_turtle(data, site_url, licence), "utf-8")
    (folder / "glossary.jsonld").write_text(
        _dump(vocabulary.as_json_ld(data, site_url, licence)), "utf-8"
    )
    for schema in (*(each.schema for each in KINDS), COMMON_SCHEMA):
        shutil.copyfile(schemas_dir / schema, folder / "schemas" / schema)


# --- The documentation page ----------------------------------------------------------------


def open_data_files(data: SiteData, page: PageContext) -> str:
    """The downloads, as links relative to the page (the files sit at the site root)."""

    def link(path: str) -> str:
        return get_relative_url(f"{OPEN_DATA_FOLDER}/{path}", page.url)

    ui = page.ui
    other_files = [
        *(
            (package_name(language), f"{ui['open_data.package']} ({ui[f'language_{language}']})")
            for language in LANGUAGES
        ),
        ("catalogue.jsonld", ui["open_data.catalogue"]),
        ("glossary.ttl", ui["open_data.skos_turtle"]),
        ("glossary.jsonld", ui["open_data.skos_json_ld"]),
        ("sources.ris", ui["open_data.ris"]),
        ("sources.bib", ui["open_data.bibtex"]),
    ]
    return render(
        "open_data_files.html",
        other_files=other_files,
        tables=tables(),
        counts={each.name: len(list(each.items(data))) for each in tables()},
        languages=LANGUAGES,
        link=link,
        file_name=file_name,
        ui=ui,
    )


def open_data_columns(page: PageContext, dataset: str) -> str:
    """The columns of one table's files, in their order, with their meaning."""
    of = table(dataset)
    meanings = {name: page.ui[f"{of.name}.column.{name}"] for name in column_names(of)}
    return render("open_data_columns.html", columns=meanings, ui=page.ui)


def open_data_source_schemas(page: PageContext) -> str:
    """The schemas of the source files (data/schemas/), published as they are."""
    return render(
        "open_data_source_schemas.html",
        schemas=[*(each.schema for each in KINDS), COMMON_SCHEMA],
        link=lambda path: get_relative_url(f"{OPEN_DATA_FOLDER}/{path}", page.url),
    )
