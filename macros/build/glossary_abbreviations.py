"""Glossary tooltips on every page: each abbreviation of data/glossary.yml becomes an
<abbr title="..."> wherever it appears, with the expansion in the page's language.

The `abbr` Markdown extension does the work; this hook appends its `*[IST]: ...` definitions
to each page's Markdown once mkdocs-macros has rendered it. The extension leaves code and raw
HTML alone, so code samples and the macros' HTML keep their text as written.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from macros.build.state import Build
from macros.render.glossary import abbreviation_definitions
from macros.site.i18n import LANGUAGES, page_language


def prepare(build: Build, config: MkDocsConfig) -> None:
    """The definitions of each language, worked out once per build rather than once per page."""
    data = build.site_data(config)
    build.abbreviations = {lang: abbreviation_definitions(data, lang) for lang in LANGUAGES}


def add(build: Build, markdown: str, page: Page, config: MkDocsConfig) -> str:
    language = page_language(page)
    # Blank lines first: the definitions must not continue a list, a quote or an open block.
    return f"{markdown}\n\n{build.abbreviations[language]}\n"
