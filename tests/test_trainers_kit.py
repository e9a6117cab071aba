"""The trainers' kit: short links that redirect on GitHub Pages, QR codes a real decoder reads back
as the published address, one-page sheets in both languages, the kit page, and the offline
copies, opened from disk in Chromium."""

from __future__ import annotations

import io
import posixpath
import re
import shutil
import zipfile
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from urllib.parse import urljoin

import pytest
import zxingcpp
from bs4 import BeautifulSoup
from conftest import ROOT
from PIL import Image
from playwright.sync_api import expect
from pypdf import PdfReader
from pypdf.generic import ContentStream

from macros.kit.offline_copy import (
    INDEX_SCRIPT,
    copy_folder,
    offline_address,
    offline_location,
    preview,
)
from macros.kit.sheets import (
    booklet_address,
    read_sheet,
    sheet_address,
    sheet_html,
    sheet_links,
)
from macros.kit.short_links import qr_address, short_address
from macros.model.data import DataError
from macros.model.messages import in_language
from macros.registry import load_site_data
from macros.site.i18n import LANGUAGES, language_root, page_url
from tools.budget import record
from tools.chromium import settle

DATA = load_site_data(ROOT / "data")
LINKS = [(link, language) for link in DATA.short_links for language in LANGUAGES]
SHEETS = [(link, language) for link in sheet_links(DATA) for language in LANGUAGES]


def words(text: str) -> str:
    return " ".join(text.split())


def decode(png: bytes) -> list[str]:
    """What a real QR decoder (zxing-cpp) reads in a screenshot."""
    return [found.text for found in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


# --- Short links -------------------------------------------------------------------------------


def test_the_shipped_short_links_cover_every_guide_step_and_have_sheets():
    steps = {step.page for step in DATA.vocabularies.steps.values()}
    assert steps <= {link.page for link in sheet_links(DATA)}
    assert short_address(DATA.short_links[3], "fr") == "e/4/"
    assert short_address(DATA.short_links[3], "en") == "en/e/4/"


@pytest.mark.parametrize(("link", "language"), LINKS, ids=lambda v: getattr(v, "short", v))
def test_a_short_link_is_a_static_redirect_page(site, link, language):
    short = short_address(link, language)
    page = site.html(short)
    expected = site.url + page_url(link.page, language)
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})["content"]
    delay, _, target = refresh.partition("; url=")
    assert delay == "0"
    assert urljoin(site.url + short, target) == expected
    assert page.find("link", rel="canonical")["href"] == expected
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    visible = page.select_one("main a")
    assert urljoin(site.url + short, visible["href"]) == expected
    assert page.html["lang"] == language
    assert page.find("script") is None  # no script needed, and none for the CSP to allow


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_short_link_takes_the_browser_to_its_page(site, visit, language):
    page, record = visit(language_root(language) + "e/4/")
    expect(page).to_have_url(site.url + page_url("guide/champs.md", language))
    assert record.errors == []


SHORT_LINK_MISTAKES = [  # the first link's `short` is on line 7 of the file, its `page` on 8
    (
        "  - short: e/1\n",
        "  - short: e/2\n",
        "data/short-links.yml:10:12: links[1].short: ",
        'the short link "e/2" is already defined (one short link per address; the first one is at line 7)',
        "le lien court « e/2 » est déjà défini (un seul lien court par adresse ; la première est à la ligne 7)",
    ),
    (
        "  - short: e/1\n",
        "  - short: cas\n",
        "data/short-links.yml:7:12: links[0].short: ",
        '"cas" is already the address of a page',
        "« cas » est déjà l'adresse d'une page",
    ),
    (
        "  - short: e/1\n",
        "  - short: guide/champs\n",
        "data/short-links.yml:7:12: links[0].short: ",
        '"guide/champs" is already the address',
        "« guide/champs » est déjà l'adresse",
    ),
    (
        "  - short: e/1\n",
        "  - short: en\n",
        "data/short-links.yml:7:12: links[0].short: ",
        '"en" is already the address',
        "« en » est déjà l'adresse",
    ),
    (
        "    page: guide/faire-ensemble.md\n",
        "    page: guide/absente.md\n",
        "data/short-links.yml:8:11: links[0].page: ",
        'no page "guide/absente.md" in docs/fr/ + docs/en/',
        "pas de page « guide/absente.md » dans docs/fr/ + docs/en/",
    ),
    (
        "    page: guide/reunir-les-facteurs.md\n",
        "    page: guide/faire-ensemble.md\n",
        "data/short-links.yml:11:11: links[1].page: ",
        'the page "guide/faire-ensemble.md" already has a short link',
        "la page « guide/faire-ensemble.md » a déjà un lien court",
    ),
]


