"""Citations and references: "(Boussou, 2014)" in the text, the full reference on sources.md.

Every reference on sources.md carries its source id as anchor, so a citation links to
`sources.md#<source id>` from any page of either language.
"""

from __future__ import annotations

from mkdocs.utils import get_relative_url

from macros.model.records import SiteData, Source, lookup
from macros.publish.bibliography_files import BIBTEX_FILE, RIS_FILE
from macros.render.context import PageContext
from macros.render.templates import render
from macros.site.paths import OPEN_DATA_FOLDER, SOURCES_PAGE


def short_authors(source: Source, and_word: str) -> str | None:
    """Family names as a short citation gives them; None when the document names nobody."""
    families = [author.partition(",")[0].strip() for author in source.authors]
    if not families:
        return None
    if len(families) == 1:
        return families[0]
    if len(families) == 2:
        return f"{families[0]} {and_word} {families[1]}"
    return f"{families[0]} et al."


def cite(data: SiteData, page: PageContext, source_id: str) -> str:
    """A short citation on one line (it may sit in a table cell), linked to its reference."""
    source = lookup(data.sources, source_id, "source")
    return render(
        "citation.html",
        source=source,
        authors=short_authors(source, page.ui["and"]),
        href=page.link(SOURCES_PAGE, source.id),
        ui=page.ui,
    ).replace("\n", " ")


def bibliography(data: SiteData, page: PageContext) -> str:
    """Every source as a full reference, in the order of data/sources.yml."""
    return render(
        "bibliography.html",
        sources=list(data.sources.values()),
        downloads={
            "RIS": get_relative_url(f"{OPEN_DATA_FOLDER}/{RIS_FILE}", page.url),
            "BibTeX": get_relative_url(f"{OPEN_DATA_FOLDER}/{BIBTEX_FILE}", page.url),
        },
        language=page.language,
        ui=page.ui,
    )
