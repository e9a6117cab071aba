"""Publish the case studies and partners as open data: site/donnees/*.{json,csv} and the schemas.

mkdocs-static-i18n runs one build per language, nested in the first one's `on_post_build`: the
files are written once, after it has built the last language, since each file holds one
language and every record links to its page in that language.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the project's macros package
from macros.build_data import site_data
from macros.open_data import write_open_data


@event_priority(-200)  # after mkdocs-static-i18n (-100) has run the other languages' builds
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins["i18n"]
    if i18n.building:
        return  # a nested language build: the outer one writes the files at its end
    project = Path(config.config_file_path).parent
    site_url = (config.site_url or "/").rstrip("/") + "/"

    def url_of(language: str, path: str) -> str:
        """A page's absolute URL, placed as mkdocs-static-i18n places it."""
        page_url = File(path, None, "", config.use_directory_urls).url
        prefix = "" if language == i18n.default_language else f"{language}/"
        return f"{site_url}{prefix}{page_url}"

    write_open_data(site_data(project), Path(config.site_dir), project / "data" / "schemas", url_of)
