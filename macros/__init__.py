"""The macros the pages call. mkdocs-macros runs `define_env` once per language build."""

from __future__ import annotations

from . import cases, citations, open_data, partners
from .build_data import site_data
from .context import PageContext
from .filters import filters_script_url
from .glossary import glossary_definitions


def define_env(env) -> None:
    data = site_data(env.project_dir)  # invalid data stops the build here, before any page

    def here() -> PageContext:
        return PageContext.of(env)

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
    def case_listing() -> str:
        """Every case study, filterable (case-study listing page)."""
        return cases.case_listing(data, here(), filters_script_url(env.page.url))

    @env.macro
    def case_study_page(case_id: str) -> str:
        """The body of a case study's page (generated pages only)."""
        return cases.case_study_page(data, here(), case_id)

    @env.macro
    def partner_directory() -> str:
        """Every partner, filterable by competence and type (partners page)."""
        return partners.partner_directory(data, here(), filters_script_url(env.page.url))

    @env.macro
    def partner_page(partner_id: str) -> str:
        """The body of a partner's page (generated pages only)."""
        return partners.partner_page_body(data, here(), partner_id)

    @env.macro
    def open_data_files() -> str:
        """The JSON and CSV downloads and their schemas (open data page)."""
        return open_data.open_data_files(data, here())

    @env.macro
    def open_data_columns(dataset: str) -> str:
        """The columns of "case-studies" or "partners", with their meaning (open data page)."""
        return open_data.open_data_columns(here(), dataset)
