"""Short links: a redirect page and a QR code each, in every language (data/short-links.yml).

short_address(link, "en")  -> "en/e/4/"       (its redirect page; its QR code is qr.svg there)
"""

from __future__ import annotations

import posixpath
from functools import cache
from pathlib import Path

import segno
from markupsafe import Markup

from macros.model.records import ShortLink, SiteData
from macros.render.templates import render
from macros.site.i18n import LANGUAGES, page_url

QR_FILE = "qr.svg"


def short_address(link: ShortLink, language: str) -> str:
    return page_url(f"{link.short}.md", language)


def qr_address(link: ShortLink, language: str) -> str:
    return short_address(link, language) + QR_FILE


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
