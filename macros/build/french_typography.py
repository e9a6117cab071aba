"""French typography on French pages (the rules: macros/site/typography.py)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from macros.build.state import Build
from macros.site.i18n import page_language
from macros.site.typography import apply_to_text


def space_french(build: Build, html: str, page: Page, config: MkDocsConfig) -> str:
    if page_language(page) != "fr":
        return html
    return apply_to_text(html)
