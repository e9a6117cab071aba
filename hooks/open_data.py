"""Publish the records of every kind as open data: site/donnees/*.{json,csv} and the schemas.

Each file holds one language and every record links to its page in that language, so the files
are written once, after the last language is built.
"""

from __future__ import annotations

from pathlib import Path

import _project  # noqa: F401  (the macros package)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from macros.publish.open_data import write_open_data
from macros.site.i18n import is_last_build
from macros.site_cache import site_data


@event_priority(-200)  # after mkdocs-static-i18n (-100) has run the other languages' builds
def on_post_build(config: MkDocsConfig) -> None:
    if not is_last_build(config):
        return
    project = Path(config.config_file_path).parent
    write_open_data(
        site_data(project),
        Path(config.site_dir),
        project / "data" / "schemas",
        site_url=config.site_url or "/",
        licence=config.extra["licence"],
    )
