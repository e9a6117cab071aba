"""The trainers' kit (macros/kit/trainers_kit.py): a link to its sheet on each page that has one;
after the build, the short links' redirect pages and QR codes, then the sheets and booklets, and
the whole guide as a book per language (PDF and EPUB).

The sheets and books (WeasyPrint) and the offline copies (macros/kit/offline_copy.py) take
seconds: `mkdocs build` makes them, `mkdocs serve` does not, so that the edit loop stays fast;
nor does a build with MUTUALISER_KIT=0 (`make bench` times them on their own).
"""

from __future__ import annotations

import logging
import os
from datetime import date
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from macros.build.state import Build
from macros.kit.sheets import SheetTooLong, sheet_address, sheet_links
from macros.kit.short_links import relative_address, write_short_links
from macros.kit.trainers_kit import write_kit
from macros.render.templates import render
from macros.site.i18n import page_language, source_path

log = logging.getLogger("mkdocs.hooks.trainers_kit")


def add_sheet_link(build: Build, html: str, page: Page, config: MkDocsConfig) -> str:
    """A link to the page's sheet, relative to the page so that it works wherever the site is
    served (a sub-path, the offline copy); none in a build that makes no sheets (`make serve`,
    MUTUALISER_KIT=0), where it could only lead to a missing file."""
    data = build.site_data(config)
    path = source_path(page)
    link = next((link for link in sheet_links(data) if link.page == path), None)
    if link is None or not kit_made(build):
        return html
    language = page_language(page)
    sheet_link = render(
        "sheet_link.html",
        ui=data.ui(language),
        href=relative_address(sheet_address(link, language), page.url),
    )
    heading_end = html.find("</h1>")  # the link comes right after the title
    if heading_end < 0:
        return sheet_link + "\n" + html
    at = heading_end + len("</h1>")
    return html[:at] + "\n" + sheet_link + html[at:]


def kit_made(build: Build) -> bool:
    """Whether this build makes the sheets and offline copies."""
    return not build.serving and os.environ.get("MUTUALISER_KIT") != "0"


def tell_pages(build: Build, config: MkDocsConfig) -> None:
    """The kit page's macros offer the sheets, books and copies only where they are made."""
    config.extra["kit_made"] = kit_made(build)


def write(build: Build, config: MkDocsConfig) -> None:
    data = build.site_data(config)
    site_dir, site_url = Path(config.site_dir), config.site_url or "/"
    write_short_links(data, site_dir, site_url, config.theme["favicon"])
    if not kit_made(build):
        log.info("trainers' sheets and offline copies not made: `make build` makes them")
        return
    cache = kit_cache(config)
    try:
        seconds, reused = write_kit(
            data, site_dir, site_url, config.nav or [], config.extra["licence"], date.today(), cache
        )
    except SheetTooLong as error:
        raise PluginError(str(error)) from error
    log.info(
        "trainers' kit: sheets and booklets %.1f s, books %.1f s, offline copies %.1f s",
        seconds["sheets"],
        seconds["books"],
        seconds["offline"],
    )
    for what, languages in reused.items():
        if languages:
            log.info(
                "trainers' kit: %s %s unchanged, reused from %s", ", ".join(languages), what, cache
            )


def kit_cache(config: MkDocsConfig) -> Path | None:
    """Where the sheets are kept between builds, keyed by what they print: .cache/kit/ beside
    mkdocs.yml (git ignores it; CI restores it), none with MUTUALISER_CACHE=off."""
    if os.environ.get("MUTUALISER_CACHE") == "off":
        return None
    return Path(config.config_file_path).parent / ".cache" / "kit"
