"""Write every case study's listing card, per language, next to the listing page
(cas/cards.json, en/cas/cards.json): the filters script fetches it only when the reader filters
or asks for more cards than the page holds (macros/render/cases.py, `case_listing`).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from macros.build.state import Build
from macros.render.cases import LISTING_CARDS, listing_cards_json
from macros.site.i18n import LANGUAGES, page_url
from macros.site.paths import CASE_LISTING_PAGE


def write(build: Build, config: MkDocsConfig) -> None:
    data = build.site_data(config)
    for language in LANGUAGES:
        target = Path(config.site_dir) / page_url(CASE_LISTING_PAGE, language) / LISTING_CARDS
        target.write_text(listing_cards_json(data, language), encoding="utf-8")
