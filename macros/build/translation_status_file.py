"""Write every translation and how it stands, per language, next to the translation status
page (traductions/translations.csv, en/traductions/translations.csv): the page's table holds
only the first ones, those that need work first (macros/contribute/translations.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from macros.build.state import Build, project_dir
from macros.contribute.translations import STATUS_FILE, status_file, translations
from macros.site.i18n import LANGUAGES, page_url
from macros.site.paths import TRANSLATION_STATUS_PAGE


def write(build: Build, config: MkDocsConfig) -> None:
    data = build.site_data(config)
    every_one = translations(project_dir(config), data)
    for language in LANGUAGES:
        target = Path(config.site_dir) / page_url(TRANSLATION_STATUS_PAGE, language) / STATUS_FILE
        # with a byte-order mark, as the open data's CSV: spreadsheets then read it as UTF-8
        target.write_text(status_file(every_one, data.ui(language)), encoding="utf-8-sig")
