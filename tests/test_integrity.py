"""No broken site is published: the build's last step (macros/build/integrity.py) reads every
output back as its reader would, and fails the build on the first broken one. The site the tests
build is whole; each way an output was seen to break, or could, is found and named."""

from __future__ import annotations

import gzip
import json
import shutil
import types
import zipfile
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from macros.build import integrity
from macros.build.state import Build
from macros.kit.book import book_address


def test_the_built_site_is_whole_with_its_kit(site):
    assert integrity.problems(site.root, kit=True) == []


def first(folder: Path, pattern: str) -> Path:
    return sorted(folder.glob(pattern))[0]


def truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def mimetype_last(path: Path) -> None:
    """The EPUB's files in another order: readers find it by its first file, the mimetype."""
    with zipfile.ZipFile(path) as archive:
        entries = [(info, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w") as archive:
        for info, content in entries[1:] + entries[:1]:
            archive.writestr(info, content)


def link_to_nowhere(path: Path) -> None:
    """A chapter of the EPUB linking to a place that no chapter holds."""
    with zipfile.ZipFile(path) as archive:
        entries = [(info, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w") as archive:
        for info, content in entries:
            if info.filename.endswith("glossaire.xhtml"):
                content = content.replace(b".xhtml#", b".xhtml#nowhere-", 1)
            archive.writestr(info, content)


# (what is damaged, how): each as it would reach a reader
DAMAGE = {
    # Issue 24: Pagefind's entry file left empty, and every search failed
    "empty search entry": ("pagefind/pagefind-entry.json", lambda p: p.write_bytes(b"")),
    "search entry without English": (
        "pagefind/pagefind-entry.json",
        lambda p: p.write_text(json.dumps({"version": "1", "languages": {"fr": {}}})),
    ),
    "cut search fragment": ("pagefind/fragment/*.pf_fragment", truncate),
    "search index not Pagefind's": (
        "pagefind/index/*.pf_index",
        lambda p: p.write_bytes(gzip.compress(b"<html>")),
    ),
    "NaN in the open data": (
        "donnees/case-studies.fr.json",
        lambda p: p.write_text('{"records": [{"value": NaN}]}'),
    ),
    "feed not XML": ("en/feed.xml", lambda p: p.write_text("<feed xmlns='x'>")),
    "RIS without entries": ("donnees/sources.ris", lambda p: p.write_text("\n")),
    "cut PDF": ("kit/fr/*.pdf", truncate),
    "cut zip": ("kit/mutualiser-en.zip", truncate),
    "missing booklet": ("kit/en/mutualiser-en.pdf", Path.unlink),
    "missing book": (book_address("fr", "epub"), Path.unlink),
    "cut book": (book_address("en", "pdf"), truncate),
    "book's mimetype not first": (book_address("en", "epub"), mimetype_last),
    "book's link to nowhere": (book_address("fr", "epub"), link_to_nowhere),
    "missing open data": ("donnees", shutil.rmtree),
}


@pytest.fixture(scope="module")
def whole(site, tmp_path_factory) -> Path:
    copy = tmp_path_factory.mktemp("whole") / "site"
    shutil.copytree(site.root, copy)
    return copy


@pytest.mark.parametrize(("pattern", "damage"), DAMAGE.values(), ids=DAMAGE.keys())
def test_each_broken_output_is_named_and_fails_the_build(whole, tmp_path, pattern, damage):
    damaged = tmp_path / "site"
    shutil.copytree(whole, damaged)
    target = first(damaged, pattern)
    damage(target)
    # As the build's last step: the build fails, naming the file
    config = types.SimpleNamespace(site_dir=str(damaged))
    with pytest.raises(PluginError) as failed:
        integrity.check(Build(), config)
    named = {line.split(":")[0] for line in str(failed.value).splitlines()}
    assert target.relative_to(damaged).as_posix() in named, str(failed.value)


def test_the_command_checks_what_is_uploaded(whole, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")  # as in the deploy job: both languages
    assert integrity.main([str(whole), "--kit"]) == 0
    damaged = tmp_path / "site"
    shutil.copytree(whole, damaged)
    (damaged / "pagefind" / "pagefind-entry.json").write_bytes(b"")
    assert integrity.main([str(damaged), "--kit"]) == 1
    error = capsys.readouterr().err
    assert "pagefind/pagefind-entry.json" in error
    assert "the built site cannot be published" in error
    assert "le site construit n'est pas publiable" in error
