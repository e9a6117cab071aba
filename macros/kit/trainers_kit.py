"""The trainers' kit: short links (a redirect page and a QR code each, in both languages) and
one-page printable sheets (A4 PDF) made from the built step pages, with a booklet per language.

Addresses here are relative to the site root, from macros/site/i18n.py's `page_url`:

    short_address(link, "en")  -> "en/e/4/"       (its redirect page; its QR code is qr.svg there)
    sheet_address(link, "en")  -> "kit/en/e-4.pdf"
"""

from __future__ import annotations

import posixpath
import time
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import segno
from bs4 import BeautifulSoup, Tag
from markupsafe import Markup
from mkdocs.utils.meta import get_data

from macros.kit.offline_copy import offline_address, write_offline_copies
from macros.model.records import ShortLink, SiteData
from macros.render.context import PageContext
from macros.render.templates import render
from macros.site.i18n import LANGUAGES, page_url
from macros.site.paths import KIT_FOLDER
from macros.site.text import first_sentence

ADAPTED_WORK = "boussou-2014"  # the work this guide adapts (LICENSE-CONTENT.md): credited on paper
QR_FILE = "qr.svg"


def short_address(link: ShortLink, language: str) -> str:
    return page_url(f"{link.short}.md", language)


def qr_address(link: ShortLink, language: str) -> str:
    return short_address(link, language) + QR_FILE


def sheet_address(link: ShortLink, language: str) -> str:
    return f"{KIT_FOLDER}/{language}/{link.short.replace('/', '-')}.pdf"


def booklet_address(language: str) -> str:
    return f"{KIT_FOLDER}/{language}/mutualiser-{language}.pdf"


def sheet_links(data: SiteData) -> list[ShortLink]:
    return [link for link in data.short_links if link.sheet]


def relative_address(target: str, from_page: str) -> str:
    """`target` as seen from the page at `from_page` (both relative to the site root)."""
    relative = posixpath.relpath(target or ".", from_page or ".")
    return relative + "/" if target.endswith("/") and relative != "." else relative


@cache  # the kit page, the redirect pages and the sheets draw the same few codes again
def qr_code(url: str) -> segno.QRCode:
    return segno.make(url, error="m", micro=False)


def qr_inline(url: str, name: str) -> Markup:
    """The QR code of `url` as inline SVG, named for screen readers: drawn in the page, it costs
    no request (the page budget), and scales with CSS (a viewBox, no fixed size)."""
    svg = qr_code(url).svg_inline(scale=4, border=4, omitsize=True, title=name, svgclass="kit-qr")
    return Markup(svg.replace("<svg ", '<svg role="img" ', 1))


# --- Short links -------------------------------------------------------------------------------


def write_short_links(data: SiteData, site_dir: Path, site_url: str, favicon: str) -> None:
    """A redirect page and a QR code for every short link, in every language. `favicon`: the
    theme's, relative to the site root (without it the browser asks for /favicon.ico)."""
    for link in data.short_links:
        for language in LANGUAGES:
            short = short_address(link, language)
            folder = site_dir / short
            folder.mkdir(parents=True, exist_ok=True)
            target = page_url(link.page, language)
            page = render(
                "short_link.html",
                language=language,
                ui=data.ui(language),
                target=relative_address(target, short),
                canonical=page_url(link.page, language, site_url),
                favicon=relative_address(favicon, short),
            )
            (folder / "index.html").write_text(page + "\n", encoding="utf-8")
            published = site_url.rstrip("/") + "/" + short
            qr_code(published).save(
                str(folder / QR_FILE), kind="svg", scale=4, border=4, xmldecl=False, svgns=True
            )


# --- Sheets -----------------------------------------------------------------------------------


@dataclass
class Sheet:
    """What one sheet prints, read from the built page."""

    title: str
    purpose: str
    actions: list[tuple[str, str]]  # (lead, detail): an action, or a factor and what it means
    checklist: list[str]
    pitfall: str | None
    address: str  # the short link's published address, printed and in the QR code
    page_address: str  # the page's own published address


def read_sheet(page_html: str, address: str, page_address: str) -> Sheet:
    """The sheet of a built page: a guide step ("what to do", "checklist", "pitfalls" sections)
    or the success factors (one section per factor, a self-assessment table)."""
    soup = BeautifulSoup(page_html, "html.parser")
    article = soup.select_one("article") or soup
    title = _text(article.h1)
    description = soup.find("meta", attrs={"name": "description"})
    purpose = description["content"] if description else ""
    what_to_do = _section(article, "what-to-do")
    if what_to_do:  # a guide step: the bold lead of each numbered action
        actions = [(_text(item.strong or item), "") for item in _items(what_to_do, "ol")]
    else:  # the success factors: each factor's name and first sentence
        actions = []
        for heading in article.find_all("h2", id=True):
            paragraph = heading.find_next_sibling("p")
            if heading["id"] != "self-assessment" and paragraph:
                actions.append((_text(heading), first_sentence(_text(paragraph))))
    checklist_section = _section(article, "checklist")
    if checklist_section:
        checklist = [_text(item) for item in _items(checklist_section, "ul")]
    else:
        table = _first(_section(article, "self-assessment") or [], "table")
        checklist = (
            [_text(row.find_all("td")[-1]) for row in table.select("tbody tr")] if table else []
        )
    pitfalls = _section(article, "pitfalls")
    pitfall_items = _items(pitfalls, "ul") if pitfalls else []
    return Sheet(
        title=title,
        purpose=purpose,
        actions=actions,
        checklist=checklist,
        pitfall=_text(pitfall_items[0]) if pitfall_items else None,
        address=address,
        page_address=page_address,
    )


