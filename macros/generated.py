"""The Markdown of the pages generated from the data: one per case study and per partner, in
each language. Front matter from the data, and a macro call that renders the body."""

from __future__ import annotations

import html
import json

from .data import LANGUAGES, SiteData, Text
from .paths import case_page_path, partner_page_path
from .text import first_sentence


def front_matter_value(text: str) -> str:
    """A front-matter string that Material may print unescaped and mkdocs-macros may render:
    HTML-escaped, braces as entities, quoted as JSON (which YAML reads)."""
    escaped = html.escape(text, quote=False).replace("{", "&#123;").replace("}", "&#125;")
    return json.dumps(escaped, ensure_ascii=False)


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
    for language in LANGUAGES:
        for case in data.case_studies.values():
            pages[f"{language}/{case_page_path(case.id)}"] = _page(
                case.title, case.summary, language, f'case_study_page("{case.id}")'
            )
        for partner in data.partners.values():
            pages[f"{language}/{partner_page_path(partner.id)}"] = _page(
                partner.name, partner.description, language, f'partner_page("{partner.id}")'
            )
    return pages


def _page(title: Text, about: Text, language: str, macro_call: str) -> str:
    return page_markdown(title[language], first_sentence(about[language]), macro_call)
