"""Publish the records of every kind and the glossary as open data: site/donnees/, their
schemas, the data packages, the glossary in SKOS and the DCAT catalogue.

Each file holds one language and every record links to its page in that language, so the files
are written once, after the last language is built.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from macros.build.state import Build
from macros.publish.catalogue import CATALOGUE_FILE, as_dcat
from macros.publish.open_data import write_open_data
from macros.site.paths import OPEN_DATA_FOLDER


def write(build: Build, config: MkDocsConfig) -> None:
    project = Path(config.config_file_path).parent
    data, site_url, licence = (
        build.site_data(config),
        config.site_url or "/",
        config.extra["licence"],
    )
    folder = Path(config.site_dir)
    write_open_data(data, folder, project / "data" / "schemas", site_url, licence)
    catalogue = as_dcat(data, site_url, config.site_name, licence)
    (folder / OPEN_DATA_FOLDER / CATALOGUE_FILE).write_text(
        json.dumps(catalogue, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
