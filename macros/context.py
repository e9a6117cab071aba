"""The page a macro is rendering: its language, and links from it to the site's other pages."""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from .i18n import page_language, ui_text


@dataclass(frozen=True)
class PageContext:
    language: str
    url: str  # the page's own URL, e.g. "en/guide/champs/"
    files: Files  # this language build's files, as mkdocs-static-i18n arranged them
    site_url: str  # absolute, ends with "/"

    @classmethod
    def of(cls, env) -> PageContext:
        """The page mkdocs-macros is rendering now (`env` is the plugin, `env.page` the page)."""
        page = env.page
        language = page_language(page.file.src_uri, env.conf.theme["language"])
        site_url = env.conf.site_url or "/"
        return cls(language, page.url, env.variables["files"], site_url.rstrip("/") + "/")

    @property
    def ui(self) -> dict[str, str]:
        return ui_text(self.language)

    def link(self, path: str, anchor: str = "") -> str:
        """A URL relative to this page for the page at `path` in this page's language, where
        `path` is relative to the language folder: `sources.md`, `cas/g2id.md`."""
        url = get_relative_url(self._page_file(path).url, self.url)
        return f"{url}#{anchor}" if anchor else url

    def absolute_url(self, path: str) -> str:
        """The absolute URL of a page of this language, for JSON-LD."""
        return self.site_url + self._page_file(path).url

    def _page_file(self, path: str) -> File:
        target = self.files.get_file_from_path(f"{self.language}/{path}")
        if target is None or not target.is_documentation_page():
            raise LookupError(f"no page {self.language}/{path} to link to")
        return target
