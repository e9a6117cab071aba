"""The registry: the kinds of records kept one YAML file per record in data/<kind>/<id>.yml,
declared once. It joins each kind's data (macros/kinds/) with its page (macros/render/).

Everything that handles records loops over `KINDS`: the loader and the validator's summary
(macros/model/data.py, macros/contribute/check_data.py), the generated pages
(macros/build/generated_pages.py), the open data (macros/publish/open_data.py) and the tests.
Adding a kind is a schema in data/schemas/, a module that builds its records (macros/kinds/), one
that renders its page (macros/render/, with a template),
its interface words in data/interface.yml (`<kind>.dataset`, `<kind>.column.<name>`) and one
`Kind(...)` below, plus the pages that list it.
"""

from __future__ import annotations

from pathlib import Path

from macros.kinds import case_studies, partners
from macros.model.data import load
from macros.model.identifiers import check_contributors, check_identifiers
from macros.model.kind import Kind
from macros.model.record_dates import check_record_dates
from macros.model.records import CaseStudy, Partner, SiteData, lookup
from macros.render import cases
from macros.render import partners as partner_pages
from macros.site.paths import CASE_FOLDER, PARTNER_FOLDER

# In the order they are built: case studies refer to partners.
KINDS: tuple[Kind, ...] = (
    Kind(
        name="partners",
        schema="partner.schema.json",
        record=Partner,
        build=partners.build_partner,
        page_folder=PARTNER_FOLDER,
        render_page=partner_pages.partner_page,
        title=lambda partner: partner.name,
        summary=lambda partner: partner.description,
        columns=partners.COLUMNS,
        check=lambda parsed: (
            check_identifiers(parsed) + check_contributors(parsed) + check_record_dates(parsed)
        ),
    ),
    Kind(
        name="case-studies",
        schema="case-study.schema.json",
        record=CaseStudy,
        build=case_studies.build_case_study,
        page_folder=CASE_FOLDER,
        render_page=cases.case_study_page,
        title=lambda case: case.title,
        summary=lambda case: case.summary,
        columns=case_studies.COLUMNS,
        check=lambda parsed: (
            case_studies.check_case(parsed)
            + check_contributors(parsed)
            + check_record_dates(parsed)
        ),
    ),
)


def kind(name: str) -> Kind:
    found: Kind = lookup({each.name: each for each in KINDS}, name, "kind of record")
    return found


def load_site_data(data_dir: Path | str) -> SiteData:
    """Everything in `data_dir`, read, validated and built into records of this project's kinds;
    DataError (macros/model/data.py) with every problem otherwise."""
    return load(Path(data_dir), KINDS)
