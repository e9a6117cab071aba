"""Citing a page: what a reference manager reads in its <head>, what a reader copies from its
"cite this page" block, and the date of last change both show.

Expectations come from the sources of truth, not from the output: a Markdown page's title from
its front matter and its date from `git log`; a case study's from its record.
"""

from __future__ import annotations

import subprocess
from datetime import date

import extruct
import pytest
import yaml
from conftest import ROOT

from macros.site.i18n import page_url, url_language

LICENCE_URL = "https://creativecommons.org/licenses/by-nc-sa/4.0/"
MONTHS = {
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "en": "January February March April May June July August September October November December",
}

# A guide page, a case page and the home page, in both languages: (address, source).
PAGES = [
    ("", "docs/fr/index.md"),
    ("en/", "docs/en/index.md"),
    ("guide/champs/", "docs/fr/guide/champs.md"),
    ("en/guide/champs/", "docs/en/guide/champs.md"),
    ("cas/g2id/", "data/case-studies/g2id.yml"),
    ("en/cas/g2id/", "data/case-studies/g2id.yml"),
]


def last_commit_day(path: str) -> date:
    day = subprocess.run(
        ["git", "log", "-1", "--format=%cs", "--", path],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return date.fromisoformat(day)


def expected(address: str, source: str) -> dict:
    """What a reference manager should find for a page, read from the page's source."""
    language = url_language(address)
    text = (ROOT / source).read_text("utf-8")
    if source.startswith("data/"):
        record = yaml.safe_load(text)
        title = record["title"][language]
        day = date.fromisoformat(str(record.get("updated") or record["added"]))
    else:
        title = yaml.safe_load(text.split("---")[1])["title"]
        day = last_commit_day(source)
    return {"title": title, "day": day, "language": language}


def written_day(day: date, language: str) -> str:
    month = MONTHS[language].split()[day.month - 1]
    number = "1er" if day.day == 1 and language == "fr" else str(day.day)
    return f"{number} {month} {day.year}"


def metadata(site, address: str) -> dict:
    html = str(site.html(address))
    found = extruct.extract(html, base_url=site.url + address, syntaxes=["dublincore", "opengraph"])
    dublin_core = {
        element["name"]: element["content"] for element in found["dublincore"][0]["elements"]
    }
    open_graph = dict(found["opengraph"][0]["properties"])
    return {"dc": dublin_core, "og": open_graph}


@pytest.mark.parametrize(("address", "source"), PAGES)
def test_a_metadata_extractor_finds_title_author_date_language_and_licence(site, address, source):
    want = expected(address, source)
    found = metadata(site, address)
    assert found["dc"]["DC.title"] == want["title"]
    assert found["dc"]["DC.creator"] == "Mutualiser"
    assert found["dc"]["DC.date"] == want["day"].isoformat()
    assert found["dc"]["DC.language"] == want["language"]
    assert LICENCE_URL in found["dc"]["DC.rights"]
    assert found["og"]["og:title"] == want["title"]
    assert found["og"]["og:url"] == site.url + address
    assert found["og"]["og:locale"].startswith(want["language"])


def zotero_embedded_metadata(soup) -> dict:
    """What Zotero's "Embedded Metadata" translator takes from a page: Highwire `citation_*`
    tags first, then Dublin Core (`DC.*`, declared by <link rel="schema.DC">), then Open
    Graph; the language falls back to <html lang>. Names are compared without case."""
    tags: dict[str, list[str]] = {}
    schemas = {link["rel"][0].lower() for link in soup.select("link[rel^='schema.']")}
    for meta in soup.select("meta[name], meta[property]"):
        name = (meta.get("name") or meta.get("property")).lower()
        if name.startswith("dc.") and "schema.dc" not in schemas:
            continue  # an undeclared prefix is not read as Dublin Core
        tags.setdefault(name, []).append(meta.get("content", ""))

    def first(*names: str) -> list[str]:
        return next((tags[name] for name in names if tags.get(name)), [])

    return {
        "title": first("citation_title", "dc.title", "og:title")[:1],
        "authors": first("citation_author", "citation_authors", "dc.creator"),
        "date": first("citation_date", "citation_publication_date", "dc.date")[:1],
        "language": first("citation_language", "dc.language")[:1] or [soup.html.get("lang")],
        "url": first("citation_public_url", "citation_abstract_html_url", "og:url")[:1],
    }


@pytest.mark.parametrize(("address", "source"), PAGES)
def test_zoteros_rules_find_title_author_date_and_language(site, address, source):
    want = expected(address, source)
    soup = site.html(address)
    found = zotero_embedded_metadata(soup)
    assert found == {
        "title": [want["title"]],
        "authors": ["Mutualiser"],
        "date": [want["day"].strftime("%Y/%m/%d")],
        "language": [want["language"]],
        "url": [site.url + address],
    }
    # Zotero reads the Highwire tags first: each is there itself, not found by a fallback.
    highwire = {meta["name"]: meta["content"] for meta in soup.select("meta[name^='citation_']")}
    assert highwire == {
        "citation_title": want["title"],
        "citation_author": "Mutualiser",
        "citation_publication_date": want["day"].strftime("%Y/%m/%d"),
        "citation_date": want["day"].strftime("%Y/%m/%d"),
        "citation_language": want["language"],
        "citation_public_url": site.url + address,
    }


@pytest.mark.parametrize(("address", "source"), PAGES)
def test_the_cite_block_gives_the_reference_in_the_pages_language(site, address, source):
    want = expected(address, source)
    block = site.html(address).select_one("aside.page-info")
    iso, apa = block.select_one("#cite-iso690"), block.select_one("#cite-apa")
    for reference in (iso, apa):
        assert reference.cite.get_text() == want["title"]
        assert reference.get_text().startswith("Mutualiser. ")
        assert site.url + address in reference.get_text()
        # The browser writes the day, as a <time>; until then no <time> without a date
        assert reference.select_one("span[data-consulted]")
        assert all(time.get("datetime") for time in reference.select("time"))
    day = written_day(want["day"], want["language"])
    assert day in iso.get_text()
    apa_day = {"fr": f"{want['day'].year}, {day.rsplit(' ', 1)[0]}"}.get(
        want["language"], want["day"].strftime("%Y, %B ") + str(want["day"].day)
    )
    assert f"({apa_day})" in apa.get_text()
    online = {"fr": "[en ligne]", "en": "[online]"}[want["language"]]
    assert online in iso.get_text()
    assert block.select_one("a[rel=license]")["href"] == LICENCE_URL


def test_every_page_says_when_it_last_changed_in_its_language(site, data):
    for path in site.pages():
        if path.name == "404.html":
            continue
        soup = site.html(path)
        language = soup.html["lang"]
        shown = soup.select_one(".page-info__updated time")
        assert shown is not None, path
        day = date.fromisoformat(shown["datetime"])
        assert shown.get_text() == written_day(day, language), path
        assert day <= date.today()


def test_a_guide_page_is_dated_by_its_last_commit(site):
    for address, source in PAGES[:4]:
        shown = site.html(address).select_one(".page-info__updated time")["datetime"]
        assert shown == last_commit_day(source).isoformat(), address


def test_a_generated_page_is_dated_by_its_record(site, data):
    for case in data.case_studies.values():
        for language in ("fr", "en"):
            address = page_url(f"cas/{case.id}.md", language)
            shown = site.html(address).select_one(".page-info__updated time")["datetime"]
            assert shown == case.dates.last_changed.isoformat(), address
    for partner in data.partners.values():
        address = page_url(f"partenaires/{partner.id}.md", "en")
        shown = site.html(address).select_one(".page-info__updated time")["datetime"]
        assert shown == partner.dates.last_changed.isoformat(), address


def test_the_day_formats_of_both_languages(data):
    from macros.publish.page_dates import day_text

    assert day_text(date(2026, 3, 1), "fr", data.words) == "1er mars 2026"
    assert day_text(date(2026, 3, 21), "fr", data.words) == "21 mars 2026"
    assert day_text(date(2026, 3, 1), "en", data.words) == "1 March 2026"
    assert (
        day_text(date(2026, 3, 1), "en", data.words, data.words["cite.apa_date"]["en"])
        == "2026, March 1"
    )


@pytest.mark.parametrize(
    ("address", "accessed"), [("en/guide/champs/", "%-d %B %Y"), ("guide/champs/", None)]
)
def test_the_browser_writes_the_day_of_consultation_and_copies_the_reference(
    visit, address, accessed
):
    page, record = visit(address, permissions=["clipboard-read", "clipboard-write"])
    page.locator(".page-info__cite summary").click()
    iso = page.locator("#cite-iso690")
    consulted = iso.locator("time[data-consulted]")
    assert consulted.get_attribute("datetime") == date.today().isoformat()
    if accessed:
        assert consulted.inner_text() == date.today().strftime(accessed)
    else:
        month = MONTHS["fr"].split()[date.today().month - 1]
        assert consulted.inner_text() == f"{date.today().day} {month} {date.today().year}"
    copy = page.locator("button[data-copy=cite-iso690]")
    copy.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == " ".join(iso.inner_text().split())
    assert "<" not in copied
    assert consulted.inner_text() in copied
    assert copy.inner_text() == copy.get_attribute("data-copied")
    assert record.errors == []
