"""The Atom feed of each language: every page of that language, newest change first, with its
title and summary in that language, so a reader's feed reader shows what is new or updated.

Written with feedgen, which builds the XML with lxml: every text is escaped as XML text, and
titles and summaries are declared as plain text (type="text"), never as HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from feedgen.feed import FeedGenerator


@dataclass(frozen=True)
class FeedEntry:
    url: str  # absolute: the entry's id and link
    title: str
    summary: str
    updated: date
    published: date | None  # the day a record was added; unknown for a Markdown page


def _moment(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def atom_feed(
    entries: list[FeedEntry],
    *,
    language: str,
    feed_url: str,
    home_url: str,
    title: str,
    author: str,
    licence: dict,
) -> bytes:
    """The feed as UTF-8 XML, entries newest first (then by address, so the output is stable)."""
    feed = FeedGenerator()
    feed.id(feed_url)
    feed.title(title)
    feed.author({"name": author})
    feed.link(href=home_url, rel="alternate", type="text/html", hreflang=language)
    feed.link(href=feed_url, rel="self", type="application/atom+xml")
    feed.language(language)
    feed.rights(f"{licence['name']} {licence['url']}")
    ordered = sorted(entries, key=lambda entry: (entry.updated, entry.url), reverse=True)
    feed.updated(_moment(max((entry.updated for entry in entries), default=date(2000, 1, 1))))
    for entry in ordered:
        item = feed.add_entry(order="append")
        item.id(entry.url)
        item.title(entry.title)
        item.link(href=entry.url, rel="alternate", type="text/html", hreflang=language)
        item.summary(entry.summary, type="text")
        item.updated(_moment(entry.updated))
        if entry.published:
            item.published(_moment(entry.published))
    return feed.atom_str(pretty=True, encoding="UTF-8")
