"""Each page's date of last change, its "cite this page" block and its citation metadata.

The dates are read once per language build, before anything is written: without the history
the build stops with a message that says how to get it (macros/publish/page_dates.py). The theme
(overrides/main.html) prints `page_metadata(page)` in <head> and `page_info(page)` after the
content, and the footer links `feed_url(language)`; macros/publish/page_citation.py renders them.
The sitemap dates each page by its last change too (`date_pages`). The footer also links the
accessibility statement and the legal notice (`footer_links(language)`, macros/render/trust.py).
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from macros.build.state import Build
from macros.model.changes import notes_about
from macros.model.reviews import review_state
from macros.publish.page_citation import FEED, metadata_html, page_citation, page_info_html
from macros.publish.page_dates import MissingHistory, page_day, read_for_build
from macros.publish.structured_data import page_json_ld, preview_image_url
from macros.render.trust import footer_links
from macros.site.i18n import DEFAULT_LANGUAGE, page_language, page_url
from macros.site.typography import apply_to_text


def read_dates(build: Build, config: MkDocsConfig) -> None:
    try:
        read_for_build(Path(config.docs_dir), build.site_data(config))
    except MissingHistory as error:
        raise PluginError(f"the pages' dates: {error}") from error


def french(page: Page, html: str) -> str:
    """The block is added by the theme, after macros/build/french_typography.py has seen the
    content."""
    return apply_to_text(html) if page_language(page) == "fr" else html


def date_pages(files: Files) -> None:
    """Each page's `update_date` is its last change, not the build's day: the sitemap's
    <lastmod>, which MkDocs writes before the pages, says when each page really changed."""
    for file in files.documentation_pages():
        if file.page is not None and (day := page_day(file.page)) is not None:
            file.page.update_date = day.isoformat()


def review_key(build: Build, page: Page) -> str:
    """What a page's reviews (data/reviews.yml) and change notes (data/changes.yml) are recorded
    under: its French file, or the data file it is generated from
    (macros/build/generated_pages.py)."""
    src_uri = page.file.src_uri
    source = build.data_files.get(src_uri, f"docs/{src_uri}")
    language = page_language(page)
    return source.replace(f"docs/{language}/", f"docs/{DEFAULT_LANGUAGE}/", 1)


def add_to_theme(build: Build, env: Environment, config: MkDocsConfig) -> None:
    data = build.site_data(config)
    words, site_name, site_url = data.words, config.site_name, config.site_url or "/"

    def page_metadata(page: Page) -> Markup:
        citation = page_citation(page, config)
        return metadata_html(
            citation,
            site_name,
            words,
            json_ld=page_json_ld(page, citation, data, site_url),
            image=preview_image_url(citation.language, site_url),
        )

    def page_info(page: Page) -> Markup:
        key = review_key(build, page)
        html = french(
            page,
            page_info_html(
                page_citation(page, config),
                words,
                review_state(data.reviews, key),
                history=notes_about(data.changes, key),
                retired=data.life_cycle_of(key) is not None,
            ),
        )
        return Markup(html)  # rendered by autoescaped templates; French spacing added to it

    env.globals.update(
        page_metadata=page_metadata,
        page_info=page_info,
        feed_url=lambda language: page_url(FEED, language, config.site_url or "/"),
        footer_links=lambda language: footer_links(data, language),
    )
