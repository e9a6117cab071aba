"""Open data: the case studies and partners as JSON and CSV, one file per language, and the page
that documents them. The columns are described here, next to the code that fills them, so that
the documentation cannot drift from the files.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

from mkdocs.utils import get_relative_url

from .context import PageContext
from .data import LANGUAGES, CaseStudy, Partner, SiteData, Text
from .paths import case_page_path, partner_page_path
from .templates import render

FOLDER = "donnees"  # under the site root, shared by both languages
SCHEMAS = ("case-study.schema.json", "partner.schema.json", "common.schema.json")
# The data and the pages share the content's licence (docs/*/a-propos.md#licences).
CONTENT_LICENCE = {
    "name": "CC BY-NC-SA 4.0",
    "url": "https://creativecommons.org/licenses/by-nc-sa/4.0/",
}

UrlOf = Callable[[str, str], str]  # (language, page path such as "cas/g2id.md") -> absolute URL


def _t(fr: str, en: str) -> Text:
    return Text(fr=fr, en=en)


CASE_COLUMNS: dict[str, Text] = {
    "id": _t("identifiant, nom du fichier de données", "identifier, the data file's name"),
    "url": _t("adresse de la page du cas", "address of the case's page"),
    "title": _t("titre", "title"),
    "summary": _t("résumé", "summary"),
    "status": _t("statut (identifiant)", "status (identifier)"),
    "status_label": _t("statut", "status"),
    "territory": _t("territoire", "territory"),
    "towns": _t("nombre de communes", "number of municipalities"),
    "inhabitants": _t("nombre d'habitants", "number of inhabitants"),
    "libraries": _t("nombre de bibliothèques", "number of libraries"),
    "start_year": _t("année de début", "start year"),
    "end_year": _t("année de fin", "end year"),
    "fields": _t("champs mutualisés (identifiants)", "fields pooled (identifiers)"),
    "field_labels": _t("champs mutualisés", "fields pooled"),
    "administrative_form": _t("forme administrative (identifiant)", "administrative form (id)"),
    "administrative_form_label": _t("forme administrative", "administrative form"),
    "partners": _t("partenaires (identifiants)", "partners (identifiers)"),
    "partner_names": _t("partenaires", "partners"),
    "steps": _t("étapes du guide illustrées (identifiants)", "guide steps illustrated (ids)"),
    "key_figures": _t(
        "chiffres clés : libellé, valeur, unité, année, source",
        "key figures: label, value, unit, year, source",
    ),
    "gains": _t("gains", "gains"),
    "drawbacks": _t("inconvénients", "drawbacks"),
    "lessons": _t("enseignements", "lessons"),
    "sources": _t("sources (identifiants de la page Sources)", "sources (ids on the Sources page)"),
}

PARTNER_COLUMNS: dict[str, Text] = {
    "id": _t("identifiant, nom du fichier de données", "identifier, the data file's name"),
    "url": _t("adresse de la page du partenaire", "address of the partner's page"),
    "name": _t("nom", "name"),
    "type": _t("type (identifiant)", "type (identifier)"),
    "type_label": _t("type", "type"),
    "country": _t("pays", "country"),
    "region": _t("région", "region"),
    "website": _t("site web", "website"),
    "competences": _t("compétences (identifiants)", "competences (identifiers)"),
    "competence_labels": _t("compétences", "competences"),
    "description": _t("description", "description"),
    "case_studies": _t("études de cas (identifiants)", "case studies (identifiers)"),
}

DATASETS = {"case-studies": CASE_COLUMNS, "partners": PARTNER_COLUMNS}


# --- Records -------------------------------------------------------------------------------


def case_record(case: CaseStudy, language: str, url_of: UrlOf) -> dict:
    scale = case.territory.scale
    return {
        "id": case.id,
        "url": url_of(language, case_page_path(case.id)),
        "title": case.title[language],
        "summary": case.summary[language],
        "status": case.status.id,
        "status_label": case.status.label[language],
        "territory": case.territory.label[language],
        "towns": scale.towns if scale else None,
        "inhabitants": scale.inhabitants if scale else None,
        "libraries": scale.libraries if scale else None,
        "start_year": case.period.start if case.period else None,
        "end_year": case.period.end if case.period else None,
        "fields": [term.id for term in case.fields],
        "field_labels": [term.label[language] for term in case.fields],
        "administrative_form": case.administrative_form.id,
        "administrative_form_label": case.administrative_form.label[language],
        "partners": [partner.id for partner in case.partners],
        "partner_names": [partner.name[language] for partner in case.partners],
        "steps": [step.id for step in case.steps],
        "key_figures": [
            {
                "label": figure.label[language],
                "value": figure.value,
                "unit": figure.unit[language] if figure.unit else None,
                "year": figure.year,
                "source": figure.source.id,
            }
            for figure in case.key_figures
        ],
        "gains": [text[language] for text in case.gains],
        "drawbacks": [text[language] for text in case.drawbacks],
        "lessons": [text[language] for text in case.lessons],
        "sources": [source.id for source in case.sources],
    }


def partner_record(partner: Partner, language: str, url_of: UrlOf) -> dict:
    return {
        "id": partner.id,
        "url": url_of(language, partner_page_path(partner.id)),
        "name": partner.name[language],
        "type": partner.partner_type.id,
        "type_label": partner.partner_type.label[language],
        "country": partner.country.label[language] if partner.country else None,
        "region": partner.region[language] if partner.region else None,
        "website": partner.website,
        "competences": [term.id for term in partner.competences],
        "competence_labels": [term.label[language] for term in partner.competences],
        "description": partner.description[language],
        "case_studies": [case.id for case in partner.case_studies],
    }


def records(data: SiteData, dataset: str, language: str, url_of: UrlOf) -> list[dict]:
    if dataset == "case-studies":
        return [case_record(case, language, url_of) for case in data.case_studies.values()]
    return [partner_record(partner, language, url_of) for partner in data.partners.values()]


# --- Files ---------------------------------------------------------------------------------


def file_name(dataset: str, language: str, extension: str) -> str:
    return f"{dataset}.{language}.{extension}"


def as_json(rows: list[dict], language: str) -> str:
    document = {"language": language, "licence": CONTENT_LICENCE, "records": rows}
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
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(_cell(item) for item in value)
    if isinstance(value, dict):  # a key figure
        unit = f" {value['unit']}" if value["unit"] else ""
        year = f", {value['year']}" if value["year"] else ""
        return f"{value['label']}: {value['value']}{unit} ({value['source']}{year})"
    return str(value)


def write_open_data(data: SiteData, site_dir: Path, schemas_dir: Path, url_of: UrlOf) -> None:
    """Write site/donnees/: every dataset in every language as JSON and CSV, and the schemas."""
    folder = site_dir / FOLDER
    (folder / "schemas").mkdir(parents=True, exist_ok=True)
    for dataset, columns in DATASETS.items():
        for language in LANGUAGES:
            rows = records(data, dataset, language, url_of)
            json_path = folder / file_name(dataset, language, "json")
            json_path.write_text(as_json(rows, language), encoding="utf-8")
            # With a byte-order mark, spreadsheet software reads the accents right.
            csv_path = folder / file_name(dataset, language, "csv")
            csv_path.write_text(as_csv(rows, list(columns)), encoding="utf-8-sig")
    for schema in SCHEMAS:
        shutil.copyfile(schemas_dir / schema, folder / "schemas" / schema)


# --- The documentation page ----------------------------------------------------------------


def open_data_files(data: SiteData, page: PageContext) -> str:
    """The downloads, as links relative to the page (the files sit at the site root)."""

    def link(path: str) -> str:
        return get_relative_url(f"{FOLDER}/{path}", page.url)

    counts = {"case-studies": len(data.case_studies), "partners": len(data.partners)}
    return render(
        "open_data_files.html",
        datasets=list(DATASETS),
        counts=counts,
        languages=LANGUAGES,
        link=link,
        file_name=file_name,
        schemas={"case-studies": SCHEMAS[0], "partners": SCHEMAS[1]},
        ui=page.ui,
    )


def open_data_columns(page: PageContext, dataset: str) -> str:
    """The columns of one dataset, in the order of the files."""
    if dataset not in DATASETS:
        raise KeyError(f"unknown dataset {dataset!r} (one of: {', '.join(DATASETS)})")
    return render(
        "open_data_columns.html", columns=DATASETS[dataset], language=page.language, ui=page.ui
    )
