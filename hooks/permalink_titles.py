"""Heading permalinks titled in the page's language: mkdocs.yml's toc.permalink_title is one
setting for the whole site, so each page's links get the word `permalink` of its language."""

from __future__ import annotations

import re
from pathlib import Path

import _project  # noqa: F401  (the macros package)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from macros.i18n import page_language
from macros.site_cache import site_data

HEADERLINK_TITLE = re.compile(r'(<a class="headerlink" href="#[^"]*" title=)"[^"]*"')


def on_page_content(html: str, page: Page, config: MkDocsConfig, files) -> str:
    words = site_data(Path(config.config_file_path).parent).words
    title = words["permalink"][page_language(page)]
    return HEADERLINK_TITLE.sub(rf'\1"{title}"', html)
