"""An Atom feed per language at its root (feed.xml, en/feed.xml): every page of the language,
dated as its "last updated" line (hooks/page_citations.py), records with the day they were added.

Pages are gathered as each language's build renders them, and both feeds are written once,
after the last build. A preview built with PAGE_DATES=off leaves out the pages it cannot date.
"""

from __future__ import annotations

from pathlib import Path

import _project  # noqa: F401  (the macros package)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from macros.kinds import KINDS
from macros.publish.feeds import FeedEntry, atom_feed
from macros.publish.page_citation import FEED, page_citation
from macros.site.i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    build_language,
    is_last_build,
    language_root,
    page_language,
    page_url,
)
from macros.site_cache import site_data

_entries: dict[str, dict[str, FeedEntry]] = {}  # language -> page path -> entry


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if build_language(config) == DEFAULT_LANGUAGE:  # the first build: the others nest in it
        _entries.clear()
    return config


def on_page_context(context, page, config: MkDocsConfig, nav):
    language = page_language(page)
    if language != build_language(config):
        return context  # a fallback page in the other language's build
    citation = page_citation(page, config)
    if citation.updated is None:
        return context
    record = _records(config).get(page.file.src_uri)
    _entries.setdefault(language, {})[page.file.src_uri] = FeedEntry(
        url=citation.url,
        title=citation.title,
        summary=citation.description,
        updated=citation.updated,
        published=record.dates.added if record is not None else None,
    )
    return context


def _records(config: MkDocsConfig) -> dict:
    """The dated record behind each generated page, by its path ("en/cas/g2id.md")."""
    data = site_data(Path(config.config_file_path).parent)
    return {
        f"{language}/{kind.page_path(record_id)}": record
        for kind in KINDS
        for record_id, record in data.records[kind.name].items()
        if getattr(record, "dates", None) is not None
        for language in LANGUAGES
    }


@event_priority(-200)  # after mkdocs-static-i18n (-100) has run the other languages' builds
def on_post_build(config: MkDocsConfig) -> None:
    if not is_last_build(config):
        return
    words = site_data(Path(config.config_file_path).parent).words
    site_url = config.site_url or "/"
    for language in LANGUAGES:
        feed_url = page_url(FEED, language, site_url)
        xml = atom_feed(
            list(_entries.get(language, {}).values()),
            language=language,
            feed_url=feed_url,
            home_url=site_url.rstrip("/") + "/" + language_root(language),
            title=words["feed.title"][language].format(site=config.site_name),
            author=config.site_name,
            licence=config.extra["licence"],
        )
        target = Path(config.site_dir) / language_root(language) / FEED
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(xml)