@pytest.mark.parametrize(("old", "new", "where", "english", "french"), SHORT_LINK_MISTAKES)
def test_a_wrong_short_link_is_reported_at_its_line_in_both_languages(
    tmp_path, old, new, where, english, french
):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "docs").symlink_to(ROOT / "docs")
    path = tmp_path / "data" / "short-links.yml"
    path.write_text(path.read_text("utf-8").replace(old, new, 1), "utf-8")
    with pytest.raises(DataError) as caught:
        load_site_data(tmp_path / "data")
    [problem] = caught.value.problems
    assert in_language(problem, "en").startswith(where + english)
    assert in_language(problem, "fr").startswith(where + french)


def test_a_page_missing_in_one_language_is_named(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    (tmp_path / "docs" / "en" / "guide" / "champs.md").unlink()
    with pytest.raises(DataError) as caught:
        load_site_data(tmp_path / "data")
    assert 'no page "guide/champs.md" in docs/en/ (' in str(caught.value)


# --- QR codes ----------------------------------------------------------------------------------


def test_every_qr_code_decodes_to_the_published_short_address(site, browser):
    page = browser.new_page(viewport={"width": 400, "height": 400})
    try:
        for link, language in LINKS:
            page.goto(site.url + qr_address(link, language))
            assert decode(page.screenshot()) == [site.url + short_address(link, language)]
    finally:
        page.close()


# --- Sheets ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sheet_pdfs(site) -> dict[tuple[str, str], PdfReader]:
    """Every sheet, read once: (short, language) -> PDF."""
    return {
        (link.short, language): PdfReader(site.root / sheet_address(link, language))
        for link, language in SHEETS
    }


@pytest.mark.parametrize(("link", "language"), SHEETS, ids=lambda v: getattr(v, "short", v))
def test_each_sheet_is_one_a4_page_with_what_the_page_says(site, sheet_pdfs, link, language):
    pdf = sheet_pdfs[link.short, language]
    assert len(pdf.pages) == 1
    width, height = (float(side) * 25.4 / 72 for side in pdf.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (210, 297)  # A4, in mm
    text = words(pdf.pages[0].extract_text())
    built = site.html(page_url(link.page, language))
    title = words("".join(built.h1.find_all(string=True, recursive=False)))  # no permalink
    assert title in text
    assert words(built.find("meta", attrs={"name": "description"})["content"]) in text
    actions = read_sheet(str(built), "", "").actions  # each step's actions, or the factors
    assert actions
    assert all(lead and detail for lead, detail in actions)
    assert all(words(lead) in text for lead, _ in actions)
    shown = [detail for _, detail in actions if words(detail) in text]
    left = [detail for _, detail in actions if words(detail) not in text]
    # under each action the sentence after it on the page, as many as the page holds, the
    # longest left out first
    assert len(shown) >= len(actions) / 2
    assert all(len(out) >= len(kept) for out in left for kept in shown)
    checklist = built.select("#checklist ~ ul.task-list > li")
    for item in checklist:
        assert words(item.get_text()) in text
    if built.find(id="pitfalls"):
        first_pitfall = built.select_one("#pitfalls ~ ul > li strong")
        assert words(first_pitfall.get_text()) in text
    compact = "".join(text.split())  # long addresses wrap across lines
    assert site.url + short_address(link, language) in compact
    assert DATA.words["kit.sheet.licence"][language].split("{")[0].strip() in text
    assert "CC BY-NC-SA 4.0" in text
    assert "Boussou" in text  # the adapted work, credited as its licence requires
    assert site.url + page_url(link.page, language) in compact  # the citation
    assert date.today().isoformat() in text


@pytest.mark.parametrize(("link", "language"), SHEETS, ids=lambda v: getattr(v, "short", v))
def test_each_sheet_has_its_own_title_and_is_tagged_for_screen_readers(
    site, sheet_pdfs, link, language
):
    """A PDF reader's window and a screen reader name the sheet (each sheet carried the
    booklet's title), and read its structure in its language (PDF/UA-1)."""
    pdf = sheet_pdfs[link.short, language]
    built = site.html(page_url(link.page, language))
    assert words(pdf.metadata.title) == words(
        "".join(built.h1.find_all(string=True, recursive=False))
    )
    catalog = pdf.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/Lang"] == language


def painted_colours(pdf: PdfReader, stream, resources) -> set[tuple[str, tuple[float, ...]]]:
    """Every colour a PDF content stream sets (operator, components), forms drawn in it included."""
    colours = set()
    for operands, operator in ContentStream(stream, pdf).operations:
        if operator in {b"rg", b"RG", b"g", b"G", b"k", b"K", b"sc", b"scn", b"SC", b"SCN"}:
            colours.add((operator.decode(), tuple(operands)))
        elif operator == b"Do":
            drawn = resources["/XObject"][operands[0]].get_object()
            if drawn.get("/Subtype") == "/Form":
                colours |= painted_colours(pdf, drawn, drawn.get("/Resources", resources))
    return colours


@pytest.mark.parametrize(("link", "language"), SHEETS, ids=lambda v: getattr(v, "short", v))
def test_each_sheet_prints_in_black_and_white(sheet_pdfs, link, language):
    """Trainers photocopy the sheets: nothing may rely on a colour a photocopier turns pale."""
    pdf = sheet_pdfs[link.short, language]
    colours = painted_colours(pdf, pdf.pages[0].get_contents(), pdf.pages[0]["/Resources"])
    assert colours, "no colour operator found: the check would prove nothing"
    assert {colour for colour in colours if colour not in BLACK_AND_WHITE} == set()


BLACK_AND_WHITE = {
    (operator, components)
    for operator, black, white in (("rg", (0, 0, 0), (1, 1, 1)), ("g", (0,), (1,)))
    for components in (black, white)
    for operator in (operator, operator.upper())
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_booklet_gathers_every_sheet(site, sheet_pdfs, language):
    booklet = PdfReader(site.root / booklet_address(language))
    assert len(booklet.pages) == len(sheet_links(DATA))
    assert booklet.trailer["/Root"]["/MarkInfo"]["/Marked"]  # tagged too
    assert booklet.metadata.title == DATA.words["kit.booklet"][language]
    for page, link in zip(booklet.pages, sheet_links(DATA), strict=True):
        assert page.extract_text() == sheet_pdfs[link.short, language].pages[0].extract_text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_qr_code_on_a_sheet_decodes_to_its_short_address(site, browser, language):
    """The sheet's HTML, as WeasyPrint prints it, shown in Chromium and read by the decoder."""
    link = sheet_links(DATA)[3]
    sheet_page = site.html(page_url(link.page, language))
    from macros.kit.sheets import read_sheet

    address = site.url + short_address(link, language)
    sheet = read_sheet(str(sheet_page), address, site.url + page_url(link.page, language))
    html = sheet_html(DATA, [sheet], language, {"name": "x", "url": "y"}, date.today())
    page = browser.new_page()
    try:
        page.set_content(html)
        assert decode(page.locator(".online img").screenshot(scale="css")) == [address]
    finally:
        page.close()


LICENCE = {"name": "CC BY-NC-SA 4.0", "url": "https://creativecommons.org/"}


def with_step_4_changed(site, tmp_path: Path, change) -> tuple[Path, BeautifulSoup]:
    """A copy of the built site without its kit, step 4's French page changed by `change(soup)`;
    the copy and that page."""
    copy = tmp_path / "site"
    shutil.copytree(site.root, copy, ignore=shutil.ignore_patterns("*.zip", "*.pdf"))
    step = copy / "guide" / "champs" / "index.html"
    soup = BeautifulSoup(step.read_text("utf-8"), "html.parser")
    change(soup)
    step.write_text(str(soup), "utf-8")
    return copy, soup


def test_a_sheet_that_overflows_its_page_stops_the_build(site, tmp_path):
    from macros.kit.sheets import SheetTooLong, write_sheets

    def lengthen_the_checklist(soup: BeautifulSoup) -> None:
        checklist = soup.select_one("#checklist ~ ul")
        for number in range(40):
            item = soup.new_tag("li")
            item.string = f"Point {number} de la liste, assez long pour occuper toute une ligne."
            checklist.append(item)

    copy, _ = with_step_4_changed(site, tmp_path, lengthen_the_checklist)
    with pytest.raises(SheetTooLong, match=r"fr sheet of guide/champs\.md needs 2 pages"):
        write_sheets(DATA, copy, site.url, LICENCE, date.today())


def test_a_sentence_too_long_for_the_sheet_is_left_out_not_the_sheet(site, tmp_path):
    from macros.kit.sheets import write_sheets

    long = "Une phrase sans fin, " + "qui s'allonge encore et encore, " * 120 + "puis finit."
    copy, soup = with_step_4_changed(
        site,
        tmp_path,
        lambda soup: soup.select_one("#what-to-do ~ ol > li strong").insert_after(" " + long),
    )
    write_sheets(DATA, copy, site.url, LICENCE, date.today())

    link = next(link for link in sheet_links(DATA) if link.page == "guide/champs.md")
    pdf = PdfReader(copy / sheet_address(link, "fr"))
    assert len(pdf.pages) == 1
    text = words(pdf.pages[0].extract_text())
    first, *others = read_sheet(str(soup), "", "").actions
    assert words(first[0]) in text  # its lead
    assert "Une phrase sans fin" not in text
    assert all(words(detail) in text for _, detail in others)


def test_sheets_kept_in_the_cache_are_those_a_clean_build_prints_until_their_page_changes(
    site, tmp_path
):
    from macros.kit.sheets import write_sheets

    cache = tmp_path / "cache"

    def built(name: str) -> Path:
        folder = tmp_path / name
        shutil.copytree(site.root, folder, ignore=shutil.ignore_patterns("*.zip", "*.pdf"))
        return folder

    def printed(folder: Path) -> dict[str, bytes]:
        return {
            p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.glob("kit/*/*.pdf")
        }

    first, again, clean = built("first"), built("again"), built("clean")
    assert write_sheets(DATA, first, site.url, LICENCE, date.today(), cache) == []  # printed
    assert write_sheets(DATA, again, site.url, LICENCE, date.today(), cache) == list(LANGUAGES)
    assert write_sheets(DATA, clean, site.url, LICENCE, date.today()) == []  # no cache: printed
    assert printed(again) == printed(clean) == printed(first)
    assert len(printed(clean)) == len(SHEETS) + len(LANGUAGES)  # every sheet and each booklet

    # A French step page changes: its language is printed again, the other taken from the cache.
    edited = built("edited")
    step = edited / "guide" / "champs" / "index.html"
    step.write_text(step.read_text("utf-8").replace("</h1>", " modifié</h1>", 1), "utf-8")
    assert write_sheets(DATA, edited, site.url, LICENCE, date.today(), cache) == ["en"]
    changed = {name for name, pdf in printed(edited).items() if pdf != printed(clean)[name]}
    sheet = next(link for link in sheet_links(DATA) if link.page == "guide/champs.md")
    assert changed == {sheet_address(sheet, "fr"), booklet_address("fr")}


@pytest.mark.parametrize(("link", "language"), SHEETS, ids=lambda v: getattr(v, "short", v))
def test_each_step_page_links_to_its_sheet(site, link, language):
    address = page_url(link.page, language)
    anchor = site.html(address).select_one(".kit-sheet-link a[download]")
    assert words(anchor.get_text()) == DATA.words["kit.sheet_link"][language]
    assert urljoin(site.url + address, anchor["href"]) == site.url + sheet_address(link, language)


# --- The kit page ------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_kit_page_lists_sheets_booklet_short_links_and_offline_copies(site, language):
    address = page_url("kit-formateurs.md", language)
    page = site.html(address)
    linked = {urljoin(site.url + address, a["href"]) for a in page.select("article a[href]")}
    expected = [booklet_address(language)]
    expected += [sheet_address(link, language) for link in sheet_links(DATA)]
    expected += [short_address(link, language) for link in DATA.short_links]
    expected += [offline_address(other) for other in LANGUAGES]
    for target in expected:
        assert site.url + target in linked, target
        assert (site.root / target).exists() or (site.root / target / "index.html").exists()
    for link in DATA.short_links:
        assert site.url + qr_address(link, language) in linked  # the QR code's file, for slides
        big = (site.url + short_address(link, language)).split("://")[1]
        assert big in [words(p.get_text()) for p in page.select(".kit-link__short")]
    assert page.select_one("article a[href$='a-propos/#cite']")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_kit_page_shows_each_qr_code_that_a_decoder_reads(site, visit, language):
    page, record = visit(page_url("kit-formateurs.md", language))
    codes = page.locator("svg.kit-qr")
    expect(codes).to_have_count(len(DATA.short_links))
    for index, link in enumerate(DATA.short_links):
        code = codes.nth(index)
        expected = site.url + short_address(link, language)
        assert code.get_attribute("role") == "img"
        assert code.locator("title").text_content() == DATA.words["kit.qr_alt"][language].format(
            url=expected
        )
        assert decode(code.screenshot()) == [expected]
    assert record.errors == []


# --- Offline copies ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def copies(site, tmp_path_factory):
    """Both offline copies unpacked side by side, as `python -m macros.kit.offline_copy` does."""
    folder = tmp_path_factory.mktemp("copies")
    preview(site.root, folder)
    return folder


@contextmanager
def from_disk(browser):
    """A page in a fresh context, with every request of the context (frames included) and every
    error the page reports, console errors included."""
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    errors = record(page).errors
    try:
        yield page, requests, errors
    finally:
        context.close()
    assert errors == []
    assert [url for url in requests if not url.startswith(("file:", "data:"))] == []


def copy_page(copies: Path, language: str, path: str) -> Path:
    """A page of `language`'s copy in `copies`: "guide/champs/" -> its index.html."""
    return copies / copy_folder(language) / language_root(language) / offline_location(path)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_offline_copy_works_from_disk(copies, browser, language):
    copy = copies / copy_folder(language)
    home = copy_page(copies, language, "")
    with from_disk(browser) as (page, requests, _):
        page.goto((copy / "index.html").as_uri())  # the copy's root leads to its language
        expect(page).to_have_url(home.as_uri())

        # links between sections open pages, not folder listings
        page.locator("a[href$='guide/champs/index.html']").first.click()
        expect(page).to_have_url(home.parent.joinpath("guide/champs/index.html").as_uri())
        expect(page.locator("h1")).to_contain_text(DATA.vocabularies.steps["scope"].label[language])
        page.locator(".kit-sheet-link a").wait_for()
        page.locator("a[href$='cas/index.html']").first.click()
        expect(page).to_have_url(home.parent.joinpath("cas/index.html").as_uri())

        # a listing filter
        cards = page.locator("[data-listing-items] > li:visible")
        expect(cards).to_have_count(len(DATA.case_studies))
        status = next(
            s
            for s in DATA.vocabularies.status
            if 0
            < sum(c.status.id == s for c in DATA.case_studies.values())
            < len(DATA.case_studies)
        )
        page.locator("select[name=status]").select_option(status)
        matching = sum(case.status.id == status for case in DATA.case_studies.values())
        expect(cards).to_have_count(matching)

        # search, in the header's box: the only one, and it answers from disk
        expect(page.locator("[role=search]")).to_have_count(1)
        box = page.locator(".md-search__input")
        box.click()
        expect(box).to_be_focused()
        box.fill("Baie")
        results = page.locator(".md-search-result__link")
        expect(results.first).to_be_visible()
        meta = page.locator("[data-search-meta]")
        expect(meta).not_to_have_text(DATA.words["search.offline"][language])
        expect(page.locator(".md-search-result__teaser mark").first).to_be_visible()
        first = results.first.get_attribute("href")
        title = results.first.locator("h1").text_content()
        results.first.click()
        expect(page).not_to_have_url(home.parent.joinpath("cas/index.html").as_uri())
        assert page.url.startswith(copy.as_uri()), first
        assert ".html" in page.url, first
        expect(page.locator("h1")).to_have_text(title)
        settle(page)  # the new page's search listens before we type

        # a misspelt word: the closest word of the site, as online
        typo, meant = {"fr": ("mutualsation", "mutualisation"), "en": ("poolng", "pooling")}[
            language
        ]
        page.locator(".md-search__input").fill(typo)
        expect(page.locator(".search-suggestion__query")).to_have_text(meant)
    assert any(url.endswith(INDEX_SCRIPT) for url in requests), requests


def test_the_offline_search_shows_a_page_text_as_text(copies, browser):
    """A page's text is plain text in search-index.js: markup in it stays words on screen."""
    hostile = '<img src=x onerror="document.title=1"> zorglub <b>bold</b>'
    with from_disk(browser) as (page, _, _):
        page.goto(copy_page(copies, "fr", "").as_uri())
        page.wait_for_load_state("load")
        page.evaluate(
            "text => window.MUTUALISER_OFFLINE_SEARCH.docs.push("
            "{location: 'index.html', title: text, text: text})",
            hostile,
        )
        page.locator(".md-search__input").fill("zorglub")
        result = page.locator(".md-search-result__link")
        expect(result).to_have_count(1)
        expect(result.locator("h1")).to_have_text(hostile)
        expect(result.locator(".md-search-result__teaser")).to_have_text(hostile)
        expect(result.locator("mark")).to_have_text("zorglub")
        assert result.locator("img, b").count() == 0
        assert page.title() != "1"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_language_switch_leads_to_the_twin_page_in_the_other_copy(copies, browser, language):
    other = next(each for each in LANGUAGES if each != language)
    step = page_url("guide/champs.md", language).removeprefix(language_root(language))
    twin = page_url("guide/champs.md", other).removeprefix(language_root(other))
    with from_disk(browser) as (page, _, _):
        page.goto(copy_page(copies, language, step).as_uri() + "#" + "top")
        switch = page.locator("a.language-switch")
        expect(switch).to_have_attribute("href", re.compile(copy_folder(other) + "/"))
        switch.click()
        expect(page).to_have_url(copy_page(copies, other, twin).as_uri() + "#top")
        page.locator("a.language-switch").click()  # and back
        expect(page).to_have_url(copy_page(copies, language, step).as_uri() + "#top")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_copy_opened_alone_says_the_other_language_is_in_the_other_zip(
    site, browser, tmp_path, language
):
    with zipfile.ZipFile(site.root / offline_address(language)) as archive:
        archive.extractall(tmp_path)
    step = page_url("guide/champs.md", language).removeprefix(language_root(language))
    with from_disk(browser) as (page, _, _):
        page.goto(copy_page(tmp_path, language, step).as_uri())
        page.wait_for_load_state("load")
        page.locator("a.language-switch").click()
        for other in LANGUAGES:
            if other != language:
                expect(page).to_have_url(
                    (tmp_path / f"{copy_folder(language)}/{copy_folder(other)}.html").as_uri()
                )
                zip_name = f"{copy_folder(other)}.zip"
                for each in (other, language):
                    text = DATA.words["kit.offline.other.text"][each].format(
                        zip=zip_name, folder=copy_folder(language), other_folder=copy_folder(other)
                    )
                    expect(page.locator(f"section[lang={each}]")).to_contain_text(words(text))
                download = page.get_by_role("link", name=zip_name).first
                assert download.get_attribute("href") == site.url + offline_address(other)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_offline_copy_404_page_loads_from_disk_in_its_language(copies, browser, language):
    copy = copies / copy_folder(language)
    with from_disk(browser) as (page, requests, _):
        page.goto((copy / "404.html").as_uri())
        page.wait_for_load_state("load")
        assert page.evaluate("document.documentElement.lang") == language
        expect(page.locator("h1:visible")).to_have_text(DATA.words["not_found.title"][language])
        sheets = page.evaluate("[...document.styleSheets].map(sheet => sheet.href)")
        assert len(sheets) >= 2  # Material's and ours, from the copy
        assert all(href.startswith(copy.as_uri()) for href in sheets), sheets
        header = page.locator(".md-header")
        assert header.evaluate("header => getComputedStyle(header).position") == "sticky"
        assert any(url.endswith("extra.css") for url in requests)
        page.get_by_role("link", name=DATA.words["not_found.home"][language]).click()
        expect(page).to_have_url(copy_page(copies, language, "").as_uri())


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_offline_copy_holds_no_file_it_cannot_use(site, language):
    """Nothing only a server can use (Pagefind, sitemaps, the listings' cards), and every
    address of every page leads to a file of the copy or out of it, never to disk's root."""
    top = copy_folder(language) + "/"
    with zipfile.ZipFile(site.root / offline_address(language)) as archive:
        names = set(archive.namelist())
        pages = {name: archive.read(name).decode() for name in names if name.endswith(".html")}
    assert not [name for name in names if name.startswith(top + "pagefind/")]
    assert not [name for name in names if "sitemap" in name or name.endswith("/cards.json")]
    assert top + "404.html" in names
    for name, html in pages.items():
        soup = BeautifulSoup(html, "html.parser")
        for switch in soup.select("a.language-switch"):  # never to a server, local or not
            assert "://" not in switch["href"], (name, switch["href"])
        for tag in soup.select("[href], [src]"):
            for attribute in ("href", "src"):
                address = tag.get(attribute)
                if not address or address.startswith(("#", "data:", "mailto:")):
                    continue  # in the page, in it, or an e-mail to write
                assert not address.startswith(("/", "file:")), (name, address)
                if "://" in address:
                    continue  # out of the copy, to the published site
                path = posixpath.normpath(posixpath.join(posixpath.dirname(name), address))
                assert re.split("[?#]", path)[0] in names, (name, address)
