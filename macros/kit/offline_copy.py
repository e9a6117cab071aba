"""An offline copy of each language: a zip of the built site that opens from disk (file://).

Made from the built site, not by building again: every page's links to a folder ("guide/champs/")
are rewritten to its index.html, the 404 page's links from the site's root become relative,
links to pages outside the copy point to the published site, and files that cannot work from
disk (the sitemaps, the listings' cards that only a server can hand to a script) are left out.

Search: the header's box (overrides/assets/javascripts/search.js) cannot start Pagefind from
disk, so it reads the language's documents from a script file, search-index.js, written at the
copy's top (window.MUTUALISER_OFFLINE_SEARCH), with the site's words for its suggestions.

The language switch leads to the same page in the other language's copy when that copy is
unpacked beside this one (mutualiser-fr/ and mutualiser-en/ in one folder, as `python -m
macros.kit.offline_copy site preview` does); a page cannot see from disk whether a folder exists,
so each copy holds a tiny page, copy.html, that tells its parent frame it is there
(overrides/assets/javascripts/offline-copy.js). Until then, or alone, the switch leads to a
page of the copy that says the other language is in the other zip (mutualiser-<other>.html).

Its search reads the built pages (`search_documents`): for each language,
the list of its documents as {location relative to the language's root, title, text}.

The copies are also a pull request's preview: `python -m macros.kit.offline_copy SITE FOLDER`
unpacks them side by side (FOLDER/mutualiser-<language>/), which the check uploads
(.github/workflows/check.yml); `preview_file` is where a page is in it.
"""

from __future__ import annotations

import json
import posixpath
import re
import sys
import zipfile
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

from macros.model.records import SiteData
from macros.render.cases import LISTING_CARDS
from macros.render.templates import json_for_script, render
from macros.site.i18n import DEFAULT_LANGUAGE, LANGUAGES, language_root, page_url, url_language
from macros.site.outputs import OUTPUT_FOLDERS, output
from macros.site.paths import KIT_FOLDER, search_words_file

COPY_SCRIPT = "assets/javascripts/offline-copy.js"  # from overrides/, in every build
INDEX_SCRIPT = "search-index.js"  # at each copy's top
PROBE_PAGE = "copy.html"  # at each copy's top: tells a page of the other copy it is there
NOT_FOUND = "404.html"  # one for the whole site, in every copy
# Only a server can use these: the sitemaps, and the cards a listing's script fetches
LEFT_OUT = {"sitemap.xml", "sitemap.xml.gz"}
ARTICLE = re.compile(r"<article\b[^>]*>(.*?)</article>", re.DOTALL)
PAGE_TITLE = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.DOTALL)
LINK = re.compile(r'\b(href|src)="([^"]*)"')
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//")
TAG = re.compile(r"<[^>]+>")
# overrides/partials/alternate.html's link to another language, once rewritten to the site
SWITCH = re.compile(r'<a href="([^"]*)" hreflang="([^"]*)"(?=[^>]*\blanguage-switch\b)')


def preview_file(page: str, language: str) -> str:
    """Where a page ("guide/champs.md", in a language folder) is in the unpacked copies:
    "mutualiser-en/en/guide/champs/index.html"."""
    address = page_url(page, language)
    return f"{copy_folder(language)}/{offline_location(address)}"


def offline_address(language: str) -> str:
    """The copy's zip, relative to the site root."""
    return f"{KIT_FOLDER}/mutualiser-{language}.zip"


def copy_folder(language: str) -> str:
    """The folder a copy unpacks to: "mutualiser-fr"."""
    return f"mutualiser-{language}"


def in_copy(path: str, language: str) -> bool:
    """Whether the file at `path` (relative to the site root) belongs to `language`'s copy."""
    if path == NOT_FOUND:
        return True
    if path in LEFT_OUT or posixpath.basename(path) == LISTING_CARDS:
        return False
    first = path.partition("/")[0]
    declared = output(first)
    if declared is None:  # a page, or a file at a language's root
        return url_language(path) == language
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


def _up(folder: str) -> str:
    """The way from `folder` (relative to the site root) back up to the root: "../../" or ""."""
    up = posixpath.relpath(".", folder or ".")
    return "" if up == "." else up + "/"


