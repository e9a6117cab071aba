"""site/donnees/sources.ris and sources.bib: the bibliography for reference managers
(macros/publish/bibliography_files.py), written once, after the last language is built."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from macros.build.state import Build
from macros.publish.bibliography_files import write_bibliography_files


def write(build: Build, config: MkDocsConfig) -> None:
    sources = build.site_data(config).sources
    write_bibliography_files(list(sources.values()), Path(config.site_dir))
