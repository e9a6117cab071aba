"""Heading permalinks titled in the page's language: mkdocs.yml's toc.permalink_title is one
setting for the whole site, so each page's links get the word `permalink` of its language."""

from __future__ import annotations

import re
from pathlib import Path

import _project  # noqa: F401  (the macros package)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from macros.site.escaping import html_attribute
from macros.site.i18n import page_language
from macros.site_cache import site_data

HEADERLINK_TITLE = re.compile(r'(<a class="headerlink" href="#[^"]*" title=)"[^"]*"')
# The word of each language, read once per build: asking site_data() on every page re-checked
# every data file each time, a third of a 1000-case build (bench/profile.txt).
_titles: dict[str, str] = {}


def on_pre_build(config: MkDocsConfig) -> None:
    words = site_data(Path(config.config_file_path).parent).words
    _titles.update(
        {
            language: str(html_attribute(words["permalink"][language]))
            for language in words["permalink"].__dict__
        }
    )


def on_page_content(html: str, page: Page, config: MkDocsConfig, files) -> str:
    return HEADERLINK_TITLE.sub(lambda link: f'{link[1]}"{_titles[page_language(page)]}"', html)
