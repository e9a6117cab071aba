"""The Atom feeds: one per language, read by a real feed parser, listing every case study and
partner with its title and summary in that language, linked from every page, and inert whatever
text the data holds."""

from __future__ import annotations

from datetime import date

import feedparser
import pytest

from macros.model.changes import notes_about
from macros.publish.feeds import FeedEntry, atom_feed
from macros.site.i18n import LANGUAGES, language_root, page_url

LICENCE = {"name": "CC BY-NC-SA 4.0", "url": "https://creativecommons.org/licenses/by-nc-sa/4.0/"}


def parsed_feed(site, language: str):
    feed = feedparser.parse((site.root / language_root(language) / "feed.xml").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    return feed


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_a_well_formed_atom_feed(site, language):
    feed = parsed_feed(site, language)
    assert feed.version == "atom10"
    assert feed.feed.language == language
    assert (
        feed.feed.title
        == {"fr": "Mutualiser : nouveautés", "en": "Mutualiser: what's new"}[language]
    )
    self_link = next(link.href for link in feed.feed.links if link.rel == "self")
    assert self_link == site.url + language_root(language) + "feed.xml"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_feed_lists_every_case_study_and_partner_in_its_language(site, data, language):
    entries = {entry.link: entry for entry in parsed_feed(site, language).entries}
    records = [(f"cas/{c.id}.md", c, c.title, "case-studies") for c in data.case_studies.values()]
    records += [(f"partenaires/{p.id}.md", p, p.name, "partners") for p in data.partners.values()]
    assert len(records) > 5
    for path, record, title, folder in records:
        address = page_url(path, language)
        entry = entries[site.url + address]
        assert entry.title == title[language]
        description = site.html(address).select_one("meta[name=description]")["content"]
        # Summed up by its latest change note, if any (tests/test_changes.py), dated by the
        # record's own days, which its notes follow.
        notes = notes_about(data.changes, f"data/{folder}/{record.id}.yml")
        assert entry.summary == " — ".join([n.note[language] for n in notes[:1]] + [description])
        assert entry.updated.startswith(record.dates.last_changed.isoformat())
        assert entry.published.startswith(record.dates.added.isoformat())


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_feed_lists_the_guide_pages_newest_first(site, language):
    entries = parsed_feed(site, language).entries
    links = [entry.link for entry in entries]
    for step in ("faire-ensemble", "champs", "communiquer"):
        assert site.url + language_root(language) + f"guide/{step}/" in links
    days = [entry.updated for entry in entries]
    assert days == sorted(days, reverse=True)


def test_every_page_links_its_languages_feed_in_head_and_footer(site):
    for path in site.pages():
        if path.name == "404.html":
            continue
        soup = site.html(path)
        language = soup.html["lang"]
        feed = site.url + language_root(language) + "feed.xml"
        head = soup.head.select_one("link[type='application/atom+xml']")
        assert "alternate" in head["rel"], path
        assert head["href"] == feed, path
        assert soup.select_one("footer a[type='application/atom+xml']")["href"] == feed, path


HOSTILE = '</title><script>alert("x")</script> & <b>bold</b> ]]> \u202e'


def test_text_from_the_data_reaches_a_feed_reader_as_text_only():
    entry = FeedEntry(
        url="https://example.org/cas/x/",
        title=HOSTILE,
        summary=HOSTILE,
        updated=date(2026, 1, 2),
        published=date(2026, 1, 1),
    )
    xml = atom_feed(
        [entry],
        language="en",
        feed_url="https://example.org/feed.xml",
        home_url="https://example.org/",
        title=HOSTILE,
        author="Mutualiser",
        licence=LICENCE,
    )
    assert b"<script" not in xml
    assert b"<b>" not in xml
    feed = feedparser.parse(xml)
    assert feed.bozo == 0
    assert feed.entries[0].title == HOSTILE
    assert feed.entries[0].summary == HOSTILE
    assert feed.entries[0].title_detail.type == "text/plain"
    assert feed.entries[0].summary_detail.type == "text/plain"


def entry(path: str, updated: date, published: date | None = None) -> FeedEntry:
    return FeedEntry(
        url=f"https://example.org/{path}",
        title=path,
        summary=path,
        updated=updated,
        published=published,
    )


def test_entries_come_newest_change_first_then_by_address():
    entries = [
        entry("cas/old/", date(2026, 1, 5), published=date(2026, 1, 5)),
        entry("cas/updated/", date(2026, 9, 15), published=date(2026, 1, 1)),  # added first
        entry("b/", date(2026, 3, 1)),
        entry("a/", date(2026, 3, 1)),  # same day: by address, from the end of the alphabet
        entry("cas/recent/", date(2026, 6, 1), published=date(2026, 6, 1)),
    ]
    xml = atom_feed(
        entries,
        language="fr",
        feed_url="https://example.org/feed.xml",
        home_url="https://example.org/",
        title="Nouveautés",
        author="Mutualiser",
        licence=LICENCE,
    )
    feed = feedparser.parse(xml)
    assert [item.link for item in feed.entries] == [
        "https://example.org/cas/updated/",
        "https://example.org/cas/recent/",
        "https://example.org/b/",
        "https://example.org/a/",
        "https://example.org/cas/old/",
    ]
    assert feed.feed.updated.startswith("2026-09-15")
    assert feed.entries[0].published.startswith("2026-01-01")
    assert "published" not in feed.entries[2]  # a Markdown page: no day it was added


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_specification_sites_feed_lists_its_records_by_last_change(spec_site, language):
    """Hand-made days (tests/fixtures/spec-site/): ended-network was added first but updated
    last, so it leads; the others follow the day they were added; the two guide pages with change
    notes come last, dated by them."""
    entries = parsed_feed(spec_site, language).entries
    root = language_root(language)
    records = [  # a record's entry says when it was added; a page's only if it has notes
        (spec_site.path_of(entry.link).removeprefix(root), entry.updated[:10], entry.published[:10])
        for entry in entries
        if "published" in entry
    ]
    assert records == [
        ("cas/ended-network/", "2026-09-15", "2026-02-01"),
        ("cas/running-catalogue/", "2026-06-01", "2026-06-01"),
        ("cas/hostile-text/", "2026-05-01", "2026-05-01"),
        ("cas/realised-store/", "2026-04-01", "2026-04-01"),
        ("cas/abandoned-idea/", "2026-03-01", "2026-03-01"),
        ("cas/superseded-plan/", "2026-02-15", "2026-02-15"),  # superseded: history stays
        ("partenaires/hostile-partner/", "2026-01-25", "2026-01-25"),
        ("partenaires/beta-lab/", "2026-01-20", "2026-01-20"),
        ("partenaires/alpha-network/", "2026-01-05", "2026-01-05"),
        ("guide/champs/", "2023-05-05", "2023-05-05"),
        ("guide/projet-pilote/", "2022-01-10", "2022-01-10"),
    ]
    days = [entry.updated for entry in entries]
    assert days == sorted(days, reverse=True)
