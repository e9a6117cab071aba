"""Front matter is plain text, like the data: a page's `title` is escaped once, here, into the
HTML that Material expects a title to be (it prints titles unescaped: in <title>, the
navigation, the search index). The description is escaped where the theme prints it
(overrides/main.html). See notes/security.md."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from macros.build.state import Build
from macros.site.escaping import page_title


def escape(build: Build, markdown: str, page: Page, config: MkDocsConfig) -> str:
    if isinstance(page.meta.get("title"), str):
        page.meta["title"] = page_title(page.meta["title"])
    return markdown
