"""An Atom feed per language at its root (feed.xml, en/feed.xml): every page of the language,
dated and summed up by its latest change note (data/changes.yml), published on its first; a page
without a note, as its "last updated" line (macros/build/page_citations.py), records with the day
they were added. An archived or superseded page's summary starts with what became of it.

Pages are gathered as each language's build renders them, and both feeds are written once,
after the last build. A preview built with PAGE_DATES=off leaves out the pages it cannot date.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from macros.build.page_citations import review_key
from macros.build.state import Build
from macros.model.changes import notes_about
from macros.model.life_cycle import ARCHIVED, SUPERSEDED
from macros.publish.feeds import FeedEntry, atom_feed
from macros.publish.page_citation import FEED, page_citation
from macros.registry import KINDS
from macros.site.i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    build_language,
    language_root,
    page_language,
    page_url,
)


def start(build: Build, config: MkDocsConfig) -> None:
    if build_language(config) == DEFAULT_LANGUAGE:  # the first build: the others nest in it
        build.feed_entries.clear()


def gather(build: Build, page: Page, config: MkDocsConfig) -> None:
    language = page_language(page)
    if language != build_language(config):
        return  # a fallback page in the other language's build
    citation = page_citation(page, config)
    if citation.updated is None:
        return
    record = _records(build, config).get(page.file.src_uri)
    # Dated and summed up by its change notes (data/changes.yml) where it has some: the latest
    # says what changed; the first is its publication.
    data, key = build.site_data(config), review_key(build, page)
    notes = notes_about(data.changes, key)
    # An archived or superseded page says so first, as its notice does.
    life_cycle = data.life_cycle_of(key)
    retired = {
        None: [],
        ARCHIVED: [data.words["life_cycle.archived.title"][language]],
        SUPERSEDED: [data.words["life_cycle.superseded.title"][language]],
    }[life_cycle.state if life_cycle else None]
    build.feed_entries.setdefault(language, {})[page.file.src_uri] = FeedEntry(
        url=citation.url,
        title=citation.title,
        summary=" — ".join(
            [*retired, *([notes[0].note[language]] if notes else []), citation.description]
        ),
        updated=notes[0].day if notes else citation.updated,
        published=notes[-1].day if notes else record.dates.added if record is not None else None,
    )


def _records(build: Build, config: MkDocsConfig) -> dict[str, Any]:
    """The dated record behind each generated page, by its path ("en/cas/g2id.md")."""
    data = build.site_data(config)
    return {
        kind.source_path(record_id, language): record
        for kind in KINDS
        for record_id, record in data.records[kind.name].items()
        if getattr(record, "dates", None) is not None
        for language in LANGUAGES
    }


def write(build: Build, config: MkDocsConfig) -> None:
    words = build.site_data(config).words
    site_url = config.site_url or "/"
    for language in LANGUAGES:
        feed_url = page_url(FEED, language, site_url)
        xml = atom_feed(
            list(build.feed_entries.get(language, {}).values()),
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
