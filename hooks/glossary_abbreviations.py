"""Glossary tooltips on every page: each abbreviation of data/glossary.yml becomes an
<abbr title="..."> wherever it appears, with the expansion in the page's language.

The `abbr` Markdown extension does the work; this hook appends its `*[IST]: ...` definitions
to each page's Markdown once mkdocs-macros has rendered it. The extension leaves code and raw
HTML alone, so code samples and the macros' HTML keep their text as written.
"""

from __future__ import annotations

from pathlib import Path

import _project  # noqa: F401  (the macros package)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from macros.render.glossary import abbreviation_definitions
from macros.site.i18n import LANGUAGES, page_language
from macros.site_cache import site_data

# The definitions of each language, worked out once per build rather than once per page.
_definitions: dict[str, str] = {}


def on_pre_build(config: MkDocsConfig) -> None:
    data = site_data(Path(config.config_file_path).parent)
    _definitions.clear()
    _definitions.update({lang: abbreviation_definitions(data, lang) for lang in LANGUAGES})


@event_priority(-50)  # after mkdocs-macros (0): a macro's output gets the tooltips too
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files) -> str:
    language = page_language(page)
    # Blank lines first: the definitions must not continue a list, a quote or an open block.
    return f"{markdown}\n\n{_definitions[language]}\n"
