"""The page a macro is rendering: its language, its interface words, and addresses from it."""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.structure.files import Files
from mkdocs.utils import get_relative_url

from macros.model.records import SiteData
from macros.site.i18n import page_language, page_url


@dataclass(frozen=True)
class PageContext:
    language: str
    url: str  # the page's own address from the site root, e.g. "en/guide/champs/"
    files: Files  # this language build's files, to refuse links to pages that do not exist
    site_url: str  # absolute, ends with "/", possibly with a path (a Pages project site)
    site_name: str
    licence: dict  # {name, url}: mkdocs.yml's extra.licence
    ui: dict[str, str]  # the interface words in the page's language

    @classmethod
    def of(cls, env, data: SiteData) -> PageContext:
        """The page mkdocs-macros is rendering now (`env` is the plugin, `env.page` the page)."""
        page, config = env.page, env.conf
        language = page_language(page)
        return cls(
            language=language,
            url=page.url,
            files=env.variables["files"],
            site_url=(config.site_url or "/").rstrip("/") + "/",
            site_name=config.site_name,
            licence=config.extra["licence"],
            ui=data.ui(language),
        )

    def link(self, path: str, anchor: str = "") -> str:
        """A URL relative to this page for the page at `path` in this page's language, where
        `path` is relative to the language folder: `sources.md`, `cas/g2id.md`."""
        url = get_relative_url(self._checked(path), self.url)
        return f"{url}#{anchor}" if anchor else url

    def absolute_url(self, path: str | None = None) -> str:
        """The absolute URL of a page of this language (this page by default), for JSON-LD."""
        return self.site_url + (self._checked(path) if path else self.url)

    def _checked(self, path: str) -> str:
        source = f"{self.language}/{path}"
        # mkdocs-static-i18n's lookup (with its fallback to French) is slow: exact paths first.
        target = self.files.src_uris.get(source) or self.files.get_file_from_path(source)
        if target is None or not target.is_documentation_page():
            raise LookupError(f"no page {self.language}/{path} to link to")
        return page_url(path, self.language)
