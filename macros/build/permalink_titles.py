"""Heading permalinks titled in the page's language: mkdocs.yml's toc.permalink_title is one
setting for the whole site, so each page's links get the word `permalink` of its language. Search
leaves them out: their "¶" would end every heading's title in the results."""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from macros.build.state import Build
from macros.site.escaping import html_attribute
from macros.site.i18n import page_language

HEADERLINK_TITLE = re.compile(r'<a class="headerlink" (href="#[^"]*" title=)"[^"]*"')


def prepare(build: Build, config: MkDocsConfig) -> None:
    """The word of each language, read once per build: asking site_data() on every page
    re-checked every data file each time, a third of a 1000-case build (bench/profile.txt)."""
    words = build.site_data(config).words
    build.permalink_titles.update(
        {language: str(html_attribute(text)) for language, text in words["permalink"].items()}
    )


def set_titles(build: Build, html: str, page: Page, config: MkDocsConfig) -> str:
    titles = build.permalink_titles
    return HEADERLINK_TITLE.sub(
        lambda link: (
            f'<a class="headerlink" data-pagefind-ignore {link[1]}"{titles[page_language(page)]}"'
        ),
        html,
    )
