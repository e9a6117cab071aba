"""Languages and addresses: which language a page is in, and where any page lives in any language.

The languages are declared here, once for the code: `LANGUAGES`, the source language first
(`DEFAULT_LANGUAGE`, French), then its translations (English); mkdocs.yml's i18n plugin lists the
same (tests/test_i18n.py), and README.md's "Adding a language" says what else a new one needs.
French is served at the site root and every other language under /<language>/
(mkdocs-static-i18n's folder layout, docs/fr/ and docs/en/). This module is the only place that
knows it: hooks, macros, templates (through the globals of macros/build/site_languages.py),
tools and tests ask `page_language`, `page_url` and `url_language`.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from mkdocs.structure.files import File

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

LANGUAGES = ("fr", "en")  # tests/test_i18n.py checks that mkdocs.yml declares the same
DEFAULT_LANGUAGE = "fr"  # the source language, which every other one translates
TRANSLATIONS = tuple(language for language in LANGUAGES if language != DEFAULT_LANGUAGE)


def page_language(page: Page | File) -> str:
    """The language of a page (or of its file), as mkdocs-static-i18n assigned it to the file.
    A French page served in the English build (a fallback) is still French."""
    file = page if isinstance(page, File) else page.file
    # Not one of MkDocs' attributes: mkdocs-static-i18n sets it on every file.
    locale: str = file.locale  # type: ignore[attr-defined]
    return locale


def other_languages(language: str) -> tuple[str, ...]:
    """Every language but `language`, in the declared order."""
    return tuple(other for other in LANGUAGES if other != language)


def language_root(language: str) -> str:
    """Where a language's pages start, relative to the site root: "" or "en/"."""
    if language not in LANGUAGES:
        raise KeyError(f"unknown language {language!r} (one of: {', '.join(LANGUAGES)})")
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"


def url_language(url: str) -> str:
    """The language of an address relative to the site root: "en/cas/" -> "en", "cas/" -> "fr"."""
    first = url.lstrip("/").partition("/")[0]
    return first if first in LANGUAGES and first != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE


def source_path(page: Page | File) -> str:
    """A page's path inside its language folder: docs/en/guide/champs.md -> guide/champs.md."""
    src_uri = (page if isinstance(page, File) else page.file).src_uri
    folder, _, rest = src_uri.partition("/")
    return rest if folder in LANGUAGES else src_uri


def page_url(
    page: Page | File | str, language: str | None = None, site_url: str | None = None
) -> str:
    """The address of a page in `language` (by default its own): relative to the site root
    ("en/cas/g2id/"), or absolute when `site_url` is given, whatever path the site lives under
    ("https://owner.github.io/mutualiser/en/cas/g2id/").

    `page` is a page, a file, or a path inside a language folder ("cas/g2id.md")."""
    path = page if isinstance(page, str) else source_path(page)
    if not language:
        assert not isinstance(page, str), f"{page}: a path has no language of its own, give one"
        language = page_language(page)
    url = language_root(language) + _address_in_folder(path)
    if site_url is None:
        return url
    return site_url.rstrip("/") + "/" + url


@functools.cache  # asked for thousands of times a build, by every listing
def _address_in_folder(path: str) -> str:
    """MkDocs' address for a page's path inside a language folder: "cas/g2id.md" -> "cas/g2id/"."""
    return File(path, "", "", use_directory_urls=True).url.removeprefix("./")  # index.md: ""


# --- What mkdocs-static-i18n decides about the build in progress (its attributes, read here only)


def build_language(config: MkDocsConfig) -> str:
    """The language being built now: mkdocs-static-i18n runs one whole build per language."""
    language: str = _i18n(config).current_language
    return language


def is_last_build(config: MkDocsConfig) -> bool:
    """mkdocs-static-i18n nests the other languages' builds in the first one's on_post_build:
    a step over the whole site (all languages) runs once, when this is true."""
    return not _i18n(config).building


def _i18n(config: MkDocsConfig) -> Any:  # mkdocs-static-i18n's plugin: it ships no types
    return config.plugins["i18n"]
