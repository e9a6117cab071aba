"""The last step of a whole-site build: what will be published is whole, or the build fails.

Every output folder declared in macros/site/outputs.py is there, and every file a reader's
browser, feed reader, reference manager or PDF viewer will open is read back as it would be:

- the search: Pagefind's entry file is JSON naming each language with its pages, and every file
  of the index is there, not empty, and unpacks (a search fails whole on one broken file);
- every JSON file is strict JSON (no NaN), every CSV file reads, each language's feed is an Atom
  feed, the bibliography files hold their entries;
- with the trainers' kit: each language's booklet, book and every sheet opens as a PDF with
  pages, each language's book as an EPUB whose structure and internal links hold
  (macros/kit/book.py), and each language's offline copy opens as a zip holding its home page.

`make build` builds into site.new/ and replaces site/ only when the build, this step included,
succeeds; the deploy workflow runs the same check on what it uploads:
`python -m macros.build.integrity site --kit`.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import bibtexparser
import rispy
from lxml import etree
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from macros.build.state import Build
from macros.build.trainers_kit import kit_made
from macros.kit.book import FORMATS, book_address
from macros.kit.documents import document_problem
from macros.kit.offline_copy import offline_address
from macros.kit.sheets import booklet_address
from macros.model import messages
from macros.model.validation import Problem
from macros.publish.bibliography_files import BIBTEX_FILE, RIS_FILE
from macros.publish.page_citation import FEED
from macros.site.i18n import LANGUAGES, language_root
from macros.site.outputs import OUTPUTS
from macros.site.paths import KIT_FOLDER, OPEN_DATA_FOLDER, SEARCH_FOLDER

# How a check reports a broken file: its path and what is wrong with it.
Broken = Callable[[Path, str], Problem]

ATOM = "{http://www.w3.org/2005/Atom}"
PAGEFIND_PACKED = b"pagefind_dcd"  # what each of Pagefind's gzipped files starts with, unpacked
# Removed on purpose by the search step, once Pagefind's index has replaced it.
GONE = {"search"}


def check(build: Build, config: MkDocsConfig) -> None:
    found = problems(Path(config.site_dir), kit=kit_made(build))
    if found:
        raise PluginError(messages.told(found))


def problems(site: Path, kit: bool) -> list[Problem]:
    """Every way in which the built site at `site` is not whole; `kit`: the trainers' kit was
    made, and must be whole too."""

    broken = _reporter(site)
    found = []
    for output in OUTPUTS:
        folder = site / output.folder
        expected = output.folder not in GONE and (kit or output.folder != KIT_FOLDER)
        if expected and not (folder.is_dir() and any(folder.iterdir())):
            found.append(broken(folder, "missing or empty folder"))
    found += _search(site, broken)
    found += _files(site, broken)
    for language in LANGUAGES:
        found += _feed(site / language_root(language) / FEED, broken)
        if kit:
            books = [book_address(language, kind) for kind in FORMATS]
            for address in (booklet_address(language), offline_address(language), *books):
                if not (site / address).is_file():
                    found.append(broken(site / address, "missing"))
    found += _bibliography(site / OPEN_DATA_FOLDER, broken)
    return found


def search_index_problems(site: Path) -> list[Problem]:
    """The search index alone (tools/search_stress.py builds it a hundred times)."""
    broken = _reporter(site)
    return _search(site, broken) + _files(site / SEARCH_FOLDER, broken)


def _reporter(site: Path) -> Broken:
    def broken(path: Path, detail: str) -> Problem:
        shown = path.relative_to(site).as_posix()
        return messages.problem("build.broken_output", shown, detail=detail)

    return broken


def _files(folder: Path, broken: Broken) -> list[Problem]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            detail = _unreadable(path)
            if detail:
                found.append(broken(path, detail))
    return found


def _unreadable(path: Path) -> str | None:
    """Why a file cannot be read back as its kind, by its suffix; None if it can."""
    try:
        if path.stat().st_size == 0:
            return "empty file"
        if path.suffix == ".json":
            json.loads(path.read_bytes(), parse_constant=_not_json)
        elif path.suffix == ".csv":
            rows = list(csv.reader(io.StringIO(path.read_text("utf-8-sig"), newline="")))
            if not rows or not rows[0]:
                return "no header row"
        elif path.suffix in (".pdf", ".epub"):
            return document_problem(path)
        elif path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                damaged = archive.testzip()
                if damaged is not None:
                    return f"damaged member {damaged}"
                if not any(name.endswith("index.html") for name in archive.namelist()):
                    return "no index.html inside"
        elif path.suffix.startswith(".pf_"):
            unpacked = gzip.decompress(path.read_bytes())
            if not unpacked.startswith(PAGEFIND_PACKED):
                return "not a Pagefind index file"
    except Exception as error:  # whatever the reader raises, the file cannot be published
        return f"{type(error).__name__}: {str(error)[:200]}"
    return None


def _not_json(constant: str) -> NoReturn:
    raise ValueError(f"{constant} is not JSON")


def _search(site: Path, broken: Broken) -> list[Problem]:
    """Pagefind's entry names each language, with pages, and that language's files are there."""
    folder = site / SEARCH_FOLDER
    entry_file = folder / "pagefind-entry.json"
    try:
        entry = json.loads(entry_file.read_bytes())
    except (OSError, ValueError) as error:
        return [broken(entry_file, f"{type(error).__name__}: {error}")]
    found = []
    for language in LANGUAGES:
        meta = entry.get("languages", {}).get(language) or {}
        if not meta.get("page_count"):
            found.append(broken(entry_file, f"no page in {language}"))
            continue
        for name in (f"pagefind.{meta['hash']}.pf_meta", f"wasm.{language}.pagefind"):
            if not (folder / name).is_file():
                found.append(broken(folder / name, "missing"))
    if not (folder / "pagefind.js").is_file():
        found.append(broken(folder / "pagefind.js", "missing"))
    return found


def _feed(path: Path, broken: Broken) -> list[Problem]:
    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        root = etree.parse(str(path), parser).getroot()
    except (OSError, etree.XMLSyntaxError) as error:
        return [broken(path, f"{type(error).__name__}: {error}")]
    # Entries may be none: a preview built with PAGE_DATES=off cannot date its pages.
    if root.tag != f"{ATOM}feed" or root.find(f"{ATOM}title") is None:
        return [broken(path, "not an Atom feed")]
    return []


def _bibliography(folder: Path, broken: Broken) -> list[Problem]:
    found = []
    try:
        if not rispy.loads((folder / RIS_FILE).read_text("utf-8")):
            found.append(broken(folder / RIS_FILE, "no entry"))
    except Exception as error:  # rispy's own errors, or a missing file
        found.append(broken(folder / RIS_FILE, f"{type(error).__name__}: {error}"))
    try:
        if not bibtexparser.loads((folder / BIBTEX_FILE).read_text("utf-8")).entries:
            found.append(broken(folder / BIBTEX_FILE, "no entry"))
    except Exception as error:
        found.append(broken(folder / BIBTEX_FILE, f"{type(error).__name__}: {error}"))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m macros.build.integrity", description=__doc__.split("\n")[0]
    )
    parser.add_argument("site", type=Path, help="the built site's folder")
    parser.add_argument("--kit", action="store_true", help="the trainers' kit must be there")
    arguments = parser.parse_args(argv)
    found = problems(arguments.site, kit=arguments.kit)
    if found:
        print(messages.told(found), file=sys.stderr)
        return 1
    print(f"{arguments.site}: whole")
    return 0


if __name__ == "__main__":
    sys.exit(main())
