"""The Markdown of the pages generated from the data: one per record of every kind, in each
language. Front matter from the record, and a macro call that renders the body."""

from __future__ import annotations

from macros.kinds import KINDS
from macros.model.records import SiteData
from macros.site.escaping import front_matter_value
from macros.site.i18n import LANGUAGES
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
                pages[f"{language}/{kind.page_path(record_id)}"] = page_markdown(
                    kind.title(record)[language],
                    first_sentence(kind.summary(record)[language]),
                    macro_call,
                )
    return pages


def data_files_of_pages(data: SiteData) -> dict[str, str]:
    """The data file each generated page comes from, by source path: `en/cas/g2id.md` ->
    `data/case-studies/g2id.yml` (where "Edit this page" leads)."""
    return {
        f"{language}/{kind.page_path(record_id)}": f"data/{kind.name}/{record_id}.yml"
        for kind in KINDS
        for record_id in data.records[kind.name]
        for language in LANGUAGES
    }
