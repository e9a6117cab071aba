"""The bibliography as RIS and BibTeX: each file imports cleanly into a parser of its format,
with every source of data/sources.yml, and text from the data cannot add records or fields."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import bibtexparser
import pytest
import rispy
import yaml
from bibtexparser.bparser import BibTexParser
from conftest import ROOT

from macros.publish.bibliography_files import bibtex, ris


def parse_bibtex(text: str) -> dict[str, dict]:
    parser = BibTexParser(common_strings=False, ignore_nonstandard_types=False)
    return {entry["ID"]: entry for entry in bibtexparser.loads(text, parser).entries}


def test_the_ris_file_holds_every_source(site, data):
    records = rispy.loads((site.root / "donnees" / "sources.ris").read_text("utf-8"))
    by_id = {record["id"]: record for record in records}
    assert list(by_id) == list(data.sources)
    for source in data.sources.values():
        record = by_id[source.id]
        assert record["title"] == source.title
        assert record.get("authors", []) == list(source.authors)
        assert record.get("year") == (str(source.year) if source.year else None)
        assert record.get("urls", [None])[0] == source.url
    assert by_id["dujardin-2006"]["type_of_reference"] == "JOUR"
    assert by_id["dujardin-2006"]["secondary_title"] == data.sources["dujardin-2006"].venue


def test_the_bibtex_file_holds_every_source(site, data):
    entries = parse_bibtex((site.root / "donnees" / "sources.bib").read_text("utf-8"))
    assert list(entries) == list(data.sources)
    for source in data.sources.values():
        entry = entries[source.id]
        assert entry["title"] == source.title
        assert entry.get("year") == (str(source.year) if source.year else None)
        assert entry.get("url") == source.url
    assert entries["dujardin-2006"]["ENTRYTYPE"] == "article"
    assert entries["penichon-2008"]["ENTRYTYPE"] == "mastersthesis"
    # An institution is one author, braced, not split into given and family names.
    assert entries["baie-2015"]["author"] == "{Médiathèques de la Baie}"


@pytest.mark.parametrize("language", ["", "en/"])
def test_the_sources_page_links_both_files(site, language):
    links = site.html(f"{language}sources/").select(".bibliography__downloads a")
    assert [link.get_text() for link in links] == ["RIS", "BibTeX"]
    for link in links:
        target = (site.root / language / "sources" / link["href"]).resolve()
        assert target.is_file()


HOSTILE_TITLE = "Titre}, author = {Evil}, note = {x\nER  - \nTY  - JOUR\nTI  - Injected 100% & $1 #2 _a ^b ~c \\d"


def test_text_from_the_data_cannot_add_records_or_fields(data):
    source = replace(data.sources["boussou-2014"], title=HOSTILE_TITLE)
    records = rispy.loads(ris([source]))
    assert len(records) == 1
    assert records[0]["title"] == " ".join(HOSTILE_TITLE.split())
    entries = parse_bibtex(bibtex([source]))
    assert list(entries) == ["boussou-2014"]
    entry = entries["boussou-2014"]
    assert entry["author"] == "Boussou, C."
    assert "note" not in entry
    assert "\\textbraceright{}" in entry["title"]  # the field never closed early
    assert "\\%" in entry["title"]
    assert "\\&" in entry["title"]


def test_the_repository_has_a_valid_citation_file_that_agrees_with_the_site(data):
    checker = Path(sys.executable).parent / "check-jsonschema"
    done = subprocess.run(
        [checker, "--builtin-schema", "vendor.citation-file-format", ROOT / "CITATION.cff"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text("utf-8"))
    config = yaml.safe_load(
        "\n".join(
            line
            for line in (ROOT / "mkdocs.yml").read_text("utf-8").splitlines()
            if "!ENV" not in line
        )
    )
    assert citation["authors"] == [{"name": config["site_name"]}]
    assert "CC-BY-NC-SA-4.0" in citation["license"]
    assert config["extra"]["licence"]["name"] == "CC BY-NC-SA 4.0"
    adapted = citation["references"][0]
    assert adapted["title"] == data.sources["boussou-2014"].title
    assert adapted["url"] == data.sources["boussou-2014"].url


def test_every_source_type_has_its_ris_and_bibtex_type(data):
    from macros.publish.bibliography_files import TYPES

    assert set(TYPES) == set(data.vocabularies.source_types)
