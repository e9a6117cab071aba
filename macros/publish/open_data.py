"""Open data: the records of every kind (macros/registry.py) as JSON and CSV, one file per language,
and the page that documents them. The columns come from each kind's declaration and their
meanings from the interface words, so the documentation cannot drift from the files.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

from mkdocs.utils import get_relative_url

from macros.model.kind import Kind
from macros.model.records import SiteData
from macros.registry import KINDS, kind
from macros.render.context import PageContext
from macros.render.templates import render
from macros.site.escaping import csv_cell
from macros.site.i18n import LANGUAGES, page_url
from macros.site.paths import OPEN_DATA_FOLDER

COMMON_SCHEMA = "common.schema.json"  # the definitions every kind's schema refers to
GENERIC_COLUMNS = ("id", "url")  # every kind's first columns: the record's id and page address


# --- Records -------------------------------------------------------------------------------


def records(data: SiteData, of: Kind, language: str, site_url: str) -> list[dict]:
    """Every record of a kind as one row per record, texts in `language`."""
    return [
        {
            "id": record_id,
            "url": page_url(of.page_path(record_id), language, site_url),
            **{column.name: column.value(record, language) for column in of.columns},
        }
        for record_id, record in data.records[of.name].items()
    ]


def column_names(of: Kind) -> list[str]:
    return [*GENERIC_COLUMNS, *(column.name for column in of.columns)]


# --- Files ---------------------------------------------------------------------------------


def file_name(dataset: str, language: str, extension: str) -> str:
    return f"{dataset}.{language}.{extension}"


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


def write_open_data(
    data: SiteData, site_dir: Path, schemas_dir: Path, site_url: str, licence: dict
) -> None:
    """Write site/donnees/: every kind in every language as JSON and CSV, and the schemas."""
    folder = site_dir / OPEN_DATA_FOLDER
    (folder / "schemas").mkdir(parents=True, exist_ok=True)
    for each in KINDS:
        for language in LANGUAGES:
            rows = records(data, each, language, site_url)
            json_path = folder / file_name(each.name, language, "json")
            json_path.write_text(as_json(rows, language, licence), encoding="utf-8")
            # With a byte-order mark, spreadsheet software reads the accents right.
            csv_path = folder / file_name(each.name, language, "csv")
            csv_path.write_text(as_csv(rows, column_names(each)), encoding="utf-8-sig")
    for schema in (*(each.schema for each in KINDS), COMMON_SCHEMA):
        shutil.copyfile(schemas_dir / schema, folder / "schemas" / schema)


# --- The documentation page ----------------------------------------------------------------


def open_data_files(data: SiteData, page: PageContext) -> str:
    """The downloads, as links relative to the page (the files sit at the site root)."""

    def link(path: str) -> str:
        return get_relative_url(f"{OPEN_DATA_FOLDER}/{path}", page.url)

    return render(
        "open_data_files.html",
        kinds=KINDS,
        counts={each.name: len(data.records[each.name]) for each in KINDS},
        languages=LANGUAGES,
        link=link,
        file_name=file_name,
        ui=page.ui,
    )


def open_data_columns(page: PageContext, dataset: str) -> str:
    """The columns of one kind's files, in their order, with their meaning."""
    of = kind(dataset)
    meanings = {name: page.ui[f"{of.name}.column.{name}"] for name in column_names(of)}
    return render("open_data_columns.html", columns=meanings, ui=page.ui)
