"""Write every case study's listing card, per language, next to the listing page
(cas/cards.json, en/cas/cards.json): the filters script fetches it only when the reader filters
or asks for more cards than the page holds (macros/render/cases.py, `case_listing`).
"""

from __future__ import annotations

from pathlib import Path

import _project  # noqa: F401  (the macros package)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from macros.render.cases import LISTING_CARDS, listing_cards_json
from macros.site.i18n import LANGUAGES, is_last_build, page_url
from macros.site.paths import CASE_LISTING_PAGE
from macros.site_cache import site_data


@event_priority(-200)  # after mkdocs-static-i18n (-100) has run the other languages' builds
def on_post_build(config: MkDocsConfig) -> None:
    if not is_last_build(config):
        return
    data = site_data(Path(config.config_file_path).parent)
    for language in LANGUAGES:
        target = Path(config.site_dir) / page_url(CASE_LISTING_PAGE, language) / LISTING_CARDS
        target.write_text(listing_cards_json(data, language), encoding="utf-8")
