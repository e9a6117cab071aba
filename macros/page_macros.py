"""The macros the pages call. mkdocs-macros runs `define_env` (macros/__init__.py) once per
language build."""

from __future__ import annotations

from pathlib import Path

from macros.contribute import translations
from macros.kit import trainers_kit
from macros.model.records import lookup
from macros.publish import open_data, whats_new
from macros.registry import KINDS, kind
from macros.render import (
    case_form,
    cases,
    citations,
    contributors,
    partners,
    self_assessment,
    trust,
)
from macros.render.context import PageContext
from macros.render.facets import filters_script_url
from macros.render.glossary import glossary_definitions
from macros.site_cache import site_data


def define_env(env) -> None:
    data = site_data(env.project_dir)  # invalid data stops the build here, before any page

    def here() -> PageContext:
        return PageContext.of(env, data)

    @env.macro
    def cite(source_id: str) -> str:
        """`{{ cite("boussou-2014") }}`: "(Boussou, 2014)", linked to the sources page."""
        return citations.cite(data, here(), source_id)

    @env.macro
    def bibliography() -> str:
        """Every source as a full reference, each anchored by its id (sources page)."""
        return citations.bibliography(data, here())

    @env.macro
    def glossary() -> str:
        """Every glossary term as a definition list, each anchored by its id (glossary page)."""
        return glossary_definitions(data, here())

    @env.macro
    def cases_for_step(step_id: str) -> str:
        """The case studies illustrating a guide step, as cards."""
        return cases.cases_for_step(data, here(), step_id)

    @env.macro
    def case_findings(section: str) -> str:
        """Every case study's "gains" or "drawbacks", with sources (decision-makers' page)."""
        return cases.case_findings(data, here(), section)

    @env.macro
    def case_listing() -> str:
        """The case studies, filterable, a page of cards at a time (case-study listing page)."""
        page_size = env.conf.extra["case_listing_page_size"]
        return cases.case_listing(data, here(), filters_script_url(env.page.url), page_size)

    @env.macro
    def case_index(part: int = 1) -> str:
        """Every case study as a plain link (case index page, for readers without JavaScript),
        one page of them (`part`: the generated pages cas/liste/2.md... give it)."""
        return cases.case_index(data, here(), part)

    @env.macro
    def partner_directory() -> str:
        """Every partner, filterable by competence and type (partners page)."""
        return partners.partner_directory(data, here(), filters_script_url(env.page.url))

    @env.macro
    def record_page(kind_name: str, record_id: str) -> str:
        """The body of a record's page (generated pages only, macros/build/generated_pages.py)."""
        of = kind(kind_name)
        record = lookup(data.records[of.name], record_id, of.name)
        return of.render_page(data, here(), record)

    @env.macro
    def contributor_list() -> str:
        """Everyone credited for a record, with the records they worked on (contributors page)."""
        return contributors.contributor_list(
            here(),
            [
                (of.page_path(record.id), of.title(record), record.contributors)
                for of in KINDS
                for record in data.records[of.name].values()
                if getattr(record, "contributors", ())  # a kind may credit no one
            ],
        )

    @env.macro
    def case_study_form() -> str:
        """The form that writes a case study's file, generated from its schema (its page)."""
        return case_form.case_form(
            data,
            here(),
            Path(env.project_dir) / "data" / "schemas",
            env.conf.repo_url,
            env.conf.extra.get("contact_email", ""),
        )

    @env.macro
    def translation_status() -> str:
        """Every translation and how it stands (translation status page)."""
        found = translations.translations(Path(env.project_dir), data)
        return translations.status_table(here(), found, translations.edit_root(env.conf))

    @env.macro
    def open_data_files() -> str:
        """Every download, with its schema (open data page)."""
        return open_data.open_data_files(data, here())

    @env.macro
    def open_data_source_schemas() -> str:
        """The schemas of the YAML source files, as published (open data page)."""
        return open_data.open_data_source_schemas(here())

    @env.macro
    def self_assessment_tools() -> str:
        """The self-assessment's summary, exports, print and link buttons (its page)."""
        return self_assessment.self_assessment_tools(here())

    @env.macro
    def open_data_columns(dataset: str) -> str:
        """The columns of one table's files ("case-studies", "partners", "glossary"), with their
        meaning."""
        return open_data.open_data_columns(here(), dataset)

    @env.macro
    def kit(part: str) -> str:
        """A part of the trainers' kit page: "sheets", "book", "short-links" or "offline"."""
        made = env.conf.extra["kit_made"]  # set by hooks/pipeline.py: not under make serve
        return trainers_kit.kit_page(data, here(), part, Path(env.conf["docs_dir"]), made)

    @env.macro
    def accessibility_statement(part: str) -> str:
        """A part of the accessibility statement: "status", "tests" or "known-issues"
        (data/accessibility.yml)."""
        return trust.accessibility_statement(data, here(), part, env.conf.repo_url)

    @env.macro
    def legal_notice() -> str:
        """The publisher and the host, as mkdocs.yml's `extra` names them (legal notice)."""
        return trust.legal_notice(here(), env.conf.extra, env.conf.repo_url)

    @env.macro
    def latest_changes() -> str:
        """The latest major changes of pages and records, newest first (What's new page)."""
        return whats_new.whats_new(data, here(), Path(env.conf["docs_dir"]))
