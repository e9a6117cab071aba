"""Printing any page from the browser gives a clean document: the page itself, without the
site's chrome, ending with its address, date and licence (the attribution the CC BY-NC-SA
licence requires travels with the paper)."""

from __future__ import annotations

import io
from datetime import date

import pytest
from conftest import ROOT
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
