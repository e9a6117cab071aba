"""Readers see how a translation stands, in their language (macros/contribute/translations.py says
which).

In a build other than French: a translated page whose French original changed since it was last
checked opens with a notice linking to the French, and so does one never checked (a case study
from the issue form, whose English the converter copied from the French for a translator to
write); a page that exists only in French is served with `lang` of its own language on its
content, a notice that it is not translated yet, and a mark in the navigation (Material's page
status, worded from data/interface.yml).
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from macros.build.state import Build
from macros.contribute.translations import OUTDATED, UNCHECKED, by_page, translations
from macros.render.templates import render
from macros.site.escaping import html_attribute
from macros.site.i18n import (
    DEFAULT_LANGUAGE,
    TRANSLATIONS,
    build_language,
    page_language,
    page_url,
    source_path,
)

UNTRANSLATED = "untranslated"  # Material page status of a page served in French only


def add_to_theme(build: Build, env: Environment, config: MkDocsConfig) -> None:
    project = Path(config.config_file_path).parent
    data = build.site_data(config)
    # For every language: a build reads its pages before its own env event, with what the
    # previous language's build left here.
    found = translations(project, data)
    build.translated_pages = {language: by_page(found, language) for language in TRANSLATIONS}
    language = build_language(config)
    # The navigation's tooltips for the page statuses set below; Material prints them unescaped
    # in a title attribute (notes/security.md).
    config.extra["status"] = {
        UNTRANSLATED: str(html_attribute(data.words["translation.status.untranslated"][language])),
        OUTDATED: str(html_attribute(data.words["translation.status.outdated"][language])),
    }


def _status(build: Build, page: Page, config: MkDocsConfig) -> str | None:
    """Why this page needs a notice in this build: untranslated, outdated, unchecked, or None."""
    language = build_language(config)
    if language == DEFAULT_LANGUAGE:
        return None
    if page_language(page) != language:
        return UNTRANSLATED
    translation = build.translated_pages.get(language, {}).get(source_path(page))
    state = translation.state if translation else None
    return state if state in (OUTDATED, UNCHECKED) else None


def mark_status(build: Build, markdown: str, page: Page, config: MkDocsConfig) -> str:
    status = _status(build, page, config)
    if status in (UNTRANSLATED, OUTDATED):  # read by the navigation, rendered after all pages
        page.meta["status"] = status
    return markdown


def add_notice(build: Build, html: str, page: Page, config: MkDocsConfig) -> str:
    status = _status(build, page, config)
    if status is None:
        return html
    path = source_path(page)
    translation = build.translated_pages.get(build_language(config), {}).get(path)
    data = build.site_data(config)
    return render(
        "translation_notice.html",
        state="missing" if status == UNTRANSLATED else status,
        ui=data.ui(build_language(config)),
        content=Markup(html),
        source_language=DEFAULT_LANGUAGE,
        source_url=get_relative_url(page_url(path, DEFAULT_LANGUAGE), page.url),
        checked=translation.check.checked if translation and translation.check else "",
    )
