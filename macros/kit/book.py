"""The whole guide as one book per language, PDF (WeasyPrint) and EPUB (EbookLib), made from the
built pages' <article> as the sheets are (macros/kit/sheets.py).

book_address("en", "epub") -> "kit/en/mutualiser-guide-en.epub"

In order: a cover, the contents, then PARTS below. Which pages, in which order, comes from the
navigation (mkdocs.yml), by folder or page; the case studies, which the navigation leaves out,
come in id order as every listing shows them. A link to a page of the book (or to a place in
it) goes there inside the book; any other link goes to the published site's absolute address.
"""

from __future__ import annotations

import hashlib
import json
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag
from markupsafe import Markup

from macros.kit.sheets import TAGGED, keep_in_cache, taken_from_cache
from macros.model.records import SiteData
from macros.render.cases import listed
from macros.render.templates import TEMPLATES, render
from macros.site.i18n import LANGUAGES, page_url
from macros.site.paths import (
    CASE_FOLDER,
    CASE_LISTING_PAGE,
    FORMS_PAGE,
    GLOSSARY_PAGE,
    GUIDE_FOLDER,
    KIT_FOLDER,
    SOURCES_PAGE,
    SUCCESS_FACTORS_PAGE,
    TOOLKIT_FOLDER,
    case_page_path,
)

FORMATS = ("pdf", "epub")


@dataclass(frozen=True)
class Part:
    """Pages of the book: a page of the navigation, or those under a folder ("guide/")."""

    pages: str
    title: str | None = None  # its own heading (part_titles below); none: the page stands alone
    id: str = ""  # the heading's id, for links to the part (the case listing leads to its part)


APPENDIX = Part(f"{CASE_FOLDER}/", "cases", "part-cases")  # the case studies
PARTS: tuple[Part, ...] = (
    Part(f"{GUIDE_FOLDER}/", "steps", "part-steps"),
    Part(SUCCESS_FACTORS_PAGE),
    Part(FORMS_PAGE),
    Part(f"{TOOLKIT_FOLDER}/", "toolkit", "part-toolkit"),
    Part(GLOSSARY_PAGE),
    APPENDIX,
    Part(SOURCES_PAGE),
)

# What a page offers on screen and means nothing on paper or in a reader: page actions, the
# sheet link, permalinks, the case listing's filters, the self-assessment's form, breadcrumbs
# and previous/next, scripts and their buttons, decorative icons.
LEFT_OUT = (
    ".contribute-links, .contribute-first-time, .kit-sheet-link, a.headerlink, [data-listing], "
    ".record-breadcrumb, .record-pager, .assessment-tools, script, button, input, svg, [hidden]"
)


def book_address(language: str, kind: str) -> str:
    return f"{KIT_FOLDER}/{language}/mutualiser-guide-{language}.{kind}"


def nav_paths(nav: list) -> list[str]:
    """The pages of mkdocs.yml's `nav`, in order: ["index.md", "guide/faire-ensemble.md"...]."""
    paths = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            paths += nav_paths(value)
        elif isinstance(value, str) and value.endswith(".md"):
            paths.append(value)
    return paths


def book_pages(data: SiteData, nav: list[str]) -> list[tuple[Part, list[str]]]:
    """Each part with its pages, in the book's order."""
    parts = []
    for part in PARTS:
        if part == APPENDIX:
            pages = [case_page_path(case.id) for case in listed(data)]
        elif part.pages.endswith("/"):
            pages = [path for path in nav if path.startswith(part.pages)]
        else:
            pages = [path for path in nav if path == part.pages]
        parts.append((part, pages))
    return parts


@dataclass
class Chapter:
    path: str  # the page, inside a language folder: "guide/champs.md"
    key: str  # its id in the book, and the prefix of every id it holds: "guide-champs"
    title: str
    article: Tag  # the page's content, ids prefixed and links resolved once the book is read
    ids: set[str] = field(default_factory=set)  # the page's own ids, unprefixed


@dataclass
class Book:
    language: str
    parts: list[tuple[Part, str | None, list[Chapter]]]  # part, its title, its chapters

    def chapters(self) -> list[Chapter]:
        return [chapter for _, _, chapters in self.parts for chapter in chapters]


