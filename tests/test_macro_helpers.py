"""The small rules the macros follow, one table each."""

from __future__ import annotations

import html
import re

import pytest
import yaml

from macros.citations import short_authors
from macros.data import Source, Term, Text
from macros.generated import front_matter_value
from macros.i18n import UI_TEXT, format_quantity, page_language
from macros.text import first_sentence, slug


@pytest.mark.parametrize(
    ("src_uri", "build_language", "expected"),
    [
        ("en/guide/champs.md", "fr", "en"),
        ("fr/guide/champs.md", "en", "fr"),  # a French page served in the English build
        ("en/cas/g2id.md", "en", "en"),
        ("fr/index.md", "fr", "fr"),
        ("index.md", "en", "en"),  # outside the language folders: the build's language
        ("english/notes.md", "fr", "fr"),
        ("en\\sources.md", "fr", "en"),  # a Windows path
    ],
)
def test_the_page_language_comes_from_its_folder(src_uri, build_language, expected):
    assert page_language(src_uri, build_language) == expected


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
    kind = Term("guide", Text("Fiche", "Guide"))
    return Source(
        "x", kind, authors, "Titre", None, None, None, None, 2014, None, None, None, Text("n", "n")
    )


@pytest.mark.parametrize(
    ("authors", "language", "expected"),
    [
        ((), "fr", None),
        (("Boussou, C.",), "fr", "Boussou"),
        (("Médiathèques de la Baie",), "en", "Médiathèques de la Baie"),
        (("Dujardin, Brigitte", "Raina, Jean-Marc"), "fr", "Dujardin et Raina"),
        (("Dujardin, Brigitte", "Raina, Jean-Marc"), "en", "Dujardin and Raina"),
        (("A, B.", "C, D.", "E, F."), "en", "A et al."),
    ],
)
def test_a_short_citation_names_the_authors_by_family_name(authors, language, expected):
    assert short_authors(source(*authors), language) == expected


@pytest.mark.parametrize(
    "text",
    ["Le SIVU de l'Ardèche", 'A "quoted" <b>title</b> & {{ macro }}', "title: with a colon #hash"],
)
def test_front_matter_values_read_back_escaped(text):
    value = yaml.safe_load(f"title: {front_matter_value(text)}")["title"]
    assert "<" not in value
    assert "{" not in value
    assert html.unescape(value) == text


def test_territory_keys_are_ascii_slugs():
    assert slug("Quatorze communes et leur communauté d'agglomération") == (
        "quatorze-communes-et-leur-communaute-d-agglomeration"
    )


def test_every_interface_text_is_written_in_both_languages():
    for key, text in UI_TEXT.items():
        assert text.fr.strip(), key
        assert text.en.strip(), key
        assert sorted(re.findall(r"{\w+}", text.fr)) == sorted(re.findall(r"{\w+}", text.en)), key
