"""What the theme overrides need to speak both languages: the address and language functions of
macros/site/i18n.py and the interface words, as template globals; and one 404 page for the site.

GitHub Pages serves one /404.html for the whole site: only the default language's build writes
it, and overrides/404.html speaks both languages and shows the reader's.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig

from macros.build.state import Build
from macros.site.i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    build_language,
    language_root,
    page_url,
    url_language,
)
from macros.site.typography import french_spacing


def add_to_theme(build: Build, env: Environment, config: MkDocsConfig) -> None:
    data = build.site_data(config)
    env.globals.update(
        languages=LANGUAGES,
        default_language=DEFAULT_LANGUAGE,
        language_root=language_root,
        # The words around the content (header, search, footer, print colophon) speak the
        # language of the build: a French page served in the English build keeps English ones.
        interface_language=build_language(config),
        page_url=page_url,
        url_language=url_language,
        words=data.words,  # words[key][language]
    )
    # French typography for words the theme prints outside the page's content, which the
    # content's own step (french_typography.py) does not reach: `{{ word | typography(lang) }}`.
    env.filters["typography"] = lambda text, language: (
        french_spacing(text) if language == "fr" else text
    )
    if build_language(config) == DEFAULT_LANGUAGE:
        config.theme.static_templates.add("404.html")
    else:
        config.theme.static_templates.discard("404.html")
