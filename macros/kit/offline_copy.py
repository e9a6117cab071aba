"""An offline copy of each language: a zip of the built site that opens from disk (file://).

Made from the built site, not by building again: every page's links to a folder ("guide/champs/")
are rewritten to its index.html, links to the other language point to the published site, and
the online search, which needs a server (a web worker and a fetched index), gives way to a small
script (overrides/assets/javascripts/offline-search.js) that reads the language's documents
from a script file, search-index.js, written beside the language's home page.

Its search reads the built pages (`search_documents`): for each language,
the list of its documents as {location relative to the language's root, title, text}.

The copies are also a pull request's preview: `python -m macros.kit.offline_copy SITE FOLDER`
unpacks them side by side (FOLDER/mutualiser-<language>/), which the check uploads
(.github/workflows/check.yml); `preview_file` is where a page is in it.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from html import unescape
from pathlib import Path

from macros.model.records import SiteData
from macros.render.templates import json_for_script, render
from macros.site.i18n import DEFAULT_LANGUAGE, LANGUAGES, language_root, page_url, url_language
from macros.site.outputs import OUTPUT_FOLDERS, output
from macros.site.paths import KIT_FOLDER

SEARCH_SCRIPT = "assets/javascripts/offline-search.js"  # from overrides/, in every build
INDEX_SCRIPT = "search-index.js"  # in each copy, at its language's root
# Material's search (it mounts on this component, and loads its index if a form is named "search")
ARTICLE = re.compile(r"<article\b[^>]*>(.*?)</article>", re.DOTALL)
PAGE_TITLE = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.DOTALL)
ONLINE_SEARCH = re.compile(r'data-md-component="search"')
ONLINE_SEARCH_FORM = re.compile(r'(<form\b[^>]*?) name="search"')
HEADER_SEARCH_BUTTON = re.compile(r'(<label class="md-header__button md-icon") for="__search"')
LINK = re.compile(r'\b(href|src)="([^"]*)"')
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//")
TAG = re.compile(r"<[^>]+>")


def copy_folder(language: str) -> str:
    """The folder a language's copy unpacks to: its zip's top folder."""
    return f"mutualiser-{language}"


def preview_file(page: str, language: str) -> str:
    """Where a page ("guide/champs.md", in a language folder) is in the unpacked copies:
    "mutualiser-en/en/guide/champs/index.html"."""
    address = page_url(page, language)
    return f"{copy_folder(language)}/{offline_location(address)}"


def unpack_copies(site_dir: Path, target: Path) -> list[Path]:
    """Each language's copy, from its zip in the built site, unpacked into `target`."""
    for language in LANGUAGES:
        with zipfile.ZipFile(site_dir / offline_address(language)) as archive:
            archive.extractall(target)
    return [target / copy_folder(language) for language in LANGUAGES]


def offline_address(language: str) -> str:
    """The copy's zip, relative to the site root."""
    return f"{KIT_FOLDER}/mutualiser-{language}.zip"


def in_copy(path: str, language: str) -> bool:
    """Whether the file at `path` (relative to the site root) belongs to `language`'s copy."""
    first = path.partition("/")[0]
    declared = output(first)
    if declared is None:  # a page, or a file at a language's root
        return url_language(path) == language and first != "sitemap.xml"
    if declared.offline == "language":  # the kit: this language's sheets, not the zips
        return path.startswith(f"{first}/{language}/")
    return declared.offline == "all"


def search_documents(site_dir: Path, language: str) -> list[dict]:
    """The language's search documents: {location, title, text}, location relative to its root,
    read from the built pages' articles (the online search, Pagefind, cannot run from disk)."""
    root = site_dir / language_root(language)
    documents = []
    for page in sorted(root.rglob("index.html")):
        location = page.parent.relative_to(root).as_posix()
        first = location.split("/")[0]
        if first in OUTPUT_FOLDERS or (language == DEFAULT_LANGUAGE and first in LANGUAGES):
            continue
        html = page.read_text(encoding="utf-8")
        article, title = ARTICLE.search(html), PAGE_TITLE.search(html)
        if not article or not title:
            continue  # a redirect page (short links), not a page of the guide
        documents.append(
            {
                "location": "" if location == "." else f"{location}/",
                "title": _plain(title.group(1)),
                "text": _plain(article.group(1)),
            }
        )
    return documents


def _plain(html: str) -> str:
    return " ".join(unescape(TAG.sub(" ", html)).split())


