"""The trainers' kit: short links (macros/kit/short_links.py), one-page sheets and booklets
(macros/kit/sheets.py), the whole guide as a book (macros/kit/book.py), then the offline copies
(macros/kit/offline_copy.py), and the kit page that offers them all.

Addresses here are relative to the site root, from macros/site/i18n.py's `page_url`.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from mkdocs.utils.meta import get_data

from macros.kit.book import FORMATS, book_address, write_books
from macros.kit.offline_copy import offline_address, write_offline_copies
from macros.kit.sheets import booklet_address, sheet_address, write_sheets
from macros.kit.short_links import qr_address, qr_inline, relative_address, short_address
from macros.model.records import SiteData
from macros.render.context import PageContext
from macros.render.templates import render
from macros.site.i18n import LANGUAGES
from macros.site.text import read_page


def write_kit(
    data: SiteData,
    site_dir: Path,
    site_url: str,
    nav: list,
    licence: dict,
    built: date,
    cache: Path | None = None,
) -> tuple[dict[str, float], dict[str, list[str]]]:
    """The sheets and booklets, the books (each from `cache` where it holds them), then the
    offline copies (last: they hold the others), into the built site with the navigation `nav`
    (mkdocs.yml's); the seconds each took (the build's log and `make bench` report them) and the
    languages whose sheets and books came from the cache."""
    seconds, reused = {}, {}
    started = time.perf_counter()
    reused["sheets"] = write_sheets(data, site_dir, site_url, licence, built, cache)
    seconds["sheets"], started = time.perf_counter() - started, time.perf_counter()
    reused["books"] = write_books(data, site_dir, site_url, nav, licence, built, cache)
    seconds["books"], started = time.perf_counter() - started, time.perf_counter()
    write_offline_copies(data, site_dir, site_url)
    seconds["offline"] = time.perf_counter() - started
    return seconds, reused


# --- The kit page ------------------------------------------------------------------------------


def page_title(docs_dir: Path, language: str, path: str) -> str:
    """A page's title, from its front matter (the same text as its heading)."""
    text = read_page(docs_dir / language / path)
    return get_data(text)[1]["title"]


def kit_page(data: SiteData, page: PageContext, part: str, docs_dir: Path, made: bool) -> str:
    """A part of the trainers' kit page: "sheets", "book", "short-links" or "offline" (the home
    page offers the book too). In a build that does not make the files (`made` false: make
    serve), the parts that offer them say so instead of linking to nothing."""
    if part not in KIT_PARTS:
        raise KeyError(f"unknown part {part!r} of the kit page (one of: {', '.join(KIT_PARTS)})")
    if not made and part in MADE_BY_BUILD:
        return render("kit_not_made.html", ui=page.ui)
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
        books={kind: here(book_address(language, kind)) for kind in FORMATS},
        offline=[
            (other, here(offline_address(other)), data.words["kit.offline.language"][other])
            for other in LANGUAGES
        ],
    )


KIT_PARTS = ("sheets", "book", "short-links", "offline")
MADE_BY_BUILD = ("sheets", "book", "offline")  # the short links are made by every build
