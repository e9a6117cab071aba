"""A page naming an unknown source or step in a macro (`{{ cite("typo") }}`) stops the build with
`file:line:column: unknown source 'typo' (did you mean ...?)`, in the contributor's language, before
mkdocs-macros runs the call and prints a Python traceback instead. The same check as
`make validate` (macros/contribute/check_docs.py)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from macros.build.state import Build
from macros.contribute.check_docs import macro_id_problems
from macros.model import messages


def check(build: Build, markdown: str, page: Page, config: MkDocsConfig) -> str:
    text = page.file.content_string.replace("\r\n", "\n")  # with its front matter: true lines
    problems = macro_id_problems(f"docs/{page.file.src_uri}", text, build.site_data(config))
    if problems:
        raise PluginError(messages.told(problems))
    return markdown
