"""One search index per language. MkDocs' search plugin writes a single search_index.json
holding every language, which every page loads, so an English reader would get French hits.
Once the last language is built we split it: each language's index sits under its own root
(search/search_index.json, en/search/search_index.json) and declares only its language, so
lunr stems it right. overrides/main.html points each page at its language's index.
"""

from __future__ import annotations

import json
from pathlib import Path

import _project  # noqa: F401  (the macros package)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from macros.i18n import LANGUAGES, is_last_build, language_root, url_language

INDEX = "search/search_index.json"


@event_priority(-200)  # after mkdocs-static-i18n (-100) has merged every language's entries
def on_post_build(config: MkDocsConfig) -> None:
    if not is_last_build(config):
        return
    site = Path(config.site_dir)
    index = json.loads((site / INDEX).read_text(encoding="utf-8"))
    entries: dict[str, list] = {language: [] for language in LANGUAGES}
    for doc in index["docs"]:
        language = url_language(doc["location"])
        # locations are relative to the language's root, which its pages use as search base
        entries[language].append(
            {**doc, "location": doc["location"].removeprefix(language_root(language))}
        )
    for language, docs in entries.items():
        target = site / language_root(language) / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        own = {**index, "config": {**index["config"], "lang": [language]}, "docs": docs}
        target.write_text(json.dumps(own, ensure_ascii=False, separators=(",", ":")), "utf-8")
