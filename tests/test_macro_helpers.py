"""The small rules the macros follow, one table each."""

from __future__ import annotations

import html

import pytest
import yaml
from markupsafe import escape
from mkdocs.structure.files import File

from macros.model.records import Source, Term, Text
from macros.render.citations import short_authors
from macros.site.escaping import front_matter_value, page_title
from macros.site.i18n import page_language, page_url, url_language
from macros.site.text import first_sentence, format_quantity, slug


def i18n_file(src_uri: str, locale: str) -> File:
    """A docs file as mkdocs-static-i18n hands it over: with the locale it assigned."""
    file = File(src_uri, "docs", "site", use_directory_urls=True)
    file.locale = locale
    return file


@pytest.mark.parametrize(
    ("page", "language", "site_url", "expected"),
    [
        ("cas/g2id.md", "fr", None, "cas/g2id/"),
        ("cas/g2id.md", "en", None, "en/cas/g2id/"),
        ("index.md", "fr", None, ""),
        ("index.md", "en", None, "en/"),
        (
            "cas/index.md",
            "en",
            "https://o.github.io/mutualiser/",
            "https://o.github.io/mutualiser/en/cas/",
        ),
        ("index.md", "fr", "https://o.github.io/mutualiser", "https://o.github.io/mutualiser/"),
        ("index.md", "en", "https://mutualiser.example/", "https://mutualiser.example/en/"),
        (i18n_file("en/guide/champs.md", "en"), None, None, "en/guide/champs/"),
        (i18n_file("fr/guide/champs.md", "fr"), "en", None, "en/guide/champs/"),
    ],
)
def test_every_page_has_one_address_per_language(page, language, site_url, expected):
    assert page_url(page, language, site_url) == expected


def test_a_page_is_in_the_language_i18n_gave_its_file():
    # A French page served in the English build (a fallback) is still French.
    assert page_language(i18n_file("fr/guide/champs.md", "fr")) == "fr"
    assert page_language(i18n_file("en/guide/champs.md", "en")) == "en"


@pytest.mark.parametrize(
    ("url", "expected"),
    [("", "fr"), ("cas/", "fr"), ("en/", "en"), ("en/cas/g2id/", "en"), ("english/", "fr")],
)
def test_an_address_tells_its_language(url, expected):
    assert url_language(url) == expected


@pytest.mark.parametrize(
    ("value", "unit", "language", "expected"),
    [
        (90, None, "fr", "90"),
        (22500, None, "fr", "22\u202f500"),
        (22500, None, "en", "22,500"),
        (1000000, None, "fr", "1\u202f000\u202f000"),
        (17.52, "%", "fr", "17,52\u00a0%"),
        (17.52, "%", "en", "17.52%"),
        (550000, "€", "fr", "550\u202f000\u00a0€"),
        (550000, "€", "en", "€550,000"),
        (5, "ans", "fr", "5\u00a0ans"),
        (5, "years", "en", "5\u00a0years"),
    ],
)
def test_quantities_are_written_as_each_language_writes_them(value, unit, language, expected):
    assert format_quantity(value, unit, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Créé début 1996, il équipe des communes. En 2005, il en comptait 269.",
            "Créé début 1996, il équipe des communes.",
        ),
        ("Un entretien avec J.-M. Raina. Suite.", "Un entretien avec J.-M. Raina."),
        ("Une seule phrase.", "Une seule phrase."),
        ("A first line\n  wrapped. Then more.", "A first line wrapped."),
    ],
)
def test_a_card_shows_the_first_sentence(text, expected):
    assert first_sentence(text) == expected


def source(*authors: str) -> Source:
    kind = Term("guide", Text({"fr": "Fiche", "en": "Guide"}))
    note = Text({"fr": "n", "en": "n"})
    return Source("x", kind, authors, "Titre", None, None, None, None, 2014, None, None, None, note)


@pytest.mark.parametrize(
    ("authors", "and_word", "expected"),
    [
        ((), "et", None),
        (("Boussou, C.",), "et", "Boussou"),
        (("Médiathèques de la Baie",), "and", "Médiathèques de la Baie"),
        (("Dujardin, Brigitte", "Raina, Jean-Marc"), "et", "Dujardin et Raina"),
        (("Dujardin, Brigitte", "Raina, Jean-Marc"), "and", "Dujardin and Raina"),
        (("A, B.", "C, D.", "E, F."), "and", "A et al."),
    ],
)
def test_a_short_citation_names_the_authors_by_family_name(authors, and_word, expected):
    assert short_authors(source(*authors), and_word) == expected


@pytest.mark.parametrize(
    "text",
    ["Le SIVU de l'Ardèche", 'A "quoted" <b>title</b> & {{ macro }}', "title: with a colon #hash"],
)
def test_front_matter_values_read_back_exactly(text):
    """Front matter holds plain text; it is escaped where it is printed (macros/site/escaping.py)."""
    assert yaml.safe_load(f"title: {front_matter_value(text)}")["title"] == text


@pytest.mark.parametrize(
    "text",
    ['A "quoted" <b>title</b> & {{ macro }}', "</title><script>alert(1)</script>", "Trainers' kit"],
)
def test_page_titles_become_html_that_shows_the_text(text):
    title = page_title(text)
    assert not set('<>"{}') & set(title)
    assert html.unescape(title) == text
    # Material escapes titles in some attributes (the footer's aria-label): once is enough
    assert escape(title) == title


def test_territory_keys_are_ascii_slugs():
    assert slug("Quatorze communes et leur communauté d'agglomération") == (
        "quatorze-communes-et-leur-communaute-d-agglomeration"
    )
