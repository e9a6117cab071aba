"""Front matter is plain text, like the data: a page's `title` is escaped once, here, into the
HTML that Material expects a title to be (it prints titles unescaped: in <title>, the
navigation, the search index). The description is escaped where the theme prints it
(overrides/main.html). See notes/security.md."""

from __future__ import annotations

import _project  # noqa: F401  (the macros package)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from macros.site.escaping import page_title


@event_priority(100)  # before anything reads the title
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files) -> str:
    if isinstance(page.meta.get("title"), str):
        page.meta["title"] = page_title(page.meta["title"])
    return markdown