def _text(node) -> str:
    """The visible text of a node, without heading permalinks ("¶") or footnote marks."""
    for anchor in node.select("a.headerlink, sup"):
        anchor.decompose()
    return " ".join(node.get_text(" ").split()).replace(" ,", ",").replace(" .", ".")


def _section(article: Tag, heading_id: str) -> list | None:
    """The nodes after the h2 with `heading_id`, up to the next h2."""
    heading = article.find("h2", id=heading_id)
    if heading is None:
        return None
    nodes = []
    for node in heading.next_siblings:
        if isinstance(node, Tag) and node.name == "h2":
            break
        nodes.append(node)
    return nodes


def _first(nodes: list, tag: str) -> Tag | None:
    """The first element named `tag` among `nodes` or inside them."""
    for node in nodes:
        if isinstance(node, Tag):
            found = node if node.name == tag else node.find(tag)
            if found:
                return found
    return None


def _items(nodes: list, list_tag: str) -> list[Tag]:
    """The items of the first list of `list_tag` among `nodes`."""
    found = _first(nodes, list_tag)
    return found.find_all("li", recursive=False) if found else []


def sheet_html(data: SiteData, sheets: list[Sheet], language: str, licence: dict, built: date):
    """The HTML WeasyPrint prints: one A4 page per sheet."""
    with_qr = [(sheet, qr_code(sheet.address).svg_data_uri(scale=4, border=2)) for sheet in sheets]
    return render(
        "sheet.html",
        language=language,
        ui=data.ui(language),
        sheets=with_qr,
        licence=licence,
        adapted=data.sources[ADAPTED_WORK],
        built=built.isoformat(),
    )


class SheetTooLong(Exception):
    pass


def write_kit(
    data: SiteData, site_dir: Path, site_url: str, licence: dict, built: date
) -> tuple[float, float]:
    """The sheets and booklets, then the offline copies (last: they hold the sheets), into the
    built site; the seconds each took (the build's log and `make bench` report them)."""
    started = time.perf_counter()
    write_sheets(data, site_dir, site_url, licence, built)
    sheets_done = time.perf_counter()
    write_offline_copies(data, site_dir, site_url)
    return sheets_done - started, time.perf_counter() - sheets_done


def write_sheets(data: SiteData, site_dir: Path, site_url: str, licence: dict, built: date):
    """Every sheet in every language as a one-page PDF, and a booklet per language gathering
    them. Raises SheetTooLong if a sheet needs more than one page: it would be cut on paper."""
    from weasyprint import HTML  # imported here: only builds that make sheets need Pango

    links = sheet_links(data)
    for language in LANGUAGES:
        sheets = [
            read_sheet(
                (site_dir / page_url(link.page, language) / "index.html").read_text("utf-8"),
                address=site_url.rstrip("/") + "/" + short_address(link, language),
                page_address=page_url(link.page, language, site_url),
            )
            for link in links
        ]
        # One rendering per language (each sheet starts a page), split into one file per sheet.
        booklet = HTML(string=sheet_html(data, sheets, language, licence, built)).render()
        if len(booklet.pages) != len(sheets):
            for link, sheet in zip(links, sheets, strict=True):
                alone = HTML(string=sheet_html(data, [sheet], language, licence, built)).render()
                if len(alone.pages) > 1:
                    raise SheetTooLong(
                        f"the {language} sheet of {link.page} needs {len(alone.pages)} pages: "
                        "shorten its key actions, checklist or first pitfall, or the sheet's styles"
                    )
        for link, page in zip(links, booklet.pages, strict=True):
            path = site_dir / sheet_address(link, language)
            path.parent.mkdir(parents=True, exist_ok=True)
            booklet.copy([page]).write_pdf(path)
        booklet.write_pdf(site_dir / booklet_address(language))


# --- The kit page ------------------------------------------------------------------------------


def page_title(docs_dir: Path, language: str, path: str) -> str:
    """A page's title, from its front matter (the same text as its heading)."""
    text = (docs_dir / language / path).read_text(encoding="utf-8")
    return get_data(text)[1]["title"]


def kit_page(data: SiteData, page: PageContext, part: str, docs_dir: Path) -> str:
    """A part of the trainers' kit page: "sheets", "short-links" or "offline"."""
    if part not in KIT_PARTS:
        raise KeyError(f"unknown part {part!r} of the kit page (one of: {', '.join(KIT_PARTS)})")
    language = page.language

    def here(address: str) -> str:
        return relative_address(address, page.url)

    links = [
        {
            "title": page_title(docs_dir, language, link.page),
            "page": page.link(link.page),
            "short": page.site_url + short_address(link, language),
            "short_here": here(short_address(link, language)),
            "qr": here(qr_address(link, language)),
            "qr_inline": qr_inline(
                page.site_url + short_address(link, language),
                page.ui["kit.qr_alt"].format(url=page.site_url + short_address(link, language)),
            ),
            "sheet": here(sheet_address(link, language)) if link.sheet else None,
        }
        for link in data.short_links
    ]
    return render(
        f"kit_{part.replace('-', '_')}.html",
        ui=page.ui,
        links=links,
        booklet=here(booklet_address(language)),
        offline=[
            (other, here(offline_address(other)), data.words["kit.offline.language"][other])
            for other in LANGUAGES
        ],
    )


KIT_PARTS = ("sheets", "short-links", "offline")
