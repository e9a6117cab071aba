"""The small rules the macros follow, one table each."""

from __future__ import annotations

import html
import json
from datetime import date

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from markupsafe import escape
from mkdocs.structure.files import File

from macros.model.records import Source, Term, Text
from macros.publish.page_citation import PageCitation, references
from macros.render.citations import short_authors
from macros.site.escaping import (
    csv_cell,
    front_matter_value,
    html_attribute,
    json_for_script,
    markdown_text,
    page_title,
)
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


# --- Escaping: one function per place where text lands (macros/site/escaping.py) ----------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+33 1 23", "'+33 1 23"),
        ("-1", "'-1"),
        ("@SUM(1+1)", "'@SUM(1+1)"),
        ("\tTab", "'\tTab"),
        ("\rReturn", "'\rReturn"),
        ("a = b", "a = b"),  # only a value's start is read as a formula
        ("'already", "'already"),
        ("", ""),
    ],
)
def test_a_csv_cell_that_starts_like_a_formula_gets_an_apostrophe(text, expected):
    assert csv_cell(text) == expected


def test_json_in_a_script_element_cannot_close_it_and_reads_back_the_same():
    value = {"title": "</script><script>alert(1)</script> <!-- & é"}
    text = json_for_script(value)
    assert not set("<>&") & set(text)
    assert json.loads(text) == value


def test_html_text_and_attributes_show_the_characters():
    attack = "\"><svg onload=alert('x')> & 'single'"
    escaped = html_attribute(attack)
    assert not set("<>\"'") & set(escaped)
    (element,) = BeautifulSoup(f'<p title="{escaped}">{escaped}</p>', "html.parser").find_all(True)
    assert element["title"] == element.get_text() == attack


MARKDOWN = ["abbr", "attr_list", "def_list", "footnotes", "tables", "md_in_html", "admonition"]


@pytest.mark.parametrize(
    "text",
    [
        '*emphasis*{: onclick="alert(1)" } and __strong__',
        "[link](javascript:alert(1)) <javascript:alert(2)> ![image](https://evil.example/x.png)",
        "# heading | table | 1. list - item > quote",
        "*[HTML]: Hyper Text [^1] &amp; <b>bold</b> `code` ~~strike~~ $math$ 100%",
        "[guide] and [guide][] name the page's reference below",
    ],
)
def test_markdown_text_is_read_by_markdown_as_the_same_characters(text):
    """Also beside a link reference that the page's own Markdown defines."""
    page = "\n\n[guide]: https://evil.example/"
    rendered = markdown.markdown(f"Before {markdown_text(text)} after{page}", extensions=MARKDOWN)
    (paragraph,) = BeautifulSoup(rendered, "html.parser").find_all(True)
    assert paragraph.name == "p"
    assert not paragraph.attrs
    assert paragraph.get_text() == f"Before {text} after"


def test_markdown_text_turns_line_breaks_into_spaces():
    """A blank line would end the paragraph, or the HTML block the text sits in."""
    assert markdown_text("one\n\n<b>two</b>") == markdown_text("one <b>two</b>")
    assert "\n" not in markdown_text("one\n\ntwo")


# --- Citing a page: the reference in each style and language -------------------------------------


def test_a_page_reference_in_each_style_and_language(data):
    """ISO 690 and APA, as each language writes them; the title shows as text, in <cite>."""
    expected = {
        "fr": [
            "Mutualiser. A <b>page</b> & more [en ligne]. Mis à jour le 5 septembre 2026. "
            "Disponible à l'adresse : https://example.org/m/cas/x/?a=1&b=2 "
            "(consulté le [date de consultation]).",
            "Mutualiser. (2026, 5 septembre). A <b>page</b> & more. Consulté le "
            "[date de consultation], à l'adresse https://example.org/m/cas/x/?a=1&b=2",
        ],
        "en": [
            "Mutualiser. A <b>page</b> & more [online]. Updated 5 September 2026. "
            "Available from: https://example.org/m/cas/x/?a=1&b=2 [accessed [date of access]].",
            "Mutualiser. (2026, September 5). A <b>page</b> & more. Retrieved [date of access], "
            "from https://example.org/m/cas/x/?a=1&b=2",
        ],
    }
    for language, texts in expected.items():
        citation = PageCitation(
            title="A <b>page</b> & more",
            description="",
            author="Mutualiser",
            updated=date(2026, 9, 5),
            url="https://example.org/m/cas/x/?a=1&b=2",
            language=language,
            licence={"name": "CC BY-NC-SA 4.0", "url": "https://example.org/licence"},
            feed_url="https://example.org/feed.xml",
        )
        styles = references(citation, data.words)
        assert [style for style, _, _ in styles] == ["iso690", "apa"]
        shown = [BeautifulSoup(html, "html.parser") for _, _, html in styles]
        assert [reference.get_text() for reference in shown] == texts
        for reference in shown:
            assert reference.cite.get_text() == "A <b>page</b> & more"
            assert reference.select_one("time[datetime]")["datetime"] == "2026-09-05"
            # the day of consultation: a <span> until the browser writes today's <time>
            assert reference.find_all(True) == reference.find_all(["cite", "time", "span"])
            assert reference.select_one("span[data-consulted]")
