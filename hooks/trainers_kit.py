"""The trainers' kit (macros/kit/trainers_kit.py): a link to its sheet on each page that has one;
after the build, the short links' redirect pages and QR codes, then the sheets and booklets.

The sheets (WeasyPrint) and the offline copies (macros/kit/offline_copy.py) take seconds: `mkdocs
build` makes them, `mkdocs serve` does not, so that the edit loop stays fast; nor does a build
with MUTUALISER_KIT=0 (`make bench` times them on their own).
"""

from __future__ import annotations

import logging
import os
from datetime import date
from pathlib import Path

import _project  # noqa: F401  (the macros package)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from macros.kit.trainers_kit import (
    SheetTooLong,
    relative_address,
    sheet_address,
    sheet_links,
    write_kit,
    write_short_links,
)
from macros.render.templates import render
from macros.site.i18n import is_last_build, page_language, source_path
from macros.site_cache import site_data

log = logging.getLogger("mkdocs.hooks.trainers_kit")
_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_page_content(html: str, page: Page, config: MkDocsConfig, files) -> str:
    data = site_data(Path(config.config_file_path).parent)
    path = source_path(page)
    link = next((link for link in sheet_links(data) if link.page == path), None)
    if link is None:
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


@event_priority(-200)  # after mkdocs-static-i18n (-100) has run the other languages' builds
def on_post_build(config: MkDocsConfig) -> None:
    if not is_last_build(config):
        return
    data = site_data(Path(config.config_file_path).parent)
    site_dir, site_url = Path(config.site_dir), config.site_url or "/"
    write_short_links(data, site_dir, site_url, config.theme["favicon"])
    if _serving or os.environ.get("MUTUALISER_KIT") == "0":
        log.info("trainers' sheets and offline copies not made: `make build` makes them")
        return
    try:
        sheets, offline = write_kit(data, site_dir, site_url, config.extra["licence"], date.today())
    except SheetTooLong as error:
        raise PluginError(str(error)) from error
    log.info("trainers' kit: sheets and booklets %.1f s, offline copies %.1f s", sheets, offline)
