"""Search: one Pagefind index per language, fetched only when a reader starts a search.

Material's search fetches its whole index (1.7 MB at 1000 case studies) on every first visit
and stems without folding accents; Pagefind splits its index into small chunks that the
browser fetches word by word, stems French and English, ignores accents and case, and keeps
one index per `<html lang>`, so a reader only ever gets pages of their language
(notes/search.md compares the two). Material's search plugin stays for its header box only:
this hook takes away its reading of every page and its index (13 % of a build at 1000 case
studies). Once the last language is built, it:

- indexes every page's article (`data-pagefind-body`, overrides/main.html), so the header,
  navigation and footer stay out of the results;
- adds each glossary term as a record of its own that lands on the term (`glossaire/#id`): the
  glossary page marks its list `data-pagefind-ignore`, so a term is found once, as itself;
- writes each language's words for suggestions (`pagefind/words.<language>.json`): the glossary's
  terms and the words of the pages' titles and headings, gathered as each page is built. When a
  query finds little, search.js offers the closest of them ("mutualsation": "mutualisation").

Interface words inside the article are marked `data-pagefind-ignore` where they are made: the
page actions (overrides/partials/actions.html), heading permalinks (permalink_titles.py), the
sheet link and translation notices (their templates).

overrides/assets/javascripts/search.js puts the results in Material's search box.
"""

from __future__ import annotations

import asyncio
import html
import json
import re
import shutil
import types
from concurrent.futures import ThreadPoolExecutor
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

import pagefind.service
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from pagefind.index import IndexConfig
from pagefind.service import PagefindService

from macros.build.state import Build
from macros.model.records import SiteData
from macros.site.i18n import DEFAULT_LANGUAGE, LANGUAGES, build_language, page_language, page_url
from macros.site.paths import GLOSSARY_PAGE, SEARCH_FOLDER, search_words_file


async def _next_turn(delay: float, result: object = None) -> object:
    return await asyncio.sleep(0, result)


async def _with_room(*arguments: Any, **options: Any) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(*arguments, **{**options, "limit": 2**30})


# Pagefind's Python service sleeps 0.1 s before reading each reply of its binary (Pagefind issue
# #976): the glossary's 94 records cost 10 s a build. Its reads wait for the reply anyway, so in
# its module, and there only, a sleep just yields to the event loop. And the whole index comes
# back in one reply (see _index), which must fit the reader's buffer: 2 MiB by default, about
# 1,500 pages; 1 GiB here, a bound and not an allocation.
# (mypy expects a module there: a namespace with the module's names serves Pagefind as well.)
pagefind.service.asyncio = types.SimpleNamespace(  # type: ignore[assignment]
    **{**vars(asyncio), "sleep": _next_turn, "create_subprocess_exec": _with_room}
)

# Pagefind's ready-made interfaces: we answer in Material's box with its JavaScript API instead.
UNUSED = (
    "pagefind-ui.*",
    "pagefind-component-ui.*",
    "pagefind-modular-ui.*",
    "pagefind-highlight.js",
)


def keep_material_quiet(build: Build, config: MkDocsConfig) -> None:
    """Run again by each language's build."""
    material_search = config.plugins["material/search"]  # its header partial asks for it
    # Its reading of every page, and its index, which no page asks for
    for event in ("page_context", "post_build"):
        handlers = config.plugins.events[event]
        handlers[:] = [
            step for step in handlers if getattr(step, "__self__", None) is not material_search
        ]


# A word worth suggesting: four letters or more, inner hyphens kept ("l'usager" gives "usager")
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
SHORTEST_WORD = 4


def start(build: Build, config: MkDocsConfig) -> None:
    if build_language(config) == DEFAULT_LANGUAGE:  # the first build: the others nest in it
        build.search_words.clear()


def gather(build: Build, page: Page, config: MkDocsConfig) -> None:
    """The words of the page's title and headings, for suggestions."""
    language = page_language(page)
    if language != build_language(config):
        return  # a fallback page in the other language's build
    titles = [page.title or ""]
    stack = list(page.toc)
    while stack:
        heading = stack.pop()
        titles.append(html.unescape(heading.title))
        stack.extend(heading.children)
    build.search_words.setdefault(language, {})[page.file.src_uri] = {
        word.lower()
        for title in titles
        for word in WORD.findall(title)
        if len(word) >= SHORTEST_WORD
    }


def suggestion_words(build: Build, config: MkDocsConfig, language: str) -> list[str]:
    """The language's words and glossary terms, sorted: what a misspelt query is compared with."""
    words = set().union(*build.search_words.get(language, {}).values())
    for term in build.site_data(config).glossary.values():
        words.add(term.term[language].lower())
        if term.expansion:
            words.add(term.expansion[language].lower())
    return sorted(words)


def write(build: Build, config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    # mkdocs-static-i18n writes Material's index itself, after the last language (empty now)
    shutil.rmtree(site / "search", ignore_errors=True)
    write_index(site, glossary_records(build.site_data(config)))
    for language in LANGUAGES:  # what a misspelt query is compared with (search.js)
        words = json.dumps(suggestion_words(build, config, language), ensure_ascii=False)
        (site / search_words_file(language)).write_text(words, encoding="utf-8")


def glossary_records(data: SiteData) -> list[dict[str, Any]]:
    return [
        {
            "url": "/" + page_url(GLOSSARY_PAGE, language) + "#" + term.id,
            "content": " ".join(
                text
                for text in (
                    term.term[language],
                    term.expansion[language] if term.expansion else "",
                    term.definition[language],
                )
                if text
            ),
            "language": language,
            "meta": {"title": term.term[language]},
        }
        for language in LANGUAGES
        for term in data.glossary.values()
    ]


def write_index(site: Path, records: list[dict[str, Any]]) -> None:
    """Index the pages of `site` and `records` into site/pagefind/."""
    # Pagefind's Python API is async; in a thread of its own, it runs even where an event loop
    # already runs (Playwright's, in the tests that build the site).
    with ThreadPoolExecutor(max_workers=1) as thread:
        files = thread.submit(asyncio.run, _index(site, records)).result()
    folder = site / SEARCH_FOLDER
    shutil.rmtree(folder, ignore_errors=True)  # make serve builds over the last site
    for file in files:
        path = folder / file["path"]
        if any(fnmatch(path.name, pattern) for pattern in UNUSED):
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(file["content"])  # whole, and closed, before the build goes on


async def _index(site: Path, glossary: list[dict[str, Any]]) -> list[Any]:
    """Every file of the index, in memory. Pagefind's own `write_files` answers before its
    writes reach the disk (its binary hands each file to a background thread and never waits
    for it), and the service is then stopped: under load, a file could be left empty, most
    often pagefind-entry.json, the last written, and every search failed (about 1 build in 40).
    Here its service writes nothing; this step writes the files (`write`)."""
    async with PagefindService() as service:  # stopped on leaving, once every reply is in
        index = await service.create_index(IndexConfig())
        added = await index.add_directory(str(site), glob="**/*.html")
        if not added.get("page_count"):
            raise PluginError(f"search: Pagefind found no page to index in {site}")
        for record in glossary:
            await index.add_custom_record(**record)
        return await index.get_files()
