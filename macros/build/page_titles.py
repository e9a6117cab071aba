"""Front matter is plain text, like the data, and holds only what data/schemas/page.schema.json
declares: a `title` and a `description`.

- A page whose front matter breaks that schema (a key it does not declare, such as `subtitle` or
  `status`, which Material prints unescaped into the navigation of every page; a value that is
  not one line of plain text) stops the build with the messages of `make validate`
  (macros/contribute/check_docs.py), so that skipping the validation publishes nothing.
- A page's `title` is escaped once, here, into the HTML that Material expects a title to be (it
  prints titles unescaped: in <title>, the navigation, the search index). The description is
  escaped where the theme prints it (overrides/main.html). See notes/security.md."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from macros.build.state import Build
from macros.contribute.check_docs import front_matter_problems
from macros.model import messages
from macros.site.escaping import page_title


def escape(build: Build, markdown: str, page: Page, config: MkDocsConfig) -> str:
    if page.file.src_uri not in build.generated_pages:  # those are written by generated_pages
        text = page.file.content_string.lstrip("\ufeff").replace("\r\n", "\n")
        problems = front_matter_problems(f"docs/{page.file.src_uri}", text)
        if problems:
            raise PluginError(messages.told(problems))
    if isinstance(page.meta.get("title"), str):
        page.meta["title"] = page_title(page.meta["title"])
    return markdown
