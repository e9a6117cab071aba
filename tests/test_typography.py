"""French typography: no-break spaces before double punctuation, inside guillemets and in figures."""

from __future__ import annotations

import re

import pytest

from macros.site.typography import NARROW_NBSP, NBSP, apply_to_text

EN_DASH = "\u2013"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>Pourquoi ?</p>", f"<p>Pourquoi{NARROW_NBSP}?</p>"),
        ("<p>un ; deux ! trois</p>", f"<p>un{NARROW_NBSP}; deux{NARROW_NBSP}! trois</p>"),
        ("<p>Note : ceci</p>", f"<p>Note{NBSP}: ceci</p>"),
        ("<p>« mutualiser »</p>", f"<p>«{NBSP}mutualiser{NBSP}»</p>"),
        ("<p>https://example.org and 10:30</p>", "<p>https://example.org and 10:30</p>"),
        ('<a title="Pourquoi ?" href="a">x</a>', '<a title="Pourquoi ?" href="a">x</a>'),
        (
            "<pre><code>a : b ?</code></pre><p>c ?</p>",
            f"<pre><code>a : b ?</code></pre><p>c{NARROW_NBSP}?</p>",
        ),
        ("<p>Déjà{NB}?</p>".replace("{NB}", NARROW_NBSP), f"<p>Déjà{NARROW_NBSP}?</p>"),
        ("<p>550 000 €</p>", f"<p>550{NARROW_NBSP}000{NARROW_NBSP}€</p>"),
        ("<p>1 000 000 prêts</p>", f"<p>1{NARROW_NBSP}000{NARROW_NBSP}000 prêts</p>"),
        ("<p>17,52 % et 5%</p>", f"<p>17,52{NARROW_NBSP}% et 5{NARROW_NBSP}%</p>"),
        ("<p>22{NB}500</p>".replace("{NB}", NBSP), f"<p>22{NARROW_NBSP}500</p>"),
        ("<p>BBF, n° 5 ; nº5</p>", f"<p>BBF, n°{NARROW_NBSP}5{NARROW_NBSP}; nº{NARROW_NBSP}5</p>"),
        ("<p>de 2011-2013</p>", f"<p>de 2011{EN_DASH}2013</p>"),
        ("<p>en 2005 269 communes</p>", "<p>en 2005 269 communes</p>"),
        (
            "<p>loi 2011-525, art. L5210-1-1, 2014-06-23</p>",
            "<p>loi 2011-525, art. L5210-1-1, 2014-06-23</p>",
        ),
        ('<a href="?q=1 000">x</a>', '<a href="?q=1 000">x</a>'),
        ("<cite>Coopération &#58; plans</cite>", f"<cite>Coopération{NBSP}: plans</cite>"),
    ],
    ids=[
        "question",
        "semicolon-exclamation",
        "colon",
        "guillemets",
        "no-space-no-change",
        "attributes-untouched",
        "code-untouched",
        "idempotent",
        "thousands-and-euro",
        "millions",
        "percent",
        "no-break-space-becomes-narrow",
        "numero",
        "year-range-en-dash",
        "year-then-count-untouched",
        "codes-and-dates-untouched",
        "figures-in-attributes-untouched",
        "punctuation-escaped-in-data-text",
    ],
)
def test_french_spacing(html, expected):
    assert apply_to_text(html) == expected


@pytest.mark.parametrize("spaced", [f"{NARROW_NBSP}?", f"{NARROW_NBSP};", f"{NBSP}:", f"«{NBSP}"])
def test_the_french_pages_get_each_no_break_space(site, spaced):
    assert any(
        spaced in site.html(page).select_one("article").get_text() for page in site.pages("fr")
    )


VERBATIM = ["code", "pre", "script"]


@pytest.mark.parametrize("mark", ["?", ":", ";", "!", "»"])
def test_no_french_page_lets_punctuation_start_a_line(site, mark):
    for page in site.pages("fr"):
        article = site.html(page).select_one("article")
        prose = "".join(
            text for text in article.find_all(string=True) if not text.find_parent(VERBATIM)
        )
        assert f" {mark}" not in prose, page


def test_english_pages_keep_english_spacing(site):
    for page in site.pages("en"):
        text = site.html(page).select_one("article").get_text()
        assert f"{NARROW_NBSP}?" not in text, page
        assert f"{NBSP}:" not in text, page


def test_figures_in_french_prose_do_not_break_across_lines(site):
    """The figures the guide writes by hand get the same spaces as those rendered from the data."""
    french = site.html("facteurs-de-reussite/").select_one("article").get_text()
    assert f"550{NARROW_NBSP}000{NARROW_NBSP}€" in french
    assert f"17,52{NARROW_NBSP}%" in french
    for page in (
        "facteurs-de-reussite/",
        "formes-administratives/",
        "guide/communiquer/",
        "sources/",
    ):
        text = site.html(page).select_one("article").get_text()
        assert not re.search(r"\d[ \u00a0]\d{3}\b|\d[ \u00a0]?[%€]|n°[ \u00a0]?\d", text), page
    assert f"n°{NARROW_NBSP}5" in site.html("sources/").select_one("article").get_text()
    english = site.html("en/facteurs-de-reussite/").select_one("article").get_text()
    assert "€550,000" in english
