"""Printing any page from the browser gives a clean document: the page itself, without the
site's chrome, ending with its address, date and licence (the attribution the CC BY-NC-SA
licence requires travels with the paper); a printed listing says which filters are on (issue 28:
the form itself is not printed). Chromium prints to PDF, or emulates print media."""

from __future__ import annotations

import io
from datetime import date

import pytest
from conftest import ROOT
from playwright.sync_api import expect
from pypdf import PdfReader

from macros.registry import load_site_data
from macros.site.i18n import page_url

DATA = load_site_data(ROOT / "data")
PRINTED = [
    ("guide/champs.md", "fr"),
    ("guide/champs.md", "en"),
    ("cas/g2id.md", "fr"),
    ("cas/g2id.md", "en"),
    ("glossaire.md", "en"),
    ("auto-evaluation.md", "fr"),  # its own print rules keep only the form: and the colophon
    ("auto-evaluation.md", "en"),
]


def printed_text(visit, site, path: str, language: str) -> str:
    page, record = visit(page_url(path, language))
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))  # Chromium's print to PDF
    assert record.errors == []
    return "\n".join(sheet.extract_text() for sheet in pdf.pages)


@pytest.mark.parametrize(("path", "language"), PRINTED)
def test_a_printed_page_ends_with_its_address_date_and_licence(site, visit, path, language):
    text = printed_text(visit, site, path, language)
    compact = "".join(text.split())  # long addresses wrap across lines
    words = DATA.words
    assert words["print.address"][language] in text
    assert "".join((site.url + page_url(path, language)).split()) in compact
    assert words["print.date"][language] in text
    assert date.today().isoformat() in text
    assert "CC BY-NC-SA 4.0" in text
    ending = text[text.rindex(words["print.address"][language]) :]
    assert "CC BY-NC-SA 4.0" in ending  # the colophon closes the document


@pytest.mark.parametrize(("path", "language"), PRINTED)
def test_a_printed_page_leaves_out_the_site_chrome(site, visit, path, language):
    text = printed_text(visit, site, path, language)
    page = site.html(page_url(path, language))
    search = page.select_one(".md-search__input")["placeholder"]
    assert search not in text
    footer = page.select_one(".md-copyright").get_text(" ", strip=True)
    assert footer not in text
    assert DATA.words["kit.sheet_link"][language] not in text


def test_glossary_terms_are_spelled_out_on_paper(site, visit):
    page = site.html(page_url("guide/champs.md", "fr"))
    abbr = page.select_one("article abbr[title]")
    assert abbr, "the step page has a glossary term"
    text = " ".join(printed_text(visit, site, "guide/champs.md", "fr").split())
    assert f"{abbr.get_text()} ({' '.join(abbr['title'].split())})" in text


def test_every_page_carries_a_colophon(site):
    """Every page but the 404 (no address of its own) has the colophon, once, in its language."""
    for path in site.pages():
        if path.name == "404.html":
            continue
        page = site.html(path)
        colophons = page.select(".print-colophon")
        assert len(colophons) == 1, path
        assert colophons[0]["lang"] == page.html["lang"], path
        assert "CC BY-NC-SA 4.0" in colophons[0].get_text(), path


# Pages with print rules of their own: the home page, a listing, the directory, the kit, the
# self-assessment (which prints its form alone).
ON_PAPER = [
    ("index.md", "fr"),
    ("cas/index.md", "en"),
    ("partenaires/index.md", "fr"),
    ("kit-formateurs.md", "en"),
    ("auto-evaluation.md", "fr"),
    ("auto-evaluation.md", "en"),
]


@pytest.mark.parametrize(("path", "language"), ON_PAPER)
def test_the_colophon_shows_on_paper_and_not_on_screen(site, visit, path, language):
    page, record = visit(page_url(path, language))
    colophon = page.locator(".print-colophon")
    expect(colophon).to_be_hidden()
    page.emulate_media(media="print")
    expect(colophon).to_be_visible()
    expect(colophon).to_contain_text(site.url + page_url(path, language))
    expect(colophon).to_contain_text(date.today().isoformat())
    expect(colophon).to_contain_text("CC BY-NC-SA 4.0")
    page.emulate_media(media="screen")
    expect(colophon).to_be_hidden()
    assert record.errors == []


FILTERED = {
    "fr": "Filtres appliqués : Statut : Réalisé · Territoire : Occitanie",
    "en": "Filters applied: Status: Realised · Territory: Occitanie",
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_printed_listing_says_which_filters_are_on(site, visit, language):
    page, record = visit(page_url("cas/index.md", language) + "?territory=fr-occ&status=realised")
    printed = page.locator("[data-filters-printed]")
    expect(printed).to_have_text(FILTERED[language])
    expect(printed).to_be_hidden()  # on screen the form says it
    page.emulate_media(media="print")
    expect(printed).to_be_visible()
    expect(page.locator("form[data-filters]")).to_be_hidden()
    text = " ".join(PdfReader(io.BytesIO(page.pdf(format="A4"))).pages[0].extract_text().split())
    assert FILTERED[language] in text

    page.emulate_media(media="screen")
    page.get_by_role("button", name=DATA.words["reset"][language]).click()
    expect(printed).to_have_text("")
    page.emulate_media(media="print")
    expect(printed).to_be_hidden()  # no filter on: nothing to say
    assert record.errors == []
