"""The What's new page (docs/*/nouveautes.md): the latest major changes of the site, newest
first, each with its day, the page or record it is about, linked, and its note
(data/changes.yml, macros/model/changes.py). New case studies, partners and toolkit pages appear
here by their "first publication" note. A note about what has since been archived or superseded
stays, the true history, marked so: the link leads to its notice and what replaces it."""

from __future__ import annotations

from pathlib import Path

from mkdocs.utils.meta import get_data

from macros.model.changes import ChangeNote, latest_major
from macros.model.records import SiteData
from macros.publish.page_dates import day_text
from macros.registry import KINDS
from macros.render.context import PageContext
from macros.render.templates import render
from macros.site.i18n import DEFAULT_LANGUAGE

LATEST = 30  # notes the page lists


def page_of(about: str) -> str:
    """The page a note is about, as a path in a language folder: "guide/champs.md",
    "cas/g2id.md"."""
    parts = about.split("/")
    if parts[0] == "docs":
        return "/".join(parts[2:])
    kind = next(kind for kind in KINDS if kind.name == parts[1])
    return kind.page_path(Path(parts[2]).stem)


def title_of(about: str, data: SiteData, docs_dir: Path, language: str) -> str:
    """A record's title, or a page's front matter title in `language` (the French one if the
    page is not translated)."""
    parts = about.split("/")
    if parts[0] == "data":
        kind = next(kind for kind in KINDS if kind.name == parts[1])
        return kind.title(data.records[kind.name][Path(parts[2]).stem])[language]
    path = "/".join(parts[2:])
    page = docs_dir / language / path
    if not page.is_file():
        page = docs_dir / DEFAULT_LANGUAGE / path
    return str(get_data(page.read_text("utf-8"))[1].get("title", path))


def whats_new(data: SiteData, page: PageContext, docs_dir: Path) -> str:
    notes: list[ChangeNote] = latest_major(data.changes, LATEST)
    return render(
        "whats_new.html",
        items=[
            (
                note,
                day_text(note.day, page.language, data.words),
                title_of(note.about, data, docs_dir, page.language),
                page.link(page_of(note.about)),
                data.life_cycle_of(note.about),
            )
            for note in notes
        ],
        language=page.language,
        ui=page.ui,
    )
