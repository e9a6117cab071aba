"""site/donnees/sources.ris and sources.bib: the bibliography for reference managers
(macros/publish/bibliography_files.py), written once, after the last language is built."""

from __future__ import annotations

from pathlib import Path

import _project  # noqa: F401  (the macros package)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from macros.publish.bibliography_files import write_bibliography_files
from macros.site.i18n import is_last_build
from macros.site_cache import site_data


@event_priority(-200)  # after mkdocs-static-i18n (-100) has run the other languages' builds
def on_post_build(config: MkDocsConfig) -> None:
    if is_last_build(config):
        sources = site_data(Path(config.config_file_path).parent).sources
        write_bibliography_files(list(sources.values()), Path(config.site_dir))