def read_book(data: SiteData, site_dir: Path, site_url: str, language: str, nav: list[str]):
    """The book of `language`, read from the built site in `site_dir`."""
    titles = part_titles(data.ui(language))
    parts = []
    for part, pages in book_pages(data, nav):
        chapters = [_read_chapter(site_dir, language, path) for path in pages]
        parts.append((part, titles[part.title] if part.title else None, chapters))
    book = Book(language, parts)
    _resolve_links(book, site_url)
    return book


def part_titles(ui: dict) -> dict[str, str]:
    return {
        "steps": ui["book.part.steps"],
        "toolkit": ui["book.part.toolkit"],
        "cases": ui["book.part.cases"],
    }


def _read_chapter(site_dir: Path, language: str, path: str) -> Chapter:
    html = (site_dir / page_url(path, language) / "index.html").read_text("utf-8")
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article [data-pagefind-body]") or soup.select_one("article")
    if article is None:
        raise ValueError(
            f"{page_url(path, language)}index.html has no <article> to put in the book"
        )
    for node in article.select(LEFT_OUT):
        node.decompose()
    for details in article.find_all("details"):  # open on paper, and in every reader
        details.name = "div"
        details["class"] = " ".join([*details.get_attribute_list("class"), "details"]).strip()
        details.attrs.pop("open", None)
        if details.summary:
            details.summary.name = "p"
            details.summary["class"] = "summary"
    article.name, article.attrs = "div", {"class": "chapter-body"}
    heading = article.find("h1")
    key = chapter_key(path)
    chapter = Chapter(
        path, key, " ".join(heading.get_text(" ").split()) if heading else key, article
    )
    for node in article.find_all(id=True):
        chapter.ids.add(str(node["id"]))
        node["id"] = f"{key}--{node['id']}"
    if heading:  # the chapter's place: a link to the page's title goes to the chapter
        chapter.ids.discard(str(heading.get("id", "")).removeprefix(f"{key}--"))
        heading["id"] = key
    return chapter


def chapter_key(path: str) -> str:
    """A page's id in the book, and its file's name in the EPUB: "guide/champs.md" ->
    "guide-champs", "boite-a-outils/index.md" -> "boite-a-outils"."""
    return path.removesuffix(".md").removesuffix("/index").replace("/", "-")


BASE = "http://book.invalid/"  # where relative links are resolved: the site's root


def _resolve_links(book: Book, site_url: str) -> None:
    """Every link to the book's pages (and places in them) stays in the book; any other goes to
    the published site, absolute."""
    pages = {page_url(chapter.path, book.language): chapter for chapter in book.chapters()}
    parts = {page_url(CASE_LISTING_PAGE, book.language): APPENDIX.id}  # the listing: its part
    site = site_url.rstrip("/") + "/"
    for chapter in book.chapters():
        here = BASE + page_url(chapter.path, book.language)
        for link in chapter.article.find_all("a", href=True):
            href = str(link["href"])
            if href.startswith(site):  # the site's own absolute address, as a relative one
                href = BASE + href.removeprefix(site)
            target = urlsplit(urljoin(here, href))
            if f"{target.scheme}://{target.netloc}/" != BASE:
                continue  # elsewhere on the web, or an e-mail address: as it is
            path = target.path.removeprefix("/").removesuffix("index.html")
            found = pages.get(path)
            if found is not None:
                fragment = target.fragment
                known = fragment in found.ids
                link["href"] = f"#{found.key}--{fragment}" if known else f"#{found.key}"
            elif path in parts and not target.fragment:
                link["href"] = f"#{parts[path]}"
            else:
                link["href"] = (
                    site
                    + target.path.removeprefix("/")
                    + (f"?{target.query}" if target.query else "")
                    + (f"#{target.fragment}" if target.fragment else "")
                )


# --- The PDF -----------------------------------------------------------------------------------


def book_html(data: SiteData, book: Book, site_url: str, licence: dict, built: date) -> str:
    """The HTML WeasyPrint prints: cover, contents with page numbers, then every part."""
    return render(
        "book.html",
        language=book.language,
        ui=data.ui(book.language),
        parts=[
            (part, title, [(chapter, Markup(str(chapter.article))) for chapter in chapters])
            for part, title, chapters in book.parts
        ],
        licence=licence,
        site_url=site_url,
        built=built.isoformat(),
    )


# --- The EPUB ----------------------------------------------------------------------------------

# A reader's own styles come first: only what the pages' classes need.
EPUB_CSS = """
table { border-collapse: collapse; }
th, td { border: 1px solid #888; padding: .2em .4em; vertical-align: top; text-align: left; }
dt { font-weight: bold; margin-top: .6em; }
.admonition, .details { border-left: 3px solid #888; padding-left: .8em; }
.admonition-title, .summary { font-weight: bold; }
.cover { text-align: center; }
"""