def offline_location(location: str) -> str:
    """ "guide/champs/#why" -> "guide/champs/index.html#why": a folder opens nothing from disk."""
    path, hash_, fragment = location.partition("#")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return path + hash_ + fragment


def rewrite_page(html: str, page_path: str, language: str, site_url: str) -> str:
    """A built page as it must be on disk: links to folders end in index.html, links out of the
    copy go to the published site, the online search is replaced by the offline one."""
    folder = posixpath.dirname(page_path)

    def rewrite(match: re.Match) -> str:
        attribute, url = match.groups()
        if not url or url.startswith("#") or SCHEME.match(url):
            return match.group(0)
        path, mark, rest = _split(url)
        target = posixpath.normpath(posixpath.join(folder, path)) if path else page_path
        target = "" if target == "." else target
        is_folder = (
            path.endswith("/") or path in ("", ".", "..") or not posixpath.splitext(target)[1]
        )
        if not in_copy(target, language):
            online = site_url.rstrip("/") + "/" + (target + "/" if is_folder and target else target)
            return f'{attribute}="{online}{mark}{rest}"'
        if is_folder and path:
            path = path.rstrip("/") + "/index.html"
        return f'{attribute}="{path}{mark}{rest}"'

    html = LINK.sub(rewrite, html)
    html = ONLINE_SEARCH.sub('data-md-component="online-search" hidden', html, count=1)
    html = ONLINE_SEARCH_FORM.sub(r"\1", html, count=1)
    html = HEADER_SEARCH_BUTTON.sub(r'\1 for="offline-search-query"', html, count=1)
    root = posixpath.relpath(language_root(language) or ".", folder or ".")
    root = "" if root == "." else root + "/"
    to_site_root = posixpath.relpath(".", folder or ".")
    to_site_root = "" if to_site_root == "." else to_site_root + "/"
    scripts = (
        f'<script src="{root}{INDEX_SCRIPT}" defer></script>'
        f'<script src="{to_site_root}{SEARCH_SCRIPT}" data-root="{root}" defer></script>'
    )
    return html.replace("</body>", scripts + "</body>", 1)


def _split(url: str) -> tuple[str, str, str]:
    """ "a/b/?q=1#x" -> ("a/b/", "?", "q=1#x")."""
    match = re.search(r"[?#]", url)
    if not match:
        return url, "", ""
    return url[: match.start()], url[match.start()], url[match.start() + 1 :]


def write_offline_copies(data: SiteData, site_dir: Path, site_url: str) -> list[Path]:
    """One zip per language in site_dir/kit/, from the built site in `site_dir`."""
    written = []
    for language in LANGUAGES:
        ui = data.ui(language)
        zip_path = site_dir / offline_address(language)
        zip_path.parent.mkdir(parents=True, exist_ok=True)
        top = f"{copy_folder(language)}/"
        with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for path in sorted(site_dir.rglob("*")):
                relative = path.relative_to(site_dir).as_posix()
                if not path.is_file() or not in_copy(relative, language) or path.suffix == ".zip":
                    continue
                if path.suffix == ".html":
                    html = rewrite_page(path.read_text("utf-8"), relative, language, site_url)
                    archive.writestr(top + relative, html)
                else:
                    archive.write(path, top + relative)
            index = {
                "words": {
                    "label": ui["kit.offline.search_label"],
                    "none": ui["kit.offline.search_none"],
                    "count": ui["kit.offline.search_count"],
                },
                "docs": [
                    {**doc, "location": offline_location(doc["location"])}
                    for doc in search_documents(site_dir, language)
                ],
            }
            script = f"window.MUTUALISER_OFFLINE_SEARCH = {json_for_script(index)};\n"
            archive.writestr(top + language_root(language) + INDEX_SCRIPT, script)
            if language_root(language):  # the copy opens at its root: lead to the language
                home = language_root(language) + "index.html"
                online_home = site_url.rstrip("/") + "/" + language_root(language)
                page = render(
                    "short_link.html",
                    language=language,
                    ui=ui,
                    target=home,
                    canonical=online_home,
                    favicon=None,
                )
                archive.writestr(top + "index.html", page + "\n")
        written.append(zip_path)
    return written


if __name__ == "__main__":
    import sys

    if len(sys.argv) != 3:
        sys.exit("usage: python -m macros.kit.offline_copy SITE_DIR TARGET_DIR")
    for folder in unpack_copies(Path(sys.argv[1]), Path(sys.argv[2])):
        print(folder)
