"""One page per record of every kind (case studies, partners), in each language, from data/:
front matter from the record, and a macro call that renders the body; and the parts of the
plain list of case studies past its first page (cas/liste/2.md...: macros/render/cases.py).

The pages are added in `on_files` as if they were in docs/ (docs/fr/cas/g2id.md...), so that
mkdocs-static-i18n, whose `on_files` runs after ours, pairs them across languages and puts
them in the sitemap; `on_pre_page` then gives each its Markdown, and nothing is written to disk.
(Content given to the File in `on_files` would be lost: mkdocs-static-i18n rebuilds every docs
file from its path.) They are left out of the navigation: the listings link to them.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from macros.build.state import Build
from macros.model.records import SiteData
from macros.registry import KINDS
from macros.render.cases import case_index_parts, listed
from macros.site.escaping import front_matter_value
from macros.site.i18n import LANGUAGES
from macros.site.paths import CASE_INDEX_PAGE, case_index_page
from macros.site.text import first_sentence


def page_markdown(title: str, description: str, macro_call: str) -> str:
    return (
        "---\n"
        f"title: {front_matter_value(title)}\n"
        f"description: {front_matter_value(description)}\n"
        "---\n\n"
        f"{{{{ {macro_call} }}}}\n"
    )


def generated_pages(data: SiteData) -> dict[str, str]:
    """Markdown by source path under docs/, e.g. `en/cas/g2id.md`."""
    pages = {}
    for kind in KINDS:
        for record_id, record in data.records[kind.name].items():
            macro_call = f'record_page("{kind.name}", "{record_id}")'
            for language in LANGUAGES:
                pages[kind.source_path(record_id, language)] = page_markdown(
                    kind.title(record)[language],
                    first_sentence(kind.summary(record)[language]),
                    macro_call,
                )
    return {**pages, **case_index_pages(data)}


def case_index_pages(data: SiteData) -> dict[str, str]:
    """The plain list of case studies past its first page (docs/<language>/cas/liste.md)."""
    parts = case_index_parts(len(listed(data)))
    pages = {}
    for part in range(2, parts + 1):
        for language in LANGUAGES:
            ui = data.ui(language)
            pages[f"{language}/{case_index_page(part)}"] = page_markdown(
                ui["case-studies.index_part"].format(part=part, parts=parts),
                ui["case-studies.index_part_description"],
                f"case_index({part})",
            )
    return pages


def data_files_of_pages(data: SiteData) -> dict[str, str]:
    """The file each generated page comes from, by source path: `en/cas/g2id.md` ->
    `data/case-studies/g2id.yml`, `en/cas/liste/2.md` -> `docs/en/cas/liste.md` (where "Edit
    this page" leads)."""
    return {
        **{
            kind.source_path(record_id, language): f"data/{kind.name}/{record_id}.yml"
            for kind in KINDS
            for record_id in data.records[kind.name]
            for language in LANGUAGES
        },
        **{
            source: f"docs/{source.partition('/')[0]}/{CASE_INDEX_PAGE}"
            for source in case_index_pages(data)
        },
    }


def add(build: Build, files: Files, config: MkDocsConfig) -> None:
    pages = generated_pages(build.site_data(config))
    for src_uri in pages:
        if files.get_file_from_path(src_uri) or (Path(config.docs_dir) / src_uri).exists():
            raise PluginError(f"docs/{src_uri} would hide the page generated from data/: remove it")
        files.append(
            File(
                src_uri,
                config.docs_dir,
                config.site_dir,
                config.use_directory_urls,
                inclusion=InclusionLevel.NOT_IN_NAV,
            )
        )
    build.generated_pages = pages
    build.data_files = data_files_of_pages(build.site_data(config))


def give_source(build: Build, page: Page, config: MkDocsConfig) -> None:
    markdown = build.generated_pages.get(page.file.src_uri)
    if markdown is not None:  # a generated page: MkDocs reads its source from here, not disk
        page.file.content_string = markdown