def write_epub(data: SiteData, book: Book, site_url: str, licence: dict, built: date, path: Path):
    """An EPUB 3: the cover, the contents (the nav document), one file per part heading and per
    chapter; links between chapters point to the file holding their target."""
    from ebooklib import epub  # imported here: only builds that make the kit need it

    ui = data.ui(book.language)
    files = {chapter.key: f"{chapter.key}.xhtml" for chapter in book.chapters()}
    places = {}  # every id the book holds -> the file holding it
    for chapter in book.chapters():
        for node in chapter.article.find_all(id=True):
            places[str(node["id"])] = files[chapter.key]
        places[chapter.key] = files[chapter.key]
    for part, title, _ in book.parts:
        if title:
            places[part.id] = f"{part.id}.xhtml"

    document = epub.EpubBook()
    document.set_identifier(page_url("index.md", book.language, site_url) + "#book")
    document.set_title(f"Mutualiser · {ui['book.title']}")
    document.set_language(book.language)
    document.add_author(ui["book.author"])
    document.add_metadata("DC", "rights", f"{licence['name']} ({licence['url']})")
    document.add_metadata("DC", "date", built.isoformat())
    style = epub.EpubItem(
        uid="style", file_name="style.css", media_type="text/css", content=EPUB_CSS
    )
    document.add_item(style)

    def page(name: str, title: str, body: str) -> epub.EpubHtml:
        item = epub.EpubHtml(title=title, file_name=name, lang=book.language)
        item.content = f"<html><head><title></title></head><body>{body}</body></html>"
        item.add_item(style)
        document.add_item(item)
        return item

    cover = render(
        "book_cover.html", ui=ui, licence=licence, site_url=site_url, built=built.isoformat()
    )
    spine: list = [page("cover.xhtml", ui["book.title"], cover), "nav"]
    toc: list = []
    for part, title, chapters in book.parts:
        items = []
        for chapter in chapters:
            article = copy_of(chapter.article)
            for link in article.find_all("a", href=True):
                href = str(link["href"])
                if href.startswith("#"):  # a place the book lacks stays so: the check names it
                    link["href"] = places.get(href[1:], "") + href
            items.append(page(files[chapter.key], chapter.title, str(article)))
        if title:
            heading = render("book_part.html", part=part, title=title)
            opening = page(f"{part.id}.xhtml", title, heading)
            spine.append(opening)
            toc.append((epub.Section(title, href=opening.file_name), items))
        else:
            toc += items
        spine += items
    document.toc = toc
    document.spine = spine
    document.add_item(epub.EpubNcx())
    document.add_item(epub.EpubNav(title=ui["book.contents"]))
    epub.write_epub(str(path), document)


def copy_of(node: Tag) -> Tag:
    """A node to change without changing the book's (the PDF keeps in-document links)."""
    copy = BeautifulSoup(str(node), "html.parser").find()
    assert isinstance(copy, Tag)  # the node's own copy
    return copy


# --- Writing both, from the cache while it holds ------------------------------------------------


def write_books(
    data: SiteData,
    site_dir: Path,
    site_url: str,
    nav: list,
    licence: dict,
    built: date,
    cache: Path | None = None,
) -> list[str]:
    """Each language's book as PDF and EPUB into the built site; the languages taken from
    `cache`, where they are kept under a fingerprint of all they are made of (the HTML of the
    pages they include, read as bytes: parsing them costs seconds), as the sheets are."""
    paths = nav_paths(nav)
    reused, printing = [], []
    for language in LANGUAGES:
        files = [book_address(language, kind) for kind in FORMATS]
        key = book_key(data, site_dir, site_url, paths, language, licence, built)
        kept = cache / f"book-{language}-{key}" if cache else None
        if taken_from_cache(site_dir, files, kept):
            reused.append(language)
            continue
        book = read_book(data, site_dir, site_url, language, paths)
        pdf, epub_file = (site_dir / file for file in files)
        pdf.parent.mkdir(parents=True, exist_ok=True)
        write_epub(data, book, site_url, licence, built, epub_file)
        printing.append((book_html(data, book, site_url, licence, built), pdf, files, kept))
    # WeasyPrint takes most of a book's time, on one core: the languages print side by side
    if printing:
        with ProcessPoolExecutor(min(len(printing), os.cpu_count() or 1)) as pool:
            list(pool.map(_print, [job[0] for job in printing], [job[1] for job in printing]))
    for _, _, files, kept in printing:
        if kept:
            keep_in_cache(site_dir, files, kept)
    return reused


