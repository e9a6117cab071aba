"""One page per record of every kind (case studies, partners), in each language, from data/.

The pages are added in `on_files` as if they were in docs/ (docs/fr/cas/g2id.md...), so that
mkdocs-static-i18n, whose `on_files` runs after ours, pairs them across languages and puts
them in the sitemap; `on_pre_page` then gives each its Markdown, and nothing is written to disk.
(Content given to the File in `on_files` would be lost: mkdocs-static-i18n rebuilds every docs
file from its path.) They are left out of the navigation: the listings link to them.
"""

from __future__ import annotations

from pathlib import Path

import _project  # noqa: F401  (the macros package)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from macros.render.generated import generated_pages
from macros.site_cache import site_data

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


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    markdown = _markdown_by_path.get(page.file.src_uri)
    if markdown is not None:  # a generated page: MkDocs reads its source from here, not disk
        page.file.content_string = markdown
    return page


def on_serve(server, config: MkDocsConfig, builder) -> None:
    server.watch(str(Path(config.config_file_path).parent / "data"))  # rebuild on data edits
