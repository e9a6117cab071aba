"""An archived or superseded page or record opens with a notice, in the reader's language: what
became of it and a link to what replaces it, in the same language (macros/model/life_cycle.py
says which; data/life-cycle.yml for pages, a record's `life_cycle` field). The page itself is
built as before: its address keeps working, and the sitemap keeps it. A page left in the
navigation is marked there with Material's "deprecated" status, its tooltip in the reader's
language.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from macros.build.page_citations import review_key
from macros.build.state import Build
from macros.publish.whats_new import page_of, title_of
from macros.render.record_nav import Link
from macros.render.templates import render
from macros.site.escaping import html_attribute
from macros.site.i18n import build_language, page_url
from macros.site.typography import apply_to_text

RETIRED = "deprecated"  # Material's page status with an icon of its own


def add_to_theme(build: Build, env: Environment, config: MkDocsConfig) -> None:
    """The navigation's tooltip for the status below (after translation_notices.add_to_theme has
    set the others); Material prints it unescaped in a title attribute (notes/security.md)."""
    word = build.site_data(config).words["life_cycle.status"][build_language(config)]
    config.extra["status"][RETIRED] = str(html_attribute(word))


def mark_status(build: Build, markdown: str, page: Page, config: MkDocsConfig) -> str:
    """Read by the navigation of every page; over a translation's status, which matters less on a
    page no longer kept up to date."""
    if build.site_data(config).life_cycle_of(review_key(build, page)) is not None:
        page.meta["status"] = RETIRED
    return markdown


def add_notice(build: Build, html: str, page: Page, config: MkDocsConfig) -> str:
    data = build.site_data(config)
    life_cycle = data.life_cycle_of(review_key(build, page))
    if life_cycle is None:
        return html
    language = build_language(config)  # a French-only page served in English: English words
    replacement = None
    if life_cycle.by:
        replacement = Link(
            title_of(life_cycle.by, data, Path(config.docs_dir), language),
            get_relative_url(page_url(page_of(life_cycle.by), language), page.url),
        )
    notice = render(
        "life_cycle_notice.html",
        state=life_cycle.state,
        replacement=replacement,
        language=language,
        ui=data.ui(language),
    )
    # after macros/build/french_typography.py has seen the content: its spaces, here too
    notice = apply_to_text(notice) if language == "fr" else notice
    heading_end = html.find("</h1>")  # the first thing read after the title
    at = heading_end + len("</h1>") if heading_end >= 0 else 0
    return html[:at] + "\n" + notice + "\n" + html[at:]
