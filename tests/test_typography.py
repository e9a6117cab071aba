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


def test_french_pages_get_no_break_spaces_and_english_pages_do_not(site):
    french = site.html("guide/champs/").select_one("article").get_text()
    english = site.html("en/guide/champs/").select_one("article").get_text()
    assert f"{NARROW_NBSP}?" in french or f"{NBSP}:" in french
    assert " ?" not in french
    assert " :" not in french
    assert NARROW_NBSP not in english
