"""The kinds of records kept one YAML file per record in data/<kind>/<id>.yml, declared once.

Everything that handles records loops over `KINDS`: the loader and the validator's summary
(macros/model/data.py, macros/contribute/check_data.py), the generated pages
(macros/render/generated.py), the open data (macros/publish/open_data.py) and the tests. Adding a
kind is a schema in data/schemas/, a module that builds and renders its records (with a template),
its interface words in data/interface.yml (`<kind>.dataset`, `<kind>.column.<name>`) and one
`Kind(...)` below, plus the pages that list it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from macros.model.record_dates import check_record_dates
from macros.model.records import Column, SiteData, Text, lookup
from macros.model.validation import Problem, YamlFile
from macros.render import cases, partners
from macros.site.paths import CASE_FOLDER, PARTNER_FOLDER


@dataclass(frozen=True)
class Kind:
    name: (
        str  # data/<name>/<id>.yml, the open-data files <name>.<language>.json, the words <name>.*
    )
    schema: str  # in data/schemas/
    build: Callable[[YamlFile, SiteData], Any]  # a valid file -> its record (earlier kinds built)
    page_folder: str  # one page per record at <page_folder>/<id>.md, in each language
    render_page: Callable[..., str]  # (data, PageContext, record) -> the page's body
    title: Callable[[Any], Text]  # the page's title and first sentence of its description
    summary: Callable[[Any], Text]
    columns: tuple[Column, ...]  # the open data, after `id` and `url`
    check: Callable[[YamlFile], list[Problem]] = lambda parsed: []  # beyond the schema

    def page_path(self, record_id: str) -> str:
        return f"{self.page_folder}/{record_id}.md"


# In the order they are built: case studies refer to partners.
KINDS: tuple[Kind, ...] = (
    Kind(
        name="partners",
        schema="partner.schema.json",
        build=partners.build_partner,
        page_folder=PARTNER_FOLDER,
        render_page=partners.partner_page,
        title=lambda partner: partner.name,
        summary=lambda partner: partner.description,
        columns=partners.COLUMNS,
        check=check_record_dates,
    ),
    Kind(
        name="case-studies",
        schema="case-study.schema.json",
        build=cases.build_case_study,
        page_folder=CASE_FOLDER,
        render_page=cases.case_study_page,
        title=lambda case: case.title,
        summary=lambda case: case.summary,
        columns=cases.COLUMNS,
        check=lambda parsed: cases.check_case(parsed) + check_record_dates(parsed),
    ),
)


def kind(name: str) -> Kind:
    return lookup({each.name: each for each in KINDS}, name, "kind of record")
