"""What mkdocs-static-i18n leaves to us: one search index per language, one 404 page, and the
title of heading permalinks (a global Markdown setting) in the page's language.

By default the build writes a single search/search_index.json holding both languages, which
every page loads, so an English reader gets French hits. After the last language is built we
split it: search/search_index.json keeps the default language, <lang>/search/search_index.json
holds each other language with its own stemmer. overrides/main.html points each page at its
language's index.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

INDEX = Path("search") / "search_index.json"
# mkdocs.yml sets toc.permalink_title to the English text; other languages get theirs here.
PERMALINK_TITLE = {"en": "Permanent link", "fr": "Lien permanent"}
HEADERLINK_TITLE = re.compile(r'(<a class="headerlink" href="#[^"]*" title=)"Permanent link"')


def _languages(config: MkDocsConfig) -> tuple[str, list[str]]:
    i18n = config.plugins["i18n"]
    others = [lang.locale for lang in i18n.config.languages if lang.locale != i18n.default_language]
    return i18n.default_language, others


def on_env(env, config: MkDocsConfig, files):
    # GitHub Pages serves one /404.html for the whole site: only the default language writes it
    # (overrides/404.html speaks both languages and shows the reader's).
    default, _ = _languages(config)
    if config.theme["language"] == default:
        config.theme.static_templates.add("404.html")
    else:
        config.theme.static_templates.discard("404.html")
    return env


def on_page_content(html: str, page, config: MkDocsConfig, files) -> str:
    title = PERMALINK_TITLE[config.theme["language"]]
    return HEADERLINK_TITLE.sub(rf'\1"{title}"', html)


@event_priority(-200)  # after mkdocs-static-i18n (-100) has merged every language's entries
def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    merged = site / INDEX
    if not merged.exists():
        return
    index = json.loads(merged.read_text(encoding="utf-8"))
    default, others = _languages(config)
    entries = {lang: [] for lang in [default, *others]}
    for doc in index["docs"]:
        lang = next((o for o in others if doc["location"].startswith(f"{o}/")), default)
        if lang != default:
            # locations are relative to the language root, which English pages use as base
            doc = {**doc, "location": doc["location"].removeprefix(f"{lang}/")}
        entries[lang].append(doc)
    for lang, docs in entries.items():
        target = site / INDEX if lang == default else site / lang / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        own = {**index, "config": {**index["config"], "lang": [lang]}, "docs": docs}
        target.write_text(json.dumps(own, ensure_ascii=False, separators=(",", ":")), "utf-8")
