"""A page naming an unknown source or step in a macro (`{{ cite("typo") }}`) stops the build with
`file:line:column: unknown source 'typo' (one of: ...)`, in the contributor's language, before
mkdocs-macros runs the call and prints a Python traceback instead. The same check as
`make validate` (macros/contribute/check_docs.py)."""

from __future__ import annotations

from pathlib import Path

import _project  # noqa: F401  (the macros package)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from macros.contribute.check_docs import macro_id_problems
from macros.model import messages
from macros.site_cache import site_data

_site: list = []  # the data, asked once per build (site_data() re-checks every data file)


def on_pre_build(config: MkDocsConfig) -> None:
    _site[:] = [site_data(Path(config.config_file_path).parent)]


@event_priority(100)  # before mkdocs-macros renders the page
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    text = page.file.content_string.replace("\r\n", "\n")  # with its front matter: true lines
    problems = macro_id_problems(f"docs/{page.file.src_uri}", text, _site[0])
    if problems:
        raise PluginError(messages.told(problems))
    return markdown