def rewrite_page(html: str, page_path: str, language: str, site_url: str) -> str:
    """A built page as it must be on disk: links to folders end in index.html, links from the
    site's root become relative, links out of the copy go to the published site (the language
    switch, to the other copy: `_switch`), and the copy's own scripts are added."""
    folder = posixpath.dirname(page_path)
    site_path = urlsplit(site_url).path.rstrip("/") + "/"  # what the 404 page's links start with

    def rewrite(match: re.Match) -> str:
        attribute, url = match.groups()
        if not url or url.startswith("#") or SCHEME.match(url):
            return match.group(0)
        path, mark, rest = _split(url)
        if path.startswith(site_path):  # from the site's root: from this page's folder
            target = path[len(site_path) :]
            relative = posixpath.relpath(posixpath.normpath(target or "."), folder or ".")
            path = relative + ("/" if target in ("", ".") or target.endswith("/") else "")
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
    html = SWITCH.sub(lambda match: _switch(match, folder, site_url), html)
    if page_path == NOT_FOUND:  # the 404 page shows this copy's language (not-found.html)
        html = html.replace(
            "data-site-root=", f'data-copy-language="{language}" data-site-root=', 1
        )
    up = _up(folder)
    scripts = (
        f'<script src="{up}{INDEX_SCRIPT}" defer></script>'
        f'<script src="{up}{COPY_SCRIPT}" defer></script>'
    )
    return html.replace("</body>", scripts + "</body>", 1)


def _switch(match: re.Match, folder: str, site_url: str) -> str:
    """The language switch, once pointed at the published site: to this copy's page about the
    other copy, with the same page in the other copy (data-twin) for offline-copy.js to use
    when it finds that copy unpacked beside this one (its probe page: data-twin-copy)."""
    online, other = match.groups()
    base = site_url.rstrip("/") + "/"
    if not online.startswith(base) or other not in LANGUAGES:
        return match.group(0)
    path, mark, rest = _split(online[len(base) :])
    up = _up(folder)
    sibling = f"{up}../{copy_folder(other)}/"
    return (
        f'<a href="{up}{copy_folder(other)}.html" hreflang="{other}"'
        f' data-twin="{sibling}{offline_location(path)}{mark}{rest}"'
        f' data-twin-copy="{sibling}{PROBE_PAGE}"'
    )


def _split(url: str) -> tuple[str, str, str]:
    """ "a/b/?q=1#x" -> ("a/b/", "?", "q=1#x")."""
    match = re.search(r"[?#]", url)
    if not match:
        return url, "", ""
    return url[: match.start()], url[match.start()], url[match.start() + 1 :]


def search_index(site_dir: Path, language: str) -> str:
    """search-index.js: the language's documents (locations from the copy's top) and the site's
    words that search.js suggests for a misspelt query (macros/build/search_index.py)."""
    words = site_dir / search_words_file(language)
    index = {
        "docs": [
            {**doc, "location": language_root(language) + offline_location(doc["location"])}
            for doc in search_documents(site_dir, language)
        ],
        "words": json.loads(words.read_text("utf-8")) if words.exists() else [],
    }
    return f"window.MUTUALISER_OFFLINE_SEARCH = {json_for_script(index)};\n"


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
            archive.writestr(top + INDEX_SCRIPT, search_index(site_dir, language))
            archive.writestr(
                top + PROBE_PAGE, render("offline_probe.html", name=copy_folder(language)) + "\n"
            )
            for other in LANGUAGES:
                if other != language:
                    page = render(
                        "offline_other_copy.html",
                        language=language,
                        other=other,
                        words=data.words,
                        folder=copy_folder(language),
                        other_folder=copy_folder(other),
                        home=language_root(language) + "index.html",
                        download=site_url.rstrip("/") + "/" + offline_address(other),
                    )
                    archive.writestr(top + copy_folder(other) + ".html", page + "\n")
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


def preview(site_dir: Path, folder: Path) -> list[Path]:
    """Every language's copy unpacked side by side in `folder`, as a reader who took both would
    have them; returns each copy's home page."""
    homes = []
    for language in LANGUAGES:
        with zipfile.ZipFile(site_dir / offline_address(language)) as archive:
            archive.extractall(folder)
        homes.append(folder / copy_folder(language) / language_root(language) / "index.html")
    return homes


if __name__ == "__main__":  # python -m macros.kit.offline_copy SITE PREVIEW_FOLDER
    if len(sys.argv) != 3:
        sys.exit("usage: python -m macros.kit.offline_copy SITE PREVIEW_FOLDER")
    for home in preview(Path(sys.argv[1]), Path(sys.argv[2])):
        print(home.resolve().as_uri())
