"""The build, in order: the one hook MkDocs runs (mkdocs.yml `hooks:`).

Each event below calls its steps in the order listed; each step is a function of its own module
in macros/build/, and gets the build's state (`BUILD`) rather than keeping its own. Plugins run
around these steps: mkdocs-macros renders the pages' macros (page_markdown, priority 0) and
mkdocs-static-i18n runs the English build inside the French one's post_build (priority -100),
so the whole-site outputs are written once, after the last language.

    config        the data folder opened for the build; refuse symbolic links; quiet Material's
                  search; read the pages' dates; start the feeds and search's suggestion words
    pre_build     words worked out once: permalink titles, glossary definitions
    files         the pages generated from data/ (one per record and language), and their files
    env           template globals: languages and words, the CSP, translation states and the
                  navigation's status tooltips, citations;
                  each page's last change as its sitemap date
    pre_page      a generated page's Markdown
    page_markdown ids in macros checked, titles escaped (before macros); translation status and
                  archived or superseded status (navigation marks);
                  glossary tooltips (after macros)
    page_content  permalink titles, French typography, checklists, translation notices, the
                  trainers' sheet link, the archived or superseded notice
    page_context  "edit" and "report" addresses; the page's feed entry and suggestion words
    post_build    after the last language, the whole-site outputs of WHOLE_SITE, in that order
                  (their folders are declared in macros/site/outputs.py), the last of which
                  reads them all back (integrity): a broken output fails the build
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

# MkDocs loads a hook as a lone file with only hooks/ on the import path: the project's root is
# put there once, here, so that the macros package can be imported.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from macros import site_cache
from macros.build import (
    bibliography_files,
    case_listing_cards,
    checklists,
    content_security_policy,
    contribute_links,
    feeds,
    french_typography,
    generated_pages,
    glossary_abbreviations,
    integrity,
    life_cycle_notices,
    macro_ids,
    no_symbolic_links,
    open_data,
    page_citations,
    page_titles,
    permalink_titles,
    search_index,
    site_languages,
    trainers_kit,
    translation_notices,
    translation_status_file,
)
from macros.build.state import Build
from macros.site.i18n import is_last_build


@dataclass(frozen=True)
class Step:
    """A whole-site output, written once after the last language's build."""

    write: Callable[[Build, MkDocsConfig], None]
    writes: str  # what it writes under site/, for the reader
    quick: bool = False  # also in make serve's quicker rebuild (tools/serve.py)


WHOLE_SITE: tuple[Step, ...] = (
    Step(search_index.write, "pagefind/: each language's search index (and removes search/)"),
    Step(
        open_data.write,
        "donnees/: each kind's records and the glossary as JSON and CSV with their schemas, "
        "the data packages, the glossary in SKOS, the DCAT catalogue",
    ),
    Step(case_listing_cards.write, "cas/cards.json, en/cas/cards.json", quick=True),
    Step(
        translation_status_file.write,
        "traductions/translations.csv, en/traductions/translations.csv",
        quick=True,
    ),
    Step(feeds.write, "feed.xml, en/feed.xml"),
    Step(bibliography_files.write, "donnees/sources.ris, donnees/sources.bib"),
    Step(trainers_kit.write, "e/4/ and the like (short links, QR codes); kit/: sheets, zips"),
    Step(integrity.check, "nothing: reads every output back, and fails the build if one is broken"),
)

BUILD = Build()


def on_startup(*, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    BUILD.serving = command == "serve"


@event_priority(100)  # before mkdocs-macros' on_config (0), which loads the data
def _open_data_folder(config: MkDocsConfig) -> MkDocsConfig:
    site_cache.build_started()
    BUILD.data = None  # each language's build asks again (the same data within a build)
    return config


def _prepare(config: MkDocsConfig) -> MkDocsConfig:
    no_symbolic_links.refuse(BUILD, config)
    search_index.keep_material_quiet(BUILD, config)
    page_citations.read_dates(BUILD, config)
    feeds.start(BUILD, config)
    search_index.start(BUILD, config)
    trainers_kit.tell_pages(BUILD, config)
    return config


on_config = CombinedEvent(_open_data_folder, _prepare)


def on_pre_build(config: MkDocsConfig) -> None:
    permalink_titles.prepare(BUILD, config)
    glossary_abbreviations.prepare(BUILD, config)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    generated_pages.add(BUILD, files, config)
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    site_languages.add_to_theme(BUILD, env, config)
    content_security_policy.add_to_theme(BUILD, env, config)
    translation_notices.add_to_theme(BUILD, env, config)
    life_cycle_notices.add_to_theme(BUILD, env, config)
    page_citations.add_to_theme(BUILD, env, config)
    page_citations.date_pages(files)  # before MkDocs writes sitemap.xml
    return env


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    generated_pages.give_source(BUILD, page, config)
    return page


@event_priority(100)  # before mkdocs-macros renders the page (0)
def _before_macros(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    markdown = macro_ids.check(BUILD, markdown, page, config)
    return page_titles.escape(BUILD, markdown, page, config)


def _with_macros(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    markdown = translation_notices.mark_status(BUILD, markdown, page, config)
    return life_cycle_notices.mark_status(BUILD, markdown, page, config)


@event_priority(-50)  # after mkdocs-macros (0): a macro's output gets the tooltips too
def _after_macros(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return glossary_abbreviations.add(BUILD, markdown, page, config)


on_page_markdown = CombinedEvent(_before_macros, _with_macros, _after_macros)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    for step in (
        permalink_titles.set_titles,
        french_typography.space_french,
        checklists.name_and_clear,
        translation_notices.add_notice,
        trainers_kit.add_sheet_link,
        life_cycle_notices.add_notice,  # after the sheet link's: right under the title
    ):
        html = step(BUILD, html, page, config)
    return html


def on_page_context(
    context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext:
    contribute_links.set_addresses(BUILD, page, config)
    feeds.gather(BUILD, page, config)
    search_index.gather(BUILD, page, config)
    return context


@event_priority(-200)  # after mkdocs-static-i18n (-100) has run the other languages' builds
def _write_whole_site(config: MkDocsConfig) -> None:
    if not is_last_build(config):
        return
    for step in WHOLE_SITE:
        if step.quick or not BUILD.quick:
            step.write(BUILD, config)


@event_priority(-1000)  # after every other post-build step, mkdocs-static-i18n's included
def _close_data_folder(config: MkDocsConfig) -> None:
    if is_last_build(config):
        site_cache.build_ended()


on_post_build = CombinedEvent(_write_whole_site, _close_data_folder)


def on_build_error(error: Exception) -> None:
    site_cache.build_ended()


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[[], None]) -> None:
    server.watch(str(Path(config.config_file_path).parent / "data"))  # rebuild on data edits