def _print(html: str, path: Path) -> None:
    from weasyprint import HTML  # imported here: only builds that make the kit need Pango

    HTML(string=html).write_pdf(path, pdf_variant=TAGGED)  # as the sheets: screen readers


# What makes a book besides its pages: this module, its templates, and the two libraries.
MADE_WITH = (
    Path(__file__),
    *(TEMPLATES / name for name in ("book.html", "book_cover.html", "book_part.html")),
)


def book_key(
    data: SiteData,
    site_dir: Path,
    site_url: str,
    nav: list[str],
    language: str,
    licence: dict,
    built: date,
) -> str:
    """A fingerprint of all a language's book is made of: while it holds, the book is the same."""
    import ebooklib
    import weasyprint

    digest = hashlib.sha256()
    words = json.dumps(data.ui(language), sort_keys=True)
    digest.update(
        f"{weasyprint.__version__} {ebooklib.VERSION} {site_url} {licence} {built} {words}".encode()
    )
    pages = [
        site_dir / page_url(path, language) / "index.html"
        for _, paths in book_pages(data, nav)
        for path in paths
    ]
    for path in (*MADE_WITH, *pages):
        digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


# --- Reading an EPUB back (the build's integrity step, the tests) ------------------------------

CONTAINER = "META-INF/container.xml"
OPF = "{http://www.idpf.org/2007/opf}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def epub_problems(path: Path) -> list[str]:
    """What makes the EPUB at `path` unreadable to a reader, as EPUBCheck's structural checks
    would say: the mimetype first and stored, the container naming the package, every file of
    the package in its manifest and every file of the manifest there, a nav document, a spine,
    and every internal link leading to a file and an id that exist."""
    import zipfile
    from posixpath import dirname, join, normpath

    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
        if not infos or infos[0].filename != "mimetype":
            return ["the first file is not mimetype"]
        if infos[0].compress_type != zipfile.ZIP_STORED:
            return ["mimetype is compressed"]
        if archive.read("mimetype") != b"application/epub+zip":
            return ["mimetype is not application/epub+zip"]
        names = set(archive.namelist())
        if CONTAINER not in names:
            return [f"no {CONTAINER}"]
        container = etree.fromstring(archive.read(CONTAINER), parser)
        rootfile = container.find(".//{*}rootfile")
        package_path = rootfile.get("full-path") if rootfile is not None else None
        if package_path not in names:
            return [f"the package {package_path} named by {CONTAINER} is missing"]
        package = etree.fromstring(archive.read(package_path), parser)
        folder = dirname(package_path)
        manifest = {
            item.get("id"): (normpath(join(folder, item.get("href"))), item.get("properties") or "")
            for item in package.iter(f"{OPF}item")
        }
        problems = []
        listed_files = {file for file, _ in manifest.values()}
        for name in sorted(names - listed_files - {"mimetype", CONTAINER, package_path}):
            problems.append(f"{name} is not in the manifest")
        for name in sorted(listed_files - names):
            problems.append(f"{name} is in the manifest but missing")
        if not any("nav" in properties.split() for _, properties in manifest.values()):
            problems.append("no nav document")
        spine = [ref.get("idref") for ref in package.iter(f"{OPF}itemref")]
        if not spine or any(ref not in manifest for ref in spine):
            problems.append("an empty spine, or one naming what the manifest does not hold")
        documents = {
            file: etree.fromstring(archive.read(file), parser)
            for file in listed_files & names
            if file.endswith(".xhtml")
        }
        ids = {
            file: {str(node) for node in tree.xpath("//@id")} for file, tree in documents.items()
        }
        for file, tree in documents.items():
            for link in tree.iter(f"{XHTML}a"):
                href = link.get("href") or ""
                if not href or "://" in href or href.startswith("mailto:"):
                    continue
                target, _, fragment = href.partition("#")
                target = normpath(join(dirname(file), target)) if target else file
                if target not in documents:
                    problems.append(f"{file}: a link to {href}, a file the book does not hold")
                elif fragment and fragment not in ids[target]:
                    problems.append(f"{file}: a link to {href}, a place the book does not hold")
    return problems
