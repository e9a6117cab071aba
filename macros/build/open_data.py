"""Publish the records of every kind as open data: site/donnees/*.{json,csv} and the schemas.

Each file holds one language and every record links to its page in that language, so the files
are written once, after the last language is built.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from macros.build.state import Build
from macros.publish.open_data import write_open_data


def write(build: Build, config: MkDocsConfig) -> None:
    project = Path(config.config_file_path).parent
    write_open_data(
        build.site_data(config),
        Path(config.site_dir),
        project / "data" / "schemas",
        site_url=config.site_url or "/",
        licence=config.extra["licence"],
    )
