"""French typography: no-break spaces before double punctuation and inside guillemets."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
from french_typography import NARROW_NBSP, NBSP, apply_to_text


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
