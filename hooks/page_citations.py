"""Each page's date of last change, its "cite this page" block and its citation metadata.

The dates are read once per language build, before anything is written: without the history
the build stops with a message that says how to get it (macros/page_dates.py). The theme
(overrides/main.html) prints `page_metadata(page)` in <head> and `page_info(page)` after the
content; both are rendered by macros/page_citation.py.
"""

from __future__ import annotations

from pathlib import Path

import _project  # noqa: F401  (the macros package)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from macros.i18n import page_language, page_url
from macros.page_citation import PageCitation, metadata_html, page_info_html
from macros.page_dates import MissingHistory, dates_wanted, page_dates
from macros.site_cache import site_data

FEED = "feed.xml"  # each language's Atom feed, at its root (hooks/feeds.py)
_dates: dict = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _dates.clear()
    if dates_wanted():
        data = site_data(Path(config.config_file_path).parent)
        try:
            _dates.update(page_dates(Path(config.docs_dir), data))
        except MissingHistory as error:
            raise PluginError(f"the pages' dates: {error}") from error
    return config


def citation_of(page, config: MkDocsConfig) -> PageCitation:
    language = page_language(page)
    src_uri = page.file.src_uri
    if dates_wanted() and src_uri not in _dates:
        raise PluginError(f"docs/{src_uri}: no date of last change (is it ignored by git?)")
    return PageCitation(
        title=page.title or config.site_name,
        description=(page.meta or {}).get("description") or config.site_description or "",
        author=config.site_name,
        updated=_dates.get(src_uri),
        url=page_url(page, site_url=config.site_url or "/"),
        language=language,
        licence=config.extra["licence"],
        feed_url=page_url(FEED, language, config.site_url or "/"),
    )


def on_env(env, config: MkDocsConfig, files):
    words = site_data(Path(config.config_file_path).parent).words
    site_name = config.site_name
    env.globals.update(
        page_metadata=lambda page: metadata_html(citation_of(page, config), site_name, words),
        page_info=lambda page: page_info_html(citation_of(page, config), words),
        feed_url=lambda language: page_url(FEED, language, config.site_url or "/"),
    )
    return env
