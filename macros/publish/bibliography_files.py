"""The bibliography of data/sources.yml as files a reference manager imports: RIS (Zotero,
EndNote, Mendeley...) and BibTeX (LaTeX users), written by rispy and bibtexparser into
site/donnees/ and linked from the sources page.

Bibliographic fields keep the document's language, so there is one file of each format for
both languages. Text from the data is made inert for each format: RIS is one tag per line, so
every value is kept on one line; BibTeX reads braces, backslashes and LaTeX's special
characters, so they are escaped, braces as LaTeX commands that keep every brace paired (and
braces in addresses percent-encoded).
"""

from __future__ import annotations

from pathlib import Path

import rispy
from bibtexparser.bibdatabase import BibDatabase
from bibtexparser.bwriter import BibTexWriter

from macros.model.records import Source
from macros.site.paths import OPEN_DATA_FOLDER

RIS_FILE = "sources.ris"
BIBTEX_FILE = "sources.bib"

# source type -> (RIS type, BibTeX entry type)
TYPES = {
    "guide": ("RPRT", "techreport"),
    "slides": ("SLIDE", "misc"),
    "blog-post": ("BLOG", "misc"),
    "interview": ("GEN", "misc"),
    "article": ("JOUR", "article"),
    "thesis": ("THES", "mastersthesis"),
    "web-page": ("ELEC", "misc"),
    "press-article": ("NEWS", "article"),
    "report": ("RPRT", "techreport"),
    "encyclopedia": ("ENCYC", "misc"),
    "book-chapter": ("CHAP", "incollection"),
    "conference-paper": ("CPAPER", "inproceedings"),
}  # tests/test_bibliography_files.py checks every source type of data/vocabularies.yml is here
LATEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",  # not \{: BibTeX counts every brace, escaped or not
    "}": r"\textbraceright{}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}


def one_line(text: str) -> str:
    return " ".join(str(text).split())


def ris_entry(source: Source) -> dict:
    entry = {
        "type_of_reference": TYPES[source.source_type.id][0],
        "id": source.id,
        "authors": [one_line(author) for author in source.authors],
        "title": one_line(source.title),
        "publisher": source.publisher,
        "place_published": source.place,
        "secondary_title": source.venue,
        "number": source.issue,
        "year": str(source.year) if source.year else None,
        "urls": [source.url] if source.url else None,
    }
    return {
        key: one_line(value) if isinstance(value, str) else value
        for key, value in entry.items()
        if value
    }


class _RisWriter(rispy.RisWriter):
    """rispy's writer without its "1." line before each record, which is no RIS tag."""

    def set_header(self, count: int) -> str:
        return ""


def ris(sources: list[Source]) -> str:
    return rispy.dumps([ris_entry(source) for source in sources], implementation=_RisWriter)


def latex_text(text: str) -> str:
    return "".join(LATEX_SPECIAL.get(character, character) for character in one_line(text))


def bibtex_author(author: str) -> str:
    """ "Family, Given" stays a person's name; an institution is braced so it is not split."""
    text = latex_text(author)
    return text if "," in author else "{" + text + "}"


def bibtex_entry(source: Source) -> dict:
    entry_type = TYPES[source.source_type.id][1]
    fields = {
        "ENTRYTYPE": entry_type,
        "ID": source.id,
        "author": " and ".join(bibtex_author(author) for author in source.authors),
        "title": latex_text(source.title),
        "year": str(source.year) if source.year else "",
        "address": latex_text(source.place or ""),
        "number": latex_text(source.issue or ""),
        "url": (source.url or "").replace("{", "%7B").replace("}", "%7D").replace("\\", "%5C"),
    }
    publisher = latex_text(source.publisher or "")
    venue = latex_text(source.venue or "")
    if entry_type == "article":
        fields |= {"journal": venue, "publisher": publisher}
    elif entry_type == "techreport":
        fields |= {"institution": publisher}
    elif entry_type == "mastersthesis":
        fields |= {"school": publisher}
    else:
        fields |= {"howpublished": venue, "publisher": publisher}
    return {key: value for key, value in fields.items() if value}


def bibtex(sources: list[Source]) -> str:
    database = BibDatabase()
    database.entries = [bibtex_entry(source) for source in sources]
    writer = BibTexWriter()
    writer.order_entries_by = None  # the order of data/sources.yml
    return writer.write(database)


def write_bibliography_files(sources: list[Source], site_dir: Path) -> None:
    folder = site_dir / OPEN_DATA_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    (folder / RIS_FILE).write_text(ris(sources), encoding="utf-8")
    (folder / BIBTEX_FILE).write_text(bibtex(sources), encoding="utf-8")
