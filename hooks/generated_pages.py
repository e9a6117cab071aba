"""One page per case study and per partner, in each language, generated from data/.

The pages are added in `on_files` as if they were in docs/ (docs/fr/cas/g2id.md...), so that
mkdocs-static-i18n, whose `on_files` runs after ours, pairs them across languages and puts
them in the sitemap; `on_page_read_source` then hands MkDocs their Markdown, nothing is written.
(`File.generated(content=...)` does not survive mkdocs-static-i18n: it rebuilds every docs file
from its path on disk.) They are left out of the navigation: the listings link to them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the project's macros package
from macros.build_data import site_data
from macros.generated import generated_pages

_markdown_by_path: dict[str, str] = {}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    pages = generated_pages(site_data(Path(config.config_file_path).parent))
    for src_uri in pages:
        if files.get_file_from_path(src_uri) or (Path(config.docs_dir) / src_uri).exists():
            raise PluginError(f"docs/{src_uri} would hide the page generated from data/: remove it")
        files.append(
            File(
                src_uri,
                config.docs_dir,
                config.site_dir,
                config.use_directory_urls,
                inclusion=InclusionLevel.NOT_IN_NAV,
            )
        )
    _markdown_by_path.clear()
    _markdown_by_path.update(pages)
    return files


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    return _markdown_by_path.get(page.file.src_uri)  # None: an ordinary page, read from disk


def on_serve(server, config: MkDocsConfig, builder) -> None:
    server.watch(str(Path(config.config_file_path).parent / "data"))  # rebuild on data edits
