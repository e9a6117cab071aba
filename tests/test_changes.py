"""Change notes you can read: each page shows all its updates, newest first, each major or minor
with what changed and why; the What's new page lists the major ones of the whole site; the feeds
date and sum up their entries with them; the sitemap dates each page by its real last change; and
`make validate` warns when a text changed without a note.

The notes are the specification dataset's (tests/fixtures/spec-site/data/changes.yml), chosen for
these tests: `ended-network` first published on 2026-02-01 (major), a typo fixed on 2026-06-15
(minor), its end told on 2026-09-15 (major); `realised-store` published on 2026-04-01; the guide
step guide/champs changed on 2023-05-05 (major).
"""

from __future__ import annotations

import re
from time import strftime

import feedparser
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

from macros.contribute.changes import change_problems
from macros.contribute.translations import fingerprint
from macros.registry import load_site_data
from tools.project import copy_project, run_in_copy


def text(element) -> str:
    return " ".join(element.get_text(" ").split()).replace("\u202f", " ").replace("\xa0", " ")


def test_a_page_shows_all_its_updates_newest_first_in_its_language(spec_site):
    history = spec_site.html("en/cas/ended-network/").select_one(".page-info__history")
    assert text(history.summary) == "All updates (3)"
    assert [text(item) for item in history.select("li")] == [
        "15 September 2026 · major change · The network's end, and why it stopped.",
        "15 June 2026 · minor change · A typo fixed.",
        "1 February 2026 · major change · First publication.",
    ]
    assert [time["datetime"] for time in history.select("time")] == [
        "2026-09-15",
        "2026-06-15",
        "2026-02-01",
    ]
    french = spec_site.html("cas/ended-network/").select_one(".page-info__history")
    assert (
        text(french.select("li")[1])
        == "15 juin 2026 · modification mineure · Une coquille corrigée."
    )


def test_a_page_without_notes_shows_no_history(spec_site):
    assert spec_site.html("en/cas/running-catalogue/").select_one(".page-info__history") is None


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (
            "nouveautes/",
            [
                (
                    "2026-09-15",
                    "../cas/ended-network/",
                    "La fin du réseau, et pourquoi il a cessé.",
                ),
                ("2026-04-01", "../cas/realised-store/", "Première publication."),
                ("2026-02-01", "../cas/ended-network/", "Première publication."),
                (
                    "2023-05-05",
                    "../guide/champs/",
                    "Les quatre familles de mutualisation, avec leurs exemples.",
                ),
                ("2022-01-10", "../guide/projet-pilote/", "Le pilote en six questions."),
            ],
        ),
        (
            "en/nouveautes/",
            [
                ("2026-09-15", "../cas/ended-network/", "The network's end, and why it stopped."),
                ("2026-04-01", "../cas/realised-store/", "First publication."),
                ("2026-02-01", "../cas/ended-network/", "First publication."),
                (
                    "2023-05-05",
                    "../guide/champs/",
                    "The four kinds of pooling, with their examples.",
                ),
                ("2022-01-10", "../guide/projet-pilote/", "The pilot in six questions."),
            ],
        ),
    ],
)
def test_whats_new_lists_the_major_changes_newest_first_linked_to_their_page(
    spec_site, page, expected
):
    items = spec_site.html(page).select(".whats-new li")
    listed = [
        (item.time["datetime"], item.a["href"], text(item).rsplit(" · ", 1)[1]) for item in items
    ]
    assert listed == expected  # the minor change of 2026-06-15 is not there
    language_root = page.removesuffix("nouveautes/")  # "" or "en/"
    assert text(items[0].a) == text(spec_site.html(f"{language_root}cas/ended-network/").h1)


@pytest.mark.parametrize("home", ["index.html", "en/index.html"])
def test_the_home_page_links_whats_new(spec_site, home):
    links = [link["href"] for link in spec_site.html(home).select("article a")]
    assert "nouveautes/" in links


@pytest.mark.parametrize("language", ["fr", "en"])
def test_feed_entries_are_dated_and_summed_up_by_their_notes(spec_site, language):
    root = "" if language == "fr" else "en/"
    feed = feedparser.parse((spec_site.root / root / "feed.xml").read_bytes())
    entries = {spec_site.path_of(entry.link): entry for entry in feed.entries}
    ended = entries[f"{root}cas/ended-network/"]
    assert strftime("%Y-%m-%d", ended.updated_parsed) == "2026-09-15"
    assert strftime("%Y-%m-%d", ended.published_parsed) == "2026-02-01"
    end_note = {
        "fr": "La fin du réseau, et pourquoi il a cessé.",
        "en": "The network's end, and why it stopped.",
    }
    assert ended.summary.startswith(end_note[language] + " — ")
    champs = entries[f"{root}guide/champs/"]
    assert strftime("%Y-%m-%d", champs.updated_parsed) == "2023-05-05"
    noted = [entries[f"{root}cas/{case}/"] for case in ("ended-network", "realised-store")]
    assert (
        len({entry.updated for entry in [*noted, champs]}) == 3
    )  # distinct changes, distinct days


def test_the_sitemap_dates_each_page_by_its_last_change(spec_site):
    # One sitemap for both languages, at the site's root.
    sitemap = BeautifulSoup((spec_site.root / "sitemap.xml").read_text("utf-8"), "xml")
    urls = sitemap.find_all("url")
    assert len(urls) > 80
    days = set()
    for url in urls:
        page = spec_site.path_of(url.loc.text)
        shown = spec_site.html(page).select_one(".page-info__updated time")["datetime"]
        assert url.lastmod.text == shown, page
        days.add(shown)
    assert len(days) > 1  # not every page the build's day


def test_the_real_pages_and_records_all_have_their_notes(data):
    assert change_problems(ROOT, data) == []


def test_make_validate_warns_when_a_page_changed_without_a_note(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "fr" / "sources.md"
    page.write_text(page.read_text("utf-8") + "\nUne phrase ajoutée.\n", "utf-8")
    new = fingerprint([page.read_text("utf-8")])
    warnings = change_problems(project, load_site_data(project / "data"))
    assert [(problem.file, problem.severity) for problem in warnings] == [
        ("docs/fr/sources.md", "warning")
    ]
    result = run_in_copy(
        project, "-m", "macros.contribute.check_data", "data", LC_ALL="fr_FR.UTF-8"
    )
    assert result.returncode == 0  # a warning: the site is published anyway
    lines = [line for line in result.stderr.splitlines() if "changes.yml" in line]
    assert len(lines) == 1
    assert re.fullmatch(
        r"docs/fr/sources\.md:1:1: le texte a changé depuis sa dernière note de modification, du "
        r"\d{4}-\d\d-\d\d \(ajoutez en fin de data/changes\.yml une note sur ce fichier : ce qui a "
        r"changé et pourquoi, major: true si les conseils ou les faits changent, et fingerprint: "
        rf'"{new}"\)',
        lines[0],
    )
